/**
 * The pane's door to the engine, loaded on demand (a separate chunk: reader, rules, renderer, zod).
 * It runs the one use case `assessWorkbook` — the same the ribbon and the file tool run — and turns the
 * result into what the panels show, in the pane's language: the answers first (open rectifications,
 * the latest half-year per Party group), then the details (warnings, ranking, data issues, chart).
 */
import { assessWorkbook } from '../../app/assessWorkbook';
import type { AssessOptions, AssessOutcome } from '../../app/assessWorkbook';
import { itemNameFor, toReport } from '../../app/report';
import type { Report } from '../../app/report';
import { actionOrder, rankingOrder, titleOrder, warningSection } from '../../domain/order';
import type { WarningSection } from '../../domain/order';
import { comparePeriods, periodIndex } from '../../domain/periods';
import { rubricTotal } from '../../domain/rubric';
import type { AssessmentResult, BandCode, Lang, Period, RectifyStatus, RowStatus, Rules, Title } from '../../domain/types';
import { BAND_ORDER } from '../../domain/types';
import type { Msg, Params } from '../../i18n';
import { t } from '../../i18n';
import { BAND, TITLE, dateLabel, periodLabel } from '../../i18n/domain';
import { issueMessage } from '../../i18n/issues';
import { RANKING, RESULTS } from '../../i18n/output';
import { PANE } from '../../i18n/pane';
import { cellAddress } from '../../workbook/a1';
import { annualNotes, tiedRanks } from '../../workbook/render-common';
import { compareRuns, decodeDigest, encodeDigest } from '../../workbook/digest';
import type { RunComparison } from '../../workbook/digest';
import { findRulesSheet } from '../../workbook/parse-config';
import { parseConfig } from '../../workbook/parse';
import type { WorkbookPatch } from '../../workbook/snapshot';
import type { WorkbookHost } from '../../app/ports';
import { templatePatch } from '../../workbook/template';

export type { AssessOutcome, RunComparison };

export interface BandCount {
  band: BandCode;
  count: number;
  groups: string[];
}

export interface ChartData {
  /** Period labels, oldest first: short for the axis (23上 / 2023 H1), full for the data table. */
  periods: { short: string; full: string }[];
  series: { group: string; totals: (number | null)[] }[];
  thresholds: { excellent: number; qualified: number; basic: number };
}

/** Where a record is, for 定位: its sheet and row (1-based), and the address to select. */
export interface Place {
  sheet: string;
  row: number;
  address: string;
}

/** An open rectification (逾期未整改, 整改未见效, 待整改), with what a secretary needs to act on it. */
export interface OpenRectification {
  status: Exclude<RectifyStatus, 'resolved'>;
  /** Days past the deadline as of `asOf` (逾期未整改); null otherwise. */
  overdueDays: number | null;
  /** Days left until the deadline (待整改); null otherwise. */
  daysLeft: number | null;
  group: string;
  leader: string;
  liaison: string;
  period: string;
  band: BandCode | null;
  /** Total of the half-year in points, null when unknown. */
  total: number | null;
  deadline: string | null;
  veto: string | null;
  /** 主要失分项目 as "4.党员教育管理与党费收缴". */
  focus: string[];
  place: Place;
}

/** A Party group's half-year as the pane shows it: total, grade, change, and why when it has no grade. */
export interface HalfLine {
  group: string;
  /** The group's matching key (for its history). */
  key: string;
  period: string;
  total: number | null;
  band: BandCode | null;
  status: RowStatus;
  /** Change in points since the previous half-year, when both are graded; null otherwise. */
  change: number | null;
  /** The previous half-year's label, when it was graded. */
  previous: string | null;
  /** The group has a record in the half-year before (graded or not). */
  hadPrevious: boolean;
  /** Why: veto, pending with the row's note, data issues, duplicate. */
  why: string[];
  place: Place;
}

export interface AnnualLine {
  year: number;
  group: string;
  leader: string;
  rank: number | null;
  h1: number | null;
  h2: number | null;
  average: number | null;
  band: BandCode | null;
  titles: string[];
  tie: boolean;
  vetoed: boolean;
  /** Why it is not ranked or cannot be nominated (the sheet's 说明 words). */
  notes: string[];
}

export interface GroupHistory {
  key: string;
  group: string;
  leader: string;
  liaison: string;
  /** Newest first. */
  halves: HalfLine[];
  annual: AnnualLine[];
  warnings: WarningLine[];
}

