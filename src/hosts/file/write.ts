/**
 * Apply a WorkbookPatch to an ExcelJS workbook in memory (the file host's half of "write").
 *
 * - Only sheets named in the patch are touched: deleteSheets are removed; each patch sheet is removed
 *   (if it exists) and added again at the end, in patch order. Before anything changes, every sheet to
 *   overwrite or delete that exists must be owned per the workbook's own meta sheet (defence in depth;
 *   the renderer already guarantees it) — otherwise an AssessError 'host' and the workbook is unchanged.
 * - Values are written as plain strings and numbers: a string is never turned into a formula, a
 *   hyperlink or rich text (ExcelJS keeps strings as shared strings; nothing here builds `{formula}`).
 * - Styles are composed per distinct combination of range styles and shared as one object per
 *   combination (ExcelJS caches a style's id by object identity), so 100,000-row outputs stay fast.
 * - Internal links are written as `location` hyperlinks (see patchInternalLinks).
 */
import type ExcelJS from 'exceljs';
import { AssessError } from '../../domain/errors';
import { both } from '../../i18n';
import { HOST_ERR, VALIDATION } from '../../i18n/cli';
import { parseRange } from '../../workbook/a1';
import { META_SHEET, readMeta } from '../../workbook/meta';
import type { CellValue, OutputValue, RangeStyle, SheetPatch, WorkbookPatch } from '../../workbook/snapshot';

type DvSheet = { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };

type StyleObj = Partial<ExcelJS.Style>;

const LINK_COLOR = '0563C1';
const BORDER_COLOR = 'FFBFBFBF';

/* ------------------------------------------------------------------------------------------------ */
/* Internal links. ExcelJS 4.4 writes every hyperlink with an External relationship, and for targets  */
/* like Sheet!A1 also a `location` — Excel then resolves "Sheet!A1#Sheet!A1" as a file. We mark our   */
/* internal links with a leading '#', write them as `location` only, and drop their relationships.    */
/* ------------------------------------------------------------------------------------------------ */
let linksPatched = false;
function patchInternalLinks(): void {
  if (linksPatched) return;
  linksPatched = true;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const HyperlinkXform = require('exceljs/lib/xlsx/xform/sheet/hyperlink-xform');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const WorksheetXform = require('exceljs/lib/xlsx/xform/sheet/worksheet-xform');
    type Link = { address: string; target: string; rId?: string; tooltip?: string };
    type XmlStream = { leafNode(name: string, attrs: Record<string, string | undefined>): void };
    const origRender = HyperlinkXform.prototype.render as (this: unknown, x: XmlStream, m: Link) => void;
    HyperlinkXform.prototype.render = function render(xmlStream: XmlStream, model: Link) {
      if (typeof model.target === 'string' && model.target.startsWith('#')) {
        xmlStream.leafNode('hyperlink', { ref: model.address, location: model.target.slice(1), tooltip: model.tooltip });
        return;
      }
      origRender.call(this, xmlStream, model);
    };
    const origPrepare = WorksheetXform.prototype.prepare as (this: unknown, model: unknown, options: unknown) => void;
    WorksheetXform.prototype.prepare = function prepare(model: { rels?: { Target: string }[] }, options: unknown) {
      origPrepare.call(this, model, options);
      if (Array.isArray(model.rels)) model.rels = model.rels.filter((r) => !(typeof r.Target === 'string' && r.Target.startsWith('#')));
    };
  } catch {
    // A different ExcelJS layout: links are still written the library's way.
  }
}

/* ------------------------------------------------------------------------------------------------ */

function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 8 ? h : `FF${h.padStart(6, '0')}`;
}

