/// <reference types="office-js" />
/**
 * (Test and benchmark support, never bundled into the add-in nor compiled into dist/node; the benchmark
 * loads it from here at run time.)
 *
 * A fake of the part of the Excel JavaScript object model the add-in uses, at least as strict as Excel
 * where it matters:
 *
 * - Proxies and the command queue: setting a property or calling a method only QUEUES a command;
 *   nothing reaches the workbook until `context.sync()`, which applies the queue in order.
 * - load/sync: reading a property that was not loaded (and synced) throws PropertyNotLoaded, as Excel
 *   does; `isNullObject` is known only after a sync. Objects are resolved at sync time, so getItem of a
 *   missing sheet fails there with ItemNotFound.
 * - A failing command aborts the rest of the batch, but commands before it stay applied (Excel's
 *   batches are not transactions) — so "changes nothing" must be earned by checking first.
 * - Requirement sets: APIs newer than the fake's ExcelApi version fail with ApiNotFound at sync
 *   (getMergedAreasOrNullObject 1.13, suspendApiCalculationUntilNextSync 1.8, pageLayout 1.9,
 *   delayForCellEdit honoured from 1.11); getRangeByIndexes, hyperlink, freezePanes, tabColor 1.7.
 * - Text: a string written into a cell whose number format is not "@" is interpreted as Excel does
 *   when typed: "=…" becomes a formula, "2024" a number, "TRUE" a boolean. Into "@" cells it stays text.
 *   A leading "-" that is not a number starts a formula too ("-abc" becomes =-abc, as Excel does).
 * - Protection (workbook structure, sheets), cell-edit mode, sheet-name rules (also on rename), at
 *   least one visible sheet, a very hidden sheet cannot be deleted (make it hidden first), the web's
 *   5 MB payload limit on requests (RequestPayloadSizeLimitExceeded) and responses
 *   (ResponsePayloadSizeLimitExceeded), at most 5,000,000 cells per range read.
 * - Object lifetime as office.js has it: a range, or a sheet returned by worksheets.add(), is invalid
 *   after the sync it was created for; using it in a later sync fails with InvalidObjectPath (unless
 *   tracked). suspendApiCalculationUntilNextSync needs ExcelApi 1.6.
 * - Failures on demand: `failAt` fails one sync after applying part of it (a lost connection, Excel
 *   closing); `otherWorkbookActive` makes worksheets.add() fail with GeneralException (office-js #771);
 *   `nullValuesAbove` answers values/valueTypes of larger ranges with null (Excel may).
 * - Two clients on one workbook (co-authors, or the pane and the ribbon): each env(extra, client) syncs as
 *   its client, and `beforeSync` may hold a client's next sync while the other runs, so tests interleave
 *   them sync by sync. A batch is applied whole, as each client's Excel applies its own.
 * - It counts syncs, commands and payload bytes. Wired (the default: test/support/office-wire.ts),
 *   every batch is also built by office.js itself and the request bytes and actions are office.js's own
 *   serialization; unwired (`wire: false`), the UTF-8 JSON of every command.
 */
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { OWNER_MARK } from '../../src/workbook/meta';
import { a1 } from '../../src/domain/cell-ref';
import { parseA1, parseRange, quoteSheet } from '../../src/workbook/a1';
import type { OfficeEnv } from '../../src/hosts/office/env';

import { wireRun } from './office-wire';

type Rect = { top: number; left: number; bottom: number; right: number };
type Stored = string | number | boolean | null | { error: string };

export class FakeRichApiError extends Error {
  override name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export interface StyleEntry {
  range: string | Rect;
  prop: string;
  value: unknown;
}

let sheetIds = 0;
let workbookIds = 0;

export class FakeSheet {
  values: Stored[][] = [];
  formulas = new Map<string, string>();
  /** Number formats, dense by row (undefined = General). */
  numberFormats: (string | undefined)[][] = [];
  styles: StyleEntry[] = [];
  validations: StyleEntry[] = [];
  hyperlinks = new Map<string, { documentReference?: string; address?: string; textToDisplay?: string }>();
  merges: string[] = [];
  columnWidths = new Map<number, number>();
  freeze: { rows: number; cols: number } = { rows: 0, cols: 0 };
  pageLayout: {
    orientation?: string;
    printTitleRows?: string;
    paperSize?: string;
    centerHorizontally?: boolean;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    centerHeader?: string;
    centerFooter?: string;
  } = {};
  tabColor = '';
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  /** Sheet-scoped defined names (Worksheet.names, ExcelApi 1.4): name → formula and visibility. */
  names = new Map<string, { formula: string; visible: boolean }>();
  /** Row heights set (RangeFormat.rowHeight on whole rows), by 0-based row. */
  rowHeights = new Map<number, number>();
  /**
   * Charts on this sheet (ChartCollection.add, ExcelApi 1.1), each with its series' data as Excel keeps it:
   * a reference formula (`='年度排名'!$C$2:$C$9`), which may point at another sheet.
   */
  charts: { type: string; source: string }[] = [];
  /** Number of commands that changed this sheet (inputs must stay at 0). */
  writes = 0;
  /** Excel's worksheet id, as office.js sees it ("{GUID}"). */
  readonly id = `{${(++sheetIds).toString(16).toUpperCase().padStart(8, '0')}-0001-0000-0000-000000000000}`;
  constructor(public name: string) {}

  format(r: number, c: number): string | undefined {
    return this.numberFormats[r]?.[c];
  }
  setFormat(r: number, c: number, f: string | undefined): void {
    const row = this.numberFormats[r] ?? (this.numberFormats[r] = []);
    row[c] = f;
  }
  get(r: number, c: number): Stored {
    return this.values[r]?.[c] ?? null;
  }
  set(r: number, c: number, v: Stored): void {
    while (this.values.length <= r) this.values.push([]);
    const row = this.values[r];
    while (row.length <= c) row.push(null);
    row[c] = v;
  }
  usedRect(): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (let r = 0; r < this.values.length; r++) {
      const row = this.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === null || v === undefined || v === '') continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
  /** Values as a plain grid (for comparisons): errors as {error}, empty as null. */
  grid(): CellValue[][] {
    const rect = this.usedRect();
    if (!rect) return [];
    const out: CellValue[][] = [];
    for (let r = 0; r <= rect.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c <= rect.right; c++) row.push(this.get(r, c));
      out.push(row);
    }
    return out;
  }
  /** The style each cell ends up with, property by property (last writer wins), as "r,c prop" → value. */
  effectiveStyles(): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const e of this.styles) {
      if (e.prop === 'columnWidth') continue;
      const q = typeof e.range === 'string' ? parseRange(e.range) : e.range;
      for (let r = q.top; r <= q.bottom; r++) for (let c = q.left; c <= q.right; c++) out.set(`${r},${c} ${e.prop}`, e.value);
    }
    return out;
  }
  /**
   * Everything observable, to prove a sheet unchanged or two sheets alike: cells as a user sees them (a
   * cleared cell and one never written are alike), then formats, styles in the order applied, links, merges…
   */
  fingerprint(): string {
    const nf: Array<[number, number, string]> = [];
    this.numberFormats.forEach((row, r) => row?.forEach((f, c) => f !== undefined && nf.push([r, c, f])));
    return JSON.stringify({
      n: this.name,
      v: this.grid(),
      f: [...this.formulas],
      nf,
      s: this.styles,
      dv: this.validations,
      h: [...this.hyperlinks],
      m: this.merges,
      w: [...this.columnWidths].sort((a, b) => a[0] - b[0]),
      rh: [...this.rowHeights].sort((a, b) => a[0] - b[0]),
      ch: this.charts,
      fr: this.freeze,
      p: this.pageLayout,
      t: this.tabColor,
      vis: this.visibility,
      pr: this.protected,
      nm: [...this.names],
    });
  }
}

