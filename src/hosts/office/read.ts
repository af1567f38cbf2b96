/// <reference types="office-js" />
/**
 * Reading the workbook through Office.js, in bounded requests and answers on every platform:
 *
 * 1. the sheets (names, visibility) and the workbook's protection;
 * 2. per sheet: its protection and the ADDRESS of its used range (values only); the meta sheet's values;
 *    for every sheet that may hold input (not the meta sheet, not a leftover of an interrupted run):
 *    its merged areas (ExcelApi 1.13; before it the sheet is marked mergesUnknown), its error cells (ExcelApi 1.9: getSpecialCells, so that values
 *    can be read without valueTypes) and the values of a first window from A1 (32 columns, 100–2,000
 *    rows: as many as one answer carries for all input sheets) — a workbook of up to 1,000 rows is then
 *    read in two round trips;
 * 3. the rest of every input sheet's used range, in row chunks: at most 5,000,000 cells per range (Excel's
 *    limit) and about RESPONSE_BUDGET bytes per answer, sized from what the window showed. An answer Excel
 *    refuses for its size (ResponsePayloadSizeLimitExceeded on the web) is read again in halves, and so
 *    is a range whose values come back null.
 * The sheets the add-in wrote last time (owned per the meta sheet) are not read: they are outputs, never
 * inputs — except the warnings sheet, whose ledger columns (整改措施, 责任人…) hold what people typed and are
 * carried into the next run (src/workbook/ledger.ts). The rule is the file host's too (sheetReadings,
 * src/workbook/meta.ts). Every temporary range is untracked, so Excel keeps no
 * reference to it.
 */
import { AssessError } from '../../domain/errors';
import { OUTPUT_KINDS, OUTPUT_SHEET, TEMPLATE_SHEET } from '../../i18n/output';
import { parseRange } from '../../workbook/a1';
import { META_SHEET, OWNER_MARK, isWarningsName, sheetReadings } from '../../workbook/meta';
import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';
import type { OfficeEnv } from './env';
import { MAX_READ_CELLS, RESPONSE_BUDGET, isPayloadError, runExcel } from './env';
import { OFFICE_CODES } from '../../i18n/office';
import { columnWidthChars } from './write/styles';
import type { ReadState, SheetState } from '../../workbook/write-guard';

export type { ReadState };


const VISIBILITY: Record<string, SheetSnapshot['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** The first window read with the addresses: columns from A1, and rows by the number of input sheets. */
export const WINDOW_COLS = 32;
/** Rows of the window of the rubric and rules sheets (a few dozen rows each). */
export const CONFIG_WINDOW_ROWS = 100;
export function windowRows(inputSheets: number, budget: number): number {
  return Math.max(100, Math.min(4000, Math.floor(budget / (Math.max(1, inputSheets) * WINDOW_COLS * 10))));
}

const CONFIG_NAMES = [TEMPLATE_SHEET.rubric.zh, TEMPLATE_SHEET.rubric.en, TEMPLATE_SHEET.rules.zh, TEMPLATE_SHEET.rules.en].map((n) => n.toLocaleLowerCase());

/** "'My sheet'!B3:D9" → "B3:D9" */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf('!');
  return i < 0 ? address : address.slice(i + 1);
}

/** RangeAreas.address "Sheet1!A1:C1, Sheet1!D4:E5" (sheet names may be quoted and hold commas) → ["A1:C1", "D4:E5"]. */
export function splitAreas(address: string | null | undefined): string[] {
  if (!address) return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out.map(stripSheet).filter((a) => a.length > 0);
}

type Rect = ReturnType<typeof parseRange>;

// (No flat/flatMap in the bundles: the EdgeHTML webview lacks them.)
const OUTPUT_NAMES = OUTPUT_KINDS.reduce<string[]>((all, k) => all.concat([OUTPUT_SHEET[k].zh, OUTPUT_SHEET[k].en]), []).map((n) => n.toLocaleLowerCase());

/** A name the add-in gives its outputs (`考评结果`, `Results (2)`…): such a sheet gets no speculative window. */
export function looksLikeOutput(name: string): boolean {
  const base = name.toLocaleLowerCase().replace(/ \(\d+\)$/, '');
  return OUTPUT_NAMES.includes(base);
}

