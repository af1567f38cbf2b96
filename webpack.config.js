/**
 * Builds the add-in's web pages into dist/:
 *   taskpane.html + taskpane.js   the task pane (React + Fluent UI)
 *   commands.html + commands.js   the ribbon's function file (no React)
 *   dialog.html + dialog.js       the failure dialog opened by the ribbon command
 *   workbook.html + workbook.js   the workbook page: the pane over a workbook FILE in any current browser, no
 *                                 Office, no office.js; and the 党委's roll-up (汇总多个党支部). Its file host,
 *                                 roll-up and engine are lazy chunks.
 *   es5-check.js                  the first script of every page: in an Internet Explorer webview, says what to do instead
 *   theme-boot.js                 taskpane.html's <head>: the last Office theme, remembered, from the first paint
 *   考评助手.html                  the workbook page as ONE self-contained file (a third compilation, singleFile() below):
 *                                 every script inlined (the ES5 check first), every lazy chunk merged into one
 *                                 bundle, icons as data: URLs, a CSP of the scripts' sha256 hashes and no
 *                                 connections — double-click it from an e-mail or a USB stick, no server, no network
 *   help.html, assets/*.png, manifest.xml
 *   wps/                          the WPS add-in (a second configuration, self-contained: WPS loads it from one
 *                                 folder, online or unpacked offline): index.html + main.js (the ribbon's
 *                                 callbacks), ribbon.xml, taskpane.html + taskpane.js (the same pane),
 *                                 dialog.html + dialog.js, assets/, es5-check.js; and for deployment
 *                                 publish.html (+ wpsjsrpcsdk.js, Kingsoft's SDK), jsplugins.xml and the offline
 *                                 package <name>_<version>.zip (scripts/wps-package.js)
 *
 * Environment:
 *   ADDIN_ORIGIN   production origin written into dist/manifest.xml in place of https://localhost:3000/
 *                  (default https://example.invalid/ — a reserved name that never resolves, so a build
 *                  deployed without setting it fails loudly instead of pointing at someone else's host)
 *   OFFICE_JS      "cdn" (default): pages load https://appsforoffice.microsoft.com/lib/1/hosted/office.js,
 *                  the only supported way for add-ins in production;
 *                  "local": node_modules/@microsoft/office-js/dist is copied to dist/office-js/ and the
 *                  pages load it from there (offline development and browser tests only — never deploy it).
 *   WPS_ADDIN_URL  the URL dist/wps/ is served at, written into publish.html and jsplugins.xml (default: ADDIN_ORIGIN
 *                  followed by wps/)
 * The dev server (npm run dev-server) is HTTPS on port 3000 with office-addin-dev-certs' certificates
 * when that package is installed (npm start installs it on demand); without it, plain HTTP and a warning.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const HtmlInlineScriptPlugin = require('html-inline-script-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_ORIGIN = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || process.env.DEV_SERVER_PORT || 3000);

function productionOrigin() {
  const origin = process.env.ADDIN_ORIGIN || 'https://example.invalid/';
  if (!/^https:\/\//.test(origin)) throw new Error(`ADDIN_ORIGIN must be an https:// URL, got ${origin}`);
  return origin.endsWith('/') ? origin : `${origin}/`;
}

async function devServerHttps() {
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch {
    console.warn(
      '\n[dev-server] office-addin-dev-certs is not installed: serving plain HTTP on port ' +
        DEV_PORT +
        '.\n  Excel needs HTTPS: run `npm start` (installs it on demand), or `npm install --no-save office-addin-dev-certs`.\n',
    );
    return null;
  }
  return devCerts.getHttpsServerOptions();
}

/** The loaders, shared by the Office pages' configuration and the WPS add-in's. */
function moduleRules(dev) {
  return {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.web.json' } },
        },
        { test: /\.css$/, type: 'asset/source' },
        {
          // Libraries ship ES2020+ syntax (zod's ??, tabster's ??= and class fields); the EdgeHTML webview of
          // Excel 2019 parses ES2017 at most. TypeScript (already here) lowers their syntax to ES2017 — no
          // Babel, no polyfills. Production only: the dev server stays fast.
          test: /\.m?js$/,
          include: /node_modules/,
          use: dev
            ? []
            : {
                loader: 'ts-loader',
                options: {
                  transpileOnly: true,
                  configFile: 'tsconfig.web.json',
                  compilerOptions: { allowJs: true, sourceMap: false },
                },
              },
        },
      ],
    };
}

