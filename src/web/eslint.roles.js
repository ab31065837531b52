/**
 * ESLint flat-config fragment: the web app decides what to offer with `usePermission`
 * (`app/use-permission.ts`), which reads the permissions the server computed from its rules;
 * it never decides on the user's role. Showing a role's name (a badge, a role select, a filter
 * the admin picks) stays allowed: only comparisons with a written-out role, membership tests,
 * `switch` on a role and the role helpers are refused.
 *
 * Import it into `eslint.config.js`: `import roles from './src/web/eslint.roles.js'; export default [..., ...roles];`
 */

// Parses TypeScript when the parser is installed (the main config normally sets it for every
// file); without it the fragment still loads, so importing it never breaks a config.
const tsParser = await import('@typescript-eslint/parser').then((m) => m.default ?? m, () => undefined);

const message = 'Decide with usePermission, not the role';
// `x.role`, `x?.role` (a ChainExpression around it) and `x['role']`.
const role = 'MemberExpression[property.name="role"], MemberExpression[property.value="role"], ChainExpression[expression.property.name="role"]';
const literal = 'Literal, TemplateLiteral';

export default [
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ...(tsParser ? { languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } } : {}),
    rules: {
      'no-restricted-syntax': [
        'error',
        // user.role === 'admin', user.role !== 'customer', 'manager' == user.role …
        { selector: `BinaryExpression[operator=/^[!=]==?$/]:has(> :matches(${role})):has(> :matches(${literal}))`, message },
        // ['admin', 'manager'].includes(user.role), managers.includes(user.role), roles.indexOf(user.role)
        { selector: `CallExpression[callee.property.name=/^(includes|indexOf|some|has)$/]:has(> .arguments:matches(${role}))`, message },
        // switch (user.role) { … }
        { selector: `SwitchStatement > .discriminant:matches(${role})`, message },
        // hasRole(user, 'admin'), isStaff(user), isCustomer(user): role helpers of the server
        { selector: 'CallExpression[callee.name=/^(hasRole|isStaff|isCustomer)$/]', message },
        { selector: 'CallExpression[callee.property.name=/^(hasRole|isStaff|isCustomer)$/]', message },
      ],
    },
  },
];
