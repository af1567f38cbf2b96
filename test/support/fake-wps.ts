/**
 * A fake WPS 表格 `Application` (the JSAPI object model of src/hosts/wps/model.ts), at least as strict as
 * WPS. WPS documents its JSAPI as VBA's object model, page for page (airsheet.wps.cn/docs/apiV2/excel/…, the
 * ET JSAPI reference; the 加载项 samples call `wps.EtApplication().ActiveWorkbook.Worksheets.Item(i)` the
 * same way); where its pages say nothing, the fake does what Excel VBA's reference says (learn.microsoft.com
 * /office/vba/api/excel.*) and docs/decisions.md records the assumption. Each behaviour below names its source.
 *
 * Every property read or write and every method call is one call into WPS's process: `calls` counts them,
 * `value2Reads` counts the Value2 reads, and `failAt` cuts a run at any call (as WPS closing or a refused
 * call would), leaving what the calls before it did.
 *
 * Build one from a snapshot (`FakeWps.fromSnapshot`) or from .xlsx bytes through the file host
 * (`FakeWps.fromXlsx`); a later Chromium test installs one as `window.Application`.
 */
import { colName } from '../../src/domain/cell-ref';
import { parseA1 } from '../../src/workbook/a1';
import { FileHost } from '../../src/hosts/file/host';
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { OWNER_MARK } from '../../src/workbook/meta';
import type {
  WpsApplication,
  WpsAreas,
  WpsBorders,
  WpsCells,
  WpsFont,
  WpsHyperlinks,
  WpsInterior,
  WpsName,
  WpsNames,
  WpsPageSetup,
  WpsRange,
  WpsScalar,
  WpsSheets,
  WpsValidation,
  WpsValue2,
  WpsWindow,
  WpsWorkbook,
  WpsWorksheet,
} from '../../src/hosts/wps/model';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/**
 * Cell error values as VBA returns them from Value/Value2: CVErr numbers (learn.microsoft.com/office/vba/excel/
 * concepts/cells-and-ranges/cell-error-values: xlErrNA 2042, xlErrDiv0 2007…). WPS's JSAPI pages do not say
 * how an error crosses into JavaScript (docs/decisions.md): the fake gives the bare number, the least helpful
 * answer — indistinguishable from a number — so the host must find errors another way (SpecialCells, Text).
 */
export const CVERR: Record<string, number> = {
  '#NULL!': 2000,
  '#DIV/0!': 2007,
  '#VALUE!': 2015,
  '#REF!': 2023,
  '#NAME?': 2029,
  '#NUM!': 2036,
  '#N/A': 2042,
};

/** A call WPS refused (VBA's run-time error 1004 and kin), or the cut of a run. */
export class FakeWpsError extends Error {}
export class FakeWpsCut extends Error {}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeCell {
  /** The value (a formula's cached result); errors as { error }. */
  value: CellValue;
  formula?: string;
  numberFormat: string;
  /** Locked is the default of every cell (VBA Range.Locked; Excel's Format Cells → Protection). */
  locked: boolean;
  style: Record<string, unknown>;
}

export interface FakeLink {
  row: number;
  col: number;
  subAddress: string;
  text: string;
}

const key = (r: number, c: number) => r * MAX_COLS + c;

function parseRef(ref: string): Rect {
  const a = ref.replace(/\$/g, '');
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (cols) {
    const l = parseA1(`${cols[1]}1`).col;
    const r = parseA1(`${cols[2]}1`).col;
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(l, r), right: Math.max(l, r) };
  }
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COLS - 1 };
  const [p, q] = a.split(':');
  const x = parseA1(p);
  const y = q ? parseA1(q) : x;
  return { top: Math.min(x.row, y.row), left: Math.min(x.col, y.col), bottom: Math.max(x.row, y.row), right: Math.max(x.col, y.col) };
}

const rectText = (q: Rect) => {
  const tl = `$${colName(q.left)}$${q.top + 1}`;
  return q.top === q.bottom && q.left === q.right ? tl : `${tl}:$${colName(q.right)}$${q.bottom + 1}`;
};
const overlaps = (a: Rect, b: Rect) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (r: number, c: number, q: Rect) => r >= q.top && r <= q.bottom && c >= q.left && c <= q.right;

/** A sheet name quoted in a reference when it needs it. */
function quoted(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class FakeWpsSheet {
  cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  names = new Map<string, { name: string; refersTo: string; visible: boolean }>();
  links: FakeLink[] = [];
  validations: Array<{ rect: Rect; type: number; min: unknown; max: unknown; title: string; message: string }> = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  tabColor: number | false = false;
  freeze = { rows: 0, cols: 0 };
  page: Record<string, unknown> = {};
  /** Worksheet.Protect with Contents (VBA ProtectContents). */
  protectContents = false;
  constructor(
    public name: string,
    /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
    public visible: number,
  ) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }

  /** The cell to write, created with the defaults of a new cell. */
  touch(r: number, c: number): FakeCell {
    let x = this.cells.get(key(r, c));
    if (!x) this.cells.set(key(r, c), (x = { value: null, numberFormat: 'General', locked: true, style: {} }));
    return x;
  }

  /** Values as a snapshot grid (errors as { error }), from A1. */
  grid(): CellValue[][] {
    const out: CellValue[][] = [];
    for (const [k, x] of this.cells) {
      if (x.value === null || x.value === '') continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      while (out.length <= r) out.push([]);
      const row = out[r];
      while (row.length <= c) row.push(null);
      row[c] = x.value;
    }
    return out;
  }

  used(): Rect | null {
    let q: Rect | null = null;
    for (const k of this.cells.keys()) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      q = q ? { top: Math.min(q.top, r), left: Math.min(q.left, c), bottom: Math.max(q.bottom, r), right: Math.max(q.right, c) } : { top: r, left: c, bottom: r, right: c };
    }
    return q;
  }
}

