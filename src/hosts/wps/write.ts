/**
 * Writing a WorkbookPatch through WPS's JSAPI, in the crash-safe order of the Office host
 * (src/hosts/office/write/order.ts): every JSAPI call is applied at once and a run can be cut after any of
 * them (WPS closed, the pane reloaded, a call refused), so every prefix of the calls leaves a workbook the
 * next run repairs (test/wps/write-order.test.ts cuts a write at every call):
 *   0. what an interrupted run left (`_PGA_TMP_*` sheets very hidden, or recorded as owned) is removed;
 *   1. the ownership record (the meta sheet; its cells changed by ONE Value2 assignment, so it is the old
 *      record or the new one) first also owns the temporary sheets about to be built and the sheets this
 *      run refills or drops;
 *   2. every NEW output is built under a temporary name, very hidden and marked, then made visible and
 *      renamed into place (no reference to it can exist yet);
 *   3. an output that EXISTS is refilled in place, never deleted (deleting a sheet turns every reference to it
 *      into #REF!): emptied (unmerged, cleared, validation removed, standard widths and heights), then
 *      written; cut half-way, it is an owned sheet, half filled, that the next run empties and fills again;
 *   4. outputs this run no longer produces are removed;
 *   5. kept outputs are moved after the others in patch order, the record written as this run's and moved last;
 *   6. the results sheet is activated, A1 selected.
 * Only sheets the record owns are refilled or deleted, checked before any call (src/workbook/write-guard.ts).
 * Values go one Value2 assignment per block; text WPS would read as something else gets the number format
 * "@" before its value (never a formula); formats as few rectangles (src/workbook/style-plan.ts).
 */
import { colName } from '../../domain/cell-ref';
import { META_SHEET, OWNER_MARK } from '../../workbook/meta';
import type { OutputValue, RangeStyle, SheetPatch, WorkbookPatch } from '../../workbook/snapshot';
import type { Prop } from '../../workbook/style-plan';
import { areaChunks, formatRuns, planStyles, valueBlocks, widthOf } from '../../workbook/style-plan';
import { TEXT_FORMAT } from '../../workbook/text-format';
import type { ReadState, WriteMode } from '../../workbook/write-guard';
import { checkPatch, intentRecord, leftoverSheets, lower, metaState, tempNamer } from '../../workbook/write-guard';
import type { WpsApplication, WpsRange, WpsWorkbook, WpsWorksheet } from './model';
import { XL_ALIGN, XL_PAGE, XL_SHEET, XL_VALIDATION } from './model';
import { activeWorkbook, rectAddress, vbaColumnWidth } from './read';

/** Most cells one Value2 assignment carries. */
export const WRITE_BLOCK_CELLS = 50_000;

/** #RRGGBB as VBA's colour number (RGB(): red in the low byte). */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

const BORDER_COLOR = bgr('BFBFBF');

function cellText(v: OutputValue): string | number {
  return v === null || v === undefined ? '' : v;
}

/** The ownership mark: a hidden sheet-level name, which goes wherever the sheet goes (renames too), and with it. */
function addMark(ws: WpsWorksheet): void {
  ws.Names.Add(OWNER_MARK.name, `=${OWNER_MARK.formula}`, false);
}

function lastSheet(wb: WpsWorkbook): WpsWorksheet {
  const sheets = wb.Worksheets;
  return sheets.Item(sheets.Count);
}

/** A new sheet at the end, named `name`, very hidden when asked (marked first when owned). */
function addSheet(wb: WpsWorkbook, name: string, owned: boolean, veryHidden: boolean): WpsWorksheet {
  const ws = wb.Worksheets.Add(undefined, lastSheet(wb));
  ws.Name = name;
  if (owned) addMark(ws);
  if (veryHidden) ws.Visible = XL_SHEET.veryHidden;
  return ws;
}

