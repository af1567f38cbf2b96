/**
 * "A user types into a cell" for .xlsx bytes: the cell's XML in the sheet part is replaced (or added to
 * its row) as a spreadsheet program saves a typed value — text as an inline string, a number (a date is
 * a number) as <v>. The cell keeps its style, as a typed cell does. Only the sheet part changes.
 */
import JSZip from 'jszip';
import { parseA1 } from '../../src/workbook/a1';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const m = new RegExp(`<sheet [^>]*name="${sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(wb);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const r = new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!r) throw new Error(`no relationship ${m[1]}`);
  return r[1].startsWith('/') ? r[1].slice(1) : `xl/${r[1]}`;
}

/** Type values into cells of a sheet (A1 addresses); `null` clears the cell's value. */
export async function typeInto(bytes: Uint8Array, sheet: string, cells: Record<string, string | number | null>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPart(zip, sheet);
  let xml = await zip.file(part)!.async('string');
  for (const [ref, value] of Object.entries(cells)) {
    const { row } = parseA1(ref);
    const body =
      value === null ? '' : typeof value === 'number' ? `<v>${value}</v>` : `<is><t xml:space="preserve">${esc(value)}</t></is>`;
    const cell = (style: string) => (value === null ? `<c r="${ref}"${style}/>` : `<c r="${ref}"${style}${typeof value === 'string' ? ' t="inlineStr"' : ''}>${body}</c>`);
    const existing = new RegExp(`<c r="${ref}"((?: [a-zA-Z:]+="[^"]*")*?)\\s*(?:/>|>[\\s\\S]*?</c>)`);
    const m = existing.exec(xml);
    if (m) {
      const style = / s="\d+"/.exec(m[1])?.[0] ?? '';
      xml = xml.replace(existing, cell(style));
      continue;
    }
    // No such cell: add it at the end of its row (cells of this test's edits come after the row's others); a new row when needed.
    const rowRe = new RegExp(`(<row [^>]*r="${row + 1}"[^>]*>)([\\s\\S]*?)(</row>)`);
    if (rowRe.test(xml)) xml = xml.replace(rowRe, (_, open: string, inner: string, close: string) => `${open}${inner}${cell('')}${close}`);
    else {
      // No such row (below the table): add it before the first row after it, as a spreadsheet program saves it.
      const after = [...xml.matchAll(/<row [^>]*r="(\d+)"/g)].find((x) => Number(x[1]) > row + 1);
      const line = `<row r="${row + 1}">${cell('')}</row>`;
      if (after) xml = xml.slice(0, after.index) + line + xml.slice(after.index);
      else if (xml.includes('</sheetData>')) xml = xml.replace('</sheetData>', `${line}</sheetData>`);
      else throw new Error(`no row ${row + 1} in ${sheet}`);
    }
  }
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * "A user drags a column wider" for .xlsx bytes: the sheet part's `<cols>` gets a `<col>` of that width for
 * the column (0-based), as Excel saves a dragged column (customWidth="1"; ECMA-376 §18.3.1.13). The column
 * must be right of every column `<cols>` already lists (the order the schema requires is kept).
 */
export async function widenColumn(bytes: Uint8Array, sheet: string, col: number, chars: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPart(zip, sheet);
  let xml = await zip.file(part)!.async('string');
  const el = `<col min="${col + 1}" max="${col + 1}" width="${chars}" customWidth="1"/>`;
  for (const m of xml.matchAll(/<col [^>]*max="(\d+)"/g)) if (Number(m[1]) > col) throw new Error(`column ${col + 1} is already listed in <cols>`);
  xml = xml.includes('</cols>') ? xml.replace('</cols>', `${el}</cols>`) : xml.replace('<sheetData', `<cols>${el}</cols><sheetData`);
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
