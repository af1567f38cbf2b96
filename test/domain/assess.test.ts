import { assess } from '../../src/domain/assess';
import { DEFAULT_RUBRIC } from '../../src/domain/rubric';
import { warningMessage } from '../../src/i18n/domain';
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
  test('a 基本合格 half gets a warning with deadline end + 90 days and 3 focus items', () => {
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
      deadline: '2021-09-28',
      status: 'open',
      focusItems: ['12', '11', '5'],
      band: 'basic',
    });
  });

  test('a 不合格 half is serious', () => {
    const res = run([row({ year: 2022, half: 2, group: 'A', total: 50 })]);
    expect(res.warnings[0]).toMatchObject({ code: 'RECTIFY', severity: 'serious', band: 'unqualified' });
  });

  test.each([
    [2023, 2, 90, '2024-03-30'], // across 29 February 2024
    [2022, 2, 90, '2023-03-31'],
    [2024, 1, 90, '2024-09-28'],
    [2024, 2, 365, '2025-12-31'],
    [2024, 2, 366, '2026-01-01'],
    [2023, 2, 60, '2024-02-29'],
    [2024, 1, 1, '2024-07-01'],
  ])('deadline for %p H%p with %p days is %s', (y, h, days, expected) => {
    const res = run([row({ year: y, half: h as 1 | 2, group: 'A', total: 70 })], { rectifyDays: days });
    expect(res.warnings[0].deadline).toBe(expected);
  });

  test('stays open until the first later 合格 assessment, which resolves it', () => {
    const res = run([
      row({ year: 2023, half: 1, group: 'A', total: 70 }),
      row({ year: 2023, half: 2, group: 'A', total: 75 }),
      row({ year: 2024, half: 1, group: 'A', total: 85 }),
    ]);
    const rect = res.warnings.filter((w) => w.code === 'RECTIFY');
    expect(rect).toHaveLength(2);
    for (const w of rect) {
      expect(w.status).toBe('resolved');
      expect(w.resolvedBy).toEqual({ year: 2024, half: 1 });
    }
  });

  test('a later 基本合格 after the deadline: 整改未见效 (not_effective), naming that period', () => {
    const res = run([
      row({ year: 2023, half: 1, group: 'A', total: 70 }),
      row({ year: 2023, half: 2, group: 'A', total: 79.99 }),
    ]);
    const rect = res.warnings.filter((w) => w.code === 'RECTIFY');
    expect(rect.map((w) => w.status)).toEqual(['not_effective', 'open']);
    expect(rect[0].checkedBy).toEqual({ year: 2023, half: 2 });
    expect(rect[0].resolvedBy).toBeNull();
    expect(warningMessage('zh-CN', rect[0], { itemName: () => '某项' })).toContain('整改期限后的2023年下半年考评等次仍在基本合格以下，整改未见效。');
  });

  test.each([
    ['2021-09-27', 'open'],
    ['2021-09-28', 'open'], // the deadline day itself: not yet passed
    ['2021-09-29', 'overdue'],
    ['2022-05-01', 'overdue'],
  ])('no later assessment: as of %s the status is %s (deadline 2021-09-28)', (asOf, status) => {
    const res = run([row({ year: 2021, half: 1, group: 'A', total: 73 })], {}, asOf);
    expect(res.asOf).toBe(asOf);
    expect(res.warnings[0]).toMatchObject({ code: 'RECTIFY', deadline: '2021-09-28', status, resolvedBy: null });
  });

  test.each([
    // rectifyDays, the next half's total, status as of 2024-06-01
    [184, 70, 'not_effective'], // deadline 2023-12-31: H2 ends on it, so H2 is the first assessment after the deadline
    [185, 70, 'overdue'], // deadline 2024-01-01: H2 ended before it; no assessment since
    [185, 80, 'resolved'], // 合格 resolves whenever it comes
    [366, 70, 'open'], // deadline 2024-06-30 not passed yet
  ])('with %p days and a next half of %p, the 2023 H1 warning is %s', (days, next, status) => {
    const res = run(
      [row({ year: 2023, half: 1, group: 'A', total: 70 }), row({ year: 2023, half: 2, group: 'A', total: next })],
      { rectifyDays: days },
      '2024-06-01',
    );
    expect(res.warnings.find((w) => w.code === 'RECTIFY' && w.half === 1)!.status).toBe(status);
  });

  test('not effective only at the first assessment after the deadline; a later 合格 still resolves it', () => {
    const rows = [
      row({ year: 2023, half: 1, group: 'A', total: 70 }),
      row({ year: 2023, half: 2, group: 'A', total: 70 }),
      row({ year: 2024, half: 1, group: 'A', total: 70 }),
    ];
    const first = run(rows, { rectifyDays: 200 }, '2024-08-01').warnings.find((w) => w.code === 'RECTIFY' && w.year === 2023 && w.half === 1)!;
    expect(first).toMatchObject({ deadline: '2024-01-16', status: 'not_effective', checkedBy: { year: 2024, half: 1 } });
    const later = run([...rows, row({ year: 2024, half: 2, group: 'A', total: 88 })], { rectifyDays: 200 }, '2025-08-01');
    expect(later.warnings.filter((w) => w.code === 'RECTIFY').map((w) => w.status)).toEqual(['resolved', 'resolved', 'resolved']);
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
  test('two consecutive 不合格 halves raise LEADER_REVIEW at the second', () => {
    const res = run([
      row({ year: 2022, half: 2, group: 'A', total: 55 }),
      row({ year: 2023, half: 1, group: 'A', total: 50 }),
    ]);
    const lr = res.warnings.filter((w) => w.code === 'LEADER_REVIEW');
    expect(lr).toHaveLength(1);
    expect(lr[0]).toMatchObject({ severity: 'serious', year: 2023, half: 1, group: 'A' });
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

  test('three in a row raise it at the second and the third', () => {
    const res = run([
      row({ year: 2023, half: 1, group: 'A', total: 70 }),
      row({ year: 2023, half: 2, group: 'A', total: 70 }),
      row({ year: 2024, half: 1, group: 'A', total: 70 }),
    ]);
    expect(res.warnings.filter((w) => w.code === 'LEADER_REVIEW').map((w) => [w.year, w.half])).toEqual([
      [2023, 2],
      [2024, 1],
    ]);
  });

  test('the message follows the glossary and the rule in force', () => {
    const rows = [row({ year: 2023, half: 2, group: 'A', total: 50 }), row({ year: 2024, half: 1, group: 'A', total: 55 })];
    const itemName = () => '';
    const basic = run(rows).warnings.find((w) => w.code === 'LEADER_REVIEW')!;
    expect(warningMessage('zh-CN', basic, { itemName })).toBe(
      '连续两次考评等次在基本合格以下（2023年下半年、2024年上半年）。党小组长主观上不愿努力改进的，应及时更换。',
    );
    const strict = run(rows, { leaderReviewBand: 'unqualified' }).warnings.find((w) => w.code === 'LEADER_REVIEW')!;
    expect(warningMessage('zh-CN', strict, { itemName })).toBe(
      '连续两次考评等次为不合格（2023年下半年、2024年上半年）。党小组长主观上不愿努力改进的，应及时更换。',
    );
    expect(warningMessage('en-US', strict, { itemName })).toContain('Graded Unqualified in two consecutive assessments (2023 H2, 2024 H1)');
  });

  test('two consecutive years at 基本合格 or below raise LEADER_REPLACE in the second year', () => {
    const res = run([...year('A', 2022, 70, 72), ...year('A', 2023, 55, 66), ...year('B', 2022, 70, 72), ...year('B', 2024, 60, 61)]);
    const lr = res.warnings.filter((w) => w.code === 'LEADER_REPLACE');
    expect(lr).toHaveLength(1);
    expect(lr[0]).toMatchObject({ severity: 'serious', year: 2023, half: null, group: 'A' });
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
    expect(zh).toBe('2024年上半年一票否决（发生责任性安全事故），考评等次为不合格。党支部帮助查找原因、制定改进措施，限于2024年9月28日前完成整改。');
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
