/**
 * The renderer: pure functions from an AssessmentResult to the WorkbookPatch that both hosts (ExcelJS
 * and Office.js) apply identically. No host types, no I/O, no clock: the run time comes in as a string,
 * so the same inputs always give a deep-equal patch.
 */
import { actionOrder, rankingOrder, titleOrder } from '../domain/order';
import { comparePeriods } from '../domain/periods';
import { ASPECT_EN, DEFAULT_ITEM_EN, DEFAULT_RUBRIC, aspects } from '../domain/rubric';
import type {
  Assessment,
  AssessmentResult,
  BandCode,
  CellRef,
  DataIssue,
  Lang,
  Period,
  RectifyStatus,
  Rubric,
  Severity,
} from '../domain/types';
import type { Msg, Params } from '../i18n';
import { t } from '../i18n';
import { BAND, ROW_STATUS, SEVERITY, TITLE, WARNING_NAME, dateLabel, periodLabel, statusText, warningMessage } from '../i18n/domain';
import { issueMessage } from '../i18n/issues';
import {
  ISSUES,
  OUT,
  OUTPUT_KINDS,
  OUTPUT_SHEET,
  RANK_MODE,
  RANKING,
  RESULTS,
  SHEET_NAME_SUFFIX,
  WARNINGS,
} from '../i18n/output';
import type { OutputKind } from '../i18n/output';
import { a1, cellAddress, linkTarget } from './a1';
import { AssessError } from '../domain/errors';
import { FILE_ERR } from '../i18n/file';
import { META_SHEET, metaSheetPatch, ownedSheets, readMeta } from './meta';
import { encodeDigest } from './digest';
import type { CellLink, OutputValue, RangeStyle, SheetPatch, WorkbookPatch, WorkbookSnapshot } from './snapshot';

/** Excel's limit of hyperlinks on one worksheet (Excel specifications and limits). */
export const MAX_LINKS_PER_SHEET = 65530;
/** Excel's limit of characters in one cell: longer text (a list of thousands of groups) ends with “…”. */
export const MAX_CELL_TEXT = 32767;

export interface RenderOptions {
  lang: Lang;
  /** ISO time of the run (recorded in the meta sheet and shown on the results sheet). */
  runAt: string;
  /** Fingerprint of the input sheets (see fingerprint.ts). */
  fingerprint: string;
  /** The task pane's language choice: undefined keeps the one recorded by the last run, null clears it. */
  paneLanguage?: Lang | null;
}

// ───────────────────────────── colours (light fills, dark text: WCAG AA contrast ≥ 4.5) ─────────────

export interface Colours {
  fill: string;
  font: string;
}

export const HEADER_COLOURS: Colours = { fill: 'D9E1F2', font: '1F1F1F' };
/** The header row's look, shared by the output sheets and the template. */
export const headerStyle = (range: string): RangeStyle => ({
  range,
  bold: true,
  fill: HEADER_COLOURS.fill,
  fontColor: HEADER_COLOURS.font,
  wrap: true,
  border: true,
  horizontal: 'center',
});
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
export const STATUS_COLOURS: Record<RectifyStatus, Colours> = {
  overdue: { fill: 'FFC7CE', font: '9C0006' },
  not_effective: { fill: 'FFC7CE', font: '9C0006' },
  open: { fill: 'FFEB9C', font: '6B4E00' },
  resolved: { fill: 'C6EFCE', font: '006100' },
};
export const LINK_FONT = '0563C1';
const NOTE_FONT = '404040';
const NUMBER_FORMAT = 'General';
const TAB_COLOUR: Record<OutputKind, string> = {
  results: '2E75B6',
  ranking: '548235',
  warnings: 'C00000',
  issues: 'BF8F00',
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
  const foreign = new Set(
    snapshot.sheets.map((s) => s.name.toLowerCase()).filter((n) => !owned.has(n)),
  );
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

// ───────────────────────────── a small sheet builder ─────────────────────────────

/** Display width of text in Excel "characters": CJK and full-width characters count double. */
/** Points per line of 11-point text, for row heights. */
const LINE_HEIGHT = 15;

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x2e80 && !(c >= 0xff61 && c <= 0xff9f) ? 2 : 1;
  }
  return w;
}