export interface FakeOptions {
  /** Highest ExcelApi minor version supported (7 = ExcelApi 1.7). Default 17. */
  apiVersion?: number;
  /** 'PC', 'Mac' or 'OfficeOnline'. Default 'PC'. */
  platform?: string;
  displayLanguage?: string;
  /** Max bytes per request and per response; default 5 MB on OfficeOnline, none elsewhere. */
  payloadLimit?: number | null;
  /** Build every batch with office.js too and count its request bytes and actions (default true). */
  wire?: boolean;
}

/** Fail the sync numbered `at` (1-based, counting every sync of the workbook) after applying `after` of its commands. */
export interface FailAt {
  at: number;
  after: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** The fake's commands in this sync. */
  commands: number;
  /** office.js's actions in this sync when wired (Instantiate actions included), else the commands. */
  actions: number;
  /** True when the bytes and actions are office.js's own serialization. */
  wired: boolean;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  protected = false;
  active = '';
  selection = '';
  /** A cell is being edited; with delayForCellEdit (1.11+) the batch waits until the user finishes. */
  cellEditMode = false;
  apiVersion: number;
  platform: string;
  displayLanguage: string;
  payloadLimit: number | null;
  syncLog: SyncRecord[] = [];
  runs = 0;
  calculationSuspended = 0;
  untracked = 0;
  wire: boolean;
  /** See FailAt. */
  failAt: FailAt | null = null;
  /** Another workbook is open and active: worksheets.add() fails with GeneralException (office-js #771). */
  otherWorkbookActive = false;
  /** Ranges with more cells than this answer values and valueTypes with null. */
  nullValuesAbove: number | null = null;
  /** Office.context.document.url of this workbook. */
  url = `https://fake.invalid/workbook-${++workbookIds}.xlsx`;
  /** Workbook-scoped defined names (Workbook.names, ExcelApi 1.1; NamedItem.formula 1.7): name → formula. */
  names = new Map<string, { formula: string; visible: boolean }>();
  /**
   * Called before each sync is applied, with the client that syncs (env(extra, client)): tests interleave
   * two clients' syncs on one workbook here. Two co-authors' Excels each apply a batch to the workbook in
   * order and merge each other's changes between batches (a batch is not interleaved with another's).
   */
  beforeSync: ((client: string) => void | Promise<void>) | null = null;

  constructor(opts: FakeOptions = {}) {
    this.apiVersion = opts.apiVersion ?? 17;
    this.platform = opts.platform ?? 'PC';
    this.displayLanguage = opts.displayLanguage ?? 'zh-CN';
    this.payloadLimit = opts.payloadLimit !== undefined ? opts.payloadLimit : this.platform === 'OfficeOnline' ? 5 * 1024 * 1024 : null;
    this.wire = opts.wire ?? true;
  }

  static fromSnapshot(snapshot: WorkbookSnapshot, opts: FakeOptions = {}): FakeWorkbook {
    const wb = new FakeWorkbook(opts);
    for (const s of snapshot.sheets) {
      const sheet = wb.addSheet(s.name, s.values);
      sheet.merges = [...s.merges];
      sheet.visibility = s.visibility === 'veryHidden' ? 'VeryHidden' : s.visibility === 'hidden' ? 'Hidden' : 'Visible';
      if (s.marked) sheet.names.set(OWNER_MARK.name, { formula: `=${OWNER_MARK.formula}`, visible: false });
    }
    wb.active = wb.sheets.find((s) => s.visibility === 'Visible')?.name ?? '';
    return wb;
  }

  addSheet(name: string, values: CellValue[][] = []): FakeSheet {
    const sheet = new FakeSheet(name);
    // Excel always holds a formula's result: a snapshot's uncalculated formula has no counterpart here.
    values.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && v !== '' && !(typeof v === 'object' && 'formula' in v) && sheet.set(r, c, v as Stored)));
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  /** Everything a user of the workbook sees, as a snapshot (every sheet, outputs included). */
  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        values: s.grid(),
        merges: [...s.merges],
        visibility: s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Hidden' ? 'hidden' : 'visible',
      })),
    };
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Every reference formula of the workbook — cell formulas, defined names (both scopes), chart series —
   * with each `Sheet!A1` / `'My sheet'!$A$1:$B$2` reference to `from` rewritten: to `to`'s name when the
   * sheet is renamed, to `#REF!` when it is deleted. Excel does both: a rename updates every formula that
   * points at the sheet, and deleting a sheet turns the references to it into #REF! errors that stay so
   * when a sheet of the same name comes back (Microsoft support, "How to correct a #REF! error":
   * support.microsoft.com/office/822c8e46-2d9a-4a77-8ebc-1e1fbc1d3a2d). Range.clear and writing cells
   * change no reference (the cells are still there).
   */
  retarget(from: string, to: string | null): void {
    const rewrite = (formula: string) =>
      formula.replace(SHEET_REF, (all: string, quoted: string | undefined, bare: string | undefined, cell: string) => {
        const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;
        if (name.toLowerCase() !== from.toLowerCase()) return all;
        return to === null ? `#REF!${cell}` : `${quoteSheet(to)}!${cell}`;
      });
    for (const sheet of this.sheets) {
      for (const [k, f] of sheet.formulas) sheet.formulas.set(k, rewrite(f));
      for (const n of sheet.names.values()) n.formula = rewrite(n.formula);
      for (const c of sheet.charts) c.source = rewrite(c.source);
    }
    for (const n of this.names.values()) n.formula = rewrite(n.formula);
  }

  /**
   * Recalculation (automatic, as Excel's default; after each sync): a formula that is one cross-sheet
   * reference (`=年度排名!C5`) takes the referenced cell's value (an empty cell gives 0); a formula
   * holding #REF! gives the #REF! error. Other formulas keep their value.
   */
  recalc(): void {
    for (const sheet of this.sheets) {
      for (const [k, f] of sheet.formulas) {
        const [r, c] = k.split(',').map(Number);
        if (f.includes('#REF!')) {
          sheet.set(r, c, { error: '#REF!' });
          continue;
        }
        const m = ONE_REF.exec(f);
        if (!m) continue;
        const target = this.sheet(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
        if (!target) continue;
        const at = parseA1(m[3].replace(/\$/g, ''));
        const v = target.get(at.row, at.col);
        sheet.set(r, c, v === null || v === '' ? 0 : v);
      }
    }
  }

  get syncs(): number {
    return this.syncLog.length;
  }
  get bytes(): number {
    return this.syncLog.reduce((n, s) => n + s.requestBytes + s.responseBytes, 0);
  }
  get maxRequestBytes(): number {
    return this.syncLog.reduce((n, s) => Math.max(n, s.requestBytes), 0);
  }
  get maxActions(): number {
    return this.syncLog.reduce((n, s) => Math.max(n, s.actions), 0);
  }
  resetCounters(): void {
    this.syncLog = [];
  }

  supports(version: string): boolean {
    return Number(version.split('.')[1] ?? 0) <= this.apiVersion;
  }

  /** The OfficeEnv the host uses, backed by this workbook. */
  env(extra: Partial<OfficeEnv> = {}, client = 'default'): OfficeEnv {
    return {
      run: <T>(options: { delayForCellEdit?: boolean }, batch: (ctx: Excel.RequestContext) => Promise<T>) => this.run(options, batch, client),
      isSetSupported: (set, version) => set === 'ExcelApi' && this.supports(version),
      platform: this.platform,
      displayLanguage: this.displayLanguage,
      documentUrl: this.url,
      ...extra,
    };
  }

  async run<T>(options: { delayForCellEdit?: boolean }, batch: (ctx: Excel.RequestContext) => Promise<T>, client = 'default'): Promise<T> {
    this.runs++;
    const ctx = new FakeContext(this, !!options.delayForCellEdit && this.supports('1.11'), client);
    if (this.wire) return wireRun(ctx, batch as (c: unknown) => Promise<T>);
    return batch(ctx as unknown as Excel.RequestContext);
  }
}

