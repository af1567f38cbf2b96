/** Builders of typed rows for engine tests (hundredths from plain points). */
import { DEFAULT_RUBRIC } from '../../src/domain/rubric';
import { DEFAULT_RULES } from '../../src/domain/rules';
import type { Half, Rules, ScoreRow } from '../../src/domain/types';

let nextRow = 4;

/** Twelve item scores that add up to `total` points (hundredths exact), losing points from item 12 backwards. */
export function scoresFor(total: number): number[] {
  let missing = 10000 - Math.round(total * 100);
  return DEFAULT_RUBRIC.items
    .slice()
    .reverse()
    .map((item) => {
      const lose = Math.min(missing, item.max);
      missing -= lose;
      return item.max - lose;
    })
    .reverse();
}

export interface RowSpec {
  year: number;
  half: Half;
  group: string;
  total?: number;
  scores?: (number | null)[];
  leader?: string;
  veto?: string | null;
  eligible?: boolean;
  handTotal?: number | null;
  pending?: boolean;
  bad?: boolean;
}

export function row(spec: RowSpec): ScoreRow {
  const r = nextRow++;
  const scores = spec.pending ? Array(12).fill(null) : spec.scores ?? scoresFor(spec.total ?? 90);
  return {
    source: { sheet: '评分表', row: r, col: 1 },
    period: { year: spec.year, half: spec.half },
    group: spec.group,
    groupKey: spec.group,
    leader: spec.leader ?? `${spec.group}组长`,
    liaison: '王支委',
    notes: '',
    scores,
    handTotal: spec.handTotal ?? null,
    handTotalCell: spec.handTotal != null ? { sheet: '评分表', row: r, col: 16 } : null,
    veto: spec.veto ?? null,
    eligible: spec.eligible ?? true,
    bad: spec.bad ?? false,
    pending: spec.pending ?? false,
  };
}

export function rules(over: Partial<Rules> = {}): Rules {
  return { ...DEFAULT_RULES, ...over };
}
