/**
 * Reading the workbook through WPS's JSAPI. Every property read and method call crosses into WPS's
 * process, so cells are read by BLOCK, never one by one:
 *
 * 1. per sheet: its name, visibility, protection and names (the ownership mark) — a few calls each;
 * 2. the meta sheet's used range (ONE Value2), then which sheets are inputs (sheetReadings, the rule of every host);
 * 3. per input sheet (and the warnings sheet's ledger): its used range's Value2 in blocks of at most
 *    BLOCK_CELLS cells (one call for any ordinary sheet); the error cells, found by SpecialCells(…, xlErrors)
 *    (2 calls) and read by their Text (one call each: a run of errors is rare), since what Value2 gives for
 *    an error is not documented by WPS (docs/decisions.md); the merged areas, found by halving the used
 *    range while MergeCells says "some" (O(merged areas · log cells) calls, 1 for a sheet without merges).
 * The owned output sheets are not read: they are outputs, never inputs (src/workbook/meta.ts).
 */
import { colName } from '../../domain/cell-ref';
import { META_SHEET, OWNER_MARK, isWarningsName, sheetReadings } from '../../workbook/meta';
import type { CellValue, ColumnWidth, SheetSnapshot } from '../../workbook/snapshot';
import type { ReadState, SheetState } from '../../workbook/write-guard';
import type { WpsApplication, WpsRange, WpsScalar, WpsWorkbook, WpsWorksheet } from './model';
import { XL_CELLS, XL_SHEET } from './model';
import { AssessError } from '../../domain/errors';
import { WPS_CODES } from '../../i18n/wps-host';

/** Most cells one Value2 read carries (a block of whole rows of the used range). */
export const BLOCK_CELLS = 250_000;
/** Columns of the warnings sheet whose widths are read (its ledger columns keep the width a user gave them). */
const LEDGER_COLS = 32;

/** A1 address of a rectangle (0-based, inclusive). */
export function rectAddress(top: number, left: number, bottom: number, right: number): string {
  const tl = `${colName(left)}${top + 1}`;
  return top === bottom && left === right ? tl : `${tl}:${colName(right)}${bottom + 1}`;
}

/** The active workbook, or the failure a user reads when none is open. */
export function activeWorkbook(app: WpsApplication): WpsWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new AssessError('host', WPS_CODES.noWorkbook);
  return wb;
}

export function visibilityOf(v: number | boolean): SheetSnapshot['visibility'] {
  if (v === XL_SHEET.veryHidden) return 'veryHidden';
  if (v === XL_SHEET.hidden || v === false) return 'hidden';
  return 'visible';
}

/** A name as VBA gives a sheet-level one (`Sheet1!_PGA_OWNED`, `'My sheet'!_PGA_OWNED`) without its sheet. */
function bareName(name: string): string {
  const i = name.lastIndexOf('!');
  return i < 0 ? name : name.slice(i + 1);
}

/** The ownership mark on a sheet: present, and whether it shows in Name Manager. */
function markOf(ws: WpsWorksheet): { marked: boolean; visible: boolean } {
  const names = ws.Names;
  const n = names.Count;
  for (let i = 1; i <= n; i++) {
    const item = names.Item(i);
    if (bareName(item.Name).toUpperCase() !== OWNER_MARK.name.toUpperCase()) continue;
    if (item.RefersTo !== `=${OWNER_MARK.formula}`) continue;
    return { marked: true, visible: !!item.Visible };
  }
  return { marked: false, visible: false };
}

function toCell(v: WpsScalar): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  return v;
}

/** The used range as 0-based rows and columns, or null when the sheet holds nothing. */
function usedRect(ws: WpsWorksheet): { top: number; left: number; bottom: number; right: number; range: WpsRange } | null {
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  return { top, left, bottom: top + rows - 1, right: left + cols - 1, range: used };
}

/** Values of a sheet's used range, block by block: one Value2 per block. */
function readValues(ws: WpsWorksheet, rect: NonNullable<ReturnType<typeof usedRect>>): CellValue[][] {
  const grid: CellValue[][] = [];
  const cols = rect.right - rect.left + 1;
  const per = Math.max(1, Math.floor(BLOCK_CELLS / cols));
  for (let top = rect.top; top <= rect.bottom; top += per) {
    const bottom = Math.min(rect.bottom, top + per - 1);
    const v = ws.Range(rectAddress(top, rect.left, bottom, rect.right)).Value2;
    // One cell gives a scalar, more a 2D array (VBA semantics).
    const block: WpsScalar[][] = Array.isArray(v) ? v : [[v]];
    for (let r = 0; r < block.length; r++) {
      const row: CellValue[] = (grid[top + r] = []);
      for (let c = 0; c < rect.left; c++) row.push(null);
      for (const x of block[r]) row.push(toCell(x));
      while (row.length && row[row.length - 1] === null) row.pop();
    }
  }
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  while (grid.length && grid[grid.length - 1].length === 0) grid.pop();
  return grid;
}

