/**
 * Issue 20's done-when, end to end: the BUILT WPS add-in (dist/wps: index.html → main.js, taskpane.html) in
 * Debian's headless Chromium, with the fake WPS `Application` (test/support/fake-wps.ts, bundled for the browser
 * from the same code the unit tests use) installed before the pages' scripts run, as WPS gives it to an add-in's
 * pages.
 *
 * - The ribbon: as WPS does, index.html is loaded, ribbon.xml's onLoad is called with a ribbon UI, then the
 *   onAction that ribbon.xml names for the button labelled 考评, with the control {Id}. The fake workbook's
 *   sheets — every sheet, every cell value — then equal what the file tool (`assess`, the same instant and
 *   time zone) writes for the same input: the sample (assets/sample.xlsx), a hostile layout (a table typed by hand:
 *   at B4 under a merged title, its own column order, items as codes, a blank row inside) and two hostile inputs
 *   (a workbook as WPS Office writes it; an error value in the veto column). The dialog was opened and shows the result.
 * - The pane: taskpane.html at 320 px over the fake seeded with the sample; 考评 in the pane gives 概览 with the
 *   first open rectification, and axe-core finds no violation.
 *
 * dist/wps is built (webpack.config.js's `wps` configuration only) when it is missing or older than src/.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FileHost } from '../../src/hosts/file/host';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { axeViolations, newest, openSite } from '../support/browser/chromium';
import { bundleForBrowser } from '../support/browser/bundle';
import { callbacksOf } from '../support/customui';
import { VARIANTS, hostileLayoutWorkbook, vetoErrorWorkbook } from '../support/variants';
import { sheetsOf } from '../support/sheet-values';

jest.setTimeout(600_000);

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'wps');
const CLI = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');
const FIXED_CLOCK = path.join(ROOT, 'test', 'support', 'fixed-clock.js');
const SAMPLE = path.join(ROOT, 'assets', 'sample.xlsx');
const TZ = 'Asia/Shanghai';
/** The sample's open rectification (deadline 2026-03-31) is 31 days overdue on this day. */
const NOW = '2026-05-01T10:00:00+08:00';

/** Build dist/wps (the `wps` configuration of webpack.config.js) when it is missing or older than src/. */
async function buildWpsIfStale(): Promise<void> {
  const main = path.join(DIST, 'main.js');
  if (fs.existsSync(main) && fs.existsSync(path.join(DIST, 'taskpane.html')) && fs.statSync(main).mtimeMs >= newest(path.join(ROOT, 'src'))) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<import('webpack').Configuration[]>;
  const config = (await makeConfig({}, { mode: 'production' })).find((c) => c.name === 'wps')!;
  config.mode = 'production';
  config.context = ROOT;
  const stats = await new Promise<import('webpack').Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
}

/** `assess <file>` with its clock stopped at NOW in the pages' time zone: the assessed workbook's sheets. */
async function assessedByTool(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const dir = fs.mkdtempSync(path.join(work, 'assess-'));
  fs.writeFileSync(path.join(dir, 'in.xlsx'), bytes);
  const r = spawnSync(process.execPath, ['--require', FIXED_CLOCK, CLI, 'in.xlsx'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TZ, PGA_FIXED_NOW: NOW } });
  if (r.status !== 0) throw new Error(`assess exited ${r.status}: ${r.stderr}`);
  return new FileHost(new Uint8Array(fs.readFileSync(path.join(dir, 'in.assessed.xlsx')))).read();
}


let site: Awaited<ReturnType<typeof openSite>>;
let browser: Browser;
let base: string;
let work: string;
let fakeScript: string;
let ribbonXml: string;
const pageErrors: string[] = [];
const leaked: string[] = [];

beforeAll(async () => {
  await buildWpsIfStale();
  if (!fs.existsSync(CLI)) throw new Error('dist/node is missing: run `npm run build:cli` first');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-wps-e2e-'));
  await bundleForBrowser(path.join(ROOT, 'test', 'support', 'browser', 'fake-wps-entry.ts'), work, 'fake-wps.js');
  fakeScript = fs.readFileSync(path.join(work, 'fake-wps.js'), 'utf8');
  ribbonXml = fs.readFileSync(path.join(DIST, 'ribbon.xml'), 'utf8');
  site = await openSite(DIST);
  ({ base, browser } = site);
});

afterAll(async () => {
  await site?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
  expect(leaked).toEqual([]);
  pageErrors.length = 0;
  leaked.length = 0;
});

/**
 * A fresh context at `width` px (zh-CN, Asia/Shanghai, the clock stopped at NOW) whose pages get the fake WPS,
 * seeded from the workbook as the file host reads it (what WPS shows when it opens the .xlsx), before their
 * first script; only the add-in's own site answers.
 */
