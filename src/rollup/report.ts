/**
 * The roll-up's machine-readable report (`assess rollup --json`) and its zod schema. The same conventions
 * as the branch report (src/app/report.ts): field names in English, points (not hundredths), band codes
 * excellent | qualified | basic | unqualified, dates YYYY-MM-DD, messages in `language`. No run time: the
 * same files with the same `asOf` give byte-identical JSON.
 */
import { z } from 'zod';
import { BAND_CODES } from '../domain/bands';
import type { Lang } from '../domain/types';
import { LANGS, ROW_STATUSES } from '../domain/types';
import { UNFINISHED_STATUSES } from '../domain/warnings';
import { t } from '../i18n';
import type { Rollup } from './combine';
import { FILE_STATUSES, NO_NOMINEE_REASONS } from './combine';
import { BRANCH_NAME_SOURCES, RUN_STATES } from './summary';
import { bandCounts, submissionNotes } from './render';

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

/** A branch's 年度先进党小组 (示范党小组推荐对象) of `year`, ranked company-wide by annual average (1, 1, 3). */
export const RollupNomineeSchema = z.object({
  rank: z.number().int().positive(),
  /** Another nominee has the same annual average. */
  tiedRank: z.boolean(),
  branch: z.string(),
  group: z.string(),
  leader: z.string(),
  liaison: z.string(),
  h1: z.number(),
  h2: z.number(),
  average: z.number(),
  band: Band.nullable(),
  /** Tied for first within its own branch (年度第一并列): the branch committee decides. */
  tieInBranch: z.boolean(),
});

export const RollupNoNomineeSchema = z.object({
  branch: z.string(),
  /** no_result: no records in `year`; incomplete: no complete annual result; none_eligible: no group eligible for awards. */
  reason: z.enum(NO_NOMINEE_REASONS),
});

/** A rectification still to do, across branches, oldest deadline first. */
export const RollupRectificationSchema = z.object({
  branch: z.string(),
  group: z.string(),
  leader: z.string(),
  liaison: z.string(),
  year: z.number().int(),
  half: z.union([z.literal(1), z.literal(2)]),
  band: Band.nullable(),
  deadline: IsoDate,
  status: z.enum([...UNFINISHED_STATUSES, 'closed']),
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
  /** The half-year of 各党支部考评汇总: the latest period any branch has records for. */
  period: PeriodSchema.nullable(),
  /** The year of 年度示范党小组推荐: the latest year with a complete annual result in any branch. */
  year: z.number().int().nullable(),
  files: z.array(RollupFileSchema),
  branches: z.array(RollupBranchSchema),
  nominees: z.array(RollupNomineeSchema),
  withoutNominee: z.array(RollupNoNomineeSchema),
  rectifications: z.array(RollupRectificationSchema),
});

export type RollupReport = z.infer<typeof RollupReportSchema>;

const pts = (h: number | null): number | null => (h === null ? null : h / 100);

/** The report of a roll-up. Deterministic: the same roll-up and language give the same report. */
export function toRollupReport(r: Rollup, lang: Lang): RollupReport {
  const key = r.period ? r.period.year * 2 + r.period.half : -1;
  return {
    asOf: r.asOf,
    language: lang,
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
      rank: n.rank,
      tiedRank: n.tiedRank,
      branch: n.branch.branch,
      group: n.entry.group,
      leader: n.entry.leader,
      liaison: n.entry.liaison,
      h1: pts(n.entry.h1)!,
      h2: pts(n.entry.h2)!,
      average: n.entry.average! / 1000,
      band: n.entry.band,
      tieInBranch: n.entry.tie,
    })),
    withoutNominee: r.withoutNominee.map((w) => ({ branch: w.branch.branch, reason: w.reason })),
    rectifications: r.rectifications.map(({ branch, line }) => ({
      branch: branch.branch,
      group: line.group,
      leader: line.leader,
      liaison: line.liaison,
      year: line.year,
      half: line.half,
      band: line.band,
      deadline: line.deadline,
      status: line.status,
      focusItems: line.focus.map((f) => f.code),
      veto: line.veto,
      ledger: line.ledger,
    })),
  };
}
