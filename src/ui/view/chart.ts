/** The chart (概览): every graded total per group and half-year, with the band thresholds. */
import { fromIndex, periodIndex } from '../../domain/periods';
import type { Lang, Period } from '../../domain/types';
import { periodLabel } from '../../i18n/domain';
import type { IndexedResult } from './indexed';
import type { ChartData } from './types';

/** Short axis label of a period: 23上 / 2023 H1. */
export function shortPeriod(lang: Lang, p: Period): string {
  return lang === 'en-US' ? `${p.year} H${p.half}` : `${String(p.year).slice(-2)}${p.half === 1 ? '上' : '下'}`;
}

export function chart(x: IndexedResult): ChartData {
  const { result, lang } = x;
  const r = result.rules;
  const graded = result.assessments.filter((a) => a.status === 'graded' && a.row.period && a.total !== null);
  const periodKeys = [...new Set(graded.map((a) => periodIndex(a.row.period!)))].sort((a, b) => a - b);
  const column = new Map(periodKeys.map((k, i) => [k, i] as const));
  const series = new Map<string, { group: string; totals: (number | null)[] }>();
  for (const a of graded) {
    let s = series.get(a.row.groupKey);
    if (!s) {
      s = { group: a.row.group, totals: periodKeys.map(() => null) };
      series.set(a.row.groupKey, s);
    }
    s.totals[column.get(periodIndex(a.row.period!))!] = (a.total as number) / 100;
  }
  return {
    periods: periodKeys.map(fromIndex).map((p) => ({ short: shortPeriod(lang, p), full: periodLabel(lang, p) })),
    series: [...series.values()],
    thresholds: { excellent: r.excellentMin / 100, qualified: r.qualifiedMin / 100, basic: r.basicMin / 100 },
  };
}