export interface FakeWpsOptions {
  /** Sheets whose contents are protected (every cell locked unless listed in `unlocked`). */
  protectedSheets?: string[];
  unlocked?: Record<string, string[]>;
  /** Formulas to place: sheet → A1 → formula text (its cached value is the snapshot's). */
  formulas?: Record<string, Record<string, string>>;
  structureProtected?: boolean;
}

/** The fake application: `Application` as a WPS 加载项 sees it. */
export class FakeWps implements WpsApplication {
  sheets: FakeWpsSheet[] = [];
  active = 0;
  selection: { sheet: string; address: string } | null = null;
  /** The active window's split (SplitRow, SplitColumn), which FreezePanes freezes. */
  split = { row: 0, col: 0 };
  structureProtected = false;
  private alerts = true;
  /** Calls into WPS so far; Value2 reads among them. */
  calls = 0;
  value2Reads = 0;
  /** Throw FakeWpsCut at this call (1-based), once. */
  failAt: number | null = null;
  private counter = 0;

  static fromSnapshot(snapshot: WorkbookSnapshot, opts: FakeWpsOptions = {}): FakeWps {
    const app = new FakeWps();
    for (const s of snapshot.sheets) {
      const ws = new FakeWpsSheet(s.name, s.visibility === 'veryHidden' ? 2 : s.visibility === 'hidden' ? 0 : -1);
      s.values.forEach((row, r) =>
        (row ?? []).forEach((v, c) => {
          if (v === null || v === undefined || v === '') return;
          const value = typeof v === 'object' && 'formula' in v ? { error: '#NAME?' } : v;
          ws.touch(r, c).value = value;
        }),
      );
      for (const m of s.merges) ws.merges.push(parseRef(m));
      if (s.marked) ws.names.set(OWNER_MARK.name.toUpperCase(), { name: OWNER_MARK.name, refersTo: `=${OWNER_MARK.formula}`, visible: false });
      for (const w of s.columnWidths ?? []) for (let c = w.first; c <= w.last; c++) ws.columnWidths.set(c, Math.max(0, ((w.width * 7 - 5) / 7)));
      ws.protectContents = (opts.protectedSheets ?? []).includes(s.name);
      for (const a of opts.unlocked?.[s.name] ?? []) {
        const q = parseRef(a);
        for (let r = q.top; r <= q.bottom; r++) for (let c = q.left; c <= q.right; c++) ws.touch(r, c).locked = false;
      }
      for (const [a, f] of Object.entries(opts.formulas?.[s.name] ?? {})) {
        const p = parseA1(a);
        ws.touch(p.row, p.col).formula = f;
      }
      app.sheets.push(ws);
    }
    app.structureProtected = !!opts.structureProtected;
    app.active = Math.max(0, app.sheets.findIndex((s) => s.visible === -1));
    return app;
  }

  /** Through the file host: what WPS shows when it opens the .xlsx. */
  static async fromXlsx(bytes: Uint8Array, opts: FakeWpsOptions = {}): Promise<FakeWps> {
    return FakeWps.fromSnapshot(await new FileHost(bytes).read(), opts);
  }

  /** One call into WPS (and the cut, when armed). */
  tick(): void {
    this.calls++;
    this.counter++;
    if (this.failAt !== null && this.counter >= this.failAt) {
      this.failAt = null;
      throw new FakeWpsCut(`cut at call ${this.counter}`);
    }
  }

  /** Arm a cut at the n-th call from now. */
  cutAt(n: number): void {
    this.counter = 0;
    this.failAt = n;
  }

