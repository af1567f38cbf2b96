/**
 * The file host patches the .xlsx package: what a user put in the workbook survives byte for byte —
 * sheets, parts no library understands, names — and only the add-in's own sheets are written. Every
 * part it writes is well-formed XML, a second run leaves the same parts, and escaping keeps text exact.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { assessWorkbook } from '../src/app/assessWorkbook';
import { FileHost } from '../src/hosts/file/host';
import { openWorkbookFile } from '../src/hosts/file/node';
import { PackageArchive } from '../src/hosts/file/package/archive';
import { esc } from '../src/hosts/file/package/xml';
import { patchXlsx } from '../src/hosts/file/write';
import { StyleBook } from '../src/hosts/file/xlsx/styles';
import { hostOf } from './support/exceljs-snapshot';
import { basicFixture, tempDir, writeXlsx } from './support/xlsx';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = tempDir('pga-pkg-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = () => new Date('2025-03-01T09:30:00Z');

// The archives are inspected with JSZip, a zip reader independent of the one the file host uses.
type Bytes = Uint8Array;

async function parts(buf: Bytes): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

/** Each entry's compressed bytes as stored, and its date (JSZip's loaded entries keep them). */
async function rawParts(buf: Bytes): Promise<Map<string, { raw: Buffer; date: string }>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, { raw: Buffer; date: string }>();
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const data = (f as unknown as { _data: { compressedContent: Buffer } })._data;
    out.set(f.name, { raw: Buffer.from(data.compressedContent), date: f.date.toISOString() });
  }
  return out;
}

function wellFormed(name: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  if (error) throw new Error(`${name}: ${(error as Error).message}`);
}

/** The score workbook of the other tests, with an input sheet selected, a print area and a part no library knows. */
async function richInput(file: string): Promise<Buffer> {
  await writeXlsx(file, basicFixture());
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const names = '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'考评记录\'!$A$1:$Q$9</definedName><definedName name="支部名称">"城东支部"</definedName></definedNames>';
  zip.file('xl/workbook.xml', wbXml.replace(/<definedNames\/>|<definedNames>[\s\S]*?<\/definedNames>/, '').replace('</sheets>', `</sheets>${names}`));
  zip.file('customXml/item1.xml', '<?xml version="1.0"?><branch xmlns="urn:pga-test">城东支部 · 内部资料</branch>');
  const ct = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', ct.replace('</Types>', '<Override PartName="/customXml/item1.xml" ContentType="application/xml"/></Types>'));
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  fs.writeFileSync(file, buf);
  return buf;
}

async function assessBuffer(input: Bytes, name: string, now = NOW): Promise<Bytes> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, input);
  const host = await openWorkbookFile(file);
  await assessWorkbook(host, { now });
  return host.bytes();
}

