/**
 * The rules of SPEC §2 as one pure function: typed rows in, assessments, annual results, warnings and
 * data issues out. Exact arithmetic in integer hundredths (annual averages in thousandths); no I/O,
 * no Office types, no language strings (codes only).
 */
import { atLeast, atOrBelow, bandOf, bandOfAverage } from './bands';
import { deadline, periodIndex } from './periods';
import { chronological } from './order';
import { aspects } from './rubric';
import type {
  AnnualEntry,
  Assessment,
  AssessmentResult,
  BandCode,
  DataIssue,
  HalfState,
  Period,
  RectifyStatus,
  Rubric,
  Rules,
  ScoreRow,
  Warning,
} from './types';
import { WARNING_CODES, severityOf } from './warnings';
import type { WarningCode } from './warnings';
import { cellAddress } from './cell-ref';

export interface AssessInput {
  rubric: Rubric;
  rules: Rules;
  rows: ScoreRow[];
  /** Data issues found while reading (cell-level); the engine adds its own after them. */
  issues: DataIssue[];
  /** The date RECTIFY statuses are judged on (YYYY-MM-DD): the run date, or the file tool's --as-of. */
  asOf: string;
  /**
   * The 销号日期 the rectification ledger holds (YYYY-MM-DD), by `rectifyKey(group, period)`: a RECTIFY with
   * no later graded assessment and a 销号日期 on or before `asOf` is 已销号 (closed).
   */
  closedOn?: ReadonlyMap<string, string>;
  /** The unit named by the 单位名称 rule or the score sheets' title row ('' for none). */
  unit?: string;
}

/** The key of a group's rectification for a period, as `AssessInput.closedOn` holds it (the group as matched). */
export function rectifyKey(groupKey: string, p: Period): string {
  return `${groupKey}\u0000${periodIndex(p)}`;
}

const MAX_FOCUS_ITEMS = 3;

/** Items that lost the largest share of their max (up to 3), largest first; ties keep rubric order. */
export function focusItems(scores: (number | null)[], rubric: Rubric): string[] {
  const lost = rubric.items
    .map((item, i) => ({ item, i, loss: item.max - (scores[i] ?? item.max) }))
    .filter((x) => x.loss > 0);
  // Compare loss/max exactly by cross-multiplying integers.
  lost.sort((a, b) => b.loss * a.item.max - a.loss * b.item.max || a.i - b.i);
  return lost.slice(0, MAX_FOCUS_ITEMS).map((x) => x.item.code);
}

function rowKey(row: ScoreRow): string | null {
  return row.period && row.groupKey ? `${row.groupKey}\u0000${periodIndex(row.period)}` : null;
}

/** Grade every row: status, exact total, band, aspect subtotals; plus TOTAL_MISMATCH and DUPLICATE_ROW issues. */
function gradeRows(rows: ScoreRow[], rubric: Rubric, rules: Rules, issues: DataIssue[]): Assessment[] {
  const groupsOfAspects = aspects(rubric);
  const byKey = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const k = rowKey(row);
    if (k === null) return;
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const duplicateOf = new Map<number, number[]>();
  for (const list of byKey.values()) {
    if (list.length > 1) for (const i of list) duplicateOf.set(i, list);
  }

  return rows.map((row, i): Assessment => {
    const computable = !row.pending && !row.bad && row.scores.every((s) => s !== null);
    const total = computable ? row.scores.reduce<number>((s, x) => s + (x as number), 0) : null;
    const aspectTotals = computable
      ? groupsOfAspects.map((a) => a.items.reduce((s, j) => s + (row.scores[j] as number), 0))
      : null;
    if (total !== null && row.handTotal !== null && row.handTotalCell && row.handTotal !== total) {
      issues.push({
        code: 'TOTAL_MISMATCH',
        cell: row.handTotalCell,
        value: String(row.handTotal / 100),
        params: { total: total / 100, handTotal: row.handTotal / 100 },
      });
    }
    const dups = duplicateOf.get(i);
    if (dups) {
      issues.push({
        code: 'DUPLICATE_ROW',
        cell: row.source,
        value: row.group,
        params: {
          group: row.group,
          others: dups
            .filter((j) => j !== i)
            .map((j) => cellAddress(rows[j].source))
            .join(', '),
        },
      });
      return { row, status: 'duplicate', total, band: null, aspectTotals };
    }
    if (row.pending) return { row, status: 'pending', total: null, band: null, aspectTotals: null };
    if (total === null || row.period === null || !row.groupKey) {
      return { row, status: 'not_graded', total, band: null, aspectTotals };
    }
    const band: BandCode = row.veto !== null ? 'unqualified' : bandOf(total, rules);
    return { row, status: 'graded', total, band, aspectTotals };
  });
}

