/** 汇报文字: the official-style paragraph for the Party committee, in the JSON report as `summaryText`. */
import { assessWorkbook } from '../src/app/assessWorkbook';
import { ReportSchema, toReport } from '../src/app/report';
import { summaryText } from '../src/app/summary-text';
import { assess } from '../src/domain/assess';
import { DEFAULT_RUBRIC } from '../src/domain/rubric';
import type { Rules, ScoreRow } from '../src/domain/types';
import { MemoryHost } from '../src/hosts/memory/host';
import sample from '../src/hosts/memory/sample.json';
import type { WorkbookSnapshot } from '../src/workbook/snapshot';
import { row, rules } from './domain/rows';

const run = (rows: ScoreRow[], r: Partial<Rules> = {}, asOf = '2026-05-01') =>
  assess({ rubric: DEFAULT_RUBRIC, rules: rules(r), rows, issues: [], asOf });

test('the sample, in Chinese: the unit, grades of the latest half-year, who must rectify by when, what is overdue, the year’s recommendation', async () => {
  const outcome = await assessWorkbook(new MemoryHost(sample as unknown as WorkbookSnapshot), { asOf: '2026-05-01', lang: 'zh-CN' });
  expect(outcome.report.summaryText).toBe(
    '城区供电中心线路工区党支部对6个党小组进行了2025年下半年考评，其中优秀1个、合格3个、基本合格1个；带电作业班党小组（待评分）尚未评定。' +
      '城西供电所党小组考评等次为基本合格。党支部将帮助其查找原因、制定改进措施，要求于2026年3月31日前完成整改。' +
      '线路运维一班党小组经整改，本次考评等次为合格，整改取得成效。' +
      '截至2026年5月1日，城西供电所党小组（2025年下半年考评）逾期未整改。' +
      '2025年度，城东供电所党小组年度平均分最高（96.75分），拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定；' +
      '城东供电所党小组党小组长王建国为优秀党小组长推荐人选；线路运维一班党小组因发生一般及以上责任性安全事故被一票否决，不参加排名和评先。',
  );
});

test('the sample, in English', async () => {
  const outcome = await assessWorkbook(new MemoryHost(sample as unknown as WorkbookSnapshot), { asOf: '2026-05-01', lang: 'en-US' });
  expect(outcome.report.summaryText).toBe(
    '城区供电中心线路工区党支部 assessed 6 Party groups for 2025 H2: 1 Excellent, 3 Qualified, 1 Basically qualified; not yet graded: 带电作业班党小组 (pending). ' +
      '城西供电所党小组 was graded Basically qualified. The Party branch will help them find the causes and set improvement measures, with rectification due by March 31, 2026. ' +
      'After rectification, 线路运维一班党小组 was graded Qualified this time: the rectification took effect. ' +
      'As of May 1, 2026: 城西供电所党小组 (2025 H2) rectification overdue. ' +
      'In 2025, 城东供电所党小组 had the highest annual average (96.75) and is proposed as Advanced Party group of the year (model group nominee) for the branch committee to decide; ' +
      'Outstanding leader nominees: 王建国 (城东供电所党小组); 线路运维一班党小组 (发生一般及以上责任性安全事故): One-vote veto, not ranked and not eligible for awards.',
  );
});

test('the JSON report carries it, valid against the schema, the same text toReport gives', async () => {
  const outcome = await assessWorkbook(new MemoryHost(sample as unknown as WorkbookSnapshot), { asOf: '2026-05-01' });
  const report = ReportSchema.parse(JSON.parse(JSON.stringify(outcome.report)));
  expect(report.summaryText).toBe(summaryText(outcome.result, report.language));
  expect(toReport(outcome.result, 'zh-CN').summaryText).toBe(report.summaryText);
});

test('a first half: no annual sentence; ties, two rectifications, a leader warning', () => {
  const rows = [
    row({ year: 2025, half: 2, group: '甲党小组', total: 70 }),
    row({ year: 2026, half: 1, group: '甲党小组', total: 72 }),
    row({ year: 2026, half: 1, group: '乙党小组', total: 55 }),
    row({ year: 2026, half: 1, group: '丙党小组', total: 96 }),
  ];
  expect(summaryText(run(rows, {}, '2026-07-01'), 'zh-CN')).toBe(
    '党支部对3个党小组进行了2026年上半年考评，其中优秀1个、基本合格1个、不合格1个。' +
      '甲党小组考评等次为基本合格；乙党小组考评等次为不合格。党支部将帮助其查找原因、制定改进措施，要求于2026年9月30日前完成整改。' +
      '甲党小组党小组长甲党小组组长任党小组长期间连续两次及以上考评等次为基本合格及以下，请支委会了解党小组长主观努力情况；主观上不愿努力改进的，应及时更换党小组长。',
  );
});

test('a tie for first, and a unit named by the rule', () => {
  const rows = [
    row({ year: 2025, half: 1, group: '甲党小组', total: 96 }),
    row({ year: 2025, half: 1, group: '乙党小组', total: 96 }),
    row({ year: 2025, half: 2, group: '甲党小组', total: 95 }),
    row({ year: 2025, half: 2, group: '乙党小组', total: 95 }),
  ];
  const text = summaryText(run(rows, { unitName: '线路工区党支部' }), 'zh-CN');
  expect(text).toMatch(/^线路工区党支部对2个党小组进行了2025年下半年考评，其中优秀2个。/);
  expect(text).toContain('2025年度，甲党小组、乙党小组年度平均分并列第一（95.5分），拟推荐为年度先进党小组（并列，示范党小组推荐对象），提请支委会研究确定');
  // A unit without 党支部 gets it; a higher ineligible group makes the tie one among the eligible.
  const eligible = summaryText(run([...rows, row({ year: 2025, half: 1, group: '丙党小组', total: 99, eligible: false }), row({ year: 2025, half: 2, group: '丙党小组', total: 99 })], { unitName: '城区供电中心' }), 'zh-CN');
  expect(eligible).toMatch(/^城区供电中心党支部对3个党小组/);
  expect(eligible).toContain('甲党小组、乙党小组在符合评先条件的党小组中年度平均分并列最高（95.5分）');
});

test('nothing assessed yet says so', () => {
  expect(summaryText(run([]), 'zh-CN')).toBe('尚无考评记录。');
  expect(summaryText(run([]), 'en-US')).toBe('No assessment records yet.');
});
