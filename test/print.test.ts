/**
 * The official tables (半年考评结果表, 年度考评结果表) as a secretary prints and signs them: the title with
 * the unit and the period, merged and centred; the 考评依据 line; 序号 and the committee's columns (no
 * links, no codes, no per-row status); the signature block; A4, one page wide, the header row repeated,
 * 第X页 共X页 in the footer; 宋体 and vertical centring. Then the same page setup and fonts as each host
 * writes them: the file host's sheet and style XML, and the Office.js calls recorded by the fake Excel.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { assessWorkbook } from '../src/app/assessWorkbook';
import { FileHost } from '../src/hosts/file/host';
import { MemoryHost } from '../src/hosts/memory/host';
import sample from '../src/hosts/memory/sample.json';
import { OfficeHost } from '../src/hosts/office';
import { parseRange } from '../src/workbook/a1';
import { parsePrintPeriod, printYear } from '../src/workbook/print';
import { AssessError } from '../src/domain/errors';
import { describeError } from '../src/i18n/errors';
import { t } from '../src/i18n';
import type { SheetPatch, WorkbookPatch, WorkbookSnapshot } from '../src/workbook/snapshot';
import { FakeWorkbook } from './support/fake-excel';
import { wireHooks } from './support/office-wire';

jest.setTimeout(60_000);

const SAMPLE = sample as unknown as WorkbookSnapshot;
const now = () => new Date('2026-01-15T09:30:00+08:00');

async function patchOf(snapshot: WorkbookSnapshot = SAMPLE, lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<WorkbookPatch> {
  const { patch } = await assessWorkbook(new MemoryHost(JSON.parse(JSON.stringify(snapshot)) as WorkbookSnapshot), { now, lang });
  return patch;
}
const sheetOf = (p: WorkbookPatch, name: string): SheetPatch => p.sheets.find((s) => s.name === name)!;

/** Styles covering a cell, in order (later ones win, as the hosts apply them). */
function styleAt(s: SheetPatch, row: number, col: number): Record<string, unknown> {
  return s.styles
    .filter((st) => {
      const g = parseRange(st.range);
      return row >= g.top && row <= g.bottom && col >= g.left && col <= g.right;
    })
    .reduce((acc, st) => ({ ...acc, ...Object.fromEntries(Object.entries(st).filter(([, v]) => v !== undefined)) }), {} as Record<string, unknown>);
}

const headerRowOf = (s: SheetPatch) => s.values.findIndex((r) => r[0] === '序号' || r[0] === 'No.');
const texts = (s: SheetPatch) => s.values.flat().filter((v): v is string => typeof v === 'string');

