/**
 * The renderer: pure functions from an AssessmentResult to the WorkbookPatch that both hosts (the file
 * host and Office.js) apply identically. No host types, no I/O, no clock: the run time comes in as a
 * string, so the same inputs always give a deep-equal patch.
 *
 * Each table is a list of column specs (sheet-builder.ts): a column's header, value, look and link in one
 * place. Everything a row needs from elsewhere (its data issues, its annual entry, the groups it ties
 * with) is looked up in maps built once, so rendering is linear in the rows and cells written.
 */
import { AssessError } from '../domain/errors';
import { actionOrder, rankingOrder } from '../domain/order';
import { periodIndex } from '../domain/periods';
import { aspects } from '../domain/rubric';
import type { AnnualEntry, Assessment, AssessmentResult, BandCode, DataIssue, Lang, RectifyStatus, Severity, Warning } from '../domain/types';
import { BAND_CODES } from '../domain/bands';
import type { Msg, Params } from '../i18n';
import { t } from '../i18n';
import { BAND, ROW_STATUS, SEVERITY, WARNING_NAME, dateLabel, periodLabel, statusText, warningMessage, warningName } from '../i18n/domain';
import { issueMessage } from '../i18n/issues';
import { ISSUES, LEDGER, OUT, OUTPUT_KINDS, OUTPUT_SHEET, RANK_MODE, RANKING, RESULTS, RUN_NOTE, SHEET_NAME_SUFFIX, WARNINGS } from '../i18n/output';
import type { OutputKind } from '../i18n/output';
import { a1, cellAddress } from '../domain/cell-ref';
import { EMPTY_LEDGER, LEDGER_FIELDS, datedHeader, isDateSerial, mergeLedger, readLedgerAll } from './ledger';
import type { Ledger, LedgerCells, LedgerRead, LedgerRow } from './ledger';
import { META_SHEET, metaSheetPatch, metaSheetWritable, ownedSheets, readMeta, untrustedSheets } from './meta';
import { encodeDigest } from './digest';
import { renderPrintHalf, renderPrintLedger, renderPrintYear } from './print';
import type { PrintPeriod } from './print';
import type { AssessedOn } from './parse-header';
import { annualNotes, latestPeriod, pts, tiedRanks, titlesText } from './render-common';
import { aspectName, rubricItemName } from '../i18n/rubric';
import {
  DATE_FORMAT,
  HEADER_COLOURS,
  INPUT_FILL,
  SheetBuilder,
  colours,
  displayTime,
  excelSerial,
  textWidth,
  workingPage,
} from './sheet-builder';
import type { CellStyle, Colours, Column } from './sheet-builder';
import type { SheetPatch, WorkbookPatch, WorkbookSnapshot } from './snapshot';
import { FILE_CODES } from '../i18n/file';

export { headerStyle } from './sheet-builder';
export type { Colours } from './sheet-builder';

export interface RenderOptions {
  lang: Lang;
  /** Local ISO time of the run, with its offset (recorded in the meta sheet, shown as 生成时间). */
  runAt: string;
  /** Fingerprint of the input sheets (see fingerprint.ts). */
  fingerprint: string;
  /** The task pane's language choice: undefined keeps the one recorded by the last run, null clears it. */
  paneLanguage?: Lang | null;
  /** The unit named in the printed tables' titles (单位名称, or the score sheets' title row); '' for none. */
  unit?: string;
  /** What people typed in the rectification ledger, merged with this run's warnings; read from the snapshot when absent. */
  ledger?: Ledger;
  /** The period whose official tables to print (a half-year, or a year); default the latest. */
  printPeriod?: PrintPeriod | null;
  /** 考评时间 as the score sheets state it, by period (parse.ts). */
  assessedOn?: readonly AssessedOn[];
}

// ───────────────────────────── colours (light fills, dark text: WCAG AA contrast ≥ 4.5) ─────────────

