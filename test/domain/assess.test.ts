import { assess, rectifyKey } from '../../src/domain/assess';
import { DEFAULT_RUBRIC } from '../../src/domain/rubric';
import { TITLE, statusText, warningMessage, warningName } from '../../src/i18n/domain';
import { t } from '../../src/i18n';
import type { Rules, ScoreRow } from '../../src/domain/types';
import { row, rules, scoresFor } from './rows';

/** Statuses are judged as of a date: by default one before every deadline in these tests. */
const run = (rows: ScoreRow[], r: Partial<Rules> = {}, asOf = '2021-01-01') =>
  assess({ rubric: DEFAULT_RUBRIC, rules: rules(r), rows, issues: [], asOf });

const year = (g: string, y: number, h1: number, h2: number, extra: Partial<Parameters<typeof row>[0]> = {}) => [
  row({ year: y, half: 1, group: g, total: h1, ...extra }),
  row({ year: y, half: 2, group: g, total: h2, ...extra }),
];

describe('bands at their boundaries', () => {
  test.each([
    [59.99, 'unqualified'],
    [60, 'basic'],
    [79.99, 'basic'],
    [80, 'qualified'],
    [94.99, 'qualified'],
    [95, 'excellent'],
    [100, 'excellent'],
    [0, 'unqualified'],
  ])('a total of %p is %s', (total, band) => {
    const res = run([row({ year: 2024, half: 1, group: 'A', total })]);
    expect(res.assessments[0].total).toBe(Math.round(total * 100));
    expect(res.assessments[0].band).toBe(band);
  });

  test('configured thresholds move the bands', () => {
    const res = run([row({ year: 2024, half: 1, group: 'A', total: 92 })], { excellentMin: 9000 });
    expect(res.assessments[0].band).toBe('excellent');
  });

  test('aspect subtotals add up to the total', () => {
    const res = run([row({ year: 2024, half: 1, group: 'A', total: 83.5 })]);
    const a = res.assessments[0];
    expect(a.aspectTotals).toHaveLength(5);
    expect(a.aspectTotals!.reduce((s, x) => s! + x!, 0)).toBe(8350);
  });
});

