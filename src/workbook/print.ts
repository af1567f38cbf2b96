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
import type { AnnualEntry, Assessment, AssessmentResult, Lang } from '../domain/types';
import type { Msg, Params } from '../i18n';
import { t } from '../i18n';
import { BAND, dateLabel, periodLabel } from '../i18n/domain';
import { OUT, PRINT, RANK_MODE, RANKING, RESULTS } from '../i18n/output';
import { a1 } from '../domain/cell-ref';
import { annualNotes, latestPeriod, pts, tiedRanks, titlesText } from './render-common';
import { aspectName } from '../i18n/rubric';
import { SheetBuilder } from './sheet-builder';
import type { CellStyle, Column } from './sheet-builder';
import type { PageSetup, SheetPatch } from './snapshot';

export interface PrintOptions {
  lang: Lang;
  /** The unit named in the title ('' for none). */
  unit: string;
  /** The data-issues sheet's name, for a record that is not graded. */
  issuesSheet: string;
}

/** 宋体 for the tables, 黑体 for their titles (the glossary's 正式表格); Excel and WPS ship both. */
export const PRINT_FONT = '宋体';
export const TITLE_FONT = '黑体';
/** Points per line of the printed tables' text (宋体 11 with some air). */
const PRINT_LINE = 18;

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

/** How an official table ends and what its body holds, when not the defaults. */
export interface PrintFrameOptions {
  /** The signature block's parts, left to right (default: 填表人 · 审核（党支部书记） · 支委会审议日期). */
  signature?: string[];
  /** Lays the table's body out itself (rows, subtotal lines…) instead of one row per item of `rows`. */
  body?: (b: SheetBuilder) => void;
}

/**
 * An official table (正式表格): the title merged and centred, the lines under it, the table with its
 * header repeated on every printed page, the signature block, A4 landscape one page wide, 第X页 共X页,
 * 宋体 throughout (the title in 黑体), every cell centred vertically. One look for every printed table:
 * the branch's two and the 党委's roll-up.
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
  const r0 = b.line(head.title, { font: TITLE_FONT, size: 16, horizontal: 'center' }, true);
  b.heights.set(r0, 36);
  for (const text of head.lines) {
    const r = b.line(text, { font: PRINT_FONT }, true);
    b.heights.set(r, PRINT_LINE);
  }
  b.headers({ font: PRINT_FONT, fill: undefined, fontColor: undefined });
  if (opts.body) opts.body(b);
  else {
    if (rows.length === 0) b.tableLine([tr(PRINT.empty)]);
    b.rows(rows);
  }
  // The signature block (填表人 · 审核（党支部书记） · 支委会审议日期 for a branch), in equal parts across the width.
  b.add();
  const rs = b.add();
  const parts = opts.signature ?? [tr(PRINT.preparedBy), tr(PRINT.checkedBy), tr(PRINT.reviewedOn)];
  const cuts = parts.map((_, i) => Math.floor(((last + 1) * i) / parts.length)).concat(last + 1);
  parts.forEach((text, i) => {
    const from = cuts[i];
    const to = Math.max(from, cuts[i + 1] - 1);
    b.values[rs][from] = text;
    if (to > from) b.merges.push(`${a1(rs, from)}:${a1(rs, to)}`);
  });
  b.heights.set(rs, 30);
  // 宋体 and vertical centring under everything (the title's 黑体 and the header's bold are set above and win).
  b.styles.unshift({ range: `${a1(0, 0)}:${a1(rs, last)}`, font: PRINT_FONT, vertical: 'center' });
  b.style(`${a1(rs, 0)}:${a1(rs, last)}`, { font: PRINT_FONT, horizontal: 'left' });
  b.styles.push({ range: `${a1(0, 0)}:${a1(0, last)}`, font: TITLE_FONT });
  const patch = b.build({ page: PAGE(lang), landscape: true, measureFrom: b.header, lineHeight: PRINT_LINE });
  // Printed tables need no frozen panes; the header row repeats on every page instead.
  return { ...patch, freeze: { rows: 0, cols: 0 } };
}

const centred: CellStyle = { horizontal: 'center' };

/** 半年考评结果表: the latest half-year, every record in the order of the score sheets. */
export function renderPrintHalf(result: AssessmentResult, name: string, opts: PrintOptions): SheetPatch {
  const { lang, unit } = opts;
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const { rubric, rules } = result;
  const latest = latestPeriod(result.assessments);
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
    { key: 'leader', header: tr(RESULTS.leader), min: 8, max: 12, value: (a) => a.row.leader || null, body: centred },
    { key: 'liaison', header: tr(RESULTS.liaison), min: 8, max: 12, value: (a) => a.row.liaison || null, body: centred },
    ...aspects(rubric).map(
      (asp, i): Column<Assessment> => ({
        key: `aspect${i}`,
        header: aspectName(asp.aspect, lang) + tr(OUT.pointsSuffix, { max: asp.max / 100 }),
        min: 8,
        max: 10,
        value: (a) => pts(a.aspectTotals?.[i] ?? null),
        body: centred,
      }),
    ),
    { key: 'total', header: tr(RESULTS.total), min: 7, max: 8, value: (a) => pts(a.total), body: { ...centred, bold: true } },
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

/** 年度考评结果表: the latest complete year, ranked, then the vetoed, then incomplete years. */
export function renderPrintYear(result: AssessmentResult, name: string, opts: PrintOptions): SheetPatch {
  const { lang, unit } = opts;
  const tr = (m: Msg, p?: Params) => t(lang, m, p);
  const { rules } = result;
  const year = printYear(result.annual);
  const rows = year === null ? [] : rankingOrder(result.annual.filter((e) => e.year === year));
  const no = new Map(rows.map((e, i) => [e, i + 1]));
  const tied = tiedRanks(rows);
  const clause = tr(OUT.clauseSep);
  const columns: Column<AnnualEntry>[] = [
    { key: 'no', header: tr(PRINT.no), min: 5, max: 6, value: (e) => no.get(e) ?? null, body: centred },
    { key: 'group', header: tr(RANKING.group), min: 12, max: 24, wrap: true, value: (e) => e.group || null },
    { key: 'leader', header: tr(RANKING.leader), min: 8, max: 12, value: (e) => e.leader || null, body: centred },
    { key: 'h1', header: tr(RANKING.h1), min: 8, max: 10, value: (e) => pts(e.h1), body: centred },
    { key: 'h2', header: tr(RANKING.h2), min: 8, max: 10, value: (e) => pts(e.h2), body: centred },
    { key: 'average', header: tr(RANKING.average), min: 9, max: 12, value: (e) => (e.average === null ? null : e.average / 1000), body: { ...centred, bold: true } },
    { key: 'band', header: tr(RANKING.band), min: 8, max: 12, value: (e) => (e.band ? tr(BAND[e.band]) : null), body: centred },
    { key: 'rank', header: tr(RANKING.rank), min: 6, max: 8, value: (e) => e.rank, body: centred },
    { key: 'titles', header: tr(RANKING.titles), min: 16, max: 28, wrap: true, value: (e) => titlesText(e, tr) },
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
  );
}