export const BAND_COLOURS: Record<BandCode, Colours> = {
  excellent: { fill: 'C6EFCE', font: '006100' },
  qualified: { fill: 'DDEBF7', font: '1F4E79' },
  basic: { fill: 'FFEB9C', font: '6B4E00' },
  unqualified: { fill: 'FFC7CE', font: '9C0006' },
};
export const SEVERITY_COLOURS: Record<Severity, Colours> = {
  serious: { fill: 'FFC7CE', font: '9C0006' },
  warning: { fill: 'FFEB9C', font: '6B4E00' },
  info: { fill: 'EDEDED', font: '3A3A3A' },
};
export const STATUS_COLOURS: Record<RectifyStatus | 'kept', Colours> = {
  overdue: { fill: 'FFC7CE', font: '9C0006' },
  open: { fill: 'FFEB9C', font: '6B4E00' },
  closed: { fill: 'DDEBF7', font: '1F4E79' },
  not_effective: { fill: 'EDEDED', font: '3A3A3A' },
  resolved: { fill: 'C6EFCE', font: '006100' },
  kept: { fill: 'EDEDED', font: '3A3A3A' },
};
const TAB_COLOUR: Record<OutputKind, string> = {
  results: '2E75B6',
  ranking: '548235',
  warnings: 'C00000',
  issues: 'BF8F00',
  printHalf: '595959',
  printYear: '595959',
  printLedger: '595959',
};

// ───────────────────────────── sheet names and ownership ─────────────────────────────

