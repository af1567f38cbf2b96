/**
 * Issue 16: the judgments a branch committee signs, each case of the issue built as a secretary builds it (one
 * long score table with 党小组长, 一票否决 and 评先资格 columns, written by ExcelJS — not our writer), assessed
 * through BOTH hosts — the file tool's (the .xlsx package) and the Office.js host over the fake Excel — and
 * checked where a user looks: the warnings sheet, the ranking sheet and the JSON report.
 */
import { a1 } from '../src/domain/cell-ref';
import { assessWorkbook } from '../src/app/assessWorkbook';
import type { AssessOutcome } from '../src/app/assessWorkbook';
import { OfficeHost } from '../src/hosts/office';
import { FileHost } from '../src/hosts/file/host';
import type { CellValue, WorkbookSnapshot } from '../src/workbook/snapshot';
import { hostOf, snapshotFromExcelJS } from './support/exceljs-snapshot';
import { FakeWorkbook } from './support/fake-excel';
import { typeInto } from './support/type-into';
import { longYearHalf } from './support/workbooks';
import { scores } from './support/xlsx';

jest.setTimeout(60_000);

type Row = Parameters<typeof longYearHalf>[0][number];
const r = (year: number, half: string, group: string, total: number, extra: Partial<Row> = {}): Row => ({
  year,
  half,
  group,
  leader: `${group}组长`,
  scores: scores(total),
  ...extra,
});

interface Run {
  out: AssessOutcome;
  /** The workbook as a later reader sees it. */
  after: WorkbookSnapshot;
  /** Types a value into an output sheet's cell (as a user does between runs) and assesses again. */
  again(sheet: string, row: number, col: number, value: CellValue, asOf: string): Promise<Run>;
}

async function viaFile(host: FileHost, asOf: string): Promise<Run> {
  const out = await assessWorkbook(host, { asOf, lang: 'zh-CN' });
  const after = await host.read();
  return {
    out,
    after,
    async again(sheet, row, col, value, asOf2) {
      return viaFile(new FileHost(await typeInto(host.bytes(), sheet, { [a1(row, col)]: value as string | number | null })), asOf2);
    },
  };
}

async function viaOffice(wb: FakeWorkbook, asOf: string): Promise<Run> {
  const out = await assessWorkbook(new OfficeHost(wb.env()), { asOf, lang: 'zh-CN' });
  return {
    out,
    after: wb.snapshot(),
    async again(sheet, row, col, value, asOf2) {
      wb.sheet(sheet)!.set(row, col, value as never);
      return viaOffice(wb, asOf2);
    },
  };
}

/** The same workbook through both hosts. */
async function both(rows: Row[], asOf: string): Promise<[string, Run][]> {
  return [
    ['file', await viaFile(await hostOf(longYearHalf(rows)), asOf)],
    ['office', await viaOffice(FakeWorkbook.fromSnapshot(snapshotFromExcelJS(longYearHalf(rows))), asOf)],
  ];
}

/** A sheet's table as records by header (the header is the first row holding `first`). */
function table(snap: WorkbookSnapshot, name: string, first: string): { records: Record<string, CellValue>[]; header: number; cols: string[] } {
  const values = snap.sheets.find((s) => s.name === name)!.values;
  const header = values.findIndex((row) => (row ?? []).includes(first));
  const cols = (values[header] ?? []).map((v) => String(v ?? ''));
  const records = values
    .slice(header + 1)
    .filter((row) => row && row.some((v) => v !== null && v !== ''))
    .map((row) => Object.fromEntries(cols.map((c, i) => [c, row![i] ?? null])));
  return { records, header, cols };
}
const warningsOf = (run: Run) => table(run.after, '预警与整改', '预警类型');
const rankingOf = (run: Run) => table(run.after, '年度排名', '名次').records;

