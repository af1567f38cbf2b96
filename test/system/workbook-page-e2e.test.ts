/**
 * End to end in a real browser: the workbook page (workbook.html, production build in dist/) in Debian's
 * headless Chromium, served by a tiny static server; the real command-line tool (dist/node/cli/main.js)
 * beside it. Issue 12's "Done when" for the page:
 *
 * - drop assets/sample.xlsx on the page (a drop event carrying the file), assess, download (Playwright's
 *   download event): the downloaded workbook equals `assess sample.xlsx`'s output part for part (every part's
 *   inflated bytes); the same in English through the file picker against `assess --lang en-US`;
 * - the steps of one workbook read downwards (① what is open, ② 考评, ③ download) with one primary button at a
 *   time: 考评 before a run; after it the download, and 考评 says 重新考评; the name it will be saved as said
 *   before saving; 设置 lists the rules read-only, the output language following the page;
 * - a damaged file shows the one-line reason — the very line `assess` prints for it — and offers nothing to
 *   download;
 * - 汇总多个党支部: a folder of branch workbooks (one damaged, one old .xls, one never assessed, one sent twice,
 *   an earlier summary, lock and hidden files beside them) picked as a folder, and several files dropped at
 *   once: the downloaded 汇总.xlsx equals `assess rollup`'s part for part, and 报送情况 on the page lists the
 *   files as the tool's JSON report does;
 * - nothing leaves the browser: every request goes to the page's own site (none to any other host) and is a
 *   GET of the page's own files; no Content-Security-Policy violation;
 * - axe-core finds no violation at 320 px and at 1280 px (start, after 考评, the roll-up).
 *
 * The run time: the page runs under Playwright's fixed clock and the tool under the same instant
 * (test/support/fixed-clock.js, preloaded into its process), both in Asia/Shanghai, so both write the same
 * 生成时间 and judge rectifications on the same day — no normalisation of the outputs is needed.
 * Screenshots in test-results/ (and, with PGA_README_IMAGES=1, the docs' in docs/images/).
 */
import { execSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeBranchFolder } from '../support/branches';
import { VARIANTS } from '../support/variants';
import { axeViolations, buildDistIfStale, openSite, packageParts, screenshot } from '../support/browser/chromium';

jest.setTimeout(600_000);

const ROOT = path.join(__dirname, '..', '..');
const DIST = process.env.PANE_DIST ? path.resolve(process.env.PANE_DIST) : path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'test-results');
const README_IMAGES = process.env.PGA_README_IMAGES === '1' ? path.join(ROOT, 'docs', 'images') : null;
const CLI = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');
const FIXED_CLOCK = path.join(ROOT, 'test', 'support', 'fixed-clock.js');
const TZ = 'Asia/Shanghai';
/** The day of the single-workbook runs: the sample's open rectification (deadline 2026-03-31) is overdue. */
const ASSESS_AT = '2026-05-01T10:00:00+08:00';
/** The day of the roll-up runs: the branch folder's statuses are described as of 2026-01-15. */
const ROLLUP_AT = '2026-01-15T09:30:00+08:00';



/** The command-line tool, its clock stopped at `now`, in the page's time zone. */
function cli(args: string[], cwd: string, now: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--require', FIXED_CLOCK, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TZ, PGA_FIXED_NOW: now },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every part of a package, inflated. */
const parts = packageParts;

/** Two packages hold the same parts with the same bytes (names listed, then each part compared). */
async function expectSameParts(actual: Uint8Array, expected: Uint8Array): Promise<void> {
  const a = await parts(actual);
  const e = await parts(expected);
  expect([...a.keys()].sort()).toEqual([...e.keys()].sort());
  const differing = [...e].filter(([name, data]) => !a.get(name)!.equals(data)).map(([name]) => name);
  expect(differing).toEqual([]);
}

let site: Awaited<ReturnType<typeof openSite>>;
let browser: Browser;
let base: string;
let work: string;
const requests: string[] = [];
const leaked: string[] = [];
const cspViolations: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  buildDistIfStale(ROOT, DIST, 'workbook.html', 'workbook.js');
  if (!fs.existsSync(CLI)) execSync('npm run build:cli', { cwd: ROOT, stdio: 'inherit' });
  fs.mkdirSync(OUT, { recursive: true });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-page-'));
  site = await openSite(DIST);
  ({ base, browser } = site);
});