interface GroupHistory {
  /** Graded assessments of one group, by period index. */
  byPeriod: Map<number, Assessment>;
}

/** Graded histories of the groups that need one: those with a half at 基本合格 or below. */
function histories(assessments: Assessment[]): Map<string, GroupHistory> {
  const low = new Set<string>();
  for (const a of assessments) {
    if (a.status === 'graded' && (a.band === 'basic' || a.band === 'unqualified')) low.add(a.row.groupKey);
  }
  const out = new Map<string, GroupHistory>();
  if (low.size === 0) return out;
  for (const a of assessments) {
    if (a.status !== 'graded' || !a.row.period || !low.has(a.row.groupKey)) continue;
    let h = out.get(a.row.groupKey);
    if (!h) {
      h = { byPeriod: new Map() };
      out.set(a.row.groupKey, h);
    }
    h.byPeriod.set(periodIndex(a.row.period), a);
  }
  return out;
}

function warningBase(a: Assessment): Pick<Warning, 'group' | 'leader' | 'liaison' | 'source'> {
  return { group: a.row.group, leader: a.row.leader, liaison: a.row.liaison, source: a.row.source };
}

/**
 * A RECTIFY's status as of `asOf` (SPEC §2.5), in this order: the group's next graded assessment decides for
 * good (合格 or better → resolved, else not effective; a later 合格 never rewrites that); without one, a
 * 销号日期 in the ledger on or before `asOf` → closed; otherwise overdue when the deadline is before `asOf`,
 * else open.
 */
function rectifyStatus(next: Assessment | null, closedOn: string | null, due: string, asOf: string): RectifyStatus {
  if (next) return next.band !== null && atLeast(next.band, 'qualified') ? 'resolved' : 'not_effective';
  if (closedOn !== null && closedOn <= asOf) return 'closed';
  return due < asOf ? 'overdue' : 'open';
}

/** What the raisers of warnings read. */
interface RaiseInput {
  assessments: Assessment[];
  /** Graded histories of the groups with a half at 基本合格 or below. */
  hist: Map<string, GroupHistory>;
  annual: AnnualEntry[];
  rubric: Rubric;
  rules: Rules;
  asOf: string;
  closedOn: ReadonlyMap<string, string>;
}

const low = (b: BandCode | null) => b === 'basic' || b === 'unqualified';

