/**
 * The layers of src/ (issue 19), checked by `npm run lint` (depcruise src): who may import whom.
 *
 *   src/domain/        pure rules                        → domain (and npm: zod)
 *   src/i18n/          the zh/en catalogue               → domain, i18n
 *   src/workbook/      snapshot, parse, render, meta…    → domain, i18n, workbook
 *   src/app/           use cases, ports, pane service    → domain, i18n, workbook, app
 *   src/rollup/        the roll-up core                  → domain, i18n, workbook, app, rollup, hosts/file
 *                      (the one exception: the roll-up reads and writes .xlsx bytes through the file host)
 *   src/hosts/<name>/  file, office, memory (later wps)  → domain, i18n, workbook, app, its own host folder
 *   src/ui/            the React UI of pane and page     → domain, i18n, workbook, app, ui
 *   src/compat/        polyfills                         → compat only
 *   entries            src/taskpane, src/page, src/commands, src/wps (browser); src/cli, src/bench, src/index.ts (Node)
 *                      → anything below them; nothing imports an entry but its own folder (so no browser entry
 *                        imports src/cli or src/bench, and src/page does not import src/taskpane: shared UI
 *                        goes to src/ui)
 *
 * Each layer's rule lists what it MAY import from src/ (anything else there is an error), so "nothing below
 * the entries imports one" needs no rule of its own; entry-not-into-other-entry keeps the entries apart.
 *
 * Paths are matched as `(?:^|/)src/<layer>/`: the same rules hold for the project (`depcruise src` at the root)
 * and for the fixture projects test/fixtures/lint/{clean,bad} mirroring it, on which test/lint/layers.test.ts
 * runs this configuration (from the fixture's folder, with the fixture's package.json and tsconfig.json). The
 * project's own run never reaches the fixtures: it cruises src/ only, and `exclude` keeps them out besides.
 * Type-only imports count (tsPreCompilationDeps): a layer that names another layer's types depends on it.
 */
const SRC = '(?:^|/)src/';
/** The paths below src/ a layer may import, as one regular expression. */
const only = (...layers) => `${SRC}(?:${layers.join('|')})/`;
const ENTRY_FOLDERS = 'taskpane|page|commands|wps|cli|bench';
const ENTRY = `${SRC}(?:(?:${ENTRY_FOLDERS})/|index\\.[cm]?[jt]sx?$)`;
const KNOWN = `${SRC}(?:(?:domain|i18n|workbook|app|rollup|hosts/[^/]+|ui|compat|${ENTRY_FOLDERS})/|index\\.[cm]?[jt]sx?$)`;
const NODE_MODULES = '(?:^|/)node_modules/';

