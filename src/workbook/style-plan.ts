/**
 * How an output sheet's formats become few host calls, the same for every host that writes cell by range
 * (Office.js, WPS): number formats as a few rectangles, style properties grouped by value over many areas
 * where the order cannot matter, borders range by range. Pure: no host calls.
 */
import { colName } from '../domain/cell-ref';
import { parseRange } from './a1';
import { TEXT_FORMAT, needsTextFormat } from './text-format';
import type { OutputValue, RangeStyle, SheetPatch } from './snapshot';

/** Widest row (no spread: outputs have 100,000 rows). */
export function widthOf(values: OutputValue[][]): number {
  let w = 0;
  for (const r of values) if (r.length > w) w = r.length;
  return w;
}

/**
 * A sheet's values as blocks of whole rows, at most `blockCells` cells each (at least one row), each row padded
 * to the sheet's width with '' and null written as '' (an empty cell): one values assignment per block.
 */
export function valueBlocks(values: OutputValue[][], blockCells: number): Array<{ top: number; rows: Array<Array<string | number>> }> {
  const cols = widthOf(values);
  const out: Array<{ top: number; rows: Array<Array<string | number>> }> = [];
  if (!cols) return out;
  const per = Math.max(1, Math.floor(blockCells / cols));
  for (let top = 0; top < values.length; top += per) {
    const rows = values.slice(top, top + per).map((r) => {
      const row = r.map((v) => (v === null || v === undefined ? '' : v));
      while (row.length < cols) row.push('');
      return row;
    });
    out.push({ top, rows });
  }
  return out;
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
 * Number formats as a few rectangles: "@" on text Excel would otherwise read as a formula, number, date or
 * boolean (needsTextFormat), the style's format elsewhere; General (a new
 * sheet's default) is not written. Vertical runs per column, then equal runs of neighbouring columns merged.
 */
export function formatRuns(sheet: SheetPatch): FormatRun[] {
  const rows = sheet.values.length;
  const cols = widthOf(sheet.values);
  const styled: Array<{ q: ReturnType<typeof parseRange>; f: string }> = [];
  for (const s of sheet.styles) if (s.numberFormat) styled.push({ q: parseRange(s.range), f: s.numberFormat });
  const formatAt = (r: number, c: number): string => {
    const v = sheet.values[r][c];
    if (typeof v === 'string' && needsTextFormat(v)) return TEXT_FORMAT;
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

export type Prop = 'fill' | 'fontColor' | 'bold' | 'italic' | 'size' | 'horizontal' | 'vertical' | 'wrap' | 'font';
export const PROPS: Prop[] = ['fill', 'fontColor', 'bold', 'italic', 'size', 'horizontal', 'vertical', 'wrap', 'font'];

export type Rect = ReturnType<typeof parseRange>;

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

/** The border edges a range gets: its outline, and the inside lines its shape has. */
export function borderEdges(q: Rect): string[] {
  const edges: string[] = [...EDGES];
  if (q.bottom > q.top) edges.push('InsideHorizontal');
  if (q.right > q.left) edges.push('InsideVertical');
  return edges;
}