interface ColumnSpec {
  header: string;
  min: number;
  max: number;
  numeric?: boolean;
  wrap?: boolean;
}

class SheetBuilder {
  readonly values: OutputValue[][] = [];
  readonly styles: RangeStyle[] = [];
  readonly links: CellLink[] = [];
  headerRow = -1;

  constructor(
    readonly name: string,
    readonly columns: ColumnSpec[],
  ) {}

  get width(): number {
    return this.columns.length;
  }

  /** Append a row (padded with nulls to the sheet width); returns its 0-based index. */
  add(row: OutputValue[] = []): number {
    const r: OutputValue[] = row.slice(0, this.width).map((v) => (typeof v === 'string' && v.length > MAX_CELL_TEXT ? `${v.slice(0, MAX_CELL_TEXT - 1)}…` : v));
    while (r.length < this.width) r.push(null);
    this.values.push(r);
    return this.values.length - 1;
  }

  style(range: string, s: Omit<RangeStyle, 'range'>): void {
    this.styles.push({ range, ...s });
  }

  cellStyle(row: number, col: number, s: Omit<RangeStyle, 'range'>): void {
    this.style(a1(row, col), s);
  }

  rowRange(row: number): string {
    return `${a1(row, 0)}:${a1(row, this.width - 1)}`;
  }

  title(text: string): number {
    const r = this.add([text]);
    this.cellStyle(r, 0, { bold: true, size: 14 });
    return r;
  }

  note(text: string): number {
    const r = this.add([text]);
    this.cellStyle(r, 0, { italic: true, fontColor: NOTE_FONT });
    return r;
  }

  header(): number {
    const r = this.add(this.columns.map((c) => c.header));
    this.headerRow = r;
    this.styles.push(headerStyle(this.rowRange(r)));
    return r;
  }

  link(row: number, col: number, ref: CellRef): void {
    const text = cellAddress(ref);
    this.values[row][col] = text;
    // Excel holds at most 65,530 links on a sheet; further rows keep the address as plain text.
    if (this.links.length >= MAX_LINKS_PER_SHEET) return;
    this.links.push({ row, col, target: linkTarget(ref), text });
    this.cellStyle(row, col, { fontColor: LINK_FONT });
  }

  coloured(row: number, col: number, c: Colours, bold = false): void {
    this.cellStyle(row, col, { fill: c.fill, fontColor: c.font, ...(bold ? { bold: true } : {}) });
  }

  /** Finish: borders and formats over the table body, widths from the header and body text. */
  build(kind: OutputKind): SheetPatch {
    const h = this.headerRow;
    const last = this.values.length - 1;
    if (h >= 0 && last > h) {
      this.style(`${a1(h + 1, 0)}:${a1(last, this.width - 1)}`, { border: true });
      this.columns.forEach((c, i) => {
        const range = `${a1(h + 1, i)}:${a1(last, i)}`;
        if (c.numeric) this.style(range, { numberFormat: NUMBER_FORMAT, horizontal: 'right' });
        if (c.wrap) this.style(range, { wrap: true });
      });
    }
    const columnWidths = this.columns.map((c, i) => {
      let w = 0;
      for (let r = Math.max(h, 0); r <= last; r++) {
        const v = this.values[r][i];
        if (v === null || v === '') continue;
        // Headers wrap, so a long header needs only half its width.
        const tw = textWidth(String(v));
        w = Math.max(w, r === h ? Math.ceil(tw / 2) : tw);
      }
      return Math.min(c.max, Math.max(c.min, w + 2));
    });
    // Explicit heights for rows whose wrapped text needs several lines: Excel and LibreOffice do not
    // re-measure rows of a file written by a library, so without them wrapped text would be cut off.
    const rowHeights: { row: number; height: number }[] = [];
    for (let r = Math.max(h, 0); r <= last; r++) {
      let lines = 1;
      this.columns.forEach((c, i) => {
        if (!c.wrap && r !== h) return;
        const v = this.values[r][i];
        if (v === null || v === '') return;
        lines = Math.max(lines, Math.ceil(textWidth(String(v)) / Math.max(1, columnWidths[i] - 1)));
      });
      if (lines > 1) rowHeights.push({ row: r, height: Math.min(409, LINE_HEIGHT * lines) });
    }
    return {
      name: this.name,
      values: this.values,
      styles: this.styles,
      links: this.links,
      merges: [],
      columnWidths,
      rowHeights,
      freeze: { rows: h + 1, cols: 0 },
      visibility: 'visible',
      tabColor: TAB_COLOUR[kind],
      landscape: true,
      ...(h >= 0 ? { printTitleRows: `${h + 1}:${h + 1}` } : {}),
    };
  }
}