/** A range style merged over an existing style: a new object, the inputs untouched. */
function compose(base: StyleObj, s: RangeStyle): StyleObj {
  const out: StyleObj = { ...base };
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.fontColor || s.bold !== undefined || s.italic !== undefined || s.size !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...(base.font ?? {}) };
    if (s.fontColor) font.color = { argb: argb(s.fontColor) };
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.size !== undefined) font.size = s.size;
    out.font = font;
  }
  if (s.numberFormat) out.numFmt = s.numberFormat;
  if (s.horizontal || s.wrap !== undefined) {
    const al: Partial<ExcelJS.Alignment> = { vertical: 'middle', ...(base.alignment ?? {}) };
    if (s.horizontal) al.horizontal = s.horizontal;
    if (s.wrap !== undefined) al.wrapText = s.wrap;
    out.alignment = al;
  }
  if (s.border) {
    const side: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: BORDER_COLOR } };
    out.border = { top: side, left: side, bottom: side, right: side };
  }
  return out;
}

function linkStyle(base: StyleObj): StyleObj {
  return { ...base, font: { ...(base.font ?? {}), underline: true, color: base.font?.color ?? { argb: argb(LINK_COLOR) } } };
}

/** A plain cell value for ExcelJS: strings stay strings, never formulas; non-finite numbers become text. */
function plain(v: OutputValue | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  return String(v);
}

/** The meta sheet of an ExcelJS workbook as a minimal snapshot, for the ownership check. */
function ownedInWorkbook(wb: ExcelJS.Workbook): Set<string> {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return new Set();
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cell = (c: number): CellValue => {
      const v = row.getCell(c).value;
      if (v === null || v === undefined) return null;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      if (typeof v === 'object' && 'richText' in v) return v.richText.map((x) => x.text).join('');
      if (typeof v === 'object' && 'result' in v) return (v.result as string | number | null) ?? null;
      return String(v);
    };
    values[r - 1] = [cell(1), cell(2)];
  });
  const meta = readMeta({ sheets: [{ name: META_SHEET, values, merges: [], visibility: 'veryHidden' }] });
  const owned = new Set<string>(meta ? meta.sheets : []);
  if (meta) owned.add(META_SHEET);
  return owned;
}

function refuse(sheet: string): never {
  throw new AssessError('host', HOST_ERR.foreignSheet, { sheet }, sheet);
}