  sheet(name: string): FakeWpsSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        values: s.grid(),
        merges: s.merges.map((q) => rectText(q).replace(/\$/g, '')),
        visibility: s.visible === 2 ? ('veryHidden' as const) : s.visible === 0 ? ('hidden' as const) : ('visible' as const),
        ...([...s.names.values()].some((n) => n.name === OWNER_MARK.name && n.refersTo === `=${OWNER_MARK.formula}`) ? { marked: true } : {}),
      })),
    };
  }

  /** Everything a user could observe, as one string: sheets in order with their cells, formats, styles, merges, names, links, layout; the active sheet. */
  fingerprint(skip: (s: FakeWpsSheet) => boolean = () => false): string {
    return JSON.stringify({
      active: this.sheets[this.active]?.name,
      sheets: this.sheets.filter((s) => !skip(s)).map((s) => ({
        name: s.name,
        visible: s.visible,
        cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]).filter(([, x]) => x.value !== null || x.formula || x.numberFormat !== 'General' || !x.locked || Object.keys(x.style).length),
        merges: s.merges,
        names: [...s.names.values()],
        links: s.links,
        validations: s.validations,
        widths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        heights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        tab: s.tabColor,
        freeze: s.freeze,
        page: s.page,
        protect: s.protectContents,
      })),
    });
  }

  // ── the object model ──

  get ActiveWorkbook(): WpsWorkbook {
    this.tick();
    return new Workbook(this);
  }

  get ActiveSheet(): WpsWorksheet {
    this.tick();
    return new Worksheet(this, this.sheets[this.active]);
  }

  get ActiveWindow(): WpsWindow {
    this.tick();
    return new Window(this);
  }

  get DisplayAlerts(): boolean {
    this.tick();
    return this.alerts;
  }

  set DisplayAlerts(v: boolean) {
    this.tick();
    this.alerts = v;
  }

  get ScreenUpdating(): boolean {
    this.tick();
    return true;
  }

  set ScreenUpdating(_v: boolean) {
    this.tick();
  }

  alertsOn(): boolean {
    return this.alerts;
  }

  /** VBA error 1004 when the workbook's structure is protected (Review → Protect Workbook): no sheet added, removed, renamed, moved, hidden. */
  checkStructure(): void {
    if (this.structureProtected) throw new FakeWpsError('The workbook structure is protected (1004)');
  }

  visibleCount(): number {
    return this.sheets.filter((s) => s.visible === -1).length;
  }

  /**
   * Sheet-name rules of Excel, which WPS keeps (support.microsoft.com "Rename a worksheet": not blank, at most
   * 31 characters, none of / \ ? * : [ ], not beginning or ending with an apostrophe, "History" reserved;
   * VBA refuses a name another sheet has, compared without case, with error 1004).
   */
  checkName(name: string, self: FakeWpsSheet | null): void {
    if (typeof name !== 'string' || name.trim() === '') throw new FakeWpsError('A sheet name cannot be blank (1004)');
    if (name.length > 31) throw new FakeWpsError('A sheet name has at most 31 characters (1004)');
    if (/[/\\?*:[\]]/.test(name)) throw new FakeWpsError('A sheet name cannot hold / \\ ? * : [ ] (1004)');
    if (name.startsWith("'") || name.endsWith("'")) throw new FakeWpsError('A sheet name cannot begin or end with an apostrophe (1004)');
    if (name.toLowerCase() === 'history') throw new FakeWpsError('"History" is a reserved name (1004)');
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase())) throw new FakeWpsError(`That name is already taken: ${name} (1004)`);
  }

  /** A reference to a sheet in a formula, as text: `Sheet!`, `'My sheet'!`. */
  private refPattern(name: string): RegExp {
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?:'${esc(name.replace(/'/g, "''"))}'|${esc(name)})!(\\$?[A-Z]+\\$?\\d+(?::\\$?[A-Z]+\\$?\\d+)?)`, 'gi');
  }

  /** Renaming a sheet rewrites every formula that refers to it (Excel, and WPS as a compatible spreadsheet). */
  renamed(from: string, to: string): void {
    const re = this.refPattern(from);
    for (const s of this.sheets) for (const x of s.cells.values()) if (x.formula) x.formula = x.formula.replace(re, `${quoted(to)}!$1`);
  }

  // ── the add-in's shell: what src/wps/shell.ts uses besides the workbook ──
  //
  // WPS's 加载项 documentation lists these on `Application` (= the global `wps` of an add-in's pages), and the
  // ribbon.js of the add-ins wpsjs creates calls them this way: `wps.PluginStorage.getItem("taskpane_id")`, then
  // `wps.GetTaskPane(tsId)` or `let tskpane = wps.CreateTaskPane(url); wps.PluginStorage.setItem("taskpane_id",
  // tskpane.ID); tskpane.Visible = true`, and `wps.ShowDialog(url, caption, 400 * window.devicePixelRatio, 400 *
  // window.devicePixelRatio, false)`. Each is one call into WPS's process, as the workbook's members are.

  /** What PluginStorage holds, per add-in (shared by every page of one add-in: index.html, the pane, a dialog). */
  storage = new Map<string, string>();
  /** The panes CreateTaskPane made, in order; the dialogs ShowDialog opened. */
  panes: { ID: number; url: string; Visible: boolean; DockPosition: number }[] = [];
  dialogs: { url: string; caption: string; width: number; height: number; modal: boolean | undefined }[] = [];

  /**
   * PluginStorage.getItem/setItem: setItem keeps the value as text (the wpsjs templates store the pane's numeric
   * ID and read it back to pass to GetTaskPane, which takes it either way); getItem of a key never set gives
   * undefined (nothing documents an empty string, so code must handle the absent value).
   */
  get PluginStorage(): { getItem(key: string): string | undefined; setItem(key: string, value: string): void; removeItem(key: string): void } {
    this.tick();
    return {
      getItem: (k: string) => {
        this.tick();
        return this.storage.get(k);
      },
      setItem: (k: string, v: string) => {
        this.tick();
        this.storage.set(k, String(v));
      },
      removeItem: (k: string) => {
        this.tick();
        this.storage.delete(k);
      },
    };
  }

  /**
   * CreateTaskPane(url): a new pane each call, hidden until Visible is set (the templates set `Visible = true`
   * after creating it), with a numeric ID to find it again. DockPosition is msoCTPDockPositionRight's value by
   * default (Office's CustomTaskPane, which WPS's 加载项 TaskPane repeats). The templates always pass an absolute URL
   * (`GetUrlPath() + "/ui/taskpane.html"`); whether WPS resolves a relative one is not documented, so the fake
   * refuses it (docs/decisions.md).
   */
  CreateTaskPane(url: string): { ID: number; Visible: boolean; DockPosition: number } {
    this.tick();
    if (typeof url !== 'string' || !/^(https?|file):/.test(url)) throw new FakeWpsError(`CreateTaskPane needs the page's absolute URL: ${String(url)}`);
    const pane = { ID: this.panes.length + 1, url, Visible: false, DockPosition: 2 };
    this.panes.push(pane);
    return pane;
  }

  /**
   * GetTaskPane(id): the pane CreateTaskPane made with that ID (as a number or its text, as PluginStorage gives
   * it back). An unknown ID: WPS's pages do not say; the fake throws, the harsher answer, which src/wps/ribbon.ts
   * must survive by creating a new pane.
   */
  GetTaskPane(id: string | number): { ID: number; Visible: boolean; DockPosition: number } {
    this.tick();
    const pane = this.panes.find((p) => String(p.ID) === String(id));
    if (!pane) throw new FakeWpsError(`No task pane ${String(id)}`);
    return pane;
  }

  /** ShowDialog(url, caption, width, height, modal): opens the page in a WPS dialog (recorded; the fake shows nothing); an absolute URL only, as for CreateTaskPane. */
  ShowDialog(url: string, caption: string, width: number, height: number, modal?: boolean): void {
    this.tick();
    if (typeof url !== 'string' || !/^(https?|file):/.test(url)) throw new FakeWpsError(`ShowDialog needs the page's absolute URL: ${String(url)}`);
    this.dialogs.push({ url, caption, width, height, modal });
  }

  /** Application.Enum: the Office enumerations WPS repeats; the ribbon uses msoCTPDockPositionRight (MsoCTPDockPosition, learn.microsoft.com/office/vba/api/office.msoctpdockposition: Left 0, Top 1, Right 2, Bottom 3, Floating 4). */
  get Enum(): Record<string, number> {
    this.tick();
    return { msoCTPDockPositionLeft: 0, msoCTPDockPositionTop: 1, msoCTPDockPositionRight: 2, msoCTPDockPositionBottom: 3, msoCTPDockPositionFloating: 4 };
  }

  /** Deleting a sheet turns every reference to it into #REF! (Excel; test/office/references.test.ts). */
  deleted(name: string): void {
    const re = this.refPattern(name);
    for (const s of this.sheets) {
      for (const x of s.cells.values()) {
        if (x.formula && re.test(x.formula)) {
          x.formula = x.formula.replace(this.refPattern(name), '#REF!');
          x.value = { error: '#REF!' };
        }
      }
    }
  }
}