/** Error cells as "row,col" keys (from getSpecialCells' areas). */
function errorKeys(addresses: string[]): Set<string> {
  const keys = new Set<string>();
  for (const a of addresses) {
    const q = parseRange(a.replace(/\$/g, ''));
    for (let r = q.top; r <= q.bottom; r++) for (let c = q.left; c <= q.right; c++) keys.add(`${r},${c}`);
  }
  return keys;
}

interface Target {
  grid: CellValue[][];
  /** Error cells known from getSpecialCells (null: read valueTypes instead). */
  errors: Set<string> | null;
  /** Estimated answer bytes per cell, learned from what was read. */
  bytesPerCell: number;
}

function toCell(v: unknown, isError: boolean): CellValue {
  if (isError) return { error: String(v) };
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** Place a block of values (top-left at row, col) into a sheet grid. */
function place(t: Target, top: number, left: number, values: unknown[][], types: string[][] | null, clip: Rect | null): void {
  for (let r = 0; r < values.length; r++) {
    const row_ = top + r;
    if (clip && (row_ < clip.top || row_ > clip.bottom)) continue;
    const src = values[r];
    let row = t.grid[row_];
    if (!row) {
      row = [];
      t.grid[row_] = row;
    }
    for (let c = 0; c < src.length; c++) {
      const col = left + c;
      if (clip && (col < clip.left || col > clip.right)) continue;
      const type = types?.[r]?.[c];
      if (type === 'Empty') continue;
      const isError = type === 'Error' || (t.errors !== null && typeof src[c] === 'string' && t.errors.has(`${row_},${col}`));
      const cell = toCell(src[c], isError);
      if (cell !== null || row.length > col) row[col] = cell;
    }
  }
}

function fillHoles(grid: CellValue[][]): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    out.push(row);
  }
  return out;
}

/** UTF-8 size of a JSON value, without Buffer or TextEncoder (EdgeHTML has no TextEncoder). */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++;
    else if (c > 0x7f) n += c > 0x7ff ? 2 : 1;
  }
  return n;
}

/** The rect minus the window: what is left to read (below it, and right of it within its rows). */
export function outsideWindow(rect: Rect, rows: number): Rect[] {
  const out: Rect[] = [];
  const wBottom = rows - 1;
  const wRight = WINDOW_COLS - 1;
  if (rect.right > wRight && rect.top <= wBottom) {
    out.push({ top: rect.top, bottom: Math.min(rect.bottom, wBottom), left: Math.max(rect.left, wRight + 1), right: rect.right });
  }
  if (rect.bottom > wBottom) out.push({ top: Math.max(rect.top, wBottom + 1), bottom: rect.bottom, left: rect.left, right: rect.right });
  return out;
}

interface Job {
  sheet: number;
  rect: Rect;
}