// ───────────────────────────── helpers ─────────────────────────────

const pts = (hundredths: number | null): number | null => (hundredths === null ? null : hundredths / 100);

function sameRow(issue: DataIssue, ref: CellRef): boolean {
  return issue.cell.sheet === ref.sheet && issue.cell.row === ref.row;
}

/** Rubric words in the output language: English names for the default rubric's items and aspects. */
function rubricWords(lang: Lang, rubric: Rubric) {
  const defaults = new Map(DEFAULT_RUBRIC.items.map((i) => [i.code, i.name]));
  const itemName = (code: string): string => {
    const item = rubric.items.find((i) => i.code === code);
    const name = item?.name ?? code;
    if (lang === 'en-US' && defaults.get(code) === name && DEFAULT_ITEM_EN[code]) return DEFAULT_ITEM_EN[code];
    return name;
  };
  const aspectName = (aspect: string): string => (lang === 'en-US' && ASPECT_EN[aspect]) || aspect;
  return { itemName, aspectName };
}

/**
 * The run time as a reader wants it, in the local time the host recorded (ISO with its offset):
 * `2026年11月29日 19:42` / `November 29, 2026 19:42`. Pure: the digits are read from the string, no
 * time-zone lookup. Anything else is shown as is.
 */
export function displayTime(lang: Lang, iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (!m) return iso;
  return `${dateLabel(lang, m[1])} ${m[2]}`;
}

/** Days since 1899-12-30: a date as Excel stores it (a number with a date format). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Number formats that show a date as the glossary writes it: 2025年9月28日 / September 28, 2025. */
export const DATE_FORMAT: Record<Lang, string> = { 'zh-CN': 'yyyy"年"m"月"d"日"', 'en-US': 'mmmm d, yyyy' };

// ───────────────────────────── 考评结果 ─────────────────────────────

