/**
 * The official tables (正式表格): what a secretary prints, signs and hands to the 支委会 or the 党委 —
 * the latest half-year's results (半年考评结果表) and the latest year's (年度考评结果表). Unlike the working
 * sheets they carry no cell links, no codes and no per-row status: a merged, centred title naming the
 * unit and the period, the 考评依据 line, 序号 and the columns the committee reads, a signature block
 * (填表人、审核（党支部书记）、支委会审议日期), A4 with the header row repeated on every page, the footer
 * 第X页 共X页, 宋体 throughout (the title in 黑体), every cell centred vertically.
 */
import { rankingOrder } from '../domain/order';
import { deadline, periodIndex } from '../domain/periods';
import { aspects } from '../domain/rubric';
import type { AnnualEntry, Assessment, AssessmentResult, Half, Lang, Period, Warning } from '../domain/types';
import type { Msg, Params } from '../i18n';
import { t } from '../i18n';
import { BAND, TITLE, dateLabel, periodLabel } from '../i18n/domain';
import { OUT, PRINT, PRINT_LEDGER, RANK_MODE, RANKING, RESULTS } from '../i18n/output';
import { a1 } from '../domain/cell-ref';
import { annualNotes, latestPeriod, pts, tiedRanks, titlesText } from './render-common';
import { aspectName, rubricItemName } from '../i18n/rubric';
import type { Ledger, LedgerCells, LedgerField } from './ledger';
import { isDateSerial } from './ledger';
import type { AssessedOn } from './parse-header';
import { DATE_FORMAT, SheetBuilder, excelSerial, textWidth } from './sheet-builder';
import { foldText, parsePeriod } from './cells';
import type { CellStyle, Column } from './sheet-builder';
import type { OutputValue, PageSetup, SheetPatch } from './snapshot';

export interface PrintOptions {
  lang: Lang;
  /** The unit named in the title ('' for none). */
  unit: string;
  /** The data-issues sheet's name, for a record that is not graded. */
  issuesSheet: string;
  /** The period whose tables to print (its half-year, its year); default the latest. */
  period?: PrintPeriod | null;
  /** 考评时间 as the score sheets state it (ISO dates), by period. */
  assessedOn?: readonly AssessedOn[];
}

/** A period the official tables are printed for: a half-year (its half and its year) or a whole year. */
export interface PrintPeriod {
  year: number;
  half: Half | null;
}


/**
 * A period as a person writes it for the official tables: 2024H1, 2024 H2, 2024年上半年 (a half-year:
 * its half-year table and its year's table), 2024 or 2024年度 (the year: its table, and its latest
 * half-year's). null when the text names neither.
 */
export function parsePrintPeriod(text: string): PrintPeriod | null {
  const s = foldText(text).trim();
  const y = /^(\d{4})\s*(年度?)?$/.exec(s);
  if (y) return { year: Number(y[1]), half: null };
  const p = parsePeriod(s);
  return p && typeof p === 'object' ? { year: p.year, half: p.half } : null;
}

/** A print period in words: 2024年上半年, 2024年度. */
export function printPeriodLabel(lang: Lang, p: PrintPeriod): string {
  return p.half ? periodLabel(lang, { year: p.year, half: p.half }) : t(lang, OUT.yearLabel, { year: p.year });
}

/** True when the assessments hold a record of the period (of a half-year, or of any half of a year). */
export function hasRecordsFor(assessments: readonly Assessment[], p: PrintPeriod): boolean {
  return assessments.some((a) => a.row.period?.year === p.year && (p.half === null || a.row.period.half === p.half));
}

/** 宋体 for the tables, 黑体 for their titles (the glossary's 正式表格); Excel and WPS ship both. */
export const PRINT_FONT = '宋体';
export const TITLE_FONT = '黑体';
/** The printed tables' text size, in points. */
export const PRINT_SIZE = 11;
/** Points per line of the printed tables' text (宋体 11 with some air): every row is a multiple of it. */
const PRINT_LINE = 18;
/**
 * The widest an official table may be, in characters of column width, so that printed one page wide on
 * A4 landscape (about 741 pt between the margins; a character about 5.25 pt) it is scaled to no less than
 * 10/11: its 11-point text prints at 10 points or more. Wrapped columns are narrowed to fit.
 */
