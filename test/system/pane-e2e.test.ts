/**
 * End to end in a real browser: the production build of the task pane (dist/), served by a tiny static
 * server, opened in Debian's headless Chromium through playwright-core, in preview mode (office.js finds
 * no Office host). office.js is requested from Microsoft's CDN as in production; offline, that route is
 * answered from node_modules/@microsoft/office-js/dist. Any request to another host is refused and fails
 * the test, and so does any Content-Security-Policy violation of the pane's own.
 *
 * Every point of issue 11 at 320 and 500 px, in Chinese and in English, the clock fixed at
 * 2026-05-01 10:00 (so the open rectification is 31 days overdue): the static skeleton and no layout
 * shift; 概览 leading with the open rectification, the latest half-year per group and a group's history;
 * 预警 open/total with the history collapsed; 年度排名 as a list with reasons; the chart (short labels that
 * never overlap, marker shapes, legend, text in CSS pixels, the data table); three tabs in one row, no
 * sideways scrolling; 与上次相比 after a run and after a rules change; 复制汇报文字 (the clipboard holds the
 * JSON report's summaryText); the blank workbook (插入评分模板 first, then 没有可评定的记录); dark mode and
 * forced colours; a remembered mid-grey Office theme painted before the bundle runs. Issue 18, answers first: at 320 × 700 (zh, en) one status line, the summary strip's grade counts and
 * the first open rectification above the fold, links that look like links, badges by status; at 200 % zoom of that pane
 * (160 × 350 CSS px) the first card's badge, urgency and Party group within the first screen, labels above their values and never broken mid-word.
 * axe-core finds no violation at 320 px, at 200 % zoom and in forced colours. First paint
 * and time-to-result are printed, also at 4× slower CPU. Screenshots in test-results/ (and, with
 * PGA_README_IMAGES=1, the docs' in docs/images/).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { webDarkTheme } from '@fluentui/react-components';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { MemoryHost } from '../../src/hosts/memory/host';
import sample from '../../src/hosts/memory/sample.json';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { THEME_KEY, rememberTheme } from '../../src/ui/theme';
import { axeViolations, buildDistIfStale, openSite, screenshot } from '../support/browser/chromium';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
const DIST = process.env.PANE_DIST ? path.resolve(process.env.PANE_DIST) : path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'test-results');
const README_IMAGES = process.env.PGA_README_IMAGES === '1' ? path.join(ROOT, 'docs', 'images') : null;
const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const CDN = 'appsforoffice.microsoft.com';
/** The pane's clock: as of this day the sample's open rectification (deadline 2026-03-31) is 31 days overdue. */
const NOW = new Date('2026-05-01T10:00:00');



let site: Awaited<ReturnType<typeof openSite>>;
let browser: Browser;
let base: string;
const leaked: string[] = [];
const cspViolations: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  // Build when dist/ is missing, or older than the sources (never for an explicit PANE_DIST).
  buildDistIfStale(ROOT, DIST, 'taskpane.html', 'taskpane.js');
  fs.mkdirSync(OUT, { recursive: true });
  site = await openSite(DIST);
  ({ base, browser } = site);
});

afterAll(async () => {
  await site?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
}

/** A fresh context: the viewport, the language, the fixed clock, office.js from its CDN address (served locally), nothing else. */
async function open(
  width: number,
  lang: 'zh-CN' | 'en-US',
  opts: { scale?: number; js?: boolean; query?: string; storage?: Record<string, string>; hold?: RegExp; height?: number } = {},
): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width, height: opts.height ?? 900 },
    deviceScaleFactor: opts.scale ?? 1,
    locale: lang,
    javaScriptEnabled: opts.js ?? true,
    // Fluent's colour transitions honour reduced motion: axe then reads settled colours, never a mid-transition blend.
    reducedMotion: 'reduce',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  // What this browser kept from an earlier visit (localStorage), there before the page's first script.
  if (opts.storage) {
    await context.addInitScript((kept) => {
      // Every frame runs this: office.js's own frames (another origin, or sandboxed) may not touch storage.
      try {
        for (const k of Object.keys(kept)) localStorage.setItem(k, kept[k]);
      } catch {
        // not the pane's frame
      }
    }, opts.storage);
  }
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    // A file of the pane's own held back (never answered): the page as it is before that script runs.
    if (url.origin === base && opts.hold?.test(url.pathname)) return;
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
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // (A held script would keep the load event from ever firing: then only the navigation is waited for.)
  await page.goto(`${base}/taskpane.html?lang=${lang}${opts.query ?? ''}`, { waitUntil: opts.hold ? 'commit' : 'load' });
  return { context, page };
}

async function shot(page: Page, name: string, readme?: string) {
  await screenshot(page, path.join(OUT, `pane-${name}.png`), { dir: README_IMAGES, name: readme });
}

async function axeScan(page: Page, label: string) {
  const violations = await axeViolations(page);
  if (violations.length) console.log(`axe ${label}: ${JSON.stringify(violations)}`);
  expect({ label, violations: violations.map(({ why: _why, ...v }) => v) }).toEqual({ label, violations: [] });
}

