/**
 * How the product names a cell (SPEC §5: `Sheet!A1`): the column letters, the A1 reference of a 0-based
 * cell and a CellRef's address. Pure; every data issue, warning and link names its cell with these. Reading
 * addresses back is src/workbook/a1.ts.
 */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function colName(col: number): string {
  if (col >= 0 && col < COL_NAMES.length) return COL_NAMES[col];
  return spellColumn(col);
}

function spellColumn(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The names of the first 702 columns (A…ZZ), spelled once: every cell reference the renderer writes uses them. */
const COL_NAMES: readonly string[] = Array.from({ length: 702 }, (_, i) => spellColumn(i));

/** 0-based (row, col) → "B5". */
export function a1(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

/** `Sheet!A5` as the report writes it (the sheet name unquoted, as SPEC §5 shows). */
export function cellAddress(ref: { sheet: string; row: number; col: number }): string {
  return `${ref.sheet}!${a1(ref.row, ref.col)}`;
}
