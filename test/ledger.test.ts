/**
 * The rectification ledger (整改台账), tested as hard as inputs: what people type into its four columns
 * is never lost — edit, re-run, edit the rules so the warning no longer arises, re-run, edit them back,
 * re-run, switch the language — in both hosts: the file host (cells typed into the .xlsx as a
 * spreadsheet program saves them) and the Office.js host on the fake Excel (cells set as Excel holds
 * typed values). And the reader and merger on their own, on hand-made sheets.
 */
import * as fs from 'fs';
import * as path from 'path';
import { assessWorkbook } from '../src/app/assessWorkbook';
import type { AssessOutcome } from '../src/app/assessWorkbook';
import { ReportSchema } from '../src/app/report';
import type { Report } from '../src/app/report';
import { FileHost } from '../src/hosts/file/host';
import { OfficeHost } from '../src/hosts/office';
import type { Lang, Warning } from '../src/domain/types';
import { a1 } from '../src/domain/cell-ref';
import { ledgerKey, mergeLedger, readLedger, readLedgerAll } from '../src/workbook/ledger';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../src/workbook/snapshot';
import { FakeWorkbook } from './support/fake-excel';
import { MemoryHost } from '../src/hosts/memory/host';
import { parseRange } from '../src/workbook/a1';
import { DATE_FORMAT } from '../src/workbook/sheet-builder';
import { RUN_NOTE } from '../src/i18n/output';
import { summaryLines } from '../src/cli/main';
import { t as tr } from '../src/i18n';
import type { RunNote } from '../src/workbook/render';
import { typeInto, widenColumn } from './support/type-into';
import ExcelJS from 'exceljs';
import { columnWidthPoints } from '../src/hosts/office/write/styles';
import { LONG_HEADER, longRow, tempDir, writeXlsx } from './support/xlsx';

jest.setTimeout(60_000);

const now = () => new Date('2025-06-01T08:00:00Z');
const GROUP = '线路运维一班党小组';

/** Two groups, 2024; 线路运维一班 is 基本合格 in H1 (RECTIFY), 合格 in H2; a rules sheet with 合格分数线 80 in B2. */
async function fixtureBytes(dir: string): Promise<Uint8Array> {
  const file = path.join(dir, 'ledger.xlsx');
  await writeXlsx(file, {
    sheets: [
      {
        name: '考评记录',
        rows: [
          LONG_HEADER,
          longRow({ year: 2024, half: '上半年', group: '城东供电所党小组', leader: '王建国', liaison: '孙立平', total: 96 }),
          longRow({ year: 2024, half: '上半年', group: GROUP, leader: '张卫东', liaison: '吴红梅', total: 75 }),
          longRow({ year: 2024, half: '下半年', group: '城东供电所党小组', leader: '王建国', liaison: '孙立平', total: 95 }),
          longRow({ year: 2024, half: '下半年', group: GROUP, leader: '张卫东', liaison: '吴红梅', total: 72 }),
        ],
      },
      { name: '考评规则', rows: [['项目', '设定值'], ['合格分数线', 80]] },
    ],
  });
  return fs.readFileSync(file);
}

/** One way of running the assessment and of typing into the workbook: the file host or Office.js on the fake. */
interface Driver {
  run(lang?: Lang): Promise<AssessOutcome>;
  /** Type into cells of a sheet by A1 address. */
  type(sheet: string, cells: Record<string, string | number | null>): Promise<void>;
  snapshot(): Promise<WorkbookSnapshot>;
  /** Drag a column of a sheet to `chars` characters wide (0-based column), as the user does. */
  widen(sheet: string, col: number, chars: number): Promise<void>;
  /** A column's width in characters as another reader sees it (null: the default width). */
  width(sheet: string, col: number): Promise<number | null>;
}

async function fileDriver(dir: string): Promise<Driver> {
  let bytes = await fixtureBytes(dir);
  return {
    async run(lang) {
      const host = new FileHost(bytes);
      const outcome = await assessWorkbook(host, { now, lang: lang ?? null });
      bytes = host.bytes();
      return outcome;
    },
    async type(sheet, cells) {
      bytes = await typeInto(bytes, sheet, cells);
    },
    snapshot: () => new FileHost(bytes).read(),
    async widen(sheet, col, chars) {
      bytes = await widenColumn(bytes, sheet, col, chars);
    },
    async width(sheet, col) {
      // Read back by ExcelJS, not by our reader.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      return wb.getWorksheet(sheet)!.getColumn(col + 1).width ?? null;
    },
  };
}

