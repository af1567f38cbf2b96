/**
 * The roll-up's first step, for one file: from a workbook's bytes to its compact summary — what the
 * 党委's summary needs of that branch and nothing more (never the workbook, never its cells), so a
 * roll-up of hundreds of files keeps a few kilobytes per file. Plain data only (structured-cloneable,
 * language-free apart from reasons given in both languages), so a worker thread can post it back and
 * the workbook page can build it in a browser: this module uses no Node API.
 *
 * The workbook is assessed afresh, with its own rubric and rules (考评细则, 考评规则) and the roll-up's
 * `asOf`, whether or not it was assessed before; nothing is written to it. What the branch wrote in its
 * rectification ledger (整改台账) is read from its last run's warnings sheet.
 */
import { assess } from '../domain/assess';
import { AssessError } from '../domain/errors';
import { deadline, periodIndex } from '../domain/periods';
import type { AnnualEntry, BandCode, Half, Lang, Period, RectifyStatus, RowStatus, Warning } from '../domain/types';
import { FileHost } from '../hosts/file/host';
import type { Msg } from '../i18n';
import { t } from '../i18n';
import { SUBMISSIONS } from '../i18n/rollup';
import { foldText, groupKey } from '../workbook/cells';
import { LEDGER_FIELDS, closedDates, ledgerText } from '../workbook/ledger';
import type { LedgerField } from '../workbook/ledger';
import { parseWorkbook } from '../workbook/parse';
import { ledgerOf, ledgerRowsOf } from '../workbook/render';
import { latestPeriod } from '../workbook/render-common';
import { rubricItemName } from '../i18n/rubric';
import type { SheetPatch, WorkbookSnapshot } from '../workbook/snapshot';
import { OWNER } from '../workbook/meta';
import { describeError, errorText, oneLine } from '../i18n/errors';
import { CONFIG_CODES } from '../i18n/config';
import type { OpinionRow } from './opinions';
import { readOpinions } from './opinions';

/** One file handed to the roll-up: its name (as shown in 报送情况), its bytes, its modification time if known. */
export interface RollupInput {
  name: string;
  bytes: Uint8Array;
  /** Milliseconds since 1970 (a file's mtime, a browser File's lastModified); breaks ties between duplicates. */
  modified?: number | null;
}

/** A group's record in the branch's latest half-year. */
export interface GroupLine {
  group: string;
  leader: string;
  liaison: string;
  /** Hundredths; null when not computable. */
  total: number | null;
  band: BandCode | null;
  status: RowStatus;
  veto: string | null;
  notes: string;
  /** Data issues on the record's row. */
  issues: number;
  /** Rectification deadline (YYYY-MM-DD) of a graded 基本合格 or 不合格. */
  deadline: string | null;
}

/** A (year, group) annual entry, as the branch's rules decide it (its own rank; tie = 年度第一并列). */
export type AnnualLine = Pick<AnnualEntry, 'year' | 'group' | 'leader' | 'liaison' | 'h1' | 'h2' | 'average' | 'band' | 'rank' | 'titles' | 'tie' | 'vetoed'>;

/** An item that lost most, with its name in both languages. */
export interface FocusItem {
  code: string;
  name: Msg;
}

/** The statuses of the rectifications the 党委 follows up (all but 已整改). */
export type FollowedUpStatus = Exclude<RectifyStatus, 'resolved'>;

/**
 * A rectification the 党委 follows up: 待整改, 逾期未整改, 已销号 (closed in the branch's ledger, not yet
 * tested by a next assessment), and the 整改未见效 ones that led to it (the group's chain of failed
 * rectifications, each line its own period and status). 已整改 ones are not listed.
 */
export interface RectificationLine {
  group: string;
  leader: string;
  liaison: string;
  year: number;
  half: Half;
  band: BandCode | null;
  /** YYYY-MM-DD */
  deadline: string;
  status: FollowedUpStatus;
  /** The 销号日期 the branch wrote in its ledger (YYYY-MM-DD); null when none. */
  closedOn: string | null;
  focus: FocusItem[];
  veto: string | null;
  /** What the branch wrote in its rectification ledger: text, 销号日期 as YYYY-MM-DD; null when nothing. */
  ledger: Record<LedgerField, string | null> | null;
}

/** Where the branch's name came from: the 单位名称 rule, the score sheets' title row, or the file's name. */
export const BRANCH_NAME_SOURCES = ['rule', 'title', 'file'] as const;
export type BranchNameSource = (typeof BRANCH_NAME_SOURCES)[number];

/** The workbook's own run record: never assessed, assessed and unchanged since, or scores changed after. */
export const RUN_STATES = ['never', 'current', 'changed'] as const;
export type RunState = (typeof RUN_STATES)[number];