function renderResults(
  result: AssessmentResult,
  lang: Lang,
  names: Record<OutputKind, string>,
  runAt: string,
): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const { rubric, rules } = result;
  const { aspectName } = rubricWords(lang, rubric);
  const aspectList = aspects(rubric);
  const columns: ColumnSpec[] = [
    // The summary above the table writes band words in this column: wide enough for the longest.
    { header: tr(RESULTS.period), min: Math.max(10, ...Object.values(BAND).map((m) => textWidth(tr(m)) + 2)), max: 22 },
    { header: tr(RESULTS.group), min: 10, max: 30 },
    { header: tr(RESULTS.leader), min: 8, max: 16 },
    { header: tr(RESULTS.liaison), min: 8, max: 16 },
    ...aspectList.map((a) => ({
      header: aspectName(a.aspect) + tr(OUT.pointsSuffix, { max: a.max / 100 }),
      min: 8,
      max: 14,
      numeric: true,
    })),
    { header: tr(RESULTS.total), min: 8, max: 10, numeric: true },
    { header: tr(RESULTS.band), min: 8, max: 22 },
    { header: tr(RESULTS.status), min: 8, max: 14 },
    { header: tr(RESULTS.reason), min: 12, max: 50, wrap: true },
    { header: tr(RESULTS.veto), min: 10, max: 30, wrap: true },
    { header: tr(RESULTS.source), min: 12, max: 30 },
  ];
  const col = {
    aspects: 4,
    total: 4 + aspectList.length,
    band: 5 + aspectList.length,
    status: 6 + aspectList.length,
    reason: 7 + aspectList.length,
    veto: 8 + aspectList.length,
    source: 9 + aspectList.length,
  };
  const b = new SheetBuilder(names.results, columns);

  // Summary of the latest period: groups per band, so a reader sees it without scrolling.
  const dated = result.assessments.filter((a): a is Assessment & { row: { period: Period } } => a.row.period !== null);
  const latest = dated.reduce<Period | null>(
    (best, a) => (best === null || comparePeriods(a.row.period, best) > 0 ? a.row.period : best),
    null,
  );
  b.title(tr(RESULTS.title));
  if (latest) {
    const rows = dated.filter((a) => comparePeriods(a.row.period, latest) === 0);
    const r0 = b.add([tr(RESULTS.summaryTitle, { period: periodLabel(lang, latest), count: rows.length })]);
    b.cellStyle(r0, 0, { bold: true });
    const rh = b.add([tr(RESULTS.summaryBand), tr(RESULTS.summaryCount), tr(RESULTS.summaryGroups)]);
    b.style(`${a1(rh, 0)}:${a1(rh, 2)}`, { bold: true, fill: HEADER_COLOURS.fill, fontColor: HEADER_COLOURS.font, border: true });
    const sep = tr(OUT.listSep);
    for (const band of Object.keys(BAND_COLOURS) as BandCode[]) {
      const groups = rows.filter((a) => a.status === 'graded' && a.band === band).map((a) => a.row.group);
      const r = b.add([tr(BAND[band]), groups.length, groups.join(sep) || null]);
      b.coloured(r, 0, BAND_COLOURS[band]);
      b.style(`${a1(r, 0)}:${a1(r, 1)}`, { border: true });
    }
    // Each group once (two duplicate rows are one group without a band).
    const ungraded = [
      ...new Set(
        rows
          .filter((a) => a.status !== 'graded')
          .map((a) =>
            tr(RESULTS.summaryUngradedItem, { group: a.row.group || cellAddress(a.row.source), status: tr(ROW_STATUS[a.status]) }),
          ),
      ),
    ];
    const ru = b.add([tr(RESULTS.summaryUngraded), ungraded.length, ungraded.join(sep) || null]);
    b.style(`${a1(ru, 0)}:${a1(ru, 1)}`, { border: true });
  } else {
    b.note(tr(RESULTS.summaryEmpty));
  }
  b.note(tr(OUT.basisLine, { basis: rules.basis || tr(OUT.basisDefault) }) + (rubric.source === 'sheet' && rubric.sheet ? tr(OUT.rubricSheet, { sheet: rubric.sheet }) : ''));
  b.note(tr(OUT.bandLine, { excellent: rules.excellentMin / 100, qualified: rules.qualifiedMin / 100, basic: rules.basicMin / 100 }));
  b.note(
    [
      tr(RESULTS.rulesLine, { rankMode: tr(RANK_MODE[rules.rankMode]), days: rules.rectifyDays }),
      tr(OUT.generatedAt, { time: displayTime(lang, runAt) }),
    ].join(tr(OUT.clauseSep)),
  );
  b.add();
  b.header();

  if (result.assessments.length === 0) b.add([tr(RESULTS.noRows)]);
  const clause = tr(OUT.clauseSep);
  for (const a of result.assessments) {
    const row = a.row;
    const rowIssues = result.issues.filter((i) => sameRow(i, row.source)).length;
    const reasons: string[] = [];
    if (a.status === 'duplicate') reasons.push(tr(RESULTS.reasonDuplicate));
    if (a.status === 'pending') reasons.push(tr(RESULTS.reasonPending));
    if (rowIssues > 0) reasons.push(tr(RESULTS.reasonIssues, { count: rowIssues, sheet: names.issues }));
    else if (a.status === 'not_graded') reasons.push(tr(RESULTS.reasonIssuesUnknown, { sheet: names.issues }));
    if (a.status === 'graded' && row.veto !== null) reasons.push(tr(RESULTS.reasonVetoed));
    if (row.notes) reasons.push(tr(RESULTS.notes, { notes: row.notes }));
    const values: OutputValue[] = [
      row.period ? periodLabel(lang, row.period) : tr(OUT.unknownPeriod),
      row.group || null,
      row.leader || null,
      row.liaison || null,
      ...aspectList.map((_, i) => pts(a.aspectTotals?.[i] ?? null)),
      pts(a.total),
      a.band ? tr(BAND[a.band]) : null,
      tr(ROW_STATUS[a.status]),
      reasons.join(clause) || null,
      row.veto || null,
      null,
    ];
    const r = b.add(values);
    if (a.band) b.coloured(r, col.band, BAND_COLOURS[a.band], true);
    if (a.status !== 'graded') b.cellStyle(r, col.status, { fontColor: SEVERITY_COLOURS.warning.font, bold: true });
    if (row.veto !== null) b.coloured(r, col.veto, BAND_COLOURS.unqualified);
    b.link(r, col.source, row.source);
  }
  const patch = b.build('results');
  // Keep the period and group in view when scrolling right.
  patch.freeze = { rows: patch.freeze.rows, cols: 2 };
  return patch;
}