/** Error cells (constants and formulas) by their displayed text: `#N/A`, `#DIV/0!`… */
function readErrors(used: WpsRange, grid: CellValue[][]): void {
  for (const type of [XL_CELLS.constants, XL_CELLS.formulas]) {
    let found: WpsRange;
    try {
      found = used.SpecialCells(type, XL_CELLS.errors);
    } catch {
      continue; // VBA raises "No cells were found" when there are none
    }
    const areas = found.Areas;
    for (let a = 1; a <= areas.Count; a++) {
      const area = areas.Item(a);
      const top = area.Row - 1;
      const left = area.Column - 1;
      const rows = area.Rows.Count;
      const cols = area.Columns.Count;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const text = area.Cells.Item(r + 1, c + 1).Text ?? '#VALUE!';
          const row = (grid[top + r] ??= []);
          while (row.length < left + c) row.push(null);
          row[left + c] = { error: text };
        }
      }
    }
  }
  for (let r = 0; r < grid.length; r++) {
    grid[r] ??= [];
    for (let c = 0; c < grid[r].length; c++) if (grid[r][c] === undefined) grid[r][c] = null;
  }
}

/**
 * Merged areas: a range whose MergeCells is false holds none (one call); true or null (some) and its first
 * cell's MergeArea covers it: that one area; otherwise halved, each half asked again.
 */
function readMerges(ws: WpsWorksheet, rect: { top: number; left: number; bottom: number; right: number }): string[] {
  const out = new Set<string>();
  const visit = (top: number, left: number, bottom: number, right: number) => {
    const range = ws.Range(rectAddress(top, left, bottom, right));
    const m = range.MergeCells;
    if (m === false) return;
    if (m === true) {
      const area = range.Cells.Item(1, 1).MergeArea;
      const t = area.Row - 1;
      const l = area.Column - 1;
      const b = t + area.Rows.Count - 1;
      const rr = l + area.Columns.Count - 1;
      if (t <= top && l <= left && b >= bottom && rr >= right) {
        out.add(rectAddress(t, l, b, rr));
        return;
      }
    }
    if (top === bottom && left === right) return;
    if (bottom - top >= right - left) {
      const mid = Math.floor((top + bottom) / 2);
      visit(top, left, mid, right);
      visit(mid + 1, left, bottom, right);
    } else {
      const mid = Math.floor((left + right) / 2);
      visit(top, left, bottom, mid);
      visit(top, mid + 1, bottom, right);
    }
  };
  visit(rect.top, rect.left, rect.bottom, rect.right);
  return [...out];
}

/**
 * A column width as WPS gives it (VBA's ColumnWidth: characters of the standard font's digit, without the
 * 5 px of cell padding) in the file format's unit (`<col width>`, which counts the padding: ECMA-376
 * §18.3.1.13), for the standard 7 px digit.
 */
export function fileWidth(vbaChars: number): number {
  return Math.round(((vbaChars * 7 + 5) / 7) * 100) / 100;
}

/** The other way: the ColumnWidth that shows a file width `w` in the same pixels (trunc(((256w + trunc(128/7)) / 256) · 7) px). */
export function vbaColumnWidth(w: number): number {
  const px = Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7);
  return Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
}

function ledgerWidths(ws: WpsWorksheet): ColumnWidth[] {
  const standard = ws.StandardWidth;
  const out: ColumnWidth[] = [];
  for (let c = 0; c < LEDGER_COLS; c++) {
    const w = ws.Range(`${colName(c)}1`).ColumnWidth;
    if (typeof w === 'number' && w > 0 && w !== standard) out.push({ first: c, last: c, width: fileWidth(w) });
  }
  return out;
}

/** Reads the workbook: the snapshot every host gives, and what the write needs to stay safe. */
export function readWorkbook(app: WpsApplication): ReadState {
  const wb = activeWorkbook(app);
  const sheets = wb.Worksheets;
  const count = sheets.Count;
  const handles: WpsWorksheet[] = [];
  const snapshots: SheetSnapshot[] = [];
  const states: SheetState[] = [];
  const visibleMarks: string[] = [];
  for (let i = 1; i <= count; i++) {
    const ws = sheets.Item(i);
    const name = ws.Name;
    const visibility = visibilityOf(ws.Visible);
    const mark = markOf(ws);
    handles.push(ws);
    states.push({ name, visibility, protected: !!ws.ProtectContents });
    snapshots.push({ name, values: [], merges: [], visibility, ...(mark.marked ? { marked: true } : {}) });
    if (mark.marked && mark.visible) visibleMarks.push(name);
  }
  // The meta sheet first (which sheets are ours decides which are read).
  const metaAt = snapshots.findIndex((s) => s.name === META_SHEET);
  if (metaAt >= 0) {
    const rect = usedRect(handles[metaAt]);
    if (rect) snapshots[metaAt].values = readValues(handles[metaAt], rect);
  }
  const readings = sheetReadings({ sheets: snapshots });
  snapshots.forEach((s, i) => {
    if (readings[i] !== 'input' && readings[i] !== 'ledger') return;
    const ws = handles[i];
    const rect = usedRect(ws);
    if (!rect) return;
    const values = readValues(ws, rect);
    readErrors(rect.range, values);
    s.values = values;
    s.merges = readMerges(ws, rect);
    if (isWarningsName(s.name)) {
      const widths = ledgerWidths(ws);
      if (widths.length) s.columnWidths = widths;
    }
  });
  return { snapshot: { sheets: snapshots }, sheets: states, workbookProtected: !!wb.ProtectStructure, visibleMarks };
}
