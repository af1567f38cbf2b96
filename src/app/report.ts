/**
 * The machine-readable report (`assess --json`, SPEC §5) and its zod schema.
 *
 * Conventions (documented for users of the JSON):
 * - Points, not hundredths: totals and item scores are numbers of points (95.25), exact as written;
 *   annual averages are points with at most 3 decimals (95.125).
 * - Band codes: excellent | qualified | basic | unqualified. Warning codes as in SPEC §2.5.
 * - Cell addresses are `Sheet!A5` with the sheet name unquoted.
 * - An assessment whose period could not be read (data issue PERIOD_UNKNOWN) has `year` and `half`
 *   null; every other assessment has both.
 * - `asOf` is the date the rectification statuses were judged on (`--as-of`, default today in local
 *   time). The report carries no time of the run: the same workbook with the same `asOf` always gives
 *   byte-identical JSON (the time of the run is recorded inside the assessed workbook instead).
 * - `language` is the language the messages (warnings[].message, issues[].message) are written in.
 * - `summaryText` is the report paragraph for the Party committee (汇报文字, src/app/summary-text.ts) in
 *   `language`: the same text the task pane's 复制汇报文字 copies.
 */
import '../domain/zod-jitless';
import { z } from 'zod';
import { aspects } from '../domain/rubric';
import { BAND_CODES } from '../domain/bands';
import { RulesShape } from '../domain/rules';
import type { AssessmentResult, Lang } from '../domain/types';
import { LANGS, ROW_STATUSES, TITLES } from '../domain/types';
import { RECTIFY_STATUSES, SEVERITIES, WARNING_CODES } from '../domain/warnings';
import { warningMessage } from '../i18n/domain';
import { issueMessage } from '../i18n/issues';
import { rubricItemName } from '../i18n/rubric';
import { cellAddress } from '../domain/cell-ref';
import { EMPTY_LEDGER, LEDGER_FIELDS, ledgerText } from '../workbook/ledger';
import type { Ledger, LedgerCells, LedgerField } from '../workbook/ledger';
import { summaryText } from './summary-text';

const Band = z.enum(BAND_CODES);
const HalfSchema = z.union([z.literal(1), z.literal(2)]);
const LangSchema = z.enum(LANGS);

export const RubricItemReportSchema = z.object({
  code: z.string(),
  aspect: z.string(),
  name: z.string(),
  /** Maximum points. */
  max: z.number().positive(),
});

export const RubricReportSchema = z.object({
  items: z.array(RubricItemReportSchema),
  /** `default` (built-in rubric) or `sheet` (the workbook's 考评细则 sheet, named in `sheet`). */
  source: z.enum(['default', 'sheet']),
  sheet: z.string().nullable(),
});

/** The rules in force: the rules' own schema (src/domain/rules.ts) with the thresholds in points. */
export const RulesReportSchema = RulesShape.extend({
  /** Thresholds in points. */
  excellentMin: z.number(),
  qualifiedMin: z.number(),
  basicMin: z.number(),
});

export const AssessmentReportSchema = z.object({
  /** Null only when the row's period is unknown (then status is not_graded). */
  year: z.number().int().nullable(),
  half: HalfSchema.nullable(),
  group: z.string(),
  leader: z.string(),
  liaison: z.string(),
  /** Item sum in points; null when it cannot be computed (pending or bad cells). */
  total: z.number().nullable(),
  band: Band.nullable(),
  status: z.enum(ROW_STATUSES),
  /** The row's cell (its group name), `Sheet!A5`. */
  source: z.string(),
  /** Item scores in points in rubric order; null where blank or bad. */
  scores: z.array(z.number().nullable()),
  /** Subtotal per aspect in rubric order; null when the row has no total. */
  aspectTotals: z.array(z.object({ aspect: z.string(), total: z.number().nullable() })).nullable(),
  /** Veto reason (一票否决), or null. */
  veto: z.string().nullable(),
  /** False when the 评先资格 column says the group is not eligible. */
  eligible: z.boolean(),
  notes: z.string(),
});

export const AnnualReportSchema = z.object({
  year: z.number().int(),
  group: z.string(),
  leader: z.string(),
  liaison: z.string(),
  h1: z.number().nullable(),
  h2: z.number().nullable(),
  /** (h1 + h2) / 2, exact; null when the year is incomplete. */
  average: z.number().nullable(),
  band: Band.nullable(),
  /** Null when unranked: a vetoed year (一票否决，不参加排名和评先) or an incomplete one. */
  rank: z.number().int().positive().nullable(),
  titles: z.array(z.enum(TITLES)),
  tie: z.boolean(),
  vetoed: z.boolean(),
  eligible: z.boolean(),
  /** The leader changed within the year (年度内党小组长有调整（甲→乙）): H1's and H2's leader; else null. */
  leaderChange: z.object({ from: z.string(), to: z.string() }).nullable(),
  source: z.string(),
});

