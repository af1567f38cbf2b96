import { assess } from '../../src/domain/assess';
import { DEFAULT_RUBRIC } from '../../src/domain/rubric';
import { warningMessage } from '../../src/i18n/domain';
import type { Rules, ScoreRow } from '../../src/domain/types';
import { row, rules, scoresFor } from './rows';

const run = (rows: ScoreRow[], r: Partial<Rules> = {}) =>
  assess({ rubric: DEFAULT_RUBRIC, rules: rules(r), rows, issues: [] });

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

  test('a later 基本合格 does not resolve it', () => {
    const res = run([
      row({ year: 2023, half: 1, group: 'A', total: 70 }),
      row({ year: 2023, half: 2, group: 'A', total: 79.99 }),
    ]);
    expect(res.warnings.filter((w) => w.code === 'RECTIFY').map((w) => w.status)).toEqual(['open', 'open']);
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

  test('基本合格 then 不合格 is not two 不合格', () => {
    const res = run([
      row({ year: 2023, half: 1, group: 'A', total: 65 }),
      row({ year: 2023, half: 2, group: 'A', total: 50 }),
    ]);
    expect(res.warnings.some((w) => w.code === 'LEADER_REVIEW')).toBe(false);
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
    expect(ties.map((w) => [w.group, w.severity])).toEqual([
      ['A', 'warning'],
      ['B', 'warning'],
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

  test('a vetoed half: band 不合格 whatever the total, total still shown, no title', () => {
    const res = run([
      row({ year: 2024, half: 1, group: 'A', total: 99, veto: '发生责任性安全事故' }),
      row({ year: 2024, half: 2, group: 'A', total: 99 }),
      ...year('B', 2024, 90, 90),
    ]);
    expect(res.assessments[0]).toMatchObject({ total: 9900, band: 'unqualified', status: 'graded' });
    const a = res.annual.find((x) => x.group === 'A')!;
    expect(a).toMatchObject({ average: 99000, band: 'unqualified', rank: 1, vetoed: true });
    expect(a.titles).toEqual([]);
    expect(res.annual.find((x) => x.group === 'B')!.titles).toEqual(['advanced']);
    const rect = res.warnings.find((w) => w.group === 'A' && w.code === 'RECTIFY')!;
    expect(rect).toMatchObject({ severity: 'serious', veto: '发生责任性安全事故', focusItems: [] });
    // The message names the veto as the cause, not items that lost a point.
    const itemName = (c: string) => DEFAULT_RUBRIC.items.find((i) => i.code === c)!.name;
    const zh = warningMessage('zh-CN', rect, { itemName });
    expect(zh).toContain('一票否决（发生责任性安全事故）');
    expect(zh).not.toContain('重点条款');
    expect(warningMessage('en-US', rect, { itemName })).toContain('vetoed (发生责任性安全事故)');
  });

  test('a vetoed half with a low total keeps its focus items', () => {
    const res = run([row({ year: 2024, half: 1, group: 'A', total: 70, veto: '违纪' })]);
    const rect = res.warnings.find((w) => w.code === 'RECTIFY')!;
    expect(rect.focusItems).toHaveLength(3);
    expect(warningMessage('zh-CN', rect, { itemName: () => '某项' })).toMatch(/一票否决（违纪）.*重点条款：10\.某项、11\.某项、12\.某项/);
  });

  test('a group marked ineligible (评先资格 否) cannot hold the title', () => {
    const res = run([...year('A', 2024, 98, 98, { eligible: false }), ...year('B', 2024, 90, 90)]);
    expect(res.annual.find((x) => x.group === 'A')!.titles).toEqual(['leader_candidate']);
    expect(res.annual.find((x) => x.group === 'B')!.titles).toEqual(['advanced']);
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
