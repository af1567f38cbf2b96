/**
 * The host port. A host (Office.js inside Excel, ExcelJS for files, in-memory for the preview) turns
 * the workbook into a plain snapshot in one round trip and applies a patch in one more.
 */

/** An Excel error value (#N/A, #DIV/0! …). */
export interface ErrorCell {
  error: string;
}

/**
 * A formula cell whose file carries no calculated result (a file written by a program that does not
 * calculate, never opened in a spreadsheet program). Office.js never gives one: Excel always calculates.
 */
export interface UncalculatedCell {
  /** The formula as written, with its leading "=". */
  formula: string;
}

/** A cell as the parser sees it: formula cells by their cached value, rich text as plain text. */
export type CellValue = string | number | boolean | null | ErrorCell | UncalculatedCell;

export interface SheetSnapshot {
  name: string;
  /** values[r][c] is the cell at 0-based row r, column c of the sheet (A1 = [0][0]). Rows may be ragged. */
  values: CellValue[][];
  /** Merged areas as A1 ranges ("A1:R1"), where the host knows them. */
  merges: string[];
  /**
   * The host could not read where merged cells are (Excel before ExcelApi 1.13): `merges` is empty whatever
   * the sheet holds, and a merged cell reads as its first cell's value with blanks under it. The reader then
   * reports the blanks a merge would explain (MERGED_CELL_UNREAD) instead of taking them for empty cells.
   */
  mergesUnknown?: boolean;
  /** Sheet visibility; hidden sheets are still read. */
  visibility: 'visible' | 'hidden' | 'veryHidden';
  /**
   * The sheet carries the add-in's ownership mark (OWNER_MARK, a hidden sheet-scoped name written with
   * every owned sheet). A sheet is the add-in's only when the run record lists it and it carries the mark.
   */
  marked?: boolean;
  /**
   * Widths the sheet sets for its columns (in characters, as SpreadsheetML's `<col width>`), where the host
   * reads them: the file host for every sheet it reads, the Office host for the warnings sheet (its ledger
   * columns). Columns not covered have the default width.
   */
  columnWidths?: ColumnWidth[];
}

/** A run of columns of one width (0-based, inclusive). */
export interface ColumnWidth {
  first: number;
  last: number;
  width: number;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** A style run over a rectangular range of an output sheet. */
export interface RangeStyle {
  /** A1 range on the sheet, e.g. "A1:H1" or "F5". */
  range: string;
  fill?: string; // hex RRGGBB
  fontColor?: string; // hex RRGGBB
  bold?: boolean;
  italic?: boolean;
  size?: number;
  numberFormat?: string;
  horizontal?: 'left' | 'center' | 'right';
  /** Vertical alignment; cells are centred vertically where nothing is said. */
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  border?: boolean;
  /** Font name (宋体 for the printed tables, 黑体 for their titles); the workbook's default font otherwise. */
  font?: string;
}

/** How a sheet prints (Excel's Page Setup): paper, orientation, scaling, centring, header and footer. */
export interface PageSetup {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Shrink to one page wide, as many pages tall as needed. */
  fitToWidth: boolean;
  /** Without fitToWidth: print at this percentage (10–400), the columns that do not fit going on to further pages. */
  scale?: number;
  /** Centre the table between the left and right margins. */
  centerHorizontally: boolean;
  /** Centred page header / footer with Excel's codes (&P this page, &N the pages): "第&P页 共&N页". */
  header?: string;
  footer?: string;
}

/** An internal link from an output cell to a cell of the workbook. */
export interface CellLink {
  /** 0-based row/col in the output sheet. */
  row: number;
  col: number;
  /** Target as a quoted reference: 'Sheet name'!A5 */
  target: string;
  text: string;
}

export type OutputValue = string | number | null;

/**
 * A numeric data validation on a range of an output or template sheet (Excel "Data validation" →
 * decimal or whole number between min and max). Hosts that cannot write validations may skip them.
 */
export interface DataValidation {
  /** A1 range on the sheet, e.g. "G4:G203". */
  range: string;
  min: number;
  max: number;
  /** True: decimal numbers allowed; false: whole numbers only. */
  decimals: boolean;
  /** Error message shown when a value outside the range is typed (user's language). */
  message?: string;
  /** Title of that error alert (user's language). */
  title?: string;
}

export interface SheetPatch {
  name: string;
  /** An output sheet the add-in owns: the host writes the ownership mark with it (template sheets are the user's). */
  owned?: boolean;
  /** 2-D values, rectangular. Strings are always written as text, never as formulas. */
  values: OutputValue[][];
  styles: RangeStyle[];
  links: CellLink[];
  merges: string[];
  /** Column widths in characters, one per column. */
  columnWidths: number[];
  /** Heights (points) of rows whose wrapped text needs more than one line (0-based rows); others stay default. */
  rowHeights?: { row: number; height: number }[];
  /** Rows (and columns) frozen at the top-left. */
  freeze: { rows: number; cols: number };
  visibility: 'visible' | 'veryHidden';
  tabColor?: string;
  landscape: boolean;
  /** Page setup of a sheet meant to be printed (the official tables); when present it wins over `landscape`. */
  page?: PageSetup;
  /** Rows repeated on every printed page (1-based, e.g. "4:4"), if any. */
  printTitleRows?: string;
  /** Optional: numeric data validations (the template's score columns). */
  validations?: DataValidation[];
}

export interface WorkbookPatch {
  /** Owned sheets to write, created or completely rewritten, in tab order after the inputs. */
  sheets: SheetPatch[];
  /** Owned sheets of an earlier run that this run no longer produces. */
  deleteSheets: string[];
  /** Sheet to activate after the run (the results sheet). */
  activate: string | null;
}
