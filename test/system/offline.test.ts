/**
 * The workbook page once open works without the network (issue 18): a careful user opens the page, then
 * disconnects to check that nothing is uploaded, and opens a workbook. In Debian's headless Chromium over the
 * production build in dist/:
 *
 * - load the page and let it be idle: every on-demand chunk of the page (the chunk file names webpack's
 *   runtime in workbook.js knows) is fetched without any action of the user's, and the engine's workers are
 *   made ahead (src/page/worker-host.ts: warmEngine); then the network goes (the
 *   context offline, and every request aborted): open assets/sample.xlsx with the file picker, 考评, every
 *   tab of the pane, download the assessed workbook, 汇总多个党支部 over the same file and download the
 *   summary — all of it, and not one request is attempted after the disconnect;
 * - a chunk that never came (every chunk request refused from the start, so none could be prefetched):
 *   opening a workbook says "页面未加载完整，请联网刷新后再试。" — not the browser's "Loading chunk 268
 *   failed. (error: http://…)" — and so does the roll-up, in place of a blank page.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { buildDistIfStale, openSite, packageParts } from '../support/browser/chromium';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
const DIST = process.env.PANE_DIST ? path.resolve(process.env.PANE_DIST) : path.join(ROOT, 'dist');
const SAMPLE = path.join(ROOT, 'assets', 'sample.xlsx');
/** A content-hashed chunk file (webpack.config.js: chunkFilename '[name].[contenthash:8].js'). */
const CHUNK = /\.[0-9a-f]{8}\.js$/;

let site: Awaited<ReturnType<typeof openSite>>;
let work: string;

beforeAll(async () => {
  buildDistIfStale(ROOT, DIST, 'workbook.html', 'workbook.js');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-offline-'));
  site = await openSite(DIST);
});

afterAll(async () => {
  await site?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/**
 * Every chunk the page can load on demand, as the files that bring it: webpack's runtime in workbook.js maps
 * each chunk id to its content hash (`+"."+{5:"4f862ad5",…}[e]+".js"`); the file in dist/ with that hash is
 * the chunk, and a file that carries it besides its own (`push([[433,512],…])`) brings it as well.
 */
function pageChunks(): string[][] {
  const runtime = fs.readFileSync(path.join(DIST, 'workbook.js'), 'utf8');
  const map = /\+"\."\+\{([^}]*)\}\[\w+\]\+"\.js"/.exec(runtime);
  if (!map) throw new Error('no chunk map in workbook.js');
  const entries = [...map[1].matchAll(/(\d+):"([0-9a-f]{8})"/g)].map((m) => ({ id: m[1], hash: m[2] }));
  const files = fs.readdirSync(DIST).filter((f) => CHUNK.test(f));
  // A chunk file may carry other chunks too (webpack's `push([[433,512],…])`): then either file brings it.
  const carried = new Map<string, string[]>();
  for (const f of files) {
    const ids = /push\(\[\[([\d,]+)\]/.exec(fs.readFileSync(path.join(DIST, f), 'utf8'));
    for (const id of ids ? ids[1].split(',') : []) carried.set(id, [...(carried.get(id) ?? []), f]);
  }
  return entries.map(({ id, hash }) => {
    const file = files.find((f) => f.endsWith(`.${hash}.js`));
    if (!file) throw new Error(`no chunk file with hash ${hash}`);
    return [...new Set([file, ...(carried.get(id) ?? [])])];
  });
}

interface Opened {
  context: BrowserContext;
  page: Page;
  /** http(s) requests attempted while `offline` was set. */
  attempted: string[];
  pageErrors: string[];
  setOffline(): Promise<void>;
}

/** A fresh context on workbook.html; `refuse` requests are aborted from the start; after setOffline(), all are. */
async function open(refuse: RegExp | null): Promise<Opened> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true, reducedMotion: 'reduce' });
  const attempted: string[] = [];
  const pageErrors: string[] = [];
  let offline = false;
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    if (offline) {
      attempted.push(url.pathname);
      return route.abort('internetdisconnected');
    }
    if (url.origin !== site.base || (refuse && refuse.test(url.pathname))) return route.abort('internetdisconnected');
    return route.continue();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${site.base}/workbook.html`);
  await page.getByRole('heading', { level: 1, name: '党小组考评助手 · 考评网页' }).waitFor();
  return {
    context,
    page,
    attempted,
    pageErrors,
    setOffline: async () => {
      offline = true;
      await context.setOffline(true);
    },
  };
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(work, `dl-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(file)) };
}