/** The four ledger columns as written: text; 销号日期 as YYYY-MM-DD when it is a date. */
export const LedgerReportSchema = z.object({
  measures: z.string().nullable(),
  responsible: z.string().nullable(),
  progress: z.string().nullable(),
  closedOn: z.string().nullable(),
} satisfies Record<LedgerField, z.ZodType>);

/** A ledger row whose warning no longer arises (已不再触发), kept for what was written. */
export const KeptLedgerReportSchema = LedgerReportSchema.extend({
  code: z.enum(WARNING_CODES).nullable(),
  year: z.number().int().nullable(),
  half: HalfSchema.nullable(),
  group: z.string(),
});

export const WarningReportSchema = z.object({
  code: z.enum(WARNING_CODES),
  severity: z.enum(SEVERITIES),
  year: z.number().int(),
  /** Null for yearly warnings (LEADER_REPLACE, INCOMPLETE_YEAR, TIE_FOR_TOP). */
  half: HalfSchema.nullable(),
  group: z.string(),
  leader: z.string(),
  liaison: z.string(),
  /** YYYY-MM-DD, RECTIFY only. */
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /**
   * RECTIFY only, as of `asOf`: open (待整改), overdue (逾期未整改), closed (已销号，待下次考评检验),
   * not_effective (整改未见效), resolved (已整改). Decided for good by the group's next graded assessment.
   */
  status: z.enum(RECTIFY_STATUSES).nullable(),
  /** RECTIFY only: the 销号日期 written in the rectification ledger (YYYY-MM-DD), or null. */
  closedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** For a resolved RECTIFY: the period whose assessment resolved it. */
  resolvedBy: z.object({ year: z.number().int(), half: HalfSchema }).nullable(),
  /** A RECTIFY decided by the group's next graded assessment (resolved / not_effective): that assessment's band. */
  decidedBand: Band.nullable(),
  /** TIE_FOR_TOP: false when an ineligible group's average is higher (the tie is among the eligible only). */
  topOverall: z.boolean().nullable(),
  /** LEADER_REVIEW: the halves of the run; LEADER_REPLACE: the years of the run (half null); else empty. */
  run: z.array(z.object({ year: z.number().int(), half: HalfSchema.nullable() })),
  /** Item codes, up to 3. */
  focusItems: z.array(z.string()),
  band: Band.nullable(),
  /** RECTIFY of a vetoed half: the veto's reason; otherwise null. */
  veto: z.string().nullable(),
  message: z.string(),
  source: z.string(),
  /** What the Party branch wrote in the rectification ledger for this warning (整改台账), null when nothing. */
  ledger: LedgerReportSchema.nullable(),
});

export const IssueReportSchema = z.object({
  /** `Sheet!A5` */
  cell: z.string(),
  /** The cell's value as text ("" when empty). */
  value: z.string(),
  message: z.string(),
  code: z.string(),
});

export const ReportSchema = z.object({
  /** The date the RECTIFY statuses were judged on (YYYY-MM-DD). */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  language: LangSchema,
  rubric: RubricReportSchema,
  rules: RulesReportSchema,
  assessments: z.array(AssessmentReportSchema),
  annual: z.array(AnnualReportSchema),
  warnings: z.array(WarningReportSchema),
  /** Ledger rows kept because something was written in them, though their warning no longer arises. */
  ledgerKept: z.array(KeptLedgerReportSchema),
  issues: z.array(IssueReportSchema),
  /** The report paragraph for the Party committee (汇报文字) on the latest half-year, in `language`. */
  summaryText: z.string(),
});

export type Report = z.infer<typeof ReportSchema>;

/** Hundredths → points (exact for the values the engine produces: at most 2 decimals). */
const pts = (h: number): number => h / 100;
const ptsOrNull = (h: number | null | undefined): number | null => (h == null ? null : h / 100);