describe('the assessed package', () => {
  let input: Bytes;
  let first: Bytes;
  let second: Bytes;

  beforeAll(async () => {
    input = await richInput(path.join(dir, 'rich.xlsx'));
    first = await assessBuffer(input, 'rich-1.xlsx');
    second = await assessBuffer(first, 'rich-2.xlsx', () => new Date('2026-03-01T09:30:00Z'));
  });

  test('every input part but the package lists and the style sheet is copied byte for byte, compressed data included', async () => {
    const before = await rawParts(input);
    const after = await rawParts(first);
    const changed = [...before].filter(([name, e]) => !after.get(name)?.raw.equals(e.raw)).map(([name]) => name);
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'].sort());
    expect((await parts(first)).get('customXml/item1.xml')!.toString()).toContain('城东支部 · 内部资料');
    // …and with their dates: an unzip listing of the input parts is unchanged.
    for (const [name, e] of before) if (!changed.includes(name)) expect([name, after.get(name)!.date]).toEqual([name, e.date]);
  });

  test('the style sheet keeps every input format in place and only appends', async () => {
    const a = (await parts(input)).get('xl/styles.xml')!.toString();
    const b = (await parts(first)).get('xl/styles.xml')!.toString();
    const xfs = (x: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(x)![1];
    expect(xfs(b).startsWith(xfs(a))).toBe(true);
    expect(xfs(b).length).toBeGreaterThan(xfs(a).length);
  });

  test('every part written is well-formed XML with the counts it declares', async () => {
    for (const [name, data] of await parts(first)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const xml = data.toString('utf8');
      wellFormed(name, xml);
      for (const [tag, item] of [['cellXfs', 'xf'], ['fonts', 'font'], ['fills', 'fill'], ['borders', 'border'], ['mergeCells', 'mergeCell']]) {
        const m = new RegExp(`<${tag} count="(\\d+)">([\\s\\S]*?)</${tag}>`).exec(xml);
        if (m) expect([name, (m[2].match(new RegExp(`<${item}[\\s/>]`, 'g')) ?? []).length]).toEqual([name, Number(m[1])]);
      }
    }
  });

  test('names: the print area of the input sheet stays on it, each output has its print titles, global names stay', async () => {
    for (const out of [first, second]) {
      const wb = (await parts(out)).get('xl/workbook.xml')!.toString();
      const sheetNames = [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
      expect(wb).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">\'考评记录\'!$A$1:$Q$9</definedName>');
      expect(wb).toContain('<definedName name="支部名称">"城东支部"</definedName>');
      const titles = [...wb.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]+)<\/definedName>/g)];
      expect(titles.length).toBeGreaterThanOrEqual(3);
      for (const [, idx, ref] of titles) expect(ref.replace(/&apos;/g, "'")).toContain(`'${sheetNames[Number(idx)]}'!`);
    }
  });

  test('only the results sheet is the selected tab, and it is the active tab', async () => {
    const p = await parts(first);
    const wb = p.get('xl/workbook.xml')!.toString();
    const active = Number(/activeTab="(\d+)"/.exec(wb)![1]);
    const sheetNames = [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheetNames[active]).toBe('考评结果');
    const selected = [...p].filter(([n, d]) => n.startsWith('xl/worksheets/sheet') && /tabSelected="1"/.test(d.toString()));
    expect(selected).toHaveLength(1);
  });

  test('a second run replaces its own sheets: the same parts, the same styles, no orphans', async () => {
    const a = await parts(first);
    const b = await parts(second);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect(b.get('xl/styles.xml')!.equals(a.get('xl/styles.xml')!)).toBe(true);
    const ct = b.get('[Content_Types].xml')!.toString();
    for (const m of ct.matchAll(/PartName="\/([^"]+)"/g)) expect(b.has(m[1])).toBe(true);
    const rels = b.get('xl/_rels/workbook.xml.rels')!.toString();
    for (const m of rels.matchAll(/Target="([^"]+)"/g)) expect(b.has(`xl/${m[1]}`)).toBe(true);
  });
});

describe('a user selected several input sheets (grouped tabs)', () => {
  test('after the run no input sheet is selected any more, and their cells are unchanged', async () => {
    const file = path.join(dir, 'grouped.xlsx');
    await writeXlsx(file, basicFixture());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.addWorksheet('备忘').getCell('A1').value = '支部自己的表';
    for (const ws of wb.worksheets) ws.views = [{ state: 'normal', tabSelected: true } as unknown as ExcelJS.WorksheetView];
    const host = await hostOf(wb);
    const before = await parts(host.bytes());
    await assessWorkbook(host, { now: NOW });
    const after = await parts(host.bytes());
    const inputSheets = [...before.keys()].filter((n) => n.startsWith('xl/worksheets/sheet'));
    expect(inputSheets.length).toBe(2);
    for (const n of inputSheets) {
      expect(after.get(n)!.toString()).not.toMatch(/tabSelected/);
      expect(after.get(n)!.toString()).toBe(before.get(n)!.toString().replace(/ tabSelected="1"/g, ''));
    }
  });
});