export interface BranchSummary {
  kind: 'branch';
  file: string;
  modified: number | null;
  branch: string;
  /** Matching key of the branch's name (folded, spaces collapsed): two files of one branch share it. */
  branchKey: string;
  branchFrom: BranchNameSource;
  /**
   * What the roll-up takes from the file, as one key: the fingerprint of its input sheets (the one its run
   * record keeps; the same for a copy, even one saved again) and what the branch wrote in its ledger.
   * Two files with one key are the same submission, combined once.
   */
  content: string;
  runState: RunState;
  /** The latest period with an assessment record; null when the workbook has none. */
  latest: Period | null;
  records: number;
  issues: number;
  /** Every record of the latest period, in the order of the score sheets. */
  groups: GroupLine[];
  /** Every annual entry (all years), in the engine's order. */
  annual: AnnualLine[];
  /** The rectifications to follow up (see RectificationLine): group by group in the order of their first, each group's by period. */
  rectifications: RectificationLine[];
}

export interface FailedSummary {
  kind: 'failed';
  file: string;
  modified: number | null;
  /** One line, in both languages. */
  reason: Msg;
}

export interface SkippedSummary {
  kind: 'skipped';
  file: string;
  modified: number | null;
  /** Why: a roll-up summary workbook (this tool's own output). */
  reason: 'rollup';
  /** The 督办意见 typed in it, carried into the new summary. */
  opinions: OpinionRow[];
}

export type FileSummary = BranchSummary | FailedSummary | SkippedSummary;

/** The very hidden sheet that marks a roll-up summary workbook, so a later roll-up of the folder skips it. */
export const ROLLUP_MARK_SHEET = '_PGA_ROLLUP';

export function rollupMarkSheet(asOf: string, runAt: string): SheetPatch {
  return {
    name: ROLLUP_MARK_SHEET,
    values: [
      ['owner', OWNER],
      ['kind', 'rollup'],
      ['asOf', asOf],
      ['runAt', runAt],
      ['note', '由党小组考评助手汇总生成，请勿修改 / Written by Party Group Assessment (roll-up); do not edit'],
    ],
    styles: [],
    links: [],
    merges: [],
    columnWidths: [10, 60],
    freeze: { rows: 0, cols: 0 },
    visibility: 'veryHidden',
    landscape: false,
  };
}

/** Is this snapshot a roll-up summary written by this tool? */
export function isRollupWorkbook(snapshot: WorkbookSnapshot): boolean {
  const sheet = snapshot.sheets.find((s) => s.name === ROLLUP_MARK_SHEET);
  if (!sheet) return false;
  const kv = new Map(sheet.values.filter((r) => r && typeof r[0] === 'string').map((r) => [r[0] as string, r[1]]));
  return kv.get('owner') === OWNER && kv.get('kind') === 'rollup';
}

/** The file's name without folders and extension, and without the `.assessed` the command-line tool adds. */
export function nameOfFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(xlsx|xlsm|xls|xlsb|et|ods)$/i, '').replace(/\.assessed$/i, '') || base;
}

/** The matching key of a branch name. */
export function branchKey(name: string): string {
  return foldText(name).replace(/\s+/g, '');
}

/** A failure's one line in a language: the sheet and cell first for a configuration error; the file is its own column. */
function reasonOf(e: unknown, file: string): Msg {
  const line = (lang: Lang) => {
    if (e instanceof AssessError) {
      const text = e.where && e.where !== file ? describeError(e, lang) : errorText(e, lang);
      return oneLine(text);
    }
    const detail = e instanceof Error ? e.message : String(e);
    return t(lang, SUBMISSIONS.unexpected, { reason: oneLine(detail) });
  };
  return { zh: line('zh-CN'), en: line('en-US') };
}

/**
 * Summarize one workbook for the roll-up. Never throws: a file that cannot be read or assessed comes
 * back as a FailedSummary with its reason, so one bad file never stops the roll-up.
 */
export async function summarizeWorkbook(input: RollupInput, opts: { asOf: string }): Promise<FileSummary> {
  const file = input.name;
  const modified = input.modified ?? null;
  try {
    if (!/\.(xlsx|xlsm)$/i.test(file)) throw new AssessError('file', CONFIG_CODES.fileNotXlsx, { path: file.split(/[\\/]/).pop() ?? file }, file);
    const snapshot = await new FileHost(input.bytes, file, undefined, { outputs: false }).read();
    if (isRollupWorkbook(snapshot)) return { kind: 'skipped', file, modified, reason: 'rollup', opinions: readOpinions(snapshot) };
    return summarizeSnapshot(snapshot, file, modified, opts.asOf);
  } catch (e) {
    return { kind: 'failed', file, modified, reason: reasonOf(e, file) };
  }
}

