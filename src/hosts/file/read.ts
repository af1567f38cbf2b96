/**
 * The file host's reader: an ExcelJS workbook → a plain WorkbookSnapshot, the same shape the Office.js
 * host produces, so both compute the same fingerprint.
 *
 * Cell values:
 * - formula cells by their cached result (null when the file has none); error results as {error};
 * - error cells as {error: '#N/A'}; rich text flattened to its plain text; hyperlinks by their text;
 * - dates as Excel serial numbers (as Office.js `values` returns them; the parser reads a serial in a
 *   year cell as that date's year and treats one in a score cell as out of range);
 * - booleans as booleans; a string that looks like a formula stays a string;
 * - inside a merged area only the top-left cell keeps the value (ExcelJS repeats it in every cell;
 *   Office.js does not): the parser propagates merges itself.
 * Hidden rows and columns are read like any other; sheet visibility is kept.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { AssessError } from '../../domain/errors';
import { CONFIG_MSG } from '../../i18n/config';
import { parseRange } from '../../workbook/a1';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';

const MS_PER_DAY = 86400000;
/** 1899-12-30, Excel's day 0 (in the 1900 date system), as ExcelJS reads dates in UTC. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A JS date (as ExcelJS reads it, UTC) → Excel serial number. */
export function dateToSerial(d: Date): number {
  const v = (d.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
  // Keep whole days whole; times keep their fraction (rounded to the millisecond).
  return Math.round(v * MS_PER_DAY) / MS_PER_DAY;
}

/** One ExcelJS cell value → a snapshot value. */
export function snapshotValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'boolean':
      return v;
    case 'object':
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if (Array.isArray(o.richText)) {
    let s = '';
    for (const run of o.richText as { text?: unknown }[]) if (run && typeof run.text === 'string') s += run.text;
    return s;
  }
  if ('formula' in o || 'sharedFormula' in o) {
    return 'result' in o ? snapshotValue(o.result) : null;
  }
  if ('hyperlink' in o || 'text' in o) {
    const text = o.text;
    if (typeof text === 'string') return text;
    return snapshotValue(text); // text may itself be rich text
  }
  if ('result' in o) return snapshotValue(o.result);
  return null;
}

interface MergeHolder {
  _merges?: Record<string, { range?: string; model?: { range?: string } } | undefined>;
  model?: { merges?: string[] };
}

/** Merged areas of a worksheet as A1 ranges. */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const holder = ws as unknown as MergeHolder;
  if (holder._merges) {
    const out: string[] = [];
    for (const m of Object.values(holder._merges)) {
      const r = m?.range ?? m?.model?.range;
      if (typeof r === 'string') out.push(r);
    }
    return out;
  }
  return holder.model?.merges ?? [];
}

/** One worksheet → a sheet snapshot. Iterates only the stored rows and cells. */
export function snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const src = row.values as unknown[];
    const out: CellValue[] = new Array<CellValue>(Math.max(0, src.length - 1)).fill(null);
    for (let c = 1; c < src.length; c++) {
      const v = src[c];
      if (v !== undefined && v !== null) out[c - 1] = snapshotValue(v);
    }
    let len = out.length;
    while (len > 0 && out[len - 1] === null) len--;
    out.length = len;
    values[rowNumber - 1] = out;
  });
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  const merges = mergesOf(ws);
  // Keep each merged area's value in its top-left cell only (as Office.js reports it).
  for (const ref of merges) {
    let a: ReturnType<typeof parseRange>;
    try {
      a = parseRange(ref);
    } catch {
      continue;
    }
    for (let r = a.top; r <= a.bottom && r < values.length; r++) {
      const row = values[r];
      for (let c = a.left; c <= Math.min(a.right, row.length - 1); c++) {
        if (r !== a.top || c !== a.left) row[c] = null;
      }
      let len = row.length;
      while (len > 0 && row[len - 1] === null) len--;
      row.length = len;
    }
  }
  const state = ws.state;
  return {
    name: ws.name,
    values,
    merges,
    visibility: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
  };
}

/** An ExcelJS workbook → a plain snapshot (sheets in tab order). */
export function snapshotFromExcelJS(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(snapshotSheet(ws));
  });
  return { sheets };
}

/**
 * Read an .xlsx file. Throws AssessError('file', …, path) when the file is missing, is a folder, is
 * not an .xlsx workbook (by name or content) or is damaged.
 */
export async function readWorkbookFile(file: string): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot; data: Buffer }> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AssessError('file', CONFIG_MSG.fileNotFound, { path: file }, file, e);
    throw new AssessError('file', CONFIG_MSG.fileUnreadable, { path: file, detail: code ?? String(e) }, file, e);
  }
  if (stat.isDirectory()) throw new AssessError('file', CONFIG_MSG.fileIsDirectory, { path: file }, file);
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.xlsm') throw new AssessError('file', CONFIG_MSG.fileNotXlsx, { path: file }, file);
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AssessError('file', CONFIG_MSG.fileUnreadable, { path: file, detail: code ?? String(e) }, file, e);
  }
  return { ...(await loadWorkbookData(data, file)), data };
}

/**
 * Load the bytes of an .xlsx (named `file` in messages). Throws AssessError('file', …, file) when they
 * are not an .xlsx workbook or are damaged.
 */
export async function loadWorkbookData(data: Buffer, file: string): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  // An .xlsx is a zip archive: "PK". Old .xls (OLE, D0 CF 11 E0) or text saved as .xlsx are not.
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
    const ole = data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
    if (ole) throw new AssessError('file', CONFIG_MSG.fileNotXlsx, { path: file }, file);
    throw new AssessError('file', CONFIG_MSG.fileCorrupt, { path: file, detail: 'not a zip archive' }, file);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e);
    throw new AssessError('file', CONFIG_MSG.fileCorrupt, { path: file, detail }, file, e);
  }
  if (workbook.worksheets.length === 0) {
    throw new AssessError('file', CONFIG_MSG.fileCorrupt, { path: file, detail: 'no worksheets' }, file);
  }
  return { workbook, snapshot: snapshotFromExcelJS(workbook) };
}
