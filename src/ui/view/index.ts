/**
 * The pane's view model, loaded on demand (a separate chunk, "engine": reader, rules, renderer, zod).
 * It runs the one use case `assessWorkbook` — the same the ribbon and the file tool run — and turns the
 * result into what the panels show, in the pane's language, one view function per panel: 概览
 * (summary.ts: open rectifications, the latest half-year; history.ts: a group's page; chart.ts), 预警
 * (warnings.ts), 年度排名 (ranking.ts), 与上次相比 (compare.ts). The panels import only the types (types.ts).
 */
import { assessWorkbook } from '../../app/assessWorkbook';
import type { AssessOptions, AssessOutcome } from '../../app/assessWorkbook';
import type { WorkbookHost } from '../../app/ports';
import { rankingOrder } from '../../domain/order';
import { rubricTotal } from '../../domain/rubric';
import type { Assessment, AssessmentResult, Lang, Rules } from '../../domain/types';
import { WARNING_KIND } from '../../domain/warnings';
import { compareRuns, decodeDigest, encodeDigest } from '../../workbook/digest';
import type { RunComparison } from '../../workbook/digest';
import { parseConfig } from '../../workbook/parse';
import { findRulesSheet } from '../../workbook/parse-config';
import type { PrintPeriod } from '../../workbook/print';
import type { WorkbookPatch } from '../../workbook/snapshot';
import { templatePatch } from '../../workbook/template';
import { chart } from './chart';
import { histories } from './history';
import { indexResult } from './indexed';
import { annualLines, ranking } from './ranking';
import { latestHalf, openRectifications } from './summary';
import type { GroupHistory, PaneView, ResultSummary } from './types';
import { warningLines } from './warnings';
import { cellText } from '../../i18n/words';
import { summarySentences } from '../../app/summary-text';

export type { AssessOutcome, RunComparison };
export { describeComparison } from './compare';
export type { ComparisonText } from './compare';

/** Run the assessment and write the results (the 考评 button). */
export function runAssessment(host: WorkbookHost, opts: AssessOptions): Promise<AssessOutcome> {
  return assessWorkbook(host, opts);
}

/** Compute the result without writing anything (to show the last run's results when the pane opens). */
export function computeOnly(host: WorkbookHost, opts: AssessOptions): Promise<AssessOutcome> {
  return assessWorkbook({ read: () => host.read(), write: async () => undefined }, opts);
}

/** What changed since the run recorded in the workbook before this one (与上次相比). */
export function comparison(outcome: AssessOutcome): RunComparison {
  return compareRuns(decodeDigest(outcome.parsed.meta?.digest), decodeDigest(encodeDigest(outcome.result))!);
}

export function templateFor(lang: Lang): WorkbookPatch {
  return templatePatch(lang);
}

/**
 * The rules in force, the rubric's total (points) and the rules sheet's name (null without one), read the
 * way the reader reads them, for the settings form. Throws the reader's configuration error when the sheet is invalid.
 */
export async function readRules(host: WorkbookHost): Promise<{ rules: Rules; totalPoints: number; sheet: string | null }> {
  const snapshot = await host.read();
  const { rubric, rules } = parseConfig(snapshot);
  return { rules, totalPoints: rubricTotal(rubric) / 100, sheet: findRulesSheet(snapshot) };
}

/** Everything the panels show, from one run's result. */
export function buildView(result: AssessmentResult, lang: Lang): PaneView {
  const built = viewAndHistories(result, lang);
  return { ...built.view, histories: built.histories() };
}

/**
 * The view without the Party groups' histories (`histories: {}`), and the histories built when first asked
 * for, from the same indexes: for a host that sends the view at once and each history when it is opened (the
 * workbook page's worker; on 1,000 groups the histories are most of the view's size and a tenth of its time).
 */
export function viewAndHistories(result: AssessmentResult, lang: Lang): { view: PaneView; histories: () => Record<string, GroupHistory> } {
  const x = indexResult(result, lang);
  const warnings = warningLines(x);
  const line = annualLines(x);
  const ordered = rankingOrder(result.annual);
  const years = ranking(x, ordered, line);
  let built: Record<string, GroupHistory> | null = null;
  const view: PaneView = {
    lang,
    asOf: result.asOf,
    rules: x.report.rules,
    rawRules: result.rules,
    openRectifications: openRectifications(x, warnings),
    openLeaderWarnings: warnings.filter((w) => w.open && WARNING_KIND[w.code].section === 'leader').length,
    latest: latestHalf(x),
    histories: {},
    chart: chart(x),
    warnings,
    openWarnings: warnings.filter((w) => w.open).length,
    issues: x.report.issues.map((i) => ({ ...i, cellText: cellText(lang, i.cell) })),
    ranking: years.ranking,
    years: years.years,
    rows: result.assessments.length,
    graded: result.assessments.filter((a) => a.status === 'graded').length,
    pending: result.assessments.filter((a) => a.status === 'pending').length,
    summaryText: x.report.summaryText,
    summaryLead: summarySentences(result, lang)[0],
  };
  return { view, histories: () => (built ??= histories(x, ordered, line, warnings)) };
}

/** What the pane keeps of a result besides its view (types.ts ResultSummary). */
export function summarizeResult(result: AssessmentResult): ResultSummary {
  let graded = 0;
  let pending = 0;
  for (const a of result.assessments) {
    if (a.status === 'graded') graded++;
    else if (a.status === 'pending') pending++;
  }
  return {
    rules: result.rules,
    rows: result.assessments.length,
    graded,
    pending,
    warnings: result.warnings.length,
    issues: result.issues.length,
    printPeriods: printChoices(result.assessments),
  };
}

/** The periods the official tables can be produced for: each half-year and each year with a record, latest first. */
function printChoices(assessments: readonly Assessment[]): PrintPeriod[] {
  const keys = new Set<number>();
  for (const a of assessments) {
    const p = a.row.period;
    if (!p) continue;
    keys.add(p.year * 10 + p.half);
    keys.add(p.year * 10);
  }
  // 2025H2, 2025H1, 2025 (the year after its halves), 2024H2…
  return [...keys]
    .sort((a, b) => Math.floor(b / 10) - Math.floor(a / 10) || (a % 10 === 0 ? 1 : b % 10 === 0 ? -1 : (b % 10) - (a % 10)))
    .map((k) => ({
      year: Math.floor(k / 10),
      half: k % 10 === 0 ? null : ((k % 10) as 1 | 2),
    }));
}