/** The summary of a workbook already read (throws configuration errors). */
export function summarizeSnapshot(snapshot: WorkbookSnapshot, file: string, modified: number | null, asOf: string): BranchSummary {
  const parsed = parseWorkbook(snapshot);
  // The 销号日期 of the branch's ledger close rectifications (SPEC §2.5), as in the branch's own run.
  const ledgerRows = ledgerRowsOf(snapshot);
  const result = assess({ rubric: parsed.rubric, rules: parsed.rules, rows: parsed.rows, issues: parsed.issues, asOf, closedOn: closedDates(ledgerRows.rows), unit: parsed.unit });
  const { rules, rubric } = result;

  const branchFrom: BranchNameSource = rules.unitName ? 'rule' : parsed.unit ? 'title' : 'file';
  const branch = parsed.unit || nameOfFile(file);
  const runState: RunState = !parsed.meta ? 'never' : parsed.meta.fingerprint === parsed.fingerprint ? 'current' : 'changed';

  const perRow = new Map<string, number>();
  for (const i of result.issues) {
    const k = `${i.cell.sheet}\u0000${i.cell.row}`;
    perRow.set(k, (perRow.get(k) ?? 0) + 1);
  }
  const latest = latestPeriod(result.assessments);
  const key = latest ? periodIndex(latest) : -1;
  const groups: GroupLine[] = result.assessments
    .filter((a) => a.row.period && periodIndex(a.row.period) === key)
    .map((a) => ({
      group: a.row.group,
      leader: a.row.leader,
      liaison: a.row.liaison,
      total: a.total,
      band: a.band,
      status: a.status,
      veto: a.row.veto,
      notes: a.row.notes,
      issues: perRow.get(`${a.row.source.sheet}\u0000${a.row.source.row}`) ?? 0,
      deadline: a.status === 'graded' && a.row.period && (a.band === 'basic' || a.band === 'unqualified') ? deadline(a.row.period, rules) : null,
    }));

  const annual: AnnualLine[] = result.annual.map((e) => ({
    year: e.year,
    group: e.group,
    leader: e.leader,
    liaison: e.liaison,
    h1: e.h1,
    h2: e.h2,
    average: e.average,
    band: e.band,
    rank: e.rank,
    titles: [...e.titles],
    tie: e.tie,
    vetoed: e.vetoed,
  }));

  const ledger = ledgerOf(result, snapshot, ledgerRows);
  // Each group's rectifications in period order. The 党委 follows up the last one when it is open, overdue
  // or closed, together with the 整改未见效 ones right before it (the chain of failed rectifications that
  // led to it); a group whose last rectification is 已整改 has nothing to follow up.
  const byGroup = new Map<string, Warning[]>();
  for (const w of result.warnings) {
    if (w.code !== 'RECTIFY' || !w.status || !w.half || !w.deadline) continue;
    const k = groupKey(w.group);
    const list = byGroup.get(k);
    if (list) list.push(w);
    else byGroup.set(k, [w]);
  }
  const followed: Warning[] = [];
  for (const list of byGroup.values()) {
    list.sort((a, b) => a.year * 2 + (a.half ?? 0) - (b.year * 2 + (b.half ?? 0)));
    const last = list.length - 1;
    if (list[last].status === 'resolved' || list[last].status === 'not_effective') continue;
    let first = last;
    while (first > 0 && list[first - 1].status === 'not_effective') first--;
    followed.push(...list.slice(first));
  }
  const rectifications: RectificationLine[] = [];
  for (const w of followed) {
    if (!w.status || w.status === 'resolved' || !w.half || !w.deadline) continue;
    const cells = ledger.byWarning.get(w);
    let written: Record<LedgerField, string | null> | null = null;
    if (cells) {
      written = { measures: null, responsible: null, progress: null, closedOn: null };
      for (const f of LEDGER_FIELDS) written[f] = ledgerText(f, cells[f]);
    }
    rectifications.push({
      group: w.group,
      leader: w.leader,
      liaison: w.liaison,
      year: w.year,
      half: w.half,
      band: w.band,
      deadline: w.deadline,
      status: w.status,
      closedOn: w.closedOn ?? null,
      focus: w.focusItems.map((code) => ({ code, name: { zh: rubricItemName(rubric, code, 'zh-CN'), en: rubricItemName(rubric, code, 'en-US') } })),
      veto: w.veto ?? null,
      ledger: written && LEDGER_FIELDS.some((f) => written![f] !== null) ? written : null,
    });
  }

  return {
    kind: 'branch',
    file,
    modified,
    branch,
    branchKey: branchKey(branch),
    branchFrom,
    content: `${parsed.fingerprint}:${JSON.stringify(rectifications.map((r) => r.ledger))}`,
    runState,
    latest,
    records: result.assessments.length,
    issues: result.issues.length,
    groups,
    annual,
    rectifications,
  };
}