/** Write one sheet of the patch into a fresh worksheet. */
function writeSheet(wb: ExcelJS.Workbook, sp: SheetPatch): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sp.name, {
    state: sp.visibility === 'veryHidden' ? 'veryHidden' : 'visible',
    properties: sp.tabColor ? { tabColor: { argb: argb(sp.tabColor) } } : {},
    views:
      sp.freeze.rows > 0 || sp.freeze.cols > 0
        ? [{ state: 'frozen', xSplit: sp.freeze.cols, ySplit: sp.freeze.rows }]
        : [{ state: 'normal' }],
  });

  // Values, row by row (addRow is ExcelJS's fastest path).
  const nRows = sp.values.length;
  let nCols = sp.columnWidths.length;
  for (const row of sp.values) {
    if (row.length > nCols) nCols = row.length;
    const vals: (string | number | null)[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) vals[c] = plain(row[c]);
    ws.addRow(vals);
  }

  // Styles: one shared object per distinct combination of range styles (combo ids in a typed grid).
  if (sp.styles.length > 0 || sp.links.length > 0) {
    const rows = Math.max(nRows, 1);
    const cols = Math.max(nCols, 1);
    const grid = new Int32Array(rows * cols); // 0 = no style
    const comboStyle: StyleObj[] = [{}];
    // Range styles with the same formatting (whatever their range) are one "kind": renderers often
    // emit one range style per row, and the combinations must stay few for the shared objects to pay.
    const kindOf = new Map<string, number>();
    const kinds: number[] = sp.styles.map((st) => {
      const key = JSON.stringify({ ...st, range: '' });
      let k = kindOf.get(key);
      if (k === undefined) kindOf.set(key, (k = kindOf.size));
      return k;
    });
    const comboNext = new Map<number, Map<number, number>>();
    const step = (combo: number, styleIdx: number): number => {
      let m = comboNext.get(combo);
      if (!m) comboNext.set(combo, (m = new Map()));
      const kind = kinds[styleIdx];
      let id = m.get(kind);
      if (id === undefined) {
        id = comboStyle.length;
        comboStyle.push(compose(comboStyle[combo], sp.styles[styleIdx]));
        m.set(kind, id);
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
    // Link cells: underlined, link-coloured unless styled otherwise.
    const linkCombo = new Map<number, number>();
    const linkedStyle = (combo: number): number => {
      let id = linkCombo.get(combo);
      if (id === undefined) {
        id = comboStyle.length;
        comboStyle.push(linkStyle(comboStyle[combo]));
        linkCombo.set(combo, id);
      }
      return id;
    };
    for (const l of sp.links) {
      if (l.row < rows && l.col < cols) grid[l.row * cols + l.col] = linkedStyle(grid[l.row * cols + l.col]);
    }
    for (let y = 0; y < rows; y++) {
      const base = y * cols;
      const row = ws.getRow(y + 1);
      for (let x = 0; x < cols; x++) {
        const id = grid[base + x];
        // Unstyled cells share one empty style object too: ExcelJS then resolves it once, not per cell.
        const cell = id === 0 ? row.findCell(x + 1) : row.getCell(x + 1);
        if (cell) cell.style = comboStyle[id] as ExcelJS.Style;
      }
    }
  } else {
    const empty = {} as ExcelJS.Style;
    ws.eachRow((row) => row.eachCell((cell) => (cell.style = empty)));
  }

  // Links: the cell keeps its text; the target is marked internal with '#'.
  for (const l of sp.links) {
    const cell = ws.getRow(l.row + 1).getCell(l.col + 1);
    cell.value = { text: String(l.text), hyperlink: `#${l.target.replace(/^#/, '')}` };
  }

  for (const m of sp.merges) ws.mergeCells(m);

  sp.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const { row, height } of sp.rowHeights ?? []) ws.getRow(row + 1).height = height;

  if (sp.landscape) {
    ws.pageSetup.orientation = 'landscape';
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  }
  if (sp.printTitleRows) ws.pageSetup.printTitlesRow = sp.printTitleRows;

  for (const v of sp.validations ?? []) {
    const decimals = v.decimals ? 2 : 0;
    (ws as unknown as DvSheet).dataValidations.add(v.range, {
      type: v.decimals ? 'decimal' : 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [v.min, v.max],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: v.title ?? both(VALIDATION.title),
      error: v.message ?? both(VALIDATION.error, { min: v.min, max: v.max, decimals }),
    });
  }
  return ws;
}

/**
 * Apply a patch to a workbook in memory. Checks ownership of every sheet it would replace or delete
 * first; on refusal nothing has changed.
 */
export function applyPatch(wb: ExcelJS.Workbook, patch: WorkbookPatch): void {
  patchInternalLinks();
  const owned = ownedInWorkbook(wb);
  for (const name of [...patch.deleteSheets, ...patch.sheets.map((s) => s.name)]) {
    if (wb.getWorksheet(name) && !owned.has(name)) refuse(name);
  }
  for (const name of [...patch.deleteSheets, ...patch.sheets.map((s) => s.name)]) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  for (const sp of patch.sheets) writeSheet(wb, sp);

  // Activate the results sheet: it becomes the selected tab.
  const ordered = wb.worksheets; // in tab order
  const active = patch.activate ? ordered.findIndex((w) => w.name === patch.activate) : -1;
  if (active >= 0) {
    for (const w of ordered) {
      const v = w.views && w.views[0];
      if (v) (v as { tabSelected?: boolean }).tabSelected = w.name === patch.activate;
      else if (w.name === patch.activate) w.views = [{ state: 'normal', tabSelected: true } as unknown as ExcelJS.WorksheetView];
    }
    const views = wb.views && wb.views.length ? wb.views : [{ x: 0, y: 0, width: 20000, height: 12000, visibility: 'visible' } as ExcelJS.WorkbookView];
    views[0] = { ...views[0], activeTab: active, firstSheet: 0 };
    wb.views = views;
  }
}
