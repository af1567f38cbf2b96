/**
 * The run digest kept on the meta sheet, and 与上次相比: what changed between the run recorded in the
 * workbook and this one — warnings raised and closed, rectification statuses, grades, records, rules.
 */
import { assessWorkbook } from '../src/app/assessWorkbook';
import { assess } from '../src/domain/assess';
import { DEFAULT_RUBRIC } from '../src/domain/rubric';
import type { AssessmentResult, Rules, ScoreRow } from '../src/domain/types';
import { MemoryHost } from '../src/hosts/memory/host';
import sample from '../src/hosts/memory/sample.json';
import { describeComparison } from '../src/ui/view/compare';
import { DIGEST_MAX_CHARS, compareRuns, decodeDigest, encodeDigest } from '../src/workbook/digest';
import type { RunComparison } from '../src/workbook/digest';
import { metaSheetPatch, readMeta, META_SHEET } from '../src/workbook/meta';
import { parseWorkbook } from '../src/workbook/parse';
import type { WorkbookSnapshot } from '../src/workbook/snapshot';
import { row, rules } from './domain/rows';

const run = (rows: ScoreRow[], r: Partial<Rules> = {}, asOf = '2026-05-01'): AssessmentResult =>
  assess({ rubric: DEFAULT_RUBRIC, rules: rules(r), rows, issues: [], asOf });
const digest = (r: AssessmentResult) => decodeDigest(encodeDigest(r))!;

const base = () => [
  row({ year: 2025, half: 1, group: '甲党小组', total: 92 }),
  row({ year: 2025, half: 1, group: '乙党小组', total: 85 }),
  row({ year: 2025, half: 2, group: '甲党小组', total: 96 }),
  row({ year: 2025, half: 2, group: '乙党小组', total: 75 }),
];

/** True when nothing a secretary would notice changed. */
function unchanged(c: RunComparison): boolean {
  return (
    !c.first &&
    c.rulesChanged.length === 0 &&
    c.newWarnings.length === 0 &&
    c.closedWarnings.length === 0 &&
    c.statusChanges.length === 0 &&
    c.gradeChanges.length === 0 &&
    c.newRecords.length === 0 &&
    c.removedRecords === 0
  );
}

test('the first run has nothing to compare with; the same run again changes nothing', () => {
  const r = run(base());
  expect(compareRuns(null, digest(r)).first).toBe(true);
  const c = compareRuns(digest(r), digest(r));
  expect(c.first).toBe(false);
  expect(unchanged(c)).toBe(true);
});

test('a grade that rises closes its rectification; the change is named with its half-year', () => {
  const before = run(base());
  const rows = base();
  rows[3] = row({ year: 2025, half: 2, group: '乙党小组', total: 82 });
  const c = compareRuns(digest(before), digest(run(rows)));
  expect(c.gradeChanges).toEqual([{ group: '乙党小组', year: 2025, half: 2, from: 'basic', to: 'qualified' }]);
  expect(c.closedWarnings).toEqual([{ code: 'RECTIFY', group: '乙党小组', year: 2025, half: 2, status: 'overdue', now: null }]);
  expect(c.newWarnings).toEqual([]);
  expect(c.rulesChanged).toEqual([]);
  const zh = describeComparison(c, 'zh-CN');
  expect(zh.lines).toEqual(['解除预警1条：乙党小组限期整改（2025年下半年），评分或规则调整后不再成立', '等次变化1处：乙党小组（2025年下半年）基本合格→合格']);
  expect(zh.rules).toBeNull();
  const en = describeComparison(c, 'en-US');
  expect(en.lines).toEqual([
    '1 warnings closed: 乙党小组: Rectification (2025 H2), no longer applies after the scores or rules changed',
    '1 grades changed: 乙党小组 (2025 H2) Basically qualified → Qualified',
  ]);
});

test('a new half-year: its records counted, a new warning named, a rectification resolved by it', () => {
  const before = run(base());
  const rows = [...base(), row({ year: 2026, half: 1, group: '甲党小组', total: 70 }), row({ year: 2026, half: 1, group: '乙党小组', total: 88 })];
  const c = compareRuns(digest(before), digest(run(rows, {}, '2026-05-01')));
  expect(c.newRecords).toEqual([{ year: 2026, half: 1, count: 2 }]);
  expect(c.newWarnings.map((w) => [w.code, w.group, w.year, w.half, w.status])).toEqual([['RECTIFY', '甲党小组', 2026, 1, 'open']]);
  expect(c.closedWarnings.map((w) => [w.code, w.group, w.now])).toEqual([['RECTIFY', '乙党小组', 'resolved']]);
  expect(describeComparison(c, 'zh-CN').lines).toEqual([
    '新增预警1条：甲党小组限期整改（2026年上半年）',
    '解除预警1条：乙党小组限期整改（2025年下半年），已整改',
    '新增考评记录：2026年上半年2条',
  ]);
});

test('time passing turns 待整改 into 逾期未整改: a status change', () => {
  const before = run(base(), {}, '2026-03-01');
  const after = run(base(), {}, '2026-05-01');
  const c = compareRuns(digest(before), digest(after));
  expect(c.statusChanges.map((w) => [w.group, w.from, w.status])).toEqual([['乙党小组', 'open', 'overdue']]);
  expect(describeComparison(c, 'zh-CN').lines).toEqual(['整改状态变化1条：乙党小组（2025年下半年）待整改→逾期未整改']);
});

