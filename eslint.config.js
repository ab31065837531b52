/**
 * The linter, run in CI (`npm run lint`). typescript-eslint's recommended rules on all code, React
 * hook rules in the web app. Rules are turned off only where a reason is written beside them.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import webRoles from './src/web/eslint.roles.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'src/web/api/schema.d.ts', 'src/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names are mistakes, except a deliberately ignored `_argument`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // No role checks in the web app: it decides with usePermission (issue 9).
  ...webRoles,
  {
    files: ['src/channels/chat/widget/**/*.js'],
    // The embeddable widget is a plain browser script, old-style on purpose (runs on any site).
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'],
    rules: {
      // Tests read loosely typed JSON answers of the API on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
