import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { AssessError } from '../src/domain/errors';
import { openWorkbookFile } from '../src/hosts/file/node';
import { parseWorkbook } from '../src/workbook/parse';
import { hostOf } from './support/exceljs-snapshot';
import { formSheet, S97 } from './support/workbooks';
import { describeError } from '../src/i18n/errors';

const SAMPLE = path.join(__dirname, 'fixtures', 'cases', 'sample_form.xlsx');
jest.setTimeout(60_000);

let dir: string;

async function readWorkbookFile(file: string) {
  return { snapshot: await (await openWorkbookFile(file)).read() };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pga-read-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function fileError(file: string): Promise<AssessError> {
  try {
    await readWorkbookFile(file);
  } catch (e) {
    if (e instanceof AssessError) return e;
    throw e;
  }
  throw new Error('expected an AssessError');
}

describe('the sample form (a real file from another spreadsheet program)', () => {
  test('8 rows: periods, groups, scores, leaders, liaisons, totals as expected', async () => {
    const { snapshot } = await readWorkbookFile(SAMPLE);
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['2021年上半年', 'visible'],
      ['2021年下半年', 'visible'],
    ]);
    expect(snapshot.sheets[0].merges).toContain('D3:E3');
    const expected = JSON.parse(await fs.readFile(path.join(__dirname, 'fixtures', 'cases', 'sample_form.expected.json'), 'utf8')) as {
      assessments: { year: number; half: number; group: string; total: number }[];
    };
    const p = parseWorkbook(snapshot);
    expect(p.issues).toEqual([]);
    expect(p.rows).toHaveLength(8);
    expect(p.rows.map((r) => ({ year: r.period?.year, half: r.period?.half, group: r.group, total: r.scores.reduce((s, x) => s! + x!, 0)! / 100 }))).toEqual(
      expected.assessments.map((a) => ({ year: a.year, half: a.half, group: a.group, total: a.total })),
    );
    expect(p.rows.map((r) => r.handTotal! / 100)).toEqual(expected.assessments.map((a) => a.total));
    expect(p.rows[2]).toMatchObject({ group: '继保党小组', leader: '冯涛', liaison: '许静', source: { sheet: '2021年上半年', row: 6, col: 1 } });
    expect(p.rows[2].scores).toEqual([700, 500, 1000, 800, 300, 800, 600, 600, 800, 700, 300, 200]);
    expect(p.rows.every((r) => !r.bad && !r.pending)).toBe(true);
  });
});

describe('cell values in the snapshot', () => {
  test('formulas by cached value, errors, rich text, hyperlinks, dates, booleans, formula-like text; merged cells keep only the top-left value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cells');
    ws.getCell('A1').value = { formula: 'SUM(1,2)', result: 3 };
    ws.getCell('B1').value = { formula: 'NA()', result: { error: '#N/A' } };
    ws.getCell('C1').value = { formula: 'A1*2' }; // no cached value
    ws.getCell('D1').value = { error: '#REF!' };
    ws.getCell('E1').value = { richText: [{ text: '变电' }, { text: '运维', font: { bold: true } }] };
    ws.getCell('F1').value = { text: '链接文本', hyperlink: 'https://example.com' };
    ws.getCell('G1').value = new Date(Date.UTC(2024, 0, 1));
    ws.getCell('H1').value = true;
    ws.getCell('I1').value = '=HYPERLINK("x")';
    ws.getCell('J1').value = 9.700000000000001;
    ws.getCell('A3').value = '合并';
    ws.mergeCells('A3:C4');
    const snap = await (await hostOf(wb)).read();
    const s = snap.sheets[0];
    expect(s.values[0]).toEqual([3, { error: '#N/A' }, { formula: '=A1*2' }, { error: '#REF!' }, '变电运维', '链接文本', 45292, true, '=HYPERLINK("x")', 9.700000000000001]);
    expect(s.values[1]).toEqual([]);
    expect(s.values[2]).toEqual(['合并']);
    expect(s.values[3]).toEqual([]);
    expect(s.merges).toEqual(['A3:C4']);
  });

  test('hidden rows are read; hidden and very hidden sheets keep their visibility', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = formSheet(wb, '2024年上半年', [
      { group: '一组', scores: S97 },
      { group: '隐藏的二组', scores: S97 },
    ]);
    ws.getRow(6).hidden = true;
    formSheet(wb, '2024年下半年', [{ group: '一组', scores: S97 }]).state = 'hidden';
    wb.addWorksheet('secret').state = 'veryHidden';
    const file = path.join(dir, 'hidden.xlsx');
    await wb.xlsx.writeFile(file);
    const { snapshot } = await readWorkbookFile(file);
    expect(snapshot.sheets.map((x) => x.visibility)).toEqual(['visible', 'hidden', 'veryHidden']);
    const p = parseWorkbook(snapshot);
    expect(p.rows.map((r) => [r.group, r.period?.half])).toEqual([
      ['一组', 1],
      ['隐藏的二组', 1],
      ['一组', 2],
    ]);
  });

  test('a large sheet is snapshotted completely', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['年度', '半年度', '党小组', ...Array.from({ length: 12 }, (_, i) => i + 1)]);
    for (let i = 0; i < 20000; i++) ws.addRow([2024, 1, `组${i}`, ...S97]);
    const snap = await (await hostOf(wb)).read();
    expect(snap.sheets[0].values).toHaveLength(20001);
    expect(snap.sheets[0].values[20000]).toEqual([2024, 1, '组19999', ...S97]);
  });
});