async function officeDriver(dir: string): Promise<Driver> {
  const wb = FakeWorkbook.fromSnapshot(await new FileHost(await fixtureBytes(dir)).read());
  return {
    run: (lang) => assessWorkbook(new OfficeHost(wb.env()), { now, lang: lang ?? null, displayLanguage: 'zh-CN' }),
    async type(sheet, cells) {
      const s = wb.sheet(sheet)!;
      for (const [ref, v] of Object.entries(cells)) {
        const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
        let col = 0;
        for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
        s.set(Number(m[2]) - 1, col - 1, v);
      }
    },
    snapshot: () => new OfficeHost(wb.env()).read(),
    async widen(sheet, col, chars) {
      // Excel holds a column's width in points (Range.format.columnWidth).
      wb.sheet(sheet)!.columnWidths.set(col, columnWidthPoints(chars));
    },
    async width(sheet, col) {
      const pt = wb.sheet(sheet)!.columnWidths.get(col);
      return pt === undefined ? null : (pt * 4) / 3 / 7;
    },
  };
}

/** The warnings sheet as records keyed by header text, with each record's sheet row. */
function warningsTable(snap: WorkbookSnapshot, name = '预警与整改'): { header: CellValue[]; rows: { r: number; cells: Record<string, CellValue> }[]; sheet: SheetSnapshot } {
  const sheet = snap.sheets.find((s) => s.name === name)!;
  expect(sheet).toBeDefined();
  const h = sheet.values.findIndex((row) => row?.includes(name === '预警与整改' ? '整改措施' : 'Rectification measures'));
  const header = sheet.values[h];
  const rows = sheet.values.slice(h + 1).map((row, i) => ({
    r: h + 1 + i,
    cells: Object.fromEntries(header.map((k, c) => [String(k), row?.[c] ?? null])),
  }));
  return { header, rows, sheet };
}

/** The A1 address of a column of a record. */
function at(t: ReturnType<typeof warningsTable>, r: number, column: string): string {
  const c = t.header.indexOf(column);
  expect(c).toBeGreaterThanOrEqual(0);
  return a1(r, c);
}

const rectifyRow = (t: ReturnType<typeof warningsTable>, period = '2024年上半年') =>
  t.rows.find((x) => x.cells['预警类型'] === '限期整改' && x.cells['考评期'] === period && x.cells['党小组'] === GROUP && x.cells['整改状态'] !== '预警已解除（评分或规则调整后不再成立）');

const t2 = (lang: Lang, n: RunNote) => tr(lang, n.msg, n.params);
const reportOf = (o: AssessOutcome): Report => ReportSchema.parse(JSON.parse(JSON.stringify(o.report)));

