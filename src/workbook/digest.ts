/**
 * A run's digest: what a later run needs to say what changed (与上次相比) — the rules that decide results,
 * the grade of every (Party group, half-year) and every warning with its status. Recorded on the meta
 * sheet with the run (both hosts, the ribbon and the file tool alike), so the comparison is always against
 * the run that wrote the result sheets, whoever made it. Pure; deterministic (re-runs stay identical).
 */
import type { AssessmentResult, BandCode, RectifyStatus, RowStatus, WarningCode } from '../domain/types';
import { fromIndex, periodIndex } from '../domain/periods';
import { RESULT_RULE_KEYS } from '../domain/rules';
import type { ResultRuleKey } from '../domain/rules';
import { WARNING_CODES, WARNING_KIND, isUnfinished } from '../domain/warnings';
import { groupKey } from './cells';

/** The rules recorded: those that change results (src/domain/rules.ts: affectsResults). */
export type DigestRuleKey = ResultRuleKey;


/** What a (Party group, half-year) came to: a band, or why it has none. */
export type Grade = BandCode | Exclude<RowStatus, 'graded'>;

const GRADE_CHAR: Record<Grade, string> = {
  excellent: 'E',
  qualified: 'Q',
  basic: 'B',
  unqualified: 'U',
  pending: 'P',
  not_graded: 'N',
  duplicate: 'D',
};
/** A record's inverse (no Object.fromEntries: the oldest webview Office uses lacks it). */
function invert<K extends string>(r: Record<K, string>): Record<string, K> {
  const out: Record<string, K> = {};
  for (const k of Object.keys(r) as K[]) out[r[k]] = k;
  return out;
}
const CHAR_GRADE = invert(GRADE_CHAR);

const STATUS_CHAR: Record<RectifyStatus, string> = { open: 'o', overdue: 'v', closed: 'c', not_effective: 'n', resolved: 'r' };
const CHAR_STATUS = invert(STATUS_CHAR);


/** The digest as stored (compact JSON). Version 1. */
interface StoredDigest {
  v: 1;
  rules: Record<DigestRuleKey, string | number | null>;
  /** Period keys (periodIndex: year * 2 + half - 1), ascending. */
  p: number[];
  /** Party group names as written, in first-appearance order. */
  g: string[];
  /** Per group, one character per period: E Q B U (band), P pending, N not graded, D duplicate, '.' no record. */
  b: string[];
  /** Warnings: code index, group index, year, half (0 for a yearly one), status character ('' when none). */
  w: [number, number, number, number, string][];
  /** Set when the workbook was too large to record grades and warnings: only the rules are compared. */
  partial?: true;
}

export interface DigestWarning {
  code: WarningCode;
  group: string;
  year: number;
  half: 1 | 2 | null;
  status: RectifyStatus | null;
}

export interface RunDigest {
  rules: Record<DigestRuleKey, string | number | null>;
  /** (group, year, half) → grade; absent: no record. Keys from gradeKey(). */
  grades: Map<string, { group: string; year: number; half: 1 | 2; grade: Grade }>;
  warnings: Map<string, DigestWarning>;
  /** Only the rules were recorded (a very large workbook). */
  partial: boolean;
}

/** Party group names are compared as the reader matches them (groupKey). */
const gradeKey = (group: string, year: number, half: number) => `${groupKey(group)}\u0000${year}\u0000${half}`;
const warningKey = (w: { code: string; group: string; year: number; half: number | null }) =>
  `${w.code}\u0000${groupKey(w.group)}\u0000${w.year}\u0000${w.half ?? 0}`;

/** Longest digest stored: three cells of the meta sheet (Excel holds 32,767 characters a cell). */
export const DIGEST_MAX_CHARS = 3 * 32000;

/** The digest of a run, as stored on the meta sheet. */
export function encodeDigest(result: AssessmentResult): string {
  const rules = {} as StoredDigest['rules'];
  for (const k of RESULT_RULE_KEYS) rules[k] = result.rules[k];
  const periodSet = new Set<number>();
  for (const a of result.assessments) if (a.row.period) periodSet.add(periodIndex(a.row.period));
  const p = [...periodSet].sort((x, y) => x - y);
  const pIndex = new Map(p.map((k, i) => [k, i]));
  const g: string[] = [];
  const gIndex = new Map<string, number>();
  const groupOf = (name: string) => {
    const k = groupKey(name);
    let i = gIndex.get(k);
    if (i === undefined) {
      i = g.length;
      g.push(name);
      gIndex.set(k, i);
    }
    return i;
  };
  const grid: string[][] = [];
  for (const a of result.assessments) {
    if (!a.row.period || !a.row.group) continue;
    const gi = groupOf(a.row.group);
    const row = (grid[gi] ??= new Array<string>(p.length).fill('.'));
    const grade: Grade = a.status === 'graded' && a.band ? a.band : a.status === 'graded' ? 'not_graded' : a.status;
    row[pIndex.get(periodIndex(a.row.period))!] = GRADE_CHAR[grade];
  }
  const w = result.warnings.map(
    (x) => [WARNING_CODES.indexOf(x.code), groupOf(x.group), x.year, x.half ?? 0, x.status ? STATUS_CHAR[x.status] : ''] as StoredDigest['w'][number],
  );
  const full: StoredDigest = { v: 1, rules, p, g, b: g.map((_, i) => (grid[i] ?? new Array<string>(p.length).fill('.')).join('')), w };
  const text = JSON.stringify(full);
  if (text.length <= DIGEST_MAX_CHARS) return text;
  return JSON.stringify({ v: 1, rules, p: [], g: [], b: [], w: [], partial: true } satisfies StoredDigest);
}

