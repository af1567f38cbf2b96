/** The snapshot of an opened package: which sheets are read in full is the rule of src/workbook/meta.ts (sheetReadings). */
import { sheetReadings } from '../../../workbook/meta';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../workbook/snapshot';
import { readSharedStrings } from './shared-strings';
import type { SheetEntry, WorkbookPackage } from './workbook';
import { clearMergedCells, readWorksheet } from './worksheet';
import type { CellCount } from './worksheet';

export interface ReadOptions {
  /**
   * Read the cells of the add-in's own output sheets too (default). Without them the snapshot holds those
   * sheets by name, mark and visibility only — all a run needs of them but the warnings sheet, whose ledger
   * columns (what people typed) are always read: an assessed workbook is then read about twice as fast.
   */
  outputs?: boolean;
}

/** The snapshot of an opened package: its worksheets in tab order (chart and dialog sheets hold no cells). */
export async function readSnapshot(pkg: WorkbookPackage, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const archive = pkg.archive;
  const sst = pkg.rels.ofKind('sharedStrings')[0];
  const strings = sst && archive.get(sst.target) ? await readSharedStrings(archive, archive.get(sst.target)!.name) : [];
  const count: CellCount = { cells: 0 };
  const worksheets = pkg.sheets.filter((s) => s.kind === 'worksheet');
  const read = async (s: SheetEntry): Promise<SheetSnapshot> => {
    let values: SheetSnapshot['values'] = [];
    let merges: string[] = [];
    let columnWidths: SheetSnapshot['columnWidths'] = [];
    if (s.part) {
      const r = await readWorksheet(archive, s.part, strings, pkg.date1904, count);
      ({ values, merges, columnWidths } = r);
      if (r.tabSelected) s.tabSelected = true;
    }
    clearMergedCells(values, merges);
    return { name: s.name, values, merges, visibility: s.state, ...(s.marked ? { marked: true } : {}), ...(columnWidths?.length ? { columnWidths } : {}) };
  };
  const bare = (s: SheetEntry): SheetSnapshot => ({ name: s.name, values: [], merges: [], visibility: s.state, ...(s.marked ? { marked: true } : {}) });
  // The run record first: which sheets are outputs depends on it.
  const metaAt = sheetReadings({ sheets: worksheets.map(bare) }).indexOf('meta');
  const meta = metaAt >= 0 ? await read(worksheets[metaAt]) : null;
  const readings = opts.outputs === false ? sheetReadings({ sheets: worksheets.map((s, i) => (i === metaAt ? meta! : bare(s))) }) : null;
  const sheets: SheetSnapshot[] = [];
  for (let i = 0; i < worksheets.length; i++) {
    if (i === metaAt) sheets.push(meta!);
    else if (readings?.[i] === 'output') sheets.push(bare(worksheets[i]));
    else sheets.push(await read(worksheets[i]));
  }
  return { sheets };
}