// ───────────────────────────── 年度排名 ─────────────────────────────

function renderRanking(result: AssessmentResult, lang: Lang, names: Record<OutputKind, string>): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const { rules } = result;
  const minBand = tr(BAND[rules.awardMinBand]);
  const awardMin = rules.awardMinBand === 'excellent' ? rules.excellentMin : rules.qualifiedMin;
  const columns: ColumnSpec[] = [
    { header: tr(RANKING.year), min: 7, max: 10, numeric: true },
    { header: tr(RANKING.rank), min: 6, max: 8, numeric: true },
    { header: tr(RANKING.group), min: 10, max: 30 },
    { header: tr(RANKING.leader), min: 8, max: 16 },
    { header: tr(RANKING.h1), min: 8, max: 10, numeric: true },
    { header: tr(RANKING.h2), min: 8, max: 10, numeric: true },
    { header: tr(RANKING.average), min: 9, max: 12, numeric: true },
    { header: tr(RANKING.band), min: 8, max: 22 },
    { header: tr(RANKING.titles), min: 12, max: 40, wrap: true },
    { header: tr(RANKING.notes), min: 16, max: 60, wrap: true },
    { header: tr(RANKING.source), min: 12, max: 30 },
  ];
  const b = new SheetBuilder(names.ranking, columns);
  b.title(tr(RANKING.title));
  b.note(tr(RANKING.rankModeLine, { rankMode: tr(RANK_MODE[rules.rankMode]) }));
  b.note(tr(RANKING.awardLine, { minBand }));
  b.add();
  b.header();
  if (result.annual.length === 0) b.add([tr(RANKING.noRows)]);
  const clause = tr(OUT.clauseSep);
  const sep = tr(OUT.listSep);
  let previousYear: number | null = null;
  const perRank = new Map<string, number>();
  for (const o of result.annual) {
    if (o.rank !== null) perRank.set(`${o.year}:${o.rank}`, (perRank.get(`${o.year}:${o.rank}`) ?? 0) + 1);
  }
  for (const e of rankingOrder(result.annual)) {
    const tiedRank = e.rank !== null && (perRank.get(`${e.year}:${e.rank}`) ?? 0) > 1;
    const titles = titleOrder(e.titles)
      .map((title) =>
        title === 'advanced' && e.tie ? tr(RANKING.titleTied, { title: tr(TITLE[title]) }) : tr(TITLE[title]),
      );
    const notes: string[] = [];
    if (e.average === null) {
      const missing =
        e.h1 === null && e.h2 === null ? tr(RANKING.bothHalves) : e.h1 === null ? tr(RANKING.h1) : tr(RANKING.h2);
      notes.push(tr(RANKING.incomplete, { missing }));
    }
    // AnnualEntry.eligible is the engine's verdict; say which condition failed.
    const belowBand = e.average !== null && e.h1 !== null && e.h2 !== null && (e.h1 < awardMin || e.h2 < awardMin);
    if (e.vetoed) notes.push(tr(RANKING.vetoed));
    else if (belowBand) notes.push(tr(RANKING.belowAwardBand, { minBand }));
    else if (e.average !== null && e.markedIneligible) notes.push(tr(RANKING.ineligible));
    if (e.tie && e.titles.includes('advanced')) notes.push(tr(RANKING.tieForTop));
    else if (tiedRank && e.rank !== null) notes.push(tr(RANKING.tiedRank, { rank: e.rank }));
    const r = b.add([
      e.year,
      e.rank,
      e.group || null,
      e.leader || null,
      pts(e.h1),
      pts(e.h2),
      e.average === null ? null : e.average / 1000,
      e.band ? tr(BAND[e.band]) : null,
      titles.join(sep) || null,
      notes.join(clause) || null,
      null,
    ]);
    if (e.band) b.coloured(r, 7, BAND_COLOURS[e.band], true);
    if (e.titles.includes('advanced')) b.cellStyle(r, 8, { bold: true });
    // The first row of each year carries the year in bold, so the years stand apart.
    if (previousYear !== e.year) b.cellStyle(r, 0, { bold: true });
    previousYear = e.year;
    b.link(r, 10, e.source);
  }
  return b.build('ranking');
}

