/**
 * The roll-up's third step: the summary workbook's sheets, as official tables (print.ts's printSheet:
 * title merged and centred, 考评依据 line, 序号, signature block, A4 landscape one page wide, the header
 * repeated on every page, 第X页 共X页, 宋体) — 各党支部考评汇总, 年度示范党小组推荐, 整改督办, 报送情况 —
 * and the very hidden mark that tells a later roll-up this workbook is a summary. Pure: no clock, no I/O.
 */
import type { BandCode, Lang } from '../domain/types';
import { BAND_CODES } from '../domain/bands';
import type { Msg, Params } from '../i18n';
import { t } from '../i18n';
import { BAND, CLOSED_TIMELY, dateLabel, periodLabel, statusText } from '../i18n/domain';
import { WORD } from '../i18n/words';
import { OUT, PRINT } from '../i18n/output';
import { BRANCHES, NOMINEES, RECTIFY, ROLLUP, ROLLUP_SHEET, ROLLUP_SHEETS, SUBMISSIONS } from '../i18n/rollup';
import type { RollupSheet } from '../i18n/rollup';
import { printSheet } from '../workbook/print';
import { pts } from '../workbook/render-common';
import { DATE_FORMAT, displayTime, excelSerial, textWidth } from '../workbook/sheet-builder';
import type { CellStyle, Column } from '../workbook/sheet-builder';
import type { SheetPatch, WorkbookPatch } from '../workbook/snapshot';
import type { FileEntry, Nominee, NoNomineeReason, Rectification, Rollup } from './combine';
import { closedOnTime, rectifyCounts } from './combine';
import type { OpinionRow } from './opinions';
import type { BranchSummary, GroupLine } from './summary';
import { rollupMarkSheet } from './summary';

export interface RollupRenderOptions {
  lang: Lang;
  /** Local ISO time of the roll-up, with its offset (shown on 报送情况 and recorded in the mark). */
  runAt: string;
}

const centred: CellStyle = { horizontal: 'center' };
/** Subtotal lines (小计) and the lines of branches without results: a light grey that prints well. */
const SUBTOTAL: CellStyle = { bold: true, fill: 'F2F2F2' };

export function rollupSheetName(lang: Lang, kind: RollupSheet): string {
  return t(lang, ROLLUP_SHEET[kind]);
}

/** Grade counts of a set of records: 优秀2个，合格3个，基本合格1个，不合格0个（，未定等次1个）. */
export type BandCounts = Record<BandCode | 'none', number>;

export function bandCounts(groups: readonly GroupLine[]): BandCounts {
  const c: BandCounts = { excellent: 0, qualified: 0, basic: 0, unqualified: 0, none: 0 };
  for (const g of groups) {
    if (g.status === 'graded' && g.band) c[g.band]++;
    else c.none++;
  }
  return c;
}

function countsText(lang: Lang, c: BandCounts): string {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const parts = BAND_CODES.map((b) => tr(ROLLUP.bandCount, { band: tr(BAND[b]), n: c[b] }));
  if (c.none) parts.push(tr(ROLLUP.bandCount, { band: tr(WORD.noBand), n: c.none }));
  return parts.join(tr(ROLLUP.countSep));
}

/** The 党委's name as it goes before a title: 城区供电中心党委各党支部… / 城区供电中心党委: Party Group… */
function unitOf(lang: Lang, r: Rollup): string {
  return r.unit ? t(lang, ROLLUP.unitPrefix, { unit: r.unit }) : '';
}

function signature(lang: Lang): string[] {
  return [t(lang, ROLLUP.preparedBy), t(lang, ROLLUP.checkedBy), t(lang, ROLLUP.date)];
}

// ───────────────────────────── 各党支部考评汇总 ─────────────────────────────

/** A row of the branches table: a group's record, a branch's subtotal, or a branch without this period. */
type BranchRow =
  | { kind: 'group'; branch: BranchSummary; g: GroupLine; no: number }
  | { kind: 'subtotal'; branch: BranchSummary; counts: BandCounts; groups: number }
  | { kind: 'missing'; branch: BranchSummary };

