/** A Party group's history (the group's page in 概览): its half-years newest first, its years and warnings. */
import type { AnnualEntry } from '../../domain/types';
import type { IndexedResult } from './indexed';
import type { AnnualLine, GroupHistory, WarningLine } from './types';

/** `ordered`: the annual entries in rankingOrder. */
export function histories(
  x: IndexedResult,
  ordered: readonly AnnualEntry[],
  line: (e: AnnualEntry) => AnnualLine,
  warnings: readonly WarningLine[],
): Record<string, GroupHistory> {
  const out: Record<string, GroupHistory> = {};
  for (const key of x.order) {
    const list = x.byGroup.get(key)!;
    const last = list[list.length - 1];
    out[key] = {
      key,
      group: last.row.group,
      leader: last.row.leader,
      liaison: last.row.liaison,
      halves: list.map((a) => x.halfLine(a, list)).reverse(),
      annual: ordered.filter((e) => e.groupKey === key).map(line),
      warnings: warnings.filter((w) => x.keyOf(w.group) === key),
    };
  }
  return out;
}
