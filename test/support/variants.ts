/**
 * Workbook packages as other producers and hostile hands make them, built from one small score workbook
 * (basicFixture, written by ExcelJS) by editing its parts with JSZip — a zip library independent of the
 * file host's. Each variant says what a user should get: the workbook assessed with the rows it holds,
 * or a refusal whose one line names the file and what to do.
 *
 * The edits here are test code building inputs, so plain string edits of the XML are fine.
 */
import * as CFB from 'cfb';
import JSZip from 'jszip';
import { basicFixture } from './xlsx';
import ExcelJS from 'exceljs';
import { DEFAULT_RUBRIC } from '../../src/domain/rubric';
import { S73, S87, S97 } from './workbooks';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** The graded rows of basicFixture: group, year, half, total, band. */
export const BASIC_ROWS = [
  ['城东供电所党小组', 2024, 1, 96, 'excellent'],
  ['线路运维一班党小组', 2024, 1, 75, 'basic'],
  ['城东供电所党小组', 2024, 2, 95, 'excellent'],
  ['线路运维一班党小组', 2024, 2, 88.5, 'qualified'],
] as const;

export interface Variant {
  name: string;
  /** What it imitates. */
  about: string;
  bytes: () => Promise<Uint8Array>;
  /** Assessed: the rows expected ([group, year, half, total|null, band|null]) and issue codes expected. */
  expect:
    | { assessed: true; rows?: readonly (readonly [string, number, number, number | null, string | null])[]; issues?: string[] }
    | { assessed: false; message: RegExp; messageEn: RegExp };
}

async function basicBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of basicFixture().sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r.map((v) => (v === null ? undefined : v)));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Load a package, let `edit` change its parts (as text), write it back deflated. */
async function edited(edit: (zip: JSZip) => Promise<void>, base: () => Promise<Uint8Array> = basicBytes): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await base());
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function text(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`no part ${name}`);
  return f.async('string');
}

async function editText(zip: JSZip, name: string, f: (xml: string) => string): Promise<void> {
  zip.file(name, f(await text(zip, name)));
}

function mainParts(zip: JSZip): string[] {
  return Object.keys(zip.files).filter((n) => /^xl\/(workbook|styles|sharedStrings)\.xml$|^xl\/worksheets\/[^/]+\.xml$/.test(n));
}

/** Every element of the main namespace written with the prefix x: (as the .NET Open XML SDK does). */
function prefixed(xml: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, '<$1x:$2')
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

/** The pieces WPS Office adds to a workbook (shapes as WPS writes them). */
export const WPS = {
  cellImageRel: 'http://www.wps.cn/officeDocument/2020/cellImage',
  cellImageType: 'application/vnd.wps-officedocument.cellimage+xml',
  imageId: 'ID_5A3C0E7F1B2D4E6F8A9B0C1D2E3F4A5B',
  /** A 1×1 PNG. */
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=', 'base64'),
};