describe.each([
  ['file host (.xlsx)', fileDriver],
  ['Office.js host (fake Excel)', officeDriver],
])('the ledger in the %s: nothing typed is ever lost', (_name, make) => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('pga-ledger-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('edit → re-run → edit rules → re-run → rules back → re-run → English → re-run', async () => {
    const d = await make(dir);
    const first = await d.run();
    // The first run: the ledger columns are there, empty.
    let t = warningsTable(await d.snapshot());
    expect(t.header).toEqual(expect.arrayContaining(['整改措施', '责任人', '完成情况', '销号日期']));
    let row = rectifyRow(t)!;
    expect(row).toBeDefined();
    expect(row.cells['整改措施']).toBeNull();
    expect(reportOf(first).warnings.every((w) => w.ledger === null)).toBe(true);

    // The branch fills in the row of 线路运维一班's rectification (a date typed as Excel stores it: a number).
    await d.type('预警与整改', {
      [at(t, row.r, '整改措施')]: '组织专题学习，补齐台账记录',
      [at(t, row.r, '责任人')]: '张卫东',
      [at(t, row.r, '完成情况')]: '=已完成（不是公式）',
      [at(t, row.r, '销号日期')]: 45700, // 2025-02-12
    });
    const second = await d.run();
    t = warningsTable(await d.snapshot());
    row = rectifyRow(t)!;
    expect(row.cells).toMatchObject({ 整改措施: '组织专题学习，补齐台账记录', 责任人: '张卫东', 完成情况: '=已完成（不是公式）', 销号日期: 45700 });
    const w2 = reportOf(second).warnings.find((w) => w.code === 'RECTIFY' && w.group === GROUP && w.half === 1)!;
    expect(w2.ledger).toEqual({ measures: '组织专题学习，补齐台账记录', responsible: '张卫东', progress: '=已完成（不是公式）', closedOn: '2025-02-12' });
    expect(reportOf(second).ledgerKept).toEqual([]);

    // The rules change so that 75 is 合格: the warning no longer arises. Its row is kept at the bottom.
    await d.type('考评规则', { B2: 75 });
    const third = await d.run();
    t = warningsTable(await d.snapshot());
    expect(rectifyRow(t)).toBeUndefined();
    const kept = t.rows.filter((x) => x.cells['整改状态'] === '预警已解除（评分或规则调整后不再成立）');
    expect(kept).toHaveLength(1);
    expect(kept[0].cells).toMatchObject({ 预警类型: '限期整改', 考评期: '2024年上半年', 党小组: GROUP, 整改措施: '组织专题学习，补齐台账记录', 责任人: '张卫东', 销号日期: 45700 });
    expect(t.rows.some((x) => x.cells['严重程度'] === '以下预警已解除（评分或规则调整后不再成立），保留已填写的整改记录：')).toBe(true);
    expect(reportOf(third).ledgerKept).toEqual([
      { code: 'RECTIFY', year: 2024, half: 1, group: GROUP, measures: '组织专题学习，补齐台账记录', responsible: '张卫东', progress: '=已完成（不是公式）', closedOn: '2025-02-12' },
    ]);

    // Someone updates the kept row; the next run keeps that too.
    await d.type('预警与整改', { [at(t, kept[0].r, '完成情况')]: '已完成整改' });
    await d.run();
    t = warningsTable(await d.snapshot());
    expect(t.rows.filter((x) => x.cells['整改状态'] === '预警已解除（评分或规则调整后不再成立）').map((x) => x.cells['完成情况'])).toEqual(['已完成整改']);

    // The rules go back: the warning arises again and its cells come back beside it; nothing is kept twice.
    await d.type('考评规则', { B2: 80 });
    const fifth = await d.run();
    t = warningsTable(await d.snapshot());
    row = rectifyRow(t)!;
    expect(row.cells).toMatchObject({ 整改措施: '组织专题学习，补齐台账记录', 责任人: '张卫东', 完成情况: '已完成整改', 销号日期: 45700 });
    expect(t.rows.filter((x) => x.cells['整改状态'] === '预警已解除（评分或规则调整后不再成立）')).toEqual([]);
    expect(reportOf(fifth).ledgerKept).toEqual([]);

    // In English the same cells are under the English headers, and back in Chinese they are still there.
    await d.run('en-US');
    const en = warningsTable(await d.snapshot(), 'Warnings');
    const enRow = en.rows.find((x) => x.cells.Type === 'Rectification' && x.cells.Period === '2024 H1' && x.cells['Party group'] === GROUP)!;
    expect(enRow.cells).toMatchObject({ 'Rectification measures': '组织专题学习，补齐台账记录', 'Person responsible': '张卫东', Progress: '已完成整改', 'Closed on': 45700 });
    await d.run('zh-CN');
    expect(rectifyRow(warningsTable(await d.snapshot()))!.cells['整改措施']).toBe('组织专题学习，补齐台账记录');
  });

  test('a re-run changes nothing typed and nothing else (idempotent)', async () => {
    const d = await make(dir);
    await d.run();
    let t = warningsTable(await d.snapshot());
    const r = rectifyRow(t)!.r;
    await d.type('预警与整改', { [at(t, r, '整改措施')]: '谈心谈话', [at(t, r, '责任人')]: '吴红梅' });
    await d.run();
    const once = warningsTable(await d.snapshot()).sheet.values;
    await d.run();
    t = warningsTable(await d.snapshot());
    expect(t.sheet.values).toEqual(once);
  });
});

// ───────────── issue 17: everything the user put in the ledger's rows ─────────────

/** The number format the run gave a cell of an output sheet (the last style over it that sets one). */
function formatOf(o: AssessOutcome, sheet: string, r: number, c: number): string | undefined {
  let f: string | undefined;
  for (const st of o.patch.sheets.find((s) => s.name === sheet)!.styles) {
    if (!st.numberFormat) continue;
    const q = parseRange(st.range);
    if (r >= q.top && r <= q.bottom && c >= q.left && c <= q.right) f = st.numberFormat;
  }
  return f;
}

