/**
 * A worksheet cell's value from what its XML says, as Office.js `values` gives it — pure functions, no XML:
 * numbers (dates as serial numbers, `t="d"` ISO dates converted), text (shared, inline or a formula's
 * string result; `_xHHHH_` escapes decoded, phonetic runs already left out by the reader), booleans, error
 * values as {error}. A formula cell whose file carries no result is {formula} (the parser names it). A
 * number the file spells that is not finite (`NaN`, `1e400`) stays its text, so the parser reports it
 * instead of reading a blank.
 */
import type { CellValue } from '../../../workbook/snapshot';
import { decodeXstring } from '../package/xml';

/** An XML boolean attribute's value ('1' or 'true'). */
export function isTrue(v: string | null | undefined): boolean {
  return v === '1' || v === 'true';
}

/** What a worksheet's <c> element says, as text (the worksheet reader's current cell). */
export interface CellText {
  /** The `t` attribute: n (or absent), s, str, inlineStr, b, e, d. */
  type: string;
  /** The cell has a <v> element, and its text (escapes and all; '' for an empty <v/>). */
  hasV: boolean;
  v: string;
  /** '' without <f>; else '=' and the <f> text ('=' alone for a shared formula's empty <f/>). */
  formula: string;
  /** The text of an inline string (<is>: its <t> runs joined, phonetic runs left out), escapes not yet decoded. */
  inline: string;
}

const DAY_MS = 86400000;
/** 1899-12-30 (day 0 of Excel's 1900 system) and 1904-01-01 (day 0 of the 1904 system), in ms. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An ISO 8601 date (a `t="d"` cell) as a serial number, or its text when it is not a date. */
export function isoToSerial(s: string, date1904: boolean): number | string {
  const text = s.trim();
  // A date-time without a zone is a wall-clock time: read it as UTC so the serial keeps its day.
  const withZone = /T[^Z+-]*$/.test(text) ? `${text}Z` : text;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) return s;
  const serial = (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
  return Math.round(serial * DAY_MS) / DAY_MS;
}

/**
 * The value of one cell. `strings` is the shared-string table; `date1904`: the workbook counts dates from
 * 1904 (only ISO `t="d"` cells are converted: a serial number stays the number the file holds). null or ''
 * is an empty cell.
 */
export function decodeCell(cell: CellText, strings: readonly string[], date1904: boolean): CellValue {
  const { hasV, v, formula } = cell;
  switch (cell.type) {
    case 's': {
      const i = Number(v);
      return hasV && Number.isInteger(i) && i >= 0 && i < strings.length ? strings[i] : null;
    }
    case 'inlineStr':
      return decodeXstring(cell.inline);
    case 'str':
      return hasV ? decodeXstring(v) : formula ? { formula } : null;
    case 'b':
      return hasV ? isTrue(v.trim()) : formula ? { formula } : null;
    case 'e':
      return hasV ? { error: v.trim() } : null;
    case 'd':
      return hasV ? isoToSerial(v, date1904) : formula ? { formula } : null;
    default: {
      if (!hasV || v.trim() === '') return formula ? { formula } : null;
      const n = Number(v);
      return Number.isFinite(n) ? n : v.trim();
    }
  }
}

/** The column of a cell reference ("AB12" → 27, 0-based); -1 when it is not a cell reference. */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === ref.length) return -1;
  const d = ref.charCodeAt(i);
  return d >= 48 && d <= 57 ? col - 1 : -1;
}