describe('RECTIFY', () => {
  test('a 基本合格 half gets a warning due on the last day of the third month after the period, with 3 focus items', () => {
    // The sample form's 继保党小组, 2021 H1: 73 points.
    const scores = [7, 5, 10, 8, 3, 8, 6, 6, 8, 7, 3, 2].map((x) => x * 100);
    const res = run([row({ year: 2021, half: 1, group: '继保党小组', scores })]);
    const rect = res.warnings.filter((x) => x.code === 'RECTIFY');
    expect(rect).toHaveLength(1);
    const w = rect[0];
    expect(w).toMatchObject({
      code: 'RECTIFY',
      severity: 'warning',
      year: 2021,
      half: 1,
      deadline: '2021-09-30',
      status: 'open',
      closedOn: null,
      focusItems: ['12', '11', '5'],
      band: 'basic',
    });
    expect(warningMessage('zh-CN', w, { itemName: () => '某项', withFocus: false })).toBe(
      '2021年上半年考评等次为基本合格。党支部将帮助其查找原因、制定改进措施，要求于2021年9月30日前完成整改。',
    );
  });

  test('a 不合格 half is serious', () => {
    const res = run([row({ year: 2022, half: 2, group: 'A', total: 50 })]);
    expect(res.warnings[0]).toMatchObject({ code: 'RECTIFY', severity: 'serious', band: 'unqualified' });
  });

  // rectifyMonths (default 3): the last day of the month N months after the period's end.
  test.each([
    [2021, 1, 3, '2021-09-30'],
    [2023, 2, 3, '2024-03-31'],
    [2023, 2, 2, '2024-02-29'], // leap year
    [2022, 2, 2, '2023-02-28'],
    [2024, 1, 1, '2024-07-31'],
    [2024, 1, 12, '2025-06-30'],
    [2024, 2, 12, '2025-12-31'],
  ])('deadline for %p H%p with %p months is %s', (y, h, months, expected) => {
    const res = run([row({ year: y, half: h as 1 | 2, group: 'A', total: 70 })], { rectifyMonths: months });
    expect(res.warnings[0].deadline).toBe(expected);
  });

  // A workbook that still sets 整改期限天数 keeps end + N days, whatever the months say.
  test.each([
    [2023, 2, 90, '2024-03-30'], // across 29 February 2024
    [2022, 2, 90, '2023-03-31'],
    [2024, 1, 90, '2024-09-28'],
    [2024, 2, 366, '2026-01-01'],
    [2024, 1, 1, '2024-07-01'],
  ])('deadline for %p H%p with rectifyDays %p is %s', (y, h, days, expected) => {
    const res = run([row({ year: y, half: h as 1 | 2, group: 'A', total: 70 })], { rectifyDays: days, rectifyMonths: 5 });
    expect(res.warnings[0].deadline).toBe(expected);
  });

  test('the next graded assessment decides: 合格 resolves, naming that period and band', () => {
    const res = run([
      row({ year: 2023, half: 1, group: 'A', total: 70 }),
      row({ year: 2023, half: 2, group: 'A', total: 85 }),
    ]);
    const w = res.warnings.find((x) => x.code === 'RECTIFY')!;
    expect(w).toMatchObject({ status: 'resolved', resolvedBy: { year: 2023, half: 2 }, decidedBand: 'qualified' });
    expect(statusText('zh-CN', w.status!, w)).toBe('已整改（2023年下半年考评等次为合格）');
    expect(warningMessage('zh-CN', w, { itemName: () => '某项', withFocus: false })).toContain('经整改，2023年下半年考评等次为合格，整改取得成效。');
  });

  test('a later 基本合格 makes it 整改未见效, carried into that half’s own rectification', () => {
    const res = run([
      row({ year: 2023, half: 1, group: 'A', total: 70 }),
      row({ year: 2023, half: 2, group: 'A', total: 79.99 }),
    ]);
    const rect = res.warnings.filter((w) => w.code === 'RECTIFY');
    expect(rect.map((w) => w.status)).toEqual(['not_effective', 'open']);
    expect(rect[0].checkedBy).toEqual({ year: 2023, half: 2 });
    expect(rect[0].resolvedBy).toBeNull();
    expect(warningMessage('zh-CN', rect[0], { itemName: () => '某项' })).toContain('2023年下半年考评等次仍为基本合格，整改未见效，已转入该期整改。');
  });

  // The issue's case: 2023 H1 基本合格, 2023 H2 72, then 不合格 twice, then 合格 in 2025 H1. Only the last one
  // is resolved by 2025 H1; the earlier three stay 整改未见效 for good.
  test('a later 合格 never rewrites 整改未见效 into 已整改', () => {
    const res = run(
      [
        row({ year: 2023, half: 1, group: 'A', total: 75 }),
        row({ year: 2023, half: 2, group: 'A', total: 72 }),
        row({ year: 2024, half: 1, group: 'A', total: 55 }),
        row({ year: 2024, half: 2, group: 'A', total: 50 }),
        row({ year: 2025, half: 1, group: 'A', total: 86 }),
      ],
      {},
      '2025-08-01',
    );
    const rect = res.warnings.filter((w) => w.code === 'RECTIFY');
    expect(rect.map((w) => [w.year, w.half, w.status])).toEqual([
      [2023, 1, 'not_effective'],
      [2023, 2, 'not_effective'],
      [2024, 1, 'not_effective'],
      [2024, 2, 'resolved'],
    ]);
    // Unfinished: none of them.
    expect(rect.filter((w) => w.status === 'open' || w.status === 'overdue')).toHaveLength(0);
  });

  test.each([
    ['2021-09-29', 'open'],
    ['2021-09-30', 'open'], // the deadline day itself: not yet passed
    ['2021-10-01', 'overdue'],
    ['2022-05-01', 'overdue'],
  ])('no later assessment: as of %s the status is %s (deadline 2021-09-30)', (asOf, status) => {
    const res = run([row({ year: 2021, half: 1, group: 'A', total: 73 })], {}, asOf);
    expect(res.asOf).toBe(asOf);
    expect(res.warnings[0]).toMatchObject({ code: 'RECTIFY', deadline: '2021-09-30', status, resolvedBy: null });
  });

  // The issue's case: 完成情况“已完成，经支委会核查”, 销号日期 2025-03-20, deadline 2025-03-31, as of 2025-04-15.
  test('a 销号日期 in the ledger closes it until the next assessment decides (按期 / 逾期销号)', () => {
    const rows = [row({ year: 2024, half: 2, group: 'A', total: 70 })];
    const closedOn = (d: string) => new Map([[rectifyKey('A', { year: 2024, half: 2 }), d]]);
    const closed = assess({ rubric: DEFAULT_RUBRIC, rules: rules(), rows, issues: [], asOf: '2025-04-15', closedOn: closedOn('2025-03-20') });
    const w = closed.warnings[0];
    expect(w).toMatchObject({ deadline: '2025-03-31', status: 'closed', closedOn: '2025-03-20' });
    expect(statusText('zh-CN', w.status!, w)).toBe('已销号，待下次考评检验（按期销号）');
    expect(warningMessage('zh-CN', w, { itemName: () => '某项', withFocus: false })).toContain('台账已于2025年3月20日销号（按期销号），待下次考评检验。');
    const late = assess({ rubric: DEFAULT_RUBRIC, rules: rules(), rows, issues: [], asOf: '2025-04-15', closedOn: closedOn('2025-04-02') }).warnings[0];
    expect(statusText('zh-CN', late.status!, late)).toBe('已销号，待下次考评检验（逾期销号）');
    expect(statusText('en-US', late.status!, late)).toBe('Closed, to be checked at the next assessment (Closed late)');
    // A 销号日期 after the run's date does not count yet.
    expect(assess({ rubric: DEFAULT_RUBRIC, rules: rules(), rows, issues: [], asOf: '2025-04-15', closedOn: closedOn('2025-05-01') }).warnings[0].status).toBe('overdue');
    // The next graded assessment decides for good, 销号 or not.
    const next = [...rows, row({ year: 2025, half: 1, group: 'A', total: 70 })];
    const decided = assess({ rubric: DEFAULT_RUBRIC, rules: rules(), rows: next, issues: [], asOf: '2025-08-01', closedOn: closedOn('2025-03-20') });
    expect(decided.warnings.find((x) => x.year === 2024)).toMatchObject({ status: 'not_effective', closedOn: '2025-03-20' });
  });

  test('focus items are only items that lost points, largest share first', () => {
    const scores = scoresFor(100);
    scores[6] = 300; // item 7 (max 6) lost 50%
    const res = run([row({ year: 2024, half: 1, group: 'A', scores: scores.map((s, i) => (i === 0 ? 0 : s)) })], {
      basicMin: 9500,
      qualifiedMin: 9700,
      excellentMin: 9900,
    });
    // item 1 lost 100%, item 7 lost 50%; nothing else lost points.
    expect(res.warnings[0].focusItems).toEqual(['1', '7']);
  });
});

