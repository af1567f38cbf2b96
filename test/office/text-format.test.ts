/**
 * Number format “@” (Text) only on text Excel would read as something else (issue 17): a group named
 * =HYPERLINK("x"), 0012 or 2025-3-1 stays that text in both hosts' outputs (and stays text when a user
 * retypes it); a long note is written without “@”, so Excel does not show it as ##### (a Text cell over 255
 * characters), and a formula a user later types in a cell of ordinary text works.
 */
import ExcelJS from 'exceljs';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { OfficeHost } from '../../src/hosts/office';
import { FakeWorkbook } from '../support/fake-excel';
import { hostOf, snapshotFromExcelJS } from '../support/exceljs-snapshot';
import { S87, S97, longYearHalf } from '../support/workbooks';
import { needsTextFormat } from '../../src/workbook/text-format';

const now = () => new Date('2025-03-01T09:30:00Z');
const ODD = ['=HYPERLINK("x")', '0012', '2025-3-1'];
const NOTE = `本党小组${'认真开展组织生活，按时完成学习任务，'.repeat(20)}完。`;

function input(): ExcelJS.Workbook {
  return longYearHalf([
    ...ODD.map((group) => ({ year: 2024, half: '上半年', group, scores: S97 })),
    { year: 2024, half: '上半年', group: '一组', scores: S87, notes: NOTE },
  ]);
}

interface Seen {
  /** The format of every output cell holding one of ODD, by its text. */
  odd: Map<string, Set<string>>;
  /** The formats of output cells of text longer than 255 characters. */
  long: Set<string>;
  longCount: number;
}

function collect(cells: Iterable<{ sheet: string; value: unknown; format: string }>): Seen {
  const seen: Seen = { odd: new Map(), long: new Set(), longCount: 0 };
  for (const { sheet, value, format } of cells) {
    if (sheet === '考评得分' || sheet.startsWith('_')) continue; // the input, the record
    if (typeof value !== 'string') continue;
    if (ODD.includes(value)) {
      if (!seen.odd.has(value)) seen.odd.set(value, new Set());
      seen.odd.get(value)!.add(format);
    }
    if (value.length > 255) {
      seen.long.add(format);
      seen.longCount++;
    }
  }
  return seen;
}

function expectTextOnlyWhereNeeded(seen: Seen): void {
  expect([...seen.odd.keys()].sort()).toEqual([...ODD].sort());
  for (const [text, formats] of seen.odd) expect({ text, formats: [...formats] }).toEqual({ text, formats: ['@'] });
  expect(seen.longCount).toBeGreaterThan(0);
  expect(seen.long.has('@')).toBe(false);
}

test('Excel (the fake): the odd names are written as text with “@”; a note over 255 characters without it', async () => {
  const wb = FakeWorkbook.fromSnapshot(snapshotFromExcelJS(input()));
  await assessWorkbook(new OfficeHost(wb.env()), { now, lang: 'zh-CN' });
  const cells: { sheet: string; value: unknown; format: string }[] = [];
  for (const s of wb.sheets) {
    const grid = s.grid();
    grid.forEach((row, r) => row.forEach((value, c) => cells.push({ sheet: s.name, value, format: s.format(r, c) ?? 'General' })));
    // no odd name became a formula, a number or a date
    expect(s.formulas.size).toBe(0);
  }
  expectTextOnlyWhereNeeded(collect(cells));
});

test('the file: the same cells get “@”, and the long note does not', async () => {
  const host = await hostOf(input());
  await assessWorkbook(host, { now, lang: 'zh-CN' });
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(Buffer.from(host.bytes()) as unknown as ArrayBuffer);
  const cells: { sheet: string; value: unknown; format: string }[] = [];
  out.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((cell) => cells.push({ sheet: ws.name, value: cell.value, format: cell.numFmt ?? 'General' }))),
  );
  expectTextOnlyWhereNeeded(collect(cells));
});

test('the fake Excel reads a string set through values as Excel does unless the cell is “@”', async () => {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('A');
  const typed = ['0012', '1,234', '12%', '１２', '2025-3-1', '2025/3/1', '@x', '一组'];
  await wb.run({}, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.getRange('A1:H1').values = [typed];
    ws.getRange('A2:H2').numberFormat = [typed.map(() => '@')];
    ws.getRange('A2:H2').values = [typed];
    await ctx.sync();
  });
  expect(s.grid()[0]).toEqual([12, 1234, 0.12, 12, 45717, 45717, 0, '一组']);
  expect([...s.formulas.keys()]).toEqual(['0,6']);
  expect(s.grid()[1]).toEqual(typed);
});

const READ_AS_VALUES = [
  ...['=SUM(A1)', '+86 1', '-一组', '@x', "'0012", '0012', '１２３', '1,234', '1e5', '12%', '-5', '(5)', '¥5', '1 1/2'],
  ...['2025-3-1', '2025/3/1', '3月1日', '2025年3月1日', '2026年11月29日 19:42', 'November 29, 2026 19:42', '1-Mar', '9:30', 'TRUE', 'false', '#N/A'],
];
const PLAIN_TEXT = ['一组', 'A组', '2024年上半年', '第1项', '90.5分', '优秀', 'Group 1', NOTE, 'May', 'Item 3: study'];

test.each([...READ_AS_VALUES.map((t): [string, boolean] => [t, true]), ...PLAIN_TEXT.map((t): [string, boolean] => [t, false])])('Excel would read “%s” as something else: %s', (text, expected) => {
  expect(needsTextFormat(text)).toBe(expected);
});