// ───────────────────────────── 预警与整改 ─────────────────────────────

function renderWarnings(result: AssessmentResult, lang: Lang, names: Record<OutputKind, string>): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const { itemName } = rubricWords(lang, result.rubric);
  const columns: ColumnSpec[] = [
    { header: tr(WARNINGS.severity), min: 8, max: 10 },
    { header: tr(WARNINGS.code), min: 10, max: 22 },
    { header: tr(WARNINGS.period), min: 10, max: 16 },
    { header: tr(WARNINGS.group), min: 10, max: 30 },
    { header: tr(WARNINGS.leader), min: 8, max: 16 },
    { header: tr(WARNINGS.liaison), min: 8, max: 16 },
    { header: tr(WARNINGS.message), min: 30, max: 60, wrap: true },
    { header: tr(WARNINGS.deadline), min: 11, max: 12 },
    { header: tr(WARNINGS.status), min: 10, max: 32 },
    { header: tr(WARNINGS.focus), min: 16, max: 40, wrap: true },
    { header: tr(WARNINGS.source), min: 12, max: 30 },
  ];
  const b = new SheetBuilder(names.warnings, columns);
  const count = (s: Severity) => result.warnings.filter((w) => w.severity === s).length;
  b.title(tr(WARNINGS.title));
  b.note(
    tr(WARNINGS.countLine, {
      serious: count('serious'),
      warning: count('warning'),
      info: count('info'),
      open: result.warnings.filter((w) => w.status === 'open').length,
      overdue: result.warnings.filter((w) => w.status === 'overdue').length,
      notEffective: result.warnings.filter((w) => w.status === 'not_effective').length,
      asOf: dateLabel(lang, result.asOf),
    }),
  );
  b.add();
  b.header();
  if (result.warnings.length === 0) b.add([tr(WARNINGS.noRows)]);
  const sep = tr(OUT.listSep);
  for (const w of actionOrder(result.warnings)) {
    const tiedWith =
      w.code === 'TIE_FOR_TOP'
        ? result.warnings
            .filter((o) => o.code === 'TIE_FOR_TOP' && o.year === w.year && o.group !== w.group)
            .map((o) => o.group)
        : undefined;
    const entry = result.annual.find((e) => e.year === w.year && e.group === w.group);
    const message = warningMessage(lang, w, { itemName, tiedWith, average: entry?.average ?? null, withFocus: false });
    const r = b.add([
      tr(SEVERITY[w.severity]),
      tr(WARNING_NAME[w.code]),
      w.half ? periodLabel(lang, { year: w.year, half: w.half }) : tr(OUT.yearLabel, { year: w.year }),
      w.group || null,
      w.leader || null,
      w.liaison || null,
      message,
      w.deadline ? excelSerial(w.deadline) : null,
      w.status ? statusText(lang, w.status, w.resolvedBy) : null,
      w.focusItems.map((c) => `${c}.${itemName(c)}`).join(sep) || null,
      null,
    ]);
    b.coloured(r, 0, SEVERITY_COLOURS[w.severity], true);
    if (w.status) b.coloured(r, 8, STATUS_COLOURS[w.status]);
    if (w.deadline) b.cellStyle(r, 7, { numberFormat: DATE_FORMAT[lang], horizontal: 'left' });
    b.link(r, 10, w.source);
  }
  return b.build('warnings');
}

