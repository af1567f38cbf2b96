/**
 * The task pane's port: the workbook port (read a snapshot, write a patch) plus the few things only the
 * pane needs — select a cell, insert the template, edit the 考评规则 sheet, read the run state and
 * remember the pane's language. Two implementations: Office (src/taskpane/office-pane-host.ts) and the
 * in-memory preview (src/hosts/memory). The planning below is pure and shared by both, so both edit the
 * workbook the same way.
 */
import { RULE_KEYS } from '../domain/rules';
import type { Lang, Rules } from '../domain/types';
import type { Msg } from '../i18n';
import { t } from '../i18n';
import { RULE_NOTE, RULE_VALUE_WORD, TEMPLATE, TEMPLATE_SHEET } from '../i18n/output';
import { parseA1 } from '../workbook/a1';
import type { RunMeta } from '../workbook/meta';
import { metaSheetPatch, metaSheetWritable, readMeta } from '../workbook/meta';
import type { CellValue, OutputValue, SheetPatch, WorkbookHost, WorkbookPatch, WorkbookSnapshot } from '../workbook/snapshot';

export interface PaneState {
  /** True when the workbook carries the add-in's record of a run. */
  assessed: boolean;
  /** ISO time of the last run, null when never assessed. */
  runAt: string | null;
  /** True when the inputs' fingerprint differs from the one recorded at the last run. */
  changed: boolean;
  /** True when at least one score table was recognised (the template is offered only without one). */
  hasScoreTable: boolean;
  /** The pane language remembered in the workbook. */
  paneLanguage: Lang | null;
}

export interface TemplateResult {
  inserted: string[];
  /** Template sheets not written because a sheet of that name exists. */
  skipped: string[];
}

export interface RulesWriteResult {
  /** The 考评规则 / Rules sheet written (created when absent). */
  sheet: string;
  created: boolean;
}

export interface PaneHost extends WorkbookHost {
  readonly kind: 'office' | 'preview';
  /** Select a cell given as `Sheet!A5` (sheet name quoted or not) and bring it into view. */
  selectCell(address: string): Promise<void>;
  /** Add the template's sheets; a sheet whose name exists is never touched. */
  insertTemplate(patch: WorkbookPatch): Promise<TemplateResult>;
  /** Write rule values into the 考评规则 sheet's value cells, creating the sheet when absent. */
  writeRules(values: Partial<Rules>, lang: Lang): Promise<RulesWriteResult>;
  /** The state shown by the banners. */
  readState(): Promise<PaneState>;
  /** Remember the pane's language in the workbook (the run metadata's paneLanguage). */
  setPaneLanguage(lang: Lang): Promise<void>;
}

// ───────────────────────────── addresses ─────────────────────────────

/** `Sheet!A5`, `'My sheet'!A5` → sheet and 0-based cell. The sheet is everything before the last `!`. */
export function splitAddress(address: string): { sheet: string; row: number; col: number; a1: string } {
  const at = address.lastIndexOf('!');
  if (at < 0) throw new Error(`not a sheet reference: ${address}`);
  let sheet = address.slice(0, at);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const cell = address.slice(at + 1).replace(/\$/g, '');
  const { row, col } = parseA1(cell);
  return { sheet, row, col, a1: cell.toUpperCase() };
}

// ───────────────────────────── state ─────────────────────────────

// In its own small module so that the pane's first bundle need not carry the planning below.
export { paneStateOf } from './app/paneState';

/**
 * The meta sheet with a new pane language. A workbook never assessed gets a meta sheet that records no
 * run (runAt and fingerprint empty, no owned outputs), so the language survives until the first run.
 */
export function paneLanguagePatch(snapshot: WorkbookSnapshot, lang: Lang): WorkbookPatch {
  const meta: RunMeta = readMeta(snapshot) ?? { sheets: [], runAt: '', fingerprint: '', language: lang, paneLanguage: null };
  return { sheets: [metaSheetPatch({ ...meta, paneLanguage: lang })], deleteSheets: [], activate: null };
}

/** May the meta sheet be written? Only when absent, ours or empty (a foreign sheet of that name is left alone). */
export function metaWritable(snapshot: WorkbookSnapshot): boolean {
  return metaSheetWritable(snapshot);
}

// ───────────────────────────── template ─────────────────────────────

/** Split a template patch into the sheets that may be added and those whose names are taken. */
export function planTemplate(snapshot: WorkbookSnapshot, patch: WorkbookPatch): { add: SheetPatch[]; skipped: string[] } {
  const taken = new Set(snapshot.sheets.map((s) => s.name.toLowerCase()));
  const add = patch.sheets.filter((s) => !taken.has(s.name.toLowerCase()));
  const skipped = patch.sheets.filter((s) => taken.has(s.name.toLowerCase())).map((s) => s.name);
  return { add, skipped };
}

