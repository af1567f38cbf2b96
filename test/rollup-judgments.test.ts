/**
 * What the 党委 reads in the roll-up and acts on (issue 16, part 2), with branch workbooks built as branches
 * keep them — a long score table, a 考评规则 sheet naming the branch, one branch with its own 优秀分数线,
 * one assessed by this tool with its rectification ledger filled in — rolled up by the command (`assess
 * rollup`) and by the workbook page's code, and read back cell by cell:
 * - 年度示范党小组推荐 lists each branch's recommendation by branch, never ranked across branches;
 * - 整改督办 has one line per group and rectification, the 销号日期 and 按期 / 逾期销号, and a 督办意见
 *   column the 党委 fills in, which survives a re-run (rows no longer listed keep it at the bottom);
 * - the 党委's name in the titles (--unit; the page's field), the same summary from the command and the page;
 * - the 考评依据 line, and the technical note on 报送情况.
 */
import { opinionKey } from '../src/rollup/opinions';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { assessWorkbook } from '../src/app/assessWorkbook';
import { a1 } from '../src/domain/cell-ref';
import { main } from '../src/cli/main';
import { parseArgs } from '../src/cli/args';
import { runRollup } from '../src/cli/rollup';
import type { RollupIo } from '../src/cli/rollup';
import { FileHost } from '../src/hosts/file/host';
import { USAGE } from '../src/i18n/cli';
import { rollupPicked } from '../src/page/run-rollup';
import { rollupFiles } from '../src/rollup';
import { RollupReportSchema } from '../src/rollup/report';
import type { CellValue, WorkbookSnapshot } from '../src/workbook/snapshot';
import { typeInto } from './support/type-into';
import { CN_ITEM_HEADERS, rulesSheet, table } from './support/workbooks';
import { scores, tempDir } from './support/xlsx';

jest.setTimeout(120_000);

const AS_OF = '2026-01-15';
const NOW = () => new Date('2026-01-15T09:30:00+08:00');
const serial = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
};

type Row = { year: number; half: '上半年' | '下半年'; group: string; leader: string; total: number | null; notes?: string };