class Workbook implements WpsWorkbook {
  constructor(private readonly app: FakeWps) {}
  get Name(): string {
    this.app.tick();
    return 'Book1.xlsx';
  }
  get FullName(): string {
    this.app.tick();
    return 'Book1.xlsx';
  }
  get Worksheets(): WpsSheets {
    this.app.tick();
    return new Sheets(this.app);
  }
  get Sheets(): WpsSheets {
    this.app.tick();
    return new Sheets(this.app);
  }
  get ProtectStructure(): boolean {
    this.app.tick();
    return this.app.structureProtected;
  }
}

class Sheets implements WpsSheets {
  constructor(private readonly app: FakeWps) {}
  get Count(): number {
    this.app.tick();
    return this.app.sheets.length;
  }

  /**
   * 1-based, or by name compared without case (airsheet.wps.cn Worksheet.Visible example: `for (let i = 1; i <=
   * Sheets.Count; i++) Application.Sheets.Item(i)`; VBA Worksheets.Item). Item(0), an index past Count or an
   * unknown name is VBA's "Subscript out of range" (error 9).
   */
  Item(index: number | string): WpsWorksheet {
    this.app.tick();
    const s =
      typeof index === 'number'
        ? Number.isInteger(index) && index >= 1 && index <= this.app.sheets.length
          ? this.app.sheets[index - 1]
          : undefined
        : this.app.sheets.find((x) => x.name.toLowerCase() === String(index).toLowerCase());
    if (!s) throw new FakeWpsError(`Subscript out of range (9): ${String(index)}`);
    return new Worksheet(this.app, s);
  }

  /** Worksheets.Add(Before, After): a new sheet named SheetN, placed and made active (VBA). */
  Add(Before?: WpsWorksheet, After?: WpsWorksheet): WpsWorksheet {
    this.app.tick();
    this.app.checkStructure();
    let n = this.app.sheets.length + 1;
    while (this.app.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
    const ws = new FakeWpsSheet(`Sheet${n}`, -1);
    const at = After ? indexOfHandle(this.app, After) + 1 : Before ? indexOfHandle(this.app, Before) : this.app.active;
    this.app.sheets.splice(at, 0, ws);
    this.app.active = at;
    return new Worksheet(this.app, ws);
  }
}

function indexOfHandle(app: FakeWps, h: WpsWorksheet): number {
  const s = (h as Worksheet).sheet;
  const i = app.sheets.indexOf(s);
  if (i < 0) throw new FakeWpsError('Object required: the sheet no longer exists (424)');
  return i;
}

class Worksheet implements WpsWorksheet {
  constructor(
    private readonly app: FakeWps,
    readonly sheet: FakeWpsSheet,
  ) {}

  /** A handle to a deleted sheet fails (VBA "Object required" / automation error). */
  private live(): FakeWpsSheet {
    if (!this.app.sheets.includes(this.sheet)) throw new FakeWpsError('The sheet was deleted (424)');
    return this.sheet;
  }

  get Name(): string {
    this.app.tick();
    return this.live().name;
  }
  set Name(v: string) {
    this.app.tick();
    const s = this.live();
    if (s.name === v) return;
    this.app.checkStructure();
    this.app.checkName(v, s);
    const old = s.name;
    s.name = v;
    this.app.renamed(old, v);
  }

  get Visible(): number {
    this.app.tick();
    return this.live().visible;
  }

  /**
   * XlSheetVisibility: xlSheetVisible -1 (or true), xlSheetHidden 0 (or false), xlSheetVeryHidden 2 (airsheet.wps.cn
   * Worksheet.Visible; VBA XlSheetVisibility). Hiding the last visible sheet fails (Excel: "A workbook must
   * contain at least one visible worksheet", 1004).
   */
  set Visible(v: number | boolean) {
    this.app.tick();
    const s = this.live();
    const next = v === true ? -1 : v === false ? 0 : v;
    if (next !== -1 && next !== 0 && next !== 2) throw new FakeWpsError(`Invalid XlSheetVisibility ${String(v)} (1004)`);
    if (next === s.visible) return;
    this.app.checkStructure();
    if (next !== -1 && s.visible === -1 && this.app.visibleCount() === 1) throw new FakeWpsError('A workbook must contain at least one visible worksheet (1004)');
    s.visible = next;
    if (next !== -1 && this.app.sheets[this.app.active] === s) this.app.active = this.app.sheets.findIndex((x) => x.visible === -1);
  }

  get Index(): number {
    this.app.tick();
    return this.app.sheets.indexOf(this.live()) + 1;
  }
  get ProtectContents(): boolean {
    this.app.tick();
    return this.live().protectContents;
  }
  get StandardWidth(): number {
    this.app.tick();
    return 8.38;
  }
  get StandardHeight(): number {
    this.app.tick();
    return 13.5;
  }

