/// <reference types="office-js" />
/**
 * Writing a WorkbookPatch through Office.js, in ONE sync (more only when a request would exceed the
 * platform's payload limit: Excel on the web, 5 MB). Same result as the file host (src/hosts/file):
 * each patch sheet that exists is deleted and added again at the end, in patch order; deleteSheets are
 * removed; the meta sheet is very hidden.
 *
 * Safety, checked BEFORE any call into Excel so that a refusal changes nothing:
 * - every sheet to replace or delete must be owned per the workbook's own meta sheet as just read
 *   (defence in depth: the renderer already guarantees it); a foreign sheet is never touched;
 * - a protected workbook, or a protected sheet to replace, is refused with a clear message.
 * Text is written as text: every string cell gets the number format "@" before its value, so a group
 * named "=HYPERLINK(…)" or "2024" stays the string it was, never a formula or a number.
 */
import { AssessError } from '../../domain/errors';
import { OFFICE_ERR } from '../../i18n/office';
import { colName, parseRange } from '../../workbook/a1';
import { META_SHEET, OWNER_MARK, ownedSheets } from '../../workbook/meta';
import type { OutputValue, RangeStyle, SheetPatch, WorkbookPatch } from '../../workbook/snapshot';
import type { OfficeEnv } from './env';
import { chunkLimit, runExcel } from './env';
import type { ReadState } from './read';

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
    if (!owned.has(lower(name))) throw new AssessError('host', OFFICE_ERR.foreignSheet, { sheet: sheet.name });
    if (sheet.protected) throw new AssessError('host', OFFICE_ERR.protectedSheet, { sheet: sheet.name });
  }
}

/** Widest row (no spread: outputs have 100,000 rows). */
function widthOf(values: OutputValue[][]): number {
  let w = 0;
  for (const r of values) if (r.length > w) w = r.length;
  return w;
}

/** Number formats for a sheet: "@" on every text cell, the style's format (or General) elsewhere. */
export function numberFormats(sheet: SheetPatch): string[][] {
  const rows = sheet.values.length;
  const cols = widthOf(sheet.values);
  const nf: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = new Array(cols).fill('General');
    for (let c = 0; c < cols; c++) if (typeof sheet.values[r][c] === 'string' && sheet.values[r][c] !== '') row[c] = '@';
    nf.push(row);
  }
  for (const s of sheet.styles) {
    if (!s.numberFormat) continue;
    const q = parseRange(s.range);
    for (let r = q.top; r <= Math.min(q.bottom, rows - 1); r++) {
      for (let c = q.left; c <= Math.min(q.right, cols - 1); c++) if (nf[r][c] !== '@') nf[r][c] = s.numberFormat;
    }
  }
  return nf;
}

/** UTF-8 size of a value's JSON (what travels to Excel), without allocating a Buffer. */
function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) n += c > 0x7ff ? 2 : 1;
  }
  return n;
}