afterAll(async () => {
  await site?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

afterEach(() => {
  // Nothing leaves the browser, whatever the test did.
  expect(leaked).toEqual([]);
  expect(cspViolations).toEqual([]);
  expect(pageErrors).toEqual([]);
  leaked.length = 0;
  cspViolations.length = 0;
  pageErrors.length = 0;
});

/** A fresh context: viewport, browser language, time zone, the clock stopped at `now`; only the page's own site answers. */
async function open(width: number, locale: 'zh-CN' | 'en-US', now: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale,
    timezoneId: TZ,
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  await context.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    if (url.origin === base && req.method() === 'GET') {
      requests.push(url.pathname);
      return route.continue();
    }
    leaked.push(`${req.method()} ${url.href}`);
    return route.abort();
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(now));
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${base}/workbook.html`);
  return { context, page };
}

async function shot(page: Page, name: string, readme?: string) {
  await screenshot(page, path.join(OUT, `page-${name}.png`), { dir: README_IMAGES, name: readme });
}

async function axeScan(page: Page, label: string) {
  const violations = await axeViolations(page);
  if (violations.length) console.log(`axe ${label}: ${JSON.stringify(violations)}`);
  expect({ label, violations: violations.map(({ why: _why, ...v }) => v) }).toEqual({ label, violations: [] });
}

async function noSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** Drop files on an element as a user's drag and drop does: dragenter, dragover, drop, with a DataTransfer holding them. */
async function dropFiles(page: Page, selector: string, files: { name: string; bytes: Uint8Array; lastModified?: number }[]) {
  const data = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { lastModified: f.lastModified }));
    }
    return dt;
  }, files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64'), lastModified: f.lastModified ?? Date.parse(ASSESS_AT) })));
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(selector, type, { dataTransfer: data });
}

/** Click a download button; the file the browser saves (name and bytes). */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(work, `dl-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(file)) };
}

const SAMPLE = path.join(ROOT, 'assets', 'sample.xlsx');

/** The buttons drawn as primary (Fluent's brand background, web light theme #0f6cbd): their names. */
function primaryButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((b) => getComputedStyle(b).backgroundColor === 'rgb(15, 108, 189)' && b.getBoundingClientRect().width > 0)
      .map((b) => (b.textContent ?? '').trim()),
  );
}

/** The tops of the three step marks ① ② ③ of one workbook, in the order they appear. */
function stepTops(page: Page): Promise<{ mark: string; top: number }[]> {
  return page.evaluate(() => [...document.querySelectorAll('.pgp-step')].map((e) => ({ mark: e.textContent ?? '', top: e.getBoundingClientRect().top })));
}

/** The steps read downwards: ① (what is open) above ② (考评) above ③ (download). */
async function stepsReadDownwards(page: Page) {
  const tops = await stepTops(page);
  expect(tops.map((t) => t.mark)).toEqual(['①', '②', '③']);
  expect(tops[0].top).toBeLessThan(tops[1].top);
  expect(tops[1].top).toBeLessThan(tops[2].top);
}