/** A sheet-qualified reference in a formula: 'quoted name' or bare name, then a cell or a range. */
const SHEET_REF = /(?:'((?:[^']|'')+)'|([^\s'!=+\-*/^&(),;:<>"{}#$]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/g;
/** A formula that is one cross-sheet cell reference. */
const ONE_REF = /^=(?:'((?:[^']|'')+)'|([^\s'!=+\-*/^&(),;:<>"{}#$]+))!(\$?[A-Z]{1,3}\$?\d+)$/;

/* ------------------------------------------------------------------------------------------------ */

interface Command {
  desc: unknown;
  apply(): void;
}

/** UTF-8 length without Buffer (the fake also runs in a browser bundle in the end-to-end test). */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++; // a surrogate pair: 4 bytes, counted 2 + 2
    else if (c > 0x7f) n += c > 0x7ff ? 2 : 1;
  }
  return n;
}
const bytesOf = (x: unknown) => utf8Bytes(JSON.stringify(x) ?? '');

class FakeContext {
  queue: Command[] = [];
  loads: Array<() => unknown> = [];
  workbook: WorkbookProxy;
  /** Syncs completed in this context: a proxy remembers the value at its creation. */
  generation = 0;
  /** Set by office-wire before a sync: office.js's own byte and action count of the request. */
  wire: { requestBytes: number; actions: number } | null = null;
  constructor(
    readonly wb: FakeWorkbook,
    readonly delayForCellEdit: boolean,
    readonly client = 'default',
  ) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(desc: unknown, apply: () => void): void {
    this.queue.push({ desc, apply });
  }
  requireApi(version: string, what: string): void {
    if (!this.wb.supports(version)) throw new FakeRichApiError('ApiNotFound', `${what} needs ExcelApi ${version}`);
  }
  async sync(): Promise<void> {
    const wb = this.wb;
    if (wb.beforeSync) await wb.beforeSync(this.client);
    const queue = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    const wire = this.wire;
    this.wire = null;
    await Promise.resolve();
    const requestBytes = wire ? wire.requestBytes : queue.reduce((n, c) => n + bytesOf(c.desc), 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, commands: queue.length, actions: wire ? wire.actions : queue.length, wired: !!wire };
    wb.syncLog.push(record);
    const failing = wb.failAt && wb.failAt.at === wb.syncLog.length ? wb.failAt : null;
    if (wb.cellEditMode) {
      if (this.delayForCellEdit) wb.cellEditMode = false; // Excel waits until the user leaves the cell
      else throw new FakeRichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
    if (wb.payloadLimit !== null && requestBytes > wb.payloadLimit) {
      throw new FakeRichApiError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const answers: unknown[] = [];
    try {
      for (let i = 0; i < queue.length; i++) {
        if (failing && i >= failing.after) throw new FakeRichApiError('GeneralException', 'fake: the connection to Excel was lost during this sync');
        const c = queue[i];
        c.apply(); // throws → the rest of the batch is not applied; what came before stays
        if (c.desc && (c.desc as { load?: boolean }).load) answers.push((c as unknown as { answer?: unknown }).answer);
      }
      if (failing) throw new FakeRichApiError('GeneralException', 'fake: the connection to Excel was lost after this sync');
      record.responseBytes = bytesOf(answers);
      if (wb.payloadLimit !== null && record.responseBytes > wb.payloadLimit) {
        throw new FakeRichApiError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      }
      for (const f of loads) f();
    } finally {
      wb.recalc(); // what was applied is recalculated (automatic calculation; suspended calculation resumes at the sync)
      this.generation++; // objects office.js invalidates after a request are stale from here on
    }
  }
}

/** Base of every proxy: load/sync bookkeeping and PropertyNotLoaded. */
class Proxy<T> {
  private loaded = new Map<string, unknown>();
  private nullKnown: boolean | null = null;
  /** Finds the real object at sync time; null for a null object. */
  readonly resolve: () => T | null;
  /** office.js invalidates this object after the sync it was created for (ranges, worksheets.add()). */
  private invalidAfterSync = false;
  private readonly born: number;
  constructor(
    readonly ctx: FakeContext,
    resolve: () => T | null,
    readonly orNull = false,
  ) {
    this.born = ctx.generation;
    this.resolve = () => {
      if (this.invalidAfterSync && this.ctx.generation !== this.born) {
        throw new FakeRichApiError('InvalidObjectPath', "The object path isn't working for what you're trying to do: it was created before an earlier context.sync().");
      }
      return resolve();
    };
    // isNullObject becomes known at the next sync (only *OrNullObject proxies can be null objects)
    if (!orNull) {
      ctx.loads.push(() => {
        this.nullKnown = false;
      });
      return;
    }
    ctx.loads.push(() => {
      try {
        this.nullKnown = this.resolve() === null;
      } catch {
        this.nullKnown = true;
      }
    });
  }
  /** Marks the object as one office.js invalidates after its sync. */
  temporary(): this {
    this.invalidAfterSync = true;
    return this;
  }
  track(): this {
    this.invalidAfterSync = false;
    return this;
  }
  /** office.js marks the object "do not keep a reference" (no action of its own). */
  untrack(): this {
    this.ctx.wb.untracked++;
    return this;
  }
  get isNullObject(): boolean {
    if (this.nullKnown === null) throw new FakeRichApiError('PropertyNotLoaded', 'isNullObject is not known before context.sync().');
    return this.nullKnown;
  }
  protected target(): T {
    const t = this.resolve();
    if (t === null) throw new FakeRichApiError('ItemNotFound', 'The requested resource does not exist (null object).');
    return t;
  }
  protected readProp<V>(name: string): V {
    if (!this.loaded.has(name)) {
      throw new FakeRichApiError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(name) as V;
  }
  protected answer(_name: string, _t: T): unknown {
    throw new FakeRichApiError('InvalidArgument', `cannot load ${_name}`);
  }
  load(props: string | string[] = ''): this {
    const names = (Array.isArray(props) ? props : props.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    const pending = new Map<string, unknown>();
    const cmd = {
      desc: { load: true, props: names },
      answer: undefined as unknown,
      apply: () => {
        const t = this.resolve();
        if (t === null) {
          if (!this.orNull) throw new FakeRichApiError('ItemNotFound', 'The requested resource does not exist.');
          cmd.answer = null;
          return;
        }
        const answer: Record<string, unknown> = {};
        for (const n of names) {
          const v = this.answer(n, t);
          pending.set(n, v);
          answer[n] = v;
        }
        cmd.answer = answer;
      },
    };
    this.ctx.queue.push(cmd);
    this.ctx.loads.push(() => {
      for (const [k, v] of pending) this.loaded.set(k, v);
    });
    return this;
  }
  protected set(desc: unknown, apply: (t: T) => void): void {
    this.ctx.enqueue(desc, () => apply(this.target()));
  }
}

class WorkbookProxy {
  worksheets: WorksheetCollectionProxy;
  application: ApplicationProxy;
  protection: ProtectionProxy<FakeWorkbook>;
  names: WorkbookNamesProxy;
  constructor(readonly ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
    this.protection = new ProtectionProxy<FakeWorkbook>(ctx, () => ctx.wb);
    this.names = new WorkbookNamesProxy(ctx);
  }
}

/** Workbook-scoped defined names (Workbook.names): add (ExcelApi 1.4) a name that refers to a range. */
class WorkbookNamesProxy {
  constructor(readonly ctx: FakeContext) {}
  add(name: string, reference: string, comment?: string): void {
    this.ctx.enqueue({ m: 'names.add', name, reference, comment }, () => {
      this.ctx.requireApi('1.4', 'NamedItemCollection.add');
      const names = this.ctx.wb.names;
      if (!/^[A-Za-z_\\\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name) || name.length > 255) throw new FakeRichApiError('InvalidArgument', `bad name ${name}`);
      if ([...names.keys()].some((k) => k.toLowerCase() === name.toLowerCase())) throw new FakeRichApiError('ItemAlreadyExists', `The name ${name} already exists.`);
      names.set(name, { formula: reference, visible: true });
    });
  }
}

/**
 * A sheet's charts (Worksheet.charts): add(type, sourceData, seriesBy) (ExcelApi 1.1) with its data on any
 * sheet. Only what the series point at is modelled (a reference formula, rewritten as Excel rewrites
 * formulas: see FakeWorkbook.retarget).
 */
class ChartCollectionProxy {
  constructor(
    readonly ctx: FakeContext,
    readonly sheet: () => FakeSheet,
  ) {}
  add(type: string, sourceData: RangeProxy, seriesBy?: string): void {
    this.ctx.enqueue({ m: 'charts.add', type, seriesBy }, () => {
      const src = sourceData.resolved();
      const abs = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
      this.sheet().charts.push({ type, source: `=${quoteSheet(src.sheet.name)}!${abs(src.rect.top, src.rect.left)}:${abs(src.rect.bottom, src.rect.right)}` });
    });
  }
}

class ApplicationProxy {
  constructor(readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ m: 'suspendApiCalculationUntilNextSync' }, () => {
      this.ctx.requireApi('1.6', 'suspendApiCalculationUntilNextSync');
      this.ctx.wb.calculationSuspended++;
    });
  }
}

/** `workbook.protection` and `worksheet.protection`: one loadable property, `protected`. */
class ProtectionProxy<T extends { protected: boolean }> extends Proxy<T> {
  get protected(): boolean {
    return this.readProp('protected');
  }
  protected override answer(name: string, t: T): unknown {
    if (name === 'protected') return t.protected;
    return super.answer(name, t);
  }
}

const NAME_BAD = /[\\/?*[\]:]/;

/** Excel's sheet-name rules: 1–31 characters, none of \ / ? * [ ] :, no leading or trailing apostrophe, unique ignoring case. */
function checkSheetName(wb: FakeWorkbook, name: string, self: FakeSheet | null): void {
  if (!name || name.length > 31 || NAME_BAD.test(name) || /^'|'$/.test(name)) throw new FakeRichApiError('InvalidArgument', `bad sheet name ${name}`);
  const other = wb.sheet(name);
  if (other && other !== self) throw new FakeRichApiError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
}

class WorksheetCollectionProxy extends Proxy<FakeWorkbook> {
  private itemsLoaded: WorksheetProxy[] | null = null;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb);
  }
  get items(): WorksheetProxy[] {
    if (!this.itemsLoaded) throw new FakeRichApiError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsLoaded;
  }
  override load(props: string | string[] = ''): this {
    const names = (Array.isArray(props) ? props : props.split(','))
      .map((s) => s.trim().replace(/^items\//, ''))
      .filter(Boolean);
    let found: FakeSheet[] = [];
    const answers: unknown[] = [];
    const cmd = {
      desc: { load: true, props: names },
      answer: answers as unknown,
      sheets: [] as FakeSheet[],
      apply: () => {
        found = [...this.ctx.wb.sheets];
        cmd.sheets = found;
        for (const s of found) {
          const a: Record<string, unknown> = {};
          for (const n of names) a[n] = (s as unknown as Record<string, unknown>)[n];
          answers.push(a);
        }
      },
    };
    this.ctx.queue.push(cmd);
    this.ctx.loads.push(() => {
      this.itemsLoaded = found.map((s, i) => {
        const p = new WorksheetProxy(this.ctx, () => (this.ctx.wb.sheets.includes(s) ? s : null));
        p.preload(names, answers[i] as Record<string, unknown>);
        return p;
      });
    });
    return this;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.wb.sheet(name);
      if (!s) throw new FakeRichApiError('ItemNotFound', `The requested resource doesn't exist.`, name);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(name) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(this.ctx.wb.active) ?? null);
  }
  add(name: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.ctx.enqueue({ m: 'worksheets.add', name }, () => {
      const wb = this.ctx.wb;
      if (wb.otherWorkbookActive) throw new FakeRichApiError('GeneralException', 'An internal error has occurred.', 'WorksheetCollection.add');
      if (wb.protected) throw new FakeRichApiError('AccessDenied', 'The workbook is protected.');
      checkSheetName(wb, name, null);
      created = new FakeSheet(name);
      wb.sheets.push(created);
    });
    return new WorksheetProxy(this.ctx, () => created).temporary();
  }
}

/** A sheet's defined names (Worksheet.names, ExcelApi 1.4): add, and load of items/name,formula,visible. */
class NamedItemCollectionProxy extends Proxy<FakeSheet> {
  private itemsLoaded: { name: string; formula: string; visible: boolean }[] | null = null;
  get items(): { name: string; formula: string; visible: boolean }[] {
    if (!this.itemsLoaded) throw new FakeRichApiError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsLoaded;
  }
  override load(props: string | string[] = ''): this {
    const names = (Array.isArray(props) ? props : props.split(','))
      .map((s) => s.trim().replace(/^items\//, ''))
      .filter(Boolean);
    for (const n of names) if (!['name', 'formula', 'visible'].includes(n)) throw new Error(`fake: NamedItem.${n} is not modelled`);
    let found: { name: string; formula: string; visible: boolean }[] = [];
    const cmd = {
      desc: { load: true, props: names },
      answer: undefined as unknown,
      apply: () => {
        this.ctx.requireApi('1.4', 'Worksheet.names');
        if (names.includes('formula')) this.ctx.requireApi('1.7', 'NamedItem.formula');
        found = [...this.target().names].map(([name, v]) => ({ name, ...v }));
        cmd.answer = found.map((f) => {
          const a: Record<string, unknown> = {};
          for (const n of names) a[n] = f[n as keyof typeof f];
          return a;
        });
      },
    };
    this.ctx.queue.push(cmd);
    this.ctx.loads.push(() => {
      this.itemsLoaded = found;
    });
    return this;
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, this.resolve, name);
  }
  add(name: string, reference: string, comment?: string): NamedItemProxy {
    this.set({ m: 'names.add', name, reference, comment }, (t) => {
      this.ctx.requireApi('1.4', 'Worksheet.names');
      if (!/^[A-Za-z_\\][\w.]*$/.test(name) || name.length > 255) throw new FakeRichApiError('InvalidArgument', `bad name ${name}`);
      if ([...t.names.keys()].some((k) => k.toLowerCase() === name.toLowerCase())) throw new FakeRichApiError('ItemAlreadyExists', `The name ${name} already exists.`);
      t.names.set(name, { formula: reference, visible: true });
    });
    return new NamedItemProxy(this.ctx, this.resolve, name);
  }
}

/** One defined name (the object names.add() returns): only `visible` is modelled. */
class NamedItemProxy {
  constructor(
    readonly ctx: FakeContext,
    readonly sheet: () => FakeSheet | null,
    readonly name: string,
  ) {}
  set visible(v: boolean) {
    this.ctx.enqueue({ p: 'visible', name: this.name, v }, () => {
      const item = this.sheet()?.names.get(this.name);
      if (!item) throw new FakeRichApiError('ItemNotFound', `The name ${this.name} does not exist.`);
      item.visible = v;
    });
  }
  get visible(): boolean {
    throw new FakeRichApiError('PropertyNotLoaded', "The property 'visible' is not available.");
  }
}

class WorksheetProxy extends Proxy<FakeSheet> {
  private pre = new Map<string, unknown>();
  freezePanes: FreezePanesProxy;
  protection: ProtectionProxy<FakeSheet>;
  names: NamedItemCollectionProxy;
  charts: ChartCollectionProxy;
  constructor(ctx: FakeContext, resolve: () => FakeSheet | null, orNull = false) {
    super(ctx, resolve, orNull);
    this.freezePanes = new FreezePanesProxy(ctx, () => this.target());
    this.protection = new ProtectionProxy<FakeSheet>(ctx, () => this.target());
    this.names = new NamedItemCollectionProxy(ctx, () => this.target());
    this.charts = new ChartCollectionProxy(ctx, () => this.target());
  }
  preload(names: string[], values: Record<string, unknown>): void {
    for (const n of names) this.pre.set(n, values[n]);
  }
  private prop<V>(name: string): V {
    if (this.pre.has(name)) return this.pre.get(name) as V;
    return this.readProp(name);
  }
  protected override answer(name: string, t: FakeSheet): unknown {
    if (name === 'name' || name === 'visibility' || name === 'tabColor') return t[name];
    if (name === 'position') return this.ctx.wb.sheets.indexOf(t);
    return super.answer(name, t);
  }
  get name(): string {
    return this.prop('name');
  }
  /** Rename (ExcelApi 1.1). */
  set name(v: string) {
    this.set({ p: 'name', v }, (t) => {
      const wb = this.ctx.wb;
      if (wb.protected) throw new FakeRichApiError('AccessDenied', 'The workbook is protected.');
      checkSheetName(wb, v, t);
      if (wb.active === t.name) wb.active = v;
      const old = t.name;
      t.name = v;
      wb.retarget(old, v);
    });
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  set visibility(v: string) {
    this.set({ p: 'visibility', v }, (t) => {
      const wb = this.ctx.wb;
      if (v !== 'Visible' && t.visibility === 'Visible' && wb.sheets.filter((s) => s.visibility === 'Visible').length <= 1) {
        throw new FakeRichApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      t.visibility = v as FakeSheet['visibility'];
    });
  }
  /** Move the sheet (0-based position; ExcelApi 1.1). */
  set position(v: number) {
    this.set({ p: 'position', v }, (t) => {
      const wb = this.ctx.wb;
      if (wb.protected) throw new FakeRichApiError('AccessDenied', 'The workbook is protected.');
      if (!Number.isInteger(v) || v < 0 || v >= wb.sheets.length) throw new FakeRichApiError('InvalidArgument', `bad position ${v}`);
      wb.sheets.splice(wb.sheets.indexOf(t), 1);
      wb.sheets.splice(v, 0, t);
    });
  }
  set tabColor(v: string) {
    this.set({ p: 'tabColor', v }, (t) => {
      t.tabColor = v;
    });
  }
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.ctx, () => this.target());
  }
  delete(): void {
    this.set({ m: 'delete' }, (t) => {
      const wb = this.ctx.wb;
      if (wb.protected) throw new FakeRichApiError('AccessDenied', 'The workbook is protected.');
      if (t.visibility === 'VeryHidden') throw new FakeRichApiError('InvalidOperation', `The very hidden sheet ${t.name} cannot be deleted; make it hidden first.`);
      const visible = wb.sheets.filter((s) => s.visibility === 'Visible' && s !== t);
      if (!visible.length) throw new FakeRichApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      wb.sheets.splice(wb.sheets.indexOf(t), 1);
      if (wb.active === t.name) wb.active = visible[0].name;
      wb.retarget(t.name, null);
    });
  }
  activate(): void {
    this.set({ m: 'activate' }, (t) => {
      if (t.visibility !== 'Visible') throw new FakeRichApiError('InvalidOperation', 'Cannot activate a hidden sheet.');
      this.ctx.wb.active = t.name;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) throw new Error('fake: the add-in reads used ranges valuesOnly');
    return new RangeProxy(this.ctx, () => {
      const t = this.target();
      const r = t.usedRect();
      return r ? { sheet: t, rect: r } : null;
    }, true).temporary();
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.target(), rect: address ? rectOf(address) : { top: 0, left: 0, bottom: 1048575, right: 16383 } })).temporary();
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      this.ctx.requireApi('1.7', 'getRangeByIndexes');
      if (rows < 1 || cols < 1 || row < 0 || col < 0 || row + rows > 1048576 || col + cols > 16384) throw new FakeRichApiError('InvalidArgument', 'range outside the sheet');
      return { sheet: this.target(), rect: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } };
    }).temporary();
  }
  /** RangeAreas (ExcelApi 1.9): "A1:B2, D5, F7:F9"; only its format is modelled. */
  getRanges(address: string): RangeAreasFormatProxy {
    const areas = address.split(',').map((a) => a.trim());
    return new RangeAreasFormatProxy(
      new RangeFormatProxy(this.ctx, () => {
        this.ctx.requireApi('1.9', 'getRanges');
        const sheet = this.target();
        return areas.map((a) => ({ sheet, rect: rectOf(a) }));
      }),
    );
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.target(), rect: { top: row, left: col, bottom: row, right: col } })).temporary();
  }
}

