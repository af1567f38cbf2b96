/**
 * The EdgeHTML webview (Edge 18: Office builds without WebView2), simulated in Debian's headless
 * Chromium: before any script of the page runs, the APIs Edge 18 lacks are deleted (globalThis,
 * Object.fromEntries, Array.prototype.flat/flatMap, String.prototype.matchAll/replaceAll/trimStart…,
 * ResizeObserver, TextEncoder, queueMicrotask, structuredClone…). Then the production build must still
 * run: the task pane assesses (preview), and the ribbon command assesses a workbook (the fake Excel
 * behind a stand-in for office.js) and reports a failure in its dialog, calling event.completed().
 * The syntax side (ES2017) is checked in pane-e2e.test.ts.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import { benchSnapshot } from '../../src/bench/bench';
import { launchChromiumContext, newest, serve } from '../support/browser/chromium';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

/** What EdgeHTML 18 does not have (MDN browser-compat-data); deleted before the page's first script. */
const MISSING_IN_EDGE_18 = [
  'globalThis',
  'Object.fromEntries',
  'Object.hasOwn',
  'Array.prototype.flat',
  'Array.prototype.flatMap',
  'Array.prototype.at',
  'Array.prototype.findLast',
  'Array.prototype.findLastIndex',
  'String.prototype.matchAll',
  'String.prototype.replaceAll',
  'String.prototype.at',
  'String.prototype.trimStart',
  'String.prototype.trimEnd',
  'Promise.allSettled',
  'Promise.any',
  'structuredClone',
  'queueMicrotask',
  'requestIdleCallback',
  'ResizeObserver',
  'TextEncoder',
  'TextDecoder',
  'AbortSignal.timeout',
];

const DELETE_SCRIPT = `(() => {
  const gone = [];
  for (const name of ${JSON.stringify(MISSING_IN_EDGE_18)}) {
    const parts = name.split('.');
    const key = parts.pop();
    let owner = window;
    for (const p of parts) owner = owner[p];
    if (owner && key in owner) {
      delete owner[key];
      if (!(key in owner)) gone.push(name);
    }
  }
  window.__edge18Deleted = gone;
})();`;



