/**
 * A 党委's folder of branch workbooks, as branches send them: written by different producers (ExcelJS,
 * this tool's file host, the .NET Open XML SDK's prefixed namespaces), assessed or not, one sent twice,
 * one damaged, one in the old .xls format, a lock file and a hidden file beside them, and an earlier
 * roll-up summary. Shared by the roll-up's unit and system tests.
 *
 * Statuses as of 2026-01-15 (ROLLUP_AS_OF):
 * - 第一党支部 (ExcelJS, 单位名称 rule, never assessed): 城东 96/95 (nominee, 95.5); 城西 75/78 (2025 H1
 *   rectification not effective, H2 open); 线路运维 70 then pending (H1 rectification overdue).
 * - 第二党支部 (form sheets with the unit in the title row): assessed by this tool, the ledger filled in
 *   for 变电三班's open rectification; the unassessed original sent too (older: a duplicate). 变电一班
 *   97/87 and 变电二班 87/97 tie for the branch's title at 92; 变电三班 73/73.
 * - 第三党支部 (a subfolder; the .NET SDK's `x:` prefix; named after its file): 2024 only.
 * - 第四党支部: 营销一班 96/96 with a One-vote veto in H2; 营销二班 70/90 (below the award band): no nominee.
 * - 第五党支部 (a 考评期 column): 2025 H1 only, an incomplete year.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { FileHost } from '../../src/hosts/file/host';
import { rollupFiles } from '../../src/rollup';
import { a1 } from '../../src/domain/cell-ref';
import { DEFAULT_RUBRIC } from '../../src/domain/rubric';
import { VARIANTS } from './variants';
import { formSheet, rulesSheet, S73, S87, S97 } from './workbooks';
import { typeInto } from './type-into';
import { ITEM_HEADERS, scores } from './xlsx';

export const ROLLUP_AS_OF = '2026-01-15';

type Cell = string | number | null;

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A long table: 年度, 半年度, 党小组, 党小组长, 联系支委, the 12 items, 一票否决, 备注. */
function longTable(wb: ExcelJS.Workbook, rows: { year: number; half: string; group: string; leader: string; liaison: string; total: number | null; veto?: string; notes?: string }[]): void {
  const ws = wb.addWorksheet('考评记录');
  ws.addRow(['年度', '半年度', '党小组', '党小组长', '联系支委', ...ITEM_HEADERS, '一票否决', '备注']);
  for (const r of rows) {
    const s: Cell[] = r.total === null ? new Array(12).fill(null) : scores(r.total);
    ws.addRow([r.year, r.half, r.group, r.leader, r.liaison, ...s, r.veto ?? null, r.notes ?? null].map((v) => (v === null ? undefined : v)));
  }
}

export async function branchOne(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  longTable(wb, [
    { year: 2025, half: '上半年', group: '城东供电所党小组', leader: '王建国', liaison: '孙立平', total: 96 },
    { year: 2025, half: '上半年', group: '城西供电所党小组', leader: '李明华', liaison: '孙立平', total: 75 },
    { year: 2025, half: '上半年', group: '线路运维党小组', leader: '张卫东', liaison: '吴红梅', total: 70 },
    { year: 2025, half: '下半年', group: '城东供电所党小组', leader: '王建国', liaison: '孙立平', total: 95 },
    { year: 2025, half: '下半年', group: '城西供电所党小组', leader: '李明华', liaison: '孙立平', total: 78 },
    { year: 2025, half: '下半年', group: '线路运维党小组', leader: '张卫东', liaison: '吴红梅', total: null, notes: '考评会议待召开' },
  ]);
  rulesSheet(wb, [['单位名称', '第一党支部']], { header: ['项目', '设定值'] });
  return bytesOf(wb);
}

/** 第二党支部 as its secretary keeps it: one form sheet per half-year, the unit in the title row. */
export async function branchTwo(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const people = { 变电一班党小组: ['周强', '郑国栋'], 变电二班党小组: ['陈刚', '郑国栋'], 变电三班党小组: ['刘洋', '赵敏'] } as Record<string, [string, string]>;
  const sheet = (name: string, rows: [string, number[]][]) =>
    formSheet(
      wb,
      name,
      rows.map(([group, s]) => ({ group, leader: people[group][0], liaison: people[group][1], scores: s })),
      { title: `第二党支部党小组工作考评表（${name}）` },
    );
  sheet('2025年上半年', [
    ['变电一班党小组', S97],
    ['变电二班党小组', S87],
    ['变电三班党小组', S73],
  ]);
  sheet('2025年下半年', [
    ['变电一班党小组', S87],
    ['变电二班党小组', S97],
    ['变电三班党小组', S73],
  ]);
  return bytesOf(wb);
}