/** A branch's workbook as its secretary types it: one long table (年度, 半年度, 党小组, 党小组长, the items, 合计, 备注) and 考评规则. */
async function branchBook(rows: Row[], rules: [string, string | number][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考评得分');
  table(
    ws,
    1,
    ['年度', '半年度', '党小组', '党小组长', ...CN_ITEM_HEADERS, '合计', '备注'],
    rows.map((r) => [r.year, r.half, r.group, r.leader, ...(r.total === null ? new Array(12).fill(null) : scores(r.total)), r.total, r.notes ?? null]),
  );
  rulesSheet(wb, rules, { header: ['项目', '设定值'] });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * 甲党支部 (default rules):
 * - 一组 88/86: its recommendation (87);
 * - 三组 75, 72, 55, 50 from 2023 H2 to 2025 H1, then 2025 H2 not yet scored: four rectifications, three
 *   not effective and the last overdue — four lines, each with its period and status;
 * - 四组 75 then 85: its rectification is resolved, so not listed;
 * - 五组 2025 H2 78, closed in the ledger on 2026-01-10 (deadline 2026-03-31): 按期销号;
 * - 六组 2025 H1 76, H2 not yet scored, closed on 2025-12-20 (deadline 2025-09-30): 逾期销号.
 * `fiveFixed`: 五组 scored 85 in 2025 H2 instead (a corrected score): no rectification left for it.
 */
async function branchJia(opts: { fiveFixed?: boolean } = {}): Promise<Uint8Array> {
  const rows: Row[] = [
    { year: 2023, half: '下半年', group: '三组', leader: '丙', total: 75 },
    { year: 2024, half: '上半年', group: '三组', leader: '丙', total: 72 },
    { year: 2024, half: '下半年', group: '三组', leader: '丙', total: 55 },
    { year: 2025, half: '上半年', group: '一组', leader: '甲一', total: 88 },
    { year: 2025, half: '上半年', group: '三组', leader: '丙', total: 50 },
    { year: 2025, half: '上半年', group: '四组', leader: '丁', total: 75 },
    { year: 2025, half: '上半年', group: '五组', leader: '戊', total: 86 },
    { year: 2025, half: '上半年', group: '六组', leader: '己', total: 76 },
    { year: 2025, half: '下半年', group: '一组', leader: '甲一', total: 86 },
    { year: 2025, half: '下半年', group: '三组', leader: '丙', total: null, notes: '考评会议待召开' },
    { year: 2025, half: '下半年', group: '四组', leader: '丁', total: 85 },
    { year: 2025, half: '下半年', group: '五组', leader: '戊', total: opts.fiveFixed ? 85 : 78 },
    { year: 2025, half: '下半年', group: '六组', leader: '己', total: null, notes: '考评会议待召开' },
  ];
  const host = new FileHost(await branchBook(rows, [['单位名称', '甲党支部']]));
  await assessWorkbook(host, { now: () => new Date('2026-01-12T10:00:00+08:00') });
  const bytes = host.bytes();
  // The secretary fills in the ledger: 销号日期 for 五组 (2025 H2) and 六组 (2025 H1).
  const sheet = (await new FileHost(bytes).read()).sheets.find((s) => s.name === '预警与整改')!;
  const h = sheet.values.findIndex((r) => r?.includes('销号日期'));
  const col = (name: string) => sheet.values[h].indexOf(name);
  const rowOf = (group: string, period: string) =>
    sheet.values.findIndex((r, i) => i > h && r?.[col('党小组')] === group && r?.[col('考评期')] === period && r?.[col('预警类型')] === '限期整改');
  const cells: Record<string, number | string> = { [a1(rowOf('六组', '2025年上半年'), col('销号日期'))]: serial('2025-12-20') };
  if (!opts.fiveFixed) cells[a1(rowOf('五组', '2025年下半年'), col('销号日期'))] = serial('2026-01-10');
  return typeInto(bytes, '预警与整改', cells);
}

/** 乙党支部, which sets its own 优秀分数线: A组 and B组 tie at 97 (higher than 甲's 87, on another scale). */
function branchYi(): Promise<Uint8Array> {
  return branchBook(
    [
      { year: 2025, half: '上半年', group: 'A组', leader: '赵', total: 97 },
      { year: 2025, half: '上半年', group: 'B组', leader: '钱', total: 97 },
      { year: 2025, half: '上半年', group: 'C组', leader: '孙', total: 91 },
      { year: 2025, half: '下半年', group: 'A组', leader: '赵', total: 97 },
      { year: 2025, half: '下半年', group: 'B组', leader: '钱', total: 97 },
      { year: 2025, half: '下半年', group: 'C组', leader: '孙', total: 92 },
    ],
    [
      ['单位名称', '乙党支部'],
      ['优秀分数线', 90],
    ],
  );
}

interface Captured extends RollupIo {
  lines: { out: string[]; err: string[] };
}
const capture = (): Captured => {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) };
};

async function roll(argv: string[]): Promise<Captured> {
  const io = capture();
  expect(await runRollup(parseArgs(['rollup', ...argv, '--as-of', AS_OF]), io, { now: NOW, workers: 0 })).toBe(0);
  return io;
}

const readBack = async (file: string): Promise<WorkbookSnapshot> => new FileHost(new Uint8Array(fs.readFileSync(file)), file).read();

