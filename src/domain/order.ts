/**
 * Orders, in one place: warnings (chronological for the report; open first for the
 * sheet and the pane), annual entries for display. Pure; every sort is O(n log n) with precomputed keys.
 */
import type { AnnualEntry, ScoreRow, Title, Warning } from './types';
import { TITLES } from './types';
import { WARNING_KIND, WARNING_SECTIONS, warningSection } from './warnings';
import type { WarningSection } from './warnings';

/** Titles in the order they are listed (TITLES). */
export function titleOrder(titles: readonly Title[]): Title[] {
  return TITLES.filter((t) => titles.includes(t));
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
  return sortByKeys(warnings, (w) => [w.year, w.half ?? 3, order.get(w.group) ?? 0, WARNING_KIND[w.code].order]);
}

const SECTION_RANK = {} as Record<WarningSection, number>;
WARNING_SECTIONS.forEach((section, i) => (SECTION_RANK[section] = i));

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