describe('LEADER_REVIEW and LEADER_REPLACE', () => {
  test('two consecutive 不合格 halves raise LEADER_REVIEW (党小组长履职预警) at the second', () => {
    const res = run([
      row({ year: 2022, half: 2, group: 'A', total: 55 }),
      row({ year: 2023, half: 1, group: 'A', total: 50 }),
    ]);
    const lr = res.warnings.filter((w) => w.code === 'LEADER_REVIEW');
    expect(lr).toHaveLength(1);
    expect(lr[0]).toMatchObject({ severity: 'serious', year: 2023, half: 1, group: 'A', run: [{ year: 2022, half: 2 }, { year: 2023, half: 1 }] });
    expect(warningName('zh-CN', lr[0])).toBe('党小组长履职预警');
  });

  test('a missing period breaks the chain', () => {
    const res = run([
      row({ year: 2022, half: 1, group: 'A', total: 55 }),
      row({ year: 2023, half: 1, group: 'A', total: 50 }),
    ]);
    expect(res.warnings.some((w) => w.code === 'LEADER_REVIEW')).toBe(false);
  });

  // 连续两次考核在“基本合格”以下: 以下 includes 基本合格 (as for 限期整改), unless the rule narrows it.
  test.each([
    // first, second, rule, raised
    [79.99, 79.99, 'basic', true],
    [60, 60, 'basic', true],
    [65, 50, 'basic', true],
    [50, 79.99, 'basic', true],
    [80, 60, 'basic', false], // 合格 breaks the chain
    [60, 80, 'basic', false],
    [65, 50, 'unqualified', false],
    [59.99, 59.99, 'unqualified', true],
    [50, 60, 'unqualified', false],
  ] as const)('%p then %p with 党小组长预警 = %s: LEADER_REVIEW %p', (a, b, band, raised) => {
    const res = run(
      [row({ year: 2023, half: 1, group: 'A', total: a }), row({ year: 2023, half: 2, group: 'A', total: b })],
      { leaderReviewBand: band },
    );
    const lr = res.warnings.filter((w) => w.code === 'LEADER_REVIEW');
    expect(lr).toHaveLength(raised ? 1 : 0);
    if (raised) expect(lr[0]).toMatchObject({ severity: 'serious', year: 2023, half: 2, reviewBand: band });
  });

  test('once per run: three in a row raise one warning at the second, its text listing all three halves', () => {
    const res = run([
      row({ year: 2023, half: 1, group: 'A', total: 70, leader: '王建国' }),
      row({ year: 2023, half: 2, group: 'A', total: 70, leader: '王建国' }),
      row({ year: 2024, half: 1, group: 'A', total: 70, leader: '王建国' }),
    ]);
    const lr = res.warnings.filter((w) => w.code === 'LEADER_REVIEW');
    expect(lr.map((w) => [w.year, w.half])).toEqual([[2023, 2]]);
    expect(warningMessage('zh-CN', lr[0], { itemName: () => '' })).toBe(
      '王建国任党小组长期间连续3次考评等次为基本合格及以下（2023年上半年、2023年下半年、2024年上半年）。请支委会了解党小组长主观努力情况；主观上不愿努力改进的，应及时更换党小组长。',
    );
  });

  test('the message follows the glossary and the rule in force', () => {
    const rows = [row({ year: 2023, half: 2, group: 'A', total: 50, leader: '李四' }), row({ year: 2024, half: 1, group: 'A', total: 55, leader: '李四' })];
    const itemName = () => '';
    const strict = run(rows, { leaderReviewBand: 'unqualified' }).warnings.find((w) => w.code === 'LEADER_REVIEW')!;
    expect(warningMessage('zh-CN', strict, { itemName })).toBe(
      '李四任党小组长期间连续2次考评等次为不合格（2023年下半年、2024年上半年）。请支委会了解党小组长主观努力情况；主观上不愿努力改进的，应及时更换党小组长。',
    );
    expect(warningMessage('en-US', strict, { itemName })).toContain('Graded Unqualified in 2 consecutive assessments under 李四 as leader (2023 H2, 2024 H1)');
  });

  // The issue's case: a new leader who took over in July is not warned for the old leader's H1.
  test('a change of leader breaks the chain: the new leader is not warned for the old one’s half', () => {
    const res = run([
      row({ year: 2023, half: 2, group: 'A', total: 70, leader: '甲' }),
      row({ year: 2024, half: 1, group: 'A', total: 70, leader: '甲' }),
      row({ year: 2024, half: 2, group: 'A', total: 70, leader: '乙' }),
    ]);
    const lr = res.warnings.filter((w) => w.code === 'LEADER_REVIEW');
    expect(lr.map((w) => [w.year, w.half, w.leader])).toEqual([[2024, 1, '甲']]);
    expect(lr[0].run).toEqual([
      { year: 2023, half: 2 },
      { year: 2024, half: 1 },
    ]);
  });

  test('without a leader column (no names) the group’s results chain as before', () => {
    const res = run([row({ year: 2023, half: 2, group: 'A', total: 70, leader: '' }), row({ year: 2024, half: 1, group: 'A', total: 70, leader: '' })]);
    const lr = res.warnings.find((w) => w.code === 'LEADER_REVIEW')!;
    expect(warningMessage('zh-CN', lr, { itemName: () => '' })).toMatch(/^同一党小组长任党小组长期间连续2次/);
  });

  test('two consecutive years at 基本合格 or below raise LEADER_REPLACE in the second year', () => {
    const res = run([...year('A', 2022, 70, 72), ...year('A', 2023, 55, 66), ...year('B', 2022, 70, 72), ...year('B', 2024, 60, 61)]);
    const lr = res.warnings.filter((w) => w.code === 'LEADER_REPLACE');
    expect(lr).toHaveLength(1);
    expect(lr[0]).toMatchObject({ severity: 'serious', year: 2023, half: null, group: 'A', runYears: [2022, 2023] });
    expect(warningMessage('zh-CN', lr[0], { itemName: () => '' })).toBe(
      'A组长任党小组长期间连续2年（2022年度、2023年度）年度考评等次为基本合格及以下。考虑更换党小组长人选。',
    );
  });

  test('LEADER_REPLACE once per run of years, and only under the same leader', () => {
    const three = run([...year('A', 2022, 70, 72), ...year('A', 2023, 55, 66), ...year('A', 2024, 60, 61)]);
    const lr = three.warnings.filter((w) => w.code === 'LEADER_REPLACE');
    expect(lr.map((w) => [w.year, w.runYears])).toEqual([[2023, [2022, 2023, 2024]]]);
    const changed = run([...year('A', 2022, 70, 72, { leader: '甲' }), ...year('A', 2023, 55, 66, { leader: '乙' })]);
    expect(changed.warnings.some((w) => w.code === 'LEADER_REPLACE')).toBe(false);
  });

  test('an annual 合格 between breaks LEADER_REPLACE', () => {
    const res = run([...year('A', 2022, 70, 72), ...year('A', 2023, 85, 80), ...year('A', 2024, 70, 60)]);
    expect(res.warnings.some((w) => w.code === 'LEADER_REPLACE')).toBe(false);
  });
});

