/**
 * The roll-up's second step: the files' summaries combined into the 党委's view. Pure: the same summaries
 * in the same order always give the same roll-up (no clock, no locale-dependent sorting).
 *
 * Decisions (the issue and SPEC are silent):
 * - Branches keep the order of the files (a folder's files sorted by path): the 党委 orders its branches
 *   by naming the files.
 * - The half-year of 各党支部考评汇总 is the latest period any branch has a record for; a branch whose
 *   latest period is older has not reported it and shows one line saying so.
 * - The year of 年度示范党小组推荐 is the latest year in which any branch has a complete annual result
 *   (both halves graded); without one, the latest year with any record.
 * - Two files naming the same branch (its name folded): the one with the later latest period is used,
 *   then the newer file (modification time), then the first in order; the others are listed in 报送情况
 *   as duplicates and left out of every sheet.
 * - Company-wide, nominees are ranked by annual average with standard competition ranking (1, 1, 3, as
 *   RANK.EQ and SPEC's default): the branches' own rank modes order groups within one branch only.
 */
import { periodIndex } from '../domain/periods';
import type { Period } from '../domain/types';
import type { AnnualLine, BranchSummary, FileSummary, FollowedUpStatus, RectificationLine } from './summary';

export const FILE_STATUSES = ['included', 'unreadable', 'duplicate', 'skipped'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/** One input file and what became of it. */
export interface FileEntry {
  summary: FileSummary;
  status: FileStatus;
  /** For a duplicate: the file used for its branch. */
  duplicateOf: string | null;
}

/** A branch's nominee for the year (its 年度先进党小组), ranked company-wide. */
export interface Nominee {
  branch: BranchSummary;
  entry: AnnualLine;
  rank: number;
  /** Another nominee shares this rank. */
  tiedRank: boolean;
}

/** Why a branch has no nominee for the year. */
export const NO_NOMINEE_REASONS = ['no_result', 'incomplete', 'none_eligible'] as const;
export type NoNomineeReason = (typeof NO_NOMINEE_REASONS)[number];

export interface Rectification {
  branch: BranchSummary;
  line: RectificationLine;
}

export interface Rollup {
  asOf: string;
  /** The half-year of 各党支部考评汇总 (null: no records anywhere). */
  period: Period | null;
  /** The year of 年度示范党小组推荐 (null: no annual entries anywhere). */
  year: number | null;
  files: FileEntry[];
  /** The branches summarized, in file order. */
  branches: BranchSummary[];
  nominees: Nominee[];
  withoutNominee: { branch: BranchSummary; reason: NoNomineeReason }[];
  /** Open, overdue and closed rectifications, oldest deadline first. */
  rectifications: Rectification[];
}

const STATUS_RANK: Record<FollowedUpStatus, number> = { overdue: 0, open: 1, closed: 2 };

/** Does branch `a` win over branch `b` for the same name? Later period, then newer file; otherwise the first stays. */
function supersedes(a: BranchSummary, b: BranchSummary): boolean {
  const pa = a.latest ? periodIndex(a.latest) : -1;
  const pb = b.latest ? periodIndex(b.latest) : -1;
  if (pa !== pb) return pa > pb;
  return (a.modified ?? -Infinity) > (b.modified ?? -Infinity);
}

/** The year of the nominees: the latest with a complete annual result anywhere, else the latest with any entry. */
function nomineeYear(branches: readonly BranchSummary[]): number | null {
  let complete: number | null = null;
  let any: number | null = null;
  for (const b of branches) {
    for (const e of b.annual) {
      if (any === null || e.year > any) any = e.year;
      if (e.average !== null && (complete === null || e.year > complete)) complete = e.year;
    }
  }
  return complete ?? any;
}

export function combineRollup(summaries: readonly FileSummary[], opts: { asOf: string }): Rollup {
  // Branches by name: the winner of each name, in the order of its first file.
  const winner = new Map<string, BranchSummary>();
  for (const s of summaries) {
    if (s.kind !== 'branch') continue;
    const held = winner.get(s.branchKey);
    if (!held || supersedes(s, held)) winner.set(s.branchKey, s);
  }
  const files: FileEntry[] = summaries.map((s) => {
    if (s.kind === 'failed') return { summary: s, status: 'unreadable', duplicateOf: null };
    if (s.kind === 'skipped') return { summary: s, status: 'skipped', duplicateOf: null };
    const w = winner.get(s.branchKey)!;
    return w === s ? { summary: s, status: 'included', duplicateOf: null } : { summary: s, status: 'duplicate', duplicateOf: w.file };
  });
  const branches = files.filter((f) => f.status === 'included').map((f) => f.summary as BranchSummary);

  let period: Period | null = null;
  for (const b of branches) if (b.latest && (!period || periodIndex(b.latest) > periodIndex(period))) period = b.latest;

  // 年度示范党小组推荐: each branch's titled groups of the year, ranked by annual average.
  const year = nomineeYear(branches);
  const candidates: { branch: BranchSummary; entry: AnnualLine; order: number }[] = [];
  const withoutNominee: Rollup['withoutNominee'] = [];
  if (year !== null) {
    for (const branch of branches) {
      const ofYear = branch.annual.filter((e) => e.year === year);
      const titled = ofYear.filter((e) => e.titles.includes('advanced') && e.average !== null);
      if (titled.length) for (const entry of titled) candidates.push({ branch, entry, order: candidates.length });
      else {
        const reason: NoNomineeReason = ofYear.length === 0 ? 'no_result' : ofYear.some((e) => e.average !== null) ? 'none_eligible' : 'incomplete';
        withoutNominee.push({ branch, reason });
      }
    }
  }
  candidates.sort((a, b) => b.entry.average! - a.entry.average! || a.order - b.order);
  const nominees: Nominee[] = [];
  candidates.forEach((c, i) => {
    const prev = nominees[i - 1];
    const rank = prev && prev.entry.average === c.entry.average ? prev.rank : i + 1;
    nominees.push({ branch: c.branch, entry: c.entry, rank, tiedRank: false });
  });
  const perRank = new Map<number, number>();
  for (const n of nominees) perRank.set(n.rank, (perRank.get(n.rank) ?? 0) + 1);
  for (const n of nominees) n.tiedRank = (perRank.get(n.rank) ?? 0) > 1;

  // 整改督办: oldest deadline first, then overdue, not effective, open, then branch and report order.
  const rectifications: (Rectification & { order: number })[] = [];
  for (const branch of branches) for (const line of branch.rectifications) rectifications.push({ branch, line, order: rectifications.length });
  rectifications.sort(
    (a, b) =>
      (a.line.deadline < b.line.deadline ? -1 : a.line.deadline > b.line.deadline ? 1 : 0) ||
      STATUS_RANK[a.line.status] - STATUS_RANK[b.line.status] ||
      a.order - b.order,
  );

  return {
    asOf: opts.asOf,
    period,
    year,
    files,
    branches,
    nominees,
    withoutNominee,
    rectifications: rectifications.map(({ branch, line }) => ({ branch, line })),
  };
}