describe('a large selected input sheet (the head is rewritten, the rest handed on as inflated)', () => {
  // Over a megabyte of XML: the part inflates in many chunks, its head (a wide <cols>) spans more than one,
  // and the text holds multi-byte characters, so a wrong byte offset would show as a changed cell.
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const cols = Array.from({ length: 9000 }, (_, i) => `<col min="${i + 1}" max="${i + 1}" width="9.5" customWidth="1"/>`).join('');
  const rows = Array.from({ length: 20000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>会议记录第${i + 1}条：学习《党章》</t></is></c></row>`).join('');
  const body = `<worksheet xmlns="${MAIN}"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><cols>${cols}</cols><sheetData>${rows}</sheetData></worksheet>`;
  const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

  async function assessedMemo(memo: Buffer): Promise<Buffer> {
    const file = path.join(dir, 'memo.xlsx');
    await writeXlsx(file, { sheets: [...basicFixture().sheets, { name: '备忘', rows: [['x']] }] });
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    zip.file('xl/worksheets/sheet2.xml', memo);
    const host = new FileHost(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 'memo.xlsx');
    await assessWorkbook(host, { now: NOW });
    return (await parts(host.bytes())).get('xl/worksheets/sheet2.xml')!;
  }

  test('UTF-8 with a byte-order mark: the same bytes but for the attribute (and the mark)', async () => {
    const xml = `${DECL}\n${body}`;
    const out = await assessedMemo(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]));
    expect(out.equals(Buffer.from(xml.replace(' tabSelected="1"', ''), 'utf8'))).toBe(true);
  });

  test('UTF-16: written back as UTF-8 with Excel\'s declaration, the attribute gone, every cell the same', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n${body}`;
    const out = await assessedMemo(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    expect(out.toString('utf8')).toBe(`${DECL}\n${body.replace(' tabSelected="1"', '')}`);
  });
});

describe('deleting the active output sheet', () => {
  test('with nothing to activate, the active tab falls back to the first sheet instead of pointing past the last', async () => {
    const sheet = (name: string) => ({
      name,
      values: [[name]],
      styles: [],
      links: [],
      merges: [],
      columnWidths: [10],
      freeze: { rows: 0, cols: 0 },
      visibility: 'visible' as const,
      landscape: false,
    });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('输入').getCell('A1').value = 1;
    const once = await patchXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), { sheets: [sheet('甲'), sheet('乙')], deleteSheets: [], activate: '乙' }, new Set());
    expect(/activeTab="(\d+)"/.exec((await parts(once)).get('xl/workbook.xml')!.toString())![1]).toBe('2');
    const twice = await patchXlsx(once, { sheets: [], deleteSheets: ['甲', '乙'], activate: null }, new Set(['甲', '乙']));
    const xml = (await parts(twice)).get('xl/workbook.xml')!.toString();
    expect(/activeTab="(\d+)"/.exec(xml)![1]).toBe('0');
    expect([...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['输入']);
    await expect(patchXlsx(once, { sheets: [], deleteSheets: ['甲'], activate: null }, new Set())).rejects.toThrow(/甲/);
  });
});

