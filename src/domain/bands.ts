/**
 * Bands (SPEC §2.4) in ONE place: their codes, best first, and the comparisons. Thresholds are in
 * hundredths and compared exactly. The words are the catalogue's (src/i18n/domain.ts: BAND); the colours
 * the renderer's and the pane's (Record<BandCode, …>: a new band fails to compile until they have it).
 */
import type { Rules } from './rules';

/** The band codes, best first (优秀, 合格, 基本合格, 不合格). */
export const BAND_CODES = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export type BandCode = (typeof BAND_CODES)[number];

const RANK: { readonly [B in BandCode]: number } = { excellent: 0, qualified: 1, basic: 2, unqualified: 3 };

/** Band of a total in hundredths. */
export function bandOf(totalHundredths: number, rules: Rules): BandCode {
  if (totalHundredths >= rules.excellentMin) return 'excellent';
  if (totalHundredths >= rules.qualifiedMin) return 'qualified';
  if (totalHundredths >= rules.basicMin) return 'basic';
  return 'unqualified';
}

/** Band of an annual average in thousandths (the average of two hundredths totals). */
export function bandOfAverage(averageThousandths: number, rules: Rules): BandCode {
  const t = (x: number) => x * 10;
  if (averageThousandths >= t(rules.excellentMin)) return 'excellent';
  if (averageThousandths >= t(rules.qualifiedMin)) return 'qualified';
  if (averageThousandths >= t(rules.basicMin)) return 'basic';
  return 'unqualified';
}

/** True when band a is at least as good as band b. */
export function atLeast(a: BandCode, b: BandCode): boolean {
  return RANK[a] <= RANK[b];
}

/** True when band `b` is `limit` or worse (以下 includes the band itself). */
export function atOrBelow(b: BandCode, limit: BandCode): boolean {
  return RANK[b] >= RANK[limit];
}