function groupNotes(lang: Lang, g: GroupLine): string | null {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const out: string[] = [];
  if (g.veto !== null && g.status === 'graded') out.push(tr(PRINT.veto, { veto: g.veto }));
  if (g.status === 'pending') out.push(tr(PRINT.pending));
  else if (g.status === 'duplicate') out.push(tr(PRINT.duplicate));
  else if (g.status === 'not_graded') out.push(tr(BRANCHES.notGraded, { count: g.issues }));
  if (g.deadline) out.push(tr(PRINT.rectify, { deadline: dateLabel(lang, g.deadline) }));
  if (g.notes) out.push(g.notes);
  return out.join(tr(OUT.clauseSep)) || null;
}

function renderBranches(r: Rollup, lang: Lang): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const key = r.period ? r.period.year * 2 + r.period.half : -1;
  const rows: BranchRow[] = [];
  const total: BandCounts = { excellent: 0, qualified: 0, basic: 0, unqualified: 0, none: 0 };
  let groups = 0;
  let missing = 0;
  let no = 0;
  for (const branch of r.branches) {
    const current = branch.latest && branch.latest.year * 2 + branch.latest.half === key;
    if (!current || branch.groups.length === 0) {
      missing++;
      rows.push({ kind: 'missing', branch });
      continue;
    }
    for (const g of branch.groups) rows.push({ kind: 'group', branch, g, no: ++no });
    const counts = bandCounts(branch.groups);
    for (const k of Object.keys(total) as (keyof BandCounts)[]) total[k] += counts[k];
    groups += branch.groups.length;
    rows.push({ kind: 'subtotal', branch, counts, groups: branch.groups.length });
  }
  const columns: Column<BranchRow>[] = [
    { key: 'no', header: tr(BRANCHES.no), min: 5, max: 6, value: (x) => (x.kind === 'group' ? x.no : null), body: centred },
    { key: 'branch', header: tr(ROLLUP.branch), min: 14, max: 30, wrap: true, value: (x) => x.branch.branch },
    { key: 'group', header: tr(ROLLUP.group), min: 12, max: 24, wrap: true, value: (x) => (x.kind === 'group' ? x.g.group || null : x.kind === 'subtotal' ? tr(BRANCHES.subtotal) : null) },
    { key: 'leader', header: tr(ROLLUP.leader), min: 8, max: 12, value: (x) => (x.kind === 'group' ? x.g.leader || null : null), body: centred },
    { key: 'liaison', header: tr(ROLLUP.liaison), min: 8, max: 12, value: (x) => (x.kind === 'group' ? x.g.liaison || null : null), body: centred },
    { key: 'total', header: tr(BRANCHES.total), min: 7, max: 8, value: (x) => (x.kind === 'group' ? pts(x.g.total) : null), body: { ...centred, bold: true } },
    { key: 'band', header: tr(BRANCHES.band), min: 8, max: 12, value: (x) => (x.kind === 'group' && x.g.band ? tr(BAND[x.g.band]) : null), body: centred },
    {
      key: 'notes',
      header: tr(BRANCHES.notes),
      min: 20,
      max: 40,
      wrap: true,
      value: (x) => {
        if (x.kind === 'group') return groupNotes(lang, x.g);
        if (x.kind === 'subtotal') return tr(BRANCHES.subtotalText, { groups: x.groups, bands: countsText(lang, x.counts) });
        if (!x.branch.latest) return tr(BRANCHES.noRecords);
        return tr(BRANCHES.notReported, { period: r.period ? periodLabel(lang, r.period) : '', latest: periodLabel(lang, x.branch.latest) });
      },
    },
  ];
  const unit = unitOf(lang, r);
  const title = r.period ? tr(BRANCHES.title, { unit, period: periodLabel(lang, r.period) }) : tr(BRANCHES.titleNone, { unit });
  const lines = [tr(ROLLUP.basisLine), tr(BRANCHES.totalLine, { branches: r.branches.length, groups, bands: countsText(lang, total), missing })];
  return printSheet(rollupSheetName(lang, 'branches'), lang, columns, { title, lines }, rows, {
    signature: signature(lang),
    body: (b) => {
      if (rows.length === 0) b.tableLine([tr(BRANCHES.empty)]);
      b.rows(rows);
      // Subtotals and branches without this period stand out in grey.
      const first = b.header + 1;
      rows.forEach((x, i) => {
        if (x.kind !== 'group') b.style(b.rowRange(first + i), SUBTOTAL);
      });
    },
  });
}