describe('text stays exactly as typed', () => {
  const tricky = ['<b>&amp;</b>', "  leading and trailing  ", 'line\nbreak', 'bell\u0007', 'literal _x0041_ escape', '=1+1', '𠀋 surrogate pair', 'lone \uD800 surrogate'];

  test('escaping: entities, control characters and literal _xHHHH_ as Excel writes them', () => {
    expect(esc('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    expect(esc('bell\u0007')).toBe('bell_x0007_');
    expect(esc('a\rb')).toBe('a_x000D_b');
    expect(esc('literal _x0041_')).toBe('literal _x005F_x0041_');
    expect(esc('𠀋')).toBe('𠀋');
    expect(esc('lone \uD800!')).toBe('lone \uFFFD!');
  });

  test('tricky strings are written as inline text, well-formed, and read back', async () => {
    const out = await patchXlsx(
      null,
      {
        sheets: [
          {
            name: "Tom's & <考评>",
            values: tricky.map((t) => [t]),
            styles: [],
            links: [],
            merges: [],
            columnWidths: [30],
            freeze: { rows: 0, cols: 0 },
            visibility: 'visible',
            landscape: false,
          },
        ],
        deleteSheets: [],
        activate: null,
      },
      new Set(),
    );
    const sheet = (await parts(out)).get('xl/worksheets/sheet1.xml')!.toString();
    wellFormed('sheet1.xml', sheet);
    expect(sheet).not.toContain('<f>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Tom's & <考评>")!;
    expect(ws.getCell('A1').value).toBe('<b>&amp;</b>');
    expect(ws.getCell('A2').value).toBe('  leading and trailing  ');
    expect(ws.getCell('A3').value).toBe('line\nbreak');
    expect(ws.getCell('A6').value).toBe('=1+1');
    expect(ws.getCell('A6').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A7').value).toBe('𠀋 surrogate pair');
    // As Excel stores them (Excel shows "bell" + U+0007 and the literal "_x0041_").
    expect(sheet).toContain('>bell_x0007_</t>');
    expect(sheet).toContain('>literal _x005F_x0041_ escape</t>');
    expect(sheet).toContain('>lone \uFFFD surrogate</t>');
  });
});

describe('the style sheet of a workbook Excel saved', () => {
  const EXCEL_STYLES =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">' +
    '<fonts count="1" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>';

  test('formats are appended in the workbook font, collection attributes and later parts stay, and a number format is added once', () => {
    const book = new StyleBook(EXCEL_STYLES);
    const a = book.xf({ bold: true, fill: 'C6EFCE', numberFormat: '0.0"分"' });
    const b = book.xf({ bold: true, fill: 'C6EFCE', numberFormat: '0.0"分"' });
    const c = book.xf({ border: true, numberFormat: '0.00' });
    expect(a).toBe(1);
    expect(b).toBe(1);
    expect(c).toBe(2);
    const xml = book.toXml();
    wellFormed('styles.xml', xml);
    expect(xml).toContain('<fonts count="2" x14ac:knownFonts="1">');
    expect(xml).toContain('<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>');
    expect(xml).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;分&quot;"/></numFmts><fonts');
    expect(xml).toContain('<cellXfs count="3">');
    expect(xml).toContain('<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2"');
    // A second book over the result finds every format: nothing more is added.
    const again = new StyleBook(xml);
    expect([again.xf({ bold: true, fill: 'C6EFCE', numberFormat: '0.0"分"' }), again.xf({ border: true, numberFormat: '0.00' })]).toEqual([1, 2]);
    expect(again.changed).toBe(false);
  });
});

describe('the zip layer (zip.js)', () => {
  test('stored and deflated entries are read; names compare as OPC does', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'stored text', { compression: 'STORE' });
    zip.file('dir/B.xml', '<x>深度</x>'.repeat(1000), { compression: 'DEFLATE' });
    const archive = await PackageArchive.open(await zip.generateAsync({ type: 'uint8array' }));
    expect(new TextDecoder().decode(await archive.bytes('a.txt'))).toBe('stored text');
    expect(new TextDecoder().decode(await archive.bytes('/dir/b.xml'))).toBe('<x>深度</x>'.repeat(1000));
  });

  test('ZIP64 records (as some .NET writers use even for small files) are read', async () => {
    const data = Buffer.from('<x>ZIP64 条目</x>');
    const raw = zlib.deflateRawSync(data);
    const name = Buffer.from('xl/a.xml');
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(0x04034b50, 0);
    loc.writeUInt16LE(45, 4);
    loc.writeUInt16LE(8, 8);
    loc.writeUInt32LE(zlib.crc32(data), 14);
    loc.writeUInt32LE(raw.length, 18);
    loc.writeUInt32LE(data.length, 22);
    loc.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(data.length), 4);
    extra.writeBigUInt64LE(BigInt(raw.length), 12);
    extra.writeBigUInt64LE(BigInt(0), 20);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(45, 6);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(zlib.crc32(data), 16);
    cen.writeUInt32LE(0xffffffff, 20);
    cen.writeUInt32LE(0xffffffff, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt16LE(extra.length, 30);
    cen.writeUInt32LE(0xffffffff, 42);
    const cdOffset = loc.length + name.length + raw.length;
    const cdSize = cen.length + name.length + extra.length;
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(BigInt(44), 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(1), 24);
    rec.writeBigUInt64LE(BigInt(1), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
    locator.writeUInt32LE(1, 16);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    const archive = await PackageArchive.open(Buffer.concat([loc, name, raw, cen, name, extra, rec, locator, end]));
    expect(new TextDecoder().decode(await archive.bytes('xl/a.xml'))).toBe('<x>ZIP64 条目</x>');
  });

  test('a file that is not a zip archive is refused with a reason', async () => {
    await expect(PackageArchive.open(Buffer.from('not a zip at all, just text'.repeat(3)))).rejects.toMatchObject({ code: 'not_zip' });
  });
});