function setProp(r: WpsRange, prop: Prop, value: unknown): void {
  switch (prop) {
    case 'fill':
      r.Interior.Color = bgr(value as string);
      break;
    case 'fontColor':
      r.Font.Color = bgr(value as string);
      break;
    case 'bold':
      r.Font.Bold = value as boolean;
      break;
    case 'italic':
      r.Font.Italic = value as boolean;
      break;
    case 'size':
      r.Font.Size = value as number;
      break;
    case 'font':
      r.Font.Name = value as string;
      break;
    case 'horizontal':
      r.HorizontalAlignment = XL_ALIGN[value as 'left' | 'center' | 'right'];
      break;
    case 'vertical':
      r.VerticalAlignment = XL_ALIGN[value as 'top' | 'center' | 'bottom'];
      break;
    case 'wrap':
      r.WrapText = value as boolean;
      break;
  }
}

function styleRange(ws: WpsWorksheet, s: RangeStyle, only: Set<Prop | 'border'>): void {
  const r = ws.Range(s.range);
  for (const p of only) if (p !== 'border') setProp(r, p, s[p]);
  if (only.has('border')) {
    const b = r.Borders;
    b.LineStyle = XL_PAGE.continuous;
    b.Color = BORDER_COLOR;
  }
}

/** Number formats, values (one Value2 per block), styles, links, merges, validation. */
function writeContent(ws: WpsWorksheet, sheet: SheetPatch): void {
  const cols = widthOf(sheet.values);
  // Number formats first: then a string value stays text.
  for (const run of formatRuns(sheet)) ws.Range(rectAddress(run.top, run.left, run.bottom, run.right)).NumberFormat = run.format;
  for (const { top, rows: block } of valueBlocks(sheet.values, WRITE_BLOCK_CELLS)) {
    // One cell takes a scalar, more a 2D array (VBA Range.Value2).
    ws.Range(rectAddress(top, 0, top + block.length - 1, cols - 1)).Value2 = block.length === 1 && cols === 1 ? block[0][0] : block;
  }
  const plan = planStyles(sheet.styles);
  for (const g of plan.grouped) {
    for (const address of areaChunks(g.rects)) setProp(ws.Range(address), g.prop, g.value);
  }
  for (const x of plan.sequential) styleRange(ws, x.style, x.props);
  for (const link of sheet.links) {
    ws.Hyperlinks.Add(ws.Range(rectAddress(link.row, link.col, link.row, link.col)), '', link.target, link.text, link.text);
  }
  for (const m of sheet.merges) ws.Range(m).Merge();
  for (const v of sheet.validations ?? []) {
    const dv = ws.Range(v.range).Validation;
    dv.Delete();
    dv.Add(v.decimals ? XL_VALIDATION.decimal : XL_VALIDATION.whole, XL_VALIDATION.stop, XL_VALIDATION.between, v.min, v.max);
    if (v.message) {
      dv.ErrorTitle = v.title ?? '';
      dv.ErrorMessage = v.message;
    }
  }
}

/** Column widths (runs of equal width in one call), row heights, tab colour and page setup. */
function writeLayout(ws: WpsWorksheet, sheet: SheetPatch): void {
  const widths = sheet.columnWidths;
  for (let c = 0; c < widths.length; ) {
    let e = c;
    while (e + 1 < widths.length && widths[e + 1] === widths[c]) e++;
    ws.Range(`${colName(c)}:${colName(e)}`).ColumnWidth = vbaColumnWidth(widths[c]);
    c = e + 1;
  }
  for (const { row, height } of sheet.rowHeights ?? []) ws.Range(`${row + 1}:${row + 1}`).RowHeight = height;
  if (sheet.tabColor) ws.Tab.Color = bgr(sheet.tabColor);
  const page = sheet.page;
  if (page || sheet.landscape || sheet.printTitleRows) {
    const ps = ws.PageSetup;
    if (page) {
      ps.PaperSize = XL_PAGE.a4;
      ps.Orientation = page.orientation === 'landscape' ? XL_PAGE.landscape : XL_PAGE.portrait;
      // One page wide, as many tall as needed (VBA: Zoom False, FitToPagesWide 1, FitToPagesTall False).
      if (page.fitToWidth) {
        ps.Zoom = false;
        ps.FitToPagesWide = 1;
        ps.FitToPagesTall = false;
      } else if (page.scale) ps.Zoom = page.scale;
      if (page.centerHorizontally) ps.CenterHorizontally = true;
      if (page.header) ps.CenterHeader = page.header;
      if (page.footer) ps.CenterFooter = page.footer;
    } else if (sheet.landscape) ps.Orientation = XL_PAGE.landscape;
    if (sheet.printTitleRows) {
      const [a, b] = sheet.printTitleRows.split(':');
      ps.PrintTitleRows = `$${a}:$${b ?? a}`;
    }
  }
}