describe('annual results and ranking', () => {
  test('average is exact and unrounded', () => {
    const res = run(year('A', 2024, 95, 96.25));
    expect(res.annual[0].average).toBe(95625); // thousandths: 95.625
    expect(res.annual[0].band).toBe('excellent');
  });

  test('an average of 94.995 is 合格, not rounded up to 95', () => {
    const res = run(year('A', 2024, 94.99, 95));
    expect(res.annual[0].average).toBe(94995);
    expect(res.annual[0].band).toBe('qualified');
  });

  const rows = () => [...year('A', 2024, 90, 90), ...year('B', 2024, 92, 88), ...year('C', 2024, 85, 85), ...year('D', 2024, 80, 80)];

  test('competition ranking: ties share a rank and the next is skipped (1, 1, 3)', () => {
    const res = run(rows());
    expect(res.annual.map((a) => [a.group, a.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
      ['D', 4],
    ]);
  });

  test('dense ranking (中国式排名): 1, 1, 2', () => {
    const res = run(rows(), { rankMode: 'dense' });
    expect(res.annual.map((a) => a.rank)).toEqual([1, 1, 2, 3]);
  });

  test('tie for top: both get the title marked tied and a TIE_FOR_TOP warning each', () => {
    const res = run(rows());
    const top = res.annual.filter((a) => a.titles.includes('advanced'));
    expect(top.map((a) => a.group)).toEqual(['A', 'B']);
    expect(top.every((a) => a.tie)).toBe(true);
    const ties = res.warnings.filter((w) => w.code === 'TIE_FOR_TOP');
    // A tie is not a fault: 提示 (info).
    expect(ties.map((w) => [w.group, w.severity])).toEqual([
      ['A', 'info'],
      ['B', 'info'],
    ]);
  });

  test('one eligible top group: title without tie, leader candidates for 优秀 averages', () => {
    const res = run([...year('A', 2024, 97, 96), ...year('B', 2024, 95, 95), ...year('C', 2024, 90, 99)]);
    const byGroup = Object.fromEntries(res.annual.map((a) => [a.group, a]));
    expect(byGroup.A.titles).toEqual(['advanced', 'leader_candidate']);
    expect(byGroup.A.tie).toBe(false);
    expect(byGroup.B.titles).toEqual(['leader_candidate']);
    expect(byGroup.C.titles).toEqual([]); // 94.5 is 合格
    expect(res.warnings.some((w) => w.code === 'TIE_FOR_TOP')).toBe(false);
  });

  test('a vetoed half: band 不合格 whatever the total, total still shown, not ranked, no title', () => {
    const res = run([
      row({ year: 2024, half: 1, group: 'A', total: 99, veto: '发生责任性安全事故' }),
      row({ year: 2024, half: 2, group: 'A', total: 99 }),
      ...year('B', 2024, 90, 90),
      ...year('C', 2024, 70, 70),
      row({ year: 2024, half: 1, group: 'D', total: 99 }),
    ]);
    expect(res.assessments[0]).toMatchObject({ total: 9900, band: 'unqualified', status: 'graded' });
    const a = res.annual.find((x) => x.group === 'A')!;
    // 一票否决，不参加排名和评先: listed after the ranked groups (and before incomplete years), without a rank.
    expect(a).toMatchObject({ average: 99000, band: 'unqualified', rank: null, vetoed: true, titles: [] });
    expect(res.annual.map((x) => [x.group, x.rank])).toEqual([
      ['B', 1],
      ['C', 2],
      ['A', null],
      ['D', null],
    ]);
    expect(res.annual.find((x) => x.group === 'B')!.titles).toEqual(['advanced']);
    const rect = res.warnings.find((w) => w.group === 'A' && w.code === 'RECTIFY')!;
    expect(rect).toMatchObject({ severity: 'serious', veto: '发生责任性安全事故', focusItems: [] });
    // The message names the veto as the cause, not items that lost a point.
    const itemName = (c: string) => DEFAULT_RUBRIC.items.find((i) => i.code === c)!.name;
    const zh = warningMessage('zh-CN', rect, { itemName });
    expect(zh).toBe('2024年上半年一票否决（发生责任性安全事故），考评等次为不合格。党支部将帮助其查找原因、制定改进措施，要求于2024年9月30日前完成整改。经整改，2024年下半年考评等次为优秀，整改取得成效。');
    expect(warningMessage('en-US', rect, { itemName })).toContain('One-vote veto (发生责任性安全事故)');
  });

  test('a vetoed year never ranks above a 合格 one, with competition or dense ranking', () => {
    for (const rankMode of ['competition', 'dense'] as const) {
      const res = run([...year('A', 2024, 98, 98, { veto: '违纪' }), ...year('B', 2024, 85, 85), ...year('C', 2024, 80, 80)], { rankMode });
      expect(res.annual.map((x) => [x.group, x.rank])).toEqual([
        ['B', 1],
        ['C', 2],
        ['A', null],
      ]);
    }
  });

  test('a vetoed half with a low total keeps its focus items', () => {
    const res = run([row({ year: 2024, half: 1, group: 'A', total: 70, veto: '违纪' })]);
    const rect = res.warnings.find((w) => w.code === 'RECTIFY')!;
    expect(rect.focusItems).toHaveLength(3);
    expect(warningMessage('zh-CN', rect, { itemName: () => '某项' })).toMatch(/一票否决（违纪）.*主要失分项目：10\.某项、11\.某项、12\.某项/);
    // The warnings sheet has its own column for them: written once there.
    expect(warningMessage('zh-CN', rect, { itemName: () => '某项', withFocus: false })).not.toContain('主要失分项目');
  });

  test('a group marked ineligible (评先资格 否) holds no title and its leader is not a nominee; it is still ranked', () => {
    const res = run([...year('A', 2024, 98, 98, { eligible: false }), ...year('B', 2024, 90, 90), ...year('C', 2024, 96, 95)]);
    expect(res.annual.find((x) => x.group === 'A')).toMatchObject({ rank: 1, titles: [] });
    expect(res.annual.find((x) => x.group === 'C')!.titles).toEqual(['advanced', 'leader_candidate']);
    expect(res.annual.find((x) => x.group === 'B')!.titles).toEqual([]);
  });

  test('ineligible in one half only is enough to leave the leader off the list', () => {
    const res = run([
      row({ year: 2024, half: 1, group: 'A', total: 97, eligible: false }),
      row({ year: 2024, half: 2, group: 'A', total: 97 }),
    ]);
    expect(res.annual[0]).toMatchObject({ band: 'excellent', markedIneligible: true, titles: [] });
  });

  test('both halves must be 合格 or better (configurable to 优秀)', () => {
    const base = [...year('A', 2024, 79, 100), ...year('B', 2024, 88, 88)];
    expect(run(base).annual.find((x) => x.titles.includes('advanced'))!.group).toBe('B');
    const strict = run([...year('A', 2024, 96, 95), ...year('B', 2024, 99, 94)], { awardMinBand: 'excellent' });
    expect(strict.annual.find((x) => x.titles.includes('advanced'))!.group).toBe('A');
  });

  test('no eligible group, no title', () => {
    const res = run([...year('A', 2024, 70, 70), ...year('B', 2024, 75, 70)]);
    expect(res.annual.every((a) => a.titles.length === 0)).toBe(true);
  });

  test('an incomplete year is listed unranked after the ranked ones, with INCOMPLETE_YEAR', () => {
    const res = run([row({ year: 2024, half: 1, group: 'A', total: 99 }), ...year('B', 2024, 80, 80)]);
    expect(res.annual.map((a) => [a.group, a.rank, a.average])).toEqual([
      ['B', 1, 80000],
      ['A', null, null],
    ]);
    expect(res.annual[1].h1).toBe(9900);
    const inc = res.warnings.filter((w) => w.code === 'INCOMPLETE_YEAR');
    expect(inc).toHaveLength(1);
    expect(inc[0]).toMatchObject({ group: 'A', severity: 'info', year: 2024, half: null });
  });

  // 上半年无考评记录 (a group formed in July) is not 上半年未评定 (a record that could not be graded).
  test('INCOMPLETE_YEAR names each missing half as it is: no record, or not graded', () => {
    const res = run([
      row({ year: 2024, half: 2, group: 'New', total: 90 }),
      row({ year: 2024, half: 1, group: 'Bad', total: 90, bad: true }),
      row({ year: 2024, half: 2, group: 'Bad', total: 90 }),
    ]);
    const inc = (g: string) => res.warnings.find((w) => w.code === 'INCOMPLETE_YEAR' && w.group === g)!;
    expect(inc('New').halves).toEqual({ h1: 'none', h2: 'graded' });
    expect(inc('Bad').halves).toEqual({ h1: 'ungraded', h2: 'graded' });
    const itemName = () => '';
    expect(warningMessage('zh-CN', inc('New'), { itemName })).toBe('2024年度上、下半年考评未全部完成（上半年无考评记录），不计算年度结果，不参加排名和评先。');
    expect(warningMessage('zh-CN', inc('Bad'), { itemName })).toBe('2024年度上、下半年考评未全部完成（上半年未评定），不计算年度结果，不参加排名和评先。');
    expect(warningMessage('en-US', inc('New'), { itemName })).toContain('(no H1 record)');
  });

  // The issue's case: 99 分 but 评先资格“否” ranks 1 (SPEC §2.6 ranks every complete, non-vetoed entry); the two
  // eligible 95-分 groups share the recommendation, and nothing says they are first of all.
  test('a tie among the eligible under an ineligible higher group: 在符合评先条件的党小组中并列最高', () => {
    const res = run([...year('X', 2024, 99, 99, { eligible: false }), ...year('A', 2024, 95, 95), ...year('B', 2024, 95, 95), ...year('C', 2024, 90, 90)]);
    expect(res.annual.map((a) => [a.group, a.rank, a.titles, a.tie])).toEqual([
      ['X', 1, [], false],
      ['A', 2, ['advanced', 'leader_candidate'], true],
      ['B', 2, ['advanced', 'leader_candidate'], true],
      ['C', 4, [], false],
    ]);
    const ties = res.warnings.filter((w) => w.code === 'TIE_FOR_TOP');
    expect(ties.map((w) => [w.group, w.topOverall])).toEqual([
      ['A', false],
      ['B', false],
    ]);
    expect(warningName('zh-CN', ties[0])).toBe('在符合评先条件的党小组中年度平均分并列最高（提请支委会研究确定）');
    const text = warningMessage('zh-CN', ties[0], { itemName: () => '', tiedWith: ['B'], average: 95000 });
    expect(text).toBe('2024年度在符合评先条件的党小组中，与B年度平均分并列最高（95分），均标注“并列”，提请支委会研究确定。');
    expect(text).not.toContain('第一');
    // Without a higher ineligible group, the tie is for first.
    const plain = run([...year('A', 2024, 95, 95), ...year('B', 2024, 95, 95)]).warnings.filter((w) => w.code === 'TIE_FOR_TOP');
    expect(plain.map((w) => w.topOverall)).toEqual([true, true]);
    expect(warningName('zh-CN', plain[0])).toBe('年度平均分并列第一（提请支委会研究确定）');
  });

  // The issue's case: 优秀党小组长推荐人选 must not name a leader who led only one half.
  test('a leader change within the year: noted (甲→乙), no leader candidate; the group may still be recommended', () => {
    const res = run([
      row({ year: 2024, half: 1, group: 'A', total: 96, leader: '甲' }),
      row({ year: 2024, half: 2, group: 'A', total: 98, leader: '乙' }),
      ...year('B', 2024, 90, 90),
    ]);
    const a = res.annual.find((e) => e.group === 'A')!;
    expect(a.leaderChange).toEqual({ from: '甲', to: '乙' });
    expect(a.titles).toEqual(['advanced']);
    expect(res.annual.find((e) => e.group === 'B')!.leaderChange).toBeNull();
  });

  test('the title is a recommendation for the branch committee, never a decision', () => {
    expect(t('zh-CN', TITLE.advanced)).toBe('拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定');
    expect(t('en-US', TITLE.advanced)).toBe('Proposed as Advanced Party group of the year (model group nominee) for the branch committee to decide');
  });
});

describe('rows that are not graded', () => {
  test('two rows for one group and period are both duplicates and count for nothing', () => {
    const res = run([
      row({ year: 2024, half: 1, group: 'A', total: 90 }),
      row({ year: 2024, half: 1, group: 'A', total: 91 }),
      row({ year: 2024, half: 2, group: 'A', total: 90 }),
    ]);
    expect(res.assessments.map((a) => [a.status, a.band])).toEqual([
      ['duplicate', null],
      ['duplicate', null],
      ['graded', 'qualified'],
    ]);
    expect(res.issues.filter((i) => i.code === 'DUPLICATE_ROW')).toHaveLength(2);
    expect(res.annual[0]).toMatchObject({ average: null, rank: null });
  });

  test('a pending row is pending, has no band, and makes an annual entry', () => {
    const res = run([row({ year: 2024, half: 1, group: 'A', pending: true })]);
    expect(res.assessments[0]).toMatchObject({ status: 'pending', total: null, band: null });
    expect(res.annual).toHaveLength(1);
    expect(res.warnings.map((w) => w.code)).toEqual(['INCOMPLETE_YEAR']);
  });

  test('a bad row is not graded and raises nothing else', () => {
    const res = run([row({ year: 2024, half: 1, group: 'A', total: 50, bad: true })]);
    expect(res.assessments[0].status).toBe('not_graded');
    expect(res.warnings.some((w) => w.code === 'RECTIFY')).toBe(false);
  });

  test('a hand total that differs from the item sum is a data issue; grading uses the item sum', () => {
    const res = run([
      row({ year: 2024, half: 1, group: 'A', total: 94, handTotal: 9500 }),
      row({ year: 2024, half: 1, group: 'B', total: 94, handTotal: 9400 }),
    ]);
    expect(res.assessments[0]).toMatchObject({ total: 9400, band: 'qualified' });
    const mismatch = res.issues.filter((i) => i.code === 'TOTAL_MISMATCH');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0].params).toEqual({ total: 94, handTotal: 95 });
  });
});