export type WarningLine = Report['warnings'][number] & {
  /** Something to act on now: an unresolved rectification, a leader warning at the group's latest assessment, a tie of the latest year. */
  open: boolean;
  section: WarningSection;
  periodText: string;
  overdueDays: number | null;
  focusNames: string[];
  place: Place;
};

export interface IssueLine {
  cell: string;
  value: string;
  message: string;
  code: string;
}

export interface PaneView {
  lang: Lang;
  asOf: string;
  /** Rules in force, thresholds in points. */
  rules: Report['rules'];
  rawRules: Rules;
  /** Open rectifications: 逾期未整改 (most days first), 整改未见效, 待整改. */
  openRectifications: OpenRectification[];
  /** Leader warnings still to act on (shown as a pointer under the open rectifications). */
  openLeaderWarnings: number;
  latest: { label: string; counts: BandCount[]; ungraded: number; groups: HalfLine[] } | null;
  histories: Record<string, GroupHistory>;
  chart: ChartData;
  /** Open work first, history last (domain/order.ts actionOrder). */
  warnings: WarningLine[];
  openWarnings: number;
  issues: IssueLine[];
  /** Annual lines per year, newest year first, each in ranking order. */
  ranking: { year: number; lines: AnnualLine[]; hasTitle: boolean }[];
  years: number[];
  rows: number;
  /** Records that could be graded. */
  graded: number;
  pending: number;
  summaryText: string;
}

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

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

/** `Sheet!B6` → its sheet and row. */
export function placeOf(address: string): Place {
  const at = address.lastIndexOf('!');
  const sheet = at < 0 ? '' : address.slice(0, at);
  const m = /(\d+)$/.exec(address);
  return { sheet, row: m ? Number(m[1]) : 0, address };
}

/** Short axis label of a period: 23上 / 2023 H1. */
export function shortPeriod(lang: Lang, p: Period): string {
  return lang === 'en-US' ? `${p.year} H${p.half}` : `${String(p.year).slice(-2)}${p.half === 1 ? '上' : '下'}`;
}

const STATUS_RANK: Record<string, number> = { overdue: 0, not_effective: 1, open: 2 };