/** A group's graded assessments in period order (only groups with a low half have a history). */
function inOrder(h: GroupHistory): Assessment[] {
  return [...h.byPeriod.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

/** RECTIFY: every graded half at 基本合格 or below, with its deadline, status and focus items. */
function rectifications({ hist, rubric, rules, asOf, closedOn }: RaiseInput): Warning[] {
  const out: Warning[] = [];
  for (const h of hist.values()) {
    const list = inOrder(h);
    list.forEach((a, i) => {
      if (!low(a.band)) return;
      const p = a.row.period!;
      const band = a.band!;
      const due = deadline(p, rules);
      // The next graded assessment (the first after this period, whichever it is) decides for good.
      const next = list[i + 1] ?? null;
      const closed = closedOn.get(rectifyKey(a.row.groupKey, p)) ?? null;
      const status = rectifyStatus(next, closed, due, asOf);
      out.push({
        code: 'RECTIFY',
        severity: severityOf('RECTIFY', band),
        year: p.year,
        half: p.half,
        ...warningBase(a),
        deadline: due,
        status,
        resolvedBy: status === 'resolved' ? next!.row.period : null,
        checkedBy: status === 'not_effective' ? next!.row.period : null,
        decidedBand: next?.band ?? null,
        closedOn: closed,
        // A vetoed half with a good total has nothing to improve item by item: the veto is the cause.
        focusItems:
          a.row.veto !== null && atLeast(bandOf(a.total!, rules), 'qualified') ? [] : focusItems(a.row.scores, rubric),
        band,
        veto: a.row.veto,
      });
    });
  }
  return out;
}

/**
 * The same leader on two records: both named and equal, or either unnamed (a score sheet without a leader
 * column, or a blank cell, cannot show a change).
 */
function sameLeader(a: string, b: string): boolean {
  return a === '' || b === '' || a === b;
}

/**
 * LEADER_REVIEW (党小组长履职预警): two consecutive graded halves at or below the rule's band under the same
 * leader. Raised once per run of such halves, at the second; a longer run extends that warning (its `run`
 * lists every half) instead of raising another.
 */
function leaderReviews({ hist, rules }: RaiseInput): Warning[] {
  const out: Warning[] = [];
  // 连续两次考评在“基本合格”及以下: 以下 includes the band itself; the rule may narrow it to 不合格.
  const atRule = (a: Assessment) => a.band !== null && atOrBelow(a.band, rules.leaderReviewBand);
  for (const h of hist.values()) {
    const list = inOrder(h);
    let current: Warning | null = null;
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const a = list[i];
      const chained =
        atRule(prev) &&
        atRule(a) &&
        periodIndex(a.row.period!) === periodIndex(prev.row.period!) + 1 &&
        sameLeader(prev.row.leader, a.row.leader);
      if (!chained) {
        current = null;
        continue;
      }
      if (current) {
        current.run!.push(a.row.period!);
        continue;
      }
      const p = a.row.period!;
      current = {
        code: 'LEADER_REVIEW',
        severity: severityOf('LEADER_REVIEW', a.band),
        year: p.year,
        half: p.half,
        ...warningBase(a),
        // The leader of the run: the first record that names one.
        leader: a.row.leader || prev.row.leader,
        deadline: null,
        status: null,
        resolvedBy: null,
        focusItems: [],
        band: a.band,
        reviewBand: rules.leaderReviewBand,
        run: [prev.row.period!, p],
      };
      out.push(current);
    }
  }
  return out;
}

/** The annual entries, ranked within each year. */
function annualResults(assessments: Assessment[], rules: Rules): AnnualEntry[] {
  // Every (year, group) with at least one input row in that year.
  const entries = new Map<string, { year: number; key: string; rows: Assessment[] }>();
  const order: string[] = [];
  for (const a of assessments) {
    if (!a.row.period || !a.row.groupKey) continue;
    const k = `${a.row.period.year}\u0000${a.row.groupKey}`;
    let e = entries.get(k);
    if (!e) {
      e = { year: a.row.period.year, key: a.row.groupKey, rows: [] };
      entries.set(k, e);
      order.push(k);
    }
    e.rows.push(a);
  }
  const annual: AnnualEntry[] = order.map((k) => {
    const e = entries.get(k)!;
    const graded = (half: 1 | 2) => e.rows.find((a) => a.status === 'graded' && a.row.period!.half === half) ?? null;
    const g1 = graded(1);
    const g2 = graded(2);
    const latest = e.rows.reduce((x, y) => (periodIndex(y.row.period!) >= periodIndex(x.row.period!) ? y : x));
    const complete = g1 !== null && g2 !== null;
    const vetoed = (g1?.row.veto ?? null) !== null || (g2?.row.veto ?? null) !== null;
    const average = complete ? (g1!.total! + g2!.total!) * 5 : null;
    const band: BandCode | null = average === null ? null : vetoed ? 'unqualified' : bandOfAverage(average, rules);
    const markedIneligible = e.rows.some((a) => !a.row.eligible);
    // The leader of each half: the graded record's, else the first record's of that half.
    const leaderOf = (half: 1 | 2, g: Assessment | null) => (g ?? e.rows.find((a) => a.row.period!.half === half))?.row.leader ?? '';
    const l1 = leaderOf(1, g1);
    const l2 = leaderOf(2, g2);
    const leaderChange = sameLeader(l1, l2) ? null : { from: l1, to: l2 };
    const state = (half: 1 | 2, g: Assessment | null): HalfState =>
      g ? 'graded' : e.rows.some((a) => a.row.period!.half === half) ? 'ungraded' : 'none';
    const eligible =
      complete &&
      !vetoed &&
      !markedIneligible &&
      atLeast(g1!.band!, rules.awardMinBand) &&
      atLeast(g2!.band!, rules.awardMinBand);
    return {
      year: e.year,
      group: latest.row.group,
      groupKey: e.key,
      leader: latest.row.leader,
      liaison: latest.row.liaison,
      h1: g1?.total ?? null,
      h2: g2?.total ?? null,
      average,
      band,
      rank: null,
      titles: [],
      tie: false,
      vetoed,
      eligible,
      markedIneligible,
      halves: { h1: state(1, g1), h2: state(2, g2) },
      topOverall: false,
      leaderChange,
      source: latest.row.source,
    };
  });

  const byYear = new Map<number, AnnualEntry[]>();
  for (const a of annual) {
    const list = byYear.get(a.year);
    if (list) list.push(a);
    else byYear.set(a.year, [a]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const sorted: AnnualEntry[] = [];
  for (const year of years) {
    const all = byYear.get(year)!;
    // Vetoed years are 不合格 and not ranked (一票否决，不参加排名和评先); incomplete ones have no average.
    const ranked = all.filter((a) => a.average !== null && !a.vetoed).sort((a, b) => b.average! - a.average!);
    // Competition (RANK.EQ: 1, 1, 3) or dense (中国式排名: 1, 1, 2) ranks over the sorted list.
    let distinct = 0;
    ranked.forEach((a, i) => {
      const sameAsPrevious = i > 0 && ranked[i - 1].average === a.average;
      if (!sameAsPrevious) distinct += 1;
      a.rank = sameAsPrevious ? ranked[i - 1].rank : rules.rankMode === 'dense' ? distinct : i + 1;
      // 优秀党小组长推荐人选: annual band 优秀, not marked ineligible (a vetoed year is 不合格 anyway), and the
      // same leader in both halves (where the leader changed, the branch committee decides: nobody is listed).
      if (a.band === 'excellent' && !a.markedIneligible && a.leaderChange === null) a.titles.push('leader_candidate');
    });
    const eligible = ranked.filter((a) => a.eligible);
    if (eligible.length) {
      const top = eligible[0].average!;
      const winners = eligible.filter((a) => a.average === top);
      for (const w of winners) {
        w.titles.unshift('advanced');
        w.tie = winners.length > 1;
        w.topOverall = ranked[0].average === top;
      }
    }
    const vetoed = all.filter((a) => a.average !== null && a.vetoed).sort((a, b) => b.average! - a.average!);
    sorted.push(...ranked, ...vetoed, ...all.filter((a) => a.average === null));
  }
  return sorted;
}

/** The fields of a year's warning (no half, no deadline). */
function yearBase(a: AnnualEntry): Omit<Warning, 'code' | 'severity' | 'band'> {
  return {
    year: a.year,
    half: null,
    group: a.group,
    leader: a.leader,
    liaison: a.liaison,
    deadline: null,
    status: null,
    resolvedBy: null,
    focusItems: [],
    source: a.source,
  };
}

/** INCOMPLETE_YEAR: a group with rows in a year but not two graded halves; each half's state named. */
function incompleteYears({ annual }: RaiseInput): Warning[] {
  return annual
    .filter((a) => a.average === null)
    .map((a) => ({
      code: 'INCOMPLETE_YEAR' as const,
      severity: severityOf('INCOMPLETE_YEAR', null),
      band: null,
      ...yearBase(a),
      halves: { ...a.halves },
    }));
}

/** TIE_FOR_TOP: each eligible group sharing the highest annual average among the eligible. */
function tiesForTop({ annual }: RaiseInput): Warning[] {
  return annual
    .filter((a) => a.average !== null && a.tie)
    .map((a) => ({
      code: 'TIE_FOR_TOP' as const,
      severity: severityOf('TIE_FOR_TOP', a.band),
      band: a.band,
      ...yearBase(a),
      topOverall: a.topOverall,
    }));
}

/**
 * LEADER_REPLACE: two consecutive years whose annual band is 基本合格 or below under the same leader (a
 * year whose leader changed breaks the chain). Raised in the second year, once per run of years.
 */
function leaderReplacements({ annual }: RaiseInput): Warning[] {
  const byGroup = new Map<string, AnnualEntry[]>();
  for (const a of annual) {
    if (a.average === null || !low(a.band)) continue;
    const list = byGroup.get(a.groupKey);
    if (list) list.push(a);
    else byGroup.set(a.groupKey, [a]);
  }
  const out: Warning[] = [];
  for (const list of byGroup.values()) {
    list.sort((x, y) => x.year - y.year);
    let current: Warning | null = null;
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const a = list[i];
      const chained =
        a.year === prev.year + 1 && a.leaderChange === null && prev.leaderChange === null && sameLeader(prev.leader, a.leader);
      if (!chained) current = null;
      else if (current) current.runYears!.push(a.year);
      else {
        current = {
          code: 'LEADER_REPLACE',
          severity: severityOf('LEADER_REPLACE', a.band),
          band: a.band,
          ...yearBase(a),
          leader: a.leader || prev.leader,
          runYears: [prev.year, a.year],
        };
        out.push(current);
      }
    }
  }
  return out;
}

/**
 * Where each kind of warning (src/domain/warnings.ts) is raised: one function a kind. A new kind in
 * WARNING_CODES does not compile until it has its function here.
 */
const RAISE: { readonly [C in WarningCode]: (x: RaiseInput) => Warning[] } = {
  RECTIFY: rectifications,
  LEADER_REVIEW: leaderReviews,
  LEADER_REPLACE: leaderReplacements,
  INCOMPLETE_YEAR: incompleteYears,
  TIE_FOR_TOP: tiesForTop,
};

export function assess(input: AssessInput): AssessmentResult {
  const { rubric, rules, asOf } = input;
  const issues = [...input.issues];
  const assessments = gradeRows(input.rows, rubric, rules, issues);
  const hist = histories(assessments);
  const annual = annualResults(assessments, rules);
  const x: RaiseInput = { assessments, hist, annual, rubric, rules, asOf, closedOn: input.closedOn ?? new Map() };
  const raised: Warning[] = [];
  for (const code of WARNING_CODES) for (const w of RAISE[code](x)) raised.push(w);
  const warnings = chronological(raised, input.rows);
  return { rubric, rules, asOf, unit: input.unit ?? '', assessments, annual, warnings, issues };
}
