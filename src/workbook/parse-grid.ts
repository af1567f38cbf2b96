/**
 * A sheet of the snapshot with merged areas propagated: an empty cell inside a merged area reads as
 * the area's top-left value (Office.js and ExcelJS keep the value only in the top-left cell).
 */
import { parseRange } from './a1';
import type { CellValue, SheetSnapshot } from './snapshot';

const KEY = 20000; // > Excel's 16,384 columns
/** Merged areas larger than this are looked up by scanning instead of being expanded into the map. */
const EXPAND_LIMIT = 50000;

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function blank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

export class Grid {
  readonly name: string;
  readonly values: CellValue[][];
  readonly rowCount: number;
  private readonly masters = new Map<number, number>(); // cell key → master key
  private readonly big: Area[] = [];
  readonly hasMerges: boolean;
  /** The host could not read the sheet's merged areas (SheetSnapshot.mergesUnknown). */
  readonly mergesUnknown: boolean;

  constructor(sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.mergesUnknown = sheet.mergesUnknown === true;
    this.values = sheet.values;
    this.rowCount = sheet.values.length;
    let expanded = 0;
    for (const ref of sheet.merges ?? []) {
      let a: Area;
      try {
        a = parseRange(ref);
      } catch {
        continue;
      }
      const area = (a.bottom - a.top + 1) * (a.right - a.left + 1);
      if (area <= 1) continue;
      if (expanded + area > EXPAND_LIMIT) {
        this.big.push(a);
        continue;
      }
      expanded += area;
      const master = a.top * KEY + a.left;
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          if (r !== a.top || c !== a.left) this.masters.set(r * KEY + c, master);
        }
      }
    }
    this.hasMerges = this.masters.size > 0 || this.big.length > 0;
  }

  /** The raw cell (null when absent). */
  raw(r: number, c: number): CellValue {
    const row = this.values[r];
    if (!row) return null;
    const v = row[c];
    return v === undefined ? null : v;
  }

  /** The top-left cell of the merged area holding (r, c), or null when (r, c) is not merged. */
  master(r: number, c: number): { row: number; col: number } | null {
    if (!this.hasMerges) return null;
    const m = this.masters.get(r * KEY + c);
    if (m !== undefined) return { row: Math.floor(m / KEY), col: m % KEY };
    for (const a of this.big) {
      if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right && (r !== a.top || c !== a.left)) {
        return { row: a.top, col: a.left };
      }
    }
    return null;
  }

  /** The cell's value, or its merged area's value when the cell is empty. */
  get(r: number, c: number): CellValue {
    const row = this.values[r];
    const v = row ? row[c] : undefined;
    if (!blank(v)) return v as CellValue;
    if (!this.hasMerges) return v === undefined ? null : v;
    const m = this.master(r, c);
    return m ? this.raw(m.row, m.col) : v === undefined ? null : v;
  }

  /** Width of the widest of some rows. */
  width(...rows: number[]): number {
    let w = 0;
    for (const r of rows) w = Math.max(w, this.values[r]?.length ?? 0);
    return w;
  }
}