const PRINT_MAX_WIDTH = 150;

const PAGE = (lang: Lang): PageSetup => ({
  paper: 'A4',
  orientation: 'landscape',
  fitToWidth: true,
  centerHorizontally: true,
  footer: t(lang, PRINT.footer),
});

/** The title: 城区供电中心线路工区党支部党小组工作考评结果（2025年下半年）. */
function title(lang: Lang, unit: string, msg: Msg, params: Params): string {
  return t(lang, msg, { ...params, unit: unit ? t(lang, PRINT.unitPrefixEn, { unit }) : '' });
}

/** The signature block of a branch's table (the glossary's): 填表人 · 党支部书记（签字） · 党支部（盖章） · 年 月 日. */
export function branchSignature(lang: Lang): string[] {
  return [t(lang, PRINT.preparedBy), t(lang, PRINT.secretary), t(lang, PRINT.seal), t(lang, PRINT.signedOn)];
}

/** How an official table ends and what its body holds, when not the defaults. */
export interface PrintFrameOptions {
  /** The signature block's parts, left to right (default: the branch's, `branchSignature`). */
  signature?: string[];
  /** Lays the table's body out itself (rows, subtotal lines…) instead of one row per item of `rows`. */
  body?: (b: SheetBuilder) => void;
  /** 考评时间 as the score sheet states it (already in words), shown above the table on the left. */
  assessedOn?: string | null;
  /** 单位：分 at the top right (default); false for a table without points (the roll-up's 报送情况). */
  pointsUnit?: boolean;
}

/**
 * An official table (正式表格): the title merged and centred, the lines under it (wrapped, never cut off),
 * 考评时间 (when known) on the left and 单位：分 on the right above the table, the table with its header
 * repeated on every printed page, the signature block, A4 landscape one page wide (its columns narrowed so
 * that the text prints at 10 points or more), 第X页 共X页, 宋体 11 throughout (the title in 黑体 16), every
 * cell centred vertically, every row a multiple of one line. One look for every printed table: the
 * branch's three and the 党委's roll-up.
 */
