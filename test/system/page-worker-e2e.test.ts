/**
 * The workbook page at a real size, in Debian's headless Chromium over the production build (issue 18,
 * "Done when": the worker, cancel). A generated 20,000-row workbook (1,000 Party groups, the benchmark's
 * file: src/bench/data.ts) through the page's file picker:
 *
 * - opened and assessed, the page's main thread runs no long task over 200 ms while it is assessed (the
 *   browser's own PerformanceObserver 'longtask' entries, counted — not a timing of our code), and the
 *   run's stages are painted as the worker passes them;
 * - 取消 during a run stops it: the worker running it is gone, the page says the run was cancelled and the
 *   workbook not changed, and shows the workbook as it was — never assessed: nothing to download; after a
 *   finished run, a cancelled second one leaves the first run's workbook to download, the same bytes.
 *
 * The figures (seconds, the longest task) are printed by `npm run bench` (the `page` line), never asserted.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { benchWorkbookFile } from '../../src/bench/bench';
import { buildDistIfStale } from '../support/browser/chromium';
import { assessOnPage, openPage, openWorkbook } from '../support/browser/page-run';

jest.setTimeout(900_000);

const ROOT = path.join(__dirname, '..', '..');
const DIST = process.env.PANE_DIST ? path.resolve(process.env.PANE_DIST) : path.join(ROOT, 'dist');
const ROWS = 20000;

let work: string;
let file: string;

beforeAll(async () => {
  buildDistIfStale(ROOT, DIST, 'workbook.html', 'workbook.js');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-page-worker-'));
  file = path.join(work, `考评-${ROWS}.xlsx`);
  await benchWorkbookFile(ROWS, file, 1000);
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function download(page: Page): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const to = path.join(work, `dl-${Date.now()}`);
  await dl.saveAs(to);
  return fs.readFileSync(to);
}

/** Click 考评 (重新考评 after a run), wait until the worker is at work (its progress on screen, 取消 offered), click 取消. */
async function startAndCancel(page: Page): Promise<{ closed: number }> {
  let closed = 0;
  for (const w of page.workers()) w.on('close', () => closed++);
  await page.getByRole('button', { name: /^(重新)?考评$/ }).click();
  await page.getByTestId('cancel').waitFor();
  await page.getByRole('progressbar').waitFor();
  await page.getByTestId('cancel').click();
  await page.getByTestId('cancelled').waitFor();
  // The stopped worker is gone (Playwright's 'close' event of a dedicated worker: it follows the target's
  // detachment, which on a busy machine came later than 5 s once; waited for up to 20 s, not timed).
  for (let i = 0; i < 200 && closed === 0; i++) await page.waitForTimeout(100);
  return { closed };
}

describe('the workbook page with 20,000 rows', () => {
  test('assessed in the worker: no long task over 200 ms on the main thread, the stages painted', async () => {
    // One run on a fresh page; a run with a long task over 200 ms is made once more on another fresh page and
    // the second must be clean. The work on the main thread was one task of 7 s or more before the worker
    // (issue 18): a regression there fails both runs. A single task over 200 ms in one run came once on a busy
    // CI machine (322 ms; 55–72 ms here, measured with the bench's page line), which a second run tells apart.
    const runOnce = async () => {
      const { page, close } = await openPage(DIST);
      try {
        const opened = await openWorkbook(page, file);
        await page.getByRole('heading', { name: `工作簿：考评-${ROWS}.xlsx` }).waitFor();
        // The stages, as the user sees them while it runs: the status slot's text at each change (textContent of
        // that slot only: reading the whole page's innerText would lay it out on every change, a long task of
        // the test's own).
        await page.evaluate(() => {
          const seen = new Set<string>();
          (window as unknown as { __stages: Set<string> }).__stages = seen;
          new MutationObserver(() => {
            const text = document.querySelector('.pga-status')?.textContent ?? '';
            for (const s of ['读取工作簿', '识别评分表', '评定等次', '生成结果表', '写入工作簿']) if (text.includes(s)) seen.add(s);
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        const assessed = await assessOnPage(page);
        const stages = await page.evaluate(() => [...(window as unknown as { __stages: Set<string> }).__stages]);
        console.log(
          `page rows=${ROWS} open_s=${opened.seconds.toFixed(2)} assess_s=${assessed.seconds.toFixed(2)} long tasks while assessing (ms): ${JSON.stringify(assessed.tasks.map((t) => Math.round(t.duration)))}`,
        );
        expect(stages.length).toBeGreaterThanOrEqual(2);
        await page.getByText(`考评完成：${ROWS}条考评记录`, { exact: false }).first().waitFor();
        // The result is there to take away.
        expect(await page.getByTestId('download').count()).toBe(1);
        return assessed.tasks.filter((t) => t.duration > 200).map((t) => Math.round(t.duration));
      } finally {
        await close();
      }
    };
    const first = await runOnce();
    const over = first.length ? await runOnce() : first;
    expect(over).toEqual([]);
  });

  test('取消 stops a run: the worker gone, the workbook shown as it was, the download as before', async () => {
    const { page, close } = await openPage(DIST);
    try {
      await openWorkbook(page, file);
      // Never assessed: cancelled, it is still never assessed, and there is nothing to download.
      const first = await startAndCancel(page);
      expect(first.closed).toBeGreaterThanOrEqual(1);
      await expect(page.getByTestId('cancelled').innerText()).resolves.toBe('已取消考评，工作簿没有任何改动。');
      await page.getByText('尚未考评').first().waitFor();
      expect(await page.getByTestId('download').count()).toBe(0);
      expect(await page.getByTestId('cancel').count()).toBe(0);

      // A run to the end in the new worker, then a second run cancelled: the first run's workbook stays.
      await assessOnPage(page);
      expect(await page.getByTestId('cancelled').count()).toBe(0);
      const before = await download(page);
      await startAndCancel(page);
      expect(await page.getByTestId('download').count()).toBe(1);
      const after = await download(page);
      expect(after.equals(before)).toBe(true);
    } finally {
      await close();
    }
  });
});