/** One unit of work in a write batch, with its estimated request size. */
interface Step {
  /** Estimated request bytes; computed only when a payload limit applies. */
  bytes: number | (() => number);
  run(context: Excel.RequestContext): void;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;

type Prop = 'fill' | 'fontColor' | 'bold' | 'italic' | 'size' | 'horizontal' | 'vertical' | 'wrap' | 'font';
const PROPS: Prop[] = ['fill', 'fontColor', 'bold', 'italic', 'size', 'horizontal', 'vertical', 'wrap', 'font'];

function setProp(f: Excel.RangeFormat, prop: Prop, value: unknown): void {
  switch (prop) {
    case 'fill':
      f.fill.color = `#${value as string}`;
      break;
    case 'fontColor':
      f.font.color = `#${value as string}`;
      break;
    case 'bold':
      f.font.bold = value as boolean;
      break;
    case 'italic':
      f.font.italic = value as boolean;
      break;
    case 'size':
      f.font.size = value as number;
      break;
    case 'horizontal':
      f.horizontalAlignment = HORIZONTAL[value as keyof typeof HORIZONTAL];
      break;
    case 'vertical':
      f.verticalAlignment = VERTICAL[value as keyof typeof VERTICAL];
      break;
    case 'font':
      f.font.name = value as string;
      break;
    case 'wrap':
      f.wrapText = value as boolean;
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

function styleRange(range: Excel.Range, s: RangeStyle, only?: Set<Prop | 'border'>): void {
  const f = range.format;
  for (const prop of PROPS) {
    const v = s[prop];
    if (v === undefined || v === '' || (only && !only.has(prop))) continue;
    setProp(f, prop, v);
  }
  if (s.border && (!only || only.has('border'))) {
    const q = parseRange(s.range);
    const edges: Excel.BorderIndex[] = [
      Excel_BorderIndex('EdgeTop'),
      Excel_BorderIndex('EdgeBottom'),
      Excel_BorderIndex('EdgeLeft'),
      Excel_BorderIndex('EdgeRight'),
    ];
    if (q.bottom > q.top) edges.push(Excel_BorderIndex('InsideHorizontal'));
    if (q.right > q.left) edges.push(Excel_BorderIndex('InsideVertical'));
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = 'Continuous';
      b.color = '#BFBFBF';
    }
  }
}
// Enum values as strings: Office.js accepts them, and the `Excel` global is not needed to build them.
function Excel_BorderIndex(s: string): Excel.BorderIndex {
  return s as Excel.BorderIndex;
}

function cellText(v: OutputValue): string | number {
  return v === null || v === undefined ? '' : v;
}

/** The steps that write one sheet; `get` returns the sheet's proxy (created by the first step). */
function sheetSteps(sheet: SheetPatch, env: OfficeEnv, limit: number | null, holder: { ws?: Excel.Worksheet }): Step[] {
  const steps: Step[] = [];
  const rows = sheet.values.length;
  const cols = widthOf(sheet.values);
  const values = sheet.values.map((r) => {
    const row = r.map(cellText);
    while (row.length < cols) row.push('');
    return row;
  });
  const nf = numberFormats(sheet);
  steps.push({
    bytes: 100,
    run: (context) => {
      holder.ws = context.workbook.worksheets.add(sheet.name);
      if (sheet.owned) {
        // The ownership mark: a hidden sheet-scoped name that goes wherever the sheet goes, and with it.
        holder.ws.names.add(OWNER_MARK.name, `=${OWNER_MARK.formula}`).visible = false;
      }
    },
  });
  if (rows && cols) {
    let rowsPerChunk = rows;
    if (limit) {
      const sizes = values.map((r, i) => jsonBytes(r) + jsonBytes(nf[i]) + 8);
      const total = sizes.reduce((a, b) => a + b, 0);
      if (total > limit) rowsPerChunk = Math.max(1, Math.floor((limit * 0.8) / sizes.reduce((a, b) => Math.max(a, b), 1)));
    }
    for (let top = 0; top < rows; top += rowsPerChunk) {
      const n = Math.min(rowsPerChunk, rows - top);
      const v = values.slice(top, top + n);
      const f = nf.slice(top, top + n);
      steps.push({
        bytes: () => v.reduce((s, r, i) => s + jsonBytes(r) + jsonBytes(f[i]) + 8, 0),
        run: () => {
          const range = holder.ws!.getRangeByIndexes(top, 0, n, cols);
          range.numberFormat = f; // text format first: then a string value stays text
          range.values = v;
        },
      });
    }
  }
  if (env.isSetSupported('ExcelApi', '1.9')) {
    // Grouped: one command per property value over many areas (RangeAreas), where order cannot matter.
    const plan = planStyles(sheet.styles);
    for (const g of plan.grouped) {
      for (const address of areaChunks(g.rects)) {
        steps.push({ bytes: () => address.length + 120, run: () => setProp(holder.ws!.getRanges(address).format, g.prop, g.value) });
      }
    }
    for (const x of plan.sequential) {
      steps.push({ bytes: () => jsonBytes(x.style) + 120, run: () => styleRange(holder.ws!.getRange(x.style.range), x.style, x.props) });
    }
  } else {
    for (const st of sheet.styles) {
      steps.push({ bytes: () => jsonBytes(st) + 120, run: () => styleRange(holder.ws!.getRange(st.range), st) });
    }
  }
  for (const link of sheet.links) {
    steps.push({
      bytes: () => jsonBytes(link) + 80,
      run: () => {
        holder.ws!.getCell(link.row, link.col).hyperlink = { documentReference: link.target, textToDisplay: link.text };
      },
    });
  }
  steps.push({
    bytes: () =>
      jsonBytes(sheet.merges) + jsonBytes(sheet.columnWidths) + jsonBytes(sheet.rowHeights ?? []) + jsonBytes(sheet.validations ?? []) + 400,
    run: () => {
      const ws = holder.ws!;
      for (const m of sheet.merges) ws.getRange(m).merge(false);
      sheet.columnWidths.forEach((w, c) => {
        const col = colName(c);
        ws.getRange(`${col}:${col}`).format.columnWidth = Math.round(w * 7);
      });
      for (const { row, height } of sheet.rowHeights ?? []) ws.getRange(`${row + 1}:${row + 1}`).format.rowHeight = height;
      const { rows: fr, cols: fc } = sheet.freeze;
      if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fr, fc));
      else if (fr > 0) ws.freezePanes.freezeRows(fr);
      else if (fc > 0) ws.freezePanes.freezeColumns(fc);
      if (sheet.tabColor) ws.tabColor = `#${sheet.tabColor}`;
      if (env.isSetSupported('ExcelApi', '1.9')) {
        const page = sheet.page;
        if (page) {
          // The official tables: A4, their orientation, one page wide, centred, "第&P页 共&N页" in the footer.
          ws.pageLayout.paperSize = 'A4' as Excel.PaperType;
          ws.pageLayout.orientation = (page.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
          if (page.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1 };
          if (page.centerHorizontally) ws.pageLayout.centerHorizontally = true;
          const hf = ws.pageLayout.headersFooters.defaultForAllPages;
          if (page.header) hf.centerHeader = page.header;
          if (page.footer) hf.centerFooter = page.footer;
        } else if (sheet.landscape) ws.pageLayout.orientation = 'Landscape' as Excel.PageOrientation;
        if (sheet.printTitleRows) {
          const [a, b] = sheet.printTitleRows.split(':');
          ws.pageLayout.setPrintTitleRows(`$${a}:$${b ?? a}`);
        }
      }
      if (sheet.validations?.length && env.isSetSupported('ExcelApi', '1.8')) {
        for (const v of sheet.validations) {
          const dv = ws.getRange(v.range).dataValidation;
          const rule = { formula1: v.min, formula2: v.max, operator: 'Between' as Excel.DataValidationOperator };
          dv.rule = v.decimals ? { decimal: rule } : { wholeNumber: rule };
          if (v.message) dv.errorAlert = { message: v.message, showAlert: true, style: 'Stop' as Excel.DataValidationAlertStyle, title: v.title ?? '' };
        }
      }
      if (sheet.visibility === 'veryHidden') ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
    },
  });
  return steps;
}

/** Group steps into syncs: all in one unless a platform limit forces more. */
function batches(steps: Step[], limit: number | null): Step[][] {
  if (!limit) return [steps];
  const out: Step[][] = [[]];
  let size = 0;
  for (const s of steps) {
    const bytes = typeof s.bytes === 'number' ? s.bytes : s.bytes();
    if (size + bytes > limit && out[out.length - 1].length) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1].push(s);
    size += bytes;
  }
  return out;
}