/** 第二党支部 assessed by this tool, with its rectification ledger filled in for 变电三班's open rectification. */
export async function branchTwoAssessed(): Promise<Uint8Array> {
  const host = new FileHost(await branchTwo());
  await assessWorkbook(host, { now: () => new Date('2026-01-05T10:00:00+08:00') });
  const bytes = host.bytes();
  const snap = await new FileHost(bytes).read();
  const sheet = snap.sheets.find((s) => s.name === '预警与整改')!;
  const h = sheet.values.findIndex((r) => r?.includes('整改措施'));
  const header = sheet.values[h];
  const col = (name: string) => header.indexOf(name);
  const r = sheet.values.findIndex(
    (row, i) => i > h && row?.[col('党小组')] === '变电三班党小组' && row?.[col('考评期')] === '2025年下半年' && row?.[col('预警类型')] === '限期整改',
  );
  return typeInto(bytes, '预警与整改', {
    [a1(r, col('整改措施'))]: '重建台账，每月检查',
    [a1(r, col('责任人'))]: '刘洋',
    [a1(r, col('完成情况'))]: '进行中',
  });
}

export async function branchFour(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  longTable(wb, [
    { year: 2025, half: '上半年', group: '营销一班党小组', leader: '钱进', liaison: '冯英', total: 96 },
    { year: 2025, half: '上半年', group: '营销二班党小组', leader: '孙悦', liaison: '冯英', total: 70 },
    { year: 2025, half: '下半年', group: '营销一班党小组', leader: '钱进', liaison: '冯英', total: 96, veto: '发生责任性事故' },
    { year: 2025, half: '下半年', group: '营销二班党小组', leader: '孙悦', liaison: '冯英', total: 90 },
  ]);
  rulesSheet(wb, [['单位名称', '第四党支部']], { header: ['项目', '设定值'] });
  return bytesOf(wb);
}

/** 第五党支部: a 考评期 column and item codes as headers; only 2025 H1. */
export async function branchFive(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['考评期', '小组名称', '党小组长', ...DEFAULT_RUBRIC.items.map((i) => Number(i.code))]);
  ws.addRow(['2025年上半年', '综合党小组', '何平', ...scores(88)]);
  ws.addRow(['2025年上半年', '后勤党小组', '吕方', ...scores(82)]);
  rulesSheet(wb, [['单位名称', '第五党支部']], { header: ['项目', '设定值'] });
  return bytesOf(wb);
}

const variant = (name: string) => VARIANTS.find((v) => v.name === name)!.bytes();

/** The folder's files (relative path → bytes), in the order a walk finds them. */
export async function branchFolder(): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  files.set('01-第一党支部.xlsx', await branchOne());
  files.set('02-第二党支部.xlsx', await branchTwo());
  files.set('02-第二党支部（已考评）.xlsx', await branchTwoAssessed());
  files.set('04-第四党支部.xlsx', await branchFour());
  files.set('05-第五党支部.xlsx', await branchFive());
  files.set('06-损坏.xlsx', await variant('truncated'));
  files.set('07-旧格式.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  files.set('旧汇总.xlsx', (await rollupFiles([{ name: 'x.xlsx', bytes: files.get('01-第一党支部.xlsx')! }], { lang: 'zh-CN', asOf: ROLLUP_AS_OF, runAt: '2025-07-01T09:00:00+08:00' })).bytes);
  files.set(path.join('第三党支部', '第三党支部.xlsx'), await variant('prefixed-main-namespace'));
  return files;
}

/** Write the folder: the files above, plus what a walk must skip (a lock file, a hidden file, a text file). */
export async function writeBranchFolder(dir: string): Promise<string[]> {
  const files = await branchFolder();
  const written: string[] = [];
  const t0 = Date.parse('2026-01-10T08:00:00Z') / 1000;
  let i = 0;
  for (const [rel, bytes] of files) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, bytes);
    // Modification times in the order written: the assessed copy of 第二党支部 is newer than the original.
    fs.utimesSync(p, t0 + i * 60, t0 + i * 60);
    i++;
    written.push(rel);
  }
  fs.writeFileSync(path.join(dir, '~$01-第一党支部.xlsx'), 'lock');
  fs.writeFileSync(path.join(dir, '.隐藏.xlsx'), files.get('01-第一党支部.xlsx')!);
  fs.writeFileSync(path.join(dir, '说明.txt'), '各党支部报送的考评工作簿');
  return written;
}
