/**
 * End to end in a real browser: the production build of the task pane (dist/), served by a tiny static
 * server, opened in Debian's headless Chromium through playwright-core, in preview mode (office.js finds
 * no Office host). office.js is requested from Microsoft's CDN as in production; offline, that route is
 * answered from node_modules/@microsoft/office-js/dist. Any request to another host is refused and fails
 * the test, and so does any Content-Security-Policy violation.
 *
 * Steps: first paint (printed) → 考评 → band counts and a serious warning → follow it to its row (the
 * preview shows the selected cell) → change a threshold in settings → the counts change → switch to
 * English. Screenshots in test-results/, axe-core scans with no serious or critical violation.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '..', '..');
const DIST = process.env.PANE_DIST ? path.resolve(process.env.PANE_DIST) : path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'test-results');
const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const CDN = 'appsforoffice.microsoft.com';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server: http.Server;
let context: BrowserContext;
let page: Page;
let profile: string;
let base: string;
const leaked: string[] = [];
const cspViolations: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string, fullPage = true) {
  await page.screenshot({ path: path.join(OUT, `pane-${name}.png`), fullPage });
}

async function axeScan(label: string) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol (not a <script>), so the page's CSP stays as deployed.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<Result> } }).axe;
    // Fluent's focus manager (tabster) puts aria-hidden, focusable <i data-tabster-dummy> sentinels at
    // the edges of focus groups to redirect focus; they are never announced nor visible. Everything
    // else, the pane's own markup and Fluent's components, is scanned.
    const r = await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (violations.length) console.log(`axe ${label}: ${violations.map((v) => `${v.id}(${v.impact})`).join(', ')}`);
  expect(bad).toEqual([]);
}

const count = async (band: string) => Number(await page.getByTestId(`count-${band}`).textContent());

/** Newest modification time under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(async () => {
  const bundle = path.join(DIST, 'taskpane.js');
  // Build when dist/ is missing, or older than the sources (never for an explicit PANE_DIST).
  const stale = !process.env.PANE_DIST && fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs < newest(path.join(ROOT, 'src'));
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')) || stale) {
    execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  }
  fs.mkdirSync(OUT, { recursive: true });
  server = await serve(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 380, height: 900 },
    locale: 'zh-CN',
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base) return route.continue();
    if (url.host === CDN) {
      // https://appsforoffice.microsoft.com/lib/1/hosted/<file> → the npm copy of the same file.
      const rel = url.pathname.replace(/^\/lib\/1\/hosted\//, '');
      const file = path.join(OFFICE_DIST, rel);
      if (file.startsWith(OFFICE_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return route.fulfill({ path: file, contentType: 'text/javascript; charset=utf-8' });
      }
      return route.fulfill({ status: 404, body: '' });
    }
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    leaked.push(url.href);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(() => r(null)));
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

test('the pane in preview: assess, follow a warning, change a threshold, switch to English', async () => {
  // ── First paint ──
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole('button', { name: '考评', exact: true }).waitFor();
  const timing = await page.evaluate(() => {
    const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]));
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      fcp: fcp ? Math.round(fcp.startTime) : null,
      ready: Math.round(performance.now()),
      dcl: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
      marks,
    };
  });
  console.log(
    `pane first-contentful-paint=${timing.fcp}ms assess-button-ready<=${timing.ready}ms ` +
      `(DOMContentLoaded ${timing.dcl}ms, boot ${timing.marks['pga-boot']}ms, Office.onReady ${timing.marks['pga-office-ready']}ms, host ready ${timing.marks['pga-host-ready']}ms)`,
  );
  expect(timing.fcp).not.toBeNull();

  // The CSP is in the page as served.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
  expect(csp).toMatch(/connect-src 'self'(;|$)/);

  await page.getByText('预览模式').waitFor();
  await page.getByText('尚未考评').waitFor();
  await shot('1-open');
  await axeScan('open');

  // ── 考评 ──
  await page.getByRole('button', { name: '考评', exact: true }).click();
  await page.getByText(/考评完成：35条考评记录，15条预警，2个数据问题/).waitFor();
  expect([await count('excellent'), await count('qualified'), await count('basic'), await count('unqualified')]).toEqual([1, 3, 1, 0]);
  await page.getByTestId('chart').waitFor();
  await shot('2-summary');
  await axeScan('summary');

  // ── A serious warning, followed to its row ──
  await page.getByRole('tab', { name: /预警/ }).click();
  const serious = page.getByRole('region', { name: /严重/ });
  await serious.waitFor();
  await expect(serious.getByRole('listitem').first().textContent()).resolves.toContain('线路运维二班党小组');
  await shot('3-warnings', false);
  await axeScan('warnings');
  await serious.getByRole('button', { name: /定位到第/ }).first().click();
  await page.getByTestId('preview-selection').getByText(/^示例工作簿中已选中2023年下半年!B\d+$/).waitFor();
  await page.getByText(/该行：.*线路运维二班党小组/).waitFor();
  await shot('3-row-selected', false);

  // ── Keyboard: arrows move between tabs (Fluent's TabList) ──
  await page.getByRole('tab', { name: /预警/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain('数据问题');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '选中2023年下半年!H10' }).click();
  await page.getByText('示例工作簿中已选中2023年下半年!H10').waitFor();
  await axeScan('issues');

  // ── Ranking (lazy) ──
  await page.getByRole('tab', { name: '年度排名' }).click();
  await page.getByRole('table', { name: '2025年度排名（并列占位排名）' }).waitFor();
  await axeScan('ranking');

  // ── Settings: a new threshold, and the result changes ──
  await page.getByRole('tab', { name: '设置' }).click();
  const excellent = page.getByRole('textbox', { name: '优秀分数线' });
  await excellent.fill('80');
  await page.getByRole('button', { name: '保存规则' }).click();
  await page.getByText(/必须高于合格分数线（80）/).waitFor();
  await shot('4-settings-invalid');
  await axeScan('settings');
  await excellent.fill('90');
  await page.getByRole('button', { name: '保存规则' }).click();
  await page.getByText(/考评完成/).waitFor();
  await page.getByRole('tab', { name: '概览' }).click();
  await page.getByTestId('count-excellent').waitFor();
  expect(await count('excellent')).toBe(2);
  expect(await count('qualified')).toBe(2);
  await shot('5-after-threshold');

  // ── English ──
  await page.getByRole('tab', { name: '设置' }).click();
  await page.getByRole('combobox', { name: '面板语言' }).click();
  await page.getByRole('option', { name: '英文 (English)' }).click();
  await page.getByRole('button', { name: 'Assess', exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Summary' }).click();
  await page.getByRole('table', { name: 'Party groups per grade, 2025 H2' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
  await shot('6-english');
  await axeScan('english');
  await page.getByRole('tab', { name: /Warnings/ }).click();
  await page.getByRole('region', { name: /Serious/ }).waitFor();
  await shot('7-english-warnings', false);

  expect(leaked).toEqual([]);
  // The CSP itself refuses office.js's telemetry frame (telemetryservice.firstpartyapps.oaspapps.com)
  // outside Office: that is the policy working. Nothing of the pane's own, nor office.js from the CDN,
  // may ever be refused.
  if (cspViolations.length) console.log(`CSP refused (expected, third-party only):\n${cspViolations.join('\n')}`);
  for (const v of cspViolations) {
    expect(v).not.toContain(base);
    expect(v).not.toMatch(/Refused to (load|execute).*(appsforoffice|127\.0\.0\.1)/);
    expect(v).toMatch(/https:\/\/(?!appsforoffice\.microsoft\.com)[a-z0-9.-]+/);
  }
  expect(pageErrors).toEqual([]);
});

test('weight: the pane’s initial JavaScript is at most 167 KB gzipped, and lazy panels are separate chunks', () => {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*src="?([^"\s>]+\.js)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  expect(initial).toEqual(['es5-check.js', 'taskpane.js']); // the ES5 check first (Internet Explorer webviews), then the pane
  const gz = initial.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length, 0);
  const chunks = fs.readdirSync(DIST).filter((f) => /^(chart|ranking|settings|engine|preview|sample|office-host)\.[0-9a-f]{8}\.js$/.test(f));
  console.log(`pane initial js gzip=${gz} bytes (${(gz / 1024).toFixed(1)} KiB); lazy chunks: ${chunks.sort().join(', ')}`);
  expect(gz).toBeLessThanOrEqual(167 * 1024);
  for (const name of ['chart', 'ranking', 'settings', 'engine', 'preview', 'sample', 'office-host']) {
    expect(chunks.some((f) => f.startsWith(`${name}.`))).toBe(true);
  }
});

test('syntax: every bundle (pane, engine, ribbon commands) parses as ES2017 (the EdgeHTML webview of Excel 2019)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const acorn = require('acorn') as { parse: (src: string, o: object) => unknown };
  const files = fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));
  const failures: string[] = [];
  for (const f of files) {
    try {
      acorn.parse(fs.readFileSync(path.join(DIST, f), 'utf8'), { ecmaVersion: 2017, sourceType: 'script' });
    } catch (e) {
      failures.push(`${f}: ${(e as Error).message}`);
    }
  }
  expect(files.length).toBeGreaterThan(3);
  expect(failures).toEqual([]);
});
