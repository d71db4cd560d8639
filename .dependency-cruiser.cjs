/**
 * Module boundaries of the API (README, "Architecture"). `npm run lint:deps` checks them and
 * `npm run lint` runs it. Tests, benchmarks and scripts may reach into any module.
 */

/** The files another module may import: a module's public entry. Everything else is private to its folder. */
const PUBLIC_ENTRY = '(\\.(service|types|entity|enums|events|format|policy|loaders|inputs|templates|demo)|-status)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-module-cycles',
      comment:
        'Module folders under api/src/modules point one way: no module may depend, directly or through others, on itself. ' +
        'Checked on folders (a file-level rule misses cycles that pass through different files of one module).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^api/src/modules/[^/]+$' },
      to: { circular: true },
    },
    {
      name: 'platform-never-imports-modules',
      comment: 'The platform serves every module and knows none of them; app.ts and modules/index.ts wire them together.',
      severity: 'error',
      from: { path: '^api/src/platform/' },
      to: { path: '^api/src/(modules/|app\\.ts$)' },
    },
    {
      name: 'modules-use-public-entries',
      comment:
        'A module imports another module only through its public entry: its *.service, *.types, *.entity, *.enums, ' +
        '*.events, *.format, *.policy, *.loaders, *.inputs, *.templates and *.demo (demo data, for the demo seed) files (and tenant/tenant-status.ts). ' +
        'Resolvers, workers, queries, engines, mappers, stores and HTTP routes stay private.',
      severity: 'error',
      from: { path: '^api/src/modules/([^/]+)/' },
      to: { path: '^api/src/modules/[^/]+/', pathNot: ['^api/src/modules/$1/', PUBLIC_ENTRY] },
    },
    {
      name: 'modules-do-not-import-the-composition-root',
      severity: 'error',
      from: { path: '^api/src/modules/[^/]+/' },
      to: { path: '^api/src/(modules/index\\.ts|app\\.ts|main\\.ts)$' },
    },
  ],
  options: {
    metrics: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)(node_modules|dist)/', '/__tests__/', '\\.test\\.ts$', '^api/src/test/', '^api/(bench|scripts)/'] },
    tsPreCompilationDeps: true,
    // An absolute path: dependency-cruiser resolves a relative one against the wrong folder.
    tsConfig: { fileName: `${__dirname}/api/tsconfig.json` },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