/** The page never scrolls sideways. */
async function noSidewaysScroll(page: Page) {
  const { scroll, client, wide } = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // What sticks out, to say so when it does.
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > client + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.getAttribute('class') ?? '').split(' ')[0]} “${(e.textContent ?? '').slice(0, 24)}” right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  expect({ scroll: scroll <= client ? 'fits' : scroll, wide }).toEqual({ scroll: 'fits', wide: [] });
}

/** The tabs sit in one row, inside the pane. */
async function tabsInOneRow(page: Page) {
  const boxes = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect()).map((r) => ({ top: r.top, right: r.right })));
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(boxes.length).toBe(3);
  expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
  for (const b of boxes) expect(b.right).toBeLessThanOrEqual(width);
}

const W = {
  'zh-CN': {
    assess: '考评',
    loading: '正在加载… · Loading…',
    notAssessed: '尚未考评',
    done: /考评完成：35条考评记录，13条预警，2个数据问题/,
    first: '工作簿中没有上一次考评的记录可比较（第一次考评，或上次由旧版本考评）。',
    open: '未完成整改（1）',
    overdue: '已逾期31天',
    facts: ['城西供电所党小组', '2025年下半年', '基本合格', '78分', '2026年3月31日', '李明华', '孙立平', '4.党员教育管理与党费收缴'],
    locate: /^定位：2025年下半年表第6行/,
    selected: '示例工作簿中已选中2025年下半年表B6单元格',
    latest: '2025年下半年各党小组',
    history: '城西供电所党小组：查看历次考评',
    historyTitle: '城西供电所党小组历次考评',
    back: '← 返回概览',
    labels: ['23上', '23下', '24上', '24下', '25上', '25下'],
    asTable: '以表格显示',
    tabSummary: '概览',
    // (Chromium puts a space before the words read out in place of the badge.)
    tabWarnings: /^预警 ?（待办1条）$/,
    details: '考评完成：35条考评记录，13条预警，2个数据问题：详情',
    strip: ['未完成整改1（逾期1）', '优秀1', '合格3', '基本合格1', '不合格0'],
    openBadge: '逾期未整改',
    tabRanking: '年度排名',
    warningsSummary: '待办1条，共13条',
    warningsHistory: '▸ 以往预警与提示（12）',
    ranking: '2025年度排名（并列占位排名）',
    veto: '一票否决（发生一般及以上责任性安全事故），不参加排名和评先',
    incomplete: '年度考评不全：下半年未评定，不计算年度结果，不参加排名和评先',
    settings: '设置',
    printPeriod: /^正式表格/,
    excellent: '优秀分数线',
    save: '保存规则',
    invalid: '必须高于合格分数线（80）',
    byRules: '这些结果因规则改变而变化：优秀分数线95→90',
    copy: '复制汇报文字',
    copied: '汇报文字已复制到剪贴板',
    insertTemplate: '插入评分模板',
    inserted: '已插入：考评细则、考评规则、评分表',
    noRecords: '没有可评定的记录',
    noTable: '没有找到评分表',
    scores: '评分表',
  },
  'en-US': {
    assess: 'Assess',
    loading: '正在加载… · Loading…',
    notAssessed: 'Not assessed yet',
    done: /Assessment done: 35 records, 13 warnings, 2 data issues/,
    first: 'No earlier run is recorded in this workbook to compare with (the first run, or the last one was made by an earlier version).',
    open: 'Rectifications not done (1)',
    overdue: '31 days overdue',
    facts: ['城西供电所党小组', '2025 H2', 'Basically qualified', '78 pts', 'March 31, 2026', '李明华', '孙立平', '4.Member education and dues'],
    locate: /^Go to 2025年下半年, row 6/,
    selected: 'Selected in the sample workbook: cell B6 of sheet “2025年下半年”',
    latest: 'Party groups, 2025 H2',
    history: '城西供电所党小组: see its history',
    historyTitle: 'History of 城西供电所党小组',
    back: '← Back to the summary',
    labels: ['2023 H1', '2023 H2', '2024 H1', '2024 H2', '2025 H1', '2025 H2'],
    asTable: 'Show as table',
    tabSummary: 'Summary',
    tabWarnings: 'Warnings (1 to act on)',
    details: 'Assessment done: 35 records, 13 warnings, 2 data issues: details',
    strip: ['Rectifications not done 1 (overdue 1)', 'Excellent 1', 'Qualified 3', 'Basically qualified 1', 'Unqualified 0'],
    openBadge: 'Overdue',
    tabRanking: 'Ranking',
    warningsSummary: '1 to act on, 13 in all',
    warningsHistory: '▸ Earlier warnings and notices (12)',
    ranking: 'Ranking of 2025 (standard competition ranking)',
    veto: 'One-vote veto (发生一般及以上责任性安全事故): not ranked, not eligible for awards',
    incomplete: 'Incomplete year: H2 not graded; no annual result, not ranked, not eligible for awards',
    settings: 'Settings',
    printPeriod: /^Official tables/,
    excellent: 'Excellent threshold',
    save: 'Save rules',
    invalid: 'Must be above the Qualified threshold (80)',
    byRules: 'These results changed because the rules changed: Excellent threshold 95 → 90',
    copy: 'Copy report text',
    copied: 'Report text copied to the clipboard',
    insertTemplate: 'Insert score template',
    inserted: 'Inserted: Rubric, Rules, Scores',
    noRecords: 'No records to grade',
    noTable: 'No score table found',
    scores: 'Scores',
  },
} as const;

