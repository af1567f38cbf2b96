/**
 * An ExcelJS workbook built in memory → a WorkbookSnapshot, synchronously, for parser and engine tests
 * that describe their inputs with ExcelJS. The file host reads files with its own reader
 * (src/hosts/file/read/); tests of reading itself go through real .xlsx bytes (`hostOf`, producers).
 *
 * Values as Office.js gives them: formula cells by their cached result, rich text as plain text, dates
 * as Excel serial numbers, error values as {error}; inside a merged area only the top-left cell keeps
 * its value.
 */
import ExcelJS from 'exceljs';
import { FileHost } from '../../src/hosts/file/host';
import { clearMergedCells } from '../../src/hosts/file/read/worksheet';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function dateToSerial(d: Date): number {
  const v = (d.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
  return Math.round(v * MS_PER_DAY) / MS_PER_DAY;
}

function snapshotValue(v: unknown): CellValue {
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
  if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
  if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? snapshotValue(o.result) : null;
  if ('hyperlink' in o || 'text' in o) return typeof o.text === 'string' ? o.text : snapshotValue(o.text);
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
function snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
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
  clearMergedCells(values, merges);
  const state = ws.state;
  return {
    name: ws.name,
    values,
    merges,
    visibility: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
  };
}

/** The snapshot of an in-memory ExcelJS workbook (sheets in tab order). */
export function snapshotFromExcelJS(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(snapshotSheet(ws));
  });
  return { sheets };
}

/** A file host over the .xlsx bytes ExcelJS writes for a workbook (a real package, read by our reader). */
export async function hostOf(wb: ExcelJS.Workbook, file?: string): Promise<FileHost> {
  return new FileHost(new Uint8Array(await wb.xlsx.writeBuffer()), file);
}
