/**
 * The single-file page (issue 18) in Firefox: the journey test/system/single-file.test.ts takes in Chromium,
 * in Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (test/support/browser/firefox.ts),
 * over the production build:
 *
 * - dist/考评助手.html copied ALONE into an empty folder and opened through its file:// URL, the page offline
 *   (page.setOfflineMode) and every request but the page's own bytes aborted (request interception); every
 *   request the page makes is recorded;
 * - open assets/sample.xlsx with the file picker, 考评, download: the workbook Firefox saves equals what the
 *   command-line tool writes for the same file at the same instant, part for part; the same for
 *   汇总多个党支部 and `assess rollup`. The page's clock is stopped at that instant by a preload script (the
 *   tool's test/support/fixed-clock.js); Firefox saves downloads into a folder of the test's
 *   (browser.setDownloadBehavior, BiDi), under the name the page gives them;
 * - the engine runs in its worker, started from a Blob URL of the text inside the file
 *   (src/page/single-file/engine-worker-client.ts) — the part most likely to differ between browsers;
 * - no request but the page's own bytes, no CSP violation (Firefox reports each as an error, from the page and
 *   from each worker; the page's `securitypolicyviolation` events are listened to besides), no page error, no
 *   console error; the header's icon shows; 设置 offers no help page.
 *
 * Firefox's BiDi reports no request for a file: URL — not even the page's own navigation — so, unlike in
 * Chromium, the file's URL is not among those recorded; it does report each data: load (the icon, the
 * fonts), which shows that the recording hears the page's loads. docs/deploy.md says what was verified where.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox } from '../support/browser/firefox';
import { NOW, TZ, buildSingleFile, cspViolations, expectSameParts, fixedClockScript, listenForCspViolations, singleFileAlone, toolOutputs } from '../support/single-file';

jest.setTimeout(300_000);

let browser: Browser;
let work: string;

beforeAll(async () => {
  buildSingleFile();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-single-firefox-'));
  browser = await launchFirefox({ timezone: TZ, language: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/**
 * The file Firefox saved as `name` in `dir`, once whole: Firefox writes a download to `<name>.part` beside
 * an empty `<name>` and renames it when done.
 */
async function saved(dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  const whole = (): boolean => fs.existsSync(file) && fs.statSync(file).size > 0 && !fs.readdirSync(dir).some((f) => f.endsWith('.part'));
  while (!whole()) await new Promise((r) => setTimeout(r, 100));
  return file;
}

/** Upload a file through the page's <input type=file> with this test id. */
async function pick(page: Page, testId: string, file: string): Promise<void> {
  const input = (await page.waitForSelector(`[data-testid="${testId}"]`)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

test('考评助手.html alone in Firefox ESR, from file:// with the network blocked: assess and roll up, equal to the tool’s', async () => {
  // The tool's outputs for the same file at the same instant; the file on its own, as received.
  const tool = toolOutputs(work);
  const url = singleFileAlone(work);
  const downloads = fs.mkdtempSync(path.join(work, 'downloads-'));

  const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setOfflineMode(true);
  const requests: string[] = [];
  const ownBytes: string[] = [];
  const aborted: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const u = r.url();
    if (/^(data|blob):/.test(u)) ownBytes.push(u);
    else requests.push(u);
    if (u === url || /^(data|blob):/.test(u)) return void r.continue();
    aborted.push(u);
    return void r.abort('internetdisconnected');
  });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content.Security.Policy|blocked|Failed to load/i.test(msg.text())) problems.push(msg.text());
  });
  const workers: string[] = [];
  page.on('workercreated', (w) => workers.push(w.url()));
  await page.evaluateOnNewDocument(listenForCspViolations);
  await page.evaluateOnNewDocument(fixedClockScript(NOW));
  await page.goto(url);

  const h1 = await page.waitForSelector('h1');
  expect(await h1!.evaluate((h) => h.textContent)).toBe('党小组考评助手 · 考评网页');
  // The header's icon is inside the file and shows.
  await page.waitForFunction(() => document.querySelector<HTMLImageElement>('header img')?.complete);
  expect(await page.$eval('header img', (img) => (img as HTMLImageElement).naturalWidth)).toBe(32);

  await pick(page, 'open-input', tool.sample);
  await page.waitForSelector('::-p-aria([name="工作簿：sample.xlsx"][role="heading"])');
  await page.locator('::-p-aria([name="考评"][role="button"])').click();
  await page.waitForSelector('::-p-text(考评完成：35条考评记录，13条预警，2个数据问题)');
  await page.locator('[data-testid="download"]').click();
  await expectSameParts(await saved(downloads, 'sample.assessed.xlsx'), tool.assessed);

  // 设置: the rules are shown; no help page is offered (none lies beside the file).
  await page.locator('[data-testid="settings-button"]').click();
  await page.waitForSelector('[data-testid="rules-locked"]');
  expect(await page.$$('a[href="help.html"]')).toHaveLength(0);

  // 汇总多个党支部 from the same file.
  await page.locator('::-p-aria([name="← 返回"][role="button"])').click();
  await page.locator('[data-testid="rollup"]').click();
  await page.waitForSelector('[data-testid="rollup-view"]');
  await pick(page, 'rollup-files-input', tool.sample);
  await page.locator('[data-testid="download-rollup"]').click();
  await expectSameParts(await saved(downloads, '汇总.xlsx'), tool.summary);
  // Saved under the names the page gave them, and nothing else.
  expect(fs.readdirSync(downloads).sort()).toEqual(['sample.assessed.xlsx', '汇总.xlsx'].sort());

  expect(await page.evaluate(() => /页面未加载完整|Loading chunk/.test(document.body.innerText))).toBe(false);
  expect(workers.length).toBeGreaterThan(0);
  expect(workers.filter((w) => !w.startsWith('blob:'))).toEqual([]);
  expect(ownBytes.length).toBeGreaterThan(0);
  // Nothing was asked for beyond the page's own bytes.
  problems.push(...(await page.evaluate(cspViolations)));
  expect({ requests: requests.filter((u) => u !== url), aborted, problems }).toEqual({ requests: [], aborted: [], problems: [] });
  await context.close();
});
