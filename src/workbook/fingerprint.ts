/**
 * Fingerprint of the inputs: every sheet the add-in does not own, its name and its values. Both hosts
 * compute it from the same snapshot, so a workbook assessed by one is recognised by the other.
 */
import type { CellValue, WorkbookSnapshot } from './snapshot';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** 64-bit (two 32-bit FNV-1a lanes) over the inputs, as 16 hex digits. Not cryptographic: it detects edits. */
export function fingerprint(snapshot: WorkbookSnapshot, owned: Set<string>): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const feedCode = (c: number) => {
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  };
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) feedCode(s.charCodeAt(i));
  };
  for (const sheet of snapshot.sheets) {
    if (owned.has(sheet.name)) continue;
    feedCode(1);
    feed(sheet.name);
    const rows = sheet.values;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v: CellValue = row[c];
        if (v === null || v === undefined || v === '') continue;
        // Position, then a type tag, then the value's text.
        feedCode(2);
        feedCode(r & 0xffff);
        feedCode(r >>> 16);
        feedCode(c);
        if (typeof v === 'object') {
          feedCode(69); // E
          feed(v.error);
        } else if (typeof v === 'number') {
          feedCode(110); // n, then the number's 64 bits
          F64[0] = v;
          feedCode(U32[0]);
          feedCode(U32[1]);
        } else if (typeof v === 'boolean') {
          feedCode(v ? 84 : 70);
        } else {
          feedCode(115); // s
          feed(v);
        }
      }
    }
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
