/**
 * What a host's read learned that its write needs to stay safe, and the checks made before any call into
 * the spreadsheet (Excel through Office.js, WPS through its JSAPI): a write never touches a sheet it does not
 * own, nor a protected workbook or sheet, and in 'create' mode (the template) never replaces a sheet at all.
 */
import { AssessError } from '../domain/errors';
import { META_SHEET, metaSheetWritable, ownedSheets } from './meta';
import type { SheetSnapshot, WorkbookSnapshot, WorkbookPatch } from './snapshot';
import { OFFICE_CODES } from '../i18n/office';

export interface SheetState {
  name: string;
  visibility: SheetSnapshot['visibility'];
  protected: boolean;
}

/** What a read learned: the snapshot for the parser, and what the write needs to stay safe. */
export interface ReadState {
  /** Every sheet, in order; the values of owned output sheets are not read (empty). */
  snapshot: WorkbookSnapshot;
  sheets: SheetState[];
  workbookProtected: boolean;
  /** Sheets whose ownership mark is visible (a run cut between adding the mark and hiding it). */
  visibleMarks?: string[];
}

export type WriteMode = 'owned' | 'create';

export const lower = (s: string) => s.toLocaleLowerCase();

/** Throws (before any call into the spreadsheet) when the patch would touch a sheet it must not. */
export function checkPatch(state: ReadState, patch: WorkbookPatch, mode: WriteMode): void {
  const existing = new Map(state.sheets.map((s) => [lower(s.name), s]));
  const owned = new Set([...ownedSheets(state.snapshot)].map(lower));
  const touched = [...patch.deleteSheets, ...patch.sheets.map((s) => s.name)];
  if (!touched.length) return;
  if (state.workbookProtected) throw new AssessError('host', OFFICE_CODES.protectedWorkbook);
  for (const name of touched) {
    const sheet = existing.get(lower(name));
    if (!sheet) continue;
    if (mode === 'create') throw new AssessError('host', OFFICE_CODES.sheetExists, { sheet: sheet.name });
    const emptyMeta = lower(name) === lower(META_SHEET) && metaSheetWritable(state.snapshot);
    if (!owned.has(lower(name)) && !emptyMeta) throw new AssessError('host', OFFICE_CODES.foreignSheet, { sheet: sheet.name });
    if (sheet.protected) throw new AssessError('host', OFFICE_CODES.protectedSheet, { sheet: sheet.name });
  }
}
