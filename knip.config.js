/**
 * Unused files, exports and dependencies (issue 19), checked by `npm run lint` in two runs:
 *
 *   knip --production   src/ as the product runs it: entered only where it starts (the `!` patterns below and
 *                       webpack.config.js's entries), tests and scripts left out. An export or file of src/ that
 *                       only a test imports is unused here. Also: dependencies production code never imports.
 *   knip                the whole repository: tests (jest.config.js), scripts, devDependencies, unlisted packages
 *                       and binaries, and test/'s own unused files and exports. Here a test import does count as
 *                       a use, so src/'s files and exports are left to the production run (ignoreIssues below) —
 *                       knip cannot make test files entries whose imports do not count.
 *
 * Besides what knip's plugins find (webpack.config.js's entries, jest.config.js's tests and setup files), the
 * entries below are the files something loads by path rather than by import. Dynamic import()s are followed.
 * test/fixtures/lint/ is left out: test/lint/knip.test.ts runs this configuration there, on purpose-made
 * findings.
 */
const production = process.argv.includes('--production') || process.argv.includes('-p');

/** Issue types that belong to the production run for src/. */
const SRC_ISSUES = ['files', 'exports', 'types', 'nsExports', 'nsTypes', 'enumMembers', 'duplicates'];

/** @type {import('knip').KnipConfig} */
module.exports = {
  entry: [
    // package.json's `bin` and `main` (built to dist/node from these)
    'src/cli/main.ts!',
    'src/index.ts!',
    // the roll-up's worker thread, started by path (src/cli/rollup-files.ts: workerScript)
    'src/cli/rollup-worker.ts!',
    // `npm run bench` (node dist/node/bench/bench.js)
    'src/bench/bench.ts!',
    // the single-file page's versions of page modules (webpack.config.js's singleFile(): resolve.alias)
    'src/page/single-file/*.ts!',
    // the ES5 check every html page loads first (webpack.config.js copies it to dist)
    'src/compat/es5-check.js!',
    // the task pane's first-paint theme, loaded by taskpane.html's <head> (webpack.config.js copies it to dist)
    'src/ui/theme-boot.js!',
    // the scripts: package.json's, and those the bench and the tests start by path
    'scripts/*.js',
    // bundled or preloaded by path in tests
    'test/support/browser/*-entry.ts',
    'test/support/count-workers.js',
    'test/support/fixed-clock.js',
    'test/system/support/ribbon-office.ts',
    // the page's run in Chromium: `npm run bench` loads it by path (src/bench/bench.ts, the page line)
    'test/support/browser/page-run.ts',
  ],
  project: ['src/**/*.{ts,tsx,js}!', 'test/**/*.{ts,tsx,js}', 'scripts/**/*.js'],
  ignore: ['test/fixtures/lint/**'],
  ignoreIssues: production ? {} : { 'src/**': SRC_ISSUES },
  // An export its own module uses is not dead code: report exports nothing uses.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // optional: `npm start` installs it on demand for the dev server's certificates (webpack.config.js)
    'office-addin-dev-certs',
    // not imported: webpack.config.js copies its wpsjsrpcsdk.js beside the WPS publish page (dist/wps/publish.html),
    // which the whole-repository run sees (webpack.config.js is in its project) and the production run does not
    ...(production ? ['wpsjs-rpc-sdk-new'] : []),
    // not a package: the single file's engine worker bundle, a build product webpack.config.js aliases in (singleWorker())
    'pga-single-worker-bundle',
  ],
  // Debian programs the system tests run (npm run setup:system installs them)
  ignoreBinaries: ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'],
  rules: {
    files: 'error',
    dependencies: 'error',
    devDependencies: 'error',
    unlisted: 'error',
    binaries: 'error',
    unresolved: 'error',
    exports: 'error',
    types: 'error',
    nsExports: 'error',
    nsTypes: 'error',
    enumMembers: 'error',
    duplicates: 'error',
  },
};