// ───────────────────────────── rules ─────────────────────────────

const fold = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, '').toLowerCase();

/** The 考评规则 / Rules sheet of a snapshot, if any. */
export function findRulesSheet(snapshot: WorkbookSnapshot): string | null {
  const names = [TEMPLATE_SHEET.rules.zh, TEMPLATE_SHEET.rules.en].map(fold);
  return snapshot.sheets.find((s) => names.includes(fold(s.name)))?.name ?? null;
}

const cellString = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v);

/** A rule's value as the sheet writes it: points for thresholds, words in the key's language otherwise. */
export function ruleCellValue(key: keyof Rules, value: Rules[keyof Rules], zh: boolean): OutputValue {
  if (key === 'excellentMin' || key === 'qualifiedMin' || key === 'basicMin') return (value as number) / 100;
  if (key === 'rectifyDays') return value as number;
  const word: Msg | undefined = RULE_VALUE_WORD[String(value)];
  if (word) return zh ? word.zh : word.en;
  return String(value); // zh-CN / en-US
}

export interface CellEdit {
  row: number;
  col: number;
  value: OutputValue;
}

export type RulesPlan =
  | { kind: 'edit'; sheet: string; cells: CellEdit[] }
  | { kind: 'create'; sheet: string; patch: SheetPatch };

/**
 * Where each rule goes. An existing sheet keeps its layout: the value cell right of each key is
 * rewritten, a missing key is appended below the last used row (in the sheet's key language). Without a
 * sheet, a new one is laid out as the template's (header, key, value, description).
 */
export function planRulesWrite(snapshot: WorkbookSnapshot, values: Partial<Rules>, lang: Lang): RulesPlan {
  const sheetName = findRulesSheet(snapshot);
  const entries = RULE_KEYS.filter((k) => values[k.key] !== undefined);
  if (sheetName) {
    const sheet = snapshot.sheets.find((s) => s.name === sheetName)!;
    const zhSheet = fold(sheetName) === fold(TEMPLATE_SHEET.rules.zh);
    const cells: CellEdit[] = [];
    let lastRow = -1;
    sheet.values.forEach((row, r) => {
      if (row && row.some((v) => cellString(v) !== '')) lastRow = r;
    });
    let next = lastRow + 1;
    for (const { key, zh } of entries) {
      let found: { row: number; col: number; zh: boolean } | null = null;
      sheet.values.forEach((row, r) => {
        if (found || !row) return;
        row.forEach((v, c) => {
          if (found) return;
          const text = fold(cellString(v));
          if (text === fold(zh)) found = { row: r, col: c + 1, zh: true };
          else if (text === fold(key)) found = { row: r, col: c + 1, zh: false };
        });
      });
      const value = values[key] as Rules[keyof Rules];
      if (found) {
        const f = found as { row: number; col: number; zh: boolean };
        cells.push({ row: f.row, col: f.col, value: ruleCellValue(key, value, f.zh) });
      } else {
        cells.push({ row: next, col: 0, value: zhSheet ? zh : key });
        cells.push({ row: next, col: 1, value: ruleCellValue(key, value, zhSheet) });
        next++;
      }
    }
    return { kind: 'edit', sheet: sheetName, cells };
  }
  const zhNew = lang === 'zh-CN';
  const name = t(lang, TEMPLATE_SHEET.rules);
  const rows: OutputValue[][] = [[t(lang, TEMPLATE.rulesKey), t(lang, TEMPLATE.rulesValue), t(lang, TEMPLATE.rulesNote)]];
  for (const { key, zh } of RULE_KEYS) {
    const v = values[key];
    rows.push([zhNew ? zh : key, v === undefined ? null : ruleCellValue(key, v as Rules[keyof Rules], zhNew), t(lang, RULE_NOTE[key])]);
  }
  // Keys without a value would be read as empty: leave them out instead.
  const body = rows.filter((r, i) => i === 0 || r[1] !== null);
  return {
    kind: 'create',
    sheet: name,
    patch: {
      name,
      values: body,
      styles: [{ range: 'A1:C1', bold: true, fill: 'D9E1F2' }],
      links: [],
      merges: [],
      columnWidths: [18, 14, 50],
      freeze: { rows: 1, cols: 0 },
      visibility: 'visible',
      landscape: false,
    },
  };
}
