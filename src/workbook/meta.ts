/**
 * What the add-in records inside the workbook: which sheets it owns, when it ran, a fingerprint of the
 * inputs, and the language it wrote in. Stored on a very hidden sheet of its own, as key/value rows, so
 * that Office.js and ExcelJS store and read it the same way (Excel 2019 and ExcelJS both support very
 * hidden sheets; ExcelJS has no custom document properties).
 */
import type { Lang } from '../domain/types';
import type { OutputValue, SheetPatch, WorkbookSnapshot } from './snapshot';

export const META_SHEET = '_PGA_META';
export const OWNER = 'party-group-assessment';
export const META_VERSION = 1;

export interface RunMeta {
  /** Output sheet names this add-in created and may rewrite or delete. */
  sheets: string[];
  /** ISO time of the last run. */
  runAt: string;
  /** Fingerprint of the input sheets at the last run. */
  fingerprint: string;
  /** Language the outputs were written in. */
  language: Lang;
  /** The task pane's chosen language, if the user picked one. */
  paneLanguage: Lang | null;
}

/** Read the meta sheet from a snapshot; null when the workbook was never assessed or the sheet is not ours. */
export function readMeta(snapshot: WorkbookSnapshot): RunMeta | null {
  const sheet = snapshot.sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return null;
  const kv = new Map<string, string>();
  for (const row of sheet.values) {
    if (row && typeof row[0] === 'string') kv.set(row[0], row[1] == null ? '' : String(row[1]));
  }
  if (kv.get('owner') !== OWNER) return null;
  let sheets: string[] = [];
  try {
    const parsed: unknown = JSON.parse(kv.get('sheets') ?? '[]');
    if (Array.isArray(parsed)) sheets = parsed.filter((x): x is string => typeof x === 'string');
  } catch {
    sheets = [];
  }
  const lang = kv.get('language') === 'en-US' ? 'en-US' : 'zh-CN';
  const pane = kv.get('paneLanguage');
  return {
    sheets,
    runAt: kv.get('runAt') ?? '',
    fingerprint: kv.get('fingerprint') ?? '',
    language: lang,
    paneLanguage: pane === 'zh-CN' || pane === 'en-US' ? pane : null,
  };
}

/** The meta sheet as a patch (always written last, very hidden). */
export function metaSheetPatch(meta: RunMeta): SheetPatch {
  const values: OutputValue[][] = [
    ['owner', OWNER],
    ['version', META_VERSION],
    ['runAt', meta.runAt],
    ['fingerprint', meta.fingerprint],
    ['sheets', JSON.stringify(meta.sheets)],
    ['language', meta.language],
    ['paneLanguage', meta.paneLanguage ?? ''],
    ['note', '由党小组考评助手生成，请勿修改 / Written by Party Group Assessment; do not edit'],
  ];
  return {
    name: META_SHEET,
    values,
    styles: [],
    links: [],
    merges: [],
    columnWidths: [14, 60],
    freeze: { rows: 0, cols: 0 },
    visibility: 'veryHidden',
    landscape: false,
  };
}

/**
 * Sheets the Excel add-in writes under a temporary name before renaming them into place (so that an
 * interrupted write never leaves a half-written output under its real name). Such a sheet is very
 * hidden until the run records it as owned; one left over by an interrupted run is the add-in's own.
 */
export const TEMP_SHEET_PREFIX = '_PGA_TMP_';

/** A sheet an interrupted Excel run left behind: a temporary name and very hidden (users cannot make sheets very hidden in Excel's UI). */
export function isLeftoverSheet(sheet: { name: string; visibility: string }): boolean {
  return sheet.name.startsWith(TEMP_SHEET_PREFIX) && /^veryhidden$/i.test(sheet.visibility);
}

/**
 * May the meta sheet be written? When it is absent, ours, or an empty sheet of that name (what an Excel
 * run interrupted right after adding it leaves: nothing in it to lose). A foreign sheet with content is not.
 */
export function metaSheetWritable(snapshot: WorkbookSnapshot): boolean {
  const sheet = snapshot.sheets.find((s) => s.name === META_SHEET);
  if (!sheet || readMeta(snapshot) !== null) return true;
  return sheet.values.every((row) => !row || row.every((v) => v === null || v === undefined || v === ''));
}

/** Sheets the add-in owns in this snapshot: its outputs of the last run, the meta sheet (ours, or empty), and leftovers of an interrupted run. */
export function ownedSheets(snapshot: WorkbookSnapshot): Set<string> {
  const meta = readMeta(snapshot);
  const owned = new Set<string>(meta ? meta.sheets : []);
  if (meta || (snapshot.sheets.some((s) => s.name === META_SHEET) && metaSheetWritable(snapshot))) owned.add(META_SHEET);
  for (const s of snapshot.sheets) if (isLeftoverSheet(s)) owned.add(s.name);
  return owned;
}