test('after a rules change: the results it changed, then 这些结果因规则改变而变化 with the rule', () => {
  const before = run(base());
  const after = run(base(), { basicMin: 7600 });
  const c = compareRuns(digest(before), digest(after));
  expect(c.rulesChanged).toEqual([{ key: 'basicMin', from: 6000, to: 7600 }]);
  expect(c.gradeChanges).toEqual([{ group: '乙党小组', year: 2025, half: 2, from: 'basic', to: 'unqualified' }]);
  expect(describeComparison(c, 'zh-CN').rules).toBe('这些结果因规则改变而变化：基本合格分数线60→76');
  expect(describeComparison(c, 'en-US').rules).toBe('These results changed because the rules changed: Basically qualified threshold 60 → 76');
  // A rule that changes nothing is said to have changed nothing; words-only rules are not compared.
  const same = compareRuns(digest(before), digest(run(base(), { rankMode: 'dense', unitName: '某党支部', language: 'en-US' })));
  expect(same.rulesChanged).toEqual([{ key: 'rankMode', from: 'competition', to: 'dense' }]);
  expect(describeComparison(same, 'zh-CN')).toEqual({ first: false, lines: [], rules: '规则已改变（排名方式并列占位排名→并列不占位排名），结果没有变化。' });
});

test('long lists stop after four items', () => {
  const rows = Array.from({ length: 6 }, (_, i) => row({ year: 2025, half: 1, group: `党小组${i + 1}`, total: 90 }));
  const lower = rows.map((r, i) => row({ year: 2025, half: 1, group: `党小组${i + 1}`, total: 70 }));
  const c = compareRuns(digest(run(rows)), digest(run(lower)));
  expect(c.gradeChanges).toHaveLength(6);
  expect(describeComparison(c, 'zh-CN').lines[1]).toMatch(/^等次变化6处：(.+；){3}[^；]+等2项$/);
});

test('a workbook too large to record keeps the rules only, and says it was not compared item by item', () => {
  const huge = base().map((r, i) => ({ ...r, group: `${'很长的党小组名称'.repeat(4000)}${i}`, groupKey: `g${i}` }));
  const text = encodeDigest(run(huge));
  expect(text.length).toBeLessThan(DIGEST_MAX_CHARS);
  const d = decodeDigest(text)!;
  expect(d.partial).toBe(true);
  const c = compareRuns(d, digest(run(base())));
  expect(c.partial).toBe(true);
  expect(describeComparison(c, 'zh-CN').lines).toEqual(['上次考评的记录过多，未逐条比较。']);
});

test('unreadable or absent digests are "no earlier run"', () => {
  expect(decodeDigest(undefined)).toBeNull();
  expect(decodeDigest('not json')).toBeNull();
  expect(decodeDigest('{"v":2}')).toBeNull();
});

test('the meta sheet keeps the digest across rows of at most 32,000 characters and reads it back whole', () => {
  const digestText = 'x'.repeat(70_000);
  const patch = metaSheetPatch({ sheets: [], runAt: '2026-01-01T00:00:00+08:00', fingerprint: 'f', language: 'zh-CN', paneLanguage: null, digest: digestText });
  const rows = patch.values.filter((r) => r[0] === 'digest');
  expect(rows.map((r) => String(r[1]).length)).toEqual([32000, 32000, 6000]);
  const meta = readMeta({ sheets: [{ name: META_SHEET, values: patch.values, merges: [], visibility: 'veryHidden' }] });
  expect(meta?.digest).toBe(digestText);
});

test('a run records its digest in the workbook; the next run compares with it (and re-runs stay identical)', async () => {
  const host = new MemoryHost(sample as unknown as WorkbookSnapshot);
  const first = await assessWorkbook(host, { now: () => new Date(0), asOf: '2026-05-01' });
  expect(first.parsed.meta).toBeNull();
  const recorded = readMeta(host.snapshot())!.digest!;
  expect(decodeDigest(recorded)).not.toBeNull();
  const second = await assessWorkbook(host, { now: () => new Date(0), asOf: '2026-05-01' });
  expect(second.parsed.meta?.digest).toBe(recorded);
  expect(unchanged(compareRuns(decodeDigest(second.parsed.meta?.digest), digest(second.result)))).toBe(true);
  expect(parseWorkbook(host.snapshot()).meta?.digest).toBe(recorded);
});

test('the digest survives Excel: a run through the Office host reads back the previous run’s digest', async () => {
  const { FakeWorkbook } = await import('./support/fake-excel');
  const { OfficeHost } = await import('../src/hosts/office/host');
  const wb = FakeWorkbook.fromSnapshot(JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot);
  const first = await assessWorkbook(new OfficeHost(wb.env()), { now: () => new Date(0), asOf: '2026-05-01' });
  const second = await assessWorkbook(new OfficeHost(wb.env()), { now: () => new Date(0), asOf: '2026-05-01' });
  expect(second.parsed.meta?.digest).toBe(encodeDigest(first.result));
  expect(unchanged(compareRuns(decodeDigest(second.parsed.meta?.digest), digest(second.result)))).toBe(true);
});
