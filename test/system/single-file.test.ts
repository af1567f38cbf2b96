/**
 * The single-file page (issue 18): dist/考评助手.html, received by e-mail or on a USB stick and double-clicked,
 * with no server and no network. In Debian's headless Chromium over the production build:
 *
 * - the file is copied ALONE into an empty folder and opened through its file:// URL, the browser context
 *   offline and every request but the file itself aborted; every request the page makes is recorded;
 * - open assets/sample.xlsx with the file picker, 考评, download: the workbook equals what the command-line
 *   tool (`assess sample.xlsx`) writes for the same file at the same instant, part for part (as the workbook
 *   page's e2e compares: test/system/workbook-page-e2e.test.ts);
 * - 汇总多个党支部 from the same file: the summary equals `assess rollup sample.xlsx`'s, part for part;
 * - not one request but the file itself (data: and blob: URLs are the page's own bytes), no CSP violation
 *   (its CSP allows only its own scripts, by hash, and no connection), no page error; the header's icon
 *   shows (inlined); 设置 offers no help page (there is none beside the file).
 *
 * Firefox cannot be installed for Playwright on this machine: docs/deploy.md says what was verified where.
 */
import { execSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser } from 'playwright-core';
import { buildDistIfStale, launchChromium, packageParts } from '../support/browser/chromium';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
const DIST = process.env.PANE_DIST ? path.resolve(process.env.PANE_DIST) : path.join(ROOT, 'dist');
const SINGLE = '考评助手.html';
const SAMPLE = path.join(ROOT, 'assets', 'sample.xlsx');
const CLI = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');
const FIXED_CLOCK = path.join(ROOT, 'test', 'support', 'fixed-clock.js');
const TZ = 'Asia/Shanghai';
/** The sample's open rectification (deadline 2026-03-31) is overdue on this day. */
const NOW = '2026-05-01T10:00:00+08:00';

let browser: Browser;
let work: string;

beforeAll(async () => {
  buildDistIfStale(ROOT, DIST, SINGLE, SINGLE);
  if (!fs.existsSync(CLI)) execSync('npm run build:cli', { cwd: ROOT, stdio: 'inherit' });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-single-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** The command-line tool in `cwd`, its clock stopped at NOW, in the page's time zone. */
function cli(args: string[], cwd: string): void {
  const r = spawnSync(process.execPath, ['--require', FIXED_CLOCK, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TZ, PGA_FIXED_NOW: NOW } });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
}

/** Two packages hold the same parts with the same bytes (names listed, then each part compared). */
async function expectSameParts(actual: Uint8Array, expected: Uint8Array): Promise<void> {
  const a = await packageParts(actual);
  const e = await packageParts(expected);
  expect([...a.keys()].sort()).toEqual([...e.keys()].sort());
  expect([...e].filter(([name, data]) => !a.get(name)!.equals(data)).map(([name]) => name)).toEqual([]);
}

test('考评助手.html alone, from file:// with the network blocked: assess and roll up, equal to the tool’s', async () => {
  // The tool's outputs for the same file at the same instant.
  const tool = fs.mkdtempSync(path.join(work, 'tool-'));
  fs.copyFileSync(SAMPLE, path.join(tool, 'sample.xlsx'));
  cli(['sample.xlsx'], tool);
  cli(['rollup', 'sample.xlsx', '--out', '汇总.xlsx'], tool);

  // The file on its own, as received.
  const folder = fs.mkdtempSync(path.join(work, 'usb-'));
  fs.copyFileSync(path.join(DIST, SINGLE), path.join(folder, SINGLE));
  expect(fs.readdirSync(folder)).toEqual([SINGLE]);
  const url = pathToFileURL(path.join(folder, SINGLE)).href;

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: TZ, acceptDownloads: true, reducedMotion: 'reduce' });
  await context.setOffline(true);
  const requests: string[] = [];
  const aborted: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    aborted.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url())) requests.push(r.url());
  });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  // The engine runs in its worker here too, started from a Blob URL of the text inside the file.
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to|Failed to load/i.test(msg.text())) problems.push(msg.text());
  });
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(url);

  await page.getByRole('heading', { level: 1, name: '党小组考评助手 · 考评网页' }).waitFor();
  // The header's icon is inside the file and shows.
  await expect(page.locator('header img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(32);

  await page.getByTestId('open-input').setInputFiles(path.join(tool, 'sample.xlsx'));
  await page.getByRole('heading', { name: '工作簿：sample.xlsx' }).waitFor();
  await page.getByRole('button', { name: '考评', exact: true }).click();
  await page.getByText(/考评完成：35条考评记录，13条预警，2个数据问题/).waitFor();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(dl.suggestedFilename()).toBe('sample.assessed.xlsx');
  const got = path.join(work, 'assessed.xlsx');
  await dl.saveAs(got);
  await expectSameParts(new Uint8Array(fs.readFileSync(got)), new Uint8Array(fs.readFileSync(path.join(tool, 'sample.assessed.xlsx'))));

  // 设置: the rules are shown; no help page is offered (none lies beside the file).
  await page.getByTestId('settings-button').click();
  await page.getByTestId('rules-locked').waitFor();
  expect(await page.locator('a[href="help.html"]').count()).toBe(0);

  // 汇总多个党支部 from the same file.
  await page.getByRole('button', { name: /返回/ }).click();
  await page.getByTestId('rollup').click();
  await page.getByTestId('rollup-view').waitFor();
  await page.getByTestId('rollup-files-input').setInputFiles(path.join(tool, 'sample.xlsx'));
  const [summary] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rollup').click()]);
  expect(summary.suggestedFilename()).toBe('汇总.xlsx');
  const gotSummary = path.join(work, 'summary.xlsx');
  await summary.saveAs(gotSummary);
  await expectSameParts(new Uint8Array(fs.readFileSync(gotSummary)), new Uint8Array(fs.readFileSync(path.join(tool, '汇总.xlsx'))));

  expect(await page.getByText(/页面未加载完整|Loading chunk/).count()).toBe(0);
  expect(workers.length).toBeGreaterThan(0);
  expect(workers.filter((w) => !w.startsWith('blob:'))).toEqual([]);
  // Nothing but the file itself was ever asked for.
  expect({ requests, aborted, problems }).toEqual({ requests: [url], aborted: [], problems: [] });
  await context.close();
});