/** The RangeAreas of getRanges(): only its format is modelled. */
class RangeAreasFormatProxy {
  constructor(readonly format: RangeFormatProxy) {}
  untrack(): this {
    this.format.ctx.wb.untracked++;
    return this;
  }
}

function rectOf(address: string): Rect {
  const m = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (m) return { top: 0, bottom: 1048575, left: parseA1(`${m[1]}1`).col, right: parseA1(`${m[2]}1`).col };
  const r = /^(\d+):(\d+)$/.exec(address);
  if (r) return { top: Number(r[1]) - 1, bottom: Number(r[2]) - 1, left: 0, right: 16383 };
  return parseRange(address.replace(/\$/g, ''));
}

function rectOfEntry(e: StyleEntry): Rect {
  return typeof e.range === 'string' ? rectOf(e.range) : e.range;
}
/** a lies inside b. */
function within(a: Rect, b: Rect): boolean {
  return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
}
function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function rectAddress(rect: Rect): string {
  const tl = a1(rect.top, rect.left);
  const br = a1(rect.bottom, rect.right);
  return tl === br ? tl : `${tl}:${br}`;
}


class FreezePanesProxy {
  constructor(
    readonly ctx: FakeContext,
    readonly sheet: () => FakeSheet,
  ) {}
  private freeze(desc: unknown, f: (s: FakeSheet) => void) {
    this.ctx.enqueue(desc, () => {
      this.ctx.requireApi('1.7', 'freezePanes');
      const s = this.sheet();
      guardWrite(s);
      f(s);
    });
  }
  freezeRows(n: number): void {
    this.freeze({ m: 'freezeRows', n }, (s) => (s.freeze = { rows: n, cols: 0 }));
  }
  freezeColumns(n: number): void {
    this.freeze({ m: 'freezeColumns', n }, (s) => (s.freeze = { rows: 0, cols: n }));
  }
  /** Removes the frozen panes (ExcelApi 1.7). */
  unfreeze(): void {
    this.freeze({ m: 'unfreeze' }, (s) => (s.freeze = { rows: 0, cols: 0 }));
  }
  freezeAt(range: RangeProxy): void {
    this.freeze({ m: 'freezeAt' }, (s) => {
      const r = range.resolved().rect;
      s.freeze = { rows: r.bottom + 1, cols: r.right + 1 };
    });
  }
}