/** The report paragraph of the same workbook on the same day, as the JSON report carries it. */
async function reportSummary(lang: 'zh-CN' | 'en-US', rulesPatch?: (s: WorkbookSnapshot) => void): Promise<string> {
  const snap = JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot;
  rulesPatch?.(snap);
  const outcome = await assessWorkbook(new MemoryHost(snap), { lang, asOf: '2026-05-01' });
  return outcome.report.summaryText;
}

describe.each([
  ['zh-CN', 320],
  ['zh-CN', 500],
  ['en-US', 320],
  ['en-US', 500],
] as const)('the pane in %s at %i px', (lang, width) => {
  const w = W[lang];
  const tag = `${lang === 'zh-CN' ? 'zh' : 'en'}-${width}`;

  test('before any script: the static skeleton, laid out where the pane will be', async () => {
    const { context, page } = await open(width, lang, { js: false });
    await page.getByText(w.loading).waitFor();
    const skeleton = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      return { button: box('.pga-skel-button').top, status: box('.pga-status').top, tabs: box('.pga-skel-tabs').top };
    });
    await shot(page, `${tag}-0-skeleton`);
    await context.close();

    const { context: c2, page: p2 } = await open(width, lang);
    await p2.getByRole('button', { name: w.assess, exact: true }).waitFor();
    await p2.getByText(w.notAssessed).waitFor();
    const pane = await p2.evaluate(() => {
      const box = (el: Element | null) => el!.getBoundingClientRect();
      return {
        button: box(document.querySelector('.pga-primary')).top,
        status: box(document.querySelector('.pga-status')).top,
        tabs: box(document.querySelector('[role=tablist]')).top,
      };
    });
    console.log(`pane ${tag}: skeleton button/status/tabs at ${skeleton.button}/${skeleton.status}/${skeleton.tabs}, pane at ${pane.button}/${pane.status}/${pane.tabs}`);
    // The primary button, the status line and the tabs are where the skeleton put them: the banner's
    // arrival moves nothing.
    expect(Math.abs(pane.button - skeleton.button)).toBeLessThanOrEqual(1);
    expect(Math.abs(pane.status - skeleton.status)).toBeLessThanOrEqual(1);
    expect(Math.abs(pane.tabs - skeleton.tabs)).toBeLessThanOrEqual(1);
    // Office's pane title names the add-in: no visible heading repeats it (one for screen readers).
    const h1 = p2.getByRole('heading', { level: 1 });
    expect(await h1.evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    await c2.close();
  });

  test('assess, then 概览 · 预警 · 年度排名 · chart · 与上次相比 · 复制汇报文字', async () => {
    const { context, page } = await open(width, lang);
    await page.getByRole('button', { name: w.assess, exact: true }).waitFor();
    await page.getByText(w.notAssessed).waitFor();
    // Body text is 14 px.
    expect(await page.locator('.pga-status-line').evaluate((e) => getComputedStyle(e).fontSize)).toBe('14px');
    await tabsInOneRow(page);
    await noSidewaysScroll(page);
    if (width === 320) {
      await shot(page, `${tag}-1-open`, lang === 'zh-CN' ? 'pane-1-open.png' : undefined);
      await axeScan(page, `${tag} open`);
    }

    // ── 考评 ──
    await page.getByRole('button', { name: w.assess, exact: true }).click();
    await page.getByTestId('open-rectification').waitFor();
    await page.getByText(w.done).waitFor();
    // The engine ran in the pane's worker (src/ui/worker/pane.ts), attached to the preview's workbook here.
    expect(page.workers().map((x) => path.basename(new URL(x.url()).pathname))).toEqual([expect.stringMatching(/^pane-engine-worker\.[0-9a-f]{8}\.js$/)]);
    // 与上次相比 is a section of 概览 (not part of the run's message).
    expect(await page.getByTestId('compare-first').textContent()).toBe(w.first);

    // ── 概览: the open rectification first ──
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(w.open);
    const card = page.getByTestId('open-rectification');
    expect(await card.getByTestId('urgency').textContent()).toBe(w.overdue);
    const cardText = await card.textContent();
    for (const f of w.facts) expect(cardText).toContain(f);
    await tabsInOneRow(page);
    await noSidewaysScroll(page);
    await shot(page, `${tag}-2-summary`, width === 320 ? `pane-2-summary-${lang === 'zh-CN' ? 'zh' : 'en'}.png` : undefined);
    if (width === 320) await axeScan(page, `${tag} summary`);
    await card.getByRole('button', { name: w.locate }).click();
    await page.getByTestId('preview-selection').getByText(w.selected).waitFor();
    if (width === 320 && lang === 'zh-CN') await shot(page, `${tag}-3-row-selected`, 'pane-3-row-selected.png');

    // The latest half-year per group; a group's history.
    expect(await page.getByTestId('latest').getByRole('heading', { level: 2 }).textContent()).toBe(w.latest);
    await page.getByRole('button', { name: w.history }).click();
    await page.getByRole('heading', { name: w.historyTitle }).waitFor();
    await noSidewaysScroll(page);
    await shot(page, `${tag}-4-history`, width === 320 && lang === 'zh-CN' ? 'pane-4-history.png' : undefined);
    await page.getByRole('button', { name: w.back }).click();
    await page.getByTestId('latest').waitFor();

    // ── The chart: short labels that never overlap, text in CSS pixels, marker shapes, legend, table ──
    const chart = page.getByTestId('chart');
    await chart.waitFor();
    const labels = await chart.locator('[data-period-label]').evaluateAll((ts) =>
      ts.map((t) => ({ text: t.textContent, left: t.getBoundingClientRect().left, right: t.getBoundingClientRect().right, size: getComputedStyle(t).fontSize })),
    );
    expect(labels.length).toBeGreaterThan(1);
    for (const l of labels) {
      expect(w.labels).toContain(l.text);
      expect(l.size).toBe('12px');
    }
    for (let i = 1; i < labels.length; i++) expect(labels[i - 1].right + 2).toBeLessThanOrEqual(labels[i].left);
    // Drawn 1:1 in CSS pixels (so its text grows with zoom like any text).
    const svg = await chart.evaluate((s) => ({ css: s.getBoundingClientRect().width, user: (s as SVGSVGElement).viewBox.baseVal.width }));
    expect(Math.abs(svg.css - svg.user)).toBeLessThanOrEqual(1);
    expect(new Set(await chart.locator('[data-series]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-shape')))).size).toBe(6);
    expect(await page.getByTestId('legend').locator('li svg').count()).toBe(6);
    await page.getByRole('button', { name: w.asTable }).click();
    expect(await page.getByTestId('chart-table').locator('tbody tr').count()).toBe(6);
    await noSidewaysScroll(page);
    await page.getByTestId('chart-toggle').click();

    // ── 预警 ──
    await page.getByRole('tab', { name: w.tabWarnings }).click();
    expect(await page.getByTestId('warnings-summary').textContent()).toBe(w.warningsSummary);
    expect(await page.getByTestId('open-warnings').locator(':scope > li').count()).toBe(1);
    expect(await page.getByRole('button', { name: w.warningsHistory }).getAttribute('aria-expanded')).toBe('false');
    await noSidewaysScroll(page);
    await shot(page, `${tag}-5-warnings`, width === 320 ? `pane-5-warnings-${lang === 'zh-CN' ? 'zh' : 'en'}.png` : undefined);
    if (width === 320) await axeScan(page, `${tag} warnings`);

    // ── Keyboard: arrows move between the tabs (Fluent's TabList) ──
    await page.getByRole('tab', { name: w.tabWarnings }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('id'))).resolves.toBe('pga-tab-ranking');
    await page.keyboard.press('Enter');

    // ── 年度排名 ──
    const list = page.getByRole('list', { name: w.ranking });
    await list.waitFor();
    const items = await list.locator(':scope > li').evaluateAll((lis) => lis.map((li) => ({ group: li.getAttribute('data-group'), right: li.getBoundingClientRect().right, text: li.textContent })));
    const vw = await page.evaluate(() => document.documentElement.clientWidth);
    expect(items).toHaveLength(6);
    for (const it of items) expect(it.right).toBeLessThanOrEqual(vw);
    expect(items.find((i) => i.group === '线路运维一班党小组')!.text).toContain(w.veto);
    expect(items.find((i) => i.group === '带电作业班党小组')!.text).toContain(w.incomplete);
    await noSidewaysScroll(page);
    await shot(page, `${tag}-6-ranking`, width === 320 ? `pane-6-ranking-${lang === 'zh-CN' ? 'zh' : 'en'}.png` : undefined);
    if (width === 320) await axeScan(page, `${tag} ranking`);

    // ── 复制汇报文字 (after the first sentence, on 概览): the clipboard holds the JSON report's summaryText ──
    await page.getByRole('tab', { name: w.tabSummary }).click();
    await page.getByRole('button', { name: w.copy }).click();
    await page.getByText(w.copied).waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toBe(await reportSummary(lang));
    expect(clip.startsWith((await page.getByTestId('lede').textContent())!.replace(w.copy, '').trim())).toBe(true);
    // The copied text is behind the status line's 详情.
    await page.getByRole('button', { name: lang === 'zh-CN' ? '汇报文字已复制到剪贴板：详情' : 'Report text copied to the clipboard: details' }).click();
    expect(await page.getByTestId('copied-text').textContent()).toBe(clip);
    await page.getByRole('tab', { name: w.tabRanking }).click();

    // ── Settings: a new threshold; the run says the rules changed the results ──
    await page.getByRole('button', { name: w.settings }).click();
    const excellent = page.getByRole('textbox', { name: w.excellent });
    await excellent.fill('80');
    await page.getByRole('button', { name: w.save }).click();
    await page.getByText(w.invalid).waitFor();
    await noSidewaysScroll(page);
    await shot(page, `${tag}-7-settings-invalid`, width === 320 && lang === 'zh-CN' ? 'pane-7-settings-invalid.png' : undefined);
    await excellent.fill('90');
    if (width === 320) await axeScan(page, `${tag} settings`);
    await page.getByRole('button', { name: w.save }).click();
    await page.getByText(w.done).waitFor();
    // The gear again closes the settings, back to the tab they were opened from (年度排名).
    await page.getByRole('button', { name: w.settings }).click();
    await page.getByRole('list', { name: w.ranking }).waitFor();
    await page.getByRole('tab', { name: w.tabSummary }).click();
    await page.getByTestId('latest').waitFor();
    // 概览's 与上次相比 says the rules changed the results.
    expect(await page.getByTestId('compare-rules').textContent()).toBe(w.byRules);
    expect(Number(await page.getByTestId('count-excellent').textContent())).toBe(2);
    await shot(page, `${tag}-8-after-rules`, width === 320 && lang === 'zh-CN' ? 'pane-8-after-rules.png' : undefined);
    await noSidewaysScroll(page);
    await context.close();
  });

  test('a blank workbook: 插入评分模板 is the way in, then an empty table is 没有可评定的记录', async () => {
    const { context, page } = await open(width, lang, { query: '&workbook=blank' });
    await page.getByText(w.noTable).waitFor();
    expect(await page.getByRole('button', { name: w.assess, exact: true }).count()).toBe(0);
    const primary = page.getByRole('button', { name: w.insertTemplate });
    expect(await primary.getAttribute('class')).toContain('pga-primary');
    await tabsInOneRow(page);
    await shot(page, `${tag}-9-no-table`, width === 320 && lang === 'zh-CN' ? 'pane-9-no-table.png' : undefined);
    await primary.click();
    await page.getByText(w.inserted).waitFor();
    await page.getByRole('button', { name: w.assess, exact: true }).click();
    await page.getByText(w.noRecords, { exact: true }).waitFor();
    expect(await page.getByTestId('notice').textContent()).not.toMatch(/考评完成|Assessment done/);
    await shot(page, `${tag}-10-no-records`, width === 320 && lang === 'zh-CN' ? 'pane-10-no-records.png' : undefined);
    if (width === 320) await axeScan(page, `${tag} no records`);
    await context.close();
  });
});

