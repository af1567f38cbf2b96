/**
 * The kinds of warning (SPEC §2.5) and the states of a rectification, each in ONE table. Every place that
 * treats warnings by kind derives from these tables: the report's order and the reading order
 * (src/domain/order.ts), the JSON schema (src/app/report.ts), the run digest (src/workbook/digest.ts), the
 * pane (src/ui/view). Words live in the catalogue (src/i18n/domain.ts: WARNING_NAME, WARNING_TEXT,
 * WARNING_STATUS), also keyed by code. Adding a kind to WARNING_CODES fails to compile until every one of
 * those tables has it (docs/architecture.md: "Add a warning kind").
 */
import type { BandCode } from './bands';

/**
 * The warning codes. APPEND ONLY: the run digest on the meta sheet stores a warning by its index here
 * (src/workbook/digest.ts), so reordering would misread the digests of earlier runs.
 */
export const WARNING_CODES = ['RECTIFY', 'LEADER_REVIEW', 'LEADER_REPLACE', 'INCOMPLETE_YEAR', 'TIE_FOR_TOP'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** Severities, most serious first (the pane's filters, badges). */
export const SEVERITIES = ['serious', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The states of a rectification still to be done (未完成整改), most urgent first. Only these two (SPEC §2.5):
 * 整改未见效 is decided (that later half raises its own RECTIFY) and 已销号 awaits the next assessment.
 */
export const UNFINISHED_STATUSES = ['overdue', 'open'] as const;

/**
 * A RECTIFY's state as of the run date (SPEC §2.5), most urgent first: the order of the warnings sheet's
 * and the pane's sections, and of rectifications in the roll-up.
 */
export const RECTIFY_STATUSES = [...UNFINISHED_STATUSES, 'closed', 'not_effective', 'resolved'] as const;
export type RectifyStatus = (typeof RECTIFY_STATUSES)[number];
export type UnfinishedStatus = (typeof UNFINISHED_STATUSES)[number];

const UNFINISHED: ReadonlySet<RectifyStatus> = new Set(UNFINISHED_STATUSES);

/** Is a rectification in this state still to be done? */
export function isUnfinished(status: RectifyStatus): status is UnfinishedStatus {
  return UNFINISHED.has(status);
}

/**
 * When a warning is something to act on now (the pane's open count, 预警 n/m):
 * - `unfinished`: while its rectification is unfinished (UNFINISHED_STATUSES);
 * - `latestHalf`: raised at the group's latest graded half-year;
 * - `latestAnnual`: raised for the group's latest year with an annual band;
 * - `latestYear`: raised for the latest year with a complete annual result;
 * - `never`: a notice only.
 */
export type OpenWhile = 'unfinished' | 'latestHalf' | 'latestAnnual' | 'latestYear' | 'never';

/** How a kind of warning is treated everywhere. */
export interface WarningKind {
  /** `half`: raised for a half-year (its `half` is set); `year`: for a year (`half` null). */
  scope: 'half' | 'year';
  /** Its severity; `byBand`: 一般 (warning) at 基本合格, 严重 (serious) at 不合格. */
  severity: Severity | 'byBand';
  /**
   * Its section on the warnings sheet and in the pane: a rectification by its status (RECTIFY_STATUSES),
   * the leader warnings, the notices.
   */
  section: 'rectification' | 'leader' | 'notice';
  /** Its place among the warnings of one group and period, in the report's order (0 first). */
  order: number;
  /** When it is something to act on now. */
  openWhile: OpenWhile;
  /** Named in 与上次相比 when it appears or ends (年度考评不全 only says a year is in progress: never news). */
  news: boolean;
}

export const WARNING_KIND: { readonly [C in WarningCode]: WarningKind } = {
  RECTIFY: { scope: 'half', severity: 'byBand', section: 'rectification', order: 0, openWhile: 'unfinished', news: true },
  LEADER_REVIEW: { scope: 'half', severity: 'serious', section: 'leader', order: 1, openWhile: 'latestHalf', news: true },
  LEADER_REPLACE: { scope: 'year', severity: 'serious', section: 'leader', order: 2, openWhile: 'latestAnnual', news: true },
  TIE_FOR_TOP: { scope: 'year', severity: 'info', section: 'notice', order: 3, openWhile: 'latestYear', news: true },
  INCOMPLETE_YEAR: { scope: 'year', severity: 'info', section: 'notice', order: 4, openWhile: 'never', news: false },
};

/**
 * The sections of the warnings sheet and the pane, in order: what needs doing first (逾期未整改, 待整改),
 * then the leader warnings, then notices (ties, incomplete years), then rectifications closed and waiting
 * for the next assessment (已销号), then history (整改未见效 — carried into the next half's rectification —
 * and 已整改).
 */
export const WARNING_SECTIONS = ['overdue', 'open', 'leader', 'notice', 'closed', 'not_effective', 'resolved'] as const;
export type WarningSection = (typeof WARNING_SECTIONS)[number];

/** A warning's section: a rectification by its status (open when it has none), others by their kind. */
export function warningSection(w: { code: WarningCode; status: RectifyStatus | null }): WarningSection {
  const kind = WARNING_KIND[w.code];
  return kind.section === 'rectification' ? (w.status ?? 'open') : kind.section;
}

/** Is this warning's rectification unfinished (逾期未整改, 整改未见效, 待整改)? False for other kinds. */
export function isUnfinishedRectification(w: { code: WarningCode; status: RectifyStatus | null }): boolean {
  return WARNING_KIND[w.code].section === 'rectification' && w.status !== null && isUnfinished(w.status);
}

/** A warning's severity: its kind's, or for a rectification 严重 at 不合格 and 一般 otherwise. */
export function severityOf(code: WarningCode, band: BandCode | null): Severity {
  const s = WARNING_KIND[code].severity;
  return s === 'byBand' ? (band === 'unqualified' ? 'serious' : 'warning') : s;
}

/**
 * 按期销号 or 逾期销号 (SPEC §2.5): a rectification with a 销号日期 on or before its deadline was closed on time;
 * null without a 销号日期 (or a deadline).
 */
export function closedTimely(w: { deadline: string | null; closedOn?: string | null }): 'onTime' | 'late' | null {
  if (!w.closedOn || !w.deadline) return null;
  return w.closedOn <= w.deadline ? 'onTime' : 'late';
}
