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
  // Hot loop (100,000-row workbooks): the hash steps are written out inline, no closures, no strings built.
  const words: number[] = [];
  const flush = () => {
    for (let i = 0; i < words.length; i++) {
      const c = words[i];
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    words.length = 0;
  };
  const pushText = (t: string) => {
    for (let i = 0; i < t.length; i++) words.push(t.charCodeAt(i));
  };
  for (const sheet of snapshot.sheets) {
    if (owned.has(sheet.name)) continue;
    words.push(1);
    pushText(sheet.name);
    const rows = sheet.values;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v: CellValue = row[c];
        if (v === null || v === undefined || v === '') continue;
        // Position, then a type tag, then the value.
        words.push(2, r, c);
        if (typeof v === 'number') {
          F64[0] = v;
          words.push(110, U32[0], U32[1]);
        } else if (typeof v === 'string') {
          words.push(115);
          pushText(v);
        } else if (typeof v === 'boolean') {
          words.push(v ? 84 : 70);
        } else if ('error' in v) {
          words.push(69);
          pushText(v.error);
        } else {
          words.push(85);
          pushText(v.formula);
        }
      }
      if (words.length > 4096) flush();
    }
  }
  flush();
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
