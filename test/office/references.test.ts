/**
 * A user's references to an output sheet survive the next run (issue 17, item 4): a formula on a sheet of
 * the user's (`=年度排名!G6`, `='年度排名'!G6`), a defined name (`=年度排名!$G$6`) and a chart series
 * reading an output's cells. Deleting a sheet turns every reference to it into #REF!, and a new sheet of the
 * same name does not bring them back (the fake does as Excel does: test/support/fake-excel.ts, retarget);
 * so an output sheet that exists is refilled in place, with copyFrom (ExcelApi 1.9+) or written directly
 * (1.7/1.8). The file host keeps them too: references are text in the package, and an output's part is
 * written anew under the same sheet name.
 */
import ExcelJS from 'exceljs';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { benchHeader, benchRows } from '../../src/bench/bench';
import { OfficeHost } from '../../src/hosts/office';
import { FileHost } from '../../src/hosts/file/host';
import { OUTPUT_SHEET } from '../../src/i18n/output';
import { META_SHEET } from '../../src/workbook/meta';
import { FakeWorkbook } from '../support/fake-excel';

jest.setTimeout(120_000);
const now = () => new Date('2025-01-15T08:00:00Z');
const INPUT = '考评记录';
const RANKING = OUTPUT_SHEET.ranking.zh; // 年度排名
const NOTES = '我的汇总';

function run(wb: FakeWorkbook) {
  return assessWorkbook(new OfficeHost(wb.env()), { now, lang: 'zh-CN' });
}

/** The input sheet holding `n` score rows (the same rows again, then more of them: the ranking changes). */
function setInput(wb: FakeWorkbook, n: number): void {
  const sheet = wb.sheet(INPUT)!;
  sheet.values = [];
  [benchHeader(), ...benchRows(n)].forEach((row, r) => row.forEach((v, c) => typeof v !== 'object' && v !== '' && sheet.set(r, c, v)));
}

/** The user's own sheet, name and chart, made through the Excel API as a user's add-in or Excel would. */
async function addReferences(wb: FakeWorkbook): Promise<void> {
  await wb.env().run({}, async (context) => {
    const ws = context.workbook.worksheets.add(NOTES);
    ws.getRange('A1').values = [[`=${RANKING}!G6`]];
    ws.getRange('A2').values = [[`='${RANKING}'!G6`]];
    context.workbook.names.add('第一名得分', `=${RANKING}!$G$6`, undefined);
    ws.charts.add('ColumnClustered' as Excel.ChartType, context.workbook.worksheets.getItem(RANKING).getRange('G4:G8'), 'Auto' as Excel.ChartSeriesBy);
    await context.sync();
  });
}

/** What the user's references show: the formulas' text and values, the name's and the chart's references. */
function references(wb: FakeWorkbook) {
  const notes = wb.sheet(NOTES)!;
  return {
    formulas: [notes.formulas.get('0,0'), notes.formulas.get('1,0')],
    values: [notes.get(0, 0), notes.get(1, 0)],
    name: wb.names.get('第一名得分')?.formula,
    chart: notes.charts.map((c) => c.source),
  };
}

/** A first run over 30 rows, the user's references, then two runs over `next` rows each. */
async function twoRuns(opts: { apiVersion?: number } = {}, next = [45, 60]) {
  const wb = new FakeWorkbook(opts);
  wb.addSheet(INPUT);
  setInput(wb, 30);
  await run(wb);
  await addReferences(wb);
  const first = wb.sheet(RANKING)!.get(5, 6); // G6: the latest year's first annual average
  expect(typeof first).toBe('number');
  expect(references(wb).values).toEqual([first, first]);
  for (const n of next) {
    setInput(wb, n);
    await run(wb);
  }
  return { wb, first };
}

