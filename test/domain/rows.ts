/** Builders of typed rows for engine tests (hundredths from plain points). */
import { scores } from '../support/xlsx';
import { DEFAULT_RULES } from '../../src/domain/rules';
import type { Half, Rules, ScoreRow } from '../../src/domain/types';

let nextRow = 4;

/** Twelve item scores in hundredths that add up to `total` points, losing points from item 12 backwards. */
export function scoresFor(total: number): number[] {
  return scores(total).map((x) => Math.round(x * 100));
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
