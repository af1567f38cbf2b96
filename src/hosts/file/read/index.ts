/**
 * The file host's reader: the parts of an .xlsx package that the assessment needs, straight into a plain
 * WorkbookSnapshot (the shape the Office.js host produces, so both compute the same fingerprint).
 *
 * - workbook.ts: the package opened — the workbook part (found through the package relationships), its
 *   sheet list, states, defined names and protection, read with a namespace-aware DOM;
 * - scope.ts: worksheets and the shared-string table stream through saxes (plain mode, namespaces kept in
 *   scope by MainScope) chunk by chunk as they are inflated: memory holds the cells, never a worksheet's
 *   whole XML text;
 * - shared-strings.ts: the shared-string table;
 * - worksheet.ts: a worksheet's cells and merged areas (inside a merged area only the top-left cell keeps
 *   its value, as Office.js reports it); limits (PackageLimits) on rows per sheet and cells in all;
 * - cell.ts: a cell's value from its XML text (decodeCell, pure);
 * - snapshot.ts: the snapshot — which sheets are read in full is the rule both hosts share
 *   (sheetReadings, src/workbook/meta.ts).
 */
export { openWorkbook } from './workbook';
export type { WorkbookPackage } from './workbook';
export { readSnapshot } from './snapshot';
export type { ReadOptions } from './snapshot';