/** The report of a run. Deterministic: the same result and language give the same report. */
export function toReport(result: AssessmentResult, lang: Lang, ledger: Ledger = EMPTY_LEDGER): Report {
  const fields = (cells: LedgerCells) => {
    const out: Record<string, string | null> = {};
    for (const f of LEDGER_FIELDS) out[f] = ledgerText(f, cells[f]);
    return out as z.infer<typeof LedgerReportSchema>;
  };
  const { rubric, rules } = result;
  const asp = aspects(rubric);
  const itemName = (code: string) => rubricItemName(rubric, code, lang);

  const assessments = result.assessments.map((a) => ({
    year: a.row.period ? a.row.period.year : null,
    half: a.row.period ? a.row.period.half : null,
    group: a.row.group,
    leader: a.row.leader,
    liaison: a.row.liaison,
    total: ptsOrNull(a.total),
    band: a.band,
    status: a.status,
    source: cellAddress(a.row.source),
    scores: a.row.scores.map(ptsOrNull),
    aspectTotals: a.aspectTotals
      ? asp.map((x, i) => ({ aspect: x.aspect, total: ptsOrNull(a.aspectTotals?.[i]) }))
      : null,
    veto: a.row.veto,
    eligible: a.row.eligible,
    notes: a.row.notes,
  }));

  const annual = result.annual.map((e) => ({
    year: e.year,
    group: e.group,
    leader: e.leader,
    liaison: e.liaison,
    h1: ptsOrNull(e.h1),
    h2: ptsOrNull(e.h2),
    average: e.average == null ? null : e.average / 1000,
    band: e.band,
    rank: e.rank,
    titles: [...e.titles],
    tie: e.tie,
    vetoed: e.vetoed,
    eligible: e.eligible,
    leaderChange: e.leaderChange ? { ...e.leaderChange } : null,
    source: cellAddress(e.source),
  }));

  const warnings = result.warnings.map((w) => {
    let tiedWith: string[] | undefined;
    let average: number | null | undefined;
    if (w.code === 'TIE_FOR_TOP') {
      const top = result.annual.filter((e) => e.year === w.year && e.tie);
      tiedWith = top.filter((e) => e.group !== w.group).map((e) => e.group);
      average = top.find((e) => e.group === w.group)?.average ?? top[0]?.average ?? null;
    }
    return {
      code: w.code,
      severity: w.severity,
      year: w.year,
      half: w.half,
      group: w.group,
      leader: w.leader,
      liaison: w.liaison,
      deadline: w.deadline,
      status: w.status,
      closedOn: w.closedOn ?? null,
      decidedBand: w.decidedBand ?? null,
      topOverall: w.code === 'TIE_FOR_TOP' ? (w.topOverall ?? true) : null,
      resolvedBy: w.resolvedBy ? { year: w.resolvedBy.year, half: w.resolvedBy.half } : null,
      run: w.run ? w.run.map((p) => ({ year: p.year, half: p.half })) : (w.runYears ?? []).map((year) => ({ year, half: null })),
      veto: w.veto ?? null,
      focusItems: [...w.focusItems],
      band: w.band,
      message: warningMessage(lang, w, { itemName, tiedWith, average }),
      source: cellAddress(w.source),
      ledger: ledger.byWarning.has(w) ? fields(ledger.byWarning.get(w)!) : null,
    };
  });
  const ledgerKept = ledger.kept.map((k) => ({
    code: k.unplaced ? null : k.code,
    year: k.unplaced ? null : k.year,
    half: k.unplaced ? null : k.half,
    group: k.group,
    ...fields(k.cells),
  }));

  const issues = result.issues.map((i) => ({
    cell: cellAddress(i.cell),
    value: i.value,
    message: issueMessage(lang, i),
    code: i.code,
  }));

  return {
    asOf: result.asOf,
    language: lang,
    rubric: {
      items: rubric.items.map((i) => ({ code: i.code, aspect: i.aspect, name: i.name, max: pts(i.max) })),
      source: rubric.source,
      sheet: rubric.sheet ?? null,
    },
    rules: {
      excellentMin: pts(rules.excellentMin),
      qualifiedMin: pts(rules.qualifiedMin),
      basicMin: pts(rules.basicMin),
      rectifyMonths: rules.rectifyMonths,
      rectifyDays: rules.rectifyDays,
      awardMinBand: rules.awardMinBand,
      rankMode: rules.rankMode,
      leaderReviewBand: rules.leaderReviewBand,
      unitName: rules.unitName,
      basis: rules.basis,
      language: rules.language,
    },
    assessments,
    annual,
    warnings,
    ledgerKept,
    issues,
    summaryText: summaryText(result, lang),
  };
}
