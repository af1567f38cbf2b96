/**
 * What the add-in records inside the workbook: which sheets it owns, when it ran, a fingerprint of the
 * inputs, and the language it wrote in. Stored on a very hidden sheet of its own, as key/value rows, so
 * that Office.js and ExcelJS store and read it the same way (Excel 2019 and ExcelJS both support very
 * hidden sheets; ExcelJS has no custom document properties).
 */
import type { Lang } from '../domain/types';
import type { Msg } from '../i18n';
import { ISSUES, LEDGER, OUTPUT_KINDS, OUTPUT_SHEET, PRINT, PRINT_LEDGER, RANKING, RESULTS, WARNINGS } from '../i18n/output';
import type { OutputKind } from '../i18n/output';
import type { OutputValue, SheetPatch, SheetSnapshot, WorkbookSnapshot } from './snapshot';

export const META_SHEET = '_PGA_META';
export const OWNER = 'party-group-assessment';
/** 2: owned sheets carry OWNER_MARK. Version 1 records (earlier releases) are trusted by name alone. */
export const META_VERSION = 2;

/**
 * The mark every owned output sheet carries: a hidden, sheet-scoped defined name. Excel, LibreOffice and
 * both hosts keep sheet-scoped names with their sheet (deleting the sheet deletes the name), so a sheet a
 * user adds later under an output's name is never taken for ours.
 */
export const OWNER_MARK = { name: '_PGA_OWNED', formula: '"party-group-assessment"' } as const;

export interface RunMeta {
  /** Format of the record as read (META_VERSION when written by this release; 1 when absent). */
  version?: number;
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
  /** The run's digest (src/workbook/digest.ts), so the next run can say what changed; absent before this release. */
  digest?: string;
}

/** The digest is split over rows of this key (a cell holds at most 32,767 characters). */
const DIGEST_CHUNK = 32000;

/** Read the meta sheet from a snapshot; null when the workbook was never assessed or the sheet is not ours. */
export function readMeta(snapshot: WorkbookSnapshot): RunMeta | null {
  const sheet = snapshot.sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return null;
  const kv = new Map<string, string>();
  let digest = '';
  for (const row of sheet.values) {
    if (!row || typeof row[0] !== 'string') continue;
    if (row[0] === 'digest') digest += row[1] == null ? '' : String(row[1]);
    else kv.set(row[0], row[1] == null ? '' : String(row[1]));
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
    version: Number(kv.get('version')) || 1,
    sheets,
    runAt: kv.get('runAt') ?? '',
    fingerprint: kv.get('fingerprint') ?? '',
    language: lang,
    paneLanguage: pane === 'zh-CN' || pane === 'en-US' ? pane : null,
    ...(digest ? { digest } : {}),
  };
}

