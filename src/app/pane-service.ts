/**
 * The pane service: what the task pane and the workbook page call (`PaneHost`), with ONE implementation,
 * `PortPaneHost`, over any host's `WorkbookPort` (src/app/ports.ts). It plans every edit — the template,
 * the rules, the pane's language — with the pure planners below, so every host edits alike:
 * Office (src/taskpane/office-pane-host.ts), the in-memory preview (src/hosts/memory) and a workbook file
 * in the browser (`portOverHost(new FileHost(bytes, name), 'file')`, src/page/workbook-file.ts).
 */
import { AssessError } from '../domain/errors';
import { RULE_KEYS } from '../domain/rules';
import type { Lang, Rules } from '../domain/types';
import { t } from '../i18n';
import { TEMPLATE, TEMPLATE_SHEET } from '../i18n/output';
import { RULE_WORDS } from '../i18n/rules';
import { parseCellAddress } from '../workbook/a1';
import type { RunMeta } from '../workbook/meta';
import { metaSheetPatch, metaSheetWritable, readMeta } from '../workbook/meta';
import { findRulesSheet, isChineseRulesSheet, locateRules } from '../workbook/parse-config';
import { ruleToCell } from '../workbook/rule-values';
import type { CellValue, OutputValue, SheetPatch, WorkbookPatch, WorkbookSnapshot } from '../workbook/snapshot';
import type { PaneState } from './pane-state';
import { paneStateOf } from './pane-state';
import type { CellEdit, HostKind, WorkbookHost, WorkbookPort, WriteResult } from './ports';
import { PANE_CODES } from '../i18n/pane-host';
import { cellMsg } from '../i18n/words';

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
/** What the pane calls. */
export interface PaneHost extends WorkbookHost {
  readonly kind: HostKind;
  /** The host can go to a cell (Excel, the preview); a file in the browser cannot. */
  readonly canSelect: boolean;
  /** The host can write values into an existing sheet (the rules); a file in the browser cannot. */
  readonly canEditCells: boolean;
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

/** The pane host over a port: the only implementation, whatever the host. */
export class PortPaneHost implements PaneHost {
  constructor(readonly port: WorkbookPort) {}

  get kind(): HostKind {
    return this.port.kind;
  }

  get canSelect(): boolean {
    return typeof this.port.select === 'function';
  }

  get canEditCells(): boolean {
    return typeof this.port.editCells === 'function';
  }

  read(): Promise<WorkbookSnapshot> {
    return this.port.read();
  }

  write(patch: WorkbookPatch): Promise<WriteResult | void> {
    return this.port.write(patch);
  }

  async selectCell(address: string): Promise<void> {
    if (!this.port.select) throw new AssessError('host', PANE_CODES.cannotSelect, { cell: cellMsg(address) }, address);
    parseCellAddress(address); // a malformed address fails before the host is asked
    await this.port.select(address);
  }

  async insertTemplate(patch: WorkbookPatch): Promise<TemplateResult> {
    const { add, skipped } = planTemplate(await this.port.read(), patch);
    if (add.length) {
      const activate = add.find((s) => s.name === patch.activate)?.name ?? add[add.length - 1].name;
      await this.port.insert({ sheets: add, deleteSheets: [], activate });
    }
    return { inserted: add.map((s) => s.name), skipped };
  }

  async writeRules(values: Partial<Rules>, lang: Lang): Promise<RulesWriteResult> {
    const plan = planRulesWrite(await this.port.read(), values, lang);
    if (plan.kind === 'create') {
      await this.port.insert({ sheets: [plan.patch], deleteSheets: [], activate: null });
      return { sheet: plan.sheet, created: true };
    }
    if (!this.port.editCells) throw new AssessError('host', PANE_CODES.cannotEditRules, { sheet: plan.sheet }, plan.sheet);
    await this.port.editCells(plan.sheet, plan.cells);
    return { sheet: plan.sheet, created: false };
  }

  async readState(): Promise<PaneState> {
    return paneStateOf(await this.port.read());
  }

  async setPaneLanguage(lang: Lang): Promise<void> {
    const snapshot = await this.port.read();
    if (!metaSheetWritable(snapshot)) return;
    await this.port.write(paneLanguagePatch(snapshot, lang));
  }
}

/** The pane host over a port. */
export function paneHost(port: WorkbookPort): PaneHost {
  return new PortPaneHost(port);
}

/**
 * A port over a plain WorkbookHost whose `write` adds the sheets of a patch (the file host: it writes new
 * sheets and replaces only owned ones). `insert` reads first and refuses when any sheet already exists,
 * so it never replaces one. No cell edits, no selection: a file in the browser has no cursor.
 */
export function portOverHost(host: WorkbookHost, kind: HostKind): WorkbookPort {
  return {
    kind,
    read: () => host.read(),
    write: (patch) => host.write(patch),
    async insert(patch) {
      refuseTaken(await host.read(), patch);
      await host.write(patch);
    },
  };
}

/** Refuse an insert whose sheets exist (names compared as Excel compares them: any letter case). */
export function refuseTaken(snapshot: WorkbookSnapshot, patch: WorkbookPatch): void {
  const taken = new Set(snapshot.sheets.map((s) => s.name.toLowerCase()));
  const clash = patch.sheets.find((s) => taken.has(s.name.toLowerCase()));
  if (clash) throw new AssessError('host', PANE_CODES.sheetExists, { sheet: clash.name }, clash.name);
}

// ───────────────────────────── state ─────────────────────────────

/**
 * The meta sheet with a new pane language. A workbook never assessed gets a meta sheet that records no
 * run (runAt and fingerprint empty, no owned outputs), so the language survives until the first run.
 */
export function paneLanguagePatch(snapshot: WorkbookSnapshot, lang: Lang): WorkbookPatch {
  const meta: RunMeta = readMeta(snapshot) ?? { sheets: [], runAt: '', fingerprint: '', language: lang, paneLanguage: null };
  return { sheets: [metaSheetPatch({ ...meta, paneLanguage: lang })], deleteSheets: [], activate: null };
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

const cellString = (v: CellValue | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v);

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
  const cellOf = <K extends keyof Rules>(key: K, zh: boolean): OutputValue => ruleToCell(key, values[key] as Rules[K], zh);
  if (sheetName) {
    const sheet = snapshot.sheets.find((s) => s.name === sheetName)!;
    const zhSheet = isChineseRulesSheet(sheetName);
    const found = locateRules(sheet);
    const cells: CellEdit[] = [];
    let lastRow = -1;
    sheet.values.forEach((row, r) => {
      if (row && row.some((v) => cellString(v) !== '')) lastRow = r;
    });
    let next = lastRow + 1;
    for (const { key, zh } of entries) {
      const at = found.get(key);
      if (at) cells.push({ row: at.row, col: at.col, value: cellOf(key, at.zh) });
      else {
        cells.push({ row: next, col: 0, value: zhSheet ? zh : key });
        cells.push({ row: next, col: 1, value: cellOf(key, zhSheet) });
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
    rows.push([zhNew ? zh : key, v === undefined ? null : cellOf(key, zhNew), t(lang, RULE_WORDS[key].note)]);
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
