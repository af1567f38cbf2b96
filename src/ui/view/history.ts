/** A Party group's history (the group's page in 概览): its half-years newest first, its years and warnings. */
import type { AnnualEntry } from '../../domain/types';
import type { IndexedResult } from './indexed';
import type { AnnualLine, GroupHistory, WarningLine } from './types';

/** Items by a key, each list in the items' order: one pass, so building every group's page stays O(groups + items). */
function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** `ordered`: the annual entries in rankingOrder. */
export function histories(
  x: IndexedResult,
  ordered: readonly AnnualEntry[],
  line: (e: AnnualEntry) => AnnualLine,
  warnings: readonly WarningLine[],
): Record<string, GroupHistory> {
  // Indexed once: a scan of every warning per group (with a name folded each time) froze the pane on
  // 1,000 groups × 35 warnings (issue 18).
  const annualOf = byKey(ordered, (e) => e.groupKey);
  const warningsOf = byKey(warnings, (w) => x.keyOf(w.group));
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
      annual: (annualOf.get(key) ?? []).map(line),
      warnings: warningsOf.get(key) ?? [],
    };
  }
  return out;
}
