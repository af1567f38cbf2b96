/** Builders of real .xlsx fixtures (ExcelJS) for the file-tool tests. */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
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