/** A layer rule: from `from`, any import of src/ outside `allowed` is an error. */
const layer = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: SRC, pathNot: [allowed, NODE_MODULES] },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'layer-domain',
      comment: 'src/domain holds the pure rules: it imports only src/domain and zod — no catalogue, no Node, no host.',
      severity: 'error',
      from: { path: `${SRC}domain/` },
      to: { pathNot: [`${SRC}domain/`, `${NODE_MODULES}zod/`] },
    },
    layer('layer-i18n', `${SRC}i18n/`, only('domain', 'i18n'), 'src/i18n (the zh/en catalogue) imports only src/domain and src/i18n.'),
    layer(
      'layer-workbook',
      `${SRC}workbook/`,
      only('domain', 'i18n', 'workbook'),
      'src/workbook (snapshot, parse, render, meta, digest, ledger) imports only src/domain, src/i18n and src/workbook.',
    ),
    layer(
      'layer-app',
      `${SRC}app/`,
      only('domain', 'i18n', 'workbook', 'app'),
      'src/app (use cases, ports, pane service, report) imports only src/domain, src/i18n, src/workbook and src/app.',
    ),
    layer(
      'layer-rollup',
      `${SRC}rollup/`,
      only('domain', 'i18n', 'workbook', 'app', 'rollup', 'hosts/file'),
      'src/rollup imports src/domain, src/i18n, src/workbook, src/app, src/rollup — and src/hosts/file, the documented ' +
        'exception: the roll-up reads and writes .xlsx bytes.',
    ),
    {
      name: 'layer-hosts',
      comment:
        'A host (src/hosts/<name>/) imports only src/domain, src/i18n, src/workbook, src/app and its own folder: ' +
        'never another host, never src/ui, never an entry.',
      severity: 'error',
      from: { path: `${SRC}hosts/([^/]+)/` },
      to: { path: SRC, pathNot: [`${only('domain', 'i18n', 'workbook', 'app')}`, `${SRC}hosts/$1/`, NODE_MODULES] },
    },
    layer(
      'layer-ui',
      `${SRC}ui/`,
      only('domain', 'i18n', 'workbook', 'app', 'ui'),
      'src/ui (the React UI shared by the task pane and the page) imports only src/domain, src/i18n, src/workbook, ' +
        'src/app and src/ui: never a host, never an entry.',
    ),
    layer('layer-compat', `${SRC}compat/`, only('compat'), 'src/compat (polyfills) imports nothing else from src.'),
    {
      name: 'entry-not-into-other-entry',
      comment:
        'An entry imports only its own entry folder among the entries: no browser entry imports src/cli or ' +
        'src/bench, and src/page does not import src/taskpane (shared UI goes to src/ui).',
      severity: 'error',
      from: { path: `${SRC}(${ENTRY_FOLDERS})/` },
      to: { path: ENTRY, pathNot: [`${SRC}$1/`, NODE_MODULES] },
    },
    {
      name: 'src-in-a-layer',
      comment: 'Every file under src/ belongs to a layer above: a new folder needs its rule here.',
      severity: 'error',
      from: { path: SRC, pathNot: [KNOWN, NODE_MODULES] },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'No import cycles in src/.',
      severity: 'error',
      from: { path: SRC },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment:
        'A module nothing imports is dead, unless something outside the import graph loads it: the webpack ' +
        "entries and the html templates' files, the worker loaded by path, the CLI and library entries.",
      severity: 'error',
      from: {
        orphan: true,
        path: SRC,
        pathNot: [
          ENTRY,
          '\\.d\\.ts$',
          // Loaded by path, not imported: the roll-up worker (src/cli/rollup-files.ts: workerScript)…
          `${SRC}cli/rollup-worker\\.ts$`,
          // …and the ES5 check every html page loads first (copied to dist by webpack.config.js).
          `${SRC}compat/es5-check\\.js$`,
          // …and the task pane's first-paint theme (taskpane.html loads it in <head>).
          `${SRC}ui/theme-boot\\.js$`,
          '\\.(?:html|css|json)$',
        ],
      },
      to: {},
    },
    {
      name: 'not-to-dev-dep',
      comment:
        "src/ must not import a devDependency: it would be missing where the product runs. Type packages " +
        '(@types/*) are fine. src/bench is exempt: `npm run bench` is a developer\'s command (it builds its ' +
        'workbooks with ExcelJS and reads them with JSZip, as another producer would), never part of the product.',
      severity: 'error',
      from: { path: SRC, pathNot: [NODE_MODULES, `${SRC}bench/`] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: `${NODE_MODULES}@types/` },
    },
    {
      name: 'not-to-test',
      comment: 'src/ never imports test/.',
      severity: 'error',
      from: { path: SRC, pathNot: NODE_MODULES },
      to: { path: '(?:^|/)test/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing (a typo, a missing package).',
      severity: 'error',
      from: {},
      // Except the single file's engine worker bundle: a build product (webpack.config.js, singleWorker()), aliased in.
      to: { couldNotResolve: true, pathNot: '^pga-single-worker-bundle\\?source$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The fixtures of test/lint break these rules on purpose.
    exclude: { path: '(?:^|/)test/fixtures/lint/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