/** Empties a kept output sheet so that it holds what a new sheet holds; its names (the mark) and references stay. */
function emptySheet(ws: WpsWorksheet): void {
  const all = ws.Cells;
  all.UnMerge();
  all.Clear();
  all.Validation.Delete();
  all.ColumnWidth = ws.StandardWidth;
  all.RowHeight = ws.StandardHeight;
  ws.Tab.Color = false;
}

/** Frozen panes are the window's (VBA): the sheet activated, the split set, then frozen. */
function freeze(app: WpsApplication, ws: WpsWorksheet, rows: number, cols: number): void {
  ws.Activate();
  const win = app.ActiveWindow;
  if (!win) return;
  win.FreezePanes = false;
  if (rows <= 0 && cols <= 0) return;
  win.ScrollRow = 1;
  win.ScrollColumn = 1;
  win.SplitColumn = cols;
  win.SplitRow = rows;
  win.FreezePanes = true;
}

/** The meta sheet's cells: every string as text ("@" first), the cells changed by one Value2 assignment. */
function writeMeta(ws: WpsWorksheet, meta: SheetPatch, oldRows: number, oldCols: number): void {
  const rows = Math.max(meta.values.length, oldRows, 1);
  const cols = Math.max(widthOf(meta.values), oldCols, 2);
  const values: Array<Array<string | number>> = [];
  for (let r = 0; r < rows; r++) {
    const row: Array<string | number> = [];
    for (let c = 0; c < cols; c++) row.push(cellText(meta.values[r]?.[c] ?? null));
    values.push(row);
  }
  // The record's strings as text, column by column in runs (a number, the version, stays a number).
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; ) {
      const text = typeof values[r][c] === 'string' && values[r][c] !== '';
      let e = r;
      while (e + 1 < rows && (typeof values[e + 1][c] === 'string' && values[e + 1][c] !== '') === text) e++;
      ws.Range(rectAddress(r, c, e, c)).NumberFormat = text ? TEXT_FORMAT : 'General';
      r = e + 1;
    }
  }
  ws.Range(rectAddress(0, 0, rows - 1, cols - 1)).Value2 = values; // the record changes in one call
  ws.Visible = XL_SHEET.veryHidden;
}

/** The meta sheet: added when absent (marked), its mark made sure of, its cells written. */
function putMeta(wb: WpsWorkbook, meta: SheetPatch, oldRows: number, oldCols: number, exists: boolean, unmarked: boolean, markVisible: boolean): void {
  let ws: WpsWorksheet;
  if (!exists) ws = addSheet(wb, META_SHEET, !!meta.owned, false);
  else {
    ws = wb.Worksheets.Item(META_SHEET);
    if (markVisible && !unmarked) ws.Names.Item(OWNER_MARK.name).Visible = false;
    if (unmarked && meta.owned) addMark(ws);
  }
  writeMeta(ws, meta, oldRows, oldCols);
}