/** The fake Excel and the Office stand-in, bundled for the browser (test/system/support/ribbon-office.ts). */
async function bundleRibbonOffice(outDir: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  const config: import('webpack').Configuration = {
    mode: 'development',
    devtool: false,
    target: ['web', 'es2017'],
    context: ROOT,
    entry: path.join(__dirname, 'support', 'ribbon-office.ts'),
    output: { path: outDir, filename: 'ribbon-office.js' },
    resolve: { extensions: ['.ts', '.js'], fallback: { fs: false } },
    module: { rules: [{ test: /\.ts$/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.web.json' } } }] },
    // office.js's own client (the wire) is not used on this page.
    plugins: [new webpack.IgnorePlugin({ resourceRegExp: /^jsdom$|@microsoft\/office-js/ })],
  };
  const stats = await new Promise<import('webpack').Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  return fs.readFileSync(path.join(outDir, 'ribbon-office.js'), 'utf8');
}

let server: http.Server;
let context: BrowserContext;
let profile: string;
let base: string;
let ribbonOffice: string;
const leaked: string[] = [];

beforeAll(async () => {
  const bundle = path.join(DIST, 'taskpane.js');
  const stale = fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs < newest(path.join(ROOT, 'src'));
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')) || stale) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-edge18-'));
  ribbonOffice = await bundleRibbonOffice(tmp);
  fs.rmSync(tmp, { recursive: true, force: true });
  server = await serve(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-chromium-'));
  context = await launchChromiumContext(profile, { viewport: { width: 380, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript({ content: DELETE_SCRIPT });
});

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(() => r(null)));
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

/** A page whose office.js is `officeJs` (a file of the npm copy, or a script given as text). */
async function open(url: string, officeJs: (rel: string) => { path?: string; body?: string }) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', async (route) => {
    const u = new URL(route.request().url());
    if (u.origin === base) return route.continue();
    if (u.host === 'appsforoffice.microsoft.com') {
      const answer = officeJs(u.pathname.replace(/^\/lib\/1\/hosted\//, ''));
      if (answer.body !== undefined) return route.fulfill({ body: answer.body, contentType: 'text/javascript; charset=utf-8' });
      if (answer.path && fs.existsSync(answer.path)) return route.fulfill({ path: answer.path, contentType: 'text/javascript; charset=utf-8' });
      return route.fulfill({ status: 404, body: '' });
    }
    leaked.push(u.href);
    return route.abort();
  });
  await page.goto(`${base}/${url}`);
  return { page, errors };
}

test('the task pane runs with Edge 18’s missing APIs deleted: it opens and assesses', async () => {
  const { page, errors } = await open('taskpane.html', (rel) => ({ path: path.join(OFFICE_DIST, rel) }));
  await page.getByRole('button', { name: '考评', exact: true }).waitFor();
  expect(await page.evaluate(() => (window as unknown as { __edge18Deleted: string[] }).__edge18Deleted)).toEqual(MISSING_IN_EDGE_18);
  await page.getByRole('button', { name: '考评', exact: true }).click();
  await page.getByText(/考评完成：35条考评记录，13条预警，2个数据问题/).waitFor();
  await page.getByRole('tab', { name: '年度排名' }).click();
  await page.getByRole('list', { name: /年度排名/ }).waitFor();
  // what the bundles use and EdgeHTML lacks is back, polyfilled
  const back = await page.evaluate(() => [typeof Object.fromEntries, typeof [].flatMap, typeof ''.trimStart, typeof (window as unknown as { ResizeObserver: unknown }).ResizeObserver]);
  expect(back).toEqual(['function', 'function', 'function', 'function']);
  expect(errors).toEqual([]);
  expect(leaked).toEqual([]);
  await page.close();
});

test('the ribbon command runs with Edge 18’s missing APIs deleted: it assesses, and a failure is shown and completed', async () => {
  const snapshot = benchSnapshot(40);
  for (const [protectedWorkbook, expectDialog] of [
    [false, false],
    [true, true],
  ] as const) {
    const stub = `${ribbonOffice}\n;window.__pgaInstallOffice(${JSON.stringify(snapshot)}, 'zh-CN', ${protectedWorkbook});`;
    const { page, errors } = await open('commands.html', () => ({ body: stub }));
    await page.waitForFunction(() => !!(window as unknown as { __associated?: Record<string, unknown> }).__associated?.runAssessment);
    expect((await page.evaluate(() => (window as unknown as { __edge18Deleted: string[] }).__edge18Deleted)).length).toBe(MISSING_IN_EDGE_18.length);
    const result = await page.evaluate(
      () =>
        new Promise<{ completed: number; sheets: string[]; dialogs: string[] }>((resolve) => {
          const w = window as unknown as {
            __associated: { runAssessment: (e: { completed(): void }) => Promise<void> };
            __pgaWorkbook: { sheets: Array<{ name: string }> };
            __pgaDialogs: string[];
          };
          let completed = 0;
          void w.__associated.runAssessment({
            completed: () => {
              completed++;
              setTimeout(() => resolve({ completed, sheets: w.__pgaWorkbook.sheets.map((s) => s.name), dialogs: w.__pgaDialogs }), 100);
            },
          });
        }),
    );
    expect(result.completed).toBe(1);
    if (expectDialog) {
      expect(result.dialogs).toHaveLength(1);
      expect(new URL(result.dialogs[0]).searchParams.get('msg')).toMatch(/工作簿结构受保护/);
      expect(result.sheets).not.toContain('考评结果');
    } else {
      expect(result.dialogs).toEqual([]);
      expect(result.sheets).toEqual(expect.arrayContaining(['考评记录', '考评结果', '年度排名', '预警与整改', '数据问题', '_PGA_META']));
    }
    expect(errors).toEqual([]);
    await page.close();
  }
});

test('the failure dialog runs with Edge 18’s missing APIs deleted', async () => {
  const q = `title=${encodeURIComponent('考评未完成')}&msg=${encodeURIComponent('工作簿结构受保护')}&lang=zh-CN`;
  const { page, errors } = await open(`dialog.html?${q}`, (rel) => ({ path: path.join(OFFICE_DIST, rel) }));
  await page.getByText('工作簿结构受保护').waitFor();
  expect(await page.getByRole('button').textContent()).toBe('关闭');
  expect(errors).toEqual([]);
  await page.close();
});
