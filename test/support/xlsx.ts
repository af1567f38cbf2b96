/** Builders of real .xlsx fixtures (ExcelJS) for the file-tool tests. */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEFAULT_RUBRIC } from '../../src/domain/rubric';

export type Cell = string | number | null;

export const ITEM_HEADERS = DEFAULT_RUBRIC.items.map((i) => `${i.code}.${i.name}`);
export const LONG_HEADER = ['年度', '半年度', '党小组', '党小组长', '联系支委', ...ITEM_HEADERS, '备注'];

/** Twelve item scores (points) adding up to `total`, losing points from item 12 backwards. */
export function scores(total: number): number[] {
  let missing = 10000 - Math.round(total * 100);
  return DEFAULT_RUBRIC.items
    .slice()
    .reverse()
    .map((item) => {
      const lose = Math.min(missing, item.max);
      missing -= lose;
      return (item.max - lose) / 100;
    })
    .reverse();
}

export interface LongRow {
  year: Cell;
  half: Cell;
  group: Cell;
  leader?: Cell;
  liaison?: Cell;
  total?: number;
  scores?: Cell[];
  notes?: Cell;
}

/** A row of the long table as cell values. */
export function longRow(r: LongRow): Cell[] {
  const s = r.scores ?? (r.total !== undefined ? scores(r.total) : new Array(12).fill(null));
  return [r.year, r.half, r.group, r.leader ?? '', r.liaison ?? '', ...s, r.notes ?? null];
}

export interface Fixture {
  sheets: { name: string; rows: Cell[][] }[];
}

export async function writeXlsx(file: string, fx: Fixture): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of fx.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r.map((v) => (v === null ? undefined : v)));
  }
  await wb.xlsx.writeFile(file);
}

/** A small, valid workbook: two groups, two years, one long table. */
export function basicFixture(groupA = '城东供电所党小组', groupB = '线路运维一班党小组'): Fixture {
  return {
    sheets: [
      {
        name: '考评记录',
        rows: [
          LONG_HEADER,
          longRow({ year: 2024, half: '上半年', group: groupA, leader: '王建国', liaison: '孙立平', total: 96 }),
          longRow({ year: 2024, half: '上半年', group: groupB, leader: '张卫东', liaison: '吴红梅', total: 75 }),
          longRow({ year: 2024, half: '下半年', group: groupA, leader: '王建国', liaison: '孙立平', total: 95 }),
          longRow({ year: 2024, half: '下半年', group: groupB, leader: '张卫东', liaison: '吴红梅', total: 88.5 }),
        ],
      },
    ],
  };
}

export function tempDir(prefix = 'pga-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * A minimal Word (.docx) or PowerPoint (.pptx) package, as Office writes its skeleton (ECMA-376 Part 1):
 * [Content_Types].xml, the package relationships naming the main part, and the main part.
 */
export async function officeDocumentBytes(kind: 'docx' | 'pptx'): Promise<Uint8Array> {
  const [part, type, xml] =
    kind === 'docx'
      ? [
          'word/document.xml',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
          '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>考评意见</w:t></w:r></w:p></w:body></w:document>',
        ]
      : [
          'ppt/presentation.xml',
          'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
          '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
        ];
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${part}"/></Relationships>`,
  );
  zip.file(part, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
