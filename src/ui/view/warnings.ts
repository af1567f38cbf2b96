/** 预警: every warning in reading order (open work first), with whether it is to act on now. */
import type { Report } from '../../app/report';
import { actionOrder } from '../../domain/order';
import { periodIndex } from '../../domain/periods';
import { WARNING_KIND, isUnfinished, warningSection } from '../../domain/warnings';
import type { OpenWhile } from '../../domain/warnings';
import { periodLabel } from '../../i18n/domain';
import { PANE } from '../../i18n/pane';
import type { IndexedResult } from './indexed';
import { dayNumber, placeOf } from './indexed';
import type { WarningLine } from './types';

type ReportWarning = Report['warnings'][number];

/** Is a warning to act on now? Decided by its kind's `openWhile` (src/domain/warnings.ts). */
function openTest(x: IndexedResult): (w: ReportWarning) => boolean {
  const { result, keyOf } = x;
  const latestGraded = new Map<string, number>();
  for (const a of result.assessments) {
    if (a.status !== 'graded' || !a.row.period) continue;
    latestGraded.set(a.row.groupKey, Math.max(latestGraded.get(a.row.groupKey) ?? -1, periodIndex(a.row.period)));
  }
  const latestAnnualYear = new Map<string, number>();
  for (const e of result.annual) if (e.band) latestAnnualYear.set(e.groupKey, Math.max(latestAnnualYear.get(e.groupKey) ?? 0, e.year));
  const lastYear = result.annual.reduce((y, e) => (e.average !== null ? Math.max(y, e.year) : y), 0);
  const open: { [O in OpenWhile]: (w: ReportWarning) => boolean } = {
    unfinished: (w) => w.status !== null && isUnfinished(w.status),
    // A warning raised once per run is current while its run reaches the group's latest half (year).
    latestHalf: (w) => {
      const last = w.run.length ? w.run[w.run.length - 1] : w;
      return last.half !== null && latestGraded.get(keyOf(w.group)) === periodIndex({ year: last.year, half: last.half });
    },
    latestAnnual: (w) => latestAnnualYear.get(keyOf(w.group)) === (w.run.length ? w.run[w.run.length - 1].year : w.year),
    latestYear: (w) => w.year === lastYear,
    never: () => false,
  };
  return (w) => open[WARNING_KIND[w.code].openWhile](w);
}

export function warningLines(x: IndexedResult): WarningLine[] {
  const isOpen = openTest(x);
  return actionOrder(x.report.warnings).map((w) => ({
    ...w,
    open: isOpen(w),
    section: warningSection(w),
    periodText: w.half ? periodLabel(x.lang, { year: w.year, half: w.half }) : x.tr(PANE.yearLabel, { year: w.year }),
    overdueDays: w.status === 'overdue' && w.deadline ? x.asOfDay - dayNumber(w.deadline) : null,
    focusNames: w.focusItems.map(x.itemName),
    place: placeOf(w.source),
  }));
}