/** Top and bottom (CSS px) of what matches, the first match. */
async function box(page: Page, selector: string): Promise<{ top: number; bottom: number; height: number }> {
  return page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: Math.round(r.height) };
  });
}

/** Is a colour red (Fluent's danger palette): red well above green and blue? */
const isRed = (css: string) => {
  const [r, g, b] = css.match(/\d+/g)!.map(Number);
  return r > 150 && r > 2 * g && r > 2 * b;
};

describe.each(['zh-CN', 'en-US'] as const)('%s: answers first (issue 18)', (lang) => {
  const w = W[lang];
  const tag = lang === 'zh-CN' ? 'zh' : 'en';

  test('320 × 700: one status line, then the band counts and the first open rectification without scrolling; links look like links; badges by status', async () => {
    const { context, page } = await open(320, lang, { height: 700 });
    await page.getByRole('button', { name: w.assess, exact: true }).click();
    await page.getByTestId('open-rectification').waitFor();
    await page.getByText(w.done).waitFor();
    await page.getByTestId('chart').waitFor();
    // The preview's own footer (not there in Office) covers the bottom of the page: the first screen ends above it.
    const fold = await page.evaluate(() => document.querySelector('.pga-preview')?.getBoundingClientRect().top ?? window.innerHeight);
    const status = await box(page, '.pga-status');
    const strip = await box(page, '[data-testid=summary-strip]');
    const bands = await box(page, '[data-testid=strip-unqualified]');
    const card = await box(page, '[data-testid=open-rectification]');
    const cardName = await box(page, '[data-testid=open-rectification] h3');
    const deadline = await box(page, '[data-testid=open-rectification] dd');
    console.log(`first screen ${tag} 320×700: status ${status.top}–${status.bottom}, strip ${strip.top}–${strip.bottom}, first card ${card.top}–${card.bottom} (its deadline at ${deadline.bottom}), fold at ${fold}`);
    // One status line (two lines of text at most), its 详情 closed: no message block before the answers.
    expect(status.height).toBeLessThanOrEqual(48);
    expect(await page.getByRole('button', { name: w.details }).getAttribute('aria-expanded')).toBe('false');
    // The band counts and the card's first lines — what, how late, which group, grade and total, its deadline — before the fold.
    expect(await page.getByTestId('summary-strip').locator(':scope > span').allTextContents()).toEqual(w.strip.map((x, i) => (i === 0 ? `${x}·` : x)));
    expect(bands.bottom).toBeLessThanOrEqual(fold);
    expect(card.top).toBeLessThan(cardName.top);
    expect(deadline.bottom).toBeLessThanOrEqual(fold);
    // The open rectification is badged by its status, in red.
    const badge = page.getByTestId('open-rectification').locator('.pga-badge').first();
    expect(await badge.textContent()).toBe(w.openBadge);
    expect(isRed(await badge.evaluate((e) => getComputedStyle(e).backgroundColor))).toBe(true);
    // Links look like links: underlined, in a colour of their own (a group's history, a cell to select).
    const text = await page.evaluate(() => getComputedStyle(document.querySelector('.pga-message')!).color);
    for (const link of [page.getByRole('button', { name: w.history }), page.getByTestId('issues').locator('.pga-group-link').first()]) {
      const look = await link.evaluate((e) => ({ line: getComputedStyle(e).textDecorationLine, color: getComputedStyle(e).color }));
      expect(look.line).toContain('underline');
      expect(look.color).not.toBe(text);
    }
    await noSidewaysScroll(page);
    await shot(page, `${tag}-first-screen`, `pane-first-screen-${tag}.png`);
    await axeScan(page, `${tag} 320×700 summary`);

    // 预警: the tab counts the open items in a badge; the open item is badged by status, the history muted and by year.
    await page.getByRole('tab', { name: w.tabWarnings }).click();
    const openBadges = page.getByTestId('open-warnings').getByTestId('warning-badge');
    expect(await openBadges.allTextContents()).toEqual([w.openBadge]);
    expect(isRed(await openBadges.first().evaluate((e) => getComputedStyle(e).backgroundColor))).toBe(true);
    await page.getByRole('button', { name: w.warningsHistory }).click();
    const years = await page.locator('#pga-warning-history section').evaluateAll((ss) => ss.map((x) => Number(x.getAttribute('data-year'))));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const past = await page
      .locator('#pga-warning-history')
      .getByTestId('warning-badge')
      .evaluateAll((bs) => bs.map((b) => getComputedStyle(b).backgroundColor));
    expect(past.length).toBe(12);
    for (const bg of past) expect(isRed(bg)).toBe(false);
    await axeScan(page, `${tag} 320×700 warnings history`);
    await context.close();
  });

  test('200 % zoom (a 320 × 700 pane at twice the size): the first card within the first screen; labels above their values, never broken mid-word', async () => {
    const { context, page } = await open(160, lang, { scale: 2, height: 350 });
    await page.getByRole('button', { name: w.assess, exact: true }).click();
    await page.getByTestId('open-rectification').waitFor();
    await page.getByTestId('chart').waitFor();
    // The screen is the window: the preview's own footer (not there in Office) is left out here, it would cover half of it.
    await page.evaluate(() => document.querySelector<HTMLElement>('.pga-preview')?.style.setProperty('display', 'none'));
    const screenHeight = await page.evaluate(() => window.innerHeight);
    expect(screenHeight).toBe(350);
    const badge = await box(page, '[data-testid=open-rectification] .pga-badge');
    const urgency = await box(page, '[data-testid=open-rectification] [data-testid=urgency]');
    const cardName = await box(page, '[data-testid=open-rectification] h3');
    console.log(`first screen ${tag} at 200 %: first card's badge ${badge.top}–${badge.bottom}, its urgency to ${urgency.bottom}, its name ${cardName.top}–${cardName.bottom}, screen ${screenHeight}`);
    // Within the first screen, unscrolled: the first card's status badge, how late it is and its Party group.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.getByTestId('open-rectification').first().locator('.pga-badge').first().textContent()).toBe(w.openBadge);
    expect(await page.getByTestId('open-rectification').first().getByTestId('urgency').textContent()).toBe(w.overdue);
    expect(badge.top).toBeGreaterThanOrEqual(0);
    expect(urgency.bottom).toBeLessThanOrEqual(screenHeight);
    expect(cardName.bottom).toBeLessThanOrEqual(screenHeight);
    // Still there at this size: 考评, ⚙ and the period choice (by its name), the 详情 link (the full 考评完成 line behind it), three tabs.
    await page.getByRole('combobox', { name: w.printPeriod }).waitFor();
    expect(await page.getByTestId('settings-button').getAttribute('aria-label')).toBe(w.settings);
    expect(await page.getByRole('tab').count()).toBe(3);
    await page.getByRole('button', { name: w.details }).click();
    expect(await page.getByTestId('notice-detail').textContent()).toMatch(w.done);
    await page.getByRole('button', { name: w.details }).click();
    // Each label above its value, in as many lines as it has words at most (“整改期限” whole, never “整改期/限”).
    const facts = await page
      .getByTestId('open-rectification')
      .locator('dt')
      .evaluateAll((dts) =>
        dts.map((dt) => {
          const dd = dt.nextElementSibling!;
          const lines = Math.round(dt.getBoundingClientRect().height / parseFloat(getComputedStyle(dt).lineHeight));
          return { label: dt.textContent, above: dt.getBoundingClientRect().bottom <= dd.getBoundingClientRect().top + 0.5, lines, words: (dt.textContent ?? '').split(/\s+/).length };
        }),
      );
    expect(facts.length).toBeGreaterThan(3);
    for (const f of facts) expect({ label: f.label, above: f.above, fits: f.lines <= f.words }).toEqual({ label: f.label, above: true, fits: true });
    await noSidewaysScroll(page);
    await shot(page, `${tag}-zoom200-first-screen`);
    await axeScan(page, `${tag} 200% 320×700 summary`);
    await context.close();
  });
});