describe('the workbook page', () => {
  test('zh-CN at 1280 px: drop sample.xlsx, 考评, download — the same workbook `assess` writes, part for part', async () => {
    // The tool, on the same file at the same instant.
    const dir = fs.mkdtempSync(path.join(work, 'assess-'));
    fs.copyFileSync(SAMPLE, path.join(dir, 'sample.xlsx'));
    const r = cli(['sample.xlsx'], dir, ASSESS_AT);
    expect(r.status).toBe(0);
    const expected = new Uint8Array(fs.readFileSync(path.join(dir, 'sample.assessed.xlsx')));

    // As deployed: no office.js, connections to its own site only.
    const html = fs.readFileSync(path.join(DIST, 'workbook.html'), 'utf8');
    expect(html).not.toMatch(/office\.js|appsforoffice/);
    expect(html).toMatch(/Content-Security-Policy[^>]*connect-src 'self'[;"]/);
    expect(html).toMatch(/script-src 'self';/);

    const { context, page } = await open(1280, 'zh-CN', ASSESS_AT);
    await page.getByRole('heading', { level: 1, name: '党小组考评助手 · 考评网页' }).waitFor();
    await expect(page.getByTestId('privacy').innerText()).resolves.toMatch(/文件不会离开这台电脑[\s\S]*不上传到任何服务器[\s\S]*打开后可断网使用/);
    // Plain words for a WPS user: no command-line tool in the footer.
    await expect(page.locator('footer').innerText()).resolves.not.toMatch(/命令行|assess/);
    await page.getByRole('button', { name: '打开工作簿' }).waitFor();
    await shot(page, 'zh-1280-1-start', 'page-1-start.png');
    await axeScan(page, 'zh 1280 start');

    await dropFiles(page, '[data-testid=drop-zone]', [{ name: 'sample.xlsx', bytes: new Uint8Array(fs.readFileSync(SAMPLE)) }]);
    await page.getByRole('heading', { name: '工作簿：sample.xlsx' }).waitFor();
    await page.getByText('尚未考评').waitFor();
    // Nothing to download before a run; the name it will be saved as is said already. ② 考评 is the one primary button.
    expect(await page.getByTestId('download').count()).toBe(0);
    await expect(page.getByTestId('download-hint').innerText()).resolves.toBe('点“考评”后可以下载考评后的工作簿，将保存为“sample.assessed.xlsx”。');
    await stepsReadDownwards(page);
    await expect(primaryButtons(page)).resolves.toEqual(['考评']);

    await page.getByRole('button', { name: '考评', exact: true }).click();
    await page.getByText(/考评完成：35条考评记录，13条预警，2个数据问题/).waitFor();
    // The same pane: 概览 leads with the overdue rectification (the clock says 2026-05-01).
    await page.getByText('已逾期31天').first().waitFor();
    await expect(page.getByTestId('download-hint').innerText()).resolves.toBe('将保存为“sample.assessed.xlsx”：原文件不变，请把下载的工作簿报送党委或发给支委会。');
    // After a run ③ 下载 is the one primary button, under ②, which now says 重新考评.
    await stepsReadDownwards(page);
    await expect(primaryButtons(page)).resolves.toEqual(['下载考评后的工作簿']);
    await page.getByRole('button', { name: '重新考评', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '考评', exact: true }).count()).toBe(0);
    await shot(page, 'zh-1280-2-assessed', 'page-2-assessed.png');
    await axeScan(page, 'zh 1280 assessed');

    const got = await download(page, 'download');
    expect(got.name).toBe('sample.assessed.xlsx');
    await expectSameParts(got.bytes, expected);
    // The parts are the same bytes; the zip container around them may differ in size only because the
    // browser's deflate (CompressionStream) and Node's zlib compress the same bytes differently.
    console.log(`workbook page: downloaded ${got.bytes.length} bytes, the tool wrote ${expected.length} (the same parts)`);

    // A Party group's history (sent by the page's engine only when it is opened): its six half-years; 返回
    // gives the focus back to the group's name.
    const historyLink = page.getByRole('button', { name: '城西供电所党小组：查看历次考评' }).first();
    await historyLink.click();
    await page.getByRole('heading', { level: 2, name: '城西供电所党小组历次考评' }).waitFor();
    expect(await page.getByTestId('history').locator('[data-period]').count()).toBe(6);
    await axeScan(page, 'zh 1280 history');
    await page.getByTestId('history').getByRole('button', { name: /返回/ }).click();
    await page.getByTestId('history').waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('城西供电所党小组：查看历次考评');

    // 设置: the sample's 考评规则 sheet is shown, and where to change it is said (the page edits no input sheet).
    await page.getByTestId('settings-button').click();
    await page.getByTestId('rules-locked').waitFor();
    await expect(page.getByTestId('rules-locked').innerText()).resolves.toMatch(/本页面不修改工作簿中已有的“考评规则”表：请在WPS或Excel中修改/);
    expect(await page.getByRole('button', { name: '保存规则' }).count()).toBe(0);
    // The rules as a read-only list (no greyed-out inputs); the output language follows this page, not Office.
    await page.getByTestId('rules-list').waitFor();
    expect(await page.getByTestId('rules-list').locator('input').count()).toBe(0);
    await expect(page.getByTestId('rule-language').innerText()).resolves.toBe('跟随本页语言');
    expect(await page.getByText(/跟随Office/).count()).toBe(0);
    await axeScan(page, 'zh 1280 settings');
    await noSidewaysScroll(page);
    // Only the page's own files were fetched.
    expect(requests.every((p) => /^\/(workbook\.html|es5-check\.js|workbook\.js|[\w.-]+\.js|assets\/[\w-]+\.png|help\.html)$/.test(p))).toBe(true);
    await context.close();
  });

  test('en-US at 320 px: the browser’s language, the file picker, `assess --lang en-US`’s workbook; the switch to 中文', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'assess-en-'));
    fs.copyFileSync(SAMPLE, path.join(dir, 'sample.xlsx'));
    const r = cli(['sample.xlsx', '--lang', 'en-US'], dir, ASSESS_AT);
    expect(r.status).toBe(0);
    const expected = new Uint8Array(fs.readFileSync(path.join(dir, 'sample.assessed.xlsx')));

    const { context, page } = await open(320, 'en-US', ASSESS_AT);
    await page.getByRole('heading', { level: 1, name: 'Party Group Assessment · Workbook page' }).waitFor();
    await expect(page.getByTestId('privacy').innerText()).resolves.toMatch(/Your files stay on this computer[\s\S]*never uploaded/);
    await axeScan(page, 'en 320 start');
    await noSidewaysScroll(page);
    await shot(page, 'en-320-1-start');

    await page.getByTestId('open-input').setInputFiles(SAMPLE);
    await page.getByRole('heading', { name: 'Workbook: sample.xlsx' }).waitFor();
    await page.getByRole('button', { name: 'Assess', exact: true }).click();
    await page.getByText(/Assessment done: 35 records, 13 warnings, 2 data issues/).waitFor();
    // At 320 px too the steps read downwards, with one primary button.
    await stepsReadDownwards(page);
    await expect(primaryButtons(page)).resolves.toEqual(['Download the assessed workbook']);
    await page.getByRole('button', { name: 'Assess again', exact: true }).waitFor();
    await axeScan(page, 'en 320 assessed');
    await noSidewaysScroll(page);
    await shot(page, 'en-320-2-assessed', 'page-4-assessed-en-320.png');
    const got = await download(page, 'download');
    expect(got.name).toBe('sample.assessed.xlsx');
    await expectSameParts(got.bytes, expected);

    // The switch: the page and the pane in Chinese at once, the workbook untouched (the choice is the browser's).
    await page.getByTestId('switch-language').click();
    await page.getByRole('heading', { level: 1, name: '党小组考评助手 · 考评网页' }).waitFor();
    await page.getByRole('tab', { name: /概览/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const after = await download(page, 'download');
    await expectSameParts(after.bytes, expected);
    // Remembered in this browser for the next visit.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '党小组考评助手 · 考评网页' }).waitFor();
    await context.close();
  });

  test('a damaged file: the one-line reason `assess` gives, and nothing to download', async () => {
    const damaged = await VARIANTS.find((v) => v.name === 'truncated')!.bytes();
    const dir = fs.mkdtempSync(path.join(work, 'damaged-'));
    fs.writeFileSync(path.join(dir, '损坏.xlsx'), damaged);
    const r = cli(['损坏.xlsx'], dir, ASSESS_AT);
    expect(r.status).toBe(2);
    const line = r.stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual(['损坏.xlsx']);

    const { context, page } = await open(320, 'zh-CN', ASSESS_AT);
    await page.getByTestId('open-input').setInputFiles(path.join(dir, '损坏.xlsx'));
    const alert = page.getByTestId('open-failed');
    await alert.waitFor();
    await expect(alert.getByText('无法打开“损坏.xlsx”').count()).resolves.toBe(1);
    // The same reason as `assess` gives; the file is named once, in the title (the CLI's line starts with it).
    expect(line.startsWith('损坏.xlsx: ')).toBe(true);
    await expect(page.getByTestId('open-reason').innerText()).resolves.toBe(line.slice('损坏.xlsx: '.length));
    expect((await alert.innerText()).split('损坏.xlsx')).toHaveLength(2);
    expect(await page.getByTestId('download').count()).toBe(0);
    expect(await page.getByRole('button', { name: /下载/ }).count()).toBe(0);
    await axeScan(page, 'zh 320 damaged');
    await noSidewaysScroll(page);
    await shot(page, 'zh-320-3-damaged', 'page-3-damaged.png');

    // Not a workbook at all (by its name): the same refusal, saying what to do.
    await page.getByTestId('open-input').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await expect(page.getByTestId('open-reason').innerText()).resolves.toMatch(/“说明.txt”不是.xlsx或.xlsm工作簿：请在Excel或WPS中另存为/);
    expect(await page.getByTestId('download').count()).toBe(0);
    await context.close();
  });

  test('汇总多个党支部 at 1280 px: a folder of branch workbooks gives the summary `assess rollup` writes, part for part', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'rollup-'));
    await writeBranchFolder(path.join(dir, '各党支部报送'));
    const r = cli(['rollup', '各党支部报送', '--out', '汇总.xlsx', '--json', '汇总.json'], dir, ROLLUP_AT);
    expect(r.status).toBe(0);
    const expected = new Uint8Array(fs.readFileSync(path.join(dir, '汇总.xlsx')));
    const report = JSON.parse(fs.readFileSync(path.join(dir, '汇总.json'), 'utf8')) as { files: { file: string; status: string; reason: string | null }[] };
    // The folder as the tool read it: damaged and .xls unreadable, the copy a duplicate, the old summary skipped.
    expect(report.files.map((f) => f.status).sort()).toEqual(['duplicate', 'included', 'included', 'included', 'included', 'included', 'skipped', 'unreadable', 'unreadable']);

    const { context, page } = await open(1280, 'zh-CN', ROLLUP_AT);
    await page.getByTestId('rollup').click();
    await page.getByRole('heading', { level: 2, name: '汇总多个党支部' }).waitFor();
    await axeScan(page, 'zh 1280 rollup start');
    await page.getByTestId('rollup-folder-input').setInputFiles(path.join(dir, '各党支部报送'));
    const result = page.getByTestId('rollup-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toMatch(/汇总完成[\s\S]*已汇总5个党支部（9个文件，未能读取2个，重复1个，跳过1个）[\s\S]*整改状态截至2026年1月15日（今天）/);
    // 报送情况: every file the tool listed, in its order, with its status word and reason.
    const items = await page.getByTestId('submissions').locator('li').evaluateAll((lis) => lis.map((li) => li.querySelector('.pgp-file-name')!.textContent));
    expect(items).toEqual(report.files.map((f) => f.file));
    const damaged = report.files.find((f) => f.file.endsWith('06-损坏.xlsx'))!;
    await page.getByTestId('submissions').getByText(damaged.reason!).waitFor();
    await shot(page, 'zh-1280-4-rollup', 'page-5-rollup.png');
    await axeScan(page, 'zh 1280 rollup done');

    const got = await download(page, 'download-rollup');
    expect(got.name).toBe('汇总.xlsx');
    await expectSameParts(got.bytes, expected);

    await page.setViewportSize({ width: 320, height: 900 });
    await axeScan(page, 'zh 320 rollup done');
    await noSidewaysScroll(page);
    await shot(page, 'zh-320-5-rollup');
    await context.close();
  });

  test('several files dropped at once (one of them damaged) make a roll-up equal to `assess rollup` of the same files', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'drop-'));
    const folder = path.join(dir, 'in');
    await writeBranchFolder(folder);
    const names = ['05-第五党支部.xlsx', '01-第一党支部.xlsx', '06-损坏.xlsx', '04-第四党支部.xlsx'];
    // The page reads dropped files in their names' order, as the tool reads a folder.
    const r = cli(['rollup', ...[...names].sort(), '--out', path.join(dir, '汇总.xlsx')], folder, ROLLUP_AT);
    expect(r.status).toBe(0);
    const expected = new Uint8Array(fs.readFileSync(path.join(dir, '汇总.xlsx')));

    const { context, page } = await open(1280, 'zh-CN', ROLLUP_AT);
    await page.getByRole('button', { name: '打开工作簿' }).waitFor();
    const files = names.map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(folder, name))), lastModified: fs.statSync(path.join(folder, name)).mtimeMs }));
    await dropFiles(page, '[data-testid=drop-zone]', files);
    await page.getByTestId('rollup-result').waitFor();
    await expect(page.getByTestId('rollup-result').innerText()).resolves.toMatch(/已汇总3个党支部（4个文件，未能读取1个，重复0个，跳过0个）/);
    const got = await download(page, 'download-rollup');
    await expectSameParts(got.bytes, expected);
    await context.close();
  });
});

