/**
 * The sheet writer stores its XML as UTF-8 bytes chunk by chunk (src/hosts/file/xlsx/bytes.ts): numbers,
 * references and text must come out exactly, across chunk and buffer boundaries, as an independent reader
 * (ExcelJS) and the platform's own decoder see them. And cell references are parsed as Excel spells them.
 */
import ExcelJS from 'exceljs';
import { patchXlsx } from '../src/hosts/file/write';
import { CHUNK_BYTES, XmlBytes } from '../src/hosts/file/xlsx/bytes';
import { parseA1, parseRange } from '../src/workbook/a1';
import type { SheetPatch } from '../src/workbook/snapshot';

describe('XmlBytes', () => {
  test('integers, ASCII markup and any text come out as the UTF-8 of the same string', () => {
    const b = new XmlBytes();
    const expected: string[] = [];
    const numbers = [0, 7, 9, 10, 99, 100, 1048576, 2147483647, 9007199254740991];
    for (const n of numbers) {
      b.ascii('<r n="');
      b.uint(n);
      b.ascii('"/>');
      expected.push(`<r n="${n}"/>`);
    }
    const texts = ['第1党小组', '𠀋 surrogate pair', 'é', '', 'plain'];
    for (const t of texts) {
      b.text(t);
      expected.push(t);
    }
    expect(new TextDecoder().decode(b.take())).toBe(expected.join(''));
    expect(b.size).toBe(0);
  });

  test('the buffer grows past its first size without losing what it holds', () => {
    const b = new XmlBytes();
    const line = '党小组考评 ok;';
    let expected = '';
    while (Buffer.byteLength(expected) < CHUNK_BYTES * 5) {
      b.text(line);
      expected += line;
    }
    expect(Buffer.from(b.take()).toString('utf8')).toBe(expected);
  });
});

describe('a sheet written in several chunks', () => {
  test('every cell reads back exactly in another reader', async () => {
    // Enough rows for many chunks; long Chinese text makes the chunk edges fall anywhere in the text.
    const rows = 6000;
    const values = Array.from({ length: rows }, (_, r) => [r + 1, `第${r + 1}党小组 ${'考评'.repeat(r % 50)}`, (r * 7) / 4, r % 3 === 0 ? null : 'x']);
    const sheet: SheetPatch = {
      name: '分块',
      values,
      styles: [{ range: `A1:D${rows}`, bold: true }],
      links: [],
      merges: [],
      columnWidths: [10, 30, 10, 5],
      freeze: { rows: 0, cols: 0 },
      visibility: 'visible',
      landscape: false,
    };
    const out = await patchXlsx(null, { sheets: [sheet], deleteSheets: [], activate: null }, new Set());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('分块')!;
    expect(ws.rowCount).toBe(rows);
    for (let r = 0; r < rows; r += 1) {
      const row = ws.getRow(r + 1);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]).toEqual(values[r]);
    }
    expect(ws.getCell(`D${rows - 1}`).font?.bold).toBe(true);
  });
});

describe('cell references', () => {
  test('as Excel writes them: anchors, either case, surrounding white space', () => {
    expect(parseA1('A1')).toEqual({ row: 0, col: 0 });
    expect(parseA1('$B$5')).toEqual({ row: 4, col: 1 });
    expect(parseA1(' aa10\u3000')).toEqual({ row: 9, col: 26 });
    expect(parseA1('XFD1048576')).toEqual({ row: 1048575, col: 16383 });
    expect(parseRange('C3:A1')).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
  });

  test('anything else is refused', () => {
    for (const bad of ['', 'A', '12', 'A1B', 'A-1', '$$A1', 'A1 B', '第1']) expect(() => parseA1(bad)).toThrow(/not an A1 reference/);
  });
});