describe.each(['zh-CN', 'en-US'] as const)('%s: zoom, forced colours, dark mode', (lang) => {
  const w = W[lang];
  const tag = lang === 'zh-CN' ? 'zh' : 'en';

  test('200 % zoom (a 320 px pane at twice the size): no sideways scrolling, text twice as large, no axe violation', async () => {
    const { context, page } = await open(160, lang, { scale: 2 });
    await page.getByRole('button', { name: w.assess, exact: true }).click();
    await page.getByTestId('open-rectification').waitFor();
    await page.getByTestId('chart').waitFor();
    await noSidewaysScroll(page);
    // The chart's labels stay 12 CSS px: twice the device pixels, like all the text.
    expect(await page.locator('[data-period-label]').first().evaluate((t) => getComputedStyle(t).fontSize)).toBe('12px');
    await shot(page, `${tag}-zoom200-summary`, lang === 'zh-CN' ? 'pane-zoom200.png' : undefined);
    await axeScan(page, `${tag} 200% summary`);
    await page.getByRole('tab', { name: w.tabRanking }).click();
    await page.getByRole('list', { name: w.ranking }).waitFor();
    await noSidewaysScroll(page);
    await axeScan(page, `${tag} 200% ranking`);
    await context.close();
  });

  test('forced colours: the chart and its legend are drawn in system colours, and nothing vanishes', async () => {
    const { context, page } = await open(320, lang);
    await page.emulateMedia({ forcedColors: 'active' });
    await page.getByRole('button', { name: w.assess, exact: true }).click();
    await page.getByTestId('chart').waitFor();
    const legend = await page
      .getByTestId('legend')
      .locator('.pga-series')
      .evaluateAll((ls) => ls.map((l) => ({ stroke: getComputedStyle(l).stroke, visible: l.getBoundingClientRect().width > 0 })));
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    expect(legend).toHaveLength(6);
    for (const l of legend) {
      expect(l.visible).toBe(true);
      expect(l.stroke).toBe(text); // CanvasText
    }
    await shot(page, `${tag}-forced-colours`, lang === 'zh-CN' ? 'pane-forced-colours.png' : undefined);
    await axeScan(page, `${tag} forced colours summary`);
    await page.getByRole('tab', { name: w.tabWarnings }).click();
    await axeScan(page, `${tag} forced colours warnings`);
    await context.close();
  });

  test('dark mode: Fluent’s dark theme, from the first paint', async () => {
    const { context, page } = await open(320, lang);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.getByRole('button', { name: w.assess, exact: true }).click();
    await page.getByTestId('open-rectification').waitFor();
    const bg = await page.locator('.pga-root').evaluate((e) => getComputedStyle(e).backgroundColor);
    const rgb = bg.match(/\d+/g)!.map(Number);
    expect(Math.max(...rgb.slice(0, 3))).toBeLessThan(80);
    await shot(page, `${tag}-dark`, lang === 'zh-CN' ? 'pane-dark.png' : undefined);
    await axeScan(page, `${tag} dark summary`);
    await context.close();
  });
});

