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

/** Last day of the period: 30 June for H1, 31 December for H2. */
export function periodEnd(p: Period): string {
  return p.half === 1 ? `${p.year}-06-30` : `${p.year}-12-31`;
}

const deadlines = new Map<number, string>();

/** The period's end plus `days` calendar days (leap years counted by the calendar). */
export function deadline(p: Period, days: number): string {
  const key = periodIndex(p) * 1000 + days;
  let d = deadlines.get(key);
  if (d === undefined) {
    const end = p.half === 1 ? Date.UTC(p.year, 5, 30) : Date.UTC(p.year, 11, 31);
    d = iso(new Date(end + days * 86_400_000));
    deadlines.set(key, d);
  }
  return d;
}
