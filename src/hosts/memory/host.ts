/**
 * A workbook held in memory as a snapshot: a WorkbookPort (src/app/ports.ts). The task pane's
 * preview runs over it (the sample workbook) through the same pane host as inside Excel; tests use it as
 * a faithful, fast host. A patch is applied the way Excel applies it: output sheets created or replaced
 * (values only; links become their text), owned sheets deleted, the results sheet activated; an insert
 * refuses, changing nothing, when one of its sheets exists.
 */
import type { CellEdit, WorkbookPort } from '../../app/ports';
import { refuseTaken } from '../../app/pane-service';
import { a1 } from '../../domain/cell-ref';
import { parseCellAddress } from '../../workbook/a1';
import type { CellValue, SheetPatch, SheetSnapshot, WorkbookPatch, WorkbookSnapshot } from '../../workbook/snapshot';

export interface Selection {
  sheet: string;
  row: number;
  col: number;
  /** `Sheet!A5` */
  address: string;
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function sheetFromPatch(p: SheetPatch): SheetSnapshot {
  const values: CellValue[][] = p.values.map((row) => row.map((v) => (v === undefined ? null : v)));
  for (const link of p.links) {
    values[link.row] = values[link.row] ?? [];
    values[link.row][link.col] = link.text;
  }
  return { name: p.name, values, merges: [...p.merges], visibility: p.visibility, ...(p.owned ? { marked: true } : {}) };
}

export class MemoryHost implements WorkbookPort {
  readonly kind = 'preview' as const;
  private sheets: SheetSnapshot[];
  active: string | null = null;
  selection: Selection | null = null;
  /** Counts, for tests: each read and write is one round trip. */
  reads = 0;
  writes = 0;
  /** Bumped on every change, for subscribers (the preview's view of its workbook). */
  version = 0;
  private listeners = new Set<() => void>();

  constructor(snapshot: WorkbookSnapshot) {
    this.sheets = clone(snapshot.sheets);
    this.active = this.sheets.find((s) => s.visibility === 'visible')?.name ?? null;
  }

  /** Subscribe to changes (selection, sheets); returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  snapshot(): WorkbookSnapshot {
    return { sheets: clone(this.sheets) };
  }

  sheetNames(visibleOnly = true): string[] {
    return this.sheets.filter((s) => !visibleOnly || s.visibility === 'visible').map((s) => s.name);
  }

  cell(sheet: string, row: number, col: number): CellValue {
    return this.sheets.find((s) => s.name === sheet)?.values[row]?.[col] ?? null;
  }

  async read(): Promise<WorkbookSnapshot> {
    this.reads++;
    return this.snapshot();
  }

  async write(patch: WorkbookPatch): Promise<void> {
    this.writes++;
    const dropped = new Set(patch.deleteSheets);
    this.sheets = this.sheets.filter((s) => !dropped.has(s.name));
    for (const p of patch.sheets) {
      const sheet = sheetFromPatch(p);
      const at = this.sheets.findIndex((s) => s.name === p.name);
      if (at >= 0) this.sheets[at] = sheet;
      else this.sheets.push(sheet);
    }
    if (patch.activate && this.sheets.some((s) => s.name === patch.activate)) this.active = patch.activate;
    if (this.active && !this.sheets.some((s) => s.name === this.active)) this.active = this.sheets[0]?.name ?? null;
    this.changed();
  }

  async select(address: string): Promise<void> {
    const { sheet, row, col } = parseCellAddress(address);
    if (!this.sheets.some((s) => s.name === sheet)) throw new Error(`no sheet ${sheet}`);
    this.active = sheet;
    this.selection = { sheet, row, col, address: `${sheet}!${a1(row, col)}` };
    this.changed();
  }

  async insert(patch: WorkbookPatch): Promise<void> {
    refuseTaken(this.snapshot(), patch);
    await this.write(patch);
  }

  async editCells(sheetName: string, cells: CellEdit[]): Promise<void> {
    const sheet = this.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    for (const c of cells) {
      while (sheet.values.length <= c.row) sheet.values.push([]);
      const row = sheet.values[c.row];
      while (row.length <= c.col) row.push(null);
      row[c.col] = c.value;
    }
    this.writes++;
    this.changed();
  }
}