export async function readWorkbook(env: OfficeEnv): Promise<ReadState> {
  const withMerges = env.isSetSupported('ExcelApi', '1.13');
  const withErrorCells = env.isSetSupported('ExcelApi', '1.9');
  const budget = env.responseBudget ?? RESPONSE_BUDGET;
  const valueProps = withErrorCells ? 'values' : 'values,valueTypes';
  return runExcel(env, async (context) => {
    // ── 1: the sheets ──
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility');
    const wbProtection = context.workbook.protection;
    wbProtection.load('protected');
    await context.sync();
    const items = worksheets.items;
    const names = items.map((ws) => ws.name);
    const visibility = items.map((ws) => VISIBILITY[String(ws.visibility)] ?? 'visible');
    // May hold input: what the rule says before the meta sheet is read (not the meta sheet, not a leftover).
    const candidate = sheetReadings({ sheets: names.map((name, i) => ({ name, values: [], merges: [], visibility: visibility[i] })) }).map((r) => r === 'input');

    // ── 2: addresses (and the meta sheet, merged areas, error cells, the first window) ──
    // Windows for as many input sheets as one answer can carry (empty cells cost a few bytes each).
    // (The warnings sheet is read for its ledger columns, so it gets a window like an input.)
    const windowed = items.map((_, i) => candidate[i] && (!looksLikeOutput(names[i]) || isWarningsName(names[i])));
    const isConfig = items.map((_, i) => CONFIG_NAMES.includes(names[i].trim().toLocaleLowerCase()));
    const small = windowed.filter((w, i) => w && isConfig[i]).length;
    const rest = Math.max(0, budget - small * CONFIG_WINDOW_ROWS * WINDOW_COLS * 10);
    const wRows = windowRows(windowed.filter((w, i) => w && !isConfig[i]).length, rest);
    const rowsOf = (i: number) => (isConfig[i] ? CONFIG_WINDOW_ROWS : wRows);
    let windowBudget = budget;
    const second = (withWindow: boolean) =>
      items.map((ws, i) => {
        ws.protection.load('protected');
        const used = ws.getUsedRangeOrNullObject(true).untrack();
        used.load(names[i] === META_SHEET ? 'address,values' : 'address');
        // The ownership mark (a sheet-scoped name) tells the add-in's sheets from a user's sheet of the same name.
        const marks = ws.names.load('items/name,items/formula,items/visible');
        if (!candidate[i]) return { used, marks, merged: null, errors: [], window: null, widths: null };
        // The warnings sheet's column widths: a column the user added to the ledger keeps the width they gave it.
        const widths = isWarningsName(names[i]) ? Array.from({ length: WINDOW_COLS }, (_, c) => ws.getRangeByIndexes(0, c, 1, 1).untrack().format.load('columnWidth')) : null;
        const merged = withMerges ? ws.getRange().untrack().getMergedAreasOrNullObject().untrack() : null;
        if (merged) merged.load('address');
        const errors = withErrorCells
          ? (['Constants', 'Formulas'] as const).map((type) => {
              const areas = ws.getRange().untrack().getSpecialCellsOrNullObject(type as Excel.SpecialCellType, 'Errors' as Excel.SpecialCellValueType).untrack();
              areas.load('address');
              return areas;
            })
          : [];
        const fits = withWindow && windowed[i] && (windowBudget -= rowsOf(i) * WINDOW_COLS * 10) >= 0;
        const window = fits ? ws.getRangeByIndexes(0, 0, rowsOf(i), WINDOW_COLS).untrack() : null;
        if (window) window.load(valueProps);
        return { used, marks, merged, errors, window, widths };
      });
    let parts = second(true);
    windowBudget = 0;
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      parts = second(false); // the windows made the answer too large: addresses only
      await context.sync();
    }

    const sheets: SheetSnapshot[] = [];
    const states: SheetState[] = [];
    const visibleMarks: string[] = [];
    const targets: Array<Target | null> = [];
    const rects: Array<Rect | null> = [];
    parts.forEach((p, i) => {
      states.push({ name: names[i], visibility: visibility[i], protected: !!items[i].protection.protected });
      const rect = p.used.isNullObject ? null : parseRange(stripSheet(p.used.address));
      rects.push(rect);
      const errs = p.errors.filter((a) => !a.isNullObject).reduce<string[]>((all, a) => all.concat(splitAreas(a.address)), []);
      targets.push({ grid: [], errors: withErrorCells ? errorKeys(errs) : null, bytesPerCell: withErrorCells ? 12 : 24 });
      sheets.push({
        name: names[i],
        values: [],
        merges: p.merged && !p.merged.isNullObject ? splitAreas(p.merged.address) : [],
        // Before ExcelApi 1.13 Excel has no API that says where merged cells are (getMergedAreasOrNullObject is 1.13;
        // getCellProperties' CellPropertiesFormat, 1.9, has no merge property): the reader is told so.
        ...(candidate[i] && !withMerges ? { mergesUnknown: true } : {}),
        visibility: visibility[i],
        ...(p.marks.items.some((n) => n.name.toUpperCase() === OWNER_MARK.name.toUpperCase() && n.formula === `=${OWNER_MARK.formula}`) ? { marked: true } : {}),
        ...(p.widths ? { columnWidths: p.widths.map((f, c) => ({ first: c, last: c, width: typeof f.columnWidth === 'number' ? columnWidthChars(f.columnWidth) : 0 })).filter((w) => w.width > 0) } : {}),
      });
      if (p.marks.items.some((n) => n.name.toUpperCase() === OWNER_MARK.name.toUpperCase() && n.visible)) visibleMarks.push(names[i]);
      if (names[i] === META_SHEET && rect) place(targets[i]!, rect.top, rect.left, p.used.values, null, null);
    });
    // Owned sheets (per the meta sheet just read) are outputs: not read, but for the ledger on the warnings sheet.
    const readings = sheetReadings({ sheets: sheets.map((s, i) => (s.name === META_SHEET ? { ...s, values: fillHoles(targets[i]!.grid) } : s)) });

    const jobs: Job[] = [];
    parts.forEach((p, i) => {
      const rect = rects[i];
      const t = targets[i]!;
      if ((readings[i] !== 'input' && readings[i] !== 'ledger') || !rect) return;
      if (p.window && p.window.values) {
        const types = withErrorCells ? null : (p.window.valueTypes as string[][]);
        place(t, 0, 0, p.window.values, types, rect);
        const cells = rowsOf(i) * WINDOW_COLS;
        t.bytesPerCell = Math.max(4, (jsonBytes(p.window.values) + (types ? jsonBytes(types) : 0)) / cells);
        for (const r of outsideWindow(rect, rowsOf(i))) jobs.push({ sheet: i, rect: r });
      } else {
        jobs.push({ sheet: i, rect });
      }
    });

    // ── 3: the rest, in row chunks ──
    const rowsFor = (job: Job, share: number) => {
      const cols = job.rect.right - job.rect.left + 1;
      const perRow = cols * targets[job.sheet]!.bytesPerCell * 1.25;
      return Math.max(1, Math.min(Math.floor(MAX_READ_CELLS / cols), Math.floor(share / perRow)));
    };
    const queue = [...jobs];
    let share = budget;
    while (queue.length) {
      // One sync: as many whole or partial jobs as fit the answer budget.
      const batch: Array<{ job: Job; range: Excel.Range }> = [];
      let left = share;
      while (queue.length && left > 0) {
        const job = queue[0];
        const cols = job.rect.right - job.rect.left + 1;
        const total = job.rect.bottom - job.rect.top + 1;
        const perRow = cols * targets[job.sheet]!.bytesPerCell * 1.25;
        if (batch.length && perRow > left) break; // not even one more row fits: next sync
        const rows = Math.min(total, rowsFor(job, left));
        const part: Job = { sheet: job.sheet, rect: { ...job.rect, bottom: job.rect.top + rows - 1 } };
        if (rows === total) queue.shift();
        else job.rect = { ...job.rect, top: job.rect.top + rows };
        const range = items[part.sheet].getRangeByIndexes(part.rect.top, part.rect.left, rows, cols).untrack();
        range.load(valueProps);
        batch.push({ job: part, range });
        left -= rows * perRow;
        if (rows < total) break; // the budget is used up
      }
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the bounded chunks Microsoft advises for large ranges
        await context.sync();
        share = budget;
      } catch (e) {
        const splittable = batch.length > 1 || batch.some((b) => b.job.rect.bottom > b.job.rect.top);
        if (!isPayloadError(e) || !splittable) throw e;
        // Excel refused the answer for its size: read the same rows again in halves.
        for (const b of batch.reverse()) queue.unshift(b.job);
        share = Math.max(1, share / 2);
        for (const b of batch) targets[b.job.sheet]!.bytesPerCell *= 2;
        continue;
      }
      for (const { job, range } of batch) {
        const t = targets[job.sheet]!;
        const values = range.values as unknown[][] | null;
        const types = withErrorCells ? null : ((range.valueTypes as string[][] | null) ?? null);
        if (!values || (!withErrorCells && !types)) {
          const rows = job.rect.bottom - job.rect.top + 1;
          if (rows === 1) throw new AssessError('host', OFFICE_CODES.valuesMissing, { sheet: names[job.sheet], row: job.rect.top + 1 });
          const half = Math.floor(rows / 2);
          queue.unshift({ sheet: job.sheet, rect: { ...job.rect, bottom: job.rect.top + half - 1 } }, { sheet: job.sheet, rect: { ...job.rect, top: job.rect.top + half } });
          continue;
        }
        place(t, job.rect.top, job.rect.left, values, types, null);
        const cells = values.length * (values[0]?.length ?? 1);
        const measured = (jsonBytes(values) + (types ? jsonBytes(types) : 0)) / Math.max(1, cells);
        t.bytesPerCell = Math.max(t.bytesPerCell * 0.5, measured, 4);
      }
    }

    sheets.forEach((s, i) => {
      s.values = fillHoles(targets[i]!.grid);
    });
    return { snapshot: { sheets }, sheets: states, workbookProtected: !!wbProtection.protected, visibleMarks };
  });
}
