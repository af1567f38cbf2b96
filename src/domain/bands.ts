/** Bands (SPEC §2.4): thresholds in hundredths, compared exactly. */
import type { BandCode, Rules } from './types';
import { BAND_ORDER } from './types';

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
  return BAND_ORDER.indexOf(a) <= BAND_ORDER.indexOf(b);
}
