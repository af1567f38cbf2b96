/// <reference types="office-js" />
/**
 * Writing a WorkbookPatch through Office.js: the same workbook as the file host (src/hosts/file) writes,
 * in bounded requests, in an order that survives interruption.
 *
 * Bounded: every request stays under about 3 MB as office.js serializes it and under MAX_ACTIONS actions,
 * on every platform (Excel on the web refuses requests over 5 MB; desktop Excel slows down or hangs on very
 * large ones). Each step below carries an estimate of its request bytes and actions, computed from the
 * JSON office.js sends (object paths, Instantiate actions, the property set); the estimate is never below
 * office.js's own serialization (test/office/wire.test.ts checks it against excel-web-16.00.js).
 *
 * Never half-written: Excel's batches are not transactions and a run can be cut at any point (a lost
 * connection, Excel closing, a request refused). The writes are ordered so that every prefix of them
 * leaves a workbook that the next run repairs:
 *   0. what an interrupted run left (`_PGA_TMP_*` sheets very hidden, or recorded as owned) is removed;
 *   1. the ownership record (the meta sheet, written in place by one command) first also owns the
 *      temporary sheets about to be built and the sheets this run replaces or drops;
 *   2. every new sheet is built under a temporary name, very hidden (`_PGA_TMP_1`, …);
 *   3. sheet by sheet: the new one is made visible, the old one removed, the new one renamed into place
 *      (so a workbook whose input sheets are all hidden always keeps a visible sheet);
 *   4. outputs this run no longer produces are removed;
 *   5. the ownership record is written as this run's (updated last), and moved to the end;
 *   6. the results sheet is activated.
 * Only sheets the meta sheet records as owned are ever replaced or deleted, checked BEFORE any call into
 * Excel (with a protected workbook or output sheet, likewise refused before anything changes). Text is
 * written as text: text cells get the number format "@" before their values.
 */
import { AssessError } from '../../domain/errors';
import { OFFICE_ERR } from '../../i18n/office';
import { colName, parseRange } from '../../workbook/a1';
import { META_SHEET, OWNER_MARK, TEMP_SHEET_PREFIX, isLeftoverSheet, metaSheetPatch, metaSheetWritable, ownedSheets, readMeta } from '../../workbook/meta';
import type { RunMeta } from '../../workbook/meta';
import type { OutputValue, RangeStyle, SheetPatch, WorkbookPatch } from '../../workbook/snapshot';
import type { OfficeEnv } from './env';
import { MAX_ACTIONS, REQUEST_BUDGET, mapOfficeError, requireExcelApi } from './env';
import type { ReadState } from './read';
import { jsonBytes } from './read';

export type WriteMode = 'owned' | 'create';

const lower = (s: string) => s.toLocaleLowerCase();

/** Throws (before any Excel call) when the patch would touch a sheet it must not. */
export function checkPatch(state: ReadState, patch: WorkbookPatch, mode: WriteMode): void {
  const existing = new Map(state.sheets.map((s) => [lower(s.name), s]));
  const owned = new Set([...ownedSheets(state.snapshot)].map(lower));
  const touched = [...patch.deleteSheets, ...patch.sheets.map((s) => s.name)];
  if (!touched.length) return;
  if (state.workbookProtected) throw new AssessError('host', OFFICE_ERR.protectedWorkbook);
  for (const name of touched) {
    const sheet = existing.get(lower(name));
    if (!sheet) continue;
    if (mode === 'create') throw new AssessError('host', OFFICE_ERR.sheetExists, { sheet: sheet.name });
    const emptyMeta = lower(name) === lower(META_SHEET) && metaSheetWritable(state.snapshot);
    if (!owned.has(lower(name)) && !emptyMeta) throw new AssessError('host', OFFICE_ERR.foreignSheet, { sheet: sheet.name });
    if (sheet.protected) throw new AssessError('host', OFFICE_ERR.protectedSheet, { sheet: sheet.name });
  }
}

/** Widest row (no spread: outputs have 100,000 rows). */
function widthOf(values: OutputValue[][]): number {
  let w = 0;
  for (const r of values) if (r.length > w) w = r.length;
  return w;
}

/**
 * Column width as Office.js sets it, in points, for a width given in characters (the unit of the file
 * format's <col width>). Excel shows a file's width w as trunc(((256·w + trunc(128/7)) / 256) · 7) pixels
 * (ECMA-376 §18.3.1.13, maximum digit width 7 px for the default Calibri 11); a point is 4/3 px. So both
 * hosts give a column the same pixels.
 */
export function columnWidthPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return (px * 3) / 4;
}

