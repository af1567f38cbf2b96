/**
 * The pane's door to the engine, loaded on demand (a separate chunk: reader, rules, renderer, zod).
 * It runs the one use case `assessWorkbook` — the same the ribbon and the file tool run — and turns the
 * result into what the panels show, in the pane's language.
 */
import { assessWorkbook } from '../../app/assessWorkbook';
import type { AssessOptions, AssessOutcome } from '../../app/assessWorkbook';
import { toReport } from '../../app/report';
import type { Report } from '../../app/report';
import { comparePeriods } from '../../domain/periods';
import type { AssessmentResult, BandCode, Lang, Period, Rules } from '../../domain/types';
import { BAND_ORDER } from '../../domain/types';
import { periodLabel } from '../../i18n/domain';
import { actionOrder } from '../../domain/order';
import { templatePatch } from '../../workbook/template';
import { rubricTotal } from '../../domain/rubric';
import { parseConfig } from '../../workbook/parse';
import type { WorkbookHost, WorkbookPatch } from '../../workbook/snapshot';

export type { AssessOutcome };

export interface BandCount {
  band: BandCode;
  count: number;
  groups: string[];
}

export interface ChartData {
  /** Period labels, oldest first. */
  periods: string[];
  series: { group: string; totals: (number | null)[] }[];
  thresholds: { excellent: number; qualified: number; basic: number };
}

export interface PaneView {
  lang: Lang;
  /** Rules in force, thresholds in points. */
  rules: Report['rules'];
  rawRules: Rules;
  latest: { label: string; counts: BandCount[]; ungraded: number } | null;
  chart: ChartData;
  /** Open work first, history last (domain/order.ts actionOrder). */
  warnings: Report['warnings'];
  issues: Report['issues'];
  annual: Report['annual'];
  /** Years with annual entries, newest first. */
  years: number[];
  rows: number;
}

/** Run the assessment and write the results (the 考评 button). */
export function runAssessment(host: WorkbookHost, opts: AssessOptions): Promise<AssessOutcome> {
  return assessWorkbook(host, opts);
}

/** Compute the result without writing anything (to show the last run's results when the pane opens). */
export function computeOnly(host: WorkbookHost, opts: AssessOptions): Promise<AssessOutcome> {
  return assessWorkbook({ read: () => host.read(), write: async () => undefined }, opts);
}

export function templateFor(lang: Lang): WorkbookPatch {
  return templatePatch(lang);
}

/**
 * The rules in force and the rubric's total (points), read the way the reader reads them, for the
 * settings form. Throws the reader's configuration error when the sheet is invalid.
 */
export async function readRules(host: WorkbookHost): Promise<{ rules: Rules; totalPoints: number }> {
  const { rubric, rules } = parseConfig(await host.read());
  return { rules, totalPoints: rubricTotal(rubric) / 100 };
}

const key = (p: Period) => p.year * 2 + p.half;

export function buildView(result: AssessmentResult, lang: Lang): PaneView {
  const report = toReport(result, lang);
  const r = result.rules;
  const withPeriod = result.assessments.filter((a) => a.row.period);
  let latest: PaneView['latest'] = null;
  if (withPeriod.length) {
    const last = withPeriod.map((a) => a.row.period!).sort(comparePeriods)[withPeriod.length - 1];
    const inLast = withPeriod.filter((a) => key(a.row.period!) === key(last));
    const counts = BAND_ORDER.map((band) => {
      const groups = inLast.filter((a) => a.status === 'graded' && a.band === band).map((a) => a.row.group);
      return { band, count: groups.length, groups };
    });
    latest = {
      label: periodLabel(lang, last),
      counts,
      ungraded: inLast.filter((a) => !(a.status === 'graded' && a.band)).length,
    };
  }

  const graded = result.assessments.filter((a) => a.status === 'graded' && a.row.period && a.total !== null);
  const periodKeys = [...new Set(graded.map((a) => key(a.row.period!)))].sort((a, b) => a - b);
  const groups = new Map<string, { group: string; totals: (number | null)[] }>();
  for (const a of graded) {
    let s = groups.get(a.row.groupKey);
    if (!s) {
      s = { group: a.row.group, totals: periodKeys.map(() => null) };
      groups.set(a.row.groupKey, s);
    }
    s.totals[periodKeys.indexOf(key(a.row.period!))] = (a.total as number) / 100;
  }
  const chart: ChartData = {
    periods: periodKeys.map((k) => periodLabel(lang, { year: Math.floor((k - 1) / 2), half: (((k - 1) % 2) + 1) as 1 | 2 })),
    series: [...groups.values()],
    thresholds: { excellent: r.excellentMin / 100, qualified: r.qualifiedMin / 100, basic: r.basicMin / 100 },
  };

  // Open work first (逾期未整改, 整改未见效, 待整改), history last; the panel groups them by severity.
  const warnings = actionOrder(report.warnings);
  const years = [...new Set(report.annual.map((a) => a.year))].sort((a, b) => b - a);
  return {
    lang,
    rules: report.rules,
    rawRules: result.rules,
    latest,
    chart,
    warnings,
    issues: report.issues,
    annual: report.annual,
    years,
    rows: result.assessments.length,
  };
}