export function printSheet<R>(
  name: string,
  lang: Lang,
  columns: Column<R>[],
  head: { title: string; lines: string[] },
  rows: R[],
  opts: PrintFrameOptions = {},
): SheetPatch {
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const b = new SheetBuilder(name, columns as Column<never>[]);
  const last = columns.length - 1;
  const r0 = b.spanLine(head.title, { font: TITLE_FONT, size: 16, horizontal: 'center' }, 16);
  b.heights.set(r0, 2 * PRINT_LINE);
  for (const text of head.lines) b.spanLine(text, { font: PRINT_FONT }, PRINT_SIZE);
  // 考评时间 on the left (when the score sheet states it), 单位：分 on the right, just above the table.
  // 单位：分 over as many of the last columns as it needs (a narrow last column does not cut it off).
  const unitText = tr(PRINT.pointsUnit);
  let from = last;
  for (let room = columns[last].min; from > 1 && room < textWidth(unitText) + 2; ) room += columns[--from].min;
  if (opts.pointsUnit === false) from = last + 1;
  if (from <= last || opts.assessedOn) {
    const ru = b.add();
    if (from <= last) {
      b.values[ru][from] = unitText;
      if (from < last) b.merges.push(`${a1(ru, from)}:${a1(ru, last)}`);
      b.style(`${a1(ru, from)}:${a1(ru, last)}`, { horizontal: 'right' });
    }
    if (opts.assessedOn) {
      b.values[ru][0] = tr(PRINT.assessedOn, { date: opts.assessedOn });
      if (from > 1) b.merges.push(`${a1(ru, 0)}:${a1(ru, Math.min(from, last + 1) - 1)}`);
      b.cellStyle(ru, 0, { horizontal: 'left' });
    }
    b.heights.set(ru, PRINT_LINE);
  }
  b.headers({ font: PRINT_FONT, fill: undefined, fontColor: undefined });
  if (opts.body) opts.body(b);
  else {
    if (rows.length === 0) b.tableLine([tr(PRINT.empty)]);
    b.rows(rows);
  }
  // The signature block, in equal parts across the width.
  b.add();
  const rs = b.add();
  const parts = opts.signature ?? branchSignature(lang);
  const cuts = parts.map((_, i) => Math.floor(((last + 1) * i) / parts.length)).concat(last + 1);
  parts.forEach((text, i) => {
    const from = cuts[i];
    const to = Math.max(from, cuts[i + 1] - 1);
    b.values[rs][from] = text;
    if (to > from) b.merges.push(`${a1(rs, from)}:${a1(rs, to)}`);
  });
  b.heights.set(rs, 2 * PRINT_LINE);
  // 宋体 11 and vertical centring under everything (the title's 黑体 16 and the header's bold are set above and win).
  b.styles.unshift({ range: `${a1(0, 0)}:${a1(rs, last)}`, font: PRINT_FONT, size: PRINT_SIZE, vertical: 'center' });
  b.style(`${a1(rs, 0)}:${a1(rs, last)}`, { font: PRINT_FONT, horizontal: 'left' });
  b.styles.push({ range: `${a1(0, 0)}:${a1(0, last)}`, font: TITLE_FONT, size: 16 });
  const patch = b.build({ page: PAGE(lang), landscape: true, measureFrom: b.header, lineHeight: PRINT_LINE, maxWidth: PRINT_MAX_WIDTH });
  // Wrapped text holding a closing bracket is broken by hand so that no printed line starts with one
  // (LibreOffice does not apply the Chinese line-start rule to these cells), its row tall enough.
  const heights = new Map((patch.rowHeights ?? []).map((x) => [x.row, x.height]));
  columns.forEach((c, i) => {
    if (!c.wrap) return;
    for (let r = b.header + 1; r < rs; r++) {
      const v = patch.values[r][i];
      if (typeof v !== 'string' || !CLOSING.test(v)) continue;
      // Room a little under the column's width, so that the program printing it never wraps a line again.
      const lines = v.split('\n').flatMap((part) => breakLines(part, patch.columnWidths[i] - 3));
      if (lines.length === 1) continue;
      patch.values[r][i] = lines.join('\n');
      heights.set(r, Math.max(heights.get(r) ?? PRINT_LINE, Math.min(409, lines.length * PRINT_LINE)));
    }
  });
  patch.rowHeights = [...heights.entries()].sort((a, b2) => a[0] - b2[0]).map(([row, height]) => ({ row, height }));
  // Printed tables need no frozen panes; the header row repeats on every page instead.
  return { ...patch, freeze: { rows: 0, cols: 0 } };
}

/**
 * What a printed line must not start with: a full-width closing bracket or quote (an ASCII “)” stays with
 * the word before it, as Latin text breaks at spaces).
 */
const CLOSING = /[）】」』”》]/;

/**
 * Lines of at most `room` width (wide characters count two), a closing mark never first on a line: the
 * character before it goes down with it.
 */