async function wpsWorkbook(): Promise<Uint8Array> {
  return edited(async (zip) => {
    const xdr = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
    const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
    const pkgRel = 'http://schemas.openxmlformats.org/package/2006/relationships';
    zip.file(
      'xl/cellimages.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:xdr="${xdr}" xmlns:r="${REL}" xmlns:a="${a}" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">` +
        `<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="${WPS.imageId}" descr="党员活动照片"/><xdr:cNvPicPr/></xdr:nvPicPr>` +
        `<xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" cy="9525"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>`,
    );
    zip.file('xl/_rels/cellimages.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${pkgRel}"><Relationship Id="rId1" Type="${REL}/image" Target="media/image1.png"/></Relationships>`);
    zip.file('xl/media/image1.png', WPS.png);
    // A sheet of attachments whose cell shows the picture, as WPS writes a picture placed in a cell.
    zip.file(
      'xl/worksheets/sheet9.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr/><dimension ref="A1:B1"/>` +
        '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>' +
        `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>活动照片</t></is></c><c r="B1" t="str"><f>_xlfn.DISPIMG("${WPS.imageId}",1)</f><v>=DISPIMG("${WPS.imageId}",1)</v></c></row></sheetData>` +
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>',
    );
    await editText(zip, 'xl/workbook.xml', (x) => x.replace('</sheets>', '<sheet name="附件" sheetId="99" r:id="rIdWps9"/></sheets>'));
    await editText(zip, 'xl/_rels/workbook.xml.rels', (x) =>
      x.replace(
        '</Relationships>',
        `<Relationship Id="rIdWps9" Type="${REL}/worksheet" Target="worksheets/sheet9.xml"/><Relationship Id="rIdWpsImg" Type="${WPS.cellImageRel}" Target="cellimages.xml"/></Relationships>`,
      ),
    );
    zip.file(
      'docProps/custom.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16388</vt:lpwstr></property>' +
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>7E3B1C2D4A5F46E08B9C0D1E2F3A4B5C_12</vt:lpwstr></property></Properties>',
    );
    await editText(zip, '_rels/.rels', (x) => x.replace('</Relationships>', `<Relationship Id="rIdWpsCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`));
    await editText(zip, '[Content_Types].xml', (x) =>
      x.replace(
        '</Types>',
        (x.includes('Extension="png"') ? '' : '<Default Extension="png" ContentType="image/png"/>') +
          `<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
          `<Override PartName="/xl/cellimages.xml" ContentType="${WPS.cellImageType}"/>` +
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
      ),
    );
    // WPS names the GB2312 character set on its fonts.
    await editText(zip, 'xl/styles.xml', (x) => x.replace(/(<font>(?:(?!<\/font>).)*?<name val="[^"]*"\/>)/, '$1<charset val="134"/>'));
  });
}

const UTF16_DECL = '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>';

function utf16(xml: string): Buffer {
  const body = xml.replace(/^<\?xml[^?]*\?>/, UTF16_DECL);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
}

/** Replace every occurrence of a byte string with another of the same length. */
function patchBytes(buf: Uint8Array, from: string, to: string): Uint8Array {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  if (a.length !== b.length) throw new Error('patchBytes: lengths differ');
  const out = Buffer.from(buf);
  let i = out.indexOf(a);
  if (i < 0) throw new Error(`patchBytes: ${from} not found`);
  while (i >= 0) {
    b.copy(out, i);
    i = out.indexOf(a, i + 1);
  }
  return out;
}

/** A cell of sheet1 by reference, replaced by other XML. */
function replaceCell(xml: string, ref: string, cell: string): string {
  const re = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(re, cell);
}

const ROWS = BASIC_ROWS.map((r) => [...r]) as unknown as readonly (readonly [string, number, number, number | null, string | null])[];

export const VARIANTS: Variant[] = [
  {
    name: 'exceljs',
    about: 'as ExcelJS writes it (shared strings, directory entries)',
    bytes: basicBytes,
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'prefixed-main-namespace',
    about: 'SpreadsheetML with a prefix, <x:workbook xmlns:x=…>, as the .NET Open XML SDK writes',
    bytes: () =>
      edited(async (zip) => {
        for (const n of mainParts(zip)) await editText(zip, n, prefixed);
      }),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'relationship-prefix-on-sheet',
    about: 'the relationships prefix declared on each <sheet>, named rel instead of r (openpyxl declares it per sheet)',
    bytes: () =>
      edited(async (zip) => {
        await editText(zip, 'xl/workbook.xml', (x) =>
          x.replace(` xmlns:r="${REL}"`, '').replace(/<sheet ([^>]*?)r:id=/g, `<sheet xmlns:rel="${REL}" $1rel:id=`),
        );
      }),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'cells-without-references',
    about: 'rows and cells without r attributes (some streaming writers omit them)',
    bytes: () =>
      edited(async (zip) => {
        await editText(zip, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<row r="\d+"/g, '<row').replace(/<c r="[A-Z]+\d+"/g, '<c'));
      }),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'workbook-part-elsewhere',
    about: 'the workbook part at xl/book.xml, found through _rels/.rels',
    bytes: () =>
      edited(async (zip) => {
        zip.file('xl/book.xml', await text(zip, 'xl/workbook.xml'));
        zip.file('xl/_rels/book.xml.rels', await text(zip, 'xl/_rels/workbook.xml.rels'));
        zip.remove('xl/workbook.xml');
        zip.remove('xl/_rels/workbook.xml.rels');
        await editText(zip, '_rels/.rels', (x) => x.replace('xl/workbook.xml', 'xl/book.xml'));
        await editText(zip, '[Content_Types].xml', (x) => x.replace('/xl/workbook.xml', '/xl/book.xml'));
      }),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'utf16-parts',
    about: 'the workbook part and the sheet in UTF-16 with a byte-order mark',
    bytes: () =>
      edited(async (zip) => {
        for (const n of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml']) zip.file(n, utf16(await text(zip, n)));
      }),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'strict-conformance',
    about: 'ISO/IEC 29500 Strict namespaces and relationship types',
    bytes: () =>
      edited(async (zip) => {
        for (const n of Object.keys(zip.files)) {
          if (zip.files[n].dir || !/\.(xml|rels)$/.test(n)) continue;
          await editText(zip, n, (x) =>
            x
              .split(MAIN)
              .join(STRICT_MAIN)
              .split(`${REL}/`)
              .join(`${STRICT_REL}/`)
              .split(`"${REL}"`)
              .join(`"${STRICT_REL}"`),
          );
        }
      }),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'inline-strings',
    about: 'every text cell an inline string, no shared-string table',
    bytes: () =>
      edited(async (zip) => {
        const sst = await text(zip, 'xl/sharedStrings.xml');
        const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
        await editText(zip, 'xl/worksheets/sheet1.xml', (x) =>
          x.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, r, a, b, i) => `<c r="${r}"${a} t="inlineStr"${b}><is><t>${strings[Number(i)]}</t></is></c>`),
        );
        zip.remove('xl/sharedStrings.xml');
        await editText(zip, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ''));
        await editText(zip, '[Content_Types].xml', (x) => x.replace(/<Override [^>]*sharedStrings[^>]*\/>/, ''));
      }),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'excel-markup-compatibility',
    about: 'parts as Excel writes them: mc:Ignorable x14ac xr, x14ac:dyDescent on rows, xr:uid, x14ac:knownFonts, mc:AlternateContent in the workbook',
    bytes: () =>
      edited(async (zip) => {
        // ExcelJS already writes Excel's mc:Ignorable="x14ac" on sheets and styles, x14ac:knownFonts and
        // x14ac:dyDescent; add what Excel writes besides.
        const xr = 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision';
        await editText(zip, 'xl/worksheets/sheet1.xml', (x) =>
          x.replace('mc:Ignorable="x14ac"', `mc:Ignorable="x14ac xr" xmlns:xr="${xr}" xr:uid="{00000000-0001-0000-0000-000000000000}"`),
        );
        // ExcelJS's workbook part already declares mc:Ignorable="x15", as Excel's does.
        await editText(zip, 'xl/workbook.xml', (x) =>
          x.replace(
            /(<workbookPr[^>]*\/>)/,
            '$1<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\党支部\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>',
          ),
        );
      }),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'wps-cell-images',
    about: 'parts as WPS Office writes them: a cell-image store (xl/cellimages.xml, its own relationship and content type) shown by a DISPIMG formula on another sheet, custom properties naming the WPS build, a font with a GB2312 charset',
    bytes: () => wpsWorkbook(),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'comment-in-sheet-list',
    about: 'an XML comment inside <sheets> that looks like a sheet',
    bytes: () =>
      edited(async (zip) => {
        await editText(zip, 'xl/workbook.xml', (x) => x.replace('<sheets>', '<sheets><!-- <sheet name="幽灵" sheetId="9" r:id="rId99"/> -->'));
      }),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'escaped-text',
    about: 'shared strings with SpreadsheetML _xHHHH_ escapes (a trailing escaped space, a literal _x005F_ escape)',
    bytes: () =>
      edited(async (zip) => {
        await editText(zip, 'xl/sharedStrings.xml', (x) => x.replace('<t>城东供电所党小组</t>', '<t>城东供电所党小组_x0020_</t>').replace('<t>王建国</t>', '<t>王建国_x005F_x0041_</t>'));
      }),
    expect: { assessed: true, rows: ROWS },
  },
  {
    name: 'formula-without-result',
    about: 'a score formula the file holds no result for (written by a program that does not calculate)',
    bytes: () => edited(async (zip) => editText(zip, 'xl/worksheets/sheet1.xml', (x) => replaceCell(x, 'F2', '<c r="F2"><f>5+5</f></c>'))),
    expect: { assessed: true, rows: [[...ROWS[0].slice(0, 3), null, null] as unknown as (typeof ROWS)[number], ...ROWS.slice(1)], issues: ['SCORE_NO_RESULT'] },
  },
  {
    name: 'not-a-number',
    about: 'number cells spelled NaN and 1e400',
    bytes: () =>
      edited(async (zip) =>
        editText(zip, 'xl/worksheets/sheet1.xml', (x) => replaceCell(replaceCell(x, 'F2', '<c r="F2"><v>NaN</v></c>'), 'G3', '<c r="G3"><v>1e400</v></c>')),
      ),
    expect: {
      assessed: true,
      rows: [[...ROWS[0].slice(0, 3), null, null] as unknown as (typeof ROWS)[number], [...ROWS[1].slice(0, 3), null, null] as unknown as (typeof ROWS)[number], ...ROWS.slice(2)],
      issues: ['SCORE_NOT_NUMBER', 'SCORE_NOT_NUMBER'],
    },
  },
  {
    name: 'iso-date-cell',
    about: 'a score cell of type d (an ISO 8601 date), as Excel writes a typed "9/10" in strict files',
    bytes: () => edited(async (zip) => editText(zip, 'xl/worksheets/sheet1.xml', (x) => replaceCell(x, 'F2', '<c r="F2" t="d"><v>2024-09-10T00:00:00</v></c>'))),
    expect: { assessed: true, rows: [[...ROWS[0].slice(0, 3), null, null] as unknown as (typeof ROWS)[number], ...ROWS.slice(1)], issues: ['SCORE_OUT_OF_RANGE'] },
  },
  // ── refused, with one clear line ──
  {
    name: 'duplicate-entry',
    about: 'two zip entries with the same name (one would be graded, the other written back)',
    bytes: async () => {
      const zip = await JSZip.loadAsync(await basicBytes());
      zip.file('xl/worksheets/sheetX.xml', await text(zip, 'xl/worksheets/sheet1.xml'));
      return patchBytes(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 'xl/worksheets/sheetX.xml', 'xl/worksheets/sheet1.xml');
    },
    expect: { assessed: false, message: /部件“xl\/worksheets\/sheet1\.xml”在文件中出现了两次/, messageEn: /the part “xl\/worksheets\/sheet1\.xml” appears twice/ },
  },
  {
    name: 'names-differing-in-case',
    about: 'two parts whose names differ only in letter case (one part to OPC)',
    bytes: () =>
      edited(async (zip) => {
        zip.file('xl/worksheets/SHEET1.xml', await text(zip, 'xl/worksheets/sheet1.xml'));
      }),
    expect: { assessed: false, message: /出现了两次/, messageEn: /appears twice/ },
  },
  {
    name: 'bad-crc',
    about: 'a part whose data does not match its CRC (damage in a part that is only copied)',
    bytes: async () => {
      const zip = await JSZip.loadAsync(await basicBytes());
      zip.file('customXml/item1.xml', '<branch xmlns="urn:pga-test">城东支部内部资料AAAA</branch>', { compression: 'STORE' });
      return patchBytes(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), '资料AAAA', '资料AAAB');
    },
    expect: { assessed: false, message: /部件“customXml\/item1\.xml”的数据不完整或被改动/, messageEn: /the data of the part “customXml\/item1\.xml” is incomplete or altered/ },
  },
  {
    name: 'encrypted',
    about: 'a workbook with an open password (Office wraps it in a compound file)',
    bytes: async () => {
      const cfb = CFB.utils.cfb_new();
      CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
      CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
      return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
    },
    expect: { assessed: false, message: /设有打开密码/, messageEn: /has an open password/ },
  },
  {
    name: 'structure-protected',
    about: 'a workbook whose structure is protected (no sheet may be added)',
    bytes: () => edited(async (zip) => editText(zip, 'xl/workbook.xml', (x) => x.replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'))),
    expect: { assessed: false, message: /工作簿的结构受保护/, messageEn: /structure is protected/ },
  },
  {
    name: 'user-sheet-named-like-the-run-record',
    about: 'a sheet of the user’s named _PGA_META',
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await basicBytes()) as unknown as ArrayBuffer);
      wb.addWorksheet('_PGA_META').getCell('A1').value = '我自己的备忘';
      return new Uint8Array(await wb.xlsx.writeBuffer());
    },
    expect: { assessed: false, message: /已有名为“_PGA_META”的工作表，但它不是考评助手创建的/, messageEn: /already has a sheet named “_PGA_META”/ },
  },
  {
    name: 'dtd',
    about: 'a workbook part with a DTD (OPC forbids them; entity expansion is a classic attack)',
    bytes: () =>
      edited(async (zip) =>
        editText(zip, 'xl/workbook.xml', (x) => x.replace(/^(<\?xml[^?]*\?>)/, '$1<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>')),
      ),
    expect: { assessed: false, message: /部件“xl\/workbook\.xml”不是有效的XML/, messageEn: /the part “xl\/workbook\.xml” is not valid XML/ },
  },
  {
    name: 'no-workbook-part',
    about: 'a zip whose package relationships name no workbook part',
    bytes: () =>
      edited(async (zip) => {
        zip.remove('xl/workbook.xml');
      }),
    expect: { assessed: false, message: /缺少部件“xl\/workbook\.xml”/, messageEn: /the part “xl\/workbook\.xml” is missing/ },
  },
  {
    name: 'truncated',
    about: 'the first half of a workbook file',
    bytes: async () => {
      const b = await basicBytes();
      return b.slice(0, Math.floor(b.length / 2));
    },
    expect: { assessed: false, message: /不是Excel工作簿（\.xlsx），或文件已损坏/, messageEn: /not an Excel workbook \(\.xlsx\), or the file is damaged/ },
  },
];

/** A workbook with a 一票否决 column whose cell holds #N/A (a formula gone wrong). */
export async function vetoErrorWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const [sheet] = basicFixture().sheets;
  const ws = wb.addWorksheet(sheet.name);
  sheet.rows.forEach((r, i) => ws.addRow([...r.slice(0, 17).map((v) => (v === null ? undefined : v)), i === 0 ? '一票否决' : undefined]));
  ws.getCell('R2').value = { formula: 'VLOOKUP(C2,否决表!A:B,2,FALSE)', result: { error: '#N/A' } } as ExcelJS.CellValue;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * A hostile layout, as an office types it by hand: the table starts at B4 under a merged title and a blank row, its
 * columns in an order of their own (党小组 first, the 12 items as codes in reverse, 考评期 last), two years of periods
 * written as “2024年上半年”, a blank row inside the table, a 2-row note under it, and a user's own sheet in front.
 */
export async function hostileLayoutWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '本工作簿由组织委员维护，分数以支委会审定为准。';
  const ws = wb.addWorksheet('得分登记');
  ws.mergeCells('B1:P1');
  ws.getCell('B1').value = '第一党支部党小组考评得分登记（2024年）';
  const codes = DEFAULT_RUBRIC.items.map((i) => i.code).reverse();
  const header = ['党小组', '党小组长', ...codes.map((c) => Number(c)), '考评期'];
  const scoresOf = (xs: number[]) => codes.map((c) => xs[Number(c) - 1]);
  const rows: (string | number | null)[][] = [
    ['变电（一）班', '张三', ...scoresOf(S97), '2024年上半年'],
    ['变电（二）班', '李四', ...scoresOf(S73), '2024年上半年'],
    ['营销班', '王五', ...scoresOf(S87), '2024年上半年'],
    [null, null, ...codes.map(() => null), null],
    ['变电（一）班', '张三', ...scoresOf(S87), '2024年下半年'],
    ['变电（二）班', '李四', ...scoresOf(S73), '2024年下半年'],
    ['营销班', '王五', ...scoresOf(S97), '2024年下半年'],
  ];
  [header, ...rows].forEach((r, i) => r.forEach((v, c) => {
    if (v !== null) ws.getCell(4 + i, 2 + c).value = v;
  }));
  ws.getCell(`B${5 + rows.length + 1}`).value = '注：分数由党小组自评、支委会审定。';
  ws.getCell(`B${5 + rows.length + 2}`).value = '填表人：';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