describe('files that cannot be read: AssessError kind file, naming the file, in both languages', () => {
  test('missing file', async () => {
    const file = path.join(dir, 'nope.xlsx');
    const e = await fileError(file);
    expect(e.kind).toBe('file');
    expect(e.where).toBe(file);
    expect(describeError(e, 'zh-CN')).toBe(`${file}: 找不到文件“${file}”，请检查路径`);
    expect(describeError(e, 'en-US')).toBe(`${file}: File “${file}” not found; check the path`);
  });

  test('not an .xlsx by name (an old .xls)', async () => {
    const file = path.join(dir, 'old.xls');
    await fs.writeFile(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    const e = await fileError(file);
    expect(e.kind).toBe('file');
    expect(describeError(e, 'zh-CN')).toContain('不是.xlsx工作簿，请在Excel中另存为“Excel工作簿(*.xlsx)”');
    expect(describeError(e, 'en-US')).toContain('is not an .xlsx workbook; save it in Excel as “Excel Workbook (*.xlsx)”');
  });

  test('an old .xls renamed to .xlsx', async () => {
    const file = path.join(dir, 'renamed.xlsx');
    await fs.writeFile(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]));
    expect(describeError((await fileError(file)), 'en-US')).toContain('is not an .xlsx workbook');
  });

  test('a text file named .xlsx is reported as damaged', async () => {
    const file = path.join(dir, 'text.xlsx');
    await fs.writeFile(file, 'group,score\nA,95\n');
    const e = await fileError(file);
    expect(e.where).toBe(file);
    expect(describeError(e, 'zh-CN')).toBe(`${file}: 不是Excel工作簿（.xlsx），或文件已损坏：无法作为工作簿文件包读取。请在Excel或WPS中打开，另存为“Excel工作簿(*.xlsx)”后再试`);
    expect(describeError(e, 'en-US')).toContain(`${file}: not an Excel workbook (.xlsx), or the file is damaged`);
  });

  test('a truncated .xlsx is reported as damaged', async () => {
    const full = await fs.readFile(SAMPLE);
    const file = path.join(dir, 'truncated.xlsx');
    await fs.writeFile(file, full.subarray(0, Math.floor(full.length / 2)));
    const e = await fileError(file);
    expect(e.kind).toBe('file');
    expect(describeError(e, 'en-US')).toContain('damaged');
  });

  test('a folder', async () => {
    const e = await fileError(dir);
    expect(describeError(e, 'zh-CN')).toContain('是文件夹，不是Excel工作簿');
    expect(describeError(e, 'en-US')).toContain('is a folder, not an Excel workbook');
  });
});
