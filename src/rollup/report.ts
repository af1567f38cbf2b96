/**
 * The roll-up's machine-readable report (`assess rollup --json`) and its zod schema. The same conventions
 * as the branch report (src/app/report.ts): field names in English, points (not hundredths), band codes
 * excellent | qualified | basic | unqualified, dates YYYY-MM-DD, messages in `language`. No run time: the
 * same files with the same `asOf` give byte-identical JSON.
 */
import '../domain/zod-jitless';
import { z } from 'zod';
import { BAND_CODES } from '../domain/bands';
import type { Lang } from '../domain/types';
import { LANGS, ROW_STATUSES } from '../domain/types';
import { NOMINEES } from '../i18n/rollup';
import { t } from '../i18n';
import type { Rollup } from './combine';
import { FILE_STATUSES, NO_NOMINEE_REASONS, closedOnTime } from './combine';
import { BRANCH_NAME_SOURCES, RUN_STATES } from './summary';
import { bandCounts, keptPeriod, submissionNotes } from './render';

const Band = z.enum(BAND_CODES);
const PeriodSchema = z.object({ year: z.number().int(), half: z.union([z.literal(1), z.literal(2)]) });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Each file read, and what became of it. */
export const RollupFileSchema = z.object({
  /** The file as named in 报送情况 (its path under the folder given, or as given). */
  file: z.string(),
  /** included: in the summary; unreadable: could not be read or assessed (see `reason`); duplicate: another file of the same branch is used (`duplicateOf`); skipped: a roll-up summary itself. */
  status: z.enum(FILE_STATUSES),
  branch: z.string().nullable(),
  /** Where the branch's name came from: the 单位名称 rule, the score sheets' title row, the file name. */
  branchFrom: z.enum(BRANCH_NAME_SOURCES).nullable(),
  /** The latest period with a record in the file. */
  latest: PeriodSchema.nullable(),
  /** The file's own run record: never assessed, assessed and unchanged since, or scores changed after its last run. */
  runState: z.enum(RUN_STATES).nullable(),
  records: z.number().int().nullable(),
  issues: z.number().int().nullable(),
  duplicateOf: z.string().nullable(),
  /** For an unreadable file: why, in one line. */
  reason: z.string().nullable(),
  /** The 说明 column of 报送情况, in one line (null when there is nothing to say). */
  notes: z.string().nullable(),
});

export const RollupGroupSchema = z.object({
  group: z.string(),
  leader: z.string(),
  liaison: z.string(),
  total: z.number().nullable(),
  band: Band.nullable(),
  status: z.enum(ROW_STATUSES),
  veto: z.string().nullable(),
  /** Data issues on the record's row. */
  issues: z.number().int(),
  /** The rectification deadline of a graded 基本合格 or 不合格. */
  deadline: IsoDate.nullable(),
  notes: z.string(),
});

/** A branch summarized: its records of `period` (empty when it has not reported that period) and its grade counts. */
export const RollupBranchSchema = z.object({
  branch: z.string(),
  file: z.string(),
  latest: PeriodSchema.nullable(),
  /** True when the branch has records for the roll-up's `period`. */
  reported: z.boolean(),
  counts: z.object({
    excellent: z.number().int(),
    qualified: z.number().int(),
    basic: z.number().int(),
    unqualified: z.number().int(),
    /** Records without a grade (pending, not graded, duplicate). */
    none: z.number().int(),
  }),
  groups: z.array(RollupGroupSchema),
});

/**
 * A branch's recommendation for `year` (拟推荐为年度先进党小组（示范党小组推荐对象）), branch by branch in
 * the files' order: never ranked across branches, whose scales differ.
 */
export const RollupNomineeSchema = z.object({
  branch: z.string(),
  group: z.string(),
  leader: z.string(),
  liaison: z.string(),
  h1: z.number(),
  h2: z.number(),
  average: z.number(),
  band: Band.nullable(),
  /** Tied for first within its own branch (并列): the branch committee decides. */
  tieInBranch: z.boolean(),
  /** The recommendation as the sheet words it, in `language`. */
  recommendation: z.string(),
});

export const RollupNoNomineeSchema = z.object({
  branch: z.string(),
  /** no_result: no records in `year`; incomplete: no complete annual result; none_eligible: no group eligible for awards. */
  reason: z.enum(NO_NOMINEE_REASONS),
});

/**
 * A rectification to follow up, branch by branch, each group's in period order: open, overdue, closed (the
 * branch wrote a 销号日期 and no later assessment has tested it yet) and the not-effective ones that led to
 * a group's open, overdue or closed one. Resolved ones are not listed.
 */
