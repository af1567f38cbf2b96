/**
 * Fingerprint of the inputs: every sheet the add-in does not own, its name and its values. Both hosts
 * compute it from the same snapshot, so a workbook assessed by one is recognised by the other.
 */
import type { CellValue, WorkbookSnapshot } from './snapshot';

function cellText(v: CellValue): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'object') return `#E${v.error}`;
  return `${typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's'}${String(v)}`;
}

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. Not cryptographic: it detects edits. */
export function fingerprint(snapshot: WorkbookSnapshot, owned: Set<string>): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    }
  };
  for (const sheet of snapshot.sheets) {
    if (owned.has(sheet.name)) continue;
    feed(`\u0001${sheet.name}`);
    sheet.values.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        const t = cellText(v);
        if (t) feed(`\u0002${r},${c}\u0003${t}`);
      });
    });
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
