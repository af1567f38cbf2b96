/**
 * The WPS host: the WorkbookPort (src/app/ports.ts) over WPS 表格's JSAPI — `window.Application` inside a
 * WPS 加载项 (model.ts). The same port as the Office and file hosts: a read gives the snapshot every host
 * gives (read.ts: one Value2 per block of a sheet's used range), a write applies the same patch in the same
 * crash-safe order, with the same ownership marks and in-place refills (write.ts). The JSAPI is synchronous
 * (each call crosses into WPS's process and returns its answer); the port's methods are async all the same.
 *
 * The pane can go to a cell and edit rule cells, as in Excel: `select` and `editCells`.
 */
import type { CellEdit, WorkbookPort, WriteResult } from '../../app/ports';
import { AssessError } from '../../domain/errors';
import { a1 } from '../../domain/cell-ref';
import { parseA1, splitSheetRef } from '../../workbook/a1';
import type { WorkbookPatch, WorkbookSnapshot } from '../../workbook/snapshot';
import { TEXT_FORMAT, needsTextFormat } from '../../workbook/text-format';
import type { ReadState } from '../../workbook/write-guard';
import { WPS_CODES } from '../../i18n/wps-host';
import type { WpsApplication, WpsWorksheet } from './model';
import { activeWorkbook, readWorkbook } from './read';
import { writePatch } from './write';

function sheetNamed(app: WpsApplication, name: string): WpsWorksheet {
  const sheets = activeWorkbook(app).Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const ws = sheets.Item(i);
    if (ws.Name.toLocaleLowerCase() === name.toLocaleLowerCase()) return ws;
  }
  throw new AssessError('host', WPS_CODES.noSheet, { sheet: name });
}

/** The WPS host: read, write, insert; select and edit cells for the pane. */
export class WpsHost implements WorkbookPort {
  readonly kind = 'wps' as const;
  private state: ReadState | null = null;

  constructor(private readonly app: WpsApplication) {}

  async read(): Promise<WorkbookSnapshot> {
    this.state = readWorkbook(this.app);
    return this.state.snapshot;
  }

  async write(patch: WorkbookPatch): Promise<WriteResult> {
    const state = this.state ?? readWorkbook(this.app);
    this.state = null; // a later write must read again
    writePatch(this.app, state, patch, 'owned');
    return { notes: [] };
  }

  /** Add sheets that must not exist yet (the template): refuses, changing nothing, when one exists. */
  async insert(patch: WorkbookPatch): Promise<void> {
    writePatch(this.app, readWorkbook(this.app), patch, 'create');
  }

  /**
   * Single values into an existing sheet (the rule editor): strings as text ("@" first when WPS would read
   * them as a formula, number or date), numbers as numbers, null clears. A locked cell of a protected sheet
   * is refused before anything is written, naming the sheet and the cell.
   */
  async editCells(sheet: string, cells: CellEdit[]): Promise<void> {
    const ws = sheetNamed(this.app, sheet);
    if (ws.ProtectContents) {
      for (const c of cells) {
        if (ws.Cells.Item(c.row + 1, c.col + 1).Locked !== false) {
          throw new AssessError('host', WPS_CODES.protectedCell, { sheet: ws.Name, cell: a1(c.row, c.col) });
        }
      }
    }
    for (const c of cells) {
      const cell = ws.Cells.Item(c.row + 1, c.col + 1);
      if (typeof c.value === 'string' && needsTextFormat(c.value)) cell.NumberFormat = TEXT_FORMAT;
      cell.Value2 = c.value === null ? '' : c.value;
    }
  }

  /** Go to a cell given as `Sheet!A5` or `'My sheet'!A5`: activate its sheet and select it. */
  async select(address: string): Promise<void> {
    const { sheet, ref } = splitSheetRef(address);
    parseA1(ref.split(':')[0]); // a malformed address throws before touching WPS
    const ws = sheet ? sheetNamed(this.app, sheet) : this.app.ActiveSheet;
    if (!ws) throw new AssessError('host', WPS_CODES.noWorkbook);
    ws.Activate();
    ws.Range(ref).Select();
  }
}

/** The port over a WPS application (the WPS add-in passes `window.Application`). */
export function wpsPort(app: WpsApplication): WorkbookPort {
  return new WpsHost(app);
}