export const RollupRectificationSchema = z.object({
  branch: z.string(),
  group: z.string(),
  leader: z.string(),
  liaison: z.string(),
  year: z.number().int(),
  half: z.union([z.literal(1), z.literal(2)]),
  band: Band.nullable(),
  deadline: IsoDate,
  status: z.enum(['overdue', 'open', 'closed', 'not_effective']),
  /** The 销号日期 from the branch's ledger; null when none. */
  closedOn: IsoDate.nullable(),
  /** Closed by the deadline (按期销号) or after it (逾期销号); null without a 销号日期. */
  closedOnTime: z.boolean().nullable(),
  /** The 督办意见 the Party committee typed into an earlier summary (as text); null when none. */
  opinion: z.string().nullable(),
  /** Item codes, up to 3. */
  focusItems: z.array(z.string()),
  veto: z.string().nullable(),
  /** What the branch wrote in its rectification ledger (整改台账); null when nothing. */
  ledger: z
    .object({ measures: z.string().nullable(), responsible: z.string().nullable(), progress: z.string().nullable(), closedOn: z.string().nullable() })
    .nullable(),
});

export const RollupReportSchema = z.object({
  /** The date rectification statuses were judged on, for every file alike. */
  asOf: IsoDate,
  language: z.enum(LANGS),
  /** The Party committee's name in the titles; null when not given. */
  unit: z.string().nullable(),
  /** The half-year of 各党支部考评汇总: the latest period any branch has records for. */
  period: PeriodSchema.nullable(),
  /** The year of 年度示范党小组推荐: the latest year with a complete annual result in any branch. */
  year: z.number().int().nullable(),
  files: z.array(RollupFileSchema),
  branches: z.array(RollupBranchSchema),
  nominees: z.array(RollupNomineeSchema),
  withoutNominee: z.array(RollupNoNomineeSchema),
  rectifications: z.array(RollupRectificationSchema),
  /** 督办意见 of an earlier summary whose rectifications are no longer listed (kept at the bottom of 整改督办). */
  keptOpinions: z.array(z.object({ branch: z.string(), group: z.string(), period: z.string(), opinion: z.string() })),
});

export type RollupReport = z.infer<typeof RollupReportSchema>;

const opinionText = (v: string | number | null): string | null => (v === null ? null : String(v));

const pts = (h: number | null): number | null => (h === null ? null : h / 100);

/** The report of a roll-up. Deterministic: the same roll-up and language give the same report. */
export function toRollupReport(r: Rollup, lang: Lang): RollupReport {
  const key = r.period ? r.period.year * 2 + r.period.half : -1;
  return {
    asOf: r.asOf,
    language: lang,
    unit: r.unit || null,
    period: r.period,
    year: r.year,
    files: r.files.map((f) => {
      const s = f.summary;
      const b = s.kind === 'branch' ? s : null;
      return {
        file: s.file,
        status: f.status,
        branch: b?.branch ?? null,
        branchFrom: b?.branchFrom ?? null,
        latest: b?.latest ?? null,
        runState: b?.runState ?? null,
        records: b?.records ?? null,
        issues: b?.issues ?? null,
        duplicateOf: f.duplicateOf,
        reason: s.kind === 'failed' ? t(lang, s.reason) : null,
        notes: submissionNotes(lang, f, r),
      };
    }),
    branches: r.branches.map((b) => {
      const reported = !!b.latest && b.latest.year * 2 + b.latest.half === key && b.groups.length > 0;
      const groups = reported ? b.groups : [];
      return {
        branch: b.branch,
        file: b.file,
        latest: b.latest,
        reported,
        counts: bandCounts(groups),
        groups: groups.map((g) => ({
          group: g.group,
          leader: g.leader,
          liaison: g.liaison,
          total: pts(g.total),
          band: g.band,
          status: g.status,
          veto: g.veto,
          issues: g.issues,
          deadline: g.deadline,
          notes: g.notes,
        })),
      };
    }),
    nominees: r.nominees.map((n) => ({
      branch: n.branch.branch,
      group: n.entry.group,
      leader: n.entry.leader,
      liaison: n.entry.liaison,
      h1: pts(n.entry.h1)!,
      h2: pts(n.entry.h2)!,
      average: n.entry.average! / 1000,
      band: n.entry.band,
      tieInBranch: n.entry.tie,
      recommendation: t(lang, n.entry.tie ? NOMINEES.recommendTie : NOMINEES.recommend),
    })),
    withoutNominee: r.withoutNominee.map((w) => ({ branch: w.branch.branch, reason: w.reason })),
    rectifications: r.rectifications.map(({ branch, line, opinion }) => ({
      branch: branch.branch,
      group: line.group,
      leader: line.leader,
      liaison: line.liaison,
      year: line.year,
      half: line.half,
      band: line.band,
      deadline: line.deadline,
      status: line.status,
      closedOn: line.closedOn,
      closedOnTime: closedOnTime(line),
      opinion: opinionText(opinion),
      focusItems: line.focus.map((f) => f.code),
      veto: line.veto,
      ledger: line.ledger,
    })),
    keptOpinions: r.keptOpinions.map((k) => ({ branch: k.branch, group: k.group, period: keptPeriod(lang, k) ?? '', opinion: opinionText(k.opinion)! })),
  };
}