class PageLayoutProxy {
  constructor(
    readonly ctx: FakeContext,
    readonly sheet: () => FakeSheet,
  ) {}
  set orientation(v: string) {
    this.ctx.enqueue({ p: 'orientation', v }, () => {
      this.ctx.requireApi('1.9', 'pageLayout');
      this.sheet().pageLayout.orientation = v;
    });
  }
  setPrintTitleRows(rows: string): void {
    this.ctx.enqueue({ m: 'setPrintTitleRows', rows }, () => {
      this.ctx.requireApi('1.9', 'pageLayout');
      this.sheet().pageLayout.printTitleRows = rows;
    });
  }
  /** Excel.PaperType: an unknown name is InvalidArgument. */
  set paperSize(v: string) {
    this.ctx.enqueue({ p: 'paperSize', v }, () => {
      this.ctx.requireApi('1.9', 'pageLayout');
      if (!PAPER_TYPES.has(v)) throw new FakeRichApiError('InvalidArgument', `Invalid paper size ${v}.`);
      this.sheet().pageLayout.paperSize = v;
    });
  }
  set centerHorizontally(v: boolean) {
    this.ctx.enqueue({ p: 'centerHorizontally', v }, () => {
      this.ctx.requireApi('1.9', 'pageLayout');
      this.sheet().pageLayout.centerHorizontally = v;
    });
  }
  /**
   * PageLayoutZoomOptions (ExcelApi 1.9): fit to pages or a scale of 10–400, stored exactly as given: a direction
   * not given is not set (Excel leaves the sheet's own setting for it), so a test sees whether the add-in set both.
   * 0 pages is the file format's "automatic" (ECMA-376 §18.3.1.63 fitToWidth/fitToHeight).
   */
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.ctx.enqueue({ p: 'zoom', v }, () => {
      this.ctx.requireApi('1.9', 'pageLayout');
      const bad = (n: number | undefined, lo: number, hi: number) => n !== undefined && !(Number.isInteger(n) && n >= lo && n <= hi);
      if (bad(v.horizontalFitToPages, 0, 32767) || bad(v.verticalFitToPages, 0, 32767) || bad(v.scale, 10, 400)) {
        throw new FakeRichApiError('InvalidArgument', 'Invalid zoom.');
      }
      this.sheet().pageLayout.zoom = { ...v };
    });
  }
  /** headersFooters.defaultForAllPages: the centred header and footer (format codes &P, &N as text). */
  get headersFooters() {
    const set = (key: 'centerHeader' | 'centerFooter', v: string) =>
      this.ctx.enqueue({ p: key, v }, () => {
        this.ctx.requireApi('1.9', 'pageLayout');
        if (v.length > 255) throw new FakeRichApiError('InvalidArgument', 'Header or footer longer than 255 characters.');
        this.sheet().pageLayout[key] = v;
      });
    return {
      defaultForAllPages: {
        set centerHeader(v: string) { set('centerHeader', v); },
        set centerFooter(v: string) { set('centerFooter', v); },
      } as { centerHeader: string; centerFooter: string },
    };
  }
}

