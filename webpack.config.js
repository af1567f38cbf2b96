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
 *   help.html, assets/*.png, manifest.xml
 *
 * Environment:
 *   ADDIN_ORIGIN   production origin written into dist/manifest.xml in place of https://localhost:3000/
 *                  (default https://example.invalid/ — a reserved name that never resolves, so a build
 *                  deployed without setting it fails loudly instead of pointing at someone else's host)
 *   OFFICE_JS      "cdn" (default): pages load https://appsforoffice.microsoft.com/lib/1/hosted/office.js,
 *                  the only supported way for add-ins in production;
 *                  "local": node_modules/@microsoft/office-js/dist is copied to dist/office-js/ and the
 *                  pages load it from there (offline development and browser tests only — never deploy it).
 * The dev server (npm run dev-server) is HTTPS on port 3000 with office-addin-dev-certs' certificates
 * when that package is installed (npm start installs it on demand); without it, plain HTTP and a warning.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
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

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const localOfficeJs = (env.officeJs || process.env.OFFICE_JS || 'cdn') === 'local';
  const officeJs = localOfficeJs ? 'office-js/office.js' : CDN_OFFICE_JS;
  const serving = !!(env.WEBPACK_SERVE || (argv.env && argv.env.WEBPACK_SERVE));
  const https = serving ? await devServerHttps() : null;

  return {
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
      clean: { keep: /^node[\\/]/ },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // The file host's libraries mention Node modules they never need in a browser (cfb: fs).
      fallback: { fs: false, crypto: false, stream: false },
    },
    module: {
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
    },
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
};