// ───────────────────────────── 年度示范党小组推荐 ─────────────────────────────

/** A line of 年度示范党小组推荐: a branch's recommended group, or a branch without one (and why). */
type NomineeRow = { kind: 'nominee'; n: Nominee; no: number } | { kind: 'none'; branch: BranchSummary; reason: NoNomineeReason };

/** Branch by branch, in file order: each branch's recommendations, or one line saying why it has none. */
function nomineeRows(r: Rollup): NomineeRow[] {
  const rows: NomineeRow[] = [];
  let no = 0;
  for (const branch of r.branches) {
    const own = r.nominees.filter((n) => n.branch === branch);
    for (const n of own) rows.push({ kind: 'nominee', n, no: ++no });
    const none = r.withoutNominee.find((w) => w.branch === branch);
    if (none) rows.push({ kind: 'none', ...none });
  }
  return rows;
}

function renderNominees(r: Rollup, lang: Lang): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const rows = nomineeRows(r);
  const reasonText = (reason: NoNomineeReason) =>
    reason === 'no_result' ? tr(NOMINEES.noResult, { year: r.year ?? '' }) : reason === 'incomplete' ? tr(NOMINEES.incomplete, { year: r.year ?? '' }) : tr(NOMINEES.noneEligible);
  const entry = (x: NomineeRow) => (x.kind === 'nominee' ? x.n.entry : null);
  const columns: Column<NomineeRow>[] = [
    { key: 'no', header: tr(NOMINEES.no), min: 5, max: 6, value: (x) => (x.kind === 'nominee' ? x.no : null), body: centred },
    { key: 'branch', header: tr(ROLLUP.branch), min: 14, max: 30, wrap: true, value: (x) => (x.kind === 'nominee' ? x.n.branch.branch : x.branch.branch) },
    { key: 'group', header: tr(ROLLUP.group), min: 12, max: 24, wrap: true, value: (x) => entry(x)?.group || null },
    { key: 'leader', header: tr(ROLLUP.leader), min: 8, max: 12, value: (x) => entry(x)?.leader || null, body: centred },
    { key: 'h1', header: tr(NOMINEES.h1), min: 8, max: 10, value: (x) => pts(entry(x)?.h1 ?? null), body: centred },
    { key: 'h2', header: tr(NOMINEES.h2), min: 8, max: 10, value: (x) => pts(entry(x)?.h2 ?? null), body: centred },
    { key: 'average', header: tr(NOMINEES.average), min: 9, max: 12, value: (x) => (entry(x)?.average == null ? null : entry(x)!.average! / 1000), body: centred },
    { key: 'band', header: tr(NOMINEES.band), min: 8, max: 12, value: (x) => (entry(x)?.band ? tr(BAND[entry(x)!.band!]) : null), body: centred },
    {
      key: 'recommendation',
      header: tr(NOMINEES.recommendation),
      min: 20,
      max: 34,
      wrap: true,
      value: (x) => (x.kind === 'nominee' ? tr(x.n.entry.tie ? NOMINEES.recommendTie : NOMINEES.recommend) : null),
      body: { bold: true },
    },
    {
      key: 'notes',
      header: tr(NOMINEES.notes),
      min: 16,
      max: 30,
      wrap: true,
      value: (x) => (x.kind === 'none' ? reasonText(x.reason) : x.n.entry.tie ? tr(NOMINEES.tiedInBranch) : null),
    },
  ];
  const unit = unitOf(lang, r);
  const title = r.year !== null ? tr(NOMINEES.title, { unit, year: r.year }) : tr(NOMINEES.titleNone, { unit });
  const lines = [
    tr(NOMINEES.awardLine),
    tr(NOMINEES.scaleNote),
    tr(NOMINEES.countLine, { branches: new Set(r.nominees.map((n) => n.branch)).size, nominees: r.nominees.length, without: r.withoutNominee.length }),
  ];
  return printSheet(rollupSheetName(lang, 'nominees'), lang, columns, { title, lines }, rows, {
    signature: signature(lang),
    body: (b) => {
      if (rows.length === 0) b.tableLine([tr(NOMINEES.empty)]);
      b.rows(rows);
      const first = b.header + 1;
      rows.forEach((x, i) => {
        if (x.kind === 'none') b.style(b.rowRange(first + i), { fill: SUBTOTAL.fill });
      });
    },
  });
}

