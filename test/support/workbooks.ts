/**
 * Builders of real ExcelJS workbooks in memory, in the layouts offices use: one long table with year +
 * half columns, one long table with a 考评期 column, one sheet per period, title rows, two-row merged
 * headers, 序号, signature lines, English headers.
 */
import ExcelJS from 'exceljs';
import { DEFAULT_RUBRIC, aspects, shortItemName } from '../../src/domain/rubric';
import { snapshotFromExcelJS } from './exceljs-snapshot';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { parseWorkbook } from '../../src/workbook/parse';
import type { ParsedWorkbook } from '../../src/workbook/parse';

/** Scores summing to 97 / 87 / 73 (as in the sample form). */
export const S97 = [9, 10, 10, 8, 7, 8, 6, 6, 8, 7, 10, 8];
export const S87 = [10, 10, 7, 8, 7, 8, 6, 6, 8, 3, 10, 4];
export const S73 = [7, 5, 10, 8, 3, 8, 6, 6, 8, 7, 3, 2];
/** In hundredths. */
export const h = (xs: number[]) => xs.map((x) => Math.round(x * 100));

/** Item headers as the office writes them: "政治理论学习（10分）". */
export const CN_ITEM_HEADERS = DEFAULT_RUBRIC.items.map((i) => `${shortItemName(i.name)}（${i.max / 100}分）`);
export const EN_ITEM_HEADERS = DEFAULT_RUBRIC.items.map((i) => `Item ${i.code}`);

type Cell = ExcelJS.CellValue;

/** Write rows (arrays, 0-based columns) starting at a 1-based row. */
export function put(ws: ExcelJS.Worksheet, firstRow: number, rows: Cell[][]): void {
  rows.forEach((cells, i) => {
    const row = ws.getRow(firstRow + i);
    cells.forEach((v, c) => {
      if (v !== undefined && v !== null) row.getCell(c + 1).value = v;
    });
    row.commit();
  });
}

/** A one-row header table: headers then rows; returns the 1-based row after the last. */
export function table(ws: ExcelJS.Worksheet, firstRow: number, headers: Cell[], rows: Cell[][]): number {
  put(ws, firstRow, [headers, ...rows]);
  return firstRow + 1 + rows.length;
}

/** One long table with 年度 + 半年度 columns. */
export function longYearHalf(rows: { year: Cell; half: Cell; group: Cell; leader?: Cell; scores: Cell[]; total?: Cell; veto?: Cell; eligible?: Cell; notes?: Cell }[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考评得分');
  table(
    ws,
    1,
    ['年度', '半年度', '党小组', '党小组长', ...CN_ITEM_HEADERS, '合计', '一票否决', '评先资格', '备注'],
    rows.map((r) => [r.year, r.half, r.group, r.leader ?? '组长', ...r.scores, r.total ?? null, r.veto ?? null, r.eligible ?? null, r.notes ?? null]),
  );
  return wb;
}

/** One long table with a 考评期 column, codes as item headers ("1" … "12" as numbers). */
export function longPeriod(rows: { period: Cell; group: Cell; scores: Cell[] }[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  table(
    ws,
    1,
    ['考评期', '小组名称', ...DEFAULT_RUBRIC.items.map((i) => Number(i.code))],
    rows.map((r) => [r.period, r.group, ...r.scores]),
  );
  return wb;
}

/**
 * A sheet per period in the real form's shape: merged title row, a date line, a two-row header with
 * aspects merged over their items and the other header cells merged vertically, 序号, a =SUM total,
 * and a signature line under the table.
 */
export function formSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: { group: Cell; leader?: Cell; liaison?: Cell; scores: Cell[] }[],
  opts: { title?: string; signature?: boolean; note?: string } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const last = 3 + 12 + 3; // 序号, 党小组, 党小组长, 12 items, 合计, 联系支委, 备注
  ws.getCell(1, 1).value = opts.title ?? `变电工区党小组工作考评表（${name}）`;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(2, 1).value = '考评日期：2021年7月5日';
  ws.getCell(2, last).value = '单位：分';
  const top = ws.getRow(3);
  const bottom = ws.getRow(4);
  const fixed: [number, string][] = [
    [1, '序号'],
    [2, '党小组'],
    [3, '党小组长'],
    [16, '合计'],
    [17, '联系支委'],
    [18, '备注'],
  ];
  for (const [c, label] of fixed) {
    top.getCell(c).value = label;
    ws.mergeCells(3, c, 4, c);
  }
  let col = 4;
  for (const a of aspects(DEFAULT_RUBRIC)) {
    top.getCell(col).value = `${a.aspect}（${a.max / 100}分）`;
    if (a.items.length > 1) ws.mergeCells(3, col, 3, col + a.items.length - 1);
    for (const i of a.items) bottom.getCell(col + a.items.indexOf(i)).value = CN_ITEM_HEADERS[i];
    col += a.items.length;
  }
  rows.forEach((r, i) => {
    const rn = 5 + i;
    const row = ws.getRow(rn);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = r.group;
    row.getCell(3).value = r.leader ?? '组长';
    r.scores.forEach((s, k) => {
      if (s !== null && s !== undefined) row.getCell(4 + k).value = s;
    });
    const sum = r.scores.reduce<number>((t, s) => t + (typeof s === 'number' ? s : 0), 0);
    row.getCell(16).value = { formula: `SUM(D${rn}:O${rn})`, result: sum };
    row.getCell(17).value = r.liaison ?? '支委';
  });
  const after = 5 + rows.length + 1;
  if (opts.signature !== false) {
    ws.getCell(after, 1).value = '填表人：周敏　　审核：吴涛';
    ws.mergeCells(after, 1, after, 8);
  }
  if (opts.note) ws.getCell(after + 1, 1).value = opts.note;
  return ws;
}

/** A 考评细则 sheet from rows [code, aspect, item, max, guide?] with an optional title row. */
export function rubricSheet(wb: ExcelJS.Workbook, rows: Cell[][], opts: { name?: string; title?: boolean; english?: boolean } = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(opts.name ?? (opts.english ? 'Rubric' : '考评细则'));
  let first = 1;
  if (opts.title) {
    ws.getCell(1, 1).value = '党小组工作考评细则';
    ws.mergeCells(1, 1, 1, 5);
    first = 3;
  }
  const header = opts.english ? ['Code', 'Aspect', 'Item', 'Max', 'Guide'] : ['编号', '方面', '考评内容', '分值', '评分标准'];
  table(ws, first, header, rows);
  return ws;
}

/** The default rubric as 考评细则 rows. */
export function defaultRubricRows(): Cell[][] {
  return DEFAULT_RUBRIC.items.map((i) => [Number(i.code), i.aspect, i.name, i.max / 100, i.guide ?? '']);
}

/** A 考评规则 sheet from key/value rows, with an optional header row. */
export function rulesSheet(wb: ExcelJS.Workbook, rows: Cell[][], opts: { header?: Cell[]; name?: string } = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(opts.name ?? '考评规则');
  put(ws, 1, opts.header ? [opts.header, ...rows] : rows);
  return ws;
}

export function snap(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return snapshotFromExcelJS(wb);
}

/** Snapshot and parse an in-memory workbook. */
export function parse(wb: ExcelJS.Workbook): ParsedWorkbook {
  return parseWorkbook(snapshotFromExcelJS(wb));
}

/** Write the workbook to .xlsx bytes and read it back, as a file on disk would be. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  return back;
}

/** A minimal valid score workbook (one form sheet per period). */
export function minimalWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  formSheet(wb, '2024年上半年', [{ group: '一组', scores: S97 }]);
  return wb;
}
