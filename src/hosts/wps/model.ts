/**
 * The part of the WPS 表格 (ET) JSAPI object model the WPS host uses: `window.Application` inside a WPS
 * 加载项 (or `wps.EtApplication()`), a VBA-like object model whose calls are synchronous and each cross
 * into WPS's process. Names, arguments and constants are VBA's, which the WPS JSAPI documents one for one
 * (airsheet.wps.cn/docs/apiV2/excel/workbook/…: "Worksheets.Item", "Range.Value2", "Worksheet.Visible" with
 * xlSheetVeryHidden…); where WPS's pages are silent we follow Excel VBA's reference and say so in
 * docs/decisions.md. Only what the host calls is typed here; test/support/fake-wps.ts implements exactly
 * this surface, as strictly as WPS.
 */

/** A VBA cell value as the JSAPI returns it: numbers (dates as serials), strings, booleans; empty is undefined or null. */
export type WpsScalar = string | number | boolean | null | undefined;
/** Value2 of a range: a scalar for one cell, a 2D array (rows of columns, 0-based in JS) for more (VBA semantics). */
export type WpsValue2 = WpsScalar | WpsScalar[][];

/** XlSheetVisibility (VBA): xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
export const XL_SHEET = { visible: -1, hidden: 0, veryHidden: 2 } as const;
/** XlHAlign / XlVAlign (VBA). */
export const XL_ALIGN = { left: -4131, center: -4108, right: -4152, top: -4160, bottom: -4107 } as const;
/** XlCellType (SpecialCells): xlCellTypeConstants 2, xlCellTypeFormulas -4123; XlSpecialCellsValue xlErrors 16. */
export const XL_CELLS = { constants: 2, formulas: -4123, errors: 16 } as const;
/** XlLineStyle xlContinuous 1; XlPaperSize xlPaperA4 9; XlPageOrientation portrait 1 / landscape 2. */
export const XL_PAGE = { continuous: 1, a4: 9, portrait: 1, landscape: 2 } as const;
/** XlDVType: xlValidateWholeNumber 1, xlValidateDecimal 2; XlDVAlertStyle xlValidAlertStop 1; XlFormatConditionOperator xlBetween 1. */
export const XL_VALIDATION = { whole: 1, decimal: 2, stop: 1, between: 1 } as const;

export interface WpsFont {
  Bold: boolean | null;
  Italic: boolean | null;
  Size: number | null;
  Name: string | null;
  /** BGR as a number (VBA's RGB()), not #RRGGBB. */
  Color: number | null;
}

export interface WpsInterior {
  /** BGR as a number (VBA's RGB()). */
  Color: number | null;
}

export interface WpsBorders {
  LineStyle: number | null;
  Color: number | null;
}

export interface WpsHyperlinks {
  Add(Anchor: WpsRange, Address: string, SubAddress?: string, ScreenTip?: string, TextToDisplay?: string): unknown;
}

export interface WpsValidation {
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string | number, Formula2?: string | number): void;
  Delete(): void;
  ErrorTitle: string;
  ErrorMessage: string;
}

export interface WpsAreas {
  readonly Count: number;
  Item(index: number): WpsRange;
}

export interface WpsRange {
  /** One cell: a scalar; several: a 2D array. Assigning a 2D array writes the block in one call. */
  Value2: WpsValue2;
  Formula: string | string[][];
  /** A string for a range of one format; null when the range holds several. Assigning a string sets them all. */
  NumberFormat: string | null;
  /** The displayed text of one cell (an error cell's `#N/A`). */
  readonly Text: string | null;
  readonly Address: string;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Areas: WpsAreas;
  /** true: all merged; false: none; null: some (VBA). */
  readonly MergeCells: boolean | null;
  readonly MergeArea: WpsRange;
  readonly Locked: boolean | null;
  Cells: WpsCells;
  Font: WpsFont;
  Interior: WpsInterior;
  Borders: WpsBorders;
  Validation: WpsValidation;
  HorizontalAlignment: number | null;
  VerticalAlignment: number | null;
  WrapText: boolean | null;
  ColumnWidth: number | null;
  RowHeight: number | null;
  Merge(Across?: boolean): void;
  UnMerge(): void;
  Clear(): void;
  Select(): void;
  /** Throws (VBA: "No cells were found") when the range has no such cells. */
  SpecialCells(Type: number, Value?: number): WpsRange;
}

/** Worksheet.Cells / Range.Cells: `Item(row, column)`, 1-based. */
export interface WpsCells extends WpsRange {
  Item(row: number, column: number): WpsRange;
}

export interface WpsName {
  /** A sheet-level name reads as `Sheet1!Name` (VBA). */
  readonly Name: string;
  readonly RefersTo: string;
  Visible: boolean;
  Delete(): void;
}

export interface WpsNames {
  readonly Count: number;
  Item(index: number | string): WpsName;
  Add(Name: string, RefersTo: string, Visible?: boolean): WpsName;
}

export interface WpsPageSetup {
  PaperSize: number;
  Orientation: number;
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  CenterHorizontally: boolean;
  CenterHeader: string;
  CenterFooter: string;
  PrintTitleRows: string;
}

export interface WpsWorksheet {
  Name: string;
  /** XlSheetVisibility: -1, 0 or 2 (XL_SHEET). */
  Visible: number | boolean;
  readonly Index: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: WpsRange;
  readonly Cells: WpsCells;
  readonly Names: WpsNames;
  readonly PageSetup: WpsPageSetup;
  readonly Tab: { Color: number | false };
  readonly Hyperlinks: WpsHyperlinks;
  /** The sheet's standard column width (characters) and row height (points). */
  readonly StandardWidth: number;
  readonly StandardHeight: number;
  Range(address: string): WpsRange;
  Activate(): void;
  /** Shows WPS's "delete this sheet?" prompt unless Application.DisplayAlerts is false (VBA). */
  Delete(): void;
  Move(Before?: WpsWorksheet, After?: WpsWorksheet): void;
}

export interface WpsSheets {
  readonly Count: number;
  /** 1-based (or by name); Item(0) throws. */
  Item(index: number | string): WpsWorksheet;
  /** Adds a worksheet (after `After` when given) and returns it. */
  Add(Before?: WpsWorksheet, After?: WpsWorksheet): WpsWorksheet;
}

export interface WpsWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly Worksheets: WpsSheets;
  readonly Sheets: WpsSheets;
  /** Structure protected (Review → Protect Workbook). */
  readonly ProtectStructure: boolean;
}

export interface WpsWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
  ScrollRow: number;
  ScrollColumn: number;
}

/** `window.Application` in a WPS 表格 add-in. */
export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveWindow: WpsWindow | null;
  readonly ActiveSheet: WpsWorksheet | null;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  /** WPS's UI language as an LCID-style code (2052 zh-CN, 1033 en-US); may be absent. */
  readonly LanguageSettings?: { LanguageID(type: number): number };
}