// ───────────────────────────── 整改督办 ─────────────────────────────

/** The period of a kept row in the summary's language (as read when it names none). */
export function keptPeriod(lang: Lang, row: OpinionRow): string | null {
  return row.year !== null && row.half !== null ? periodLabel(lang, { year: row.year, half: row.half }) : row.period || null;
}

/** A line of 整改督办: a rectification to follow up, or an earlier summary's row kept for its 督办意见. */
type RectifyRow = { kind: 'line'; x: Rectification; no: number } | { kind: 'kept'; row: OpinionRow };

function renderRectify(r: Rollup, lang: Lang): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const sep = tr(OUT.listSep);
  const dateWidth = textWidth(dateLabel(lang, '2026-09-30')) + 3;
  const rows: RectifyRow[] = [
    ...r.rectifications.map((x, i): RectifyRow => ({ kind: 'line', x, no: i + 1 })),
    ...r.keptOpinions.map((row): RectifyRow => ({ kind: 'kept', row })),
  ];
  const line = (y: RectifyRow) => (y.kind === 'line' ? y.x.line : null);
  const ledger = (y: RectifyRow, f: 'measures' | 'responsible' | 'progress') => line(y)?.ledger?.[f] ?? null;
  const date = (iso: string | null | undefined) => (iso ? excelSerial(iso) : null);
  const dateBody: CellStyle = { numberFormat: DATE_FORMAT[lang], horizontal: 'center' };
  const columns: Column<RectifyRow>[] = [
    { key: 'no', header: tr(RECTIFY.no), min: 5, max: 6, value: (y) => (y.kind === 'line' ? y.no : null), body: centred },
    { key: 'branch', header: tr(ROLLUP.branch), min: 14, max: 26, wrap: true, value: (y) => (y.kind === 'line' ? y.x.branch.branch : y.row.branch || null) },
    { key: 'group', header: tr(ROLLUP.group), min: 12, max: 22, wrap: true, value: (y) => (y.kind === 'line' ? y.x.line.group || null : y.row.group || null) },
    { key: 'leader', header: tr(ROLLUP.leader), min: 8, max: 12, value: (y) => line(y)?.leader || null, body: centred },
    { key: 'liaison', header: tr(ROLLUP.liaison), min: 8, max: 12, value: (y) => line(y)?.liaison || null, body: centred },
    {
      key: 'period',
      header: tr(ROLLUP.period),
      min: 10,
      max: 14,
      value: (y) => (y.kind === 'line' ? periodLabel(lang, { year: y.x.line.year, half: y.x.line.half }) : keptPeriod(lang, y.row)),
      body: centred,
    },
    { key: 'band', header: tr(RECTIFY.band), min: 8, max: 12, value: (y) => (line(y)?.band ? tr(BAND[line(y)!.band!]) : null), body: centred },
    { key: 'deadline', header: tr(RECTIFY.deadline), min: dateWidth, max: dateWidth + 4, value: (y) => date(line(y)?.deadline), body: dateBody },
    {
      key: 'status',
      header: tr(RECTIFY.status),
      min: 10,
      max: 16,
      wrap: true,
      value: (y) => (y.kind === 'line' ? statusText(lang, y.x.line.status) : tr(RECTIFY.kept)),
      body: centred,
      style: (y) => (y.kind === 'line' ? { bold: true } : undefined),
    },
    { key: 'focus', header: tr(RECTIFY.focus), min: 16, max: 30, wrap: true, value: (y) => line(y)?.focus.map((f) => `${f.code}.${t(lang, f.name)}`).join(sep) || null },
    { key: 'measures', header: tr(RECTIFY.measures), min: 16, max: 30, wrap: true, value: (y) => ledger(y, 'measures') },
    { key: 'responsible', header: tr(RECTIFY.responsible), min: 8, max: 12, wrap: true, value: (y) => ledger(y, 'responsible') },
    { key: 'progress', header: tr(RECTIFY.progress), min: 12, max: 24, wrap: true, value: (y) => ledger(y, 'progress') },
    { key: 'closedOn', header: tr(RECTIFY.closedOn), min: dateWidth, max: dateWidth + 4, value: (y) => date(line(y)?.closedOn), body: dateBody },
    {
      key: 'closing',
      header: tr(RECTIFY.closing),
      min: 8,
      max: 12,
      value: (y) => {
        const onTime = line(y) ? closedOnTime(line(y)!) : null;
        return onTime === null ? null : tr(CLOSED_TIMELY[onTime ? 'onTime' : 'late']);
      },
      body: centred,
    },
    {
      key: 'opinion',
      header: tr(RECTIFY.opinion),
      min: 20,
      max: 36,
      wrap: true,
      // Kept as typed: text stays text (never read as a formula), a number stays a number.
      value: (y) => (y.kind === 'line' ? y.x.opinion : y.row.opinion),
    },
  ];
  const count = rectifyCounts(r);
  const unit = unitOf(lang, r);
  const title = tr(RECTIFY.title, { unit, asOf: dateLabel(lang, r.asOf) });
  const lines = [tr(ROLLUP.basisLine), tr(count.closed ? RECTIFY.countLine : RECTIFY.countLineNoneClosed, count), tr(RECTIFY.howLine)];
  return printSheet(rollupSheetName(lang, 'rectify'), lang, columns, { title, lines }, rows, {
    signature: signature(lang),
    body: (b) => {
      if (rows.length === 0) b.tableLine([tr(RECTIFY.empty)]);
      b.rows(rows);
      const first = b.header + 1;
      rows.forEach((y, i) => {
        if (y.kind === 'kept') b.style(b.rowRange(first + i), { fill: SUBTOTAL.fill });
      });
    },
  });
}

