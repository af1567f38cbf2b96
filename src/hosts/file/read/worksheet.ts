/**
 * One worksheet part → its values and merged areas, streamed (src/hosts/file/read/scope.ts). The cells'
 * values are decoded by decodeCell (./cell.ts); this is the state machine around it: rows and cells placed
 * by their `r` (cells and rows without one follow the previous), the limits on rows and cells enforced.
 */
import { parseRange } from '../../../workbook/a1';
import type { CellValue, ColumnWidth } from '../../../workbook/snapshot';
import { PackageError } from '../package/archive';
import type { PackageArchive, PackageLimits } from '../package/archive';
import { columnOf, decodeCell, isTrue } from './cell';
import type { CellText } from './cell';
import { MainScope, parsePart } from './scope';

/** The cells read so far from all the sheets of a package (the limit is on them all). */
export interface CellCount {
  cells: number;
}

export interface SheetRead {
  values: CellValue[][];
  merges: string[];
  /** The widths its `<cols>` sets. */
  columnWidths: ColumnWidth[];
  /** The worksheet's view selects its tab. */
  tabSelected: boolean;
}

/** The state of one worksheet's read, fed by the parser's events (local names of SpreadsheetML elements). */
class SheetReader {
  readonly values: CellValue[][] = [];
  readonly merges: string[] = [];
  readonly columnWidths: ColumnWidth[] = [];
  tabSelected = false;
  /** Element depth, and that of <sheetData> (-1 before it, -2 after it: only merges follow). */
  private depth = 0;
  private dataDepth = -1;
  private rowIdx = -1;
  private row: CellValue[] | null = null;
  /** The current cell: its column, and what its XML says so far. */
  private inCell = false;
  private col = -1;
  private readonly cell: CellText = { type: 'n', hasV: false, v: '', formula: '', inline: '' };
  /** Inside the cell's <v>, <f>, <is>, a <t> of <is> outside phonetic runs; the depth of phonetic runs (<rPh>). */
  private inV = false;
  private inF = false;
  private inIs = false;
  private inIsT = false;
  private phonetic = 0;

  constructor(
    private readonly part: string,
    private readonly strings: readonly string[],
    private readonly date1904: boolean,
    private readonly limits: PackageLimits,
    private readonly count: CellCount,
  ) {}

  /** An element opens (`local`: its local name if it is SpreadsheetML's, else null). */
  open(local: string | null, a: Record<string, string>): void {
    this.depth++;
    if (local === null) return;
    if (this.dataDepth < 0) {
      if (local === 'sheetData') this.dataDepth = this.depth;
      else if (local === 'sheetView' && isTrue(a.tabSelected)) this.tabSelected = true;
      else if (local === 'mergeCell') {
        const ref = a.ref;
        if (ref) this.merges.push(ref);
      } else if (local === 'col') {
        // <col min max width>: 1-based columns (ECMA-376 §18.3.1.13); a column without a width keeps the default.
        const first = Number(a.min);
        const last = Number(a.max);
        const width = Number(a.width);
        if (Number.isInteger(first) && Number.isInteger(last) && first >= 1 && last >= first && width > 0 && Number.isFinite(width)) {
          this.columnWidths.push({ first: first - 1, last: last - 1, width });
        }
      }
      return;
    }
    switch (local) {
      case 'row': {
        const r = Number(a.r);
        this.rowIdx = Number.isInteger(r) && r >= 1 ? r - 1 : this.rowIdx + 1;
        if (this.rowIdx >= this.limits.maxRows) throw new PackageError('too_many_rows', this.part, '', { limit: this.limits.maxRows });
        this.row = this.values[this.rowIdx] ?? (this.values[this.rowIdx] = []);
        this.col = -1;
        break;
      }
      case 'c': {
        if (!this.row) {
          // A cell outside any row: it belongs to the row after the last one.
          this.rowIdx++;
          this.row = this.values[this.rowIdx] ?? (this.values[this.rowIdx] = []);
        }
        const ref = a.r;
        const at = ref ? columnOf(ref) : -1;
        this.col = at >= 0 ? at : this.col + 1;
        const cell = this.cell;
        cell.type = a.t ?? 'n';
        cell.v = '';
        cell.hasV = false;
        cell.formula = '';
        cell.inline = '';
        this.inCell = true;
        break;
      }
      case 'v':
        if (this.inCell) {
          this.inV = true;
          this.cell.hasV = true;
        }
        break;
      case 'f':
        if (this.inCell) {
          this.inF = true;
          this.cell.formula = this.cell.formula || '=';
        }
        break;
      case 'is':
        if (this.inCell) this.inIs = true;
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 't':
        this.inIsT = this.inIs && this.phonetic === 0;
        break;
    }
  }