async function openWithFake(pageName: string, bytes: Uint8Array, width: number): Promise<{ context: BrowserContext; page: Page }> {
  const snapshot = await new FileHost(bytes).read();
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: TZ, reducedMotion: 'reduce' });
  await context.addInitScript({ content: `${fakeScript}\n;window.Application = window.pgaFakeWps.fromSnapshot(${JSON.stringify(snapshot)});` });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    leaked.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(NOW));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${base}/${pageName}`, { waitUntil: 'load' });
  return { context, page };
}

/** The callback ribbon.xml names in `attr` of the element `label`d so (or of customUI itself), as [object, member]. */
function callbackOf(label: string | null, attr: string): [string, string] {
  const { root } = callbacksOf(ribbonXml);
  const el = label === null ? root : Array.from(root.getElementsByTagName('button')).find((b) => b.getAttribute('label') === label)!;
  expect(el).toBeTruthy();
  const value = el.getAttribute(attr)!;
  expect(value).toMatch(/^\w+\.\w+$/);
  return value.split('.') as [string, string];
}

/** Load index.html with the fake, call onLoad, then 考评's onAction as WPS would; the fake's workbook, dialogs and stored run state after. */
async function ribbonAssess(bytes: Uint8Array) {
  const { context, page } = await openWithFake('index.html', bytes, 800);
  const [loadObj, loadFn] = callbackOf(null, 'onLoad');
  const [obj, fn] = callbackOf('考评', 'onAction');
  const { root } = callbacksOf(ribbonXml);
  const id = Array.from(root.getElementsByTagName('button')).find((b) => b.getAttribute('label') === '考评')!.getAttribute('id')!;
  const after = await page.evaluate(
    async ({ loadObj, loadFn, obj, fn, id }) => {
      const w = window as unknown as Record<string, Record<string, (x: unknown) => unknown>> & {
        Application: { snapshot(): unknown; dialogs: unknown[]; storage: Map<string, string> };
      };
      const invalidated: string[] = [];
      w[loadObj][loadFn]({ InvalidateControl: (c: string) => invalidated.push(c), Invalidate: () => invalidated.push('*') });
      await w[obj][fn]({ Id: id });
      const app = w.Application;
      return { snapshot: app.snapshot(), dialogs: app.dialogs, storage: Array.from(app.storage.entries()), invalidated };
    },
    { loadObj, loadFn, obj, fn, id },
  );
  await context.close();
  return after as { snapshot: WorkbookSnapshot; dialogs: { url: string; caption: string }[]; storage: [string, string][]; invalidated: string[] };
}

describe('the WPS add-in, built, in Chromium over the fake WPS', () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ['the sample (assets/sample.xlsx)', async () => new Uint8Array(fs.readFileSync(SAMPLE))],
    ['a table typed by hand (at B4 under a merged title, its own column order, items as codes, a blank row inside)', hostileLayoutWorkbook],
    ['a workbook as WPS Office writes it (cell images, DISPIMG formulas, GB2312 font)', () => VARIANTS.find((v) => v.name === 'wps-cell-images')!.bytes()],
    ['an error value (#N/A) in the veto column', vetoErrorWorkbook],
  ];

  test.each(cases)('ribbon 考评: %s — the workbook’s cells are what `assess` writes', async (_label, make) => {
    const bytes = await make();
    const expected = await assessedByTool(bytes);
    const got = await ribbonAssess(bytes);
    // Every sheet, in order, with its visibility and every cell's value.
    const a = sheetsOf(got.snapshot);
    const b = sheetsOf(expected);
    expect(a.map((s) => s.name)).toEqual(b.map((s) => s.name));
    for (let i = 0; i < b.length; i++) expect(a[i]).toEqual(b[i]);
    // The run wrote sheets of its own (the input's sheets are not all there is).
    expect(b.length).toBeGreaterThan((await new FileHost(bytes).read()).sheets.length);
    // The user saw the dialog, and it ends on the result; the button was disabled during the run and enabled after.
    expect(got.dialogs.map((d) => new URL(d.url).pathname)).toEqual(['/dialog.html']);
    const state = JSON.parse(new Map(got.storage).get('pga.run.state') ?? 'null') as { phase: string; text: string } | null;
    expect(state?.phase).toBe('done');
    expect(state?.text).toMatch(/^考评结果已写入工作簿（/);
    expect(got.invalidated.length).toBeGreaterThanOrEqual(2);
  });

  test('考评面板 at 320 px: 考评 in the pane gives 概览 with the first open rectification; axe finds no violation', async () => {
    const { context, page } = await openWithFake('taskpane.html', new Uint8Array(fs.readFileSync(SAMPLE)), 320);
    const assess = page.getByRole('button', { name: '考评', exact: true });
    await assess.waitFor();
    await assess.click();
    await page.getByText(/考评完成：35条考评记录，13条预警，2个数据问题/).waitFor();
    // The engine ran in the pane's worker (src/ui/worker/pane.ts), which read and wrote the fake WPS workbook here.
    expect(page.workers().map((w) => path.basename(new URL(w.url()).pathname))).toEqual([expect.stringMatching(/^pane-engine-worker\.[0-9a-f]{8}\.js$/)]);
    const card = page.getByTestId('open-rectification');
    await card.waitFor();
    expect(await page.getByRole('tab', { name: /^概览/ }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('未完成整改（1）');
    expect(await card.getByTestId('urgency').textContent()).toBe('已逾期31天');
    // Nothing scrolls sideways at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const violations = await axeViolations(page);
    if (violations.length) console.log(`axe wps pane 320: ${JSON.stringify(violations)}`);
    expect(violations).toEqual([]);
    // The pane wrote the results into the fake workbook (the same sheets as the ribbon's run).
    const names = await page.evaluate(() => (window as unknown as { Application: { snapshot(): WorkbookSnapshot } }).Application.snapshot().sheets.map((s) => s.name));
    const expected = await assessedByTool(new Uint8Array(fs.readFileSync(SAMPLE)));
    expect(names).toEqual(expected.sheets.map((s) => s.name));
    await context.close();
  });
});
