/**
 * Excel before ExcelApi 1.13 (Excel 2019, Excel 2021 before its 1.13 builds) has no API that says where merged cells are:
 * getMergedAreasOrNullObject is ExcelApi 1.13, and nothing older (getCellProperties' CellPropertiesFormat, 1.9)
 * carries merges. A vertically merged cell then reads as its first cell with blanks under it. The run must not
 * take those blanks for empty cells: each is a data issue naming the range and the remedy, and no record is lost
 * or graded on a guess. (With ExcelApi 1.13 the merges are read and the same workbook is assessed in full.)
 */
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { OfficeHost } from '../../src/hosts/office';
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { FakeWorkbook } from '../support/fake-excel';
import { sampleSnapshot } from '../../src/hosts/memory/sample';

const now = () => new Date('2025-01-15T08:00:00Z');
const ITEMS = Array.from({ length: 12 }, (_, i) => String(i + 1));
const scores = (s: number[]) => s;
const FULL = scores([10, 10, 10, 8, 7, 8, 6, 6, 8, 7, 10, 10]); // 100
const LESS = scores([9, 10, 10, 8, 7, 8, 6, 6, 8, 7, 10, 10]); // 99

/**
 * 考评记录: title, header, then
 * row 3 (Excel row 3): 城东 2024年上半年, liaison 孙立平 merged D3:D4 over 城西's row too;
 * rows 5–6: 线路一班, 2024年上半年 and 2024年下半年, its name merged B5:B6.
 */
function workbook(): WorkbookSnapshot {
  const header: CellValue[] = ['序号', '党小组', '党小组长', '联系支委', '考评期', ...ITEMS];
  const values: CellValue[][] = [
    ['城区供电中心党小组工作考评表'],
    header,
    [1, '城东供电所党小组', '王建国', '孙立平', '2024年上半年', ...FULL],
    [2, '城西供电所党小组', '李明华', null, '2024年上半年', ...LESS],
    [3, '线路一班党小组', '张卫东', '吴红梅', '2024年上半年', ...FULL],
    [4, null, '张卫东', '吴红梅', '2024年下半年', ...LESS],
  ];
  return { sheets: [{ name: '考评记录', values, merges: ['A1:Q1', 'D3:D4', 'B5:B6'], visibility: 'visible' }] };
}

async function run(apiVersion: number) {
  const wb = FakeWorkbook.fromSnapshot(workbook(), { apiVersion });
  const out = await assessWorkbook(new OfficeHost(wb.env()), { now, displayLanguage: 'zh-CN' });
  return out;
}

describe('merged cells on an Excel that cannot read them (ExcelApi 1.12)', () => {
  it('a merged 联系支委 over two rows: the blank is a data issue naming the range and the remedy, not an empty liaison said nowhere', async () => {
    const out = await run(12);
    const issue = out.report.issues.find((i) => i.cell === '考评记录!D4');
    expect(issue).toMatchObject({ code: 'MERGED_CELL_UNREAD', value: '' });
    expect(issue!.message).toMatch(/“联系支委”栏.*D3:D4可能是合并单元格.*ExcelApi 1\.13以前.*取消合并单元格.*考评网页.*命令行工具 assess/);
    // The record itself is graded (a liaison is no part of the score); its liaison is not made up.
    expect(out.report.assessments.find((a) => a.group === '城西供电所党小组')).toMatchObject({ status: 'graded', total: 99, liaison: '' });
    const en = await assessWorkbook(new OfficeHost(FakeWorkbook.fromSnapshot(workbook(), { apiVersion: 12 }).env()), { now, lang: 'en-US' });
    expect(en.report.issues.find((i) => i.cell === '考评记录!D4')!.message).toMatch(/“联系支委” cell is empty under a filled one: D3:D4 may be merged cells.*before ExcelApi 1\.13.*Unmerge the cells.*workbook page.*`assess`/);
  });

  it('a merged 党小组 over two rows: the second record is not lost silently — a data issue names B5:B6 and the record is not graded', async () => {
    const out = await run(12);
    const issue = out.report.issues.find((i) => i.cell === '考评记录!B6');
    expect(issue).toMatchObject({ code: 'MERGED_CELL_UNREAD' });
    expect(issue!.message).toMatch(/“党小组”栏.*B5:B6可能是合并单元格/);
    // One issue for the cell (not also "enter the Party group"), and the record is there, not graded.
    expect(out.report.issues.filter((i) => i.cell === '考评记录!B6')).toHaveLength(1);
    expect(out.report.assessments).toHaveLength(4);
    expect(out.report.assessments.filter((a) => a.status === 'not_graded').map((a) => a.source)).toEqual(['考评记录!B6']);
    expect(out.report.issues.map((i) => i.cell).sort()).toEqual(['考评记录!B6', '考评记录!D4']);
  });

  it('a merged 考评期 over two rows is not assumed to be the sheet’s period: the record waits, with the range named', async () => {
    const snap = workbook();
    const sheet = snap.sheets[0];
    sheet.name = '2024年上半年';
    sheet.values[3][4] = null; // E3:E4 merged
    sheet.merges.push('E3:E4');
    const wb = FakeWorkbook.fromSnapshot(snap, { apiVersion: 12 });
    const out = await assessWorkbook(new OfficeHost(wb.env()), { now, displayLanguage: 'zh-CN' });
    const issue = out.report.issues.find((i) => i.cell === '2024年上半年!E4');
    expect(issue).toMatchObject({ code: 'MERGED_CELL_UNREAD' });
    expect(issue!.message).toMatch(/E3:E4可能是合并单元格/);
    expect(out.report.assessments.find((a) => a.source === '2024年上半年!B4')).toMatchObject({ status: 'not_graded' });
  });

  it('the same workbook on ExcelApi 1.13: merges are read, every record is graded with its merged group and liaison, no issue', async () => {
    const out = await run(13);
    expect(out.report.issues).toEqual([]);
    expect(out.report.assessments.map((a) => [a.group, a.status, a.total])).toEqual([
      ['城东供电所党小组', 'graded', 100],
      ['城西供电所党小组', 'graded', 99],
      ['线路一班党小组', 'graded', 100],
      ['线路一班党小组', 'graded', 99],
    ]);
    expect(out.report.assessments.find((a) => a.group === '城西供电所党小组')?.liaison).toBe('孙立平');
  });

  it('blank cells that are no merge are read as before where Excel reads merges (ExcelApi 1.13): no such issue', async () => {
    const snap = workbook();
    snap.sheets[0].merges = ['A1:Q1'];
    const out = await assessWorkbook(new OfficeHost(FakeWorkbook.fromSnapshot(snap, { apiVersion: 13 }).env()), { now, displayLanguage: 'zh-CN' });
    expect(out.report.issues.map((i) => i.code)).toEqual(['GROUP_MISSING']);
  });
});

describe('no false alarm where nothing is merged in the records', () => {
  it('the sample workbook (merged title, two-row header with merged aspects, a merged note under the table) on ExcelApi 1.12 is assessed as on 1.13', async () => {
    const snap = await sampleSnapshot();
    const a = await assessWorkbook(new OfficeHost(FakeWorkbook.fromSnapshot(snap).env()), { now });
    const b = await assessWorkbook(new OfficeHost(FakeWorkbook.fromSnapshot(snap, { apiVersion: 12 }).env()), { now });
    expect(b.report.issues.filter((i) => i.code === 'MERGED_CELL_UNREAD')).toEqual([]);
    expect(b.report.assessments).toEqual(a.report.assessments);
    expect(b.report.issues).toEqual(a.report.issues);
  });
});