  /** An element closes (`local` as for open). */
  close(local: string | null): void {
    const d = this.depth--;
    if (local === null) return;
    if (d === this.dataDepth) {
      this.dataDepth = -2;
      return;
    }
    if (this.dataDepth < 0) return;
    switch (local) {
      case 'c':
        if (this.inCell) this.finishCell();
        this.inCell = false;
        break;
      case 'row':
        this.row = null;
        break;
      case 'v':
        this.inV = false;
        break;
      case 'f':
        this.inF = false;
        break;
      case 'is':
        this.inIs = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 't':
        this.inIsT = false;
        break;
    }
  }

  /** Text or CDATA: it belongs to the open <v>, inline <t> or <f>, if any. */
  text(s: string): void {
    const cell = this.cell;
    if (this.inV) cell.v += s;
    else if (this.inIsT) cell.inline += s;
    else if (this.inF) cell.formula = cell.formula === '=' ? `=${s}` : cell.formula + s;
  }

  /** The cell is complete: its value goes into the row (empty cells are left out). */
  private finishCell(): void {
    const value = decodeCell(this.cell, this.strings, this.date1904);
    if (value === null || value === '') return;
    const row = this.row!;
    const col = this.col;
    if (col >= row.length) {
      this.count.cells += col + 1 - row.length;
      if (this.count.cells > this.limits.maxCells) throw new PackageError('too_many_cells', this.part, '', { limit: this.limits.maxCells });
      while (row.length < col) row.push(null);
      row.push(value);
    } else row[col] = value;
  }
}

/** One worksheet part → its values (no holes: a row never written is []), merged areas and tab selection. */
export async function readWorksheet(
  archive: PackageArchive,
  part: string,
  strings: readonly string[],
  date1904: boolean,
  count: CellCount,
): Promise<SheetRead> {
  const reader = new SheetReader(part, strings, date1904, archive.limits, count);
  const scope = new MainScope();
  await parsePart(archive, part, scope, (p) => {
    p.on('opentag', (tag) => reader.open(scope.open(tag), tag.attributes));
    p.on('closetag', () => reader.close(scope.close()));
    const text = (s: string) => reader.text(s);
    p.on('text', text);
    p.on('cdata', text);
  });
  const values = reader.values;
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  return { values, merges: reader.merges, columnWidths: reader.columnWidths, tabSelected: reader.tabSelected };
}

/** Keep each merged area's value in its top-left cell only (as Office.js reports it); trailing empty cells go. */
export function clearMergedCells(values: CellValue[][], merges: string[]): void {
  for (const ref of merges) {
    let a: ReturnType<typeof parseRange>;
    try {
      a = parseRange(ref);
    } catch {
      continue;
    }
    for (let r = a.top; r <= a.bottom && r < values.length; r++) {
      const row = values[r];
      for (let c = a.left; c <= Math.min(a.right, row.length - 1); c++) if (r !== a.top || c !== a.left) row[c] = null;
    }
  }
  for (const row of values) {
    let len = row.length;
    while (len > 0 && row[len - 1] === null) len--;
    row.length = len;
  }
}
