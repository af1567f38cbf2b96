/**
 * A large workbook through the workbook page in real headless Chromium, watched as a user's browser sees
 * it: the page's main thread's long tasks (PerformanceObserver 'longtask': every task over 50 ms, with its
 * duration) while the workbook is opened and while it is assessed, and how long each took from the
 * user's action to the answer on screen. Used by `npm run bench` (the `page` line: figures, printed) and by
 * test/system/page-worker-e2e.test.ts (which asserts no long task over 200 ms while assessing: a count of
 * the browser's entries, not a timing of our code).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromiumContext, serve } from './chromium';

export interface LongTask {
  start: number;
  duration: number;
}

export interface PageRun {
  /** Seconds from choosing the file to the pane showing the workbook (尚未考评). */
  openS: number;
  /** Seconds from clicking 考评 to 考评完成 on screen. */
  assessS: number;
  /** The main thread's long tasks while opening, and while assessing. */
  openTasks: LongTask[];
  assessTasks: LongTask[];
  /** Milliseconds from clicking each tab (预警, 年度排名, 概览) to its panel on screen. */
  tabMs: number[];
}

/** Collects the page's long tasks from its first script on (an init script, before the page's own). */
const OBSERVE = `(() => {
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
})();`;

async function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Long tasks that began between `from` and `to` (page time, ms); the page's task queue is read after a frame. */
async function tasksBetween(page: Page, from: number, to: number): Promise<LongTask[]> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const all = await page.evaluate(() => (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks);
  return all.filter((t) => t.start >= from && t.start + t.duration >= from && t.start <= to);
}

/** A fresh Chromium profile (its own user-data-dir) on dist/ served locally, zh-CN, 1280 × 900. */
export async function openPage(dist: string): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const server = await serve(dist);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-chromium-'));
  const context = await launchChromiumContext(profile, { viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript(OBSERVE);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${base}/workbook.html`);
  await page.getByRole('button', { name: '打开工作簿' }).waitFor();
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await new Promise((r) => server.close(() => r(null)));
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open `file` through the page's file picker and wait for the pane over it (never assessed: 尚未考评). */
export async function openWorkbook(page: Page, file: string): Promise<{ seconds: number; tasks: LongTask[] }> {
  const t0 = await now(page);
  await page.getByTestId('open-input').setInputFiles(file);
  await page.getByText('尚未考评').first().waitFor({ timeout: 300_000 });
  const t1 = await now(page);
  return { seconds: (t1 - t0) / 1000, tasks: await tasksBetween(page, t0, t1) };
}

/** Click 考评 and wait for 考评完成. */
export async function assessOnPage(page: Page): Promise<{ seconds: number; tasks: LongTask[] }> {
  const t0 = await now(page);
  await page.getByRole('button', { name: '考评', exact: true }).click();
  await page.getByText(/考评完成：/).first().waitFor({ timeout: 300_000 });
  const t1 = await now(page);
  return { seconds: (t1 - t0) / 1000, tasks: await tasksBetween(page, t0, t1) };
}

/**
 * Click each tab (预警, 年度排名, 概览) in the page and take the time to the frame after it: the click's
 * render and the paint that follows (React renders a click's update before the next frame). Milliseconds each.
 */
export async function switchTabs(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (const name of ['预警', '年度排名', '概览']) {
    await page.getByRole('tab', { name: new RegExp(`^${name}`) }).waitFor();
    out.push(
      await page.evaluate(async (n) => {
        const tab = Array.from(document.querySelectorAll<HTMLElement>('[role=tab]')).find((e) => (e.textContent ?? '').startsWith(n))!;
        const t0 = performance.now();
        tab.click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }, name),
    );
  }
  return out;
}

/** The whole run: open, assess, switch tabs. */
export async function runPage(dist: string, file: string): Promise<PageRun> {
  const { page, close } = await openPage(dist);
  try {
    const opened = await openWorkbook(page, file);
    const assessed = await assessOnPage(page);
    const tabMs = await switchTabs(page);
    return { openS: opened.seconds, assessS: assessed.seconds, openTasks: opened.tasks, assessTasks: assessed.tasks, tabMs };
  } finally {
    await close();
  }
}
