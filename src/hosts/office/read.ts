/// <reference types="office-js" />
/**
 * Reading the workbook through Office.js. Two round trips on every platform: the list of sheets (Excel
 * has no call that returns every sheet's used range without first naming the sheets), then, in ONE sync,
 * every sheet's used range (values only: getUsedRangeOrNullObject(true)) with its address, value types
 * and protection, plus merged areas where ExcelApi 1.13 has them. Only when Excel on the web refuses a
 * response over its 5 MB limit are the values read again in row chunks (extra syncs only then).
 */
import { parseRange } from '../../workbook/a1';
import { OWNER_MARK } from '../../workbook/meta';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import type { OfficeEnv } from './env';
import { CHUNK_BYTES, runExcel } from './env';

export interface SheetState {
  name: string;
  visibility: SheetSnapshot['visibility'];
  protected: boolean;
}

/** What a read learned: the snapshot for the parser, and what the write needs to stay safe. */
export interface ReadState {
  snapshot: WorkbookSnapshot;
  sheets: SheetState[];
  workbookProtected: boolean;
}

const VISIBILITY: Record<string, SheetSnapshot['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

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

function toCell(v: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** Place a block of values (top-left at row, col) into a sheet grid. */
function place(grid: CellValue[][], top: number, left: number, values: unknown[][], types: string[][] | null): void {
  for (let r = 0; r < values.length; r++) {
    const src = values[r];
    let row = grid[top + r];
    if (!row) {
      row = [];
      grid[top + r] = row;
    }
    for (let c = 0; c < src.length; c++) {
      const cell = toCell(src[c], types?.[r]?.[c]);
      if (cell !== null || row.length > left + c) row[left + c] = cell;
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

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

export async function readWorkbook(env: OfficeEnv): Promise<ReadState> {
  const withMerges = env.isSetSupported('ExcelApi', '1.13');
  return runExcel(env, async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility');
    const wbProtection = context.workbook.protection;
    wbProtection.load('protected');
    await context.sync(); // 1: which sheets

    const sheets = worksheets.items;
    const load = (withValues: boolean) =>
      sheets.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load(withValues ? 'address,values,valueTypes' : 'address');
        ws.protection.load('protected');
        const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
        if (merged) merged.load('address');
        // The ownership mark (a sheet-scoped name) tells the add-in's sheets from a user's sheet of the same name.
        const names = ws.names.load('items/name,items/formula');
        return { ws, used, merged, names };
      });

    let parts = load(true);
    let chunked = false;
    try {
      await context.sync(); // 2: every used range, in one round trip
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      // Excel on the web: the answer was over 5 MB. Ask for the addresses, then the values in chunks.
      parts = load(false);
      await context.sync();
      chunked = true;
    }

    const grids: CellValue[][][] = sheets.map(() => []);
    if (chunked) {
      type Pending = { index: number; top: number; left: number; range: Excel.Range };
      let queue: Pending[] = [];
      let budget = 0;
      const flush = async () => {
        if (!queue.length) return;
        await context.sync();
        for (const p of queue) place(grids[p.index], p.top, p.left, p.range.values, p.range.valueTypes as string[][]);
        queue = [];
        budget = 0;
      };
      for (let i = 0; i < parts.length; i++) {
        const { used, ws } = parts[i];
        if (used.isNullObject) continue;
        const rect = parseRange(stripSheet(used.address));
        const cols = rect.right - rect.left + 1;
        const perRow = cols * 48; // a generous bound on a cell's JSON: value and value type
        const rowsPerChunk = Math.max(1, Math.floor(CHUNK_BYTES / perRow));
        for (let top = rect.top; top <= rect.bottom; top += rowsPerChunk) {
          const n = Math.min(rowsPerChunk, rect.bottom - top + 1);
          if (budget + n * perRow > CHUNK_BYTES) await flush();
          const range = ws.getRangeByIndexes(top, rect.left, n, cols);
          range.load('values,valueTypes');
          queue.push({ index: i, top, left: rect.left, range });
          budget += n * perRow;
        }
      }
      await flush();
    }

    const states: SheetState[] = [];
    const snapshot: WorkbookSnapshot = { sheets: [] };
    parts.forEach(({ ws, used, merged, names }, i) => {
      const visibility = VISIBILITY[String(ws.visibility)] ?? 'visible';
      states.push({ name: ws.name, visibility, protected: !!ws.protection.protected });
      if (!chunked && !used.isNullObject) {
        const rect = parseRange(stripSheet(used.address));
        place(grids[i], rect.top, rect.left, used.values, used.valueTypes as string[][]);
      }
      snapshot.sheets.push({
        name: ws.name,
        values: fillHoles(grids[i]),
        merges: merged && !merged.isNullObject ? splitAreas(merged.address) : [],
        visibility,
        ...(names.items.some((n) => n.name.toUpperCase() === OWNER_MARK.name.toUpperCase() && n.formula === `=${OWNER_MARK.formula}`) ? { marked: true } : {}),
      });
    });
    return { snapshot, sheets: states, workbookProtected: !!wbProtection.protected };
  });
}
