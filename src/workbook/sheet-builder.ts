/**
 * Laying out an output sheet: lines above a table (titles, notes, summaries) and the table itself, whose
 * columns are specs — key, header, value, style, link — so a column's header, its values and its look
 * are written in one place, never kept in step by position. Pure: rows in, a SheetPatch out, in time
 * linear in the cells written.
 */
import type { CellRef, Lang } from '../domain/types';
import { dateLabel } from '../i18n/domain';
import { a1, cellAddress } from '../domain/cell-ref';
import { linkTarget } from './a1';
import type { CellLink, OutputValue, PageSetup, RangeStyle, SheetPatch } from './snapshot';

/** Excel's limit of hyperlinks on one worksheet (Excel specifications and limits). */
export const MAX_LINKS_PER_SHEET = 65530;
/** Excel's limit of characters in one cell: longer text (a list of thousands of groups) ends with “…”. */
export const MAX_CELL_TEXT = 32767;

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
export const LINK_FONT = '0563C1';
export const NOTE_FONT = '404040';
/** The fill of cells people write in (the rectification ledger's columns): a pale yellow. */
export const INPUT_FILL = 'FFF8E1';

/** Points per line of 11-point text, for row heights. */
export const LINE_HEIGHT = 15;

/** Display width of text in Excel "characters": CJK and full-width characters count double. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x2e80 && !(c >= 0xff61 && c <= 0xff9f) ? 2 : 1;
  }
  return w;
}

// ───────────────────────────── dates and times ─────────────────────────────

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

const EPOCH = Date.UTC(1899, 11, 30);

/** Days since 1899-12-30: a date as Excel stores it (a number with a date format). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / 86_400_000);
}

/** The ISO date of an Excel date serial (whole days; 1900–9999), or null when it is none. */
export function serialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n >= 2958466) return null;
  return new Date(EPOCH + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

/** Number formats that show a date as the glossary writes it: 2025年9月28日 / September 28, 2025. */
export const DATE_FORMAT: Record<Lang, string> = { 'zh-CN': 'yyyy"年"m"月"d"日"', 'en-US': 'mmmm d, yyyy' };

// ───────────────────────────── columns ─────────────────────────────

/** A cell's own look (a range style without its range). */
export type CellStyle = Omit<RangeStyle, 'range'>;

/** One column of a table: everything about it in one place. */
export interface Column<R> {
  /** A stable name (tests, ledger). */
  key: string;
  header: string;
  /** Width in characters: the widest text, within [min, max]. */
  min: number;
  max: number;
  value: (row: R) => OutputValue;
  /** The cell's own look for this row (a band's colours, a date format…), if any. */
  style?: (row: R) => CellStyle | undefined;
  /** The cell links to this cell of the workbook (its text is the address). */
  link?: (row: R) => CellRef | null;
  /** Look of the whole column under the header. */
  body?: CellStyle;
  /** Numbers, right-aligned. */
  numeric?: boolean;
  /** Long text: wrapped, and the row made tall enough. */
  wrap?: boolean;
}

// ───────────────────────────── the builder ─────────────────────────────

export class SheetBuilder {
  readonly values: OutputValue[][] = [];
  readonly styles: RangeStyle[] = [];
  readonly links: CellLink[] = [];
  readonly merges: string[] = [];
  readonly heights = new Map<number, number>();
  private headerRow = -1;
  private bodyEnd = -1;
  /** Rows whose wrapped cells decide their height (the table's). */
  private readonly measured: number[] = [];
  private readonly wrapCols: number[] = [];
  /** Merged lines across the sheet whose height follows their wrapped text: row → font size. */
  private readonly spanning = new Map<number, number>();

  constructor(
    readonly name: string,
    readonly columns: Column<never>[],
  ) {
    columns.forEach((c, i) => {
      if (c.wrap) this.wrapCols.push(i);
    });
  }

  get width(): number {
    return this.columns.length;
  }

  get header(): number {
    return this.headerRow;
  }

  /** Append a row (padded with nulls to the sheet width); returns its 0-based index. */
  add(row: OutputValue[] = []): number {
    const r: OutputValue[] = new Array(this.width);
    for (let i = 0; i < this.width; i++) r[i] = clip(i < row.length ? row[i] : null);
    this.values.push(r);
    return this.values.length - 1;
  }

  style(range: string, s: CellStyle): void {
    this.styles.push({ range, ...s });
  }

  cellStyle(row: number, col: number, s: CellStyle): void {
    this.style(a1(row, col), s);
  }

  rowRange(row: number, from = 0, to = this.width - 1): string {
    return `${a1(row, from)}:${a1(row, to)}`;
  }

  /** A line of text across the sheet (merged when asked), with its look. */
  line(text: string, s: CellStyle = {}, merge = false): number {
    const r = this.add([text]);
    if (Object.keys(s).length) this.style(merge ? this.rowRange(r) : a1(r, 0), s);
    if (merge && this.width > 1) this.merges.push(this.rowRange(r));
    return r;
  }

  title(text: string): number {
    return this.line(text, { bold: true, size: 14 });
  }

  note(text: string): number {
    return this.line(text, { italic: true, fontColor: NOTE_FONT });
  }

  /**
   * A line of text merged across the sheet, wrapped, its row as tall as its text needs at this font size
   * once the columns' widths are known (a note under a title is never cut off).
   */
  spanLine(text: string, s: CellStyle = {}, size = 11): number {
    const r = this.line(text, { ...s, wrap: true }, true);
    this.spanning.set(r, size);
    return r;
  }

  /** The table's header row. */
  headers(s: CellStyle = {}): number {
    const r = this.add(this.columns.map((c) => c.header));
    this.headerRow = r;
    this.styles.push({ ...headerStyle(this.rowRange(r)), ...s });
    return r;
  }

  /** The table's rows: each column's value, style and link for each row — one pass, linear. */
  rows<R>(items: Iterable<R>): void {
    const cols = this.columns as unknown as Column<R>[];
    for (const item of items) {
      const r = this.values.length;
      const row: OutputValue[] = new Array(cols.length);
      for (let i = 0; i < cols.length; i++) row[i] = clip(cols[i].value(item));
      this.values.push(row);
      this.measured.push(r);
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i];
        const st = c.style?.(item);
        if (st) this.cellStyle(r, i, st);
        const ref = c.link?.(item);
        if (ref) this.link(r, i, ref);
      }
    }
    this.bodyEnd = this.values.length - 1;
  }

  /** A row of the table that is not one of its items (a "none" line, a section line): measured too. */
  tableLine(row: OutputValue[], s?: CellStyle): number {
    const r = this.add(row);
    this.measured.push(r);
    if (s) this.style(this.rowRange(r), s);
    this.bodyEnd = r;
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
    this.cellStyle(row, col, colours(c, bold));
  }

  /**
   * Finish: borders and column looks over the table body, widths from the header and body text, heights
   * for rows whose wrapped text needs several lines (Excel and LibreOffice do not re-measure the rows of
   * a file a program wrote, so without them wrapped text would be cut off).
   */
  build(opts: {
    tabColor?: string;
    landscape?: boolean;
    page?: PageSetup;
    freezeCols?: number;
    /** Widths from these rows too (lines above the table that sit in its columns). */
    measureFrom?: number;
    /** Rows repeated on each printed page, 0-based inclusive; default: the header row. */
    printTitles?: [number, number];
    lineHeight?: number;
    /**
     * The widest the table may be, in characters: wrapped columns are narrowed (never below their min, then
     * never below 6) until the columns fit, so a table printed one page wide keeps its text size.
     */
    maxWidth?: number;
  }): SheetPatch {
    const h = this.headerRow;
    const last = this.bodyEnd;
    // Every cell centred vertically (a tall wrapped row does not leave its neighbours at the bottom).
    if (this.values.length) this.styles.unshift({ range: `${a1(0, 0)}:${a1(this.values.length - 1, this.width - 1)}`, vertical: 'center' });
    if (h >= 0 && last > h) {
      this.style(`${a1(h + 1, 0)}:${a1(last, this.width - 1)}`, { border: true });
      this.columns.forEach((c, i) => {
        const range = `${a1(h + 1, i)}:${a1(last, i)}`;
        if (c.numeric) this.style(range, { numberFormat: 'General', horizontal: 'right' });
        if (c.wrap) this.style(range, { wrap: true });
        if (c.body) this.style(range, c.body);
      });
    }
    const from = opts.measureFrom ?? Math.max(h, 0);
    const widths = this.columns.map((c, i) => {
      let w = 0;
      for (let r = from; r <= Math.max(last, h); r++) {
        // Once the column is as wide as it may be, no later cell can change it.
        if (w + 2 >= c.max) break;
        const v = this.values[r]?.[i];
        if (v === null || v === undefined || v === '') continue;
        const text = typeof v === 'string' ? v : String(v);
        // A character is at most two wide: text too short to widen the column is not measured.
        if (2 * text.length <= w) continue;
        // Headers wrap, so a long header needs only half its width; one broken by hand, its longest line.
        const tw = r === h && text.includes('\n') ? Math.max(...text.split('\n').map(textWidth)) : textWidth(text);
        w = Math.max(w, r === h && !text.includes('\n') ? Math.ceil(tw / 2) : tw);
      }
      return Math.min(c.max, Math.max(c.min, w + 2));
    });
    if (opts.maxWidth !== undefined) narrow(widths, this.columns, opts.maxWidth);
    const lh = opts.lineHeight ?? LINE_HEIGHT;
    const linesOf = (v: OutputValue, width: number): number => {
      if (v === null || v === '') return 1;
      const text = typeof v === 'string' ? v : String(v);
      // A line broken by hand starts a new line: each part is measured on its own.
      if (text.includes('\n')) return text.split('\n').reduce((n, part) => n + linesOf(part || ' ', width), 0);
      const room = Math.max(1, width - 1);
      // Text that fits on one line even if every character were wide is not measured.
      return 2 * text.length <= room ? 1 : Math.ceil(textWidth(text) / room);
    };
    const rows = h >= 0 ? [h, ...this.measured] : this.measured;
    for (const r of rows) {
      let lines = 1;
      const cols = r === h ? this.columns.map((_, i) => i) : this.wrapCols;
      for (const i of cols) lines = Math.max(lines, linesOf(this.values[r][i], widths[i]));
      if (lines > 1 || (lh !== LINE_HEIGHT && !this.heights.has(r))) this.heights.set(r, Math.min(409, lh * lines));
    }
    // A merged line's room is the table's whole width, scaled down for a larger font.
    const total = widths.reduce((a, w) => a + w, 0);
    for (const [r, size] of this.spanning) {
      const lines = linesOf(this.values[r][0], Math.floor((total * 11) / size));
      const line = Math.max(lh, Math.ceil((size * 4) / 3 / 3) * 3);
      this.heights.set(r, Math.min(409, Math.max(this.heights.get(r) ?? 0, line * lines)));
    }
    const rowHeights = [...this.heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
    const titles = opts.printTitles ?? (h >= 0 ? [h, h] : null);
    return {
      name: this.name,
      values: this.values,
      styles: this.styles,
      links: this.links,
      merges: this.merges,
      columnWidths: widths,
      rowHeights,
      freeze: { rows: h + 1, cols: opts.freezeCols ?? 0 },
      visibility: 'visible',
      ...(opts.tabColor ? { tabColor: opts.tabColor } : {}),
      landscape: opts.landscape ?? true,
      ...(opts.page ? { page: opts.page } : {}),
      ...(titles ? { printTitleRows: `${titles[0] + 1}:${titles[1] + 1}` } : {}),
    };
  }
}