function breakLines(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch) > Math.max(2, room)) {
      if (CLOSING.test(ch) && [...line].length > 1) {
        const chars = [...line];
        const carried = chars.pop()!;
        lines.push(chars.join(''));
        line = carried;
      } else {
        lines.push(line);
        line = '';
      }
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

const centred: CellStyle = { horizontal: 'center' };
/** Scores and averages: two decimals on paper (96.50), the exact value kept in the cell for ranking. */
const score: CellStyle = { horizontal: 'center', numberFormat: '0.00' };

/** An item's or aspect's header with its points on a line of its own: 思想建设 / （20分）, never a line starting with “）”. */
function withPoints(name: string, lang: Lang, max: number): string {
  const suffix = t(lang, OUT.pointsSuffix, { max });
  return `${name}\n${suffix.trim()}`;
}

/** The half-year printed: the one asked for, else the latest with a record (of the asked year, when only a year is asked). */
function halfOf(result: AssessmentResult, period: PrintPeriod | null | undefined): Period | null {
  if (period?.half) return { year: period.year, half: period.half };
  const rows = period ? result.assessments.filter((a) => a.row.period?.year === period.year) : result.assessments;
  return latestPeriod(rows);
}

/** 考评时间 of a period in words, when a score sheet states it. */
function assessedOnText(opts: PrintOptions, period: Period | null): string | null {
  if (!period) return null;
  const hit = opts.assessedOn?.find((x) => x.period.year === period.year && x.period.half === period.half);
  return hit ? dateLabel(opts.lang, hit.date) : null;
}

/** 半年考评结果表: the latest half-year (or the one asked for), every record in the order of the score sheets. */
export function renderPrintHalf(result: AssessmentResult, name: string, opts: PrintOptions): SheetPatch {
  const { lang, unit } = opts;
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const { rubric, rules } = result;
  const latest = halfOf(result, opts.period);
  const key = latest ? periodIndex(latest) : -1;
  const rows = latest ? result.assessments.filter((a) => a.row.period && periodIndex(a.row.period) === key) : [];
  const no = new Map(rows.map((a, i) => [a, i + 1]));
  const clause = tr(OUT.clauseSep);
  const notes = (a: Assessment): string | null => {
    const out: string[] = [];
    if (a.row.veto !== null && a.status === 'graded') out.push(tr(PRINT.veto, { veto: a.row.veto }));
    if (a.status === 'pending') out.push(tr(PRINT.pending));
    else if (a.status === 'duplicate') out.push(tr(PRINT.duplicate));
    else if (a.status === 'not_graded') out.push(tr(PRINT.notGraded, { sheet: opts.issuesSheet }));
    if (a.status === 'graded' && a.row.period && (a.band === 'basic' || a.band === 'unqualified')) {
      out.push(tr(PRINT.rectify, { deadline: dateLabel(lang, deadline(a.row.period, rules)) }));
    }
    if (a.row.notes) out.push(a.row.notes);
    return out.join(clause) || null;
  };
  const columns: Column<Assessment>[] = [
    { key: 'no', header: tr(PRINT.no), min: 5, max: 6, value: (a) => no.get(a) ?? null, body: centred },
    { key: 'group', header: tr(RESULTS.group), min: 12, max: 24, wrap: true, value: (a) => a.row.group || null },
    { key: 'leader', header: tr(RESULTS.leader), min: 8, max: 12, wrap: true, value: (a) => a.row.leader || null, body: centred },
    { key: 'liaison', header: tr(RESULTS.liaison), min: 8, max: 12, wrap: true, value: (a) => a.row.liaison || null, body: centred },
    ...aspects(rubric).map(
      (asp, i): Column<Assessment> => ({
        key: `aspect${i}`,
        header: withPoints(aspectName(asp.aspect, lang), lang, asp.max / 100),
        min: 8,
        max: 14,
        value: (a) => pts(a.aspectTotals?.[i] ?? null),
        body: score,
      }),
    ),
    { key: 'total', header: tr(RESULTS.total), min: 8, max: 8, value: (a) => pts(a.total), body: { ...score, bold: true } },
    { key: 'band', header: tr(RESULTS.band), min: 8, max: 12, value: (a) => (a.band ? tr(BAND[a.band]) : null), body: centred },
    { key: 'notes', header: tr(PRINT.notes), min: 16, max: 30, wrap: true, value: notes },
  ];
  const basis = tr(OUT.basisLine, { basis: rules.basis || tr(OUT.basisDefault) });
  const bands = tr(OUT.bandLine, { excellent: rules.excellentMin / 100, qualified: rules.qualifiedMin / 100, basic: rules.basicMin / 100 });
  return printSheet(
    name,
    lang,
    columns,
    { title: title(lang, unit, PRINT.titleHalf, { period: latest ? periodLabel(lang, latest) : '' }).replace(/（）|\(\)$/, ''), lines: [basis, bands] },
    rows,
    { assessedOn: assessedOnText(opts, latest) },
  );
}

/**
 * The year of the annual table: the latest year with a complete annual result (both halves graded);
 * without one, the latest year with any record; null when there is none.
 */
export function printYear(annual: readonly AnnualEntry[]): number | null {
  let complete: number | null = null;
  let any: number | null = null;
  for (const e of annual) {
    if (any === null || e.year > any) any = e.year;
    if (e.average !== null && (complete === null || e.year > complete)) complete = e.year;
  }
  return complete ?? any;
}

/** 年度考评结果表: the latest complete year (or the one asked for), ranked, then the vetoed, then incomplete years. */
export function renderPrintYear(result: AssessmentResult, name: string, opts: PrintOptions): SheetPatch {
  const { lang, unit } = opts;
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const { rules } = result;
  const year = opts.period ? opts.period.year : printYear(result.annual);
  const rows = year === null ? [] : rankingOrder(result.annual.filter((e) => e.year === year));
  const no = new Map(rows.map((e, i) => [e, i + 1]));
  const tied = tiedRanks(rows);
  const clause = tr(OUT.clauseSep);
  const columns: Column<AnnualEntry>[] = [
    { key: 'no', header: tr(PRINT.no), min: 5, max: 6, value: (e) => no.get(e) ?? null, body: centred },
    { key: 'group', header: tr(RANKING.group), min: 12, max: 24, wrap: true, value: (e) => e.group || null },
    { key: 'leader', header: tr(RANKING.leader), min: 8, max: 12, wrap: true, value: (e) => e.leader || null, body: centred },
    { key: 'h1', header: tr(RANKING.h1), min: 8, max: 10, value: (e) => pts(e.h1), body: score },
    { key: 'h2', header: tr(RANKING.h2), min: 8, max: 10, value: (e) => pts(e.h2), body: score },
    { key: 'average', header: tr(RANKING.average), min: 9, max: 12, value: (e) => (e.average === null ? null : e.average / 1000), body: { ...score, bold: true } },
    { key: 'band', header: tr(RANKING.band), min: 8, max: 12, value: (e) => (e.band ? tr(BAND[e.band]) : null), body: centred },
    { key: 'rank', header: tr(RANKING.rank), min: 6, max: 8, value: (e) => e.rank, body: centred },
    // Each nomination on a line of its own, the column wide enough for the longest: no line starts with “）”.
    {
      key: 'titles',
      header: tr(RANKING.titles),
      min: Math.max(16, ...Object.values(TITLE).map((m) => textWidth(tr(m)) + 2)),
      max: 40,
      wrap: true,
      value: (e) => titlesText(e, tr)?.split(tr(OUT.listSep)).join('\n') ?? null,
    },
    { key: 'notes', header: tr(PRINT.notes), min: 16, max: 30, wrap: true, value: (e) => annualNotes(e, rules, tied(e), tr).join(clause) || null },
  ];
  const basis = tr(OUT.basisLine, { basis: rules.basis || tr(OUT.basisDefault) });
  const rank = tr(PRINT.rankLine, { rankMode: tr(RANK_MODE[rules.rankMode]) });
  return printSheet(
    name,
    lang,
    columns,
    { title: title(lang, unit, PRINT.titleYear, { year: year ?? '' }).replace(/（年度）|\(\)$/, ''), lines: [basis, rank] },
    rows,
    // The annual assessment is held with the second half-year's: its 考评时间.
    { assessedOn: year === null ? null : assessedOnText(opts, { year, half: 2 }) },
  );
}

/** A ledger cell as printed: text as typed, a date serial as a date (its number format shows it). */
const ledgerValue = (cells: LedgerCells | undefined, field: LedgerField): OutputValue => cells?.[field] ?? null;

/**
 * 整改台账: one row per RECTIFY warning (up to the period asked for), oldest period first (a ledger is
 * kept in the order things happen; within a period, in the order of the score sheets), with what the
 * branch wrote in its ledger on the warnings sheet; 核查人 is left for the branch to sign.
 */
export function renderPrintLedger(result: AssessmentResult, name: string, opts: PrintOptions & { ledger: Ledger; warningsSheet: string }): SheetPatch {
  const { lang, unit, ledger } = opts;
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const sep = tr(OUT.listSep);
  const upTo = opts.period ? periodIndex({ year: opts.period.year, half: opts.period.half ?? 2 }) : Infinity;
  const rows = result.warnings
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => w.code === 'RECTIFY' && w.half !== null && periodIndex({ year: w.year, half: w.half }) <= upTo)
    .sort((a, b) => periodIndex({ year: a.w.year, half: a.w.half! }) - periodIndex({ year: b.w.year, half: b.w.half! }) || a.i - b.i)
    .map(({ w }) => w);
  const no = new Map(rows.map((w, i) => [w, i + 1]));
  const date: CellStyle = { horizontal: 'center', numberFormat: DATE_FORMAT[lang] };
  const dateWidth = textWidth(dateLabel(lang, '2026-09-30')) + 2;
  const problems = (w: Warning): string | null => {
    const out: string[] = [];
    if (w.veto) out.push(tr(PRINT_LEDGER.veto, { veto: w.veto }));
    const items = w.focusItems.map((c) => `${c}.${rubricItemName(result.rubric, c, lang)}`).join(sep);
    if (items) out.push(items);
    return out.join(tr(OUT.clauseSep)) || null;
  };
  // A date typed into a text column of the ledger prints as a date (ledger.ts, isDateSerial).
  const ledgerDateStyle = (f: LedgerField) => (w: Warning) => (isDateSerial(ledgerValue(ledger.byWarning.get(w), f)) ? date : undefined);
  const columns: Column<Warning>[] = [
    { key: 'no', header: tr(PRINT_LEDGER.no), min: 5, max: 6, value: (w) => no.get(w) ?? null, body: centred },
    { key: 'group', header: tr(PRINT_LEDGER.group), min: 10, max: 18, wrap: true, value: (w) => w.group || null },
    // A period on one line: 2025年下半年 is never broken.
    { key: 'period', header: tr(PRINT_LEDGER.period), min: textWidth(periodLabel(lang, { year: 2026, half: 2 })) + 2, max: 16, value: (w) => periodLabel(lang, { year: w.year, half: w.half! }), body: centred },
    { key: 'band', header: tr(PRINT_LEDGER.band), min: 6, max: 10, wrap: true, value: (w) => (w.band ? tr(BAND[w.band]) : null), body: centred },
    { key: 'problems', header: tr(PRINT_LEDGER.problems), min: 16, max: 30, wrap: true, value: problems },
    { key: 'measures', header: tr(PRINT_LEDGER.measures), min: 16, max: 30, wrap: true, value: (w) => ledgerValue(ledger.byWarning.get(w), 'measures'), style: ledgerDateStyle('measures') },
    { key: 'responsible', header: tr(PRINT_LEDGER.responsible), min: 8, max: 10, wrap: true, value: (w) => ledgerValue(ledger.byWarning.get(w), 'responsible'), style: ledgerDateStyle('responsible'), body: centred },
    { key: 'deadline', header: tr(PRINT_LEDGER.deadline), min: dateWidth, max: dateWidth, value: (w) => (w.deadline ? excelSerial(w.deadline) : null), body: date },
    { key: 'progress', header: tr(PRINT_LEDGER.progress), min: 14, max: 24, wrap: true, value: (w) => ledgerValue(ledger.byWarning.get(w), 'progress'), style: ledgerDateStyle('progress') },
    {
      key: 'closedOn',
      header: tr(PRINT_LEDGER.closedOn),
      min: dateWidth,
      max: dateWidth,
      wrap: true,
      value: (w) => ledgerValue(ledger.byWarning.get(w), 'closedOn'),
      body: date,
    },
    { key: 'checkedBy', header: tr(PRINT_LEDGER.checkedBy), min: 8, max: 10, value: () => null },
  ];
  const lastPeriod = opts.period ? printPeriodLabel(lang, opts.period) : null;
  const heading = lastPeriod ? title(lang, unit, PRINT_LEDGER.titleUpTo, { period: lastPeriod }) : title(lang, unit, PRINT_LEDGER.title, {});
  return printSheet(name, lang, columns, { title: heading, lines: [tr(PRINT_LEDGER.line, { sheet: opts.warningsSheet })] }, rows, {
    body: (b) => {
      if (rows.length === 0) b.tableLine([tr(PRINT_LEDGER.empty)]);
      b.rows(rows);
    },
  });
}