/** The URL dist/wps/ is served at (publish.html and jsplugins.xml name it). */
function wpsAddinUrl() {
  const url = process.env.WPS_ADDIN_URL || `${productionOrigin()}wps/`;
  if (!/^https?:\/\//.test(url)) throw new Error(`WPS_ADDIN_URL must be an http(s):// URL, got ${url}`);
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * Kingsoft's SDK for the publish page (npm wpsjs-rpc-sdk-new), copied as it ships. Resolved like any
 * dependency (NODE_PATH included), so a missing install fails the build with its name.
 */
function wpsSdk() {
  return require.resolve('wpsjs-rpc-sdk-new/wpsjsrpcsdk.js');
}

/**
 * The WPS add-in (issue 20): one folder, dist/wps/, in the layout WPS loads an add-in from (index.html and
 * ribbon.xml at its root) — its own configuration so that its on-demand chunks are inside that folder too.
 * The same language level as the Office pages (ES2017): docs/deploy.md, "WPS", on the Chromium WPS embeds.
 */
function wpsConfig(dev) {
  const { WpsPackagePlugin, publishEntry } = require('./scripts/wps-package');
  const { version } = require('./package.json');
  const url = wpsAddinUrl();
  return {
    name: 'wps',
    devtool: dev ? 'source-map' : false,
    target: ['web', 'es2017'],
    entry: {
      main: './src/wps/main.ts',
      taskpane: './src/wps/taskpane.tsx',
      dialog: './src/wps/dialog.ts',
      publish: './src/wps/publish.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist', 'wps'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      fallback: { fs: false, crypto: false, stream: false },
    },
    module: moduleRules(dev),
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['main'] }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], officeJs: null, wps: true }),
      new HtmlWebpackPlugin({ filename: 'dialog.html', template: './src/wps/dialog.html', chunks: ['dialog'] }),
      new HtmlWebpackPlugin({ filename: 'publish.html', template: './src/wps/publish.html', chunks: ['publish'], addin: publishEntry(url, version) }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/compat/es5-check.js', to: 'es5-check.js' },
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: wpsSdk(), to: 'wpsjsrpcsdk.js' },
        ],
      }),
      new WpsPackagePlugin({ url, version }),
    ],
  };
}

/** The single-file page's name in dist/ (the one file users pass around). */
const SINGLE_FILE = '考评助手.html';
/** Where the single file's worker bundle is compiled to, read from, and never shipped from. */
const SINGLE_WORKER_DIR = path.resolve(__dirname, '.cache', 'single-file');
const SINGLE_WORKER = 'engine.worker.js';

/** A file of this repository as a data: URL. */
function dataUrl(file, type) {
  return `data:${type};base64,${fs.readFileSync(path.join(__dirname, file)).toString('base64')}`;
}

/**
 * The two finishing touches of the single file, neither a library's:
 *   - the licences stay inside it: the minimizer moves the libraries' licence comments to a .LICENSE.txt
 *     beside the bundle and leaves a pointer to it; the file travels alone, so the comments go back in place
 *     of the pointer (after minimizing, before the bundle is inlined) and the .txt is not written;
 *   - its CSP allows exactly the scripts written into it: after html-webpack-plugin has written (and
 *     minified) the page and html-inline-script-webpack-plugin has put the bundle inside it, the sha256 of
 *     every inline script replaces SCRIPT_HASHES in the page's meta Content-Security-Policy (the hash of the
 *     element's text, as browsers compute it: https://www.w3.org/TR/CSP3/#match-element-to-source-list).
 */
class SingleFileFinishPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('SingleFileFinishPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SingleFileFinishPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING },
        (assets) => {
          for (const name of Object.keys(assets).filter((n) => n.endsWith('.LICENSE.txt'))) {
            const bundle = name.slice(0, -'.LICENSE.txt'.length);
            const pointer = `/*! For license information please see ${path.basename(name)} */`;
            const code = assets[bundle] && assets[bundle].source().toString();
            if (!code || !code.includes(pointer)) continue;
            compilation.updateAsset(bundle, new webpack.sources.RawSource(code.replace(pointer, () => assets[name].source().toString())));
            compilation.deleteAsset(name);
          }
        },
      );
      // Last, on the page as written: webpack's minimizer takes up assets added after it ran (additionalAssets),
      // and minifies the page's inline scripts again after html-webpack-plugin's beforeEmit.
      compilation.hooks.processAssets.tap(
        { name: 'SingleFileFinishPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          if (!assets[SINGLE_FILE]) return;
          const html = assets[SINGLE_FILE].source().toString();
          const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
            (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
          );
          if (hashes.length < 2 || /<script[^>]+src=/.test(html) || !html.includes('SCRIPT_HASHES')) {
            throw new Error(`${SINGLE_FILE}: expected the inlined ES5 check and bundle and a CSP to fill in`);
          }
          compilation.updateAsset(SINGLE_FILE, new webpack.sources.RawSource(html.replace('SCRIPT_HASHES', hashes.join(' '))));
        },
      );
    });
  }
}

/**
 * The single-file page (dist/考评助手.html): the workbook page's entry compiled again, on its own —
 *   - LimitChunkCountPlugin({ maxChunks: 1 }): every import() of the page (file host, pane, roll-up, engine…)
 *     is merged into the one bundle, so nothing is ever loaded from disk (a file:// page cannot fetch chunks);
 *   - resolve.alias swaps the modules that name files beside the page for their single-file versions in
 *     src/page/single-file/ (the icon inlined, no help page, and the engine worker started from a Blob URL of
 *     its bundle's text — the bundle singleWorker() compiles first, read in as text by `?source`;
 *     docs/architecture.md, "The single-file page");
 *   - html-webpack-plugin writes it from the page's own template (singleFile: the ES5 check and the icons
 *     inline, its own CSP), html-inline-script-webpack-plugin puts the bundle inside it and drops the .js,
 *     SingleFileFinishPlugin keeps the licences in it and fills in the CSP.
 */