/** Names of Excel.PaperType (the ones a workbook is likely to use). */
const PAPER_TYPES = new Set(['A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Letter', 'LetterSmall', 'Legal', 'Executive', 'Folio', 'Quatro', 'Tabloid', 'Ledger', 'Statement', 'Note']);

function guardWrite(s: FakeSheet): void {
  if (s.protected) throw new FakeRichApiError('AccessDenied', `The sheet ${s.name} is protected.`);
  s.writes++;
}

type RangeTarget = { sheet: FakeSheet; rect: Rect };

/**
 * How Excel interprets a string typed into a cell, or set through `Range.values`, that is not formatted as
 * text ("@"). Microsoft's reference for Excel.Range.values: “If the returned value starts with a plus ("+"),
 * minus ("-"), or equal sign ("="), Excel interprets this value as a formula”
 * (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member); a string set there is
 * parsed as typed text is, so `0012`, `1,234`, `12%`, `１２` become numbers and `2025-3-1`, `2025/3/1`,
 * `3月1日` dates (Microsoft support, “Format numbers as text”: format the cells as Text first to keep them).
 * A leading `@` is the implicit-intersection operator of a formula.
 */
function interpret(v: unknown, format: string | undefined): { value: Stored; formula?: string } {
  if (v === '' || v === null || v === undefined) return { value: null };
  if (typeof v !== 'string') return { value: v as Stored };
  if (format === '@') return { value: v };
  const t = v.normalize('NFKC').trim();
  const num = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?(e[-+]?\d+)?(%)?$/i.exec(t);
  if (num && /\d/.test(t)) return { value: Number(t.replace(/[,%]/g, '')) / (num[5] ? 100 : 1) };
  if (/^[=+\-@]/.test(v) && v.length > 1) return { value: 0, formula: v };
  if (/^(true|false)$/i.test(v)) return { value: v.toLowerCase() === 'true' };
  const ymd = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  const md = /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  const date = ymd ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])] : md ? [new Date().getFullYear(), Number(md[1]), Number(md[2])] : null;
  if (date && date[1] >= 1 && date[1] <= 12 && date[2] >= 1 && date[2] <= 31) {
    return { value: Math.round((Date.UTC(date[0], date[1] - 1, date[2]) - Date.UTC(1899, 11, 30)) / 86_400_000) };
  }
  return { value: v };
}

