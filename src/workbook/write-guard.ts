/**
 * What a host's read learned that its write needs to stay safe, and the checks made before any call into
 * the spreadsheet (Excel through Office.js, WPS through its JSAPI): a write never touches a sheet it does not
 * own, nor a protected workbook or sheet, and in 'create' mode (the template) never replaces a sheet at all.
 */
import { AssessError } from '../domain/errors';
import { META_SHEET, TEMP_SHEET_PREFIX, isLeftoverSheet, metaSheetPatch, metaSheetWritable, ownedSheets, readMeta } from './meta';
import type { RunMeta } from './meta';
import type { SheetPatch, SheetSnapshot, WorkbookSnapshot, WorkbookPatch } from './snapshot';
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

/** What an interrupted run left, to remove first: very hidden temporary sheets, and temporary sheets the record owns. */
export function leftoverSheets(state: ReadState, mode: WriteMode): SheetState[] {
  const owned = new Set([...ownedSheets(state.snapshot)].map(lower));
  return state.sheets.filter((s) => isLeftoverSheet(s) || (s.name.startsWith(TEMP_SHEET_PREFIX) && owned.has(lower(s.name)) && mode === 'owned'));
}

/** Temporary names no sheet has (a user's own `_PGA_TMP_…` sheet is left alone and avoided); `taken` is lower-cased. */
export function tempNamer(taken: Set<string>): (hint: string) => string {
  return (hint) => {
    let name = `${TEMP_SHEET_PREFIX}${hint}`;
    for (let n = 2; taken.has(lower(name)); n++) name = `${TEMP_SHEET_PREFIX}${hint}_${n}`;
    taken.add(lower(name));
    return name;
  };
}

/**
 * The ownership record a write puts first: besides what it owned, the temporary sheets about to be built
 * (`temps`) and the existing sheets this run refills or drops — whatever happens next, the next run may remove
 * all of them. `markFirst`: sheets an earlier release's record (version 1, ownership by name alone) owned
 * without the mark, to be marked before the record changes, so that they stay owned.
 */
export function intentRecord(
  state: ReadState,
  patch: WorkbookPatch,
  metaPatch: SheetPatch,
  removed: Set<string>,
  temps: string[],
): { record: SheetPatch; markFirst: string[] } {
  const existing = new Map(state.sheets.map((s) => [lower(s.name), s]));
  const outputs = patch.sheets.filter((s) => s !== metaPatch);
  const toRemove = [...outputs.map((s) => s.name), ...patch.deleteSheets]
    .map((n) => existing.get(lower(n)))
    .filter((s): s is SheetState => !!s && lower(s.name) !== lower(META_SHEET) && !removed.has(lower(s.name)))
    .map((s) => s.name);
  const next = readMeta({ sheets: [{ name: META_SHEET, values: metaPatch.values, merges: [], visibility: 'veryHidden' }] });
  const old = readMeta(state.snapshot);
  const markFirst = old && (old.version ?? 1) < 2 ? toRemove.filter((name) => !state.snapshot.sheets.find((x) => x.name === name)?.marked) : [];
  const base: RunMeta = old ?? { sheets: [], runAt: '', fingerprint: '', language: next?.language ?? 'zh-CN', paneLanguage: null };
  const record = metaSheetPatch({ ...base, sheets: [...new Set([...base.sheets, ...toRemove, ...temps, ...(next?.sheets ?? [])])] });
  return { record: { ...record, owned: metaPatch.owned }, markFirst };
}

/** The run record as the read found it: its extent (a new record is written over all of it), and whether it exists, is marked, shows its mark. */
export function metaState(state: ReadState): { oldRows: number; oldCols: number; exists: boolean; unmarked: boolean; markVisible: boolean } {
  const sheet = state.snapshot.sheets.find((s) => s.name === META_SHEET);
  const values = sheet?.values ?? [];
  const exists = state.sheets.some((s) => lower(s.name) === lower(META_SHEET));
  return {
    oldRows: values.length,
    oldCols: values.reduce((w, r) => Math.max(w, r?.length ?? 0), 0),
    exists,
    unmarked: exists && !sheet?.marked,
    markVisible: (state.visibleMarks ?? []).includes(META_SHEET),
  };
}