function digestRows(digest: string | undefined): OutputValue[][] {
  const rows: OutputValue[][] = [];
  for (let i = 0; digest && i < digest.length; i += DIGEST_CHUNK) rows.push(['digest', digest.slice(i, i + DIGEST_CHUNK)]);
  return rows;
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
    ...digestRows(meta.digest),
    ['note', '由党小组考评助手生成，请勿修改 / Written by Party Group Assessment; do not edit'],
  ];
  return {
    name: META_SHEET,
    owned: true,
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
 * The run lock kept inside the workbook (the Excel add-in's; see src/hosts/office/write/claim.ts): three cells
 * beside the record's first row, `lock | owner | expiry (ms since 1970)`, at C1:E1 of the meta sheet. Beside the
 * key/value rows, not among them: a record of any release reads only the first two cells of a row, so records
 * with and without a lock read the same (readMeta ignores it), and every release's record leaves C1:E1 free.
 * The file host never writes it and its rewrite of the record drops it; the Office host clears it when its
 * write ends.
 */
export const META_LOCK = { row: 0, col: 2, key: 'lock' } as const;

export interface MetaLock {
  owner: string;
  /** Milliseconds since 1970 (a number: Excel keeps it exactly, and no locale reads it as a date). */
  expires: number;
}

/** The lock in the meta sheet's cells C1:E1 (null when absent or unreadable). */
export function readMetaLock(cells: ReadonlyArray<unknown> | null | undefined): MetaLock | null {
  if (!cells || cells[0] !== META_LOCK.key) return null;
  const owner = cells[1];
  const expires = typeof cells[2] === 'number' ? cells[2] : Number(cells[2]);
  return typeof owner === 'string' && owner !== '' && Number.isFinite(expires) ? { owner, expires } : null;
}

/** The cells C1:E1 holding `lock`. */
export function metaLockCells(lock: MetaLock): [string, string, number] {
  return [META_LOCK.key, lock.owner, lock.expires];
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

/** The words our sheets of a kind have in their header rows (both languages), for a record of an earlier release. */
const KIND_WORDS: Record<OutputKind, readonly Record<string, Msg>[]> = {
  results: [RESULTS],
  ranking: [RANKING],
  warnings: [WARNINGS, LEDGER],
  issues: [ISSUES],
  printHalf: [PRINT, RESULTS],
  printYear: [PRINT, RANKING, RESULTS],
  printLedger: [PRINT_LEDGER],
};
const squash = (s: string) => s.replace(/\s+/g, '');
/**
 * Each kind's header and title words, both languages. Built with plain loops: this runs when the module
 * loads, and the ribbon command's bundle may load it before its polyfills (EdgeHTML 18 lacks flatMap).
 */
const WORDS_OF = new Map<OutputKind, Set<string>>();
for (const k of OUTPUT_KINDS) {
  const words = new Set<string>();
  for (const catalogue of KIND_WORDS[k]) {
    for (const m of Object.values(catalogue)) for (const w of [m.zh, m.en]) if (!w.includes('{')) words.add(squash(w));
  }
  WORDS_OF.set(k, words);
}

/**
 * Does a sheet that a record of an earlier release (version 1, no ownership marks) lists still look like our
 * output of its kind? One of its first 40 rows holds two of that kind's header words (either language). A sheet
 * that does not — a user's own 数据问题 made after deleting the outputs, or one emptied — is the user's: kept.
 */
export function looksLikeOutput(sheet: SheetSnapshot): boolean {
  const base = sheet.name.replace(/ \(\d+\)$/, '');
  const kind = OUTPUT_KINDS.find((k) => OUTPUT_SHEET[k].zh === base || OUTPUT_SHEET[k].en === base);
  if (!kind) return false;
  const words = WORDS_OF.get(kind)!;
  for (const row of sheet.values.slice(0, 40)) {
    let n = 0;
    for (const v of row ?? []) if (typeof v === 'string' && words.has(squash(v)) && ++n >= 2) return true;
  }
  return false;
}

/**
 * Sheets a record of an earlier release (version 1) lists that no longer look like our output: kept as the
 * user's (this run's output goes under another name), and the run says so.
 */
export function untrustedSheets(snapshot: WorkbookSnapshot): string[] {
  const meta = readMeta(snapshot);
  if (!meta || (meta.version ?? 1) >= 2) return [];
  const listed = new Set(meta.sheets);
  return snapshot.sheets.filter((s) => s.name !== META_SHEET && listed.has(s.name) && !s.marked && !s.name.startsWith(TEMP_SHEET_PREFIX) && !looksLikeOutput(s)).map((s) => s.name);
}

/**
 * Sheets the add-in owns in this snapshot: the outputs the run record lists that are there and carry the
 * ownership mark (any listed sheet for a record of an earlier release, which wrote no marks; any listed
 * temporary sheet, which an interrupted Excel run may have left before marking it) — of an earlier release's
 * record only those that still look like our output (looksLikeOutput; a host reads a listed sheet in full to
 * tell: unread, it looks like nothing, so it is read as an input) —, the meta sheet itself
 * when it is the add-in's (or empty), and very hidden leftovers of an interrupted Excel run.
 */
export function ownedSheets(snapshot: WorkbookSnapshot): Set<string> {
  const meta = readMeta(snapshot);
  const owned = new Set<string>();
  for (const s of snapshot.sheets) if (isLeftoverSheet(s)) owned.add(s.name);
  if (!meta) {
    if (snapshot.sheets.some((s) => s.name === META_SHEET) && metaSheetWritable(snapshot)) owned.add(META_SHEET);
    return owned;
  }
  owned.add(META_SHEET);
  const listed = new Set(meta.sheets);
  for (const s of snapshot.sheets) {
    if (s.name === META_SHEET || !listed.has(s.name)) continue;
    if (s.marked || s.name.startsWith(TEMP_SHEET_PREFIX) || ((meta.version ?? 1) < 2 && looksLikeOutput(s))) owned.add(s.name);
  }
  return owned;
}

/** True for a name that is a warnings sheet of this add-in in either language (`预警与整改`, `Warnings (2)`). */
export function isWarningsName(name: string): boolean {
  const base = name.replace(/ \(\d+\)$/, '');
  return base === OUTPUT_SHEET.warnings.zh || base === OUTPUT_SHEET.warnings.en;
}

/**
 * How a host reads a sheet (the rule both hosts follow):
 * - `meta`: the run record, the first sheet named META_SHEET (the one readMeta reads) — read first and in
 *   full, since how the other sheets are read depends on it;
 * - `input`: a sheet that may hold input — read in full;
 * - `ledger`: an owned warnings sheet — an output, but read in full: its ledger columns (整改措施, 责任人…)
 *   hold what people typed, carried into the next run (src/workbook/ledger.ts);
 * - `output`: any other sheet the add-in owns (an output the run record lists and marks, a leftover of an
 *   interrupted Excel run, a second sheet under the record's name) — written afresh, never an input, so
 *   read by name, mark and visibility only.
 */
export type SheetReading = 'meta' | 'input' | 'ledger' | 'output';

/**
 * Each sheet's reading, in the snapshot's order. The snapshot needs every sheet's name, visibility and mark
 * and the meta sheet's values; the other sheets' values are not looked at. Given the meta sheet unread
 * (no values), the readings are what is known before it: leftovers are already `output` (and stay so),
 * and a sheet read as `input` then may still turn out to be an output or the ledger once the record is read.
 */
export function sheetReadings(snapshot: WorkbookSnapshot): SheetReading[] {
  const owned = ownedSheets(snapshot);
  const meta = snapshot.sheets.findIndex((s) => s.name === META_SHEET);
  return snapshot.sheets.map((s, i) => (i === meta ? 'meta' : !owned.has(s.name) ? 'input' : isWarningsName(s.name) ? 'ledger' : 'output'));
}
