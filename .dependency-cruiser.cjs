/**
 * The layering rule, checked in CI (`npm run lint:deps`): a folder under src/ is a unit that
 * others reach only through its public surface, and no import cycle exists.
 * Why each exception exists is written beside it.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'capability-object-only-at-the-root',
      comment: 'A capability.ts (routes, hooks, jobs: the whole capability) is listed only by the composition root, src/capabilities.ts; others use index.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/capabilities\\.ts$', '\\.test\\.ts$'] },
      to: { path: '^src/([^/]+)/capability\\.ts$', pathNot: '^src/$1/index\\.ts$' },
    },
    {
      name: 'deep-import',
      comment:
        'Another folder is reached only through its index.ts (the web app: a capability\'s browser.ts). ' +
        'Import what you need from there, or export it there if it is meant to be shared.',
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: ['\\.test\\.ts$', '^src/web/'] },
      to: {
        path: '^src/([^/]+)/.+',
        pathNot: [
          '^src/$1/',
          '^src/[^/]+/index\\.ts$',
          // Tables may reference other capabilities' tables for foreign keys (schema → schema only).
          '^src/[^/]+/schema\\.ts$',
        ],
      },
    },
    {
      name: 'schema-reaches-only-schema',
      comment: 'A capability\'s schema.ts may import another capability\'s schema.ts, and nothing else of it besides its index.',
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: ['^src/[^/]+/schema\\.ts$', '^src/db/', '\\.test\\.ts$', '^src/web/'] },
      to: { path: '^src/([^/]+)/schema\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'web-reaches-browser-surfaces',
      comment: 'The web app runs in the browser: it may import only src/web and capabilities\' browser.ts files (no server code).',
      severity: 'error',
      from: { path: '^src/web/', pathNot: ['^src/web/vite\\.config\\.ts$', '^src/web/api/gen-api\\.ts$'] },
      to: { path: '^src/', pathNot: ['^src/web/', '^src/[^/]+/browser\\.ts$', '^src/[^/]+/browser/'] },
    },
    {
      name: 'no-cycle',
      comment: 'Import cycles make start-up order fragile and hide layering mistakes.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-tests',
      comment: 'Run-time code never imports tests or test support.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: ['\\.test\\.ts$', '^test/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    moduleSystems: ['es6'],
  },
};