/** Writes the patch (see the header for the order). */
export function writePatch(app: WpsApplication, state: ReadState, patch: WorkbookPatch, mode: WriteMode = 'owned'): void {
  checkPatch(state, patch, mode); // before any call into WPS
  const wb = activeWorkbook(app);
  const sheetsOf = () => wb.Worksheets;
  const get = (name: string) => sheetsOf().Item(name);
  const existing = new Map(state.sheets.map((s) => [lower(s.name), s]));
  const taken = new Set(state.sheets.map((s) => lower(s.name)));
  const removed = new Set<string>();
  const alerts = app.DisplayAlerts;
  // Worksheet.Delete asks "delete this sheet?" unless alerts are off (VBA); a run must not stop on a prompt.
  app.DisplayAlerts = false;
  try {
    // 0. What an interrupted run left.
    for (const s of leftoverSheets(state, mode)) {
      get(s.name).Delete();
      removed.add(lower(s.name));
      taken.delete(lower(s.name));
    }
    const tempName = tempNamer(taken);
    const metaPatch = patch.sheets.find((s) => s.name === META_SHEET) ?? null;
    const outputs = patch.sheets.filter((s) => s !== metaPatch);
    const kept = outputs.map((sheet) => (removed.has(lower(sheet.name)) ? undefined : existing.get(lower(sheet.name))));
    const tempOf = outputs.map((_, i) => (kept[i] ? null : tempName(String(i + 1))));
    const temps = tempOf.filter((t): t is string => t !== null);
    const meta = metaState(state);
    const { oldRows, oldCols } = meta;
    let { exists: metaExists, unmarked: metaUnmarked, markVisible: metaMarkVisible } = meta;

    // 1. The record first owns what this run will build, refill or drop.
    if (metaPatch && outputs.length) {
      const { record, markFirst } = intentRecord(state, patch, metaPatch, removed, temps);
      for (const name of markFirst) addMark(get(name));
      putMeta(wb, record, oldRows, oldCols, metaExists, metaUnmarked, metaMarkVisible);
      metaExists = true;
      metaUnmarked = false;
      metaMarkVisible = false;
    }

    // 2 and 3. Sheet by sheet.
    outputs.forEach((sheet, i) => {
      const temp = tempOf[i];
      let ws: WpsWorksheet;
      if (temp) {
        ws = addSheet(wb, temp, !!sheet.owned, true);
        writeContent(ws, sheet);
        writeLayout(ws, sheet);
        if (sheet.visibility !== 'veryHidden') ws.Visible = XL_SHEET.visible;
        ws.Name = sheet.name;
      } else {
        const old = kept[i]!;
        ws = get(old.name);
        emptySheet(ws);
        writeContent(ws, sheet);
        writeLayout(ws, sheet);
        if (sheet.visibility !== 'veryHidden' && old.visibility !== 'visible') ws.Visible = XL_SHEET.visible;
      }
      if (sheet.visibility !== 'veryHidden') freeze(app, ws, sheet.freeze.rows, sheet.freeze.cols);
    });

    // 4. Outputs this run no longer produces.
    for (const name of patch.deleteSheets) {
      const s = existing.get(lower(name));
      if (s && lower(s.name) !== lower(META_SHEET) && !removed.has(lower(s.name))) get(s.name).Delete();
    }

    // 5. Kept sheets after the others, in patch order; the record of this run, moved last.
    if (kept.some(Boolean)) {
      for (const sheet of outputs) {
        const ws = get(sheet.name);
        const last = lastSheet(wb);
        if (last.Name !== ws.Name) ws.Move(undefined, last);
      }
    }
    if (metaPatch) {
      putMeta(wb, metaPatch, Math.max(oldRows, metaPatch.values.length), Math.max(oldCols, 2), metaExists, metaUnmarked, metaMarkVisible);
      const ws = get(META_SHEET);
      const last = lastSheet(wb);
      if (last.Name !== META_SHEET) ws.Move(undefined, last);
    }

    // 6. The results in view.
    if (patch.activate) {
      const ws = get(patch.activate);
      ws.Activate();
      ws.Range('A1').Select();
    }
  } finally {
    app.DisplayAlerts = alerts;
  }
}