describe('the workbook page without the network', () => {
  test('once loaded and idle, it opens, assesses and downloads with the network gone', async () => {
    const chunks = pageChunks();
    expect(chunks.length).toBeGreaterThan(5);
    const { context, page, attempted, pageErrors, setOffline } = await open(null);
    await expect(page.getByTestId('privacy').innerText()).resolves.toMatch(/打开后可断网使用/);
    // Nobody clicks anything: every chunk the page may need arrives by itself.
    await page.waitForFunction(
      (chunkFiles) => {
        const got = performance.getEntriesByType('resource').map((e) => e.name);
        return chunkFiles.every((any) => any.some((f) => got.some((n) => n.endsWith(`/${f}`))));
      },
      chunks,
      { polling: 200 },
    );
    // The engine's workers (the next workbook's, and one for 取消) are made ahead with their chunks too.
    for (let i = 0; i < 300 && page.workers().length < 2; i++) await page.waitForTimeout(100);
    expect(page.workers().length).toBeGreaterThanOrEqual(2);
    await page.waitForLoadState('networkidle');

    await setOffline();
    await page.getByTestId('open-input').setInputFiles(SAMPLE);
    await page.getByRole('heading', { name: '工作簿：sample.xlsx' }).waitFor();
    await page.getByRole('button', { name: '考评', exact: true }).click();
    await page.getByText(/考评完成：35条考评记录，13条预警，2个数据问题/).waitFor();
    const got = await download(page, 'download');
    expect(got.name).toBe('sample.assessed.xlsx');
    const input = await packageParts(new Uint8Array(fs.readFileSync(SAMPLE)));
    const output = await packageParts(got.bytes);
    // The assessed workbook: the input's sheets and the result sheets the run added.
    const sheets = (m: Map<string, Buffer>) => [...m.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).length;
    expect(sheets(output)).toBeGreaterThan(sheets(input));

    // Every tab of the pane (年度排名 and 设置 are chunks of their own).
    await page.getByRole('tab', { name: /年度排名/ }).click();
    await page.getByTestId('ranking').waitFor();
    await page.getByTestId('settings-button').click();
    await page.getByTestId('rules-locked').waitFor();

    // 汇总多个党支部 (its view and its engine are chunks too) over the same file.
    await page.getByRole('button', { name: /返回/ }).click();
    await page.getByTestId('rollup').click();
    await page.getByTestId('rollup-view').waitFor();
    await page.getByTestId('rollup-files-input').setInputFiles(SAMPLE);
    const summary = await download(page, 'download-rollup');
    expect(summary.name).toBe('汇总.xlsx');
    expect((await packageParts(summary.bytes)).has('xl/workbook.xml')).toBe(true);

    expect(await page.getByText(/页面未加载完整|Loading chunk/).count()).toBe(0);
    expect(attempted).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a chunk that never came says to reconnect and reload, not "Loading chunk … failed"', async () => {
    const { context, page, pageErrors } = await open(CHUNK);
    await page.getByTestId('open-input').setInputFiles(SAMPLE);
    const alert = page.getByTestId('open-failed');
    await alert.waitFor();
    await expect(alert.getByText('无法打开“sample.xlsx”').count()).resolves.toBe(1);
    await expect(page.getByTestId('open-reason').innerText()).resolves.toBe('页面未加载完整，请联网刷新后再试。');
    expect(await page.getByTestId('download').count()).toBe(0);

    // The roll-up's view is a chunk as well: the same words in its place, not a blank page.
    await page.getByTestId('rollup').click();
    await expect(page.getByTestId('page-failed').innerText()).resolves.toBe('页面未加载完整，请联网刷新后再试。');
    await page.getByRole('heading', { level: 1, name: '党小组考评助手 · 考评网页' }).waitFor();
    expect(await page.getByText(/Loading chunk/).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