/** A sheet's rows as the file holds them (trailing empty cells dropped). */
function rowsOf(snap: WorkbookSnapshot, name: string): CellValue[][] {
  const s = snap.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${snap.sheets.map((x) => x.name).join(', ')}`);
  return s.values.map((r) => {
    const row = [...(r ?? [])];
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === undefined)) row.pop();
    // The printed tables break wrapped text by hand (no line may start with a closing bracket): read the text.
    return row.map((v) => (typeof v === 'string' ? v.replace(/\n/g, '') : v));
  });
}

/** The table of a sheet: its header row and the rows under it, up to the blank line before the signature block, as objects by header. */
function tableOf(snap: WorkbookSnapshot, name: string): Record<string, CellValue>[] {
  const rows = rowsOf(snap, name);
  const h = rows.findIndex((r) => r[0] === '序号' || r[0] === 'No.');
  const header = rows[h] as string[];
  const out: Record<string, CellValue>[] = [];
  for (let r = h + 1; r < rows.length && rows[r].length > 0; r++) out.push(Object.fromEntries(header.map((k, c) => [k, rows[r][c] ?? null])));
  return out;
}

let dir: string;
let jia: string;
let yi: string;

beforeAll(async () => {
  dir = tempDir('pga-rollup-judgments-');
  jia = path.join(dir, '01-甲党支部.xlsx');
  yi = path.join(dir, '02-乙党支部.xlsx');
  fs.writeFileSync(jia, await branchJia());
  fs.writeFileSync(yi, await branchYi());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('年度示范党小组推荐: by branch, never ranked across branches', () => {
  test('each branch’s recommendation in the branches’ order (乙’s higher averages do not put it first), no 名次 column, the note on differing scales, the recommendation and tie wording', async () => {
    const out = path.join(dir, 'nominees.xlsx');
    await roll([jia, yi, '--out', out]);
    const rows = rowsOf(await readBack(out), '年度示范党小组推荐');
    expect(rows.slice(1, 3)).toEqual([
      ['各党支部按本党支部的考评规则提出推荐：上、下半年均已评定、符合评先条件、年度平均分最高，一票否决的不参加评先；由支委会研究确定。本表按党支部列出，不跨党支部排名'],
      ['各党支部评分尺度不同，年度平均分仅供参考'],
    ]);
    expect(rows.flat()).not.toContain('名次');
    expect(tableOf(await readBack(out), '年度示范党小组推荐').map((r) => [r['序号'], r['党支部'], r['党小组'], r['年度平均分'], r['推荐意见'], r['备注']])).toEqual([
      [1, '甲党支部', '一组', 87, '拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定', null],
      [2, '乙党支部', 'A组', 97, '年度先进党小组（并列，示范党小组推荐对象）', expect.stringContaining('并列')],
      [3, '乙党支部', 'B组', 97, '年度先进党小组（并列，示范党小组推荐对象）', expect.stringContaining('并列')],
    ]);
  });

  test('the JSON report has no rank either: the nominees by branch, each with its recommendation', async () => {
    const out = path.join(dir, 'nominees-json.xlsx');
    const json = path.join(dir, 'nominees.json');
    await roll([yi, jia, '--out', out, '--json', json]);
    const report = RollupReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
    expect(report.nominees.map((n) => [n.branch, n.group, n.average, n.tieInBranch, n.recommendation])).toEqual([
      ['乙党支部', 'A组', 97, true, '年度先进党小组（并列，示范党小组推荐对象）'],
      ['乙党支部', 'B组', 97, true, '年度先进党小组（并列，示范党小组推荐对象）'],
      ['甲党支部', '一组', 87, false, '拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定'],
    ]);
    expect(Object.keys(report.nominees[0])).not.toContain('rank');
  });
});

describe('整改督办: one line per group and rectification, 销号, and the 党委’s 督办意见', () => {
  let out: string;
  let snap: WorkbookSnapshot;
  beforeAll(async () => {
    out = path.join(dir, '汇总.xlsx');
    await roll([jia, yi, '--out', out]);
    snap = await readBack(out);
  });

  test('a group with four rectifications has four lines, each its own period and status; a resolved one is not listed; closed ones show the 销号日期 and 按期 / 逾期销号', () => {
    const lines = tableOf(snap, '整改督办').map((r) => [r['党小组'], r['考评期'], r['整改状态'], r['整改期限'], r['销号日期'], r['销号情况'], r['督办意见']]);
    expect(lines).toEqual([
      ['三组', '2023年下半年', '整改未见效（已转入下期整改）', serial('2024-03-31'), null, null, null],
      ['三组', '2024年上半年', '整改未见效（已转入下期整改）', serial('2024-09-30'), null, null, null],
      ['三组', '2024年下半年', '整改未见效（已转入下期整改）', serial('2025-03-31'), null, null, null],
      ['三组', '2025年上半年', '逾期未整改', serial('2025-09-30'), null, null, null],
      ['六组', '2025年上半年', '已销号，待下次考评检验', serial('2025-09-30'), serial('2025-12-20'), '逾期销号', null],
      ['五组', '2025年下半年', '已销号，待下次考评检验', serial('2026-03-31'), serial('2026-01-10'), '按期销号', null],
    ]);
    // One line per (group, period): no group's rectification twice.
    expect(new Set(lines.map((l) => `${l[0]}|${l[1]}`)).size).toBe(lines.length);
    expect(rowsOf(snap, '整改督办')[2]).toEqual(['逾期未整改1条，待整改0条，已销号2条（按期销号1条、逾期销号1条），整改未见效3条']);
  });

  test('the 督办意见 typed into the summary survives a re-run, beside its own rectification; one whose rectification is no longer listed is kept at the bottom', async () => {
    const sheet = snap.sheets.find((s) => s.name === '整改督办')!;
    const h = sheet.values.findIndex((r) => r?.[0] === '序号');
    const col = (name: string) => sheet.values[h].indexOf(name);
    const rowOf = (group: string, period: string) => sheet.values.findIndex((r, i) => i > h && r?.[col('党小组')] === group && r?.[col('考评期')] === period);
    // The 党委 types its remarks and saves the summary.
    const typed = await typeInto(new Uint8Array(fs.readFileSync(out)), '整改督办', {
      [a1(rowOf('三组', '2024年上半年'), col('督办意见'))]: '请党支部书记约谈党小组长',
      [a1(rowOf('五组', '2025年下半年'), col('督办意见'))]: '=核查销号材料',
    });
    fs.writeFileSync(out, typed);
    // 甲党支部 corrects 五组's score: its rectification is no longer there. The 党委 rolls up again over its summary.
    fs.writeFileSync(jia, await branchJia({ fiveFixed: true }));
    const json = path.join(dir, '汇总.json');
    const io = await roll([jia, yi, '--out', out, '--json', json]);
    expect(io.lines.err).toEqual([]);
    const again = await readBack(out);
    const lines = tableOf(again, '整改督办').map((r) => [r['序号'], r['党小组'], r['考评期'], r['整改状态'], r['督办意见']]);
    expect(lines).toEqual([
      [1, '三组', '2023年下半年', '整改未见效（已转入下期整改）', null],
      [2, '三组', '2024年上半年', '整改未见效（已转入下期整改）', '请党支部书记约谈党小组长'],
      [3, '三组', '2024年下半年', '整改未见效（已转入下期整改）', null],
      [4, '三组', '2025年上半年', '逾期未整改', null],
      [5, '六组', '2025年上半年', '已销号，待下次考评检验', null],
      // Kept at the bottom as typed: text stays text, never a formula.
      [null, '五组', '2025年下半年', '本次汇总已不再列出（保留上次的督办意见）', '=核查销号材料'],
    ]);
    const report = RollupReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
    expect(report.rectifications.map((r) => r.opinion)).toEqual([null, '请党支部书记约谈党小组长', null, null, null]);
    expect(report.keptOpinions).toEqual([{ branch: '甲党支部', group: '五组', period: '2025年下半年', opinion: '=核查销号材料' }]);

    // A third run keeps both again, unchanged.
    await roll([jia, yi, '--out', out]);
    const third = tableOf(await readBack(out), '整改督办').map((r) => [r['党小组'], r['考评期'], r['督办意见']]);
    expect(third.filter((r) => r[2] !== null)).toEqual([
      ['三组', '2024年上半年', '请党支部书记约谈党小组长'],
      ['五组', '2025年下半年', '=核查销号材料'],
    ]);
  });

  test('in English, the remarks typed into a Chinese summary are found by their columns and kept', async () => {
    const en = path.join(dir, 'en.xlsx');
    fs.copyFileSync(out, en);
    await roll([jia, yi, '--out', en, '--lang', 'en-US']);
    const lines = tableOf(await readBack(en), 'Rectification Follow-up').map((r) => [r['Party group'], r['Period'], r['Follow-up remarks']]);
    expect(lines.filter((r) => r[2] !== null)).toEqual([
      ['三组', '2024 H1', '请党支部书记约谈党小组长'],
      ['五组', '2025 H2', '=核查销号材料'],
    ]);
  });

  test('the page keeps the remarks of an earlier summary picked with the branches’ files, and 报送情况 says so', async () => {
    const files = [
      { name: '汇总.xlsx', bytes: new Uint8Array(fs.readFileSync(out)) },
      { name: '01-甲党支部.xlsx', bytes: new Uint8Array(fs.readFileSync(jia)) },
      { name: '02-乙党支部.xlsx', bytes: new Uint8Array(fs.readFileSync(yi)) },
    ];
    const { bytes, report } = await rollupFiles(files, { lang: 'zh-CN', asOf: AS_OF, runAt: '2026-01-15T09:30:00+08:00' });
    const back = await new FileHost(bytes).read();
    expect(tableOf(back, '整改督办').filter((r) => r['督办意见'] !== null).map((r) => [r['党小组'], r['考评期'], r['督办意见']])).toEqual([
      ['三组', '2024年上半年', '请党支部书记约谈党小组长'],
      ['五组', '2025年下半年', '=核查销号材料'],
    ]);
    expect(report.files[0]).toMatchObject({ status: 'skipped', notes: '这是汇总工作簿，不是党支部的评分工作簿；其中填写的督办意见2条已带入本汇总' });
  });
});

describe('the 党委’s name in the titles; the 考评依据 line', () => {
  test('--unit puts the name in every title; the 考评依据 line names the branches’ 办法; 报送情况 carries the note on differing rules', async () => {
    const out = path.join(dir, 'unit.xlsx');
    const json = path.join(dir, 'unit.json');
    await roll([jia, yi, '--out', out, '--json', json, '--unit', '城区供电中心党委']);
    const snap = await readBack(out);
    expect(['各党支部考评汇总', '年度示范党小组推荐', '整改督办', '报送情况'].map((s) => rowsOf(snap, s)[0][0])).toEqual([
      '城区供电中心党委各党支部党小组工作考评结果汇总表（2025年下半年）',
      '城区供电中心党委年度示范党小组推荐（2025年度）',
      '城区供电中心党委整改督办（截至2026年1月15日）',
      '城区供电中心党委报送情况（2025年下半年）',
    ]);
    expect(rowsOf(snap, '各党支部考评汇总')[1]).toEqual(['考评依据：各党支部党小组工作考评办法']);
    expect(rowsOf(snap, '报送情况').slice(1, 4).flat()).toContain('说明：各党支部按本党支部的考评细则和考评规则考评，评分尺度可能不同；本汇总对每个工作簿重新考评，不沿用其中的结果表');
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).unit).toBe('城区供电中心党委');

    const en = path.join(dir, 'unit-en.xlsx');
    await roll([jia, yi, '--out', en, '--unit', 'City Centre Party Committee', '--lang', 'en-US']);
    expect(rowsOf(await readBack(en), 'Branch Results')[0][0]).toBe('City Centre Party Committee: Party Group Assessment Results of the Party Branches (2025 H2)');
  });

  test('without --unit the titles start with the table’s own name', async () => {
    const out = path.join(dir, 'no-unit.xlsx');
    await roll([jia, yi, '--out', out]);
    expect(rowsOf(await readBack(out), '各党支部考评汇总')[0][0]).toBe('各党支部党小组工作考评结果汇总表（2025年下半年）');
  });

  test('the help names --unit in both languages; --unit is refused outside rollup', async () => {
    expect(USAGE.zh).toMatch(/--unit 名称\s+rollup：党委名称/);
    expect(USAGE.en).toMatch(/--unit NAME\s+rollup: the Party committee’s name/);
    const io = capture();
    expect(await main([jia, '--unit', '某党委'], io)).toBe(2);
    expect(io.lines.err).toEqual([expect.stringMatching(/选项 --unit 不能用于 assess 命令/)]);
  });

  test('the page with the name typed in gives the summary the command gives with --unit, part for part', async () => {
    const out = path.join(dir, 'parity.xlsx');
    await roll([jia, yi, '--out', out, '--unit', '城区供电中心党委']);
    const picked = [jia, yi].map((p) => ({ path: p, inFolder: false, file: new File([fs.readFileSync(p)], path.basename(p), { lastModified: fs.statSync(p).mtimeMs }) }));
    const page = await rollupPicked(picked, 'zh-CN', () => undefined, NOW(), '城区供电中心党委');
    expect(page.bytes).not.toBeNull();
    const [fromPage, fromCli] = [await new FileHost(page.bytes!).read(), await readBack(out)];
    for (const name of ['各党支部考评汇总', '年度示范党小组推荐', '整改督办', '报送情况']) expect([name, rowsOf(fromPage, name)]).toEqual([name, rowsOf(fromCli, name)]);
    expect(Buffer.from(page.bytes!).equals(fs.readFileSync(out))).toBe(true);
  });
});

test('督办意见 are matched by the names as written: 变电（一）班 and 变电（二）班 stay two groups; a printed line break is no change', () => {
  const a = opinionKey('第一党支部', '变电（一）班党小组', 2025, 1);
  expect(opinionKey('第一党支部', '变电（二）班党小组', 2025, 1)).not.toBe(a);
  expect(opinionKey('第一党支部', '变电（一）\n班党小组', 2025, 1)).toBe(a);
  expect(opinionKey('第一党支部', '变电(一)班党小组', 2025, 1)).toBe(a);
});