/** The usual (unsuffixed) name of an output sheet in a language. */
export function outputSheetName(lang: Lang, kind: OutputKind): string {
  return t(lang, OUTPUT_SHEET[kind]);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `name` is `base` or `base (n)`. */
function isNameFor(name: string, base: string): boolean {
  return new RegExp(`^${escapeRegExp(base)}( \\(\\d+\\))?$`).test(name);
}

/**
 * The names of this run's output sheets. An owned name of an earlier run (`考评结果` or `考评结果 (2)`)
 * is reused; otherwise the usual name if no sheet the add-in does not own has it (Excel compares sheet
 * names case-insensitively), else the next free `name (n)`.
 */
export function chooseSheetNames(lang: Lang, snapshot: WorkbookSnapshot, ownedSet: ReadonlySet<string> = ownedSheets(snapshot)): Record<OutputKind, string> {
  const ownedNames = [...ownedSet].filter((n) => n !== META_SHEET);
  const owned = new Set(ownedNames.map((n) => n.toLowerCase()));
  const foreign = new Set(snapshot.sheets.map((s) => s.name.toLowerCase()).filter((n) => !owned.has(n)));
  foreign.add(META_SHEET.toLowerCase());
  const taken = new Set<string>();
  const out = {} as Record<OutputKind, string>;
  for (const kind of OUTPUT_KINDS) {
    const base = outputSheetName(lang, kind);
    let name = ownedNames.find((n) => isNameFor(n, base) && !taken.has(n.toLowerCase()));
    for (let n = 1; !name; n++) {
      const candidate = n === 1 ? base : t(lang, SHEET_NAME_SUFFIX, { name: base, n });
      const key = candidate.toLowerCase();
      if (!foreign.has(key) && !taken.has(key)) name = candidate;
    }
    taken.add(name.toLowerCase());
    out[kind] = name;
  }
  return out;
}

// ───────────────────────────── helpers ─────────────────────────────

/** Data issues per source row (sheet, row): counted once, looked up per assessment. */
function issuesPerRow(issues: readonly DataIssue[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of issues) {
    const k = `${i.cell.sheet}\u0000${i.cell.row}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** The reasons a record is shown as it is: not graded, duplicate, pending, vetoed, with its notes. */
function reasonsOf(a: Assessment, issueCount: number, tr: (m: Msg, p?: Params) => string, issuesSheet: string): string[] {
  const reasons: string[] = [];
  if (a.status === 'duplicate') reasons.push(tr(RESULTS.reasonDuplicate));
  if (a.status === 'pending') reasons.push(tr(RESULTS.reasonPending));
  if (issueCount > 0) reasons.push(tr(RESULTS.reasonIssues, { count: issueCount, sheet: issuesSheet }));
  else if (a.status === 'not_graded') reasons.push(tr(RESULTS.reasonIssuesUnknown, { sheet: issuesSheet }));
  if (a.status === 'graded' && a.row.veto !== null) reasons.push(tr(RESULTS.reasonVetoed));
  if (a.row.notes) reasons.push(tr(RESULTS.notes, { notes: a.row.notes }));
  return reasons;
}

// ───────────────────────────── 考评结果 ─────────────────────────────

function renderResults(result: AssessmentResult, lang: Lang, names: Record<OutputKind, string>, runAt: string): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const { rubric, rules } = result;
  const perRow = issuesPerRow(result.issues);
  const clause = tr(OUT.clauseSep);
  const columns: Column<Assessment>[] = [
    {
      key: 'period',
      header: tr(RESULTS.period),
      // The summary above the table writes band words in this column: wide enough for the longest.
      min: Math.max(10, ...Object.values(BAND).map((m) => textWidth(tr(m)) + 2)),
      max: 22,
      value: (a) => (a.row.period ? periodLabel(lang, a.row.period) : tr(OUT.unknownPeriod)),
    },
    { key: 'group', header: tr(RESULTS.group), min: 10, max: 30, value: (a) => a.row.group || null },
    { key: 'leader', header: tr(RESULTS.leader), min: 8, max: 16, value: (a) => a.row.leader || null },
    { key: 'liaison', header: tr(RESULTS.liaison), min: 8, max: 16, value: (a) => a.row.liaison || null },
    ...aspects(rubric).map(
      (asp, i): Column<Assessment> => ({
        key: `aspect${i}`,
        header: aspectName(asp.aspect, lang) + tr(OUT.pointsSuffix, { max: asp.max / 100 }),
        min: 8,
        max: 14,
        numeric: true,
        value: (a) => pts(a.aspectTotals?.[i] ?? null),
      }),
    ),
    { key: 'total', header: tr(RESULTS.total), min: 8, max: 10, numeric: true, value: (a) => pts(a.total) },
    {
      key: 'band',
      header: tr(RESULTS.band),
      min: 8,
      max: 22,
      value: (a) => (a.band ? tr(BAND[a.band]) : null),
      style: (a) => (a.band ? colours(BAND_COLOURS[a.band], true) : undefined),
    },
    {
      key: 'status',
      header: tr(RESULTS.status),
      min: 8,
      max: 14,
      value: (a) => tr(ROW_STATUS[a.status]),
      style: (a) => (a.status !== 'graded' ? { fontColor: SEVERITY_COLOURS.warning.font, bold: true } : undefined),
    },
    {
      key: 'reason',
      header: tr(RESULTS.reason),
      min: 12,
      max: 50,
      wrap: true,
      value: (a) => reasonsOf(a, perRow.get(`${a.row.source.sheet}\u0000${a.row.source.row}`) ?? 0, tr, names.issues).join(clause) || null,
    },
    {
      key: 'veto',
      header: tr(RESULTS.veto),
      min: 10,
      max: 30,
      wrap: true,
      value: (a) => a.row.veto || null,
      style: (a) => (a.row.veto !== null ? colours(BAND_COLOURS.unqualified) : undefined),
    },
    { key: 'source', header: tr(RESULTS.source), min: 12, max: 30, value: () => null, link: (a) => a.row.source },
  ];
  const b = new SheetBuilder(names.results, columns as Column<never>[]);

  // Summary of the latest period: groups per band, so a reader sees it without scrolling.
  b.title(tr(RESULTS.title));
  const latest = latestPeriod(result.assessments);
  if (latest) {
    const key = periodIndex(latest);
    const inLatest = result.assessments.filter((a) => a.row.period && periodIndex(a.row.period) === key);
    const r0 = b.add([tr(RESULTS.summaryTitle, { period: periodLabel(lang, latest), count: inLatest.length })]);
    b.cellStyle(r0, 0, { bold: true });
    const rh = b.add([tr(RESULTS.summaryBand), tr(RESULTS.summaryCount), tr(RESULTS.summaryGroups)]);
    b.style(`${a1(rh, 0)}:${a1(rh, 2)}`, { bold: true, fill: HEADER_COLOURS.fill, fontColor: HEADER_COLOURS.font, border: true });
    const sep = tr(OUT.listSep);
    const byBand = new Map<BandCode, string[]>(BAND_CODES.map((band) => [band, []]));
    // Each group once among the records without a band (two duplicate rows are one group).
    const ungraded = new Set<string>();
    for (const a of inLatest) {
      if (a.status === 'graded' && a.band) byBand.get(a.band)!.push(a.row.group);
      else ungraded.add(tr(RESULTS.summaryUngradedItem, { group: a.row.group || cellAddress(a.row.source), status: tr(ROW_STATUS[a.status]) }));
    }
    for (const band of BAND_CODES) {
      const groups = byBand.get(band)!;
      const r = b.add([tr(BAND[band]), groups.length, groups.join(sep) || null]);
      b.coloured(r, 0, BAND_COLOURS[band]);
      b.style(`${a1(r, 0)}:${a1(r, 1)}`, { border: true });
    }
    const ru = b.add([tr(RESULTS.summaryUngraded), ungraded.size, [...ungraded].join(sep) || null]);
    b.style(`${a1(ru, 0)}:${a1(ru, 1)}`, { border: true });
  } else {
    b.note(tr(RESULTS.summaryEmpty));
  }
  b.note(tr(OUT.basisLine, { basis: rules.basis || tr(OUT.basisDefault) }) + (rubric.source === 'sheet' && rubric.sheet ? tr(OUT.rubricSheet, { sheet: rubric.sheet }) : ''));
  b.note(tr(OUT.bandLine, { excellent: rules.excellentMin / 100, qualified: rules.qualifiedMin / 100, basic: rules.basicMin / 100 }));
  b.note(
    [tr(RESULTS.rulesLine, { rankMode: tr(RANK_MODE[rules.rankMode]), deadlineRule: rules.rectifyDays === null ? tr(RESULTS.deadlineMonths, { months: rules.rectifyMonths }) : tr(RESULTS.deadlineDays, { days: rules.rectifyDays }) }), tr(OUT.generatedAt, { time: displayTime(lang, runAt) })].join(
      tr(OUT.clauseSep),
    ),
  );
  b.add();
  b.headers();
  if (result.assessments.length === 0) b.tableLine([tr(RESULTS.noRows)]);
  b.rows(result.assessments);
  // Keep the period and group in view when scrolling right.
  return b.build({ tabColor: TAB_COLOUR.results, freezeCols: 2 });
}

// ───────────────────────────── 年度排名 ─────────────────────────────

function renderRanking(result: AssessmentResult, lang: Lang, names: Record<OutputKind, string>): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const { rules } = result;
  const minBand = tr(BAND[rules.awardMinBand]);
  const tied = tiedRanks(result.annual);
  const clause = tr(OUT.clauseSep);
  const ordered = rankingOrder(result.annual);
  // The first row of each year carries the year in bold, so the years stand apart.
  const firstOfYear = new Set<AnnualEntry>();
  ordered.forEach((e, i) => {
    if (i === 0 || ordered[i - 1].year !== e.year) firstOfYear.add(e);
  });
  const columns: Column<AnnualEntry>[] = [
    { key: 'year', header: tr(RANKING.year), min: 7, max: 10, numeric: true, value: (e) => e.year, style: (e) => (firstOfYear.has(e) ? { bold: true } : undefined) },
    { key: 'rank', header: tr(RANKING.rank), min: 6, max: 8, numeric: true, value: (e) => e.rank },
    { key: 'group', header: tr(RANKING.group), min: 10, max: 30, value: (e) => e.group || null },
    { key: 'leader', header: tr(RANKING.leader), min: 8, max: 16, value: (e) => e.leader || null },
    { key: 'h1', header: tr(RANKING.h1), min: 8, max: 10, numeric: true, value: (e) => pts(e.h1) },
    { key: 'h2', header: tr(RANKING.h2), min: 8, max: 10, numeric: true, value: (e) => pts(e.h2) },
    { key: 'average', header: tr(RANKING.average), min: 9, max: 12, numeric: true, value: (e) => (e.average === null ? null : e.average / 1000) },
    {
      key: 'band',
      header: tr(RANKING.band),
      min: 8,
      max: 22,
      value: (e) => (e.band ? tr(BAND[e.band]) : null),
      style: (e) => (e.band ? colours(BAND_COLOURS[e.band], true) : undefined),
    },
    {
      key: 'titles',
      header: tr(RANKING.titles),
      min: 12,
      max: 40,
      wrap: true,
      value: (e) => titlesText(e, tr),
      style: (e) => (e.titles.includes('advanced') ? { bold: true } : undefined),
    },
    { key: 'notes', header: tr(RANKING.notes), min: 16, max: 60, wrap: true, value: (e) => annualNotes(e, rules, tied(e), tr).join(clause) || null },
    { key: 'source', header: tr(RANKING.source), min: 12, max: 30, value: () => null, link: (e) => e.source },
  ];
  const b = new SheetBuilder(names.ranking, columns as Column<never>[]);
  b.title(tr(RANKING.title));
  b.note(tr(RANKING.rankModeLine, { rankMode: tr(RANK_MODE[rules.rankMode]) }));
  b.note(tr(RANKING.awardLine, { minBand }));
  b.add();
  b.headers();
  if (result.annual.length === 0) b.tableLine([tr(RANKING.noRows)]);
  b.rows(ordered);
  return b.build({ tabColor: TAB_COLOUR.ranking });
}

// ───────────────────────────── 预警与整改（整改台账） ─────────────────────────────

/** A row of the warnings sheet: a warning of this run (with what was typed for it), or a kept ledger row. */
type WarningRow = { w: Warning; cells: LedgerCells | undefined; kept?: undefined } | { w?: undefined; kept: LedgerRow };

function renderWarnings(result: AssessmentResult, lang: Lang, names: Record<OutputKind, string>, ledger: Ledger): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const sep = tr(OUT.listSep);
  // Looked up per warning: the annual entry (a tie's average) and the other tied groups of its year.
  const annualOf = new Map(result.annual.map((e) => [`${e.year}\u0000${e.group}`, e]));
  const tiesOf = new Map<number, string[]>();
  for (const w of result.warnings) if (w.code === 'TIE_FOR_TOP') (tiesOf.get(w.year) ?? tiesOf.set(w.year, []).get(w.year)!).push(w.group);
  const periodText = (year: number, half: 1 | 2 | null) => (half ? periodLabel(lang, { year, half }) : tr(OUT.yearLabel, { year }));
  const dateStyle: CellStyle = { numberFormat: DATE_FORMAT[lang], horizontal: 'left' };
  // A date cell holds a number: its column is as wide as the longest date shown (2026年12月31日, September 30, 2026).
  const dateWidth = textWidth(dateLabel(lang, '2026-09-30')) + 3;
  const ledgerCell = (field: (typeof LEDGER_FIELDS)[number]) => (r: WarningRow) => (r.w ? (r.cells?.[field] ?? null) : r.kept.cells[field]);
  // A date typed into a text column of the ledger stays a date (ledger.ts, isDateSerial).
  const ledgerDate = (field: (typeof LEDGER_FIELDS)[number]) => (r: WarningRow) => (isDateSerial(ledgerCell(field)(r)) ? dateStyle : undefined);

  const columns: Column<WarningRow>[] = [
    {
      key: 'severity',
      header: tr(WARNINGS.severity),
      min: 8,
      max: 10,
      value: (r) => (r.w ? tr(SEVERITY[r.w.severity]) : r.kept.shown.severity ?? null),
      style: (r) => (r.w ? colours(SEVERITY_COLOURS[r.w.severity], true) : undefined),
    },
    { key: 'type', header: tr(WARNINGS.code), min: 10, max: 22, wrap: true, value: (r) => (r.w ? warningName(lang, r.w) : r.kept.unplaced?.type ?? tr(WARNING_NAME[r.kept.code])) },
    {
      key: 'period',
      header: tr(WARNINGS.period),
      min: 10,
      max: 16,
      value: (r) => (r.w ? periodText(r.w.year, r.w.half) : (r.kept.unplaced?.period ?? periodText(r.kept.year, r.kept.half))),
    },
    { key: 'group', header: tr(WARNINGS.group), min: 10, max: 30, value: (r) => (r.w ? r.w.group : r.kept.group) || null },
    { key: 'leader', header: tr(WARNINGS.leader), min: 8, max: 16, value: (r) => (r.w ? r.w.leader || null : r.kept.shown.leader ?? null) },
    { key: 'liaison', header: tr(WARNINGS.liaison), min: 8, max: 16, value: (r) => (r.w ? r.w.liaison || null : r.kept.shown.liaison ?? null) },
    {
      key: 'message',
      header: tr(WARNINGS.message),
      min: 30,
      max: 60,
      wrap: true,
      value: (r) => {
        if (!r.w) return r.kept.shown.message ?? null;
        const w = r.w;
        const tiedWith = w.code === 'TIE_FOR_TOP' ? (tiesOf.get(w.year) ?? []).filter((g) => g !== w.group) : undefined;
        const average = annualOf.get(`${w.year}\u0000${w.group}`)?.average ?? null;
        return warningMessage(lang, w, { itemName: (c) => rubricItemName(result.rubric, c, lang), tiedWith, average, withFocus: false });
      },
    },
    {
      key: 'deadline',
      header: tr(WARNINGS.deadline),
      min: dateWidth,
      max: dateWidth + 4,
      value: (r) => (r.w ? (r.w.deadline ? excelSerial(r.w.deadline) : null) : r.kept.shown.deadline ?? null),
      style: (r) => ((r.w ? r.w.deadline : typeof r.kept.shown.deadline === 'number') ? dateStyle : undefined),
    },
    {
      key: 'status',
      header: tr(WARNINGS.status),
      min: 10,
      max: 32,
      value: (r) => (r.w ? (r.w.status ? statusText(lang, r.w.status, r.w) : null) : tr(WARNINGS.noLongerRaised)),
      style: (r) => (r.w ? (r.w.status ? colours(STATUS_COLOURS[r.w.status]) : undefined) : colours(STATUS_COLOURS.kept)),
    },
    {
      key: 'focus',
      header: tr(WARNINGS.focus),
      min: 16,
      max: 40,
      wrap: true,
      value: (r) => (r.w ? r.w.focusItems.map((c) => `${c}.${rubricItemName(result.rubric, c, lang)}`).join(sep) || null : r.kept.shown.focus ?? null),
    },
    // 整改台账: the columns people write in (pale yellow), kept across runs (ledger.ts).
    { key: 'measures', header: tr(LEDGER.measures), min: 20, max: 40, wrap: true, value: ledgerCell('measures'), style: ledgerDate('measures'), body: { fill: INPUT_FILL } },
    { key: 'responsible', header: tr(LEDGER.responsible), min: 8, max: 14, wrap: true, value: ledgerCell('responsible'), style: ledgerDate('responsible'), body: { fill: INPUT_FILL } },
    { key: 'progress', header: tr(LEDGER.progress), min: 16, max: 30, wrap: true, value: ledgerCell('progress'), style: ledgerDate('progress'), body: { fill: INPUT_FILL } },
    { key: 'closedOn', header: tr(LEDGER.closedOn), min: dateWidth, max: dateWidth + 4, value: ledgerCell('closedOn'), body: { fill: INPUT_FILL, ...dateStyle } },
    { key: 'source', header: tr(WARNINGS.source), min: 12, max: 30, value: () => null, link: (r) => (r.w ? r.w.source : null) },
    // The columns the user added (督办意见…), at the right of ours in the user's order, kept like the four.
    ...ledger.extras.map(
      (header, i): Column<WarningRow> => ({
        key: `extra${i}`,
        header,
        // The width the user gave the column, else fitted to its content.
        min: ledger.extraWidths[i] ?? 10,
        max: ledger.extraWidths[i] ?? 40,
        wrap: true,
        value: (r) => (r.w ? r.cells?.extra?.[i] : r.kept.cells.extra?.[i]) ?? null,
        style: (r) => (datedHeader(header) && isDateSerial((r.w ? r.cells?.extra?.[i] : r.kept.cells.extra?.[i]) ?? null) ? dateStyle : undefined),
        body: { fill: INPUT_FILL },
      }),
    ),
  ];
  const b = new SheetBuilder(names.warnings, columns as Column<never>[]);
  const count = { serious: 0, warning: 0, info: 0, open: 0, overdue: 0, closed: 0, not_effective: 0, resolved: 0 };
  for (const w of result.warnings) {
    count[w.severity]++;
    if (w.status) count[w.status]++;
  }
  b.title(tr(WARNINGS.title));
  b.note(
    tr(WARNINGS.countLine, {
      serious: count.serious,
      warning: count.warning,
      info: count.info,
      open: count.open,
      overdue: count.overdue,
      closed: count.closed,
      asOf: dateLabel(lang, result.asOf),
    }),
  );
  b.note(tr(WARNINGS.ledgerLine));
  b.add();
  b.headers();
  if (result.warnings.length === 0) b.tableLine([tr(WARNINGS.noRows)]);
  b.rows(actionOrder(result.warnings).map((w): WarningRow => ({ w, cells: ledger.byWarning.get(w) })));
  if (ledger.kept.length) {
    b.tableLine([tr(WARNINGS.keptSection)], { italic: true, fontColor: STATUS_COLOURS.kept.font });
    b.rows(ledger.kept.map((kept): WarningRow => ({ kept })));
  }
  return b.build({ tabColor: TAB_COLOUR.warnings });
}

// ───────────────────────────── 数据问题 ─────────────────────────────

function renderIssues(result: AssessmentResult, lang: Lang, names: Record<OutputKind, string>): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const columns: Column<DataIssue>[] = [
    { key: 'cell', header: tr(ISSUES.cell), min: 14, max: 30, value: () => null, link: (i) => i.cell },
    { key: 'value', header: tr(ISSUES.value), min: 10, max: 30, wrap: true, value: (i) => (i.value === '' ? null : i.value) },
    { key: 'message', header: tr(ISSUES.message), min: 40, max: 70, wrap: true, value: (i) => issueMessage(lang, i) },
    { key: 'code', header: tr(ISSUES.code), min: 12, max: 22, value: (i) => i.code },
  ];
  const b = new SheetBuilder(names.issues, columns as Column<never>[]);
  b.title(tr(ISSUES.title));
  b.note(tr(ISSUES.countLine, { count: result.issues.length }));
  b.add();
  b.headers();
  if (result.issues.length === 0) b.tableLine([tr(ISSUES.noRows)]);
  b.rows(result.issues);
  return b.build({ tabColor: TAB_COLOUR.issues });
}

// ───────────────────────────── the patch ─────────────────────────────

/** A working sheet's printing: one page wide when its text stays at 9 points or more, else split across pages at 9 points. */
const working = (s: SheetPatch): SheetPatch => ({ ...s, page: workingPage(s.columnWidths) });

/** What was typed in the last run's warnings sheet (the rectification ledger), row by row, with the user's own columns. */
export function ledgerRowsOf(snapshot: WorkbookSnapshot): LedgerRead {
  return readLedgerAll(snapshot, ownedSheets(snapshot));
}

/** The ledger of a run: what was typed in the last run's warnings sheet, merged with this run's warnings. */
export function ledgerOf(result: AssessmentResult, snapshot: WorkbookSnapshot, read: LedgerRead = ledgerRowsOf(snapshot)): Ledger {
  return read.rows.length || read.extras.length || read.losses.length ? mergeLedger(result.warnings, read.rows, read) : EMPTY_LEDGER;
}

/** Something a run says it could not keep as the user left it (RUN_NOTE), in either language. */
export interface RunNote {
  msg: Msg;
  params: Params;
}

/**
 * What this run could not keep as the user left it, for its summary and the pane: ledger cells that were
 * formulas (kept as text), merged ledger cells, ledger rows it cannot place beside a warning, and sheets an
 * earlier release's record lists that are now the user's (kept; this run's output under another name).
 */
export function runNotes(ledger: Ledger, snapshot: WorkbookSnapshot, lang: Lang): RunNote[] {
  const notes: RunNote[] = [];
  for (const kind of ['formula', 'merged', 'unplaced'] as const) {
    const where = ledger.losses.filter((l) => l.kind === kind).map((l) => l.where);
    if (!where.length) continue;
    const list = where.slice(0, 5).join(t(lang, OUT.listSep));
    notes.push({ msg: RUN_NOTE[kind], params: { where: where.length > 5 ? t(lang, RUN_NOTE.more, { list, n: where.length }) : list } });
  }
  const untrusted = untrustedSheets(snapshot);
  if (untrusted.length) {
    const names = chooseSheetNames(lang, snapshot);
    for (const sheet of untrusted) {
      const kind = OUTPUT_KINDS.find((k) => isNameFor(sheet, OUTPUT_SHEET[k].zh) || isNameFor(sheet, OUTPUT_SHEET[k].en));
      if (kind) notes.push({ msg: RUN_NOTE.untrusted, params: { sheet, to: names[kind] } });
    }
  }
  return notes;
}

/**
 * The whole output of a run: the four working sheets (results, ranking, warnings with the ledger,
 * issues), the three official tables for printing (half-year, year, 整改台账) and, last, the meta sheet recording ownership, run
 * time, fingerprint and language.
 */
export function renderPatch(result: AssessmentResult, snapshot: WorkbookSnapshot, opts: RenderOptions): WorkbookPatch {
  const { lang } = opts;
  const meta = readMeta(snapshot);
  // The run record's name is fixed: a sheet of the user's under it (any letter case) must be renamed first.
  // An empty one (what an Excel run cut right after adding it leaves) holds nothing to lose: it is written into.
  const metaLike = snapshot.sheets.find((s) => s.name.toLowerCase() === META_SHEET.toLowerCase());
  if (metaLike && ((!meta && !metaSheetWritable(snapshot)) || metaLike.name !== META_SHEET)) {
    throw new AssessError('config', FILE_CODES.metaSheetTaken, { sheet: metaLike.name }, metaLike.name);
  }
  const owned = ownedSheets(snapshot);
  const names = chooseSheetNames(lang, snapshot, owned);
  const produced = OUTPUT_KINDS.map((k) => names[k]);
  const producedKeys = new Set(produced.map((n) => n.toLowerCase()));
  const deleteSheets = [...owned].filter((n) => n !== META_SHEET && !producedKeys.has(n.toLowerCase()));
  const ledger = opts.ledger ?? ledgerOf(result, snapshot);
  const print = { lang, unit: opts.unit ?? '', issuesSheet: names.issues, period: opts.printPeriod, assessedOn: opts.assessedOn };
  const outputs: SheetPatch[] = [
    working(renderResults(result, lang, names, opts.runAt)),
    working(renderRanking(result, lang, names)),
    working(renderWarnings(result, lang, names, ledger)),
    working(renderIssues(result, lang, names)),
    { ...renderPrintHalf(result, names.printHalf, print), tabColor: TAB_COLOUR.printHalf },
    { ...renderPrintYear(result, names.printYear, print), tabColor: TAB_COLOUR.printYear },
    { ...renderPrintLedger(result, names.printLedger, { ...print, ledger, warningsSheet: names.warnings }), tabColor: TAB_COLOUR.printLedger },
    metaSheetPatch({
      sheets: produced,
      runAt: opts.runAt,
      fingerprint: opts.fingerprint,
      language: lang,
      paneLanguage: opts.paneLanguage === undefined ? (meta?.paneLanguage ?? null) : opts.paneLanguage,
      digest: encodeDigest(result),
    }),
  ];
  const sheets = outputs.map((s) => ({ ...s, owned: true }));
  return { sheets, deleteSheets, activate: names.results };
}