describe('半年考评结果表: the latest half-year as the committee reads it', () => {
  let s: SheetPatch;
  beforeAll(async () => {
    s = sheetOf(await patchOf(), '半年考评结果表');
  });

  test('the title names the unit from the score sheets’ title row and the period, merged and centred across the table', () => {
    expect(s.values[0][0]).toBe('城区供电中心线路工区党支部党小组工作考评结果（2025年下半年）');
    const width = s.columnWidths.length;
    expect(s.merges).toContain(`A1:${String.fromCharCode(64 + width)}1`);
    expect(styleAt(s, 0, 0)).toMatchObject({ horizontal: 'center', font: '黑体', size: 16 });
    expect(s.values[1][0]).toBe('考评依据：《党小组工作考评办法》');
    expect(s.values[2][0]).toBe('等次标准：优秀95分及以上，合格80分（含）至95分（不含），基本合格60分（含）至80分（不含），不合格60分以下');
  });

  test('序号 and the committee’s columns; every record of the period in the order of the score sheet', () => {
    const h = headerRowOf(s);
    // Each aspect's points on a line of their own: no printed line starts with “）”.
    expect(s.values[h]).toEqual(['序号', '党小组', '党小组长', '联系支委', '思想建设\n（20分）', '组织建设\n（25分）', '作风建设\n（20分）', '制度建设\n（15分）', '完成中心任务\n（20分）', '合计', '等次', '备注']);
    const body = s.values.slice(h + 1, h + 7);
    expect(body.map((r) => [r[0], r[1], r[9], r[10]])).toEqual([
      [1, '城东供电所党小组', 96.5, '优秀'],
      [2, '城西供电所党小组', 78, '基本合格'],
      [3, '线路运维一班党小组', 88, '合格'],
      [4, '线路运维二班党小组', 85, '合格'],
      [5, '带电作业班党小组', null, null],
      [6, '综合管理党小组', 90, '合格'],
    ]);
    // What the committee needs to know, in words: the rectification and its deadline, a record not yet scored.
    expect(body[1][11]).toBe('限期整改，2026年3月31日前完成');
    expect(body[4][11]).toBe('待评分；考评会议待召开，得分待填');
  });

  test('no links, no cell addresses, no codes, no 已评定 on every row', () => {
    expect(s.links).toEqual([]);
    for (const v of texts(s)) {
      expect(v).not.toMatch(/![A-Z]+\d+|RECTIFY|LEADER_|_ROW|已评定/);
    }
  });

  test('the signature block as the glossary writes it: 填表人、党支部书记（签字）、党支部（盖章）、年月日, side by side under the table', () => {
    const r = s.values.findIndex((row) => row[0] === '填表人：');
    expect(r).toBeGreaterThan(headerRowOf(s) + 6);
    const row = s.values[r].filter((v) => v !== null);
    expect(row).toEqual(['填表人：', '党支部书记（签字）：', '党支部（盖章）', '　　　　年　　月　　日']);
    expect(s.merges.filter((m) => parseRange(m).top === r)).toHaveLength(4);
    expect(texts(s).join('')).not.toContain('审核');
  });

  test('单位：分 at the top right and 考评时间 from the score sheet (考评日期：2026年1月8日) just above the table', () => {
    const h = headerRowOf(s);
    const row = s.values[h - 1];
    expect(row[0]).toBe('考评时间：2026年1月8日');
    expect(row[row.length - 1]).toBe('单位：分');
    expect(styleAt(s, h - 1, row.length - 1)).toMatchObject({ horizontal: 'right' });
  });

  test('scores printed with two decimals (96.50) while the cells keep the exact value', () => {
    const h = headerRowOf(s);
    expect(s.values[h + 1][9]).toBe(96.5);
    for (const c of [4, 5, 6, 7, 8, 9]) expect(styleAt(s, h + 1, c)).toMatchObject({ numberFormat: '0.00' });
    // One format per column: every row of the column has it.
    for (let r = h + 1; r <= h + 6; r++) expect(styleAt(s, r, 9).numberFormat).toBe('0.00');
  });

  test('the lines under the title wrap and their rows grow with their text; every row is a whole number of 18-point lines or the title’s', () => {
    for (const r of [1, 2]) expect(styleAt(s, r, 0)).toMatchObject({ wrap: true });
    const heights = new Map(s.rowHeights!.map((x) => [x.row, x.height]));
    const total = s.columnWidths.reduce((a, w) => a + w, 0);
    // 等次标准 is longer than the table is wide? then it takes two lines, never one cut off.
    const need = Math.ceil(texts(s).find((v) => v.startsWith('等次标准'))!.length * 2 / (total - 1));
    expect(heights.get(2)).toBe(18 * need);
    for (const [row, h] of heights) if (row > 0) expect(h % 18).toBe(0);
  });

  test('printing: A4 landscape, one page wide, centred, header row repeated, 第X页 共X页; 宋体, centred vertically', () => {
    expect(s.page).toEqual({ paper: 'A4', orientation: 'landscape', fitToWidth: true, centerHorizontally: true, footer: '第&P页 共&N页' });
    // Narrow enough to print one page wide at ≥ 10 points (150 characters of A4 landscape at 10/11).
    expect(s.columnWidths.reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(150);
    const h = headerRowOf(s);
    expect(s.printTitleRows).toBe(`${h + 1}:${h + 1}`);
    expect(s.freeze).toEqual({ rows: 0, cols: 0 });
    const last = s.values.length - 1;
    for (const [r, c] of [[h, 0], [h + 1, 1], [h + 3, 11], [last, 0]]) {
      expect(styleAt(s, r, c)).toMatchObject({ font: '宋体', vertical: 'center' });
    }
    expect(styleAt(s, h, 0)).toMatchObject({ bold: true, border: true, horizontal: 'center' });
    expect(styleAt(s, h + 1, 0)).toMatchObject({ border: true, horizontal: 'center' });
    // Black on white: the working sheets' colours are not printed.
    expect(styleAt(s, h + 1, 10).fill).toBeUndefined();
    expect(styleAt(s, h, 0).fill).toBeUndefined();
  });

  test('the 单位名称 rule wins over the title row; English words in English', async () => {
    const snap = JSON.parse(JSON.stringify(SAMPLE)) as WorkbookSnapshot;
    snap.sheets.find((x) => x.name === '考评规则')!.values.push(['单位名称', '城区供电中心党委'], ['考评依据', '《线路工区党小组考评细则》']);
    const zh = sheetOf(await patchOf(snap), '半年考评结果表');
    expect(zh.values[0][0]).toBe('城区供电中心党委党小组工作考评结果（2025年下半年）');
    expect(zh.values[1][0]).toBe('考评依据：《线路工区党小组考评细则》');
    const en = sheetOf(await patchOf(SAMPLE, 'en-US'), 'Half-Year Table');
    expect(en.values[0][0]).toBe('城区供电中心线路工区党支部: Party Group Assessment Results (2025 H2)');
    expect(en.page?.footer).toBe('Page &P of &N');
    expect(en.values[headerRowOf(en)].slice(0, 4)).toEqual(['No.', 'Party group', 'Party group leader', 'Liaison committee member']);
  });
});

describe('年度考评结果表: the latest complete year, ranked', () => {
  let s: SheetPatch;
  beforeAll(async () => {
    s = sheetOf(await patchOf(), '年度考评结果表');
  });

  test('title, basis and rank mode; ranked groups, then the vetoed one, then the incomplete one', () => {
    expect(s.values[0][0]).toBe('城区供电中心线路工区党支部党小组工作考评结果（2025年度）');
    expect(s.values[1][0]).toBe('考评依据：《党小组工作考评办法》');
    expect(s.values[2][0]).toBe('排名方式：并列占位排名（如1、1、3）');
    // The annual assessment is held with H2's: its 考评时间.
    expect(s.values[3][0]).toBe('考评时间：2026年1月8日');
    const h = headerRowOf(s);
    expect(s.values[h]).toEqual(['序号', '党小组', '党小组长', '上半年', '下半年', '年度平均分', '年度等次', '名次', '评先推荐', '备注']);
    const body = s.values.slice(h + 1, h + 7).map((r) => [r[0], r[1], r[5], r[7]]);
    expect(body).toEqual([
      [1, '城东供电所党小组', 96.75, 1],
      [2, '综合管理党小组', 89, 2],
      [3, '城西供电所党小组', 84, 3],
      [4, '线路运维二班党小组', 83.5, 4],
      [5, '线路运维一班党小组', 90, null],
      [6, '带电作业班党小组', null, null],
    ]);
    // Each nomination on its own line(s); broken by hand where a line would start with “）”.
    const titles = s.values[h + 1][8] as string;
    expect(titles.split('\n').pop()).toBe('优秀党小组长推荐人选');
    expect(titles.replace(/\n/g, '')).toBe('拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定优秀党小组长推荐人选');
    for (const line of titles.split('\n')) expect(line).not.toMatch(/^[）)]/);
    expect(s.values[h + 5][9]).toBe('一票否决，不参加排名和评先');
    expect(s.values[h + 6][9]).toBe('年度考评不全：下半年未评定，不计算年度结果，不参加排名和评先');
  });

  test('the year is the latest with a complete result: a new year with only H1 does not empty the table', () => {
    const e = (year: number, average: number | null) => ({ year, average }) as Parameters<typeof printYear>[0][number];
    expect(printYear([e(2025, 90000), e(2026, null)])).toBe(2025);
    expect(printYear([e(2026, null)])).toBe(2026);
    expect(printYear([])).toBeNull();
  });
});