test('a remembered mid-grey Office theme: painted before the bundle runs, kept when the pane takes over, no axe violation', async () => {
  // Office's Dark Gray (body #6A6A6A under #F0F0F0, OfficeDev/office-ui-fabric-core#732), remembered as the pane
  // remembers it. Fluent's secondary text is under 4.5:1 on that grey: the pane resolves it to Fluent's dark theme.
  const store = new Map<string, string>();
  rememberTheme({ bodyBackgroundColor: '#6A6A6A', bodyForegroundColor: '#F0F0F0' }, { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) });
  const storage = { [THEME_KEY]: store.get(THEME_KEY)! };
  const dark = webDarkTheme.colorNeutralBackground1; // #292929
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  const colours = (page: Page) =>
    page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      root: getComputedStyle(document.querySelector('.pga-root')!).backgroundColor,
      text: getComputedStyle(document.querySelector('.pga-root')!).color,
    }));

  // The system is light; the bundle is held back: only the static skeleton and the <head> scripts have run.
  const { context, page } = await open(320, 'zh-CN', { storage, hold: /^\/taskpane\.js$/ });
  await page.getByText(W['zh-CN'].loading).waitFor();
  expect(await page.evaluate(() => document.querySelector('.pga-root')!.getAttribute('aria-busy'))).toBe('true'); // still the skeleton
  const skeleton = await colours(page);
  expect(skeleton).toEqual({ body: rgb(dark), root: rgb(dark), text: rgb(webDarkTheme.colorNeutralForeground1) });
  await shot(page, 'zh-320-remembered-theme-skeleton');
  await axeScan(page, 'zh 320 remembered mid-grey theme, skeleton');
  await context.close();

  // Without the remembered theme the same skeleton is the system's (light): the colour above came from it.
  const { context: plain, page: p0 } = await open(320, 'zh-CN', { hold: /^\/taskpane\.js$/ });
  await p0.getByText(W['zh-CN'].loading).waitFor();
  expect((await colours(p0)).root).not.toBe(rgb(dark));
  await plain.close();

  // The pane takes over in the same colours (outside Office the remembered theme stands for Office's), and stays readable.
  const { context: c2, page: p2 } = await open(320, 'zh-CN', { storage });
  await p2.getByRole('button', { name: W['zh-CN'].assess, exact: true }).click();
  await p2.getByTestId('open-rectification').waitFor();
  expect((await colours(p2)).root).toBe(rgb(dark));
  await shot(p2, 'zh-320-remembered-theme-summary');
  await axeScan(p2, 'zh 320 remembered mid-grey theme, summary');
  await p2.getByRole('tab', { name: /预警/ }).click();
  await axeScan(p2, 'zh 320 remembered mid-grey theme, warnings');
  await p2.getByTestId('settings-button').click();
  await p2.getByRole('button', { name: W['zh-CN'].save }).waitFor();
  await axeScan(p2, 'zh 320 remembered mid-grey theme, settings');
  await c2.close();
});