function singleFile(base) {
  const alias = {
    [path.resolve(__dirname, 'src/page/site-files.ts')]: path.resolve(__dirname, 'src/page/single-file/site-files.ts'),
    [path.resolve(__dirname, 'src/page/engine-worker-client.ts')]: path.resolve(__dirname, 'src/page/single-file/engine-worker-client.ts'),
    'pga-single-worker-bundle': path.join(SINGLE_WORKER_DIR, SINGLE_WORKER),
  };
  return {
    name: 'single-file',
    // The worker's bundle is read as text: it must be written first.
    dependencies: ['single-worker'],
    devtool: false,
    target: base.target,
    entry: { workbook: './src/page/index.tsx' },
    output: {
      path: base.output.path,
      // Never written: the bundle is inlined and its asset dropped (a unique name all the same).
      filename: 'single-file-[name].js',
      publicPath: '',
      clean: false,
    },
    resolve: { ...base.resolve, alias },
    module: {
      rules: [
        ...base.module.rules,
        { test: /\.png$/, type: 'asset/inline' },
        // The worker's bundle, already compiled and minified: its text, as it is.
        { resourceQuery: /^\?source$/, type: 'asset/source' },
      ],
    },
    performance: base.performance,
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({
        filename: SINGLE_FILE,
        template: './src/page/workbook.html',
        chunks: ['workbook'],
        // At the end of <body>, run as it is met: an inline script ignores defer.
        inject: 'body',
        scriptLoading: 'blocking',
        singleFile: true,
        inline: {
          es5Check: fs.readFileSync(path.join(__dirname, 'src/compat/es5-check.js'), 'utf8').replace(/<\/script/gi, '<\\/script'),
          icon16: dataUrl('assets/icon-16.png', 'image/png'),
          icon32: dataUrl('assets/icon-32.png', 'image/png'),
        },
      }),
      new HtmlInlineScriptPlugin({ htmlMatchPattern: [new RegExp(`${SINGLE_FILE}$`)] }),
      new SingleFileFinishPlugin(),
    ],
  };
}

/**
 * The single file's engine worker (src/page/engine.worker.ts), compiled on its own for a worker's global
 * scope with every chunk in one (a worker started from a Blob URL cannot load chunks either), its licences
 * kept inside it; written to a build cache, never to dist/: the single-file compilation reads it as text.
 */
function singleWorker(base) {
  return {
    name: 'single-worker',
    devtool: false,
    target: ['webworker', 'es2017'],
    entry: { worker: './src/page/engine.worker.ts' },
    output: { path: SINGLE_WORKER_DIR, filename: SINGLE_WORKER, publicPath: '', clean: true },
    resolve: base.resolve,
    module: base.module,
    performance: base.performance,
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new SingleFileFinishPlugin()],
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const localOfficeJs = (env.officeJs || process.env.OFFICE_JS || 'cdn') === 'local';
  const officeJs = localOfficeJs ? 'office-js/office.js' : CDN_OFFICE_JS;
  const serving = !!(env.WEBPACK_SERVE || (argv.env && argv.env.WEBPACK_SERVE));
  const https = serving ? await devServerHttps() : null;

  const office = {
    name: 'office',
    devtool: dev ? 'source-map' : false,
    target: ['web', 'es2017'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      dialog: './src/commands/dialog.ts',
      workbook: './src/page/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      // dist/node/ holds the command-line tool (npm run build:cli): keep it
      clean: { keep: (file) => /^(?:node|wps)[\\/]/.test(file) || file === SINGLE_FILE },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // The file host's libraries mention Node modules they never need in a browser (cfb: fs).
      fallback: { fs: false, crypto: false, stream: false },
    },
    module: moduleRules(dev),
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], officeJs }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], officeJs }),
      new HtmlWebpackPlugin({ filename: 'dialog.html', template: './src/commands/dialog.html', chunks: ['dialog'], officeJs }),
      new HtmlWebpackPlugin({ filename: 'workbook.html', template: './src/page/workbook.html', chunks: ['workbook'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/commands/help.html', to: 'help.html' },
          // The ES5 check every page runs first (Internet Explorer 11 webviews: what to do instead).
          { from: 'src/compat/es5-check.js', to: 'es5-check.js' },
          // The task pane's theme from the first paint (the last Office theme, remembered): plain ES5, in <head>.
          { from: 'src/ui/theme-boot.js', to: 'theme-boot.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform(content) {
              return dev ? content : content.toString().split(DEV_ORIGIN).join(productionOrigin());
            },
          },
          ...(localOfficeJs ? [{ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js' }] : []),
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : { type: 'http' },
      static: { directory: path.resolve(__dirname, 'dist') },
      hot: false,
    },
  };
  // The dev server serves the pages; the build writes the WPS add-in and the single file as well.
  return serving ? [office, wpsConfig(dev)] : [office, wpsConfig(dev), singleWorker(office), singleFile(office)];
};