/** A stored digest read back; null when absent or unreadable (an earlier release, a damaged record). */
export function decodeDigest(text: string | null | undefined): RunDigest | null {
  if (!text) return null;
  let d: StoredDigest;
  try {
    d = JSON.parse(text) as StoredDigest;
  } catch {
    return null;
  }
  if (!d || d.v !== 1 || !d.rules || !Array.isArray(d.p) || !Array.isArray(d.g) || !Array.isArray(d.b) || !Array.isArray(d.w)) return null;
  const grades: RunDigest['grades'] = new Map();
  d.g.forEach((group, gi) => {
    const row = d.b[gi] ?? '';
    d.p.forEach((pk, pi) => {
      const grade = CHAR_GRADE[row[pi]];
      if (!grade) return;
      const { year, half } = fromIndex(pk);
      grades.set(gradeKey(group, year, half), { group, year, half, grade });
    });
  });
  const warnings: RunDigest['warnings'] = new Map();
  for (const [ci, gi, year, half, st] of d.w) {
    const code = WARNING_CODES[ci];
    if (!code || d.g[gi] === undefined) continue;
    const w: DigestWarning = { code, group: d.g[gi], year, half: half === 1 || half === 2 ? half : null, status: st ? (CHAR_STATUS[st] ?? null) : null };
    warnings.set(warningKey(w), w);
  }
  return { rules: d.rules, grades, warnings, partial: !!d.partial };
}

export interface GradeChange {
  group: string;
  year: number;
  half: 1 | 2;
  /** null: the record was not there. */
  from: Grade | null;
  to: Grade | null;
}

export interface RunComparison {
  /** No earlier run recorded a digest (the first run, or a workbook assessed by an earlier release). */
  first: boolean;
  /** The earlier digest held only the rules (a very large workbook). */
  partial: boolean;
  rulesChanged: { key: DigestRuleKey; from: string | number | null; to: string | number | null }[];
  /** Warnings now raised and still to act on that were not (or were already resolved) last time (年度考评不全 is not news). */
  newWarnings: DigestWarning[];
  /** Warnings to act on last time that are now resolved or no longer raised. */
  closedWarnings: (DigestWarning & { now: RectifyStatus | null })[];
  /** RECTIFY status changes between the unresolved states (待整改 → 逾期未整改 …). */
  statusChanges: (DigestWarning & { from: RectifyStatus })[];
  /** Grades that differ for a (Party group, half-year) both runs knew, latest half-year first. */
  gradeChanges: GradeChange[];
  /** Half-years with records last time did not have: how many records each. */
  newRecords: { year: number; half: 1 | 2; count: number }[];
  /** Records of last time no longer in the score sheets. */
  removedRecords: number;
}

/** Still to act on: a warning without a status, or a rectification 待整改 / 逾期未整改. */
const unresolved = (w: DigestWarning) => w.status === null || isUnfinished(w.status);
/** Is it news in 与上次相比? (年度考评不全 says a year is still in progress: never; WARNING_KIND.news.) */
const news = (w: DigestWarning) => WARNING_KIND[w.code].news;

/** What changed between the earlier run's digest and this one's. */
export function compareRuns(before: RunDigest | null, now: RunDigest): RunComparison {
  const out: RunComparison = {
    first: before === null,
    partial: !!before?.partial || now.partial,
    rulesChanged: [],
    newWarnings: [],
    closedWarnings: [],
    statusChanges: [],
    gradeChanges: [],
    newRecords: [],
    removedRecords: 0,
  };
  if (!before) return out;
  for (const key of RESULT_RULE_KEYS) {
    // A rule an earlier release did not record (整改期限（月）) cannot be compared.
    if (before.rules[key] === undefined) continue;
    if (before.rules[key] !== now.rules[key]) out.rulesChanged.push({ key, from: before.rules[key], to: now.rules[key] });
  }
  if (out.partial) return out;
  for (const [k, w] of now.warnings) {
    if (!news(w)) continue;
    const was = before.warnings.get(k);
    if (!unresolved(w)) {
      if (was && unresolved(was)) out.closedWarnings.push({ ...was, now: w.status });
    } else if (!was || !unresolved(was)) out.newWarnings.push(w);
    else if (was.status !== w.status && was.status) out.statusChanges.push({ ...w, from: was.status });
  }
  for (const [k, was] of before.warnings) {
    if (news(was) && !now.warnings.has(k) && unresolved(was)) out.closedWarnings.push({ ...was, now: null });
  }
  const added = new Map<number, number>();
  for (const [k, g] of now.grades) {
    const was = before.grades.get(k);
    if (!was) {
      const pk = periodIndex(g);
      added.set(pk, (added.get(pk) ?? 0) + 1);
    } else if (was.grade !== g.grade) out.gradeChanges.push({ group: g.group, year: g.year, half: g.half, from: was.grade, to: g.grade });
  }
  for (const k of before.grades.keys()) if (!now.grades.has(k)) out.removedRecords++;
  // The latest half-year first: that is what a secretary reads the change for.
  out.gradeChanges.sort((a, b) => b.year * 2 + b.half - (a.year * 2 + a.half));
  out.newRecords = [...added.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([pk, count]) => ({ ...fromIndex(pk), count }));
  return out;
}
