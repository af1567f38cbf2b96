/** A1 addressing helpers shared by reader, renderer and hosts. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function colName(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 26. */
export function colIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based (row, col) → "B5". */
export function a1(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

/** "B5" → {row: 4, col: 1}. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not an A1 reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

/** "A1:C3" → corners (0-based, inclusive). A single cell is a 1×1 range. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** A sheet name quoted for a reference when it needs it: 'My sheet'!A1 ; quotes doubled. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Sheet!A5` as the report writes it (the sheet name unquoted, as SPEC §5 shows). */
export function cellAddress(ref: { sheet: string; row: number; col: number }): string {
  return `${ref.sheet}!${a1(ref.row, ref.col)}`;
}

/** A link target for Excel: 'Sheet'!A5. */
export function linkTarget(ref: { sheet: string; row: number; col: number }): string {
  return `${quoteSheet(ref.sheet)}!${a1(ref.row, ref.col)}`;
}
