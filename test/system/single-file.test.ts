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
 *   (its CSP allows only its own scripts, by hash, and no connection; the page's `securitypolicyviolation`
 *   events are listened to, as Chromium logs no console message for a refused eval that the code catches —
 *   src/domain/zod-jitless.ts), no page error; the header's icon shows (inlined); 设置 offers no help page (there is
 *   none beside the file).
 *
 * The same journey in Firefox ESR (Playwright's own Firefox cannot be installed here; Debian's firefox-esr is
 * driven by puppeteer-core over WebDriver BiDi): test/system/single-file-firefox.test.ts. docs/deploy.md says
 * what was verified where.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser/chromium';
import { NOW, TZ, buildSingleFile, cspViolations, expectSameParts, listenForCspViolations, singleFileAlone, toolOutputs } from '../support/single-file';

jest.setTimeout(300_000);

let browser: Browser;
let work: string;

beforeAll(async () => {
  buildSingleFile();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-single-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('考评助手.html alone, from file:// with the network blocked: assess and roll up, equal to the tool’s', async () => {
  // The tool's outputs for the same file at the same instant; the file on its own, as received.
  const tool = toolOutputs(work);
  const url = singleFileAlone(work);

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
  // Every CSP violation in the page, reported or not to the console (a refused eval the code catches is not).
  await page.addInitScript(listenForCspViolations);
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(url);

  await page.getByRole('heading', { level: 1, name: '党小组考评助手 · 考评网页' }).waitFor();
  // The header's icon is inside the file and shows.
  await expect(page.locator('header img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(32);

  await page.getByTestId('open-input').setInputFiles(tool.sample);
  await page.getByRole('heading', { name: '工作簿：sample.xlsx' }).waitFor();
  await page.getByRole('button', { name: '考评', exact: true }).click();
  await page.getByText(/考评完成：35条考评记录，13条预警，2个数据问题/).waitFor();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(dl.suggestedFilename()).toBe('sample.assessed.xlsx');
  const got = path.join(work, 'assessed.xlsx');
  await dl.saveAs(got);
  await expectSameParts(got, tool.assessed);

  // 设置: the rules are shown; no help page is offered (none lies beside the file).
  await page.getByTestId('settings-button').click();
  await page.getByTestId('rules-locked').waitFor();
  expect(await page.locator('a[href="help.html"]').count()).toBe(0);

  // 汇总多个党支部 from the same file.
  await page.getByRole('button', { name: /返回/ }).click();
  await page.getByTestId('rollup').click();
  await page.getByTestId('rollup-view').waitFor();
  await page.getByTestId('rollup-files-input').setInputFiles(tool.sample);
  const [summary] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-rollup').click()]);
  expect(summary.suggestedFilename()).toBe('汇总.xlsx');
  const gotSummary = path.join(work, 'summary.xlsx');
  await summary.saveAs(gotSummary);
  await expectSameParts(gotSummary, tool.summary);

  expect(await page.getByText(/页面未加载完整|Loading chunk/).count()).toBe(0);
  expect(workers.length).toBeGreaterThan(0);
  expect(workers.filter((w) => !w.startsWith('blob:'))).toEqual([]);
  // Nothing but the file itself was ever asked for.
  problems.push(...(await page.evaluate(cspViolations)));
  expect({ requests, aborted, problems }).toEqual({ requests: [url], aborted: [], problems: [] });
  await context.close();
});