export function buildView(result: AssessmentResult, lang: Lang): PaneView {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const report = toReport(result, lang);
  const r = result.rules;
  const itemName = (code: string) => `${code}.${itemNameFor(result.rubric, lang, code)}`;
  const asOfDay = dayNumber(result.asOf);

  // ── Each group's half-years, oldest first ──
  const byGroup = new Map<string, AssessmentResult['assessments']>();
  const order: string[] = [];
  for (const a of result.assessments) {
    if (!a.row.period || !a.row.group) continue;
    const list = byGroup.get(a.row.groupKey);
    if (list) list.push(a);
    else {
      byGroup.set(a.row.groupKey, [a]);
      order.push(a.row.groupKey);
    }
  }
  for (const list of byGroup.values()) list.sort((x, y) => comparePeriods(x.row.period!, y.row.period!));

  const issuesByRow = new Map<string, string[]>();
  for (const i of result.issues) {
    const k = `${i.cell.sheet}\u0000${i.cell.row}`;
    const list = issuesByRow.get(k) ?? [];
    list.push(issueMessage(lang, i));
    issuesByRow.set(k, list);
  }

  const halfLine = (a: AssessmentResult['assessments'][number], list: AssessmentResult['assessments']): HalfLine => {
    const p = a.row.period!;
    const before = list.find((x) => periodIndex(x.row.period!) === periodIndex(p) - 1);
    const prev = before && before.status === 'graded' && before.total !== null ? before : undefined;
    const graded = a.status === 'graded' && a.total !== null;
    const why: string[] = [];
    if (a.status === 'duplicate') why.push(tr(RESULTS.reasonDuplicate));
    if (a.status === 'pending') why.push(tr(PANE.whyPending));
    if (a.row.veto !== null && a.status === 'graded') why.push(tr(PANE.whyVeto, { veto: a.row.veto }));
    for (const m of issuesByRow.get(`${a.row.source.sheet}\u0000${a.row.source.row}`) ?? []) why.push(tr(PANE.whyIssue, { message: m }));
    if (a.status === 'not_graded' && why.length === 0) why.push(tr(PANE.whyNotGraded));
    if (a.row.notes) why.push(tr(RESULTS.notes, { notes: a.row.notes }));
    const address = cellAddress(a.row.source);
    return {
      group: a.row.group,
      key: a.row.groupKey,
      period: periodLabel(lang, p),
      total: a.total === null ? null : a.total / 100,
      band: a.status === 'graded' ? a.band : null,
      status: a.status,
      change: graded && prev ? (a.total! - prev.total!) / 100 : null,
      previous: graded && prev ? periodLabel(lang, prev.row.period!) : null,
      hadPrevious: !!before,
      why,
      place: placeOf(address),
    };
  };

  // ── The latest half-year ──
  const withPeriod = result.assessments.filter((a) => a.row.period && a.row.group);
  let latest: PaneView['latest'] = null;
  if (withPeriod.length) {
    const last = withPeriod.map((a) => a.row.period!).sort(comparePeriods)[withPeriod.length - 1];
    const inLast = withPeriod.filter((a) => periodIndex(a.row.period!) === periodIndex(last));
    const counts = BAND_ORDER.map((band) => {
      const groups = inLast.filter((a) => a.status === 'graded' && a.band === band).map((a) => a.row.group);
      return { band, count: groups.length, groups };
    });
    latest = {
      label: periodLabel(lang, last),
      counts,
      ungraded: inLast.filter((a) => !(a.status === 'graded' && a.band)).length,
      groups: inLast.map((a) => halfLine(a, byGroup.get(a.row.groupKey)!)),
    };
  }

  // ── Warnings: which are open ──
  const latestGraded = new Map<string, number>();
  for (const a of result.assessments) {
    if (a.status !== 'graded' || !a.row.period) continue;
    latestGraded.set(a.row.groupKey, Math.max(latestGraded.get(a.row.groupKey) ?? -1, periodIndex(a.row.period)));
  }
  const fold = (g: string) => g.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const keyOfGroup = new Map<string, string>();
  for (const a of result.assessments) keyOfGroup.set(fold(a.row.group), a.row.groupKey);
  const keyOf = (g: string) => keyOfGroup.get(fold(g)) ?? fold(g);
  const latestAnnualYear = new Map<string, number>();
  for (const e of result.annual) if (e.band) latestAnnualYear.set(e.groupKey, Math.max(latestAnnualYear.get(e.groupKey) ?? 0, e.year));
  const lastYear = result.annual.reduce((y, e) => (e.average !== null ? Math.max(y, e.year) : y), 0);
  const isOpen = (w: Report['warnings'][number]): boolean => {
    switch (w.code) {
      case 'RECTIFY':
        return w.status !== 'resolved';
      case 'LEADER_REVIEW':
        return w.half !== null && latestGraded.get(keyOf(w.group)) === periodIndex({ year: w.year, half: w.half });
      case 'LEADER_REPLACE':
        return latestAnnualYear.get(keyOf(w.group)) === w.year;
      case 'TIE_FOR_TOP':
        return w.year === lastYear;
      default:
        return false;
    }
  };
  const warnings: WarningLine[] = actionOrder(report.warnings).map((w) => ({
    ...w,
    open: isOpen(w),
    section: warningSection(w),
    periodText: w.half ? periodLabel(lang, { year: w.year, half: w.half }) : tr(PANE.yearLabel, { year: w.year }),
    overdueDays: w.status === 'overdue' && w.deadline ? asOfDay - dayNumber(w.deadline) : null,
    focusNames: w.focusItems.map(itemName),
    place: placeOf(w.source),
  }));

  // ── Open rectifications, most urgent first ──
  const totalOf = new Map<string, number | null>();
  for (const a of result.assessments) if (a.row.period) totalOf.set(`${a.row.groupKey}\u0000${periodIndex(a.row.period)}`, a.total);
  const openRectifications: OpenRectification[] = warnings
    .filter((w) => w.code === 'RECTIFY' && w.status && w.status !== 'resolved')
    .map((w) => {
      const total = w.half ? totalOf.get(`${keyOf(w.group)}\u0000${periodIndex({ year: w.year, half: w.half })}`) : null;
      return {
        status: w.status as OpenRectification['status'],
        overdueDays: w.overdueDays,
        daysLeft: w.status === 'open' && w.deadline ? dayNumber(w.deadline) - asOfDay : null,
        group: w.group,
        leader: w.leader,
        liaison: w.liaison,
        period: w.periodText,
        band: w.band,
        total: total == null ? null : total / 100,
        deadline: w.deadline ? dateLabel(lang, w.deadline) : null,
        veto: w.veto,
        focus: w.focusNames,
        place: w.place,
      };
    })
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || (b.overdueDays ?? 0) - (a.overdueDays ?? 0));

  // ── Annual lines, with the sheet's reasons ──
  const minBand = tr(BAND[r.awardMinBand]);
  const awardMin = r.awardMinBand === 'excellent' ? r.excellentMin : r.qualifiedMin;
  const tiedRank = tiedRanks(result.annual);
  const vetoText = new Map<string, string>();
  for (const a of result.assessments) {
    if (a.row.period && a.row.veto !== null && a.status === 'graded') vetoText.set(`${a.row.groupKey}\u0000${a.row.period.year}`, a.row.veto);
  }
  const annualLine = (e: AssessmentResult['annual'][number]): AnnualLine => {
    // The 年度排名 sheet's 说明 (render-common.ts), the veto's own reason named where there is one.
    const vetoNote = tr(RANKING.vetoed);
    const why = e.vetoed ? vetoText.get(`${e.groupKey}\u0000${e.year}`) : undefined;
    const notes = annualNotes(e, awardMin, minBand, tiedRank(e), tr).map((n) => (n === vetoNote && why ? tr(PANE.vetoedBecause, { veto: why }) : n));
    return {
      year: e.year,
      group: e.group,
      leader: e.leader,
      rank: e.rank,
      h1: e.h1 === null ? null : e.h1 / 100,
      h2: e.h2 === null ? null : e.h2 / 100,
      average: e.average === null ? null : e.average / 1000,
      band: e.band,
      titles: titleOrder(e.titles).map((ti: Title) =>
        ti === 'advanced' && e.tie ? tr(RANKING.titleTied, { title: tr(TITLE[ti]) }) : tr(TITLE[ti]),
      ),
      tie: e.tie,
      vetoed: e.vetoed,
      notes,
    };
  };
  const years = [...new Set(result.annual.map((a) => a.year))].sort((a, b) => b - a);
  const ordered = rankingOrder(result.annual);
  const ranking = years.map((year) => {
    const lines = ordered.filter((e) => e.year === year).map(annualLine);
    return { year, lines, hasTitle: ordered.some((e) => e.year === year && e.titles.includes('advanced')) };
  });

  // ── Every group's history ──
  const histories: Record<string, GroupHistory> = {};
  for (const key of order) {
    const list = byGroup.get(key)!;
    const last = list[list.length - 1];
    histories[key] = {
      key,
      group: last.row.group,
      leader: last.row.leader,
      liaison: last.row.liaison,
      halves: list.map((a) => halfLine(a, list)).reverse(),
      annual: ordered.filter((e) => e.groupKey === key).map(annualLine),
      warnings: warnings.filter((w) => keyOf(w.group) === key),
    };
  }

  // ── The chart: every graded total ──
  const graded = result.assessments.filter((a) => a.status === 'graded' && a.row.period && a.total !== null);
  const periodKeys = [...new Set(graded.map((a) => periodIndex(a.row.period!)))].sort((a, b) => a - b);
  const series = new Map<string, { group: string; totals: (number | null)[] }>();
  for (const a of graded) {
    let s = series.get(a.row.groupKey);
    if (!s) {
      s = { group: a.row.group, totals: periodKeys.map(() => null) };
      series.set(a.row.groupKey, s);
    }
    s.totals[periodKeys.indexOf(periodIndex(a.row.period!))] = (a.total as number) / 100;
  }
  const chart: ChartData = {
    periods: periodKeys.map((k) => {
      const p: Period = { year: Math.floor(k / 2), half: ((k % 2) + 1) as 1 | 2 };
      return { short: shortPeriod(lang, p), full: periodLabel(lang, p) };
    }),
    series: [...series.values()],
    thresholds: { excellent: r.excellentMin / 100, qualified: r.qualifiedMin / 100, basic: r.basicMin / 100 },
  };

  return {
    lang,
    asOf: result.asOf,
    rules: report.rules,
    rawRules: result.rules,
    openRectifications,
    openLeaderWarnings: warnings.filter((w) => w.open && (w.code === 'LEADER_REVIEW' || w.code === 'LEADER_REPLACE')).length,
    latest,
    histories,
    chart,
    warnings,
    openWarnings: warnings.filter((w) => w.open).length,
    issues: report.issues,
    ranking,
    years,
    rows: result.assessments.length,
    graded: result.assessments.filter((a) => a.status === 'graded').length,
    pending: result.assessments.filter((a) => a.status === 'pending').length,
    summaryText: report.summaryText,
  };
}
export { describeComparison } from './compare';
export type { ComparisonText } from './compare';
