/**
 * One SheetPatch → the XML of a worksheet part (CT_Worksheet, children in schema order).
 *
 * Values: numbers as numbers; every string as an inline string (`t="inlineStr"`) — text, never a
 * formula, whatever it looks like; no shared-string table is touched. Styles come from the StyleBook.
 * Internal links are `location` hyperlinks (no relationship part). The sheet's page setup, frozen
 * panes, widths, heights, merges and data validations are written as Excel writes them.
 */
import { both } from '../../../i18n';
import { VALIDATION } from '../../../i18n/cli';
import { colName, parseRange } from '../../../workbook/a1';
import type { SheetPatch } from '../../../workbook/snapshot';
import { argb, compose, linkFormat } from './styles';
import type { CellFormat, StyleBook } from './styles';
import { NS, esc } from '../package/xml';


/** Excel's limits for a data-validation alert (longer text makes Excel repair the file). */
const DV_TITLE_MAX = 32;
const DV_ERROR_MAX = 255;

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/**
 * The style of every cell of the sheet as cellXfs ids, row-major over rows × cols. Range styles with
 * the same formatting are one "kind", and each distinct stack of kinds is composed once.
 */
function styleGrid(sp: SheetPatch, rows: number, cols: number, book: StyleBook): Int32Array | null {
  if (sp.styles.length === 0 && sp.links.length === 0) return null;
  const grid = new Int32Array(rows * cols); // combo ids; 0 = nothing set
  const combos: CellFormat[] = [{}];
  const kindOf = new Map<string, number>();
  const kinds = sp.styles.map((st) => {
    const key = JSON.stringify({ ...st, range: '' });
    let k = kindOf.get(key);
    if (k === undefined) kindOf.set(key, (k = kindOf.size));
    return k;
  });
  const next = new Map<number, Map<number, number>>();
  const step = (combo: number, i: number): number => {
    let m = next.get(combo);
    if (!m) next.set(combo, (m = new Map()));
    let id = m.get(kinds[i]);
    if (id === undefined) {
      id = combos.length;
      combos.push(compose(combos[combo], sp.styles[i]));
      m.set(kinds[i], id);
    }
    return id;
  };
  sp.styles.forEach((s, i) => {
    const r = parseRange(s.range);
    const bottom = Math.min(r.bottom, rows - 1);
    const right = Math.min(r.right, cols - 1);
    for (let y = r.top; y <= bottom; y++) {
      const base = y * cols;
      for (let x = r.left; x <= right; x++) grid[base + x] = step(grid[base + x], i);
    }
  });
  const linked = new Map<number, number>();
  for (const l of sp.links) {
    if (l.row >= rows || l.col >= cols) continue;
    const at = l.row * cols + l.col;
    let id = linked.get(grid[at]);
    if (id === undefined) {
      id = combos.length;
      combos.push(linkFormat(combos[grid[at]]));
      linked.set(grid[at], id);
    }
    grid[at] = id;
  }
  const xf = combos.map((c) => book.xf(c));
  for (let i = 0; i < grid.length; i++) grid[i] = xf[grid[i]];
  return grid;
}