/** A rectangle of cells that all get one number format. */
export interface FormatRun {
  format: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Number formats as a few rectangles: "@" on every text cell, the style's format elsewhere; General (a new
 * sheet's default) is not written. Vertical runs per column, then equal runs of neighbouring columns merged.
 */
export function formatRuns(sheet: SheetPatch): FormatRun[] {
  const rows = sheet.values.length;
  const cols = widthOf(sheet.values);
  const styled: Array<{ q: ReturnType<typeof parseRange>; f: string }> = [];
  for (const s of sheet.styles) if (s.numberFormat) styled.push({ q: parseRange(s.range), f: s.numberFormat });
  const formatAt = (r: number, c: number): string => {
    const v = sheet.values[r][c];
    if (typeof v === 'string' && v !== '') return '@';
    let f = 'General';
    for (const { q, f: g } of styled) if (r >= q.top && r <= q.bottom && c >= q.left && c <= q.right) f = g;
    return f;
  };
  const perColumn: FormatRun[][] = [];
  for (let c = 0; c < cols; c++) {
    const runs: FormatRun[] = [];
    let cur: FormatRun | null = null;
    for (let r = 0; r < rows; r++) {
      const f = formatAt(r, c);
      if (cur && cur.format === f && cur.bottom === r - 1) cur.bottom = r;
      else {
        if (cur && cur.format !== 'General') runs.push(cur);
        cur = { format: f, top: r, bottom: r, left: c, right: c };
      }
    }
    if (cur && cur.format !== 'General') runs.push(cur);
    perColumn.push(runs);
  }
  // Merge a run with the same run (same rows, same format) in the next column.
  const out: FormatRun[] = [];
  const open = new Map<string, FormatRun>();
  for (let c = 0; c < cols; c++) {
    const next = new Map<string, FormatRun>();
    for (const run of perColumn[c]) {
      const key = `${run.top}:${run.bottom}:${run.format}`;
      const prev = open.get(key);
      if (prev && prev.right === c - 1) {
        prev.right = c;
        next.set(key, prev);
      } else {
        out.push(run);
        next.set(key, run);
      }
    }
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  }
  return out;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;

type Prop = 'fill' | 'fontColor' | 'bold' | 'italic' | 'size' | 'horizontal' | 'vertical' | 'wrap' | 'font';
const PROPS: Prop[] = ['fill', 'fontColor', 'bold', 'italic', 'size', 'horizontal', 'vertical', 'wrap', 'font'];

/** office.js's wire for each property: the navigation path under `format` and the property's name. */
const WIRE: Record<Prop, { paths: string[]; name: string }> = {
  fill: { paths: ['Fill'], name: 'Color' },
  fontColor: { paths: ['Font'], name: 'Color' },
  bold: { paths: ['Font'], name: 'Bold' },
  italic: { paths: ['Font'], name: 'Italic' },
  size: { paths: ['Font'], name: 'Size' },
  horizontal: { paths: [], name: 'HorizontalAlignment' },
  vertical: { paths: [], name: 'VerticalAlignment' },
  wrap: { paths: [], name: 'WrapText' },
  font: { paths: ['Font'], name: 'Name' },
};

function wireValue(prop: Prop, value: unknown): unknown {
  if (prop === 'fill' || prop === 'fontColor') return `#${value as string}`;
  if (prop === 'horizontal') return HORIZONTAL[value as keyof typeof HORIZONTAL];
  if (prop === 'vertical') return VERTICAL[value as keyof typeof VERTICAL];
  return value;
}

function setProp(f: Excel.RangeFormat, prop: Prop, value: unknown): void {
  const v = wireValue(prop, value);
  switch (prop) {
    case 'fill':
      f.fill.color = v as string;
      break;
    case 'fontColor':
      f.font.color = v as string;
      break;
    case 'bold':
      f.font.bold = v as boolean;
      break;
    case 'italic':
      f.font.italic = v as boolean;
      break;
    case 'size':
      f.font.size = v as number;
      break;
    case 'horizontal':
      f.horizontalAlignment = v as Excel.HorizontalAlignment;
      break;
    case 'vertical':
      f.verticalAlignment = VERTICAL[value as keyof typeof VERTICAL];
      break;
    case 'font':
      f.font.name = value as string;
      break;
    case 'wrap':
      f.wrapText = v as boolean;
      break;
  }
}

type Rect = ReturnType<typeof parseRange>;

/**
 * Which style properties can be applied grouped by value (RangeAreas, ExcelApi 1.9) without changing
 * the result: a property is grouped unless some cell receives it from two styles with different values
 * (then order matters and that property is applied range by range, in the patch's order). Borders are
 * always applied range by range (their edges depend on each range's shape).
 */
export function planStyles(styles: RangeStyle[]): {
  grouped: Array<{ prop: Prop; value: unknown; rects: Rect[] }>;
  sequential: Array<{ style: RangeStyle; props: Set<Prop | 'border'> }>;
} {
  const rects = styles.map((st) => parseRange(st.range));
  let rows = 0;
  let cols = 0;
  for (const q of rects) {
    rows = Math.max(rows, q.bottom + 1);
    cols = Math.max(cols, q.right + 1);
  }
  const conflicted = new Set<Prop>();
  const tooBig = rows * cols > 8_000_000; // keep memory bounded: apply everything in order
  for (const prop of PROPS) {
    if (tooBig) {
      conflicted.add(prop);
      continue;
    }
    const values: unknown[] = [];
    let grid: Int32Array | null = null;
    for (let i = 0; i < styles.length && !conflicted.has(prop); i++) {
      const v = styles[i][prop];
      if (v === undefined || v === '') continue;
      grid ??= new Int32Array(rows * cols).fill(-1);
      let idx = values.indexOf(v);
      if (idx < 0) idx = values.push(v) - 1;
      const q = rects[i];
      for (let r = q.top; r <= q.bottom && !conflicted.has(prop); r++) {
        for (let c = q.left; c <= q.right; c++) {
          const k = r * cols + c;
          if (grid[k] >= 0 && grid[k] !== idx) {
            conflicted.add(prop);
            break;
          }
          grid[k] = idx;
        }
      }
    }
  }
  const groups = new Map<string, { prop: Prop; value: unknown; rects: Rect[] }>();
  const sequential: Array<{ style: RangeStyle; props: Set<Prop | 'border'> }> = [];
  styles.forEach((st, i) => {
    const props = new Set<Prop | 'border'>();
    for (const prop of PROPS) {
      const v = st[prop];
      if (v === undefined || v === '') continue;
      if (conflicted.has(prop)) {
        props.add(prop);
        continue;
      }
      const key = `${prop}\u0000${JSON.stringify(v)}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { prop, value: v, rects: [] }));
      g.rects.push(rects[i]);
    }
    if (st.border) props.add('border');
    if (props.size) sequential.push({ style: st, props });
  });
  return { grouped: [...groups.values()], sequential };
}

/** Areas as RangeAreas addresses: vertical runs of equal column span merged, at most ~240 characters each. */
export function areaChunks(rects: Rect[], maxChars = 240): string[] {
  const sorted = [...rects].sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const merged: Rect[] = [];
  for (const q of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.left === q.left && last.right === q.right && q.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, q.bottom);
    else merged.push({ ...q });
  }
  const out: string[] = [];
  let cur = '';
  for (const q of merged) {
    const tl = `${colName(q.left)}${q.top + 1}`;
    const br = `${colName(q.right)}${q.bottom + 1}`;
    const a = tl === br ? tl : `${tl}:${br}`;
    if (cur && cur.length + 1 + a.length > maxChars) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function borderEdges(q: Rect): string[] {
  const edges: string[] = [...EDGES];
  if (q.bottom > q.top) edges.push('InsideHorizontal');
  if (q.right > q.left) edges.push('InsideVertical');
  return edges;
}

// ───────────────────────── request-size estimates (office.js's JSON) ─────────────────────────

/** An object path id or action id as office.js numbers them; 7 digits bound a run of 100,000 rows (ids < 10⁷). */
const ID = 9_999_999;

/** A new object path: its entry in ObjectPaths and its Instantiate action. */
function pathCost(type: number, name: string, args?: unknown[], untracked = false): number {
  const info: Record<string, unknown> = { Id: ID, ObjectPathType: type, Name: name, ParentObjectPathId: ID };
  if (args) info.ArgumentInfo = { Arguments: args };
  if (untracked) info.D = true;
  const entry = jsonBytes(info) + jsonBytes(String(ID)) + 2; // "id": … ,
  const instantiate = jsonBytes({ Id: ID, ActionType: 1, Name: '', ObjectPathId: ID }) + 1;
  return entry + instantiate;
}

/** An action (set a property, call a method) with its last-use list ("L") of up to three paths. */
function actionCost(type: number, name: string, args: unknown[]): number {
  return jsonBytes({ Id: ID, ActionType: type, Name: name, ObjectPathId: ID, ArgumentInfo: { Arguments: args }, L: [ID, ID, ID] }) + 1;
}

/** One unit of work with its estimated request bytes and office.js actions. */
interface Step {
  bytes: number;
  actions: number;
  /** The sheet (by the name it has when the step runs) that the step reaches through worksheets.getItem. */
  sheet: string | null;
  run(context: Excel.RequestContext, sheets: Handles): void;
}

/** Sheets by name, one worksheets.getItem per sync; a handle is forgotten when its sheet is deleted or renamed. */
interface Handles {
  get(name: string): Excel.Worksheet;
  forget(name: string): void;
}

/** A sheet handle (worksheets.getItem(name)) costs this once per sync. */
function handleCost(name: string): { bytes: number; actions: number } {
  return { bytes: pathCost(5, '', [name]), actions: 1 };
}

/** Fixed cost of a sync: the root, Worksheets, Application and the calculation suspension. */
const SYNC_BYTES = 2_000;
const SYNC_ACTIONS = 8;

/** The ownership mark as office.js sends it: Names, names.add(…) and its `visible`. */
const MARK_BYTES = pathCost(4, 'Names') + pathCost(3, 'Add', [OWNER_MARK.name, `=${OWNER_MARK.formula}`]) + actionCost(4, 'Visible', [false]);

/** Largest number of cells office.js sends in one values write without splitting it itself. */
const BLOCK_CELLS = 1_500;

function cellText(v: OutputValue): string | number {
  return v === null || v === undefined ? '' : v;
}

/** Steps that build one sheet under its temporary name (very hidden until it is put in place). */
function buildSteps(sheet: SheetPatch, temp: string, env: OfficeEnv): Step[] {
  const steps: Step[] = [];
  const rows = sheet.values.length;
  const cols = widthOf(sheet.values);
  steps.push({
    bytes: pathCost(3, 'Add', [temp]) + (sheet.owned ? MARK_BYTES : 0) + actionCost(4, 'Visibility', ['VeryHidden']),
    actions: sheet.owned ? 5 : 2,
    sheet: null,
    run: (context) => {
      const ws = context.workbook.worksheets.add(temp);
      // The ownership mark: a hidden sheet-scoped name that goes wherever the sheet goes (renames too), and with it.
      if (sheet.owned) ws.names.add(OWNER_MARK.name, `=${OWNER_MARK.formula}`).visible = false;
      ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
    },
  });
  const range = (ws: Excel.Worksheet, top: number, left: number, n: number, m: number) => ws.getRangeByIndexes(top, left, n, m).untrack();
  const rangeCost = (top: number, left: number, n: number, m: number) => pathCost(3, 'GetRangeByIndexes', [top, left, n, m], true);
  // Number formats first: then a string value stays text.
  for (const run of formatRuns(sheet)) {
    const n = run.bottom - run.top + 1;
    const m = run.right - run.left + 1;
    steps.push({
      bytes: rangeCost(run.top, run.left, n, m) + actionCost(4, 'NumberFormat', [[[run.format]]]),
      actions: 2,
      sheet: temp,
      run: (_c, h) => {
        range(h.get(temp), run.top, run.left, n, m).numberFormat = [[run.format]];
      },
    });
  }
  if (rows && cols) {
    const per = Math.max(1, Math.floor(BLOCK_CELLS / cols));
    for (let top = 0; top < rows; top += per) {
      const n = Math.min(per, rows - top);
      const block = sheet.values.slice(top, top + n).map((r) => {
        const row = r.map(cellText);
        while (row.length < cols) row.push('');
        return row;
      });
      steps.push({
        bytes: rangeCost(top, 0, n, cols) + actionCost(4, 'Values', [block]),
        actions: 2,
        sheet: temp,
        run: (_c, h) => {
          range(h.get(temp), top, 0, n, cols).values = block;
        },
      });
    }
  }
  const formatCost = (props: Prop[]) => {
    let b = pathCost(4, 'Format');
    let a = 1;
    const navs = new Set(props.reduce<string[]>((all, p) => all.concat(WIRE[p].paths), []));
    for (const n of navs) {
      b += pathCost(4, n);
      a++;
    }
    return { b, a };
  };
  if (env.isSetSupported('ExcelApi', '1.9')) {
    // Grouped: one command per property value over many areas (RangeAreas), where order cannot matter.
    const plan = planStyles(sheet.styles);
    for (const g of plan.grouped) {
      for (const address of areaChunks(g.rects)) {
        const f = formatCost([g.prop]);
        steps.push({
          bytes: pathCost(3, 'GetRanges', [address], true) + f.b + actionCost(4, WIRE[g.prop].name, [wireValue(g.prop, g.value)]),
          actions: 2 + f.a,
          sheet: temp,
          run: (_c, h) => setProp(h.get(temp).getRanges(address).untrack().format, g.prop, g.value),
        });
      }
    }
    for (const x of plan.sequential) steps.push(styleStep(temp, x.style, x.props));
  } else {
    for (const st of sheet.styles) steps.push(styleStep(temp, st, null));
  }
  for (const link of sheet.links) {
    const value = { documentReference: link.target, textToDisplay: link.text };
    steps.push({
      bytes: pathCost(3, 'GetCell', [link.row, link.col], true) + actionCost(4, 'Hyperlink', [value]),
      actions: 2,
      sheet: temp,
      run: (_c, h) => {
        h.get(temp).getCell(link.row, link.col).untrack().hyperlink = value;
      },
    });
  }
  for (const m of sheet.merges) {
    steps.push({
      bytes: pathCost(3, 'GetRange', [m], true) + actionCost(3, 'Merge', [false]),
      actions: 2,
      sheet: temp,
      run: (_c, h) => h.get(temp).getRange(m).untrack().merge(false),
    });
  }
  sheet.columnWidths.forEach((w, c) => {
    const col = colName(c);
    const points = columnWidthPoints(w);
    steps.push({
      bytes: pathCost(3, 'GetRange', [`${col}:${col}`], true) + pathCost(4, 'Format') + actionCost(4, 'ColumnWidth', [points]),
      actions: 3,
      sheet: temp,
      run: (_c, h) => {
        h.get(temp).getRange(`${col}:${col}`).untrack().format.columnWidth = points;
      },
    });
  });
  for (const { row, height } of sheet.rowHeights ?? []) {
    steps.push({
      bytes: pathCost(3, 'GetRange', [`${row + 1}:${row + 1}`], true) + pathCost(4, 'Format') + actionCost(4, 'RowHeight', [height]),
      actions: 3,
      sheet: temp,
      run: (_c, h) => {
        h.get(temp).getRange(`${row + 1}:${row + 1}`).untrack().format.rowHeight = height;
      },
    });
  }
  if (sheet.tabColor) {
    const color = `#${sheet.tabColor}`;
    steps.push({ bytes: actionCost(4, 'TabColor', [color]), actions: 1, sheet: temp, run: (_c, h) => void (h.get(temp).tabColor = color) });
  }
  const page = sheet.page;
  if (env.isSetSupported('ExcelApi', '1.9') && (sheet.landscape || sheet.printTitleRows || page)) {
    // The official tables (page): A4, their orientation, one page wide, centred, "第&P页 共&N页" in the footer.
    const hfCost = page ? pathCost(4, 'HeadersFooters') + pathCost(5, 'DefaultForAllPages') + actionCost(5, 'CenterHeader', [page.header ?? '']) + actionCost(5, 'CenterFooter', [page.footer ?? '']) : 0;
    steps.push({
      bytes:
        pathCost(4, 'PageLayout') +
        actionCost(4, 'Orientation', ['Landscape']) +
        actionCost(3, 'SetPrintTitleRows', ['$999999:$999999']) +
        (page ? actionCost(4, 'PaperSize', ['A4']) + actionCost(4, 'Zoom', [{ horizontalFitToPages: 1 }]) + actionCost(4, 'CenterHorizontally', [true]) + hfCost : 0),
      actions: page ? 10 : 3,
      sheet: temp,
      run: (_c, h) => {
        const layout = h.get(temp).pageLayout;
        if (page) {
          layout.paperSize = 'A4' as Excel.PaperType;
          layout.orientation = (page.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
          if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
          if (page.centerHorizontally) layout.centerHorizontally = true;
          const hf = layout.headersFooters.defaultForAllPages;
          if (page.header) hf.centerHeader = page.header;
          if (page.footer) hf.centerFooter = page.footer;
        } else if (sheet.landscape) layout.orientation = 'Landscape' as Excel.PageOrientation;
        if (sheet.printTitleRows) {
          const [a, b] = sheet.printTitleRows.split(':');
          layout.setPrintTitleRows(`$${a}:$${b ?? a}`);
        }
      },
    });
  }
  if (sheet.validations?.length && env.isSetSupported('ExcelApi', '1.8')) {
    for (const v of sheet.validations) {
      const rule = { formula1: v.min, formula2: v.max, operator: 'Between' as Excel.DataValidationOperator };
      const alert = v.message ? { message: v.message, showAlert: true, style: 'Stop' as Excel.DataValidationAlertStyle, title: v.title ?? '' } : null;
      steps.push({
        bytes: pathCost(3, 'GetRange', [v.range], true) + pathCost(4, 'DataValidation') + actionCost(4, 'Rule', [{ decimal: rule }]) + (alert ? actionCost(4, 'ErrorAlert', [alert]) : 0),
        actions: alert ? 4 : 3,
        sheet: temp,
        run: (_c, h) => {
          const dv = h.get(temp).getRange(v.range).untrack().dataValidation;
          dv.rule = v.decimals ? { decimal: rule } : { wholeNumber: rule };
          if (alert) dv.errorAlert = alert;
        },
      });
    }
  }
  return steps;
}

function styleStep(temp: string, s: RangeStyle, only: Set<Prop | 'border'> | null): Step {
  const props = PROPS.filter((p) => s[p] !== undefined && s[p] !== '' && (!only || only.has(p)));
  const q = parseRange(s.range);
  const edges = s.border && (!only || only.has('border')) ? borderEdges(q) : [];
  let bytes = pathCost(3, 'GetRange', [s.range], true) + pathCost(4, 'Format');
  let actions = 2;
  for (const n of new Set(props.reduce<string[]>((all, p) => all.concat(WIRE[p].paths), []))) {
    bytes += pathCost(4, n);
    actions++;
  }
  for (const p of props) {
    bytes += actionCost(4, WIRE[p].name, [wireValue(p, s[p])]);
    actions++;
  }
  if (edges.length) {
    bytes += pathCost(4, 'Borders');
    actions++;
    for (const e of edges) {
      bytes += pathCost(5, '', [e]) + actionCost(4, 'Style', ['Continuous']) + actionCost(4, 'Color', ['#BFBFBF']);
      actions += 3;
    }
  }
  return {
    bytes,
    actions,
    sheet: temp,
    run: (_c, h) => {
      const f = h.get(temp).getRange(s.range).untrack().format;
      for (const p of props) setProp(f, p, s[p]);
      for (const e of edges) {
        const b = f.borders.getItem(e as Excel.BorderIndex);
        b.style = 'Continuous' as Excel.BorderLineStyle;
        b.color = '#BFBFBF';
      }
    },
  };
}

/**
 * The meta sheet written in place: its cells over the old ones in ONE values command (a command is applied
 * whole, so the record is either the old one or the new one), then kept very hidden. Absent, it is added
 * under its own name first: an interruption right after that leaves an empty sheet, which the next run
 * writes into (an empty sheet of that name holds nothing to lose).
 */
function metaSteps(meta: SheetPatch, oldRows: number, oldCols: number, exists: boolean, unmarked = false, markVisible = false): Step[] {
  const rows = Math.max(meta.values.length, oldRows, 1);
  const cols = Math.max(widthOf(meta.values), oldCols, 1);
  const values: Array<Array<string | number>> = [];
  const formats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Array<string | number> = [];
    const f: string[] = [];
    for (let c = 0; c < cols; c++) {
      const v = cellText(meta.values[r]?.[c] ?? null);
      row.push(v);
      f.push(typeof v === 'string' && v !== '' ? '@' : 'General');
    }
    values.push(row);
    formats.push(f);
  }
  const steps: Step[] = [];
  if (!exists) {
    steps.push({
      bytes: pathCost(3, 'Add', [META_SHEET]) + (meta.owned ? MARK_BYTES : 0),
      actions: meta.owned ? 4 : 1,
      sheet: null,
      run: (context) => {
        const ws = context.workbook.worksheets.add(META_SHEET);
        if (meta.owned) ws.names.add(OWNER_MARK.name, `=${OWNER_MARK.formula}`).visible = false;
      },
    });
  }
  if (exists && markVisible && !unmarked) {
    // The mark is there but shows in Name Manager (a run cut between adding and hiding it): hide it.
    steps.push({
      bytes: pathCost(4, 'Names') + pathCost(5, '', [OWNER_MARK.name]) + actionCost(4, 'Visible', [false]),
      actions: 3,
      sheet: META_SHEET,
      run: (_c, h) => void (h.get(META_SHEET).names.getItem(OWNER_MARK.name).visible = false),
    });
  }
  if (exists && unmarked && meta.owned) {
    // An existing meta sheet without the mark (an earlier release's, or one a cut run added): mark it.
    steps.push({
      bytes: MARK_BYTES,
      actions: 3,
      sheet: META_SHEET,
      run: (_c, h) => void (h.get(META_SHEET).names.add(OWNER_MARK.name, `=${OWNER_MARK.formula}`).visible = false),
    });
  }
  steps.push({
    bytes:
      2 * pathCost(3, 'GetRangeByIndexes', [0, 0, rows, cols], true) +
      actionCost(4, 'NumberFormat', [formats]) +
      actionCost(4, 'Values', [values]) +
      actionCost(4, 'Visibility', ['VeryHidden']),
    actions: 5,
    sheet: META_SHEET,
    run: (_c, h) => {
      const ws = h.get(META_SHEET);
      ws.getRangeByIndexes(0, 0, rows, cols).untrack().numberFormat = formats;
      ws.getRangeByIndexes(0, 0, rows, cols).untrack().values = values; // the record changes in one command
      ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
    },
  });
  return steps;
}

/** Group steps into syncs under the request budget and the action bound. */
function batches(steps: Step[], budget: number, maxActions: number): Step[][] {
  const out: Step[][] = [];
  let cur: Step[] = [];
  let bytes = SYNC_BYTES;
  let actions = SYNC_ACTIONS;
  let handles = new Set<string>();
  for (const s of steps) {
    const h = s.sheet && !handles.has(s.sheet) ? handleCost(s.sheet) : { bytes: 0, actions: 0 };
    if (cur.length && (bytes + h.bytes + s.bytes > budget || actions + h.actions + s.actions > maxActions)) {
      out.push(cur);
      cur = [];
      bytes = SYNC_BYTES;
      actions = SYNC_ACTIONS;
      handles = new Set();
    }
    if (s.sheet && !handles.has(s.sheet)) {
      const c = handleCost(s.sheet);
      bytes += c.bytes;
      actions += c.actions;
      handles.add(s.sheet);
    }
    cur.push(s);
    bytes += s.bytes;
    actions += s.actions;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Estimated request bytes and actions of each sync a write will send (for tests and the benchmark). */
export function estimateSyncs(steps: Step[], budget = REQUEST_BUDGET, maxActions = MAX_ACTIONS): Array<{ bytes: number; actions: number }> {
  return batches(steps, budget, maxActions).map((b) => {
    const handles = new Set(b.map((s) => s.sheet).filter((x): x is string => !!x));
    let bytes = SYNC_BYTES;
    let actions = SYNC_ACTIONS;
    for (const h of handles) {
      bytes += handleCost(h).bytes;
      actions += handleCost(h).actions;
    }
    for (const s of b) {
      bytes += s.bytes;
      actions += s.actions;
    }
    return { bytes, actions };
  });
}

/** Every step of a write, in order (see the header). */
export function planWrite(env: OfficeEnv, state: ReadState, patch: WorkbookPatch, mode: WriteMode = 'owned'): Step[] {
  checkPatch(state, patch, mode);
  const existing = new Map(state.sheets.map((s) => [lower(s.name), s]));
  const steps: Step[] = [];
  const remove = (name: string, visibility: string): Step => ({
    bytes: actionCost(4, 'Visibility', ['Hidden']) + actionCost(3, 'Delete', []),
    actions: 2,
    sheet: name,
    run: (_c, h) => {
      const ws = h.get(name);
      if (visibility === 'veryHidden') ws.visibility = 'Hidden' as Excel.SheetVisibility; // Excel refuses to delete a very hidden sheet
      ws.delete();
      h.forget(name);
    },
  });

  // 0. What an interrupted run left: very hidden temporary sheets, and temporary sheets it had recorded
  //    as owned.
  const owned = new Set([...ownedSheets(state.snapshot)].map(lower));
  const taken = new Set(state.sheets.map((s) => lower(s.name)));
  const removed = new Set<string>();
  for (const s of state.sheets) {
    if (isLeftoverSheet(s) || (s.name.startsWith(TEMP_SHEET_PREFIX) && owned.has(lower(s.name)) && mode === 'owned')) {
      steps.push(remove(s.name, s.visibility));
      removed.add(lower(s.name));
      taken.delete(lower(s.name));
    }
  }
  /** A temporary name no sheet has (a user's own `_PGA_TMP_…` sheet is left alone and avoided). */
  const tempName = (hint: string) => {
    let name = `${TEMP_SHEET_PREFIX}${hint}`;
    for (let n = 2; taken.has(lower(name)); n++) name = `${TEMP_SHEET_PREFIX}${hint}_${n}`;
    taken.add(lower(name));
    return name;
  };
  const metaPatch = patch.sheets.find((s) => s.name === META_SHEET) ?? null;
  const outputs = patch.sheets.filter((s) => s !== metaPatch);
  const temps = outputs.map((_, i) => tempName(String(i + 1)));
  const oldMetaValues = state.snapshot.sheets.find((s) => s.name === META_SHEET)?.values ?? [];
  const oldRows = oldMetaValues.length;
  const oldCols = oldMetaValues.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  let metaExists = existing.has(lower(META_SHEET));
  let metaUnmarked = metaExists && !state.snapshot.sheets.find((x) => x.name === META_SHEET)?.marked;
  let metaMarkVisible = (state.visibleMarks ?? []).includes(META_SHEET);

  // 1. The ownership record first owns, besides what it owned, the temporary sheets about to be built and
  //    the sheets this run will write: whatever happens next, the next run may remove all of them.
  if (metaPatch && outputs.length) {
    const toRemove = [...outputs.map((s) => s.name), ...patch.deleteSheets]
      .map((n) => existing.get(lower(n)))
      .filter((s): s is NonNullable<typeof s> => !!s && lower(s.name) !== lower(META_SHEET) && !removed.has(lower(s.name)))
      .map((s) => s.name);
    const next = readMeta({ sheets: [{ name: META_SHEET, values: metaPatch.values, merges: [], visibility: 'veryHidden' }] });
    const old = readMeta(state.snapshot);
    // A record of an earlier release (version 1) owned its sheets by name alone; the widened record is
    // version 2, which owns only marked sheets: mark the old outputs first, so they stay owned.
    if (old && (old.version ?? 1) < 2) {
      for (const name of toRemove) {
        if (state.snapshot.sheets.find((x) => x.name === name)?.marked) continue;
        steps.push({
          bytes: MARK_BYTES,
          actions: 3,
          sheet: name,
          run: (_c, h) => void (h.get(name).names.add(OWNER_MARK.name, `=${OWNER_MARK.formula}`).visible = false),
        });
      }
    }
    const base: RunMeta = old ?? { sheets: [], runAt: '', fingerprint: '', language: next?.language ?? 'zh-CN', paneLanguage: null };
    const intent = metaSheetPatch({ ...base, sheets: [...new Set([...base.sheets, ...toRemove, ...temps, ...(next?.sheets ?? [])])] });
    steps.push(...metaSteps({ ...intent, owned: metaPatch.owned }, oldRows, oldCols, metaExists, metaUnmarked, metaMarkVisible));
    metaExists = true;
    metaUnmarked = false;
    metaMarkVisible = false;
  }

  // 2. Every new sheet, built under its temporary name, very hidden.
  outputs.forEach((sheet, i) => steps.push(...buildSteps(sheet, temps[i], env)));

  // 3. Sheet by sheet: visible, the old one removed, renamed into place (a visible sheet always remains).
  outputs.forEach((sheet, i) => {
    const temp = temps[i];
    const old = removed.has(lower(sheet.name)) ? undefined : existing.get(lower(sheet.name));
    steps.push({
      bytes: actionCost(4, 'Visibility', ['Visible']),
      actions: 1,
      sheet: temp,
      run: (_c, h) => {
        if (sheet.visibility !== 'veryHidden') h.get(temp).visibility = 'Visible' as Excel.SheetVisibility;
      },
    });
    if (old) steps.push(remove(old.name, old.visibility));
    steps.push({
      bytes: actionCost(4, 'Name', [sheet.name]),
      actions: 1,
      sheet: temp,
      run: (_c, h) => {
        h.get(temp).name = sheet.name;
        h.forget(temp);
        h.forget(sheet.name);
      },
    });
    const { rows: fr, cols: fc } = sheet.freeze;
    if (fr > 0 || fc > 0) {
      steps.push({
        bytes: pathCost(4, 'FreezePanes') + pathCost(3, 'GetRangeByIndexes', [0, 0, fr, fc], true) + actionCost(3, 'FreezeAt', [{ _: ID }]),
        actions: 4,
        sheet: sheet.name,
        run: (_c, h) => {
          const ws = h.get(sheet.name);
          if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fr, fc).untrack());
          else if (fr > 0) ws.freezePanes.freezeRows(fr);
          else ws.freezePanes.freezeColumns(fc);
        },
      });
    }
  });

  // 4. Outputs this run no longer produces.
  for (const name of patch.deleteSheets) {
    const s = existing.get(lower(name));
    if (s && lower(s.name) !== lower(META_SHEET) && !removed.has(lower(s.name))) steps.push(remove(s.name, s.visibility));
  }

  // 5. The ownership record of this run, moved last (where the file host puts it).
  if (metaPatch) {
    steps.push(...metaSteps(metaPatch, Math.max(oldRows, metaPatch.values.length), Math.max(oldCols, 2), metaExists, metaUnmarked, metaMarkVisible));
    const position = finalPosition(state, patch);
    steps.push({
      bytes: actionCost(4, 'Position', [position]),
      actions: 1,
      sheet: META_SHEET,
      run: (_c, h) => {
        h.get(META_SHEET).position = position;
      },
    });
  }

  // 6. The results in view: activate the sheet and select A1 (its summary).
  if (patch.activate) {
    const name = patch.activate;
    steps.push({
      bytes: pathCost(3, 'GetRange', ['A1'], true) + actionCost(3, 'Activate', []) + actionCost(3, 'Select', []),
      actions: 4,
      sheet: name,
      run: (_c, h) => {
        h.get(name).activate();
        h.get(name).getRange('A1').untrack().select();
      },
    });
  }
  return steps;
}

/** The meta sheet's position at the end: every sheet that remains, counted. */
function finalPosition(state: ReadState, patch: WorkbookPatch): number {
  const gone = new Set([...patch.deleteSheets, ...patch.sheets.map((s) => s.name)].map(lower));
  const owned = new Set([...ownedSheets(state.snapshot)].map(lower));
  const kept = state.sheets.filter(
    (s) => !gone.has(lower(s.name)) && !isLeftoverSheet(s) && !(s.name.startsWith(TEMP_SHEET_PREFIX) && owned.has(lower(s.name))),
  ).length;
  const added = patch.sheets.filter((s) => s.name !== META_SHEET).length;
  return kept + added; // 0-based index of the last sheet, the meta sheet being one of them
}

/** Writes the patch; `afterSync` runs after every sync (the host refreshes its run lock there). */
export async function writePatch(env: OfficeEnv, state: ReadState, patch: WorkbookPatch, mode: WriteMode = 'owned', afterSync?: () => void): Promise<void> {
  const steps = planWrite(env, state, patch, mode);
  if (!steps.length) return;
  requireExcelApi(env);
  const suspend = env.isSetSupported('ExcelApi', '1.6');
  const groups = batches(steps, env.requestBudget ?? REQUEST_BUDGET, env.maxActions ?? MAX_ACTIONS);
  try {
    await env.run({ delayForCellEdit: true }, async (context) => {
      for (const group of groups) {
        if (suspend) context.workbook.application.suspendApiCalculationUntilNextSync();
        const handles = new Map<string, Excel.Worksheet>();
        const h: Handles = {
          get: (name) => {
            let ws = handles.get(lower(name));
            if (!ws) handles.set(lower(name), (ws = context.workbook.worksheets.getItem(name)));
            return ws;
          },
          forget: (name) => void handles.delete(lower(name)),
        };
        for (const s of group) s.run(context, h);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per bounded request: the split Microsoft advises
        await context.sync();
        afterSync?.();
      }
    });
  } catch (e) {
    const mapped = mapOfficeError(e);
    // A failure after Excel applied part of the write: say that assessing again completes it.
    if (mapped.msg === OFFICE_ERR.hostFailed) {
      throw new AssessError('host', OFFICE_ERR.writeInterrupted, { detail: String(mapped.params.detail ?? '') }, null, e);
    }
    throw mapped;
  }
}