describe.each([
  ['file host (.xlsx)', fileDriver],
  ['Office.js host (fake Excel)', officeDriver],
])('issue 17 — the ledger in the %s keeps everything the user put in its rows', (_name, make) => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('pga-ledger17-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a 督办意见 column the user adds at the right, 5 texts, survives two re-runs beside the right warnings', async () => {
    const d = await make(dir);
    await d.run();
    let t = warningsTable(await d.snapshot());
    // The three warnings of the run get a 督办意见 each; two more are written in the rows below the table.
    const rows = t.rows.filter((x) => x.cells['预警类型'] && x.cells['党小组']);
    expect(rows).toHaveLength(3);
    const col = t.header.length; // the first column right of ours
    const key = (x: (typeof rows)[number]) => `${String(x.cells['预警类型'])}|${String(x.cells['考评期'])}|${String(x.cells['党小组'])}`;
    const want = new Map(rows.map((x, i) => [key(x), `督办意见第${i + 1}条：请于月底前报送整改材料`]));
    const below = rows[rows.length - 1].r + 2;
    await d.type('预警与整改', {
      [a1(t.rows[0].r - 1, col)]: '督办意见',
      ...Object.fromEntries(rows.map((x) => [a1(x.r, col), want.get(key(x))!])),
      [a1(below, col)]: '督办意见第4条：年底前复查',
      [a1(below + 1, col)]: '督办意见第5条：支委会听取汇报',
    });
    for (let run = 0; run < 2; run++) {
      const o = await d.run();
      t = warningsTable(await d.snapshot());
      // At the right of our columns: after 来源.
      expect(t.header.indexOf('督办意见')).toBeGreaterThan(t.header.indexOf('来源'));
      const beside = new Map(t.rows.filter((x) => x.cells['预警类型'] && x.cells['督办意见'] !== null).map((x) => [key(x), x.cells['督办意见']]));
      expect(beside).toEqual(want);
      // The two the ledger cannot place beside a warning are kept at the bottom, and the run says so.
      expect(t.rows.filter((x) => !x.cells['预警类型']).map((x) => x.cells['督办意见']).filter((v) => v !== null)).toEqual(['督办意见第4条：年底前复查', '督办意见第5条：支委会听取汇报']);
      expect(o.notes.map((n) => n.msg)).toEqual([RUN_NOTE.unplaced]);
    }
  });

  test('the width the user gives a column they added is kept: 督办意见 dragged to 33 characters stays 33 after two runs', async () => {
    const d = await make(dir);
    await d.run();
    let t = warningsTable(await d.snapshot());
    const col = t.header.length;
    await d.type('预警与整改', { [a1(t.rows[0].r - 1, col)]: '督办意见', [a1(rectifyRow(t)!.r, col)]: '请于月底前报送' });
    await d.widen('预警与整改', col, 33);
    for (let run = 0; run < 2; run++) {
      await d.run();
      t = warningsTable(await d.snapshot());
      const c = t.header.indexOf('督办意见');
      expect(c).toBeGreaterThan(t.header.indexOf('来源'));
      expect(await d.width('预警与整改', c)).toBeCloseTo(33, 0);
    }
  });

  test('a date typed into 完成情况 and 责任人 comes back a date: the same value with a date format', async () => {
    const d = await make(dir);
    await d.run();
    let t = warningsTable(await d.snapshot());
    const r = rectifyRow(t)!.r;
    await d.type('预警与整改', { [at(t, r, '完成情况')]: 45992, [at(t, r, '责任人')]: 45993 }); // 2025-12-01, 2025-12-02
    const o = await d.run();
    t = warningsTable(await d.snapshot());
    const row = rectifyRow(t)!;
    expect(row.cells).toMatchObject({ 完成情况: 45992, 责任人: 45993 });
    expect(formatOf(o, '预警与整改', row.r, t.header.indexOf('完成情况'))).toBe(DATE_FORMAT['zh-CN']);
    expect(formatOf(o, '预警与整改', row.r, t.header.indexOf('责任人'))).toBe(DATE_FORMAT['zh-CN']);
    const w = reportOf(o).warnings.find((x) => x.code === 'RECTIFY' && x.group === GROUP && x.half === 1)!;
    expect(w.ledger).toMatchObject({ progress: '2025-12-01', responsible: '2025-12-02' });
    // The printed 整改台账 shows them as dates too.
    const printed = o.patch.sheets.find((x) => x.name === '整改台账')!;
    const pr = printed.values.findIndex((v) => v.includes(45992));
    expect(pr).toBeGreaterThan(0);
    expect(formatOf(o, '整改台账', pr, printed.values[pr].indexOf(45992))).toBe(DATE_FORMAT['zh-CN']);
    expect(formatOf(o, '整改台账', pr, printed.values[pr].indexOf(45993))).toBe(DATE_FORMAT['zh-CN']);
  });
});