function fmtNum(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

export interface SheetXmlOptions {
  /** This sheet is the selected tab. */
  selected: boolean;
  /** The workbook is strict-conformance OOXML: write the sheet in its namespaces. */
  strict?: boolean;
}

/** A sheet ready to be written: its styles are registered in the style book, its XML comes in chunks. */
export interface PreparedSheet {
  /** The worksheet part's XML, a few hundred rows per chunk, so a large sheet never sits in memory whole. */
  chunks(): Generator<string>;
}

/** Rows of cells per chunk of XML. */
const ROWS_PER_CHUNK = 500;

/**
 * Register the sheet's formats in the style book (so the style sheet can be written first) and return a
 * generator of its XML.
 */
export function prepareSheet(sp: SheetPatch, book: StyleBook, opts: SheetXmlOptions): PreparedSheet {
  const nRows = sp.values.length;
  let nCols = sp.columnWidths.length;
  for (const row of sp.values) if (row.length > nCols) nCols = row.length;
  const rows = Math.max(nRows, 1);
  const cols = Math.max(nCols, 1);
  const grid = styleGrid(sp, rows, cols, book);
  return { chunks: () => sheetChunks(sp, grid, rows, cols, nRows, nCols, opts) };
}

/** The whole XML of a sheet (tests and small sheets). */
export function sheetXml(sp: SheetPatch, book: StyleBook, opts: SheetXmlOptions): string {
  return [...prepareSheet(sp, book, opts).chunks()].join('');
}

function* sheetChunks(sp: SheetPatch, grid: Int32Array | null, rows: number, cols: number, nRows: number, nCols: number, opts: SheetXmlOptions): Generator<string> {
  const letters: string[] = [];
  for (let c = 0; c < cols; c++) letters.push(colName(c));

  let out: string[] = [];
  const mainNs = opts.strict ? NS.mainStrict : NS.main;
  const relNs = opts.strict ? NS.relStrict : NS.rel;
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">`);

  // sheetPr: tab colour, fit to page.
  const fit = sp.page ? sp.page.fitToWidth : sp.landscape;
  if (sp.tabColor || fit) {
    out.push('<sheetPr>');
    if (sp.tabColor) out.push(`<tabColor rgb="${argb(sp.tabColor)}"/>`);
    if (fit) out.push('<pageSetUpPr fitToPage="1"/>');
    out.push('</sheetPr>');
  }
  out.push(`<dimension ref="A1${nRows > 0 && nCols > 0 ? `:${letters[nCols - 1]}${nRows}` : ''}"/>`);

  // View: frozen rows/columns, selected tab.
  const { rows: fr, cols: fc } = sp.freeze;
  out.push(`<sheetViews><sheetView${opts.selected ? ' tabSelected="1"' : ''} workbookViewId="0"`);
  if (fr > 0 || fc > 0) {
    const pane = fr > 0 && fc > 0 ? 'bottomRight' : fr > 0 ? 'bottomLeft' : 'topRight';
    out.push(
      `><pane${fc > 0 ? ` xSplit="${fc}"` : ''}${fr > 0 ? ` ySplit="${fr}"` : ''} topLeftCell="${colName(fc)}${fr + 1}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}"/></sheetView></sheetViews>`,
    );
  } else out.push('/></sheetViews>');
  out.push('<sheetFormatPr defaultRowHeight="15"/>');

  const widths = sp.columnWidths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('');
  if (widths) out.push(`<cols>${widths}</cols>`);

  // Cells.
  const heights = new Map<number, number>();
  for (const { row, height } of sp.rowHeights ?? []) heights.set(row, height);
  out.push('<sheetData>');
  for (let y = 0; y < rows; y++) {
    if (y > 0 && y % ROWS_PER_CHUNK === 0) {
      yield out.join('');
      out = [];
    }
    const vals = sp.values[y] ?? [];
    const gbase = y * cols;
    const r = y + 1;
    let cells = '';
    for (let x = 0; x < cols; x++) {
      const v = x < vals.length ? vals[x] : null;
      const s = grid ? grid[gbase + x] : 0;
      const sa = s ? ` s="${s}"` : '';
      if (v === null || v === undefined || v === '') {
        if (s) cells += `<c r="${letters[x]}${r}"${sa}/>`;
      } else if (typeof v === 'number' && Number.isFinite(v)) {
        cells += `<c r="${letters[x]}${r}"${sa}><v>${fmtNum(v)}</v></c>`;
      } else {
        const text = String(v);
        // xml:space="preserve" only where a parser would otherwise be free to drop white space.
        const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
        cells += `<c r="${letters[x]}${r}"${sa} t="inlineStr"><is><t${space}>${esc(text)}</t></is></c>`;
      }
    }
    const h = heights.get(y);
    const ha = h !== undefined ? ` ht="${h}" customHeight="1"` : '';
    if (cells) out.push(`<row r="${r}"${ha}>${cells}</row>`);
    else if (ha) out.push(`<row r="${r}"${ha}/>`);
  }
  out.push('</sheetData>');

  if (sp.merges.length) out.push(`<mergeCells count="${sp.merges.length}">${sp.merges.map((m) => `<mergeCell ref="${esc(m)}"/>`).join('')}</mergeCells>`);

  const dvs = sp.validations ?? [];
  if (dvs.length) {
    out.push(`<dataValidations count="${dvs.length}">`);
    for (const v of dvs) {
      const title = clip(v.title ?? both(VALIDATION.title), DV_TITLE_MAX);
      const error = clip(v.message ?? both(VALIDATION.error, { min: v.min, max: v.max, decimals: v.decimals ? 2 : 0 }), DV_ERROR_MAX);
      out.push(
        `<dataValidation type="${v.decimals ? 'decimal' : 'whole'}" operator="between" allowBlank="1" showErrorMessage="1" ` +
          `errorTitle="${esc(title)}" error="${esc(error)}" sqref="${esc(v.range)}">` +
          `<formula1>${fmtNum(v.min)}</formula1><formula2>${fmtNum(v.max)}</formula2></dataValidation>`,
      );
    }
    out.push('</dataValidations>');
  }

  if (sp.links.length) {
    out.push('<hyperlinks>');
    for (const l of sp.links) out.push(`<hyperlink ref="${letters[l.col] ?? colName(l.col)}${l.row + 1}" location="${esc(l.target.replace(/^#/, ''))}"/>`);
    out.push('</hyperlinks>');
  }

  out.push(...pageXml(sp));
  out.push('</worksheet>');
  yield out.join('');
}

/**
 * Print settings in CT_Worksheet order: printOptions, pageMargins, pageSetup, headerFooter. A sheet with
 * a PageSetup (the official tables) gets A4 (paperSize 9), its orientation, one page wide, centring and a
 * centred header/footer with Excel's codes (&P page, &N pages; a literal & is &&).
 */
function pageXml(sp: SheetPatch): string[] {
  const p = sp.page;
  if (!p) {
    const out = ['<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'];
    if (sp.landscape) out.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    return out;
  }
  const out: string[] = [];
  if (p.centerHorizontally) out.push('<printOptions horizontalCentered="1"/>');
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  out.push(`<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`);
  if (p.header || p.footer) {
    out.push(
      '<headerFooter>' +
        (p.header ? `<oddHeader>${esc(`&C${p.header}`)}</oddHeader>` : '') +
        (p.footer ? `<oddFooter>${esc(`&C${p.footer}`)}</oddFooter>` : '') +
        '</headerFooter>',
    );
  }
  return out;
}