class RangeProxy extends Proxy<RangeTarget> {
  constructor(ctx: FakeContext, resolve: () => RangeTarget | null, orNull = false) {
    super(ctx, resolve, orNull);
  }
  resolved(): RangeTarget {
    return this.target();
  }
  protected override answer(name: string, t: RangeTarget): unknown {
    const { sheet, rect } = t;
    const cells = <V>(f: (r: number, c: number) => V): V[][] => {
      const out: V[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: V[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    const cellCount = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if ((name === 'values' || name === 'valueTypes' || name === 'numberFormat') && cellCount > 5_000_000) {
      throw new FakeRichApiError('InvalidOperation', `Reading ${cellCount} cells at once exceeds Excel's 5,000,000-cell limit.`);
    }
    const nullAbove = this.ctx.wb.nullValuesAbove;
    if ((name === 'values' || name === 'valueTypes') && nullAbove !== null && cellCount > nullAbove) return null;
    switch (name) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'values':
        return cells((r, c) => {
          const v = sheet.get(r, c);
          return v === null ? '' : typeof v === 'object' ? v.error : v;
        });
      case 'valueTypes':
        return cells((r, c) => {
          const v = sheet.get(r, c);
          if (v === null) return 'Empty';
          if (typeof v === 'object') return 'Error';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
      case 'numberFormat':
        return cells((r, c) => sheet.format(r, c) ?? 'General');
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      default:
        return super.answer(name, t);
    }
  }
  get address(): string {
    return this.readProp('address');
  }
  get values(): unknown[][] {
    return this.readProp('values');
  }
  get valueTypes(): string[][] {
    return this.readProp('valueTypes');
  }
  private matrix(name: string, m: unknown[][], t: RangeTarget): void {
    const rows = t.rect.bottom - t.rect.top + 1;
    const cols = t.rect.right - t.rect.left + 1;
    if (!Array.isArray(m) || m.length !== rows || m.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeRichApiError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`);
    }
  }
  set values(m: unknown[][]) {
    this.set({ p: 'values', v: m }, (t) => {
      this.matrix('values', m, t);
      guardWrite(t.sheet);
      m.forEach((row, i) =>
        row.forEach((v, j) => {
          const r = t.rect.top + i;
          const c = t.rect.left + j;
          const x = interpret(v, t.sheet.format(r, c));
          t.sheet.set(r, c, x.value);
          if (x.formula) t.sheet.formulas.set(`${r},${c}`, x.formula);
          else if (t.sheet.formulas.size) t.sheet.formulas.delete(`${r},${c}`);
        }),
      );
    });
  }
  /** A matrix of the range's size, or a 1×1 matrix applied to every cell (documented for numberFormat). */
  set numberFormat(m: unknown[][]) {
    this.set({ p: 'numberFormat', v: m }, (t) => {
      const one = Array.isArray(m) && m.length === 1 && Array.isArray(m[0]) && m[0].length === 1;
      if (!one) this.matrix('numberFormat', m, t);
      guardWrite(t.sheet);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const v = one ? m[0][0] : m[r - t.rect.top][c - t.rect.left];
          t.sheet.setFormat(r, c, v === 'General' ? undefined : String(v));
        }
      }
    });
  }
  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.set({ p: 'hyperlink', v: h }, (t) => {
      this.ctx.requireApi('1.7', 'hyperlink');
      guardWrite(t.sheet);
      if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right) throw new FakeRichApiError('InvalidArgument', 'hyperlink on one cell');
      t.sheet.hyperlinks.set(`${t.rect.top},${t.rect.left}`, { ...h });
      if (h.textToDisplay !== undefined) t.sheet.set(t.rect.top, t.rect.left, h.textToDisplay === '' ? null : h.textToDisplay);
    });
  }
  get dataValidation() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const me = this;
    const record = (prop: string, value: unknown) =>
      me.set({ p: `dataValidation.${prop}`, v: value }, (t) => {
        me.ctx.requireApi('1.8', 'dataValidation');
        guardWrite(t.sheet);
        t.sheet.validations.push({ range: rectAddress(t.rect), prop, value });
      });
    return {
      set rule(v: unknown) {
        record('rule', v);
      },
      set errorAlert(v: unknown) {
        record('errorAlert', v);
      },
      /** DataValidation.clear (ExcelApi 1.8): the range's validation rules removed. */
      clear() {
        me.set({ m: 'dataValidation.clear' }, (t) => {
          me.ctx.requireApi('1.8', 'dataValidation');
          guardWrite(t.sheet);
          const kept = t.sheet.validations.filter((e) => !within(rectOfEntry(e), t.rect));
          if (kept.some((e) => overlaps(rectOfEntry(e), t.rect))) throw new Error('fake: clearing part of a validated area is not modelled');
          t.sheet.validations = kept;
        });
      },
    };
  }
  /**
   * Range.clear(applyTo) (ExcelApi 1.1; only "All" is modelled): "Clears everything in the range" — values,
   * formulas, number formats, formatting and hyperlinks (Microsoft's reference for Excel.ClearApplyTo).
   * Column widths and row heights are properties of whole columns and rows and stay; merged areas and data
   * validation are left to unmerge() and dataValidation.clear(), which this fake requires (it does not
   * assume more of clear than its documentation says). References to the cells stay valid.
   */
  clear(applyTo?: string): void {
    this.set({ m: 'clear', applyTo }, (t) => {
      if (applyTo !== 'All') throw new Error(`fake: clear(${String(applyTo)}) is not modelled`);
      guardWrite(t.sheet);
      const q = t.rect;
      for (let r = q.top; r <= Math.min(q.bottom, t.sheet.values.length - 1); r++) {
        const row = t.sheet.values[r];
        if (row) for (let c = q.left; c <= Math.min(q.right, row.length - 1); c++) row[c] = null;
      }
      for (let r = q.top; r <= Math.min(q.bottom, t.sheet.numberFormats.length - 1); r++) {
        const row = t.sheet.numberFormats[r];
        if (row) for (let c = q.left; c <= Math.min(q.right, row.length - 1); c++) row[c] = undefined;
      }
      const inRect = (k: string) => {
        const [r, c] = k.split(',').map(Number);
        return r >= q.top && r <= q.bottom && c >= q.left && c <= q.right;
      };
      for (const k of [...t.sheet.formulas.keys()]) if (inRect(k)) t.sheet.formulas.delete(k);
      for (const k of [...t.sheet.hyperlinks.keys()]) if (inRect(k)) t.sheet.hyperlinks.delete(k);
      const sized = (e: StyleEntry) => e.prop === 'columnWidth' || e.prop === 'rowHeight';
      const kept = t.sheet.styles.filter((e) => sized(e) || !within(rectOfEntry(e), q));
      if (kept.some((e) => !sized(e) && overlaps(rectOfEntry(e), q))) throw new Error('fake: clearing part of a styled area is not modelled');
      t.sheet.styles = kept;
    });
  }
  /** Range.unmerge (ExcelApi 1.2): every merged area that meets the range is split. */
  unmerge(): void {
    this.set({ m: 'unmerge' }, (t) => {
      guardWrite(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(parseRange(m), t.rect));
    });
  }
  /**
   * Range.copyFrom(source, copyType, skipBlanks, transpose) (ExcelApi 1.9), copyType "All" (Excel.RangeCopyType):
   * values, number formats, formatting, merged areas, hyperlinks and data validation, as Paste does; not the
   * column widths (a copy type of its own, "ColumnWidths") nor row heights. The destination is the range's
   * top-left cell (the source's size). Formulas, which Excel would shift, are not modelled.
   */
  copyFrom(source: RangeProxy, copyType?: string, skipBlanks?: boolean, transpose?: boolean): void {
    this.set({ m: 'copyFrom', copyType, skipBlanks, transpose }, (t) => {
      this.ctx.requireApi('1.9', 'Range.copyFrom');
      if (copyType !== 'All' || skipBlanks || transpose) throw new Error('fake: only copyFrom(range, "All", false, false) is modelled');
      if (!(source instanceof RangeProxy)) throw new Error('fake: copyFrom takes a Range here');
      const src = source.resolved();
      guardWrite(t.sheet);
      const from = src.sheet;
      const q = src.rect;
      const dr = t.rect.top - q.top;
      const dc = t.rect.left - q.left;
      const move = (x: Rect): Rect => ({ top: x.top + dr, left: x.left + dc, bottom: x.bottom + dr, right: x.right + dc });
      for (let r = q.top; r <= q.bottom; r++) {
        for (let c = q.left; c <= q.right; c++) {
          if (from.formulas.has(`${r},${c}`)) throw new Error('fake: copying formulas is not modelled');
          const v = from.get(r, c);
          if (v !== null || t.sheet.get(r + dr, c + dc) !== null) t.sheet.set(r + dr, c + dc, v);
          const f = from.format(r, c);
          if (f !== undefined || t.sheet.format(r + dr, c + dc) !== undefined) t.sheet.setFormat(r + dr, c + dc, f);
          t.sheet.formulas.delete(`${r + dr},${c + dc}`);
        }
      }
      for (const e of from.styles) {
        if (e.prop === 'columnWidth' || e.prop === 'rowHeight') continue;
        const x = rectOfEntry(e);
        if (!overlaps(x, q)) continue;
        if (!within(x, q)) throw new Error('fake: copying part of a styled area is not modelled');
        t.sheet.styles.push({ range: move(x), prop: e.prop, value: e.value });
      }
      for (const m of from.merges) {
        const x = parseRange(m);
        if (!overlaps(x, q)) continue;
        if (!within(x, q)) throw new Error('fake: copying part of a merged area is not modelled');
        t.sheet.merges.push(rectAddress(move(x)));
      }
      for (const [k, h] of from.hyperlinks) {
        const [r, c] = k.split(',').map(Number);
        if (r >= q.top && r <= q.bottom && c >= q.left && c <= q.right) t.sheet.hyperlinks.set(`${r + dr},${c + dc}`, { ...h });
      }
      for (const e of from.validations) {
        const x = rectOfEntry(e);
        if (!overlaps(x, q)) continue;
        if (!within(x, q)) throw new Error('fake: copying part of a validated area is not modelled');
        t.sheet.validations.push({ range: rectAddress(move(x)), prop: e.prop, value: e.value });
      }
    });
  }
  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.ctx, () => [this.resolved()]);
  }
  merge(across = false): void {
    this.set({ m: 'merge', across }, (t) => {
      guardWrite(t.sheet);
      t.sheet.merges.push(rectAddress(t.rect));
    });
  }
  select(): void {
    this.set({ m: 'select' }, (t) => {
      if (this.ctx.wb.active !== t.sheet.name) throw new FakeRichApiError('InvalidSelection', 'select needs the active sheet');
      this.ctx.wb.selection = `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`;
    });
  }
  /** Cells of a kind (ExcelApi 1.9); only ('Constants' | 'Formulas', 'Errors') is modelled. */
  getSpecialCellsOrNullObject(cellType: string, valueType?: string): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      this.ctx.requireApi('1.9', 'getSpecialCellsOrNullObject');
      if (valueType !== 'Errors' || (cellType !== 'Constants' && cellType !== 'Formulas')) throw new Error('fake: only error cells are modelled');
      const t = this.target();
      const used = t.sheet.usedRect();
      const areas: string[] = [];
      if (used) {
        for (let r = Math.max(used.top, t.rect.top); r <= Math.min(used.bottom, t.rect.bottom); r++) {
          for (let c = Math.max(used.left, t.rect.left); c <= Math.min(used.right, t.rect.right); c++) {
            const v = t.sheet.get(r, c);
            const formula = t.sheet.formulas.has(`${r},${c}`);
            if (v && typeof v === 'object' && formula === (cellType === 'Formulas')) areas.push(a1(r, c));
          }
        }
      }
      return areas.length ? { sheet: t.sheet, areas } : null;
    }).temporary();
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      this.ctx.requireApi('1.13', 'getMergedAreasOrNullObject');
      const t = this.target();
      const inside = t.sheet.merges.filter((m) => {
        const q = parseRange(m);
        return q.top >= t.rect.top && q.bottom <= t.rect.bottom && q.left >= t.rect.left && q.right <= t.rect.right;
      });
      return inside.length ? { sheet: t.sheet, areas: inside } : null;
    }).temporary();
  }
  /** Test helper: the A1 address this proxy resolved to. */
  static a1Of(t: RangeTarget): string {
    return rectAddress(t.rect);
  }
}

class RangeAreasProxy extends Proxy<{ sheet: FakeSheet; areas: string[] }> {
  constructor(ctx: FakeContext, resolve: () => { sheet: FakeSheet; areas: string[] } | null) {
    super(ctx, resolve, true);
  }
  protected override answer(name: string, t: { sheet: FakeSheet; areas: string[] }): unknown {
    if (name === 'address') return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${a}`).join(', ');
    return super.answer(name, t);
  }
  get address(): string {
    return this.readProp('address');
  }
}

class RangeFormatProxy {
  constructor(
    readonly ctx: FakeContext,
    /** The range (or, for RangeAreas, every area) the format applies to, resolved at sync. */
    readonly targets: () => RangeTarget[],
  ) {}
  private style(prop: string, value: unknown): void {
    this.ctx.enqueue({ p: prop, v: value }, () => {
      const all = this.targets();
      for (const t of all) {
        guardWrite(t.sheet);
        t.sheet.styles.push({ range: t.rect, prop, value });
        if (prop === 'columnWidth') for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, Number(value));
        if (prop === 'rowHeight') for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, Number(value));
      }
    });
  }
  get fill() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self2 = this;
    return { set color(v: string) { self2.style('fill.color', v); } } as { color: string };
  }
  get font() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self2 = this;
    return {
      set color(v: string) { self2.style('font.color', v); },
      set bold(v: boolean) { self2.style('font.bold', v); },
      set italic(v: boolean) { self2.style('font.italic', v); },
      set size(v: number) { self2.style('font.size', v); },
      set name(v: string) { self2.style('font.name', v); },
    } as { color: string; bold: boolean; italic: boolean; size: number; name: string };
  }
  set horizontalAlignment(v: string) {
    this.style('horizontalAlignment', v);
  }
  /** Excel.VerticalAlignment: Top, Center, Bottom, Justify, Distributed; anything else is InvalidArgument. */
  set verticalAlignment(v: string) {
    if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(v)) {
      this.ctx.enqueue({ p: 'verticalAlignment', v }, () => {
        throw new FakeRichApiError('InvalidArgument', `Invalid vertical alignment ${v}.`);
      });
      return;
    }
    this.style('verticalAlignment', v);
  }
  set wrapText(v: boolean) {
    this.style('wrapText', v);
  }
  set columnWidth(v: number) {
    this.style('columnWidth', v);
  }
  /**
   * RangeFormat.columnWidth read back (load('columnWidth'), then sync): the width in points; "if the column
   * widths are not uniform, null will be returned" (Microsoft's reference for Excel.RangeFormat). A column
   * never sized has the sheet's standard width: 8.43 characters, 64 px, 48 pt in Calibri 11.
   */
  get columnWidth(): number {
    if (!this.loadedWidth) throw new FakeRichApiError('PropertyNotLoaded', "The property 'columnWidth' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.");
    return this.loadedWidth.value as number;
  }
  private loadedWidth: { value: number | null } | null = null;
  load(props: string): this {
    if (props.trim() !== 'columnWidth') throw new Error(`fake: loading ${props} of a range's format is not modelled`);
    let pending: number | null = null;
    const cmd = {
      desc: { load: true, props: ['columnWidth'] },
      answer: undefined as unknown,
      apply: () => {
        const widths = new Set<number>();
        for (const t of this.targets()) for (let c = t.rect.left; c <= t.rect.right; c++) widths.add(t.sheet.columnWidths.get(c) ?? 48);
        pending = widths.size === 1 ? [...widths][0] : null;
        cmd.answer = { columnWidth: pending };
      },
    };
    this.ctx.queue.push(cmd);
    this.ctx.loads.push(() => {
      this.loadedWidth = { value: pending };
    });
    return this;
  }
  set rowHeight(v: number) {
    this.style('rowHeight', v);
  }
  /**
   * RangeFormat.useStandardWidth / useStandardHeight: true gives the columns (rows) of the range the sheet's
   * standard width (height) back — what a new sheet has; "only intended to be set to true" (Microsoft's
   * reference for Excel.RangeFormat). Range.clear leaves widths and heights as they are.
   */
  set useStandardWidth(v: boolean) {
    this.standard('columnWidth', v);
  }
  set useStandardHeight(v: boolean) {
    this.standard('rowHeight', v);
  }
  private standard(prop: 'columnWidth' | 'rowHeight', v: boolean): void {
    this.ctx.enqueue({ p: prop === 'columnWidth' ? 'useStandardWidth' : 'useStandardHeight', v }, () => {
      if (v !== true) return;
      for (const t of this.targets()) {
        guardWrite(t.sheet);
        const q = t.rect;
        const inside = (e: StyleEntry) => {
          const r = typeof e.range === 'string' ? parseRange(e.range) : e.range;
          return prop === 'columnWidth' ? r.left >= q.left && r.right <= q.right : r.top >= q.top && r.bottom <= q.bottom;
        };
        if (t.sheet.styles.some((e) => e.prop === prop && !inside(e))) throw new Error('fake: resetting part of a sized area is not modelled');
        t.sheet.styles = t.sheet.styles.filter((e) => e.prop !== prop);
        const sizes = prop === 'columnWidth' ? t.sheet.columnWidths : t.sheet.rowHeights;
        for (const k of [...sizes.keys()]) if (prop === 'columnWidth' ? k >= q.left && k <= q.right : k >= q.top && k <= q.bottom) sizes.delete(k);
      }
    });
  }
  get borders() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self2 = this;
    return {
      getItem(index: string) {
        return {
          set style(v: string) { self2.style(`border.${index}.style`, v); },
          set color(v: string) { self2.style(`border.${index}.color`, v); },
        };
      },
    };
  }
}