test('a workbook whose score sheet has no records yet: both tables say so, with their frame', async () => {
  const header = ['年度', '半年度', '党小组', ...Array.from({ length: 12 }, (_, i) => `第${i + 1}项`)];
  const p = await patchOf({ sheets: [{ name: '评分表', values: [header], merges: [], visibility: 'visible' }] });
  for (const name of ['半年考评结果表', '年度考评结果表']) {
    const s = sheetOf(p, name);
    expect(s.values[0][0]).toBe('党小组工作考评结果');
    expect(s.values[headerRowOf(s) + 1][0]).toBe('无考评记录');
    expect(texts(s)).toContain('填表人：');
  }
});

// ───────────── as each host writes it ─────────────

describe('the file host writes the page setup, fonts and alignment as Excel does', () => {
  test('A4, landscape, fit to one page wide, centred, footer 第&P页 共&N页, print titles; 宋体 (charset 134) and vertical centre', async () => {
    const host = new FileHost(fs.readFileSync(path.join(__dirname, '..', 'assets', 'sample.xlsx')));
    await assessWorkbook(host, { now });
    const zip = await JSZip.loadAsync(host.bytes());
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const rid = /<sheet [^>]*name="半年考评结果表"[^>]*r:id="([^"]+)"/.exec(wb)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
    const sheetXml = await zip.file(`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`)!.async('string');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheetXml).toContain('<printOptions horizontalCentered="1"/>');
    expect(sheetXml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(sheetXml).toContain('<headerFooter><oddFooter>&amp;C第&amp;P页 共&amp;N页</oddFooter></headerFooter>');
    // CT_Worksheet order: printOptions, pageMargins, pageSetup, headerFooter.
    const order = ['<printOptions', '<pageMargins', '<pageSetup', '<headerFooter'].map((x) => sheetXml.indexOf(x));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(sheetXml).toMatch(/<mergeCell ref="A1:L1"\/>/);
    expect(wb).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="\d+">'半年考评结果表'!\$5:\$5<\/definedName>/);
    expect(styles).toMatch(/<font>(<b\/>)?<sz val="11"\/><name val="宋体"\/><family val="3"\/><charset val="134"\/><\/font>/);
    expect(styles).toMatch(/<font><sz val="16"\/><name val="黑体"\/><family val="3"\/><charset val="134"\/><\/font>/);
    expect(styles).toMatch(/<alignment horizontal="center" vertical="center"\/>/);
  });
});