/**
 * The smallest print scale (percent) at which 11-point text prints at 9 points or more, and the widest a
 * sheet may be (characters of column width) to print one page wide on A4 landscape at that scale (about
 * 741 pt between the margins, a character about 5.25 pt).
 */
export const MIN_PRINT_SCALE = 82;
const WIDTH_AT_MIN_SCALE = Math.floor(741 / 5.25 / (MIN_PRINT_SCALE / 100));

/**
 * How a working sheet prints: A4 landscape, one page wide when it fits at 9 points or more; a wider
 * sheet at 82 % (9 points), its further columns on further pages, never shrunk below that.
 */
export function workingPage(widths: readonly number[]): PageSetup {
  const total = widths.reduce((a, w) => a + w, 0);
  const fits = total <= WIDTH_AT_MIN_SCALE;
  return { paper: 'A4', orientation: 'landscape', fitToWidth: fits, ...(fits ? {} : { scale: MIN_PRINT_SCALE }), centerHorizontally: false };
}

/**
 * Narrow the wrapped columns, widest first, until the widths add up to at most `max` characters: first
 * down to each column's min, then down to 6. Columns that do not wrap keep their width.
 */
function narrow(widths: number[], columns: readonly Column<never>[], max: number): void {
  for (const floor of [(c: Column<never>) => c.min, () => 6]) {
    let total = widths.reduce((a, w) => a + w, 0);
    while (total > max) {
      let widest = -1;
      columns.forEach((c, i) => {
        if (c.wrap && widths[i] > Math.max(6, floor(c)) && (widest < 0 || widths[i] > widths[widest])) widest = i;
      });
      if (widest < 0) break;
      widths[widest]--;
      total--;
    }
  }
}

export function colours(c: Colours, bold = false): CellStyle {
  return { fill: c.fill, fontColor: c.font, ...(bold ? { bold: true } : {}) };
}

function clip(v: OutputValue | undefined): OutputValue {
  if (v === undefined) return null;
  return typeof v === 'string' && v.length > MAX_CELL_TEXT ? `${v.slice(0, MAX_CELL_TEXT - 1)}…` : v;
}
