/**
 * Reading A1 addresses (the one parser of sheet addresses: the reader, the pane, the hosts) and writing
 * the links Excel follows. A cell's name (colName, a1, cellAddress) is the domain's: src/domain/cell-ref.ts.
 */
import { a1 } from '../domain/cell-ref';

/** "B5" → {row: 4, col: 1}; `$` anchors and surrounding white space are allowed. */
export function parseA1(ref: string): { row: number; col: number } {
  // Read character by character: references are parsed for every styled cell of a large sheet.
  let i = 0;
  let end = ref.length;
  while (i < end && isSpace(ref.charCodeAt(i))) i++;
  while (end > i && isSpace(ref.charCodeAt(end - 1))) end--;
  if (i < end && ref.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const colStart = i;
  for (; i < end; i++) {
    const c = ref.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === colStart) throw new Error(`not an A1 reference: ${ref}`);
  if (i < end && ref.charCodeAt(i) === 36 /* $ */) i++;
  let row = 0;
  const rowStart = i;
  for (; i < end; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || i !== end) throw new Error(`not an A1 reference: ${ref}`);
  return { row: row - 1, col: col - 1 };
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x1680 || c === 0x202f || c === 0x205f;
}

/**
 * `Sheet!A5`, `'My sheet'!B3:D9` or a bare `A5` → the sheet ('' when none; quotes taken off, doubled quotes
 * undone) and the reference after the last `!`. The one parser of sheet addresses: the pane, the hosts and
 * the reader all split addresses here.
 */
export function splitSheetRef(address: string): { sheet: string; ref: string } {
  const at = address.lastIndexOf('!');
  if (at < 0) return { sheet: '', ref: address };
  let sheet = address.slice(0, at);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(at + 1) };
}

/** `Sheet!A5`, `'My sheet'!$A$5` → the sheet, the 0-based cell and its A1 text; throws when it is not one. */
export function parseCellAddress(address: string): { sheet: string; row: number; col: number; a1: string } {
  const { sheet, ref } = splitSheetRef(address);
  if (ref === address) throw new Error(`not a sheet reference: ${address}`);
  const cell = ref.replace(/\$/g, '');
  const { row, col } = parseA1(cell);
  return { sheet, row, col, a1: cell.toUpperCase() };
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
  // A few sheet names, quoted for every link of a large sheet: remembered.
  let q = QUOTED.get(name);
  if (q === undefined) {
    q = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
    if (QUOTED.size < 256) QUOTED.set(name, q);
  }
  return q;
}
const QUOTED = new Map<string, string>();

/** A link target for Excel: 'Sheet'!A5. */
export function linkTarget(ref: { sheet: string; row: number; col: number }): string {
  return `${quoteSheet(ref.sheet)}!${a1(ref.row, ref.col)}`;
}