  /** The used range: every cell holding a value or a format; an empty sheet's is A1 (VBA). */
  get UsedRange(): WpsRange {
    this.app.tick();
    const q = this.live().used() ?? { top: 0, left: 0, bottom: 0, right: 0 };
    return new Range(this.app, this.sheet, [q]);
  }
  get Cells(): WpsCells {
    this.app.tick();
    return new Range(this.app, this.live(), [{ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }]);
  }
  get Names(): WpsNames {
    this.app.tick();
    return new Names(this.app, this.live());
  }
  get PageSetup(): WpsPageSetup {
    this.app.tick();
    return recorder(this.app, this.live().page) as unknown as WpsPageSetup;
  }
  get Tab(): { Color: number | false } {
    this.app.tick();
    const s = this.live();
    const app = this.app;
    return {
      get Color() {
        app.tick();
        return s.tabColor;
      },
      set Color(v: number | false) {
        app.tick();
        s.tabColor = v;
      },
    };
  }
  get Hyperlinks(): WpsHyperlinks {
    this.app.tick();
    const s = this.live();
    const app = this.app;
    return {
      /** Hyperlinks.Add puts TextToDisplay into the anchor cell (VBA Hyperlinks.Add). */
      Add(Anchor: WpsRange, _Address: string, SubAddress?: string, _ScreenTip?: string, TextToDisplay?: string) {
        app.tick();
        const q = (Anchor as Range).areas[0];
        (Anchor as Range).guard();
        s.links.push({ row: q.top, col: q.left, subAddress: SubAddress ?? '', text: TextToDisplay ?? '' });
        s.touch(q.top, q.left).value = TextToDisplay ?? SubAddress ?? '';
        return {};
      },
    };
  }

  /** Range("A1"), Range("A1:C3"), Range("A:C"), Range("5:5"), Range("A1:B2,D4"): several areas separated by commas (VBA). */
  Range(address: string): WpsRange {
    this.app.tick();
    const s = this.live();
    const areas = address.split(',').map((a) => {
      const bang = a.lastIndexOf('!');
      return parseRef(bang >= 0 ? a.slice(bang + 1) : a);
    });
    return new Range(this.app, s, areas);
  }

  /** Activating a hidden sheet fails (VBA "Activate method of Worksheet class failed", 1004). */
  Activate(): void {
    this.app.tick();
    const s = this.live();
    if (s.visible !== -1) throw new FakeWpsError('Activate method of Worksheet class failed: the sheet is hidden (1004)');
    this.app.active = this.app.sheets.indexOf(s);
  }

  /**
   * Worksheet.Delete: with DisplayAlerts on, WPS asks "delete this sheet?" and the call waits for a person (VBA:
   * "set DisplayAlerts to False to delete without the prompt"), which a run must never do — the fake refuses.
   * The last visible sheet cannot be deleted (1004). References to the sheet become #REF!.
   */
  Delete(): void {
    this.app.tick();
    const s = this.live();
    this.app.checkStructure();
    if (this.app.alertsOn()) throw new FakeWpsError('Worksheet.Delete with DisplayAlerts on: a confirmation dialog would wait for the user');
    if (s.visible === -1 && this.app.visibleCount() === 1) throw new FakeWpsError('A workbook must contain at least one visible worksheet (1004)');
    const i = this.app.sheets.indexOf(s);
    const activeSheet = this.app.sheets[this.app.active];
    this.app.sheets.splice(i, 1);
    this.app.deleted(s.name);
    const j = this.app.sheets.indexOf(activeSheet);
    this.app.active = j >= 0 ? j : Math.max(0, this.app.sheets.findIndex((x) => x.visible === -1));
  }

  Move(Before?: WpsWorksheet, After?: WpsWorksheet): void {
    this.app.tick();
    const s = this.live();
    this.app.checkStructure();
    const target = (After ?? Before) as Worksheet | undefined;
    if (!target) throw new FakeWpsError('Move without Before or After makes a new workbook: not supported');
    if (target.sheet === s) return;
    const activeSheet = this.app.sheets[this.app.active];
    this.app.sheets.splice(this.app.sheets.indexOf(s), 1);
    const at = this.app.sheets.indexOf(target.sheet) + (After ? 1 : 0);
    this.app.sheets.splice(at, 0, s);
    this.app.active = this.app.sheets.indexOf(activeSheet);
  }
}

/** An object whose every property read and write is a call (PageSetup). */
function recorder(app: FakeWps, store: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(store, {
    get(t, p) {
      app.tick();
      return t[p as string];
    },
    set(t, p, v) {
      app.tick();
      t[p as string] = v;
      return true;
    },
  });
}

class Names implements WpsNames {
  constructor(
    private readonly app: FakeWps,
    private readonly sheet: FakeWpsSheet,
  ) {}
  get Count(): number {
    this.app.tick();
    return this.sheet.names.size;
  }
  Item(index: number | string): WpsName {
    this.app.tick();
    const list = [...this.sheet.names.values()];
    const n = typeof index === 'number' ? (index >= 1 ? list[index - 1] : undefined) : this.sheet.names.get(String(index).replace(/^.*!/, '').toUpperCase());
    if (!n) throw new FakeWpsError(`Subscript out of range (9): ${String(index)}`);
    return this.handle(n);
  }

  /** Worksheet.Names.Add makes a sheet-level name; an existing one of the same name is replaced (VBA Names.Add). */
  Add(Name: string, RefersTo: string, Visible = true): WpsName {
    this.app.tick();
    const n = { name: Name, refersTo: RefersTo, visible: Visible };
    this.sheet.names.set(Name.toUpperCase(), n);
    return this.handle(n);
  }

