/** What the pane's panels show: plain data in the pane's language, built by the view functions of this folder. */
import type { Report } from '../../app/report';
import type { BandCode, Lang, RowStatus, Rules } from '../../domain/types';
import type { PrintPeriod } from '../../workbook/print';
import type { UnfinishedStatus, WarningSection } from '../../domain/warnings';

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
  status: UnfinishedStatus;
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
  /** `Sheet!A1`, to select it. */
  cell: string;
  /** The cell as people read it: “2024年上半年表H10单元格”. */
  cellText: string;
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
  /** The report paragraph's first sentence (who was assessed, how many per grade): the top of 概览. */
  summaryLead: string;
}

/**
 * What the pane keeps of a run's result besides its view: the rules in force, the counts its notice
 * speaks of, and the periods the official tables can be made for. Small whatever the workbook's size: the
 * workbook page's worker sends this, never the result itself (a 20,000-row result is ~12 MB to move).
 */
export interface ResultSummary {
  rules: Rules;
  /** Records assessed, graded, waiting for scores (待评). */
  rows: number;
  graded: number;
  pending: number;
  warnings: number;
  issues: number;
  /** Each half-year and each year with a record, latest first (2025 下半年, 2025 上半年, 2025, 2024 下半年…). */
  printPeriods: PrintPeriod[];
}
