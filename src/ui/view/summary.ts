/** 概览: the open rectifications, most urgent first, and the latest half-year of every Party group. */
import { BAND_CODES } from '../../domain/bands';
import { comparePeriods, periodIndex } from '../../domain/periods';
import { UNFINISHED_STATUSES, isUnfinishedRectification } from '../../domain/warnings';
import type { UnfinishedStatus } from '../../domain/warnings';
import { dateLabel, periodLabel } from '../../i18n/domain';
import type { IndexedResult } from './indexed';
import { dayNumber } from './indexed';
import type { OpenRectification, PaneView, WarningLine } from './types';

const URGENCY = new Map<UnfinishedStatus, number>(UNFINISHED_STATUSES.map((s, i) => [s, i]));

/** Open rectifications: 逾期未整改 (most days overdue first), 整改未见效, 待整改. */
export function openRectifications(x: IndexedResult, warnings: readonly WarningLine[]): OpenRectification[] {
  const totalOf = new Map<string, number | null>();
  for (const a of x.result.assessments) if (a.row.period) totalOf.set(`${a.row.groupKey}\u0000${periodIndex(a.row.period)}`, a.total);
  return warnings
    .filter(isUnfinishedRectification)
    .map((w) => {
      const total = w.half ? totalOf.get(`${x.keyOf(w.group)}\u0000${periodIndex({ year: w.year, half: w.half })}`) : null;
      return {
        status: w.status as UnfinishedStatus,
        overdueDays: w.overdueDays,
        daysLeft: w.status === 'open' && w.deadline ? dayNumber(w.deadline) - x.asOfDay : null,
        group: w.group,
        leader: w.leader,
        liaison: w.liaison,
        period: w.periodText,
        band: w.band,
        total: total == null ? null : total / 100,
        deadline: w.deadline ? dateLabel(x.lang, w.deadline) : null,
        veto: w.veto,
        focus: w.focusNames,
        place: w.place,
      };
    })
    .sort((a, b) => URGENCY.get(a.status)! - URGENCY.get(b.status)! || (b.overdueDays ?? 0) - (a.overdueDays ?? 0));
}

/** The latest half-year: how many groups in each band, and every group's line. */
export function latestHalf(x: IndexedResult): PaneView['latest'] {
  const withPeriod = x.result.assessments.filter((a) => a.row.period && a.row.group);
  if (!withPeriod.length) return null;
  const last = withPeriod.map((a) => a.row.period!).sort(comparePeriods)[withPeriod.length - 1];
  const inLast = withPeriod.filter((a) => periodIndex(a.row.period!) === periodIndex(last));
  const counts = BAND_CODES.map((band) => {
    const groups = inLast.filter((a) => a.status === 'graded' && a.band === band).map((a) => a.row.group);
    return { band, count: groups.length, groups };
  });
  return {
    label: periodLabel(x.lang, last),
    counts,
    ungraded: inLast.filter((a) => !(a.status === 'graded' && a.band)).length,
    groups: inLast.map((a) => x.halfLine(a, x.byGroup.get(a.row.groupKey)!)),
  };
}
