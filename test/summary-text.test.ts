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

test('the sample, in Chinese: grades of the latest half-year, who must rectify by when, what is overdue, the year’s awards', async () => {
  const outcome = await assessWorkbook(new MemoryHost(sample as unknown as WorkbookSnapshot), { asOf: '2026-05-01', lang: 'zh-CN' });
  expect(outcome.report.summaryText).toBe(
    '2025年下半年，党支部对6个党小组进行了考评，其中优秀1个、合格3个、基本合格1个；带电作业班党小组（待评分）尚未评定。' +
      '城西供电所党小组考评等次为基本合格，已明确整改期限为2026年3月31日。党支部帮助查找原因、制定改进措施。' +
      '线路运维一班党小组经整改，本次考评等次达到合格及以上。' +
      '截至2026年5月1日，城西供电所党小组（2025年下半年考评）逾期未整改。' +
      '2025年度，城东供电所党小组年度平均分最高（96.75分），为年度先进党小组（示范党小组推荐对象）；王建国（城东供电所党小组）为优秀党小组长推荐人选；线路运维一班党小组被一票否决，不参加排名和评先。',
  );
});

test('the sample, in English', async () => {
  const outcome = await assessWorkbook(new MemoryHost(sample as unknown as WorkbookSnapshot), { asOf: '2026-05-01', lang: 'en-US' });
  expect(outcome.report.summaryText).toBe(
    'In 2025 H2, the Party branch assessed 6 Party groups: 1 Excellent, 3 Qualified, 1 Basically qualified; not yet graded: 带电作业班党小组 (pending). ' +
      '城西供电所党小组 was graded Basically qualified, with rectification due by March 31, 2026. The Party branch helps find the causes and set improvement measures. ' +
      'After rectification, 线路运维一班党小组 graded Qualified or better this time. ' +
      'As of May 1, 2026: 城西供电所党小组 (2025 H2) rectification overdue. ' +
      'In 2025, 城东供电所党小组 had the highest annual average (96.75) and is the Advanced Party group of the year (model group nominee); Outstanding leader nominees: 王建国 (城东供电所党小组); 线路运维一班党小组: One-vote veto, not ranked and not eligible for awards.',
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
    '2026年上半年，党支部对3个党小组进行了考评，其中优秀1个、基本合格1个、不合格1个。' +
      '甲党小组考评等次为基本合格，已明确整改期限为2026年9月28日；乙党小组考评等次为不合格，已明确整改期限为2026年9月28日。党支部帮助查找原因、制定改进措施。' +
      '甲党小组连续两次考评等次在基本合格以下，党小组长主观上不愿努力改进的，应及时更换。' +
      '截至2026年7月1日，甲党小组（2025年下半年考评）整改未见效。',
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
  expect(text).toMatch(/^2025年下半年，线路工区党支部对2个党小组进行了考评，其中优秀2个。/);
  expect(text).toContain('2025年度，甲党小组、乙党小组年度平均分并列第一（95.5分），均标注“并列”，提请支委会研究确定年度先进党小组（示范党小组推荐对象）');
});

test('nothing assessed yet says so', () => {
  expect(summaryText(run([]), 'zh-CN')).toBe('尚无考评记录。');
  expect(summaryText(run([]), 'en-US')).toBe('No assessment records yet.');
});