describe('a user’s references to an output sheet survive the next runs', () => {
  it.each([
    ['ExcelApi 1.9+ (refilled through a very hidden copy: Range.copyFrom)', 17],
    ['ExcelApi 1.8 (no copyFrom: emptied and written into directly)', 8],
  ])('%s: a formula, a defined name and a chart series still point at 年度排名', async (_name, apiVersion) => {
    const { wb, first } = await twoRuns({ apiVersion });
    const now2 = wb.sheet(RANKING)!.get(5, 6);
    expect(typeof now2).toBe('number');
    expect(now2).not.toEqual(first); // the runs changed the cell the references read
    expect(references(wb)).toEqual({
      formulas: [`=${RANKING}!G6`, `='${RANKING}'!G6`],
      values: [now2, now2],
      name: `=${RANKING}!$G$6`,
      chart: [`='${RANKING}'!$G$4:$G$8`],
    });
    // Not a reference to a deleted sheet anywhere.
    expect(JSON.stringify(references(wb))).not.toContain('#REF!');
  });

  it('a refilled sheet is the sheet a new build gives (fewer rows than before: no old row left)', async () => {
    const { wb } = await twoRuns({}, [60, 45]);
    const fresh = new FakeWorkbook();
    fresh.addSheet(INPUT);
    setInput(fresh, 45);
    await run(fresh);
    await addReferences(fresh);
    // The outputs after the user's sheet (where the file host puts them), each as a new build makes it
    // (the run record aside: it holds a fingerprint of the workbook it read).
    const outputs = (w: FakeWorkbook) => w.sheets.filter((s) => ![NOTES, INPUT, META_SHEET].includes(s.name)).map((s) => s.fingerprint());
    expect(wb.sheets.map((s) => s.name).slice(0, 2)).toEqual([INPUT, NOTES]);
    expect(outputs(wb)).toEqual(outputs(fresh));
  });

  it('the fake is as strict as Excel: deleting the sheet turns each reference into #REF!, and a new sheet of that name does not bring them back', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet(INPUT);
    setInput(wb, 30);
    await run(wb);
    await addReferences(wb);
    await wb.env().run({}, async (context) => {
      context.workbook.worksheets.getItem(RANKING).delete();
      context.workbook.worksheets.add(RANKING);
      await context.sync();
    });
    expect(references(wb)).toEqual({
      formulas: ['=#REF!G6', '=#REF!G6'],
      values: [{ error: '#REF!' }, { error: '#REF!' }],
      name: '=#REF!$G$6',
      chart: ['=#REF!$G$4:$G$8'],
    });
  });
});

describe('the file host keeps them too', () => {
  it('a formula and a defined name pointing at 年度排名 keep their text through two runs', async () => {
    const book = new ExcelJS.Workbook();
    const input = book.addWorksheet(INPUT);
    [benchHeader(), ...benchRows(30)].forEach((row) => input.addRow(row as ExcelJS.CellValue[]));
    let bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const host = new FileHost(bytes);
    await assessWorkbook(host, { now, lang: 'zh-CN' });
    // The user adds a sheet with a formula and a defined name, and saves.
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(Buffer.from(host.bytes()) as unknown as ArrayBuffer);
    saved.addWorksheet(NOTES).getCell('A1').value = { formula: `${RANKING}!G6` } as ExcelJS.CellFormulaValue;
    saved.definedNames.add(`${RANKING}!$G$6`, '第一名得分');
    bytes = new Uint8Array(await saved.xlsx.writeBuffer());
    // Two more runs.
    const again = new FileHost(bytes);
    await assessWorkbook(again, { now, lang: 'zh-CN' });
    await assessWorkbook(again, { now, lang: 'zh-CN' });
    const after = new ExcelJS.Workbook();
    await after.xlsx.load(Buffer.from(again.bytes()) as unknown as ArrayBuffer);
    expect((after.getWorksheet(NOTES)!.getCell('A1').value as ExcelJS.CellFormulaValue).formula).toBe(`${RANKING}!G6`);
    expect(after.definedNames.getRanges('第一名得分').ranges.map((r) => r.replace(/'/g, ''))).toEqual([`${RANKING}!$G$6`]);
    expect(after.getWorksheet(RANKING)).toBeDefined();
  });
});
