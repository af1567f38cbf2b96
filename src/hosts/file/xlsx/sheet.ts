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
import { colName } from '../../../domain/cell-ref';
import { parseRange } from '../../../workbook/a1';
import type { RangeStyle, SheetPatch } from '../../../workbook/snapshot';
import { TEXT_FORMAT, needsTextFormat } from '../../../workbook/text-format';
import { argb, compose, linkFormat } from './styles';
import type { CellFormat, StyleBook } from './styles';
import { NS, esc } from '../package/xml';
import { CHUNK_BYTES, XmlBytes } from './bytes';


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
  const texts = textCells(sp, cols);
  if (sp.styles.length === 0 && sp.links.length === 0 && texts.length === 0) return null;
  const grid = new Int32Array(rows * cols); // combo ids; 0 = nothing set
  const combos: CellFormat[] = [{}];
  const kindOf = new Map<string, number>();
  const kinds = sp.styles.map((st) => {
    const key = kindKey(st);
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
    // Neighbouring cells mostly share their stack: the last step is remembered.
    let from = -1;
    let to = -1;
    for (let y = r.top; y <= bottom; y++) {
      const base = y * cols;
      for (let x = r.left; x <= right; x++) {
        const c = grid[base + x];
        if (c !== from) {
          from = c;
          to = step(c, i);
        }
        grid[base + x] = to;
      }
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
  // Text Excel would read as something else gets the number format "@" (as the Office host writes it).
  const asText = new Map<number, number>();
  for (const at of texts) {
    let id = asText.get(grid[at]);
    if (id === undefined) {
      id = combos.length;
      combos.push({ ...combos[grid[at]], numberFormat: TEXT_FORMAT });
      asText.set(grid[at], id);
    }
    grid[at] = id;
  }
  const xf = combos.map((c) => book.xf(c));
  for (let i = 0; i < grid.length; i++) grid[i] = xf[grid[i]];
  return grid;
}

/** Cells (row * cols + col) holding text that Excel would read as a formula, number, date or boolean. */
function textCells(sp: SheetPatch, cols: number): number[] {
  const out: number[] = [];
  sp.values.forEach((row, r) => {
    for (let c = 0; c < row.length && c < cols; c++) {
      const v = row[c];
      if (typeof v === 'string' && needsTextFormat(v)) out.push(r * cols + c);
    }
  });
  return out;
}

/** The fields of a range style that make its look, as one string (the same look, the same key). */
const KIND_FIELDS = ['fill', 'fontColor', 'bold', 'italic', 'size', 'numberFormat', 'horizontal', 'vertical', 'wrap', 'border', 'font'] as const;
/** Every look field is in the key (a field added to RangeStyle and forgotten here fails to compile). */
type Unkeyed = Exclude<keyof RangeStyle, 'range' | (typeof KIND_FIELDS)[number]>;
const ALL_FIELDS_KEYED: [Unkeyed] extends [never] ? true : never = true;
void ALL_FIELDS_KEYED;
function kindKey(st: RangeStyle): string {
  let key = '';
  for (const f of KIND_FIELDS) {
    const v = st[f];
    key += v === undefined ? '\u0001' : `${String(v)}\u0001`;
  }
  return key;
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
  /** The worksheet part's XML as UTF-8, about CHUNK_BYTES per chunk, so a large sheet never sits in memory whole. */
  chunks(): Generator<Uint8Array>;
}

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

function* sheetChunks(sp: SheetPatch, grid: Int32Array | null, rows: number, cols: number, nRows: number, nCols: number, opts: SheetXmlOptions): Generator<Uint8Array> {
  const letters: string[] = [];
  for (let c = 0; c < cols; c++) letters.push(colName(c));

  const out = new XmlBytes();
  const mainNs = opts.strict ? NS.mainStrict : NS.main;
  const relNs = opts.strict ? NS.relStrict : NS.rel;
  const head: string[] = [];
  head.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">`);

  // sheetPr: tab colour, fit to page.
  const fit = sp.page ? sp.page.fitToWidth : sp.landscape;
  if (sp.tabColor || fit) {
    head.push('<sheetPr>');
    if (sp.tabColor) head.push(`<tabColor rgb="${argb(sp.tabColor)}"/>`);
    if (fit) head.push('<pageSetUpPr fitToPage="1"/>');
    head.push('</sheetPr>');
  }
  head.push(`<dimension ref="A1${nRows > 0 && nCols > 0 ? `:${letters[nCols - 1]}${nRows}` : ''}"/>`);

  // View: frozen rows/columns, selected tab.
  const { rows: fr, cols: fc } = sp.freeze;
  head.push(`<sheetViews><sheetView${opts.selected ? ' tabSelected="1"' : ''} workbookViewId="0"`);
  if (fr > 0 || fc > 0) {
    const pane = fr > 0 && fc > 0 ? 'bottomRight' : fr > 0 ? 'bottomLeft' : 'topRight';
    head.push(
      `><pane${fc > 0 ? ` xSplit="${fc}"` : ''}${fr > 0 ? ` ySplit="${fr}"` : ''} topLeftCell="${colName(fc)}${fr + 1}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}"/></sheetView></sheetViews>`,
    );
  } else head.push('/></sheetViews>');
  head.push('<sheetFormatPr defaultRowHeight="15"/>');

  const widths = sp.columnWidths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('');
  if (widths) head.push(`<cols>${widths}</cols>`);
  head.push('<sheetData>');
  out.text(head.join(''));

  // Cells: the markup around them is ASCII and written byte by byte; only text goes through the encoder.
  const heights = new Map<number, number>();
  for (const { row, height } of sp.rowHeights ?? []) heights.set(row, height);
  const cellOpen = letters.map((l) => `<c r="${l}`);
  for (let y = 0; y < rows; y++) {
    if (out.size >= CHUNK_BYTES) yield out.take();
    const vals = sp.values[y] ?? [];
    const gbase = y * cols;
    const r = y + 1;
    const h = heights.get(y);
    let open = false;
    for (let x = 0; x < cols; x++) {
      const v = x < vals.length ? vals[x] : null;
      const s = grid ? grid[gbase + x] : 0;
      const empty = v === null || v === undefined || v === '';
      if (empty && !s) continue;
      if (!open) {
        out.ascii('<row r="');
        out.uint(r);
        out.ascii(h !== undefined ? `" ht="${h}" customHeight="1">` : '">');
        open = true;
      }
      out.ascii(cellOpen[x]);
      out.uint(r);
      if (s) {
        out.ascii('" s="');
        out.uint(s);
      }
      if (empty) out.ascii('"/>');
      else if (typeof v === 'number' && Number.isFinite(v)) {
        out.ascii('"><v>');
        out.ascii(fmtNum(v));
        out.ascii('</v></c>');
      } else {
        const text = String(v);
        // xml:space="preserve" only where a parser would otherwise be free to drop white space.
        out.ascii(/^\s|\s$/.test(text) ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>');
        out.text(esc(text));
        out.ascii('</t></is></c>');
      }
    }
    if (open) out.ascii('</row>');
    else if (h !== undefined) out.ascii(`<row r="${r}" ht="${h}" customHeight="1"/>`);
  }

  const tail: string[] = ['</sheetData>'];
  if (sp.merges.length) tail.push(`<mergeCells count="${sp.merges.length}">${sp.merges.map((m) => `<mergeCell ref="${esc(m)}"/>`).join('')}</mergeCells>`);

  const dvs = sp.validations ?? [];
  if (dvs.length) {
    tail.push(`<dataValidations count="${dvs.length}">`);
    for (const v of dvs) {
      const title = clip(v.title ?? both(VALIDATION.title), DV_TITLE_MAX);
      const error = clip(v.message ?? both(VALIDATION.error, { min: v.min, max: v.max, decimals: v.decimals ? 2 : 0 }), DV_ERROR_MAX);
      tail.push(
        `<dataValidation type="${v.decimals ? 'decimal' : 'whole'}" operator="between" allowBlank="1" showErrorMessage="1" ` +
          `errorTitle="${esc(title)}" error="${esc(error)}" sqref="${esc(v.range)}">` +
          `<formula1>${fmtNum(v.min)}</formula1><formula2>${fmtNum(v.max)}</formula2></dataValidation>`,
      );
    }
    tail.push('</dataValidations>');
  }

  if (sp.links.length) {
    tail.push('<hyperlinks>');
    for (const l of sp.links) tail.push(`<hyperlink ref="${letters[l.col] ?? colName(l.col)}${l.row + 1}" location="${esc(l.target.replace(/^#/, ''))}"/>`);
    tail.push('</hyperlinks>');
  }

  tail.push(...pageXml(sp));
  tail.push('</worksheet>');
  out.text(tail.join(''));
  yield out.take();
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
  const scale = !p.fitToWidth && p.scale ? ` scale="${p.scale}"` : '';
  out.push(`<pageSetup paperSize="9"${scale} orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`);
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