  private handle(n: { name: string; refersTo: string; visible: boolean }): WpsName {
    const app = this.app;
    const sheet = this.sheet;
    return {
      /** A sheet-level name reads with its sheet: `Sheet1!Name`, `'My sheet'!Name` (VBA Name.Name). */
      get Name() {
        app.tick();
        return `${quoted(sheet.name)}!${n.name}`;
      },
      get RefersTo() {
        app.tick();
        return n.refersTo;
      },
      get Visible() {
        app.tick();
        return n.visible;
      },
      set Visible(v: boolean) {
        app.tick();
        n.visible = v;
      },
      Delete() {
        app.tick();
        sheet.names.delete(n.name.toUpperCase());
      },
    };
  }
}

class Window implements WpsWindow {
  constructor(private readonly app: FakeWps) {}
  private get sheet(): FakeWpsSheet {
    return this.app.sheets[this.app.active];
  }
  get FreezePanes(): boolean {
    this.app.tick();
    return this.sheet.freeze.rows > 0 || this.sheet.freeze.cols > 0;
  }
  /** Freezing takes SplitRow and SplitColumn of the active window's sheet (VBA Window.FreezePanes). */
  set FreezePanes(v: boolean) {
    this.app.tick();
    this.sheet.freeze = v ? { rows: this.app.split.row, cols: this.app.split.col } : { rows: 0, cols: 0 };
    if (!v) this.app.split = { row: 0, col: 0 };
  }
  get SplitRow(): number {
    this.app.tick();
    return this.app.split.row;
  }
  set SplitRow(v: number) {
    this.app.tick();
    this.app.split.row = v;
  }
  get SplitColumn(): number {
    this.app.tick();
    return this.app.split.col;
  }
  set SplitColumn(v: number) {
    this.app.tick();
    this.app.split.col = v;
  }
  get ScrollRow(): number {
    this.app.tick();
    return 1;
  }
  set ScrollRow(_v: number) {
    this.app.tick();
  }
  get ScrollColumn(): number {
    this.app.tick();
    return 1;
  }
  set ScrollColumn(_v: number) {
    this.app.tick();
  }
}

function scalarOf(v: CellValue): WpsScalar {
  if (v === null) return undefined; // an empty cell: VBA's Empty (WPS's pages are silent; the host accepts undefined, null and '')
  if (typeof v === 'object') return 'error' in v ? CVERR[v.error] ?? 2015 : undefined;
  return v;
}

function textOf(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return 'error' in v ? v.error : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

class Range implements WpsCells {
  constructor(
    private readonly app: FakeWps,
    private readonly sheet: FakeWpsSheet,
    readonly areas: Rect[],
  ) {}

  private get q(): Rect {
    return this.areas[0];
  }

  private *each(): Generator<[number, number]> {
    for (const q of this.areas) for (let r = q.top; r <= q.bottom; r++) for (let c = q.left; c <= q.right; c++) yield [r, c];
  }

  /** The stored cells within the areas (without visiting every empty cell of a whole column or sheet). */
  private stored(): Array<[number, number, FakeCell]> {
    const out: Array<[number, number, FakeCell]> = [];
    for (const [k, x] of this.sheet.cells) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (this.areas.some((q) => inside(r, c, q))) out.push([r, c, x]);
    }
    return out;
  }

  private whole(): boolean {
    return this.areas.some((q) => (q.bottom - q.top + 1) * (q.right - q.left + 1) > 5_000_000);
  }

  /**
   * Changing a locked cell of a protected sheet fails (VBA 1004: "The cell or chart that you are trying to change
   * is on a protected sheet"; Excel locks every cell by default, Format Cells → Protection).
   */
  guard(): void {
    if (!this.sheet.protectContents) return;
    if (this.whole()) throw new FakeWpsError('The cell you are trying to change is on a protected sheet (1004)');
    for (const [r, c] of this.each()) {
      if (this.sheet.cell(r, c)?.locked !== false) throw new FakeWpsError(`The cell ${colName(c)}${r + 1} is on a protected sheet (1004)`);
    }
  }

  /**
   * One cell: a scalar; several: a 2D array, rows of columns (VBA Range.Value: "for a range of more than one cell,
   * a 2-dimensional array"; airsheet.wps.cn Range.Value2, same semantics). Dates are serial numbers (Value2 uses
   * no Date type). Errors as CVERR numbers (see CVERR).
   */
  get Value2(): WpsValue2 {
    this.app.tick();
    this.app.value2Reads++;
    const q = this.q;
    if (this.whole()) throw new FakeWpsError('Not enough memory: Value2 of a whole sheet');
    if (q.top === q.bottom && q.left === q.right) return scalarOf(this.sheet.cell(q.top, q.left)?.value ?? null);
    const out: WpsScalar[][] = [];
    for (let r = q.top; r <= q.bottom; r++) {
      const row: WpsScalar[] = [];
      for (let c = q.left; c <= q.right; c++) row.push(scalarOf(this.sheet.cell(r, c)?.value ?? null));
      out.push(row);
    }
    return out;
  }

  /**
   * A scalar goes to every cell; a 2D array fills the range in one call, and cells of the range beyond the array
   * get #N/A (VBA Range.Value: "If the target range is larger than the array, the remaining cells will receive
   * an error value"). A string is entered as typed into a cell of its number format: in a Text ("@") cell it stays
   * text; elsewhere `=…` becomes a formula, a number or TRUE/FALSE a number or boolean (Excel, and WPS alike); a
   * leading apostrophe makes the rest text. An empty string leaves the cell empty.
   */
  set Value2(v: WpsValue2) {
    this.app.tick();
    this.guard();
    const q = this.q;
    const rows = q.bottom - q.top + 1;
    const cols = q.right - q.left + 1;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (Array.isArray(v) && (!v[r] || c >= v[r].length)) {
          const cell = this.sheet.touch(q.top + r, q.left + c);
          delete cell.formula;
          cell.value = { error: '#N/A' };
          continue;
        }
        this.enter(q.top + r, q.left + c, Array.isArray(v) ? v[r][c] : v);
      }
    }
  }

  private enter(r: number, c: number, x: WpsScalar): void {
    const cell = this.sheet.touch(r, c);
    delete cell.formula;
    if (x === undefined || x === null || x === '') {
      cell.value = null;
      return;
    }
    if (typeof x !== 'string' || cell.numberFormat === '@') {
      cell.value = x;
      return;
    }
    if (x.startsWith("'")) {
      cell.value = x.slice(1);
      return;
    }
    if (/^[=+]/.test(x) || (/^-/.test(x) && !/^-\s*[\d.]/.test(x))) {
      cell.formula = x;
      cell.value = { error: '#NAME?' }; // the fake does not calculate: a formula where text was meant shows as an error
      return;
    }
    const n = Number(x.replace(/,/g, ''));
    if (x.trim() !== '' && Number.isFinite(n) && /^[-\s\d.,+eE]+$/.test(x)) {
      cell.value = n;
      return;
    }
    const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(x.trim());
    if (date) {
      cell.value = (Date.UTC(+date[1], +date[2] - 1, +date[3]) - Date.UTC(1899, 11, 30)) / 86_400_000; // a date, as its serial
      return;
    }
    if (/^(true|false)$/i.test(x)) {
      cell.value = /^true$/i.test(x);
      return;
    }
    cell.value = x;
  }

  get Formula(): string {
    this.app.tick();
    const x = this.sheet.cell(this.q.top, this.q.left);
    return x?.formula ?? textOf(x?.value ?? null);
  }
  set Formula(v: string | string[][]) {
    this.app.tick();
    this.guard();
    for (const [r, c] of this.each()) {
      const f = Array.isArray(v) ? v[r - this.q.top][c - this.q.left] : v;
      this.enter(r, c, f);
    }
  }

  /** One format for the range, or null when its cells differ (VBA Range.NumberFormat). */
  get NumberFormat(): string | null {
    this.app.tick();
    let f: string | null | undefined;
    for (const [r, c] of this.each()) {
      const g = this.sheet.cell(r, c)?.numberFormat ?? 'General';
      if (f === undefined) f = g;
      else if (f !== g) return null;
    }
    return f ?? 'General';
  }
  set NumberFormat(v: string | null) {
    this.app.tick();
    this.guard();
    if (this.whole()) throw new FakeWpsError('the fake keeps formats of bounded ranges only');
    for (const [r, c] of this.each()) this.sheet.touch(r, c).numberFormat = v ?? 'General';
  }

  get Text(): string | null {
    this.app.tick();
    let t: string | undefined;
    for (const [r, c] of this.each()) {
      const x = textOf(this.sheet.cell(r, c)?.value ?? null);
      if (t === undefined) t = x;
      else if (t !== x) return null; // VBA: Null when the cells' texts differ
    }
    return t ?? '';
  }

  get Address(): string {
    this.app.tick();
    return this.areas.map(rectText).join(',');
  }
  get Row(): number {
    this.app.tick();
    return this.q.top + 1;
  }
  get Column(): number {
    this.app.tick();
    return this.q.left + 1;
  }
  get Rows(): { readonly Count: number } {
    this.app.tick();
    return { Count: this.q.bottom - this.q.top + 1 };
  }
  get Columns(): { readonly Count: number } {
    this.app.tick();
    return { Count: this.q.right - this.q.left + 1 };
  }
  get Areas(): WpsAreas {
    this.app.tick();
    const app = this.app;
    const areas = this.areas;
    const sheet = this.sheet;
    return {
      get Count() {
        app.tick();
        return areas.length;
      },
      Item(i: number) {
        app.tick();
        if (!Number.isInteger(i) || i < 1 || i > areas.length) throw new FakeWpsError(`Subscript out of range (9): ${i}`);
        return new Range(app, sheet, [areas[i - 1]]);
      },
    };
  }

  /** True when every cell is in a merged area, false when none is, null when some are (VBA Range.MergeCells). */
  get MergeCells(): boolean | null {
    this.app.tick();
    const q = this.q;
    const area = (q.bottom - q.top + 1) * (q.right - q.left + 1);
    let covered = 0;
    for (const m of this.sheet.merges) {
      if (!overlaps(m, q)) continue;
      covered += (Math.min(m.bottom, q.bottom) - Math.max(m.top, q.top) + 1) * (Math.min(m.right, q.right) - Math.max(m.left, q.left) + 1);
    }
    return covered === 0 ? false : covered === area ? true : null;
  }
  get MergeArea(): WpsRange {
    this.app.tick();
    const q = this.q;
    const m = this.sheet.merges.find((x) => inside(q.top, q.left, x));
    return new Range(this.app, this.sheet, [m ?? { top: q.top, left: q.left, bottom: q.top, right: q.left }]);
  }
  get Locked(): boolean | null {
    this.app.tick();
    return this.sheet.cell(this.q.top, this.q.left)?.locked ?? true;
  }
  get Cells(): WpsCells {
    this.app.tick();
    return this;
  }

  /** Cells.Item(row, column), 1-based from the range's top-left (VBA Range.Item). */
  Item(row: number, column: number): WpsRange {
    this.app.tick();
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) throw new FakeWpsError(`Cells.Item(${row}, ${column}): 1-based (1004)`);
    const r = this.q.top + row - 1;
    const c = this.q.left + column - 1;
    return new Range(this.app, this.sheet, [{ top: r, left: c, bottom: r, right: c }]);
  }

  private styleObject(group: string, props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of props) {
      Object.defineProperty(out, p, {
        get: () => {
          this.app.tick();
          return this.sheet.cell(this.q.top, this.q.left)?.style[`${group}.${p}`] ?? null;
        },
        set: (v: unknown) => {
          this.app.tick();
          this.guard();
          if (this.whole()) throw new FakeWpsError('the fake keeps styles of bounded ranges only');
          for (const [r, c] of this.each()) this.sheet.touch(r, c).style[`${group}.${p}`] = v;
        },
      });
    }
    return out;
  }

  get Font(): WpsFont {
    this.app.tick();
    return this.styleObject('Font', ['Bold', 'Italic', 'Size', 'Name', 'Color']) as unknown as WpsFont;
  }
  get Interior(): WpsInterior {
    this.app.tick();
    return this.styleObject('Interior', ['Color']) as unknown as WpsInterior;
  }
  get Borders(): WpsBorders {
    this.app.tick();
    return this.styleObject('Borders', ['LineStyle', 'Color']) as unknown as WpsBorders;
  }
  private alignment(p: string): number | boolean | null {
    this.app.tick();
    return (this.sheet.cell(this.q.top, this.q.left)?.style[p] as number | boolean | undefined) ?? null;
  }
  private setStyle(p: string, v: unknown): void {
    this.app.tick();
    this.guard();
    for (const [r, c] of this.each()) this.sheet.touch(r, c).style[p] = v;
  }
  get HorizontalAlignment(): number | null {
    return this.alignment('HorizontalAlignment') as number | null;
  }
  set HorizontalAlignment(v: number | null) {
    this.setStyle('HorizontalAlignment', v);
  }
  get VerticalAlignment(): number | null {
    return this.alignment('VerticalAlignment') as number | null;
  }
  set VerticalAlignment(v: number | null) {
    this.setStyle('VerticalAlignment', v);
  }
  get WrapText(): boolean | null {
    return this.alignment('WrapText') as boolean | null;
  }
  set WrapText(v: boolean | null) {
    this.setStyle('WrapText', v);
  }

  get Validation(): WpsValidation {
    this.app.tick();
    const app = this.app;
    const sheet = this.sheet;
    const q = this.q;
    const guard = () => this.guard();
    const find = () => sheet.validations.find((x) => x.rect.top === q.top && x.rect.left === q.left && x.rect.bottom === q.bottom && x.rect.right === q.right);
    return {
      /** Validation.Add on a range that has validation fails: Delete it first (VBA Validation.Add, error 1004). */
      Add(Type: number, _AlertStyle?: number, _Operator?: number, Formula1?: string | number, Formula2?: string | number) {
        app.tick();
        guard();
        if (sheet.validations.some((x) => overlaps(x.rect, q))) throw new FakeWpsError('Validation.Add: the range has validation already (1004)');
        sheet.validations.push({ rect: q, type: Type, min: Formula1, max: Formula2, title: '', message: '' });
      },
      Delete() {
        app.tick();
        guard();
        sheet.validations = sheet.validations.filter((x) => !overlaps(x.rect, q));
      },
      get ErrorTitle() {
        app.tick();
        return find()?.title ?? '';
      },
      set ErrorTitle(v: string) {
        app.tick();
        const x = find();
        if (!x) throw new FakeWpsError('No validation on the range (1004)');
        x.title = v;
      },
      get ErrorMessage() {
        app.tick();
        return find()?.message ?? '';
      },
      set ErrorMessage(v: string) {
        app.tick();
        const x = find();
        if (!x) throw new FakeWpsError('No validation on the range (1004)');
        x.message = v;
      },
    };
  }

  /** In characters of the standard font's digit (VBA Range.ColumnWidth); null when the columns differ. */
  get ColumnWidth(): number | null {
    this.app.tick();
    const q = this.q;
    const w = this.sheet.columnWidths.get(q.left) ?? 8.38;
    for (let c = q.left; c <= q.right; c++) if ((this.sheet.columnWidths.get(c) ?? 8.38) !== w) return null;
    return w;
  }
  set ColumnWidth(v: number | null) {
    this.app.tick();
    if (this.sheet.protectContents) throw new FakeWpsError('Column widths of a protected sheet cannot change (1004)');
    const q = this.q;
    if (q.right - q.left + 1 === MAX_COLS) {
      this.sheet.columnWidths.clear();
      return;
    }
    for (let c = q.left; c <= q.right; c++) this.sheet.columnWidths.set(c, v ?? 8.38);
  }
  get RowHeight(): number | null {
    this.app.tick();
    return this.sheet.rowHeights.get(this.q.top) ?? 13.5;
  }
  set RowHeight(v: number | null) {
    this.app.tick();
    if (this.sheet.protectContents) throw new FakeWpsError('Row heights of a protected sheet cannot change (1004)');
    const q = this.q;
    if (q.bottom - q.top + 1 === MAX_ROWS) {
      this.sheet.rowHeights.clear();
      return;
    }
    for (let r = q.top; r <= q.bottom; r++) this.sheet.rowHeights.set(r, v ?? 13.5);
  }

  /** Merging keeps the upper-left value only (VBA Range.Merge; with alerts on, Excel would ask first). */
  Merge(): void {
    this.app.tick();
    this.guard();
    const q = this.q;
    if (this.sheet.merges.some((m) => overlaps(m, q))) throw new FakeWpsError('Cannot merge over a merged area (1004)');
    for (const [r, c, x] of this.stored()) {
      if (r === q.top && c === q.left) continue;
      if (x.value !== null && this.app.alertsOn()) throw new FakeWpsError('Merging would discard values: a confirmation dialog would wait for the user');
      x.value = null;
      void r;
      void c;
    }
    this.sheet.merges.push({ ...q });
  }
  UnMerge(): void {
    this.app.tick();
    this.guard();
    this.sheet.merges = this.sheet.merges.filter((m) => !this.areas.some((q) => overlaps(m, q)));
  }

  /** Clears values, formulas and formats; the cells themselves (and references to them) stay (VBA Range.Clear). */
  Clear(): void {
    this.app.tick();
    this.guard();
    for (const [r, c] of this.stored().map(([r, c]) => [r, c] as const)) this.sheet.cells.delete(key(r, c));
    this.sheet.links = this.sheet.links.filter((l) => !this.areas.some((q) => inside(l.row, l.col, q)));
  }

  Select(): void {
    this.app.tick();
    if (this.app.sheets[this.app.active] !== this.sheet) throw new FakeWpsError('Select method of Range class failed: its sheet is not active (1004)');
    this.app.selection = { sheet: this.sheet.name, address: this.areas.map(rectText).join(',').replace(/\$/g, '') };
  }

  /**
   * Cells of a type (XlCellType: constants 2, formulas -4123) and value (XlSpecialCellsValue: errors 16) within
   * the range; none is VBA's error 1004 "No cells were found" (VBA Range.SpecialCells).
   */
  SpecialCells(Type: number, Value?: number): WpsRange {
    this.app.tick();
    const areas: Rect[] = [];
    for (const [r, c, x] of this.stored()) {
      const isFormula = !!x.formula;
      if (Type === 2 && isFormula) continue;
      if (Type === -4123 && !isFormula) continue;
      if (Type !== 2 && Type !== -4123) throw new FakeWpsError(`SpecialCells type ${Type} not modelled`);
      const v = x.value;
      if (v === null) continue;
      const isError = typeof v === 'object' && 'error' in v;
      if (Value === 16 && !isError) continue;
      if (Value !== undefined && Value !== 16) throw new FakeWpsError(`SpecialCells value ${Value} not modelled`);
      areas.push({ top: r, left: c, bottom: r, right: c });
    }
    if (!areas.length) throw new FakeWpsError('No cells were found (1004)');
    return new Range(this.app, this.sheet, areas);
  }
}