describe('issue 17 — what the ledger cannot keep is said', () => {
  test('a formula typed in a ledger cell comes back as its text, never a formula, and the run says so (zh and en)', async () => {
    const dir = tempDir('pga-ledger17f-');
    try {
      const first = new MemoryHost(await new FileHost(await fixtureBytes(dir)).read());
      await assessWorkbook(first, { now });
      const snap = await first.read();
      const t = warningsTable(snap);
      const row = rectifyRow(t)!;
      const c = t.header.indexOf('整改措施');
      t.sheet.values[row.r][c] = { formula: '=考评记录!B3' };
      const host = new MemoryHost(snap);
      const o = await assessWorkbook(host, { now });
      const after = warningsTable(await host.read());
      expect(rectifyRow(after)!.cells['整改措施']).toBe('=考评记录!B3');
      const said = o.notes.map((n) => t2('zh-CN', n));
      expect(said).toEqual([expect.stringContaining(`公式已按其文字保留（不再是公式）：预警与整改!${a1(row.r, c)}`)]);
      expect(t2('en-US', o.notes[0])).toContain('kept as their text');
      expect(summaryLines(o, 'zh-CN', 'x.xlsx')).toEqual(expect.arrayContaining(said));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ───────────── the reader and the merger on hand-made sheets ─────────────

function sheetOf(name: string, values: CellValue[][]): SheetSnapshot {
  return { name, values, merges: [], visibility: 'visible' };
}

const warning = (over: Partial<Warning>): Warning => ({
  code: 'RECTIFY',
  severity: 'warning',
  year: 2024,
  half: 1,
  group: '甲',
  leader: '',
  liaison: '',
  deadline: '2024-09-28',
  status: 'open',
  resolvedBy: null,
  focusItems: [],
  band: 'basic',
  source: { sheet: 'S', row: 1, col: 1 },
  ...over,
});

describe('reading the ledger', () => {
  const header = ['严重程度', '预警类型', '考评期', '党小组', '党小组长', '联系支委', '说明', '整改期限', '整改状态', '主要失分项目', '整改措施', '责任人', '完成情况', '销号日期', '来源'];
  const enHeader = ['Severity', 'Type', 'Period', 'Party group', 'Party group leader', 'Liaison committee member', 'Details', 'Rectification deadline', 'Rectification status', 'Items that lost most', 'Rectification measures', 'Person responsible', 'Progress', 'Closed on', 'Source'];
  const line = (type: string, period: string, group: string, typed: CellValue[]) => ['一般', type, period, group, null, null, null, null, null, null, ...typed, null];

  test('only the owned warnings sheets are read, in either language; rows with nothing typed are left', () => {
    const snap: WorkbookSnapshot = {
      sheets: [
        sheetOf('预警与整改', [['预警与整改'], [], header, line('限期整改', '2024年上半年', '甲', ['措施甲', null, null, null]), line('限期整改', '2024年下半年', '甲', [null, null, null, null])]),
        sheetOf('Warnings (2)', [enHeader, ['Moderate', 'Replace the leader promptly', '2024 H2', '乙', null, null, null, null, null, null, null, 'Owner', null, null, null]]),
        sheetOf('我的预警与整改', [header, line('限期整改', '2024年上半年', '丙', ['不是加载项的表', null, null, null])]),
      ],
    };
    const rows = readLedger(snap, new Set(['预警与整改', 'Warnings (2)']));
    expect(rows.map((r) => [r.key, r.cells])).toEqual([
      [ledgerKey('RECTIFY', 2024, 1, '甲'), { measures: '措施甲', responsible: null, progress: null, closedOn: null }],
      [ledgerKey('LEADER_REVIEW', 2024, 2, '乙'), { measures: null, responsible: 'Owner', progress: null, closedOn: null }],
    ]);
  });

  test('yearly warnings (2024年度 / 2024) and the words of earlier releases are placed', () => {
    const snap: WorkbookSnapshot = {
      sheets: [
        sheetOf('预警与整改', [
          ['级别', '类别', '考评期', '党小组', '整改措施'],
          ['严重', '考虑调整组长', '2024年度', '甲', '换届时调整'],
          ['提示', '年度考评不全', 2025, '乙', '补评'],
        ]),
      ],
    };
    expect(readLedger(snap, new Set(['预警与整改'])).map((r) => r.key)).toEqual([ledgerKey('LEADER_REPLACE', 2024, null, '甲'), ledgerKey('INCOMPLETE_YEAR', 2025, null, '乙')]);
  });

  test('a typed row whose type or period was changed by hand is kept as it is, never dropped', () => {
    const snap: WorkbookSnapshot = { sheets: [sheetOf('预警与整改', [header, line('我改过的类型', '某时', '甲', ['措施', null, null, null])])] };
    const rows = readLedger(snap, new Set(['预警与整改']));
    const merged = mergeLedger([warning({})], rows);
    expect(merged.byWarning.size).toBe(0);
    expect(merged.kept).toHaveLength(1);
    expect(merged.kept[0].unplaced).toEqual({ type: '我改过的类型', period: '某时' });
  });

  test('merging: each key once beside its warning; a second copy of a key is kept at the bottom', () => {
    const snap: WorkbookSnapshot = {
      sheets: [
        sheetOf('预警与整改', [
          header,
          line('限期整改', '2024年上半年', '甲', ['第一份', null, null, null]),
          line('限期整改', '2024年上半年', '甲', ['手工复制的第二份', null, null, null]),
          line('限期整改', '2023年下半年', '甲', ['已不再触发', null, null, null]),
        ]),
      ],
    };
    const w = warning({});
    const merged = mergeLedger([w], readLedger(snap, new Set(['预警与整改'])));
    expect(merged.byWarning.get(w)?.measures).toBe('第一份');
    expect(merged.kept.map((k) => k.cells.measures)).toEqual(['手工复制的第二份', '已不再触发']);
  });

  test('issue 17: a column the user put between ours is read with its header; merged ledger cells and formulas are noted', () => {
    const h = [...header.slice(0, 11), '督办人', ...header.slice(11)];
    const row = ['一般', '限期整改', '2024年上半年', '甲', null, null, null, null, null, null, '谈心谈话', '李书记', '张三', { formula: '=TODAY()' }, null, null];
    const snap: WorkbookSnapshot = { sheets: [{ ...sheetOf('预警与整改', [h, row]), merges: ['K2:L3'] }] };
    const read = readLedgerAll(snap, new Set(['预警与整改']));
    expect(read.extras).toEqual(['督办人']);
    expect(read.rows[0].cells).toMatchObject({ measures: '谈心谈话', responsible: '张三', progress: '=TODAY()', extra: ['李书记'] });
    expect(read.losses).toEqual([
      { kind: 'merged', where: '预警与整改!K2:L3' },
      { kind: 'formula', where: '预警与整改!N2' },
    ]);
  });

  test('a header the user annotated (整改措施（必填）, 责任人：) is still its column', () => {
    const snap: WorkbookSnapshot = {
      sheets: [sheetOf('预警与整改', [['预警类型', '考评期', '党小组', '整改措施（必填）', '责任人：'], ['限期整改', '2024年上半年', '甲', '措施', '张三']])],
    };
    expect(readLedger(snap, new Set(['预警与整改']))[0].cells).toEqual({ measures: '措施', responsible: '张三', progress: null, closedOn: null });
  });

  test('a group name is matched as the reader matches it (full-width letters, spaces)', () => {
    const snap: WorkbookSnapshot = { sheets: [sheetOf('预警与整改', [header, line('限期整改', '2024年上半年', '  一组  ＡＢ ', ['措施', null, null, null])])] };
    const w = warning({ group: '一组 AB' });
    expect(mergeLedger([w], readLedger(snap, new Set(['预警与整改']))).byWarning.get(w)?.measures).toBe('措施');
  });
});
