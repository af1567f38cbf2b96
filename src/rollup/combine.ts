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
 * - Two files with the same content (BranchSummary.content: a copy such as “第2支部 - 副本.xlsx”, whatever
 *   its name and whatever the branch is called) are one submission: the file with the shortest name (a
 *   copy's name is longer), then the first in order, is used; the others are duplicates of it — before
 *   branch names are matched, since a branch named after its file has a new name in every copy.
 * - No company-wide ranking: branches score with their own 细则 and thresholds, so their averages are not
 *   comparable. 年度示范党小组推荐 lists each branch's recommendation by branch (file order), and within a
 *   branch in the branch's own order.
 * - 整改督办 lists, branch by branch, each group's rectifications to follow up (summary.ts says which), one
 *   line per rectification, with the 督办意见 the 党委 typed into an earlier summary (opinions.ts).
 */
import { periodIndex } from '../domain/periods';
import { closedTimely } from '../domain/warnings';
import type { Period } from '../domain/types';
import type { OutputValue } from '../workbook/snapshot';
import type { OpinionRow } from './opinions';
import { opinionKey, opinionsByKey } from './opinions';
import type { AnnualLine, BranchSummary, FileSummary, RectificationLine } from './summary';

export const FILE_STATUSES = ['included', 'unreadable', 'duplicate', 'skipped'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/** One input file and what became of it. */
export interface FileEntry {
  summary: FileSummary;
  status: FileStatus;
  /** For a duplicate: the file used for its branch. */
  duplicateOf: string | null;
  /** For a duplicate: true when it has the same content as that file (a copy), false when it is another file of the same branch. */
  identical: boolean;
}

/** A branch's recommendation for the year (拟推荐为年度先进党小组；并列 when several share its highest average). */
export interface Nominee {
  branch: BranchSummary;
  entry: AnnualLine;
}

/** Why a branch has no nominee for the year. */
export const NO_NOMINEE_REASONS = ['no_result', 'incomplete', 'none_eligible'] as const;
export type NoNomineeReason = (typeof NO_NOMINEE_REASONS)[number];

export interface Rectification {
  branch: BranchSummary;
  line: RectificationLine;
  /** The 督办意见 typed for it in an earlier summary; null when none. */
  opinion: OutputValue;
}

export interface Rollup {
  asOf: string;
  /** The 党委's name for the titles ('' when not given). */
  unit: string;
  /** The half-year of 各党支部考评汇总 (null: no records anywhere). */
  period: Period | null;
  /** The year of 年度示范党小组推荐 (null: no annual entries anywhere). */
  year: number | null;
  files: FileEntry[];
  /** The branches summarized, in file order. */
  branches: BranchSummary[];
  /** Each branch's recommendations, branch by branch (file order). */
  nominees: Nominee[];
  withoutNominee: { branch: BranchSummary; reason: NoNomineeReason }[];
  /** The rectifications to follow up, branch by branch, each group's together in period order. */
  rectifications: Rectification[];
  /** 督办意见 typed in an earlier summary for rectifications no longer listed: kept at the bottom of 整改督办. */
  keptOpinions: OpinionRow[];
}

export interface CombineOptions {
  asOf: string;
  /** The 党委's name, for the titles. */
  unit?: string;
  /** 督办意见 of an earlier summary the output replaces (the command's --out); read before those of summaries among the files. */
  opinions?: readonly OpinionRow[];
}

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

/** The file name without folders and extension. */
const baseName = (file: string) => (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, '');

export function combineRollup(summaries: readonly FileSummary[], opts: CombineOptions): Rollup {
  // Copies: one file of each content, the shortest name, then the first in order.
  const original = new Map<string, BranchSummary>();
  for (const s of summaries) {
    if (s.kind !== 'branch') continue;
    const held = original.get(s.content);
    if (!held || baseName(s.file).length < baseName(held.file).length) original.set(s.content, s);
  }
  // Branches by name: the winner of each name, in the order of its first file.
  const winner = new Map<string, BranchSummary>();
  for (const s of summaries) {
    if (s.kind !== 'branch' || original.get(s.content) !== s) continue;
    const held = winner.get(s.branchKey);
    if (!held || supersedes(s, held)) winner.set(s.branchKey, s);
  }
  const files: FileEntry[] = summaries.map((s) => {
    if (s.kind === 'failed') return { summary: s, status: 'unreadable', duplicateOf: null, identical: false };
    if (s.kind === 'skipped') return { summary: s, status: 'skipped', duplicateOf: null, identical: false };
    const copyOf = original.get(s.content)!;
    if (copyOf !== s) return { summary: s, status: 'duplicate', duplicateOf: copyOf.file, identical: true };
    const w = winner.get(s.branchKey)!;
    return w === s ? { summary: s, status: 'included', duplicateOf: null, identical: false } : { summary: s, status: 'duplicate', duplicateOf: w.file, identical: false };
  });
  const branches = files.filter((f) => f.status === 'included').map((f) => f.summary as BranchSummary);

  let period: Period | null = null;
  for (const b of branches) if (b.latest && (!period || periodIndex(b.latest) > periodIndex(period))) period = b.latest;

  // 年度示范党小组推荐: each branch's recommendations of the year, branch by branch, never ranked across branches.
  const year = nomineeYear(branches);
  const nominees: Nominee[] = [];
  const withoutNominee: Rollup['withoutNominee'] = [];
  if (year !== null) {
    for (const branch of branches) {
      const ofYear = branch.annual.filter((e) => e.year === year);
      const titled = ofYear.filter((e) => e.titles.includes('advanced') && e.average !== null);
      if (titled.length) for (const entry of titled) nominees.push({ branch, entry });
      else {
        const reason: NoNomineeReason = ofYear.length === 0 ? 'no_result' : ofYear.some((e) => e.average !== null) ? 'none_eligible' : 'incomplete';
        withoutNominee.push({ branch, reason });
      }
    }
  }

  // 整改督办: branch by branch, with the 督办意见 of earlier summaries (the replaced --out first, then any among the files).
  const earlier = [...(opts.opinions ?? []), ...summaries.flatMap((s) => (s.kind === 'skipped' ? s.opinions : []))];
  const byKey = opinionsByKey(earlier);
  const used = new Set<string>();
  const rectifications: Rectification[] = [];
  for (const branch of branches) {
    for (const line of branch.rectifications) {
      const k = opinionKey(branch.branch, line.group, line.year, line.half);
      const row = used.has(k) ? undefined : byKey.get(k);
      if (row) used.add(k);
      rectifications.push({ branch, line, opinion: row?.opinion ?? null });
    }
  }
  const keptOpinions = [...byKey.values()].filter((r) => !used.has(r.key));

  return { asOf: opts.asOf, unit: (opts.unit ?? '').trim(), period, year, files, branches, nominees, withoutNominee, rectifications, keptOpinions };
}

/** Was the rectification closed (销号) by its deadline? null when the ledger has no 销号日期. */
export function closedOnTime(line: RectificationLine): boolean | null {
  const timely = closedTimely(line);
  return timely === null ? null : timely === 'onTime';
}

/** The lines of 整改督办 by status, and the closed ones by 按期 / 逾期销号. */
export function rectifyCounts(r: Pick<Rollup, 'rectifications'>): { open: number; overdue: number; closed: number; notEffective: number; onTime: number; late: number } {
  const c = { open: 0, overdue: 0, closed: 0, notEffective: 0, onTime: 0, late: 0 };
  for (const { line } of r.rectifications) {
    const s: string = line.status;
    if (s === 'open') c.open++;
    else if (s === 'overdue') c.overdue++;
    else if (s === 'not_effective') c.notEffective++;
    else if (s === 'closed') {
      c.closed++;
      if (closedOnTime(line)) c.onTime++;
      else c.late++;
    }
  }
  return c;
}
