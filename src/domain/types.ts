/**
 * Domain types shared by every module. Pure data: no Office types, no language strings.
 * Scores are integer hundredths ("cents"): 95 points is 9500, never 94.99999.
 */
import type { BandCode } from './bands';
import type { Rules } from './rules';
import type { RectifyStatus, Severity, WarningCode } from './warnings';

export type { BandCode, RectifyStatus, Rules, Severity, WarningCode };

export type Half = 1 | 2;

export interface Period {
  year: number;
  half: Half;
}

/** What became of an input row (SPEC §5 `assessments[].status`). */
export const ROW_STATUSES = ['graded', 'pending', 'not_graded', 'duplicate'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];
/** The year's titles, in the order they are listed. */
export const TITLES = ['advanced', 'leader_candidate'] as const;
export type Title = (typeof TITLES)[number];
export type RankMode = 'competition' | 'dense';
/** The two languages the product speaks, Chinese first. */
export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

export interface RubricItem {
  /** The item's code as the office writes it ("1" … "12"). */
  code: string;
  aspect: string;
  name: string;
  /** Maximum points in hundredths. */
  max: number;
  guide?: string;
}

export interface Rubric {
  items: RubricItem[];
  /** Where it came from: the built-in default, or a cell range of the 考评细则 sheet. */
  source: 'default' | 'sheet';
  sheet?: string;
}

/** A cell reference as `Sheet!A5` (sheet names quoted when they need it is a rendering matter; here raw). */
export interface CellRef {
  sheet: string;
  /** 0-based row and column in the sheet. */
  row: number;
  col: number;
}

/** Data-issue codes: every one has a message in both languages in src/i18n. */
export type IssueCode =
  | 'SCORE_NOT_NUMBER'
  | 'SCORE_ERROR_VALUE'
  | 'SCORE_OUT_OF_RANGE'
  | 'SCORE_TOO_PRECISE'
  | 'SCORE_MISSING'
  | 'PERIOD_UNKNOWN'
  | 'YEAR_OUT_OF_RANGE'
  | 'GROUP_MISSING'
  | 'TOTAL_MISMATCH'
  | 'TOTAL_NOT_NUMBER'
  | 'DUPLICATE_ROW'
  | 'ELIGIBLE_UNKNOWN'
  | 'SCORE_NO_RESULT'
  | 'VETO_UNREADABLE'
  | 'MERGED_CELL_UNREAD';

export interface DataIssue {
  code: IssueCode;
  cell: CellRef;
  /** The cell's value as text ("" when empty). */
  value: string;
  /** Message parameters (item name, max, expected total…), rendered by i18n. */
  params: Record<string, string | number>;
}

/** One non-empty input row after parsing. */
export interface ScoreRow {
  /** Position of the row: the cell of its group name (or first cell) — the link target. */
  source: CellRef;
  period: Period | null;
  group: string;
  /** Name after trimming, NFKC folding and collapsing spaces: the matching key. */
  groupKey: string;
  leader: string;
  liaison: string;
  notes: string;
  /** Item scores in hundredths, aligned with rubric.items; null when blank or bad. */
  scores: (number | null)[];
  /** Hand-entered total (hundredths) if the table has such a column and the cell is a number. */
  handTotal: number | null;
  /** The hand total's cell, when the table has a 合计/总分 column and the cell is not empty. */
  handTotalCell: CellRef | null;
  /** Veto reason text, or null when no veto. */
  veto: string | null;
  /** False when the 评先资格 column says 否/N/No/0/×. */
  eligible: boolean;
  /** True when at least one cell of the row produced a data issue that prevents grading. */
  bad: boolean;
  /** True when a group is named and all item scores are blank (待评分). */
  pending: boolean;
}

export interface Assessment {
  row: ScoreRow;
  status: RowStatus;
  /** Item sum in hundredths, null when not computable. */
  total: number | null;
  band: BandCode | null;
  /** Subtotal per aspect (hundredths), in rubric aspect order; null when not computable. */
  aspectTotals: (number | null)[] | null;
}

export interface AnnualEntry {
  year: number;
  group: string;
  groupKey: string;
  leader: string;
  liaison: string;
  /** Half totals in hundredths (null when that half is not graded). */
  h1: number | null;
  h2: number | null;
  /** Average in thousandths of a point ((h1+h2)/2 in hundredths has at most one extra half-hundredth). */
  average: number | null;
  band: BandCode | null;
  rank: number | null;
  titles: Title[];
  tie: boolean;
  vetoed: boolean;
  /** Eligible for the year's title: complete, both halves at the award band or better, no veto, not marked ineligible. */
  eligible: boolean;
  /** The 评先资格 column says 否/N/No/0/× on a row of that year. */
  markedIneligible: boolean;
  /** What each half has: graded, a record that could not be graded (未评定), or no record (无考评记录). */
  halves: { h1: HalfState; h2: HalfState };
  /** For a recommended group (titles has advanced): its average is also the year's highest of all (no ineligible group higher). */
  topOverall: boolean;
  /** The leader changed within the year (H1's leader → H2's, both named and different): 年度内党小组长有调整（甲→乙）. */
  leaderChange: { from: string; to: string } | null;
  /** Source of the latest row of the group in that year. */
  source: CellRef;
}

/** A half of an incomplete year: graded, a record that could not be graded (未评定), or no record (无考评记录). */
export type HalfState = 'graded' | 'ungraded' | 'none';

export interface Warning {
  code: WarningCode;
  severity: Severity;
  year: number;
  half: Half | null;
  group: string;
  leader: string;
  liaison: string;
  /** YYYY-MM-DD */
  deadline: string | null;
  /** RECTIFY only: its state as of the run date (`asOf`). */
  status: RectifyStatus | null;
  /** For a resolved RECTIFY: the period that resolved it. */
  resolvedBy: Period | null;
  /** For a RECTIFY not effective: the next graded period, still 基本合格 or below. */
  checkedBy?: Period | null;
  /** RECTIFY decided by the next graded assessment (resolved / not effective): that assessment's band. */
  decidedBand?: BandCode | null;
  /** RECTIFY: the 销号日期 written in the rectification ledger (YYYY-MM-DD), or null. */
  closedOn?: string | null;
  /**
   * LEADER_REVIEW: every half of the run of consecutive halves at or below the rule's band under one leader
   * (the warning is raised at the second and extended by the later ones).
   */
  run?: Period[];
  /** LEADER_REPLACE: every year of the run of consecutive low years under one leader (raised at the second). */
  runYears?: number[];
  /** INCOMPLETE_YEAR: what each half has. */
  halves?: { h1: HalfState; h2: HalfState };
  /** TIE_FOR_TOP: the tied groups' average is also the year's highest of all (no ineligible group is higher). */
  topOverall?: boolean;
  /** LEADER_REVIEW: the rule in force (two halves at or below this band). */
  reviewBand?: 'basic' | 'unqualified';
  focusItems: string[];
  /** The band that caused the warning, when one did. */
  band: BandCode | null;
  /** RECTIFY of a vetoed half: the veto's stated reason (the cause, whatever the total). */
  veto?: string | null;
  source: CellRef;
}

export interface AssessmentResult {
  rubric: Rubric;
  rules: Rules;
  /** The date the RECTIFY statuses were judged on (YYYY-MM-DD). */
  asOf: string;
  /** The unit (党支部) the results are of: the 单位名称 rule, else the score sheets' title row; '' when neither names one. */
  unit: string;
  assessments: Assessment[];
  annual: AnnualEntry[];
  warnings: Warning[];
  issues: DataIssue[];
}