// ───────────────────────────── 报送情况 ─────────────────────────────

/** The 说明 of a file in 报送情况, in a language. */
export function submissionNotes(lang: Lang, f: FileEntry, r: Rollup): string | null {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const s = f.summary;
  if (s.kind === 'failed') return t(lang, s.reason);
  if (s.kind === 'skipped') return [tr(SUBMISSIONS.rollupFile), ...(s.opinions.length ? [tr(SUBMISSIONS.opinionsKept, { count: s.opinions.length })] : [])].join(tr(OUT.clauseSep));
  if (f.status === 'duplicate') return tr(f.identical ? SUBMISSIONS.copyOf : SUBMISSIONS.duplicateOf, { file: f.duplicateOf ?? '' });
  const notes: string[] = [];
  if (!s.latest) notes.push(tr(SUBMISSIONS.noRecords));
  else if (r.period && s.latest.year * 2 + s.latest.half < r.period.year * 2 + r.period.half) notes.push(tr(SUBMISSIONS.notReported, { period: periodLabel(lang, r.period) }));
  if (s.issues) notes.push(tr(SUBMISSIONS.issuesNote, { count: s.issues }));
  if (s.runState === 'never') notes.push(tr(SUBMISSIONS.neverAssessed));
  else if (s.runState === 'changed') notes.push(tr(SUBMISSIONS.changed));
  if (s.branchFrom === 'file') notes.push(tr(SUBMISSIONS.nameFromFile));
  return notes.join(tr(OUT.clauseSep)) || null;
}