export async function writePatch(env: OfficeEnv, state: ReadState, patch: WorkbookPatch, mode: WriteMode = 'owned'): Promise<void> {
  checkPatch(state, patch, mode);
  const existing = new Map(state.sheets.map((s) => [lower(s.name), s]));
  const limit = chunkLimit(env);
  const suspend = env.isSetSupported('ExcelApi', '1.8');

  const holders = patch.sheets.map(() => ({}) as { ws?: Excel.Worksheet });
  const steps: Step[] = [];
  // 1. Remove what this run replaces or no longer produces (owned, checked above). A very hidden
  //    sheet is made merely hidden first (a precaution: deleting it directly is not documented).
  const toDelete = new Set<string>();
  for (const name of [...patch.deleteSheets, ...patch.sheets.map((s) => s.name)]) {
    const s = existing.get(lower(name));
    if (s) toDelete.add(s.name);
  }
  // The meta sheet goes last so that an interrupted write still leaves ownership recorded.
  const deletions = [...toDelete].sort((a, b) => Number(a === META_SHEET) - Number(b === META_SHEET));
  for (const name of deletions) {
    const s = existing.get(lower(name))!;
    steps.push({
      bytes: 120,
      run: (context) => {
        const ws = context.workbook.worksheets.getItem(s.name);
        if (s.visibility === 'veryHidden') ws.visibility = 'Hidden' as Excel.SheetVisibility;
        ws.delete();
      },
    });
  }
  // 2. Add and fill every patch sheet, in order.
  patch.sheets.forEach((sheet, i) => {
    for (const s of sheetSteps(sheet, env, limit, holders[i])) steps.push(s);
  });
  // 3. Bring the results into view: activate the sheet and select A1 (its summary).
  if (patch.activate) {
    const i = patch.sheets.findIndex((s) => s.name === patch.activate);
    const name = patch.activate;
    steps.push({
      bytes: 120,
      run: (context) => {
        const ws = i >= 0 ? holders[i].ws! : context.workbook.worksheets.getItem(name);
        ws.activate();
        ws.getRange('A1').select();
      },
    });
  }
  if (!patch.sheets.length && !deletions.length && !patch.activate) return;

  await runExcel(env, async (context) => {
    for (const batch of batches(steps, limit)) {
      if (suspend) context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const s of batch) s.run(context);
      await context.sync();
    }
  });
}
