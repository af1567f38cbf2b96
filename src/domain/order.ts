/**
 * Orders, in one place: bands, severities, warnings (chronological for the report; open first for the
 * sheet and the pane), annual entries for display. Pure; every sort is O(n log n) with precomputed keys.
 */
import type { AnnualEntry, BandCode, ScoreRow, Severity, Title, Warning, WarningCode } from './types';
import { BAND_ORDER } from './types';

const BAND_RANK: Record<BandCode, number> = { excellent: 0, qualified: 1, basic: 2, unqualified: 3 };

/** Position of a band, best first (优秀 0 … 不合格 3). */
export function bandRank(b: BandCode): number {
  return BAND_RANK[b];
}

/** True when band `b` is `limit` or worse (以下 includes the band itself). */
export function atOrBelow(b: BandCode, limit: BandCode): boolean {
  return BAND_RANK[b] >= BAND_RANK[limit];
}

export { BAND_ORDER };

export const SEVERITY_ORDER: readonly Severity[] = ['serious', 'warning', 'info'];
const SEVERITY_RANK: Record<Severity, number> = { serious: 0, warning: 1, info: 2 };

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

const CODE_RANK: Record<WarningCode, number> = { RECTIFY: 0, LEADER_REVIEW: 1, LEADER_REPLACE: 2, TIE_FOR_TOP: 3, INCOMPLETE_YEAR: 4 };
const TITLE_RANK: Record<Title, number> = { advanced: 0, leader_candidate: 1 };

export function titleOrder(titles: readonly Title[]): Title[] {
  return [...titles].sort((a, b) => TITLE_RANK[a] - TITLE_RANK[b]);
}

/** Sort by precomputed numeric keys (stable): one key computation per element, not per comparison. */
function sortByKeys<T>(items: readonly T[], keys: (x: T, i: number) => number[]): T[] {
  const decorated = items.map((x, i) => ({ x, k: keys(x, i), i }));
  decorated.sort((a, b) => {
    for (let j = 0; j < a.k.length; j++) if (a.k[j] !== b.k[j]) return a.k[j] - b.k[j];
    return a.i - b.i;
  });
  return decorated.map((d) => d.x);
}

/** Each group's first appearance among the rows (the order groups are listed in the score sheets). */
function groupOrder(rows: readonly ScoreRow[], groups: ReadonlySet<string>): Map<string, number> {
  const order = new Map<string, number>();
  for (let i = 0; i < rows.length && order.size < groups.size; i++) {
    const g = rows[i].group;
    if (groups.has(g) && !order.has(g)) order.set(g, i);
  }
  return order;
}

/**
 * The report's order: chronological (year, then H1, H2, then the year's own warnings), then the order
 * the groups first appear in the score sheets, then RECTIFY, LEADER_REVIEW, LEADER_REPLACE, TIE_FOR_TOP,
 * INCOMPLETE_YEAR.
 */
export function chronological(warnings: readonly Warning[], rows: readonly ScoreRow[]): Warning[] {
  const order = groupOrder(rows, new Set(warnings.map((w) => w.group)));
  return sortByKeys(warnings, (w) => [w.year, w.half ?? 3, order.get(w.group) ?? 0, CODE_RANK[w.code]]);
}

/**
 * The sections of the warnings sheet and the pane, in order: what needs doing first (逾期未整改,
 * 整改未见效, 待整改), then the leader warnings, then notices (ties, incomplete years), then history
 * (rectifications already done).
 */
export type WarningSection = 'overdue' | 'not_effective' | 'open' | 'leader' | 'notice' | 'resolved';
export const WARNING_SECTIONS: readonly WarningSection[] = ['overdue', 'not_effective', 'open', 'leader', 'notice', 'resolved'];
const SECTION_RANK: Record<WarningSection, number> = { overdue: 0, not_effective: 1, open: 2, leader: 3, notice: 4, resolved: 5 };

export function warningSection(w: Pick<Warning, 'code' | 'status'>): WarningSection {
  if (w.code === 'RECTIFY') return w.status ?? 'open';
  if (w.code === 'LEADER_REVIEW' || w.code === 'LEADER_REPLACE') return 'leader';
  return 'notice';
}

/**
 * Warnings for reading (sheet and pane): by section (open work first, history last), then in time order
 * within a section, keeping the report's order (group order, code) among equals. Expects the report's
 * chronological order as input.
 */
export function actionOrder<W extends Pick<Warning, 'code' | 'status' | 'year' | 'half'>>(warnings: readonly W[]): W[] {
  return sortByKeys(warnings, (w) => [SECTION_RANK[warningSection(w)], w.year, w.half ?? 3]);
}

/** Annual entries for display: newest year first; ranked by rank, then the vetoed, then the incomplete, each in engine order. */
export function rankingOrder(annual: readonly AnnualEntry[]): AnnualEntry[] {
  return sortByKeys(annual, (e) => [-e.year, e.rank ?? Number.MAX_SAFE_INTEGER]);
}