describe.each(['file', 'office'] as const)('issue 16, through the %s host', (which) => {
  const pick = async (rows: Row[], asOf: string) => (await both(rows, asOf)).find(([k]) => k === which)![1];

  test('a word meaning “none” in 一票否决 never fails a group; 待定 is a data issue, not a veto', async () => {
    const none = ['不涉及', '未发生', '无。', '无否决事项', 'N/A', '未发生责任性事故'];
    const rows = none.flatMap((word, i) => [r(2025, '上半年', `组${i}`, 90, { veto: word }), r(2025, '下半年', `组${i}`, 90 - i)]);
    rows.push(r(2025, '上半年', '待定组', 90, { veto: '待定' }));
    const run = await pick(rows, '2025-12-31');
    const report = run.out.report;
    for (const [i] of none.entries()) {
      const a = report.assessments.find((x) => x.group === `组${i}` && x.half === 1)!;
      expect({ group: a.group, band: a.band, veto: a.veto }).toEqual({ group: `组${i}`, band: 'qualified', veto: null });
    }
    expect(report.warnings.filter((w) => w.code === 'RECTIFY')).toEqual([]);
    expect(report.annual.filter((e) => e.year === 2025 && e.rank !== null)).toHaveLength(none.length);
    const issue = report.issues.find((x) => x.code === 'VETO_UNREADABLE')!;
    expect(issue.value).toBe('待定');
    expect(issue.message).toContain('无法判断是否一票否决');
    expect(report.assessments.find((x) => x.group === '待定组')!.status).toBe('not_graded');
  });

  test('a 销号日期 typed in the ledger closes the rectification (按期销号) until the next assessment decides', async () => {
    const first = await pick([r(2024, '下半年', '城西供电所党小组', 72)], '2025-03-01');
    const { records, header, cols } = warningsOf(first);
    const at = records.findIndex((x) => x['预警类型'] === '限期整改');
    expect(records[at]['整改状态']).toBe('待整改');
    // The secretary writes 完成情况 and 销号日期 (a date cell) in the ledger columns.
    const progress = await first.again('预警与整改', header + 1 + at, cols.indexOf('完成情况'), '已完成，经支委会核查', '2025-03-01');
    const closed = await progress.again('预警与整改', header + 1 + at, cols.indexOf('销号日期'), 45736 /* 2025-03-20, a date cell */, '2025-04-15');
    const w = closed.out.report.warnings.find((x) => x.code === 'RECTIFY')!;
    expect({ deadline: w.deadline, status: w.status, closedOn: w.closedOn }).toEqual({ deadline: '2025-03-31', status: 'closed', closedOn: '2025-03-20' });
    const row = warningsOf(closed).records.find((x) => x['预警类型'] === '限期整改')!;
    expect(row['整改状态']).toBe('已销号，待下次考评检验（按期销号）');
    expect(row['完成情况']).toBe('已完成，经支委会核查');
    // Not unfinished: nothing to chase.
    expect(String(closed.after.sheets.find((s) => s.name === '预警与整改')!.values.flat().join('|'))).toContain('逾期未整改0条');
  });

  test('a failed rectification is never rewritten as 已整改 by a later 合格', async () => {
    const g = '线路运维二班党小组';
    const run = await pick(
      [r(2023, '上半年', g, 75), r(2023, '下半年', g, 72), r(2024, '上半年', g, 55), r(2024, '下半年', g, 50), r(2025, '上半年', g, 86)],
      '2025-08-01',
    );
    const rect = warningsOf(run).records.filter((x) => x['预警类型'] === '限期整改');
    expect(rect.map((x) => [x['考评期'], x['整改状态']])).toEqual([
      ['2023年上半年', '整改未见效（已转入下期整改）'],
      ['2023年下半年', '整改未见效（已转入下期整改）'],
      ['2024年上半年', '整改未见效（已转入下期整改）'],
      ['2024年下半年', '已整改（2025年上半年考评等次为合格）'],
    ]);
    // One 党小组长履职预警 for the run of four halves, not three.
    const review = warningsOf(run).records.filter((x) => x['预警类型'] === '党小组长履职预警');
    expect(review).toHaveLength(1);
    expect(review[0]['说明']).toContain('连续4次考评等次为基本合格及以下（2023年上半年、2023年下半年、2024年上半年、2024年下半年）');
    expect(review[0]['说明']).toContain('请支委会了解党小组长主观努力情况；主观上不愿努力改进的，应及时更换党小组长。');
  });

  test('leader warnings follow the person; a leader changed in the year is noted and not a nominee', async () => {
    const run = await pick(
      [
        r(2024, '上半年', '甲组', 70, { leader: '张三' }),
        r(2024, '下半年', '甲组', 70, { leader: '李四' }), // the new leader took over in July
        r(2024, '上半年', '乙组', 96, { leader: '王五' }),
        r(2024, '下半年', '乙组', 98, { leader: '赵六' }),
        r(2024, '上半年', '丙组', 90),
        r(2024, '下半年', '丙组', 90),
      ],
      '2025-01-10',
    );
    expect(warningsOf(run).records.filter((x) => x['预警类型'] === '党小组长履职预警')).toEqual([]);
    const ranking = rankingOf(run);
    const yi = ranking.find((x) => x['党小组'] === '乙组')!;
    expect(yi['评先推荐']).toBe('拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定');
    expect(yi['说明']).toBe('年度内党小组长有调整（王五→赵六）；优秀党小组长推荐人选由支委会研究确定');
    expect(run.out.report.annual.find((e) => e.group === '乙组')!.leaderChange).toEqual({ from: '王五', to: '赵六' });
  });

  test('an ineligible 99 keeps 名次 1; the eligible 95s are recommended, tied among the eligible, never “年度第一并列”', async () => {
    const run = await pick(
      [
        r(2024, '上半年', '高分组', 99, { eligible: '否' }),
        r(2024, '下半年', '高分组', 99),
        r(2024, '上半年', '甲组', 95),
        r(2024, '下半年', '甲组', 95),
        r(2024, '上半年', '乙组', 95),
        r(2024, '下半年', '乙组', 95),
      ],
      '2025-01-10',
    );
    const ranking = rankingOf(run);
    expect(ranking.map((x) => [x['名次'], x['党小组'], x['评先推荐']])).toEqual([
      [1, '高分组', null],
      [2, '甲组', '拟推荐为年度先进党小组（并列，示范党小组推荐对象），提请支委会研究确定、优秀党小组长推荐人选'],
      [2, '乙组', '拟推荐为年度先进党小组（并列，示范党小组推荐对象），提请支委会研究确定、优秀党小组长推荐人选'],
    ]);
    expect(ranking[1]['说明']).toBe('在符合评先条件的党小组中年度平均分并列最高（提请支委会研究确定）');
    const text = run.after.sheets.flatMap((s) => s.values.flat()).join('|');
    expect(text).not.toContain('年度第一并列');
    expect(text).not.toContain('为年度先进党小组（示范党小组推荐对象）；');
    const ties = warningsOf(run).records.filter((x) => String(x['预警类型']).includes('并列'));
    expect(ties.map((x) => x['预警类型'])).toEqual(['在符合评先条件的党小组中年度平均分并列最高（提请支委会研究确定）', '在符合评先条件的党小组中年度平均分并列最高（提请支委会研究确定）']);
  });

  test('deadlines at month end (9月30日 / 3月31日); a group formed in July has 上半年无考评记录, not 上半年未评定', async () => {
    const run = await pick([r(2024, '上半年', '老组', 75), r(2024, '下半年', '老组', 78), r(2024, '下半年', '新组', 90)], '2024-08-01');
    const report = run.out.report;
    expect(report.warnings.filter((w) => w.code === 'RECTIFY').map((w) => [w.half, w.deadline])).toEqual([
      [1, '2024-09-30'],
      [2, '2025-03-31'],
    ]);
    const inc = report.warnings.find((w) => w.code === 'INCOMPLETE_YEAR' && w.group === '新组')!;
    expect(inc.message).toBe('2024年度上、下半年考评未全部完成（上半年无考评记录），不计算年度结果，不参加排名和评先。');
    expect(rankingOf(run).find((x) => x['党小组'] === '新组')!['说明']).toBe('年度考评不全：上半年无考评记录，不计算年度结果，不参加排名和评先');
  });
});