describe('the Office.js host sets the same through the object model (recorded by the fake Excel)', () => {
  test('pageLayout: A4, landscape, one page wide, centred, footer; fonts 宋体/黑体 and vertical centre on the ranges', async () => {
    const wb = FakeWorkbook.fromSnapshot(JSON.parse(JSON.stringify(SAMPLE)) as WorkbookSnapshot);
    const bodies: unknown[] = [];
    wireHooks.onRequest = (b) => bodies.push(JSON.parse(JSON.stringify(b)));
    const out = await assessWorkbook(new OfficeHost(wb.env()), { now, displayLanguage: 'zh-CN' }).finally(() => (wireHooks.onRequest = undefined));
    expect(out.notes).toEqual([]);
    const s = wb.sheet('半年考评结果表')!;
    // One page wide and as many pages tall as the table needs (0), as the file host's fitToWidth="1" fitToHeight="0":
    // without verticalFitToPages, Excel keeps "1 page tall" and shrinks a long table onto one page.
    expect(s.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    // …and office.js sends the 0 (its serializer keeps a zero, it does not drop it as unset).
    const zooms = bodies.map((b) => JSON.stringify(b)).join('').match(/\{[^{}]*"horizontalFitToPages":1[^{}]*\}/g);
    expect(zooms?.length).toBeGreaterThan(0);
    for (const z of zooms!) expect(JSON.parse(z)).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(s.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      centerHorizontally: true,
      centerFooter: '第&P页 共&N页',
      printTitleRows: '$5:$5',
    });
    const styles = s.effectiveStyles();
    expect(styles.get('0,0 font.name')).toBe('黑体');
    expect(styles.get('4,1 font.name')).toBe('宋体');
    expect(styles.get('4,1 verticalAlignment')).toBe('Center');
    expect(s.merges).toContain('A1:L1');
    // The working sheets: A4 landscape, no footer; too wide to fit one page at 9 points, they print at 82 % across pages.
    expect(wb.sheet('预警与整改')!.pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', zoom: { scale: 82 } });
    expect(wb.sheet('预警与整改')!.pageLayout.centerFooter).toBeUndefined();
  });

  test('an Excel without ExcelApi 1.9 (no page layout) still gets the tables, fonts and alignment, and the run says the print setup was not applied', async () => {
    const wb = FakeWorkbook.fromSnapshot(JSON.parse(JSON.stringify(SAMPLE)) as WorkbookSnapshot, { apiVersion: 8 });
    const out = await assessWorkbook(new OfficeHost(wb.env()), { now, displayLanguage: 'zh-CN' });
    const s = wb.sheet('半年考评结果表')!;
    expect(s.pageLayout).toEqual({});
    expect(s.effectiveStyles().get('4,1 font.name')).toBe('宋体');
    const said = out.notes.map((n) => [t('zh-CN', n.msg, n.params), t('en-US', n.msg, n.params)]);
    expect(said).toEqual([[expect.stringMatching(/不能设置打印格式.*正式表格没有设置A4纸张.*页面布局/), expect.stringMatching(/cannot set up printing.*no A4 paper.*Page Layout/)]]);
  });
});

// ───────────── the working sheets on paper ─────────────

test('the working sheets print at 9 points or more: one page wide when they fit so, else at 82 % across pages', async () => {
  const p = await patchOf();
  for (const name of ['考评结果', '年度排名', '预警与整改', '数据问题']) {
    const s = sheetOf(p, name);
    const total = s.columnWidths.reduce((a, w) => a + w, 0);
    // 172 characters of column width fill A4 landscape at 82 %: 11-point text prints at 9 points.
    if (total <= 172) expect([name, s.page]).toEqual([name, { paper: 'A4', orientation: 'landscape', fitToWidth: true, centerHorizontally: false }]);
    else expect([name, s.page]).toEqual([name, { paper: 'A4', orientation: 'landscape', fitToWidth: false, scale: 82, centerHorizontally: false }]);
  }
  // The sample's warnings sheet, with its ledger columns, is wider than that: it is split, not shrunk.
  expect(sheetOf(p, '预警与整改').page?.scale).toBe(82);
  expect(sheetOf(p, '数据问题').page?.fitToWidth).toBe(true);
});

// ───────────── 整改台账 ─────────────

describe('整改台账: one row per rectification with what the branch wrote, for signing and filing', () => {
  const LEDGER_HEADER = ['序号', '党小组', '考评期', '等次', '存在问题\n（主要失分项目）', '整改措施', '责任人', '整改期限', '完成情况', '销号日期', '核查人'];
  let host: MemoryHost;
  let s: SheetPatch;
  const MEASURES = '每月召开一次党小组会，由党小组长讲党课，支部书记列席指导；建立学习台账，逐月检查落实情况，并将检查结果在支部会上通报。';
  beforeAll(async () => {
    host = new MemoryHost(JSON.parse(JSON.stringify(SAMPLE)) as WorkbookSnapshot);
    await assessWorkbook(host, { now, lang: 'zh-CN' });
    // The branch types its ledger into the working sheet 预警与整改, as a user does, and assesses again.
    const snap = await host.read();
    const w = snap.sheets.find((x) => x.name === '预警与整改')!;
    const h = w.values.findIndex((r) => r.includes('整改措施'));
    const col = (name: string) => w.values[h].indexOf(name);
    const r = w.values.findIndex((row, i) => i > h && row[col('预警类型')] === '限期整改' && row[col('考评期')] === '2025年下半年');
    w.values[r][col('整改措施')] = MEASURES;
    w.values[r][col('责任人')] = '刘志强';
    w.values[r][col('完成情况')] = '已完成，经支委会核查';
    w.values[r][col('销号日期')] = 46100;
    const again = new MemoryHost(snap);
    const { patch } = await assessWorkbook(again, { now, lang: 'zh-CN' });
    s = sheetOf(patch, '整改台账');
  });

  test('its columns; every RECTIFY once, oldest period first; the typed ledger beside it; 核查人 left empty', () => {
    const h = headerRowOf(s);
    expect(s.values[0][0]).toBe('城区供电中心线路工区党支部党小组限期整改台账');
    expect(s.values[h]).toEqual(LEDGER_HEADER);
    const body = s.values.slice(h + 1).filter((r) => typeof r[0] === 'number');
    const periods = body.map((r) => r[2] as string);
    expect(periods).toEqual([...periods].sort());
    expect(body.map((r) => r[0])).toEqual(body.map((_, i) => i + 1));
    expect(body.every((r) => r[3] === '基本合格' || r[3] === '不合格')).toBe(true);
    const typed = body.find((r) => r[5] === MEASURES)!;
    expect(typed.slice(1, 4)).toEqual(['城西供电所党小组', '2025年下半年', '基本合格']);
    expect(typed[6]).toBe('刘志强');
    expect(typed[8]).toBe('已完成，经支委会核查');
    expect(typed[9]).toBe(46100);
    expect(body.every((r) => r[10] === null)).toBe(true);
    // Dates are dates on paper: 整改期限 and 销号日期 with the date format.
    const r = s.values.indexOf(typed);
    expect(styleAt(s, r, 7)).toMatchObject({ numberFormat: 'yyyy"年"m"月"d"日"' });
    expect(styleAt(s, r, 9)).toMatchObject({ numberFormat: 'yyyy"年"m"月"d"日"' });
    // 存在问题: the items that lost most, by number and name.
    expect(typed[4]).toMatch(/^\d+\.\S+/);
  });

  test('long measures wrap and their row grows to hold every line; printed at 11 points, one page wide at ≥ 10', () => {
    const r = s.values.findIndex((row) => row[5] === MEASURES);
    expect(styleAt(s, r, 5)).toMatchObject({ wrap: true, font: '宋体', size: 11 });
    const height = s.rowHeights!.find((x) => x.row === r)!.height;
    const lines = Math.ceil((MEASURES.length * 2) / (s.columnWidths[5] - 1));
    expect(height).toBe(18 * lines);
    expect(s.columnWidths.reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(150);
    expect(s.page).toMatchObject({ paper: 'A4', fitToWidth: true });
  });

  test('the frame of every official table: 单位：分, the signature block', () => {
    const h = headerRowOf(s);
    expect(s.values[h - 1]).toContain('单位：分');
    expect(texts(s)).toEqual(expect.arrayContaining(['填表人：', '党支部书记（签字）：', '党支部（盖章）']));
  });

  test('a sheet of the user’s named 整改台账 is never touched: the table becomes 整改台账 (2), and a re-run refills it', async () => {
    const snap = JSON.parse(JSON.stringify(SAMPLE)) as WorkbookSnapshot;
    snap.sheets.push({ name: '整改台账', values: [['我们自己的台账']], merges: [], visibility: 'visible' });
    const h = new MemoryHost(snap);
    const first = await assessWorkbook(h, { now, lang: 'zh-CN' });
    expect(first.patch.sheets.map((x) => x.name)).toContain('整改台账 (2)');
    const second = await assessWorkbook(h, { now, lang: 'zh-CN' });
    expect(second.patch.sheets.map((x) => x.name)).toContain('整改台账 (2)');
    expect(second.patch.deleteSheets).toEqual([]);
    const mine = (await h.read()).sheets.find((x) => x.name === '整改台账')!;
    expect(mine.values).toEqual([['我们自己的台账']]);
  });
});

// ───────────── an earlier period's tables ─────────────

describe('the official tables of an earlier period, on request', () => {
  const run = (printPeriod: Parameters<typeof parsePrintPeriod>[0]) =>
    assessWorkbook(new MemoryHost(JSON.parse(JSON.stringify(SAMPLE)) as WorkbookSnapshot), { now, lang: 'zh-CN', printPeriod: parsePrintPeriod(printPeriod) });

  test('2024H1: that half-year’s table, the 2024 annual table, the ledger up to 2024年上半年; 考评时间 of that sheet', async () => {
    const { patch } = await run('2024H1');
    const half = sheetOf(patch, '半年考评结果表');
    expect(half.values[0][0]).toBe('城区供电中心线路工区党支部党小组工作考评结果（2024年上半年）');
    expect(half.values[headerRowOf(half) - 1][0]).toBe('考评时间：2024年7月6日');
    const year = sheetOf(patch, '年度考评结果表');
    expect(year.values[0][0]).toBe('城区供电中心线路工区党支部党小组工作考评结果（2024年度）');
    expect(year.values[headerRowOf(year) - 1][0]).toBe('考评时间：2025年1月8日');
    const ledger = sheetOf(patch, '整改台账');
    expect(ledger.values[0][0]).toBe('城区供电中心线路工区党支部党小组限期整改台账（截至2024年上半年）');
    const periods = ledger.values.slice(headerRowOf(ledger) + 1).filter((r) => typeof r[0] === 'number').map((r) => r[2]);
    expect(periods.length).toBeGreaterThan(0);
    expect(periods.every((p) => p === '2023年上半年' || p === '2023年下半年' || p === '2024年上半年')).toBe(true);
  });

  test('2024: the 2024 annual table and the year’s latest half-year (2024年下半年)', async () => {
    const { patch } = await run('2024');
    expect(sheetOf(patch, '年度考评结果表').values[0][0]).toContain('（2024年度）');
    expect(sheetOf(patch, '半年考评结果表').values[0][0]).toContain('（2024年下半年）');
  });

  test('a period the workbook has no records for is a usage error naming it, and nothing is written', async () => {
    const host = new MemoryHost(JSON.parse(JSON.stringify(SAMPLE)) as WorkbookSnapshot);
    const err = await assessWorkbook(host, { now, printPeriod: parsePrintPeriod('2019H2') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssessError);
    expect((err as AssessError).kind).toBe('usage');
    expect(describeError(err, 'zh-CN')).toBe('工作簿中没有2019年下半年的考评记录，无法生成该期的正式表格；工作簿未作任何修改');
    expect(describeError(err, 'en-US')).toContain('no assessment records for 2019 H2');
    expect(host.writes).toBe(0);
  });

  test('the ways a person writes a period', () => {
    expect(parsePrintPeriod('2024H1')).toEqual({ year: 2024, half: 1 });
    expect(parsePrintPeriod('2024 h2')).toEqual({ year: 2024, half: 2 });
    expect(parsePrintPeriod('2024年上半年')).toEqual({ year: 2024, half: 1 });
    expect(parsePrintPeriod('2024')).toEqual({ year: 2024, half: null });
    expect(parsePrintPeriod('2024年度')).toEqual({ year: 2024, half: null });
    expect(parsePrintPeriod('last year')).toBeNull();
    expect(parsePrintPeriod('2024-13')).toBeNull();
  });
});