test('syntax: the workbook page’s bundles parse as ES2020 (current Chromium-based browsers: Edge, Chrome, 360/QQ in fast mode)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const acorn = require('acorn') as { parse: (src: string, o: object) => unknown };
  const runtime = fs.readFileSync(path.join(DIST, 'workbook.js'), 'utf8');
  const all = fs.readdirSync(DIST);
  // The engine worker (its own bundle, named where the page makes it) and its runtime's chunks.
  const worker = all.find((f) => /^engine-worker\.[0-9a-f]{8}\.js$/.test(f))!;
  expect(worker).toBeDefined();
  const workerRuntime = fs.readFileSync(path.join(DIST, worker), 'utf8');
  const listed = (rt: string, f: string) => /\.([0-9a-f]{8})\.js$/.test(f) && rt.includes(`"${/\.([0-9a-f]{8})\.js$/.exec(f)![1]}"`);
  // The entry and every lazy chunk its webpack runtime lists (by content hash); the worker and its chunks.
  const files = all.filter((f) => f === 'workbook.js' || f === worker || listed(runtime, f) || listed(workerRuntime, f));
  expect(files).toEqual(
    expect.arrayContaining(['workbook.js', expect.stringMatching(/^worker-host\./), expect.stringMatching(/^rollup\./), expect.stringMatching(/^engine\./), worker]),
  );
  const failures: string[] = [];
  for (const f of files) {
    try {
      acorn.parse(fs.readFileSync(path.join(DIST, f), 'utf8'), { ecmaVersion: 2020, sourceType: 'script' });
    } catch (e) {
      failures.push(`${f}: ${(e as Error).message}`);
    }
  }
  expect(failures).toEqual([]);
  // (The page needs no office.js, so no chunk of the add-in's Office host either.)
  expect(files.some((f) => f.startsWith('office-host.'))).toBe(false);
});

describe('the pane links the workbook page', () => {
  test('设置 → 帮助 in the pane offers workbook.html; help.html does too', async () => {
    const help = fs.readFileSync(path.join(DIST, 'help.html'), 'utf8');
    // (help.html is minified in the build: attribute quotes may go.)
    expect(help).toMatch(/href="?workbook\.html/);
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'zh-CN' });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.origin === base ? route.continue() : route.fulfill({ status: 404, body: '' });
    });
    const page = await context.newPage();
    await page.goto(`${base}/taskpane.html?lang=zh-CN`);
    await page.getByTestId('settings-button').click();
    const link = page.getByTestId('page-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('workbook.html');
    await expect(link.innerText()).resolves.toMatch(/考评网页：不用加载项，在浏览器中考评工作簿文件/);
    await context.close();
    // The page the link opens is in the build, beside the pane.
    expect(fs.existsSync(path.join(DIST, 'workbook.html'))).toBe(true);
  });
});