// ───────────────────────────── 数据问题 ─────────────────────────────

function renderIssues(result: AssessmentResult, lang: Lang, names: Record<OutputKind, string>): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const columns: ColumnSpec[] = [
    { header: tr(ISSUES.cell), min: 14, max: 30 },
    { header: tr(ISSUES.value), min: 10, max: 30, wrap: true },
    { header: tr(ISSUES.message), min: 40, max: 70, wrap: true },
    { header: tr(ISSUES.code), min: 12, max: 22 },
  ];
  const b = new SheetBuilder(names.issues, columns);
  b.title(tr(ISSUES.title));
  b.note(tr(ISSUES.countLine, { count: result.issues.length }));
  b.add();
  b.header();
  if (result.issues.length === 0) b.add([tr(ISSUES.noRows)]);
  for (const issue of result.issues) {
    const r = b.add([null, issue.value === '' ? null : issue.value, issueMessage(lang, issue), issue.code]);
    b.link(r, 0, issue.cell);
  }
  return b.build('issues');
}

// ───────────────────────────── the patch ─────────────────────────────

/**
 * The whole output of a run: the four owned sheets (results, ranking, warnings, issues) and, last, the
 * meta sheet recording ownership, run time, fingerprint and language.
 */
export function renderPatch(result: AssessmentResult, snapshot: WorkbookSnapshot, opts: RenderOptions): WorkbookPatch {
  const { lang } = opts;
  const meta = readMeta(snapshot);
  // The run record's name is fixed: a sheet of the user's under it (any letter case) must be renamed first.
  const metaLike = snapshot.sheets.find((s) => s.name.toLowerCase() === META_SHEET.toLowerCase());
  if (metaLike && (!meta || metaLike.name !== META_SHEET)) {
    throw new AssessError('config', FILE_ERR.metaSheetTaken, { sheet: metaLike.name }, metaLike.name);
  }
  const owned = ownedSheets(snapshot);
  const names = chooseSheetNames(lang, snapshot, owned);
  const produced = OUTPUT_KINDS.map((k) => names[k]);
  const producedKeys = new Set(produced.map((n) => n.toLowerCase()));
  const deleteSheets = [...owned].filter((n) => n !== META_SHEET && !producedKeys.has(n.toLowerCase()));
  const outputs: SheetPatch[] = [
    renderResults(result, lang, names, opts.runAt),
    renderRanking(result, lang, names),
    renderWarnings(result, lang, names),
    renderIssues(result, lang, names),
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