export const FILE_STATUS: Record<FileEntry['status'], Msg> = {
  included: SUBMISSIONS.included,
  unreadable: SUBMISSIONS.unreadable,
  duplicate: SUBMISSIONS.duplicate,
  skipped: SUBMISSIONS.skipped,
};

function renderSubmissions(r: Rollup, lang: Lang, runAt: string): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const no = new Map(r.files.map((f, i) => [f, i + 1]));
  const branchOf = (f: FileEntry) => (f.summary.kind === 'branch' ? f.summary : null);
  const columns: Column<FileEntry>[] = [
    { key: 'no', header: tr(SUBMISSIONS.no), min: 5, max: 6, value: (f) => no.get(f) ?? null, body: centred },
    { key: 'file', header: tr(SUBMISSIONS.file), min: 16, max: 36, wrap: true, value: (f) => f.summary.file },
    { key: 'branch', header: tr(ROLLUP.branch), min: 14, max: 26, wrap: true, value: (f) => branchOf(f)?.branch ?? null },
    { key: 'latest', header: tr(SUBMISSIONS.latest), min: 10, max: 14, value: (f) => (branchOf(f)?.latest ? periodLabel(lang, branchOf(f)!.latest!) : null), body: centred },
    { key: 'records', header: tr(SUBMISSIONS.records), min: 8, max: 10, value: (f) => branchOf(f)?.records ?? null, body: centred },
    { key: 'issues', header: tr(SUBMISSIONS.issues), min: 8, max: 10, value: (f) => branchOf(f)?.issues ?? null, body: centred },
    { key: 'status', header: tr(SUBMISSIONS.status), min: 10, max: 16, wrap: true, value: (f) => tr(FILE_STATUS[f.status]), body: centred, style: (f) => (f.status === 'unreadable' ? { bold: true } : undefined) },
    { key: 'notes', header: tr(SUBMISSIONS.notes), min: 24, max: 50, wrap: true, value: (f) => submissionNotes(lang, f, r) },
  ];
  const count = { included: 0, unreadable: 0, duplicate: 0, skipped: 0 };
  for (const f of r.files) count[f.status]++;
  const unit = unitOf(lang, r);
  const title = r.period ? tr(SUBMISSIONS.title, { unit, period: periodLabel(lang, r.period) }) : tr(SUBMISSIONS.titleNone, { unit });
  const lines = [
    tr(SUBMISSIONS.countLine, { files: r.files.length, ...count }),
    tr(SUBMISSIONS.basisNote),
    tr(OUT.generatedAt, { time: displayTime(lang, runAt) }),
  ];
  return printSheet(rollupSheetName(lang, 'submissions'), lang, columns, { title, lines }, r.files, {
    signature: signature(lang),
    // A list of files, no points: no 单位：分.
    pointsUnit: false,
    body: (b) => {
      if (r.files.length === 0) b.tableLine([tr(SUBMISSIONS.empty)]);
      b.rows(r.files);
    },
  });
}

// ───────────────────────────── the workbook ─────────────────────────────

/** The summary workbook's patch: the four tables in order, then the very hidden roll-up mark. */
export function renderRollup(r: Rollup, opts: RollupRenderOptions): WorkbookPatch {
  const { lang, runAt } = opts;
  const sheets: Record<RollupSheet, SheetPatch> = {
    branches: renderBranches(r, lang),
    nominees: renderNominees(r, lang),
    rectify: renderRectify(r, lang),
    submissions: renderSubmissions(r, lang, runAt),
  };
  return {
    sheets: [...ROLLUP_SHEETS.map((k) => sheets[k]), rollupMarkSheet(r.asOf, runAt)],
    deleteSheets: [],
    activate: sheets.branches.name,
  };
}