test.each([1, 4])('timing at %i× CPU: first paint, time to the first answer and to a result; layout shift', async (rate) => {
  // No fake clock here: the page's own performance entries are read.
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'zh-CN' });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base) return route.continue();
    if (url.host === CDN) {
      const file = path.join(OFFICE_DIST, url.pathname.replace(/^\/lib\/1\/hosted\//, ''));
      if (file.startsWith(OFFICE_DIST) && fs.existsSync(file)) return route.fulfill({ path: file, contentType: 'text/javascript; charset=utf-8' });
      return route.fulfill({ status: 404, body: '' });
    }
    return route.abort();
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: number[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const t0 = Date.now();
  await page.goto(`${base}/taskpane.html`);
  await page.getByText('尚未考评').waitFor();
  const ready = Date.now() - t0;
  // Shifts up to here, before any input: the banner's arrival, the results' panel.
  const cls = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((a, b) => a + b, 0));
  await page.waitForFunction(() => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'));
  const { fcp, dcl } = await page.evaluate(() => ({
    fcp: Math.round(performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')!.startTime),
    dcl: Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd),
  }));
  const t1 = Date.now();
  await page.getByRole('button', { name: '考评', exact: true }).click();
  await page.getByTestId('open-rectification').waitFor();
  const toResult = Date.now() - t1;
  console.log(
    `pane at ${rate}× CPU: first-contentful-paint=${fcp}ms (the static skeleton; DOMContentLoaded ${dcl}ms), ready-to-assess=${ready}ms, time-to-result=${toResult}ms, layout-shift=${cls.toFixed(4)}`,
  );
  // (Figures are printed, never asserted: this machine's speed is not the product's. That the skeleton is
  // painted without any script is shown with scripts off, above.)
  expect(fcp).toBeGreaterThan(0);
  // Nothing moves before the first click: the banner fills a slot the skeleton reserved.
  expect(cls).toBeLessThan(0.01);
  await context.close();
});

test('no request left the pane’s origin (office.js came from its CDN address), no CSP violation of its own, no page error', () => {
  expect(leaked).toEqual([]);
  // The CSP itself refuses office.js's telemetry frame (telemetryservice.firstpartyapps.oaspapps.com)
  // outside Office: that is the policy working. Nothing of the pane's own, nor office.js from the CDN,
  // may ever be refused.
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
  // The ES5 check first (Internet Explorer webviews), the remembered Office theme before the skeleton paints, then the pane.
  expect(initial).toEqual(['es5-check.js', 'theme-boot.js', 'taskpane.js']);
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
  // Every bundle the add-in's pages can load: their entries, and the lazy chunks their webpack runtimes list
  // (by content hash). The workbook page (workbook.html) runs in current Chromium-based browsers only and is
  // checked in its own e2e; chunks only it loads (the file host's zip library) are not the webview's concern.
  // The pane's engine worker is a script of its own, with a runtime of its own.
  const entries = ['taskpane.js', 'commands.js', 'dialog.js', ...fs.readdirSync(DIST).filter((f) => /^pane-engine-worker\.[0-9a-f]{8}\.js$/.test(f))];
  const runtimes = entries.map((f) => fs.readFileSync(path.join(DIST, f), 'utf8')).join('\n');
  const files = fs.readdirSync(DIST).filter((f) => {
    if (entries.includes(f)) return true;
    const hash = /\.([0-9a-f]{8})\.js$/.exec(f);
    return !!hash && runtimes.includes(`"${hash[1]}"`);
  });
  expect(files).toEqual(expect.arrayContaining([...entries, expect.stringMatching(/^engine\./), expect.stringMatching(/^office-host\./), expect.stringMatching(/^pane-engine-worker\./)]));
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
