/** Periods (SPEC §2.2): order, adjacency, ends and deadlines. Pure. */
import type { Half, Period } from './types';

/** A sortable index: (Y,H1) < (Y,H2) < (Y+1,H1), consecutive periods differ by exactly 1. */
export function periodIndex(p: Period): number {
  return p.year * 2 + (p.half - 1);
}

/** The period of an index (periodIndex's inverse). */
export function fromIndex(i: number): Period {
  return { year: Math.floor(i / 2), half: ((i % 2) + 1) as Half };
}

export function comparePeriods(a: Period, b: Period): number {
  return periodIndex(a) - periodIndex(b);
}

/** ISO date YYYY-MM-DD of a UTC date. */
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const deadlines = new Map<number, string>();

/** What a deadline depends on: the rules' months, or their days when a workbook still sets them. */
export interface DeadlineRule {
  rectifyMonths: number;
  rectifyDays: number | null;
}

/**
 * A rectification's deadline (SPEC §2.5): the last day of the month `rectifyMonths` after the period's
 * end (H1 → 30 September, H2 → 31 March at 3); when a workbook sets `rectifyDays`, the period's end plus
 * that many calendar days instead (leap years counted by the calendar).
 */
export function deadline(p: Period, rule: DeadlineRule): string {
  const days = rule.rectifyDays;
  const key = periodIndex(p) * 1000 + (days === null ? 500 + rule.rectifyMonths : days);
  let d = deadlines.get(key);
  if (d === undefined) {
    const endMonth = p.half === 1 ? 5 : 11; // June, December (0-based)
    d =
      days === null
        ? // Day 0 of the month after the target month is the target month's last day.
          iso(new Date(Date.UTC(p.year, endMonth + rule.rectifyMonths + 1, 0)))
        : iso(new Date(Date.UTC(p.year, endMonth + 1, 0) + days * 86_400_000));
    deadlines.set(key, d);
  }
  return d;
}
