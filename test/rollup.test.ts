/**
 * The 党委's roll-up (`assess rollup`): a folder of branch workbooks (test/support/branches.ts) — written by
 * different producers, assessed or not, one sent twice, one damaged, one in the old .xls format, an
 * earlier summary, a lock file and a hidden file — summarized into one workbook that is read back through
 * the file host and checked cell by cell, as the 党委 would read it; the JSON report; the refusals; the
 * progress bar; the core's freedom from Node APIs (the workbook page runs it in a browser); and the built
 * command, whose worker threads must give the same summary as one thread.
 */
import { execSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import * as ts from 'typescript';
import { parseArgs } from '../src/cli/args';
import { main } from '../src/cli/main';
import { runRollup } from '../src/cli/rollup';
import type { RollupIo } from '../src/cli/rollup';
import { RollupProgress, findWorkbooks, progressBar } from '../src/cli/rollup-files';
import { FileHost } from '../src/hosts/file/host';
import { combineRollup, renderRollup } from '../src/rollup';
import { RollupReportSchema } from '../src/rollup/report';
import type { RollupReport } from '../src/rollup';
import { summarizeWorkbook } from '../src/rollup/summary';
import { parseRange } from '../src/workbook/a1';
import type { CellValue, SheetPatch, WorkbookSnapshot } from '../src/workbook/snapshot';
import { ROLLUP_AS_OF, branchOne, writeBranchFolder } from './support/branches';
import { sha256, tempDir } from './support/xlsx';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..');
const NOW = () => new Date('2026-01-15T09:30:00+08:00');
/** An Excel date serial, computed here independently of the code under test. */
const serial = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
};

interface Captured extends RollupIo {
  lines: { out: string[]; err: string[] };
}
function capture(): Captured {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) };
}

async function roll(argv: string[], io: Captured = capture()): Promise<{ code: number; io: Captured }> {
  const code = await runRollup(parseArgs(['rollup', ...argv]), io, { now: NOW });
  return { code, io };
}

async function readBack(file: string): Promise<WorkbookSnapshot> {
  return new FileHost(new Uint8Array(fs.readFileSync(file)), file).read();
}

const sheet = (snap: WorkbookSnapshot, name: string): CellValue[][] => {
  const s = snap.sheets.find((x) => x.name === name);
  expect(s).toBeDefined();
  // Trailing empty cells are not stored: compare rows as the file holds them. Line breaks the printed
  // table puts in by hand (so no line starts with “）”) are not part of the words.
  return s!.values.map((r) => {
    const row = (r ?? []).map((v) => (typeof v === 'string' ? v.replace(/\n/g, '') : v));
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === undefined)) row.pop();
    return row;
  });
};

let dir: string;
let files: string[];
let out: string;
let json: string;
let run: { code: number; io: Captured };
let snap: WorkbookSnapshot;
let report: RollupReport;
const before = new Map<string, string>();

beforeAll(async () => {
  dir = tempDir('pga-rollup-');
  files = await writeBranchFolder(dir);
  for (const f of fs.readdirSync(dir)) if (fs.statSync(path.join(dir, f)).isFile()) before.set(f, sha256(path.join(dir, f)));
  out = path.join(dir, '汇总.xlsx');
  json = path.join(dir, '汇总.json');
  run = await roll([dir, '--out', out, '--json', json, '--as-of', ROLLUP_AS_OF]);
  snap = await readBack(out);
  report = RollupReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (rel: string) => path.join(dir, rel);

describe('a 党委 rolls up a folder of branch workbooks', () => {
  test('exit 0; the command says what it summarized, and names each unreadable file with its reason on stderr', () => {
    expect(run.code).toBe(0);
    expect(run.io.lines.out).toEqual([
      expect.stringMatching(/^已汇总5个党支部（9个文件，未能读取2个，重复1个，跳过1个），用时\d+\.\d秒$/),
      '2025年下半年：3个党支部、8个党小组，优秀2个、合格2个、基本合格2个、不合格1个',
      '整改督办6条（逾期未整改1条，待整改3条，已销号0条，整改未见效2条）；年度示范党小组推荐3个（2025年度）',
      `汇总工作簿已写入：${out}`,
      `JSON报告已写入：${json}`,
    ]);
    expect(run.io.lines.err).toEqual([
      `未能读取：${at('06-损坏.xlsx')}：不是Excel工作簿（.xlsx），或文件已损坏：无法作为工作簿文件包读取。请在Excel或WPS中打开，另存为“Excel工作簿(*.xlsx)”后再试`,
      `未能读取：${at('07-旧格式.xls')}：“07-旧格式.xls”不是.xlsx工作簿，请在Excel中另存为“Excel工作簿(*.xlsx)”后再试`,
    ]);
  });

  test('the summary workbook holds the four tables in order (and the very hidden roll-up mark)', () => {
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['各党支部考评汇总', 'visible'],
      ['年度示范党小组推荐', 'visible'],
      ['整改督办', 'visible'],
      ['报送情况', 'visible'],
      ['_PGA_ROLLUP', 'veryHidden'],
    ]);
  });

  test('各党支部考评汇总: every group of every branch in the latest half-year, each branch’s grade counts, the branches that have not reported', () => {
    const SIGN = ['填表人：', null, '审核：', null, null, '日期：　　年　　月　　日'];
    expect(sheet(snap, '各党支部考评汇总')).toEqual([
      ['各党支部党小组工作考评结果汇总表（2025年下半年）'],
      ['考评依据：各党支部党小组工作考评办法'],
      ['共5个党支部、8个党小组：优秀2个，合格2个，基本合格2个，不合格1个，未定等次1个；2个党支部未报送本期考评结果'],
      [...Array(7).fill(null), '单位：分'],
      ['序号', '党支部', '党小组', '党小组长', '联系支委', '合计', '等次', '备注'],
      [1, '第一党支部', '城东供电所党小组', '王建国', '孙立平', 95, '优秀'],
      [2, '第一党支部', '城西供电所党小组', '李明华', '孙立平', 78, '基本合格', '限期整改，2026年3月31日前完成'],
      [3, '第一党支部', '线路运维党小组', '张卫东', '吴红梅', null, null, '待评分；考评会议待召开'],
      [null, '第一党支部', '小计', null, null, null, null, '党小组3个：优秀1个，合格0个，基本合格1个，不合格0个，未定等次1个'],
      [4, '第二党支部', '变电一班党小组', '周强', '郑国栋', 87, '合格'],
      [5, '第二党支部', '变电二班党小组', '陈刚', '郑国栋', 97, '优秀'],
      [6, '第二党支部', '变电三班党小组', '刘洋', '赵敏', 73, '基本合格', '限期整改，2026年3月31日前完成'],
      [null, '第二党支部', '小计', null, null, null, null, '党小组3个：优秀1个，合格1个，基本合格1个，不合格0个'],
      [7, '第四党支部', '营销一班党小组', '钱进', '冯英', 96, '不合格', '一票否决：发生责任性事故；限期整改，2026年3月31日前完成'],
      [8, '第四党支部', '营销二班党小组', '孙悦', '冯英', 90, '合格'],
      [null, '第四党支部', '小计', null, null, null, null, '党小组2个：优秀0个，合格1个，基本合格0个，不合格1个'],
      [null, '第五党支部', null, null, null, null, null, '未报送2025年下半年考评结果（最近一期：2025年上半年）'],
      [null, '第三党支部', null, null, null, null, null, '未报送2025年下半年考评结果（最近一期：2024年下半年）'],
      [],
      SIGN,
    ]);
  });

  test('年度示范党小组推荐: each branch’s recommendation, branch by branch (no rank across branches), ties for the branch committee, why a branch has none', () => {
    expect(sheet(snap, '年度示范党小组推荐')).toEqual([
      ['年度示范党小组推荐（2025年度）'],
      ['各党支部按本党支部的考评规则提出推荐：上、下半年均已评定、符合评先条件、年度平均分最高，一票否决的不参加评先；由支委会研究确定。本表按党支部列出，不跨党支部排名'],
      ['各党支部评分尺度不同，年度平均分仅供参考'],
      ['2个党支部推荐3个党小组；3个党支部本年度没有推荐对象'],
      [...Array(9).fill(null), '单位：分'],
      ['序号', '党支部', '党小组', '党小组长', '上半年', '下半年', '年度平均分', '年度等次', '推荐意见', '备注'],
      [1, '第一党支部', '城东供电所党小组', '王建国', 96, 95, 95.5, '优秀', '拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定'],
      [2, '第二党支部', '变电一班党小组', '周强', 97, 87, 92, '合格', '年度先进党小组（并列，示范党小组推荐对象）', '年度平均分并列第一（提请支委会研究确定）'],
      [3, '第二党支部', '变电二班党小组', '陈刚', 87, 97, 92, '合格', '年度先进党小组（并列，示范党小组推荐对象）', '年度平均分并列第一（提请支委会研究确定）'],
      // 营销一班 has the best average but a One-vote veto; 营销二班 was 基本合格 in H1.
      [null, '第四党支部', null, null, null, null, null, null, null, '没有符合评先条件的党小组'],
      [null, '第五党支部', null, null, null, null, null, null, null, '2025年度上、下半年考评未全部完成，没有年度结果'],
      [null, '第三党支部', null, null, null, null, null, null, null, '没有2025年度考评记录'],
      [],
      ['填表人：', null, null, '审核：', null, null, '日期：　　年　　月　　日'],
    ]);
  });

  test('整改督办: branch by branch, one line per group and rectification (a group’s not-effective one before its open one), with the branch’s ledger and an empty 督办意见 column', () => {
    const H1 = serial('2025-09-30');
    const H2 = serial('2026-03-31');
    expect(sheet(snap, '整改督办')).toEqual([
      ['整改督办（截至2026年1月15日）'],
      ['考评依据：各党支部党小组工作考评办法'],
      ['逾期未整改1条，待整改3条，已销号0条，整改未见效2条'],
      ['按党支部列出，同一党小组的各次整改按考评期先后排列；整改措施、责任人、完成情况、销号日期取自各党支部的整改台账；督办意见由党委填写，重新汇总时保留'],
      [...Array(15).fill(null), '单位：分'],
      ['序号', '党支部', '党小组', '党小组长', '联系支委', '考评期', '等次', '整改期限', '整改状态', '主要失分项目', '整改措施', '责任人', '完成情况', '销号日期', '销号情况', '督办意见'],
      [1, '第一党支部', '城西供电所党小组', '李明华', '孙立平', '2025年上半年', '基本合格', H1, '整改未见效（已转入下期整改）', '11.安全生产（零违章、无责任性事故）、12.生产任务与示范服务日、10.台账记录'],
      [2, '第一党支部', '城西供电所党小组', '李明华', '孙立平', '2025年下半年', '基本合格', H2, '待整改', '11.安全生产（零违章、无责任性事故）、12.生产任务与示范服务日、10.台账记录'],
      [3, '第一党支部', '线路运维党小组', '张卫东', '吴红梅', '2025年上半年', '基本合格', H1, '逾期未整改', '10.台账记录、11.安全生产（零违章、无责任性事故）、12.生产任务与示范服务日'],
      [4, '第二党支部', '变电三班党小组', '刘洋', '赵敏', '2025年上半年', '基本合格', H1, '整改未见效（已转入下期整改）', '12.生产任务与示范服务日、11.安全生产（零违章、无责任性事故）、5.联系群众'],
      [5, '第二党支部', '变电三班党小组', '刘洋', '赵敏', '2025年下半年', '基本合格', H2, '待整改', '12.生产任务与示范服务日、11.安全生产（零违章、无责任性事故）、5.联系群众', '重建台账，每月检查', '刘洋', '进行中'],
      // Vetoed with a total of 96: the veto is the cause, so no items are named.
      [6, '第四党支部', '营销一班党小组', '钱进', '冯英', '2025年下半年', '不合格', H2, '待整改'],
      [],
      ['填表人：', null, null, null, null, '审核：', null, null, null, null, '日期：　　年　　月　　日'],
    ]);
  });

  test('报送情况: every file, its branch and latest period, what became of it and why', () => {
    expect(sheet(snap, '报送情况')).toEqual([
      ['报送情况（2025年下半年）'],
      ['共9个文件：已汇总5个，未能读取2个，重复报送1个，跳过1个'],
      ['说明：各党支部按本党支部的考评细则和考评规则考评，评分尺度可能不同；本汇总对每个工作簿重新考评，不沿用其中的结果表'],
      [expect.stringMatching(/^生成时间：2026年1月15日 \d\d:30（本地时间）$/)],
      ['序号', '文件', '党支部', '最近考评期', '考评记录', '数据问题', '汇总情况', '说明'],
      [1, at('01-第一党支部.xlsx'), '第一党支部', '2025年下半年', 6, 0, '已汇总', '工作簿尚未考评，本汇总已按其评分表考评'],
      [2, at('02-第二党支部.xlsx'), '第二党支部', '2025年下半年', 6, 0, '重复报送，未汇总', `与“${at('02-第二党支部（已考评）.xlsx')}”为同一党支部，汇总采用该文件（其考评期较新或文件较新）`],
      [3, at('02-第二党支部（已考评）.xlsx'), '第二党支部', '2025年下半年', 6, 0, '已汇总'],
      [4, at('04-第四党支部.xlsx'), '第四党支部', '2025年下半年', 4, 0, '已汇总', '工作簿尚未考评，本汇总已按其评分表考评'],
      [5, at('05-第五党支部.xlsx'), '第五党支部', '2025年上半年', 2, 0, '已汇总', '未报送2025年下半年考评结果；工作簿尚未考评，本汇总已按其评分表考评'],
      [6, at('06-损坏.xlsx'), null, null, null, null, '未能读取', '不是Excel工作簿（.xlsx），或文件已损坏：无法作为工作簿文件包读取。请在Excel或WPS中打开，另存为“Excel工作簿(*.xlsx)”后再试'],
      [7, at('07-旧格式.xls'), null, null, null, null, '未能读取', '“07-旧格式.xls”不是.xlsx工作簿，请在Excel中另存为“Excel工作簿(*.xlsx)”后再试'],
      [8, at('旧汇总.xlsx'), null, null, null, null, '已跳过', '这是汇总工作簿，不是党支部的评分工作簿'],
      [
        9,
        at(path.join('第三党支部', '第三党支部.xlsx')),
        '第三党支部',
        '2024年下半年',
        4,
        0,
        '已汇总',
        '未报送2025年下半年考评结果；工作簿尚未考评，本汇总已按其评分表考评；工作簿中没有单位名称，党支部名称取自文件名（可在考评规则中填写“单位名称”）',
      ],
      [],
      ['填表人：', null, '审核：', null, null, '日期：　　年　　月　　日'],
    ]);
  });

  test('skipped without a word: the lock file, the hidden file, a text file, the output and the report themselves', () => {
    const listed = sheet(snap, '报送情况').map((r) => r[1]);
    for (const name of ['~$01-第一党支部.xlsx', '.隐藏.xlsx', '说明.txt', '汇总.xlsx', '汇总.json']) expect(listed).not.toContain(at(name));
    expect(files).toHaveLength(9);
  });

  test('the branches’ workbooks are never modified', () => {
    for (const [f, hash] of before) expect([f, sha256(path.join(dir, f))]).toEqual([f, hash]);
  });

  test('the JSON report says the same as the sheets, with the documented fields', () => {
    expect(report.asOf).toBe('2026-01-15');
    expect(report.period).toEqual({ year: 2025, half: 2 });
    expect(report.year).toBe(2025);
    expect(report.files.map((f) => [path.relative(dir, f.file), f.status, f.branch, f.runState])).toEqual([
      ['01-第一党支部.xlsx', 'included', '第一党支部', 'never'],
      ['02-第二党支部.xlsx', 'duplicate', '第二党支部', 'never'],
      ['02-第二党支部（已考评）.xlsx', 'included', '第二党支部', 'current'],
      ['04-第四党支部.xlsx', 'included', '第四党支部', 'never'],
      ['05-第五党支部.xlsx', 'included', '第五党支部', 'never'],
      ['06-损坏.xlsx', 'unreadable', null, null],
      ['07-旧格式.xls', 'unreadable', null, null],
      ['旧汇总.xlsx', 'skipped', null, null],
      [path.join('第三党支部', '第三党支部.xlsx'), 'included', '第三党支部', 'never'],
    ]);
    expect(report.files[1].duplicateOf).toBe(at('02-第二党支部（已考评）.xlsx'));
    expect(report.files[5].reason).toMatch(/^不是Excel工作簿（\.xlsx），或文件已损坏/);
    expect(report.branches.map((b) => [b.branch, b.reported, b.counts])).toEqual([
      ['第一党支部', true, { excellent: 1, qualified: 0, basic: 1, unqualified: 0, none: 1 }],
      ['第二党支部', true, { excellent: 1, qualified: 1, basic: 1, unqualified: 0, none: 0 }],
      ['第四党支部', true, { excellent: 0, qualified: 1, basic: 0, unqualified: 1, none: 0 }],
      ['第五党支部', false, { excellent: 0, qualified: 0, basic: 0, unqualified: 0, none: 0 }],
      ['第三党支部', false, { excellent: 0, qualified: 0, basic: 0, unqualified: 0, none: 0 }],
    ]);
    expect(report.branches[2].groups[0]).toEqual({
      group: '营销一班党小组',
      leader: '钱进',
      liaison: '冯英',
      total: 96,
      band: 'unqualified',
      status: 'graded',
      veto: '发生责任性事故',
      issues: 0,
      deadline: '2026-03-31',
      notes: '',
    });
    expect(report.nominees.map((n) => [n.branch, n.group, n.h1, n.h2, n.average, n.band, n.tieInBranch])).toEqual([
      ['第一党支部', '城东供电所党小组', 96, 95, 95.5, 'excellent', false],
      ['第二党支部', '变电一班党小组', 97, 87, 92, 'qualified', true],
      ['第二党支部', '变电二班党小组', 87, 97, 92, 'qualified', true],
    ]);
    expect(report.withoutNominee).toEqual([
      { branch: '第四党支部', reason: 'none_eligible' },
      { branch: '第五党支部', reason: 'incomplete' },
      { branch: '第三党支部', reason: 'no_result' },
    ]);
    expect(report.rectifications.map((r) => [r.branch, r.group, r.year, r.half, r.deadline, r.status, r.focusItems, r.closedOn, r.closedOnTime, r.opinion])).toEqual([
      ['第一党支部', '城西供电所党小组', 2025, 1, '2025-09-30', 'not_effective', ['11', '12', '10'], null, null, null],
      ['第一党支部', '城西供电所党小组', 2025, 2, '2026-03-31', 'open', ['11', '12', '10'], null, null, null],
      ['第一党支部', '线路运维党小组', 2025, 1, '2025-09-30', 'overdue', ['10', '11', '12'], null, null, null],
      ['第二党支部', '变电三班党小组', 2025, 1, '2025-09-30', 'not_effective', ['12', '11', '5'], null, null, null],
      ['第二党支部', '变电三班党小组', 2025, 2, '2026-03-31', 'open', ['12', '11', '5'], null, null, null],
      ['第四党支部', '营销一班党小组', 2025, 2, '2026-03-31', 'open', [], null, null, null],
    ]);
    expect(report.unit).toBeNull();
    expect(report.keptOpinions).toEqual([]);
    expect(report.rectifications[4].ledger).toEqual({ measures: '重建台账，每月检查', responsible: '刘洋', progress: '进行中', closedOn: null });
    expect(report.rectifications[5].veto).toBe('发生责任性事故');
  });

  test('the same folder and --as-of give a byte-identical JSON report', async () => {
    const again = path.join(tempDir('pga-rollup-json-'), 'again.json');
    const r = await roll([dir, '--out', out, '--json', again, '--as-of', ROLLUP_AS_OF]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(json, 'utf8'));
  });

  test('--json - prints the report on standard output and the summary lines on standard error', async () => {
    const io = capture();
    const r = await roll([dir, '--out', out, '--json', '-', '--as-of', ROLLUP_AS_OF], io);
    expect(r.code).toBe(0);
    expect(io.lines.out).toHaveLength(1);
    expect(RollupReportSchema.parse(JSON.parse(io.lines.out[0]))).toEqual(report);
    expect(io.lines.err.some((l) => l.startsWith('已汇总5个党支部'))).toBe(true);
  });
});

describe('the summary is print-ready, like the branch tables', () => {
  let patch: ReturnType<typeof renderRollup>;
  beforeAll(async () => {
    const summaries = [await summarizeWorkbook({ name: '一.xlsx', bytes: await branchOne() }, { asOf: ROLLUP_AS_OF })];
    patch = renderRollup(combineRollup(summaries, { asOf: ROLLUP_AS_OF }), { lang: 'zh-CN', runAt: '2026-01-15T09:30:00+08:00' });
  });
  const styleAt = (s: SheetPatch, row: number, col: number) =>
    s.styles
      .filter((st) => {
        const g = parseRange(st.range);
        return row >= g.top && row <= g.bottom && col >= g.left && col <= g.right;
      })
      .reduce((acc, st) => ({ ...acc, ...Object.fromEntries(Object.entries(st).filter(([, v]) => v !== undefined)) }), {} as Record<string, unknown>);

  test.each(['各党支部考评汇总', '年度示范党小组推荐', '整改督办', '报送情况'])('%s: title merged and centred in 黑体, 宋体 below, A4 landscape one page wide, header repeated, 第X页 共X页', (name) => {
    const s = patch.sheets.find((x) => x.name === name)!;
    const last = String.fromCharCode(64 + s.columnWidths.length);
    expect(s.merges).toContain(`A1:${last}1`);
    expect(styleAt(s, 0, 0)).toMatchObject({ horizontal: 'center', font: '黑体', size: 16, vertical: 'center' });
    const h = s.values.findIndex((r) => r[0] === '序号');
    expect(h).toBeGreaterThan(0);
    expect(styleAt(s, h + 1, 1)).toMatchObject({ font: '宋体', vertical: 'center', border: true });
    expect(s.page).toEqual({ paper: 'A4', orientation: 'landscape', fitToWidth: true, centerHorizontally: true, footer: '第&P页 共&N页' });
    expect(s.printTitleRows).toBe(`${h + 1}:${h + 1}`);
    expect(s.freeze).toEqual({ rows: 0, cols: 0 });
    expect(s.links).toEqual([]);
    // The signature block, the last row, in three merged parts.
    expect(s.values[s.values.length - 1].filter((v) => v !== null)).toEqual(['填表人：', '审核：', '日期：　　年　　月　　日']);
  });

  test('the file host writes the page setup, the repeated header and the footer into the sheet parts', async () => {
    const host = FileHost.empty();
    await host.write(patch);
    const zip = await JSZip.loadAsync(host.bytes());
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    expect(wb).toContain('_xlnm.Print_Titles');
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(5);
    let printed = 0;
    for (const n of sheets) {
      const xml = await zip.file(n)!.async('string');
      if (!xml.includes('<pageSetup')) continue;
      printed++;
      expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/);
      expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
      expect(xml).toContain('<oddFooter>&amp;C第&amp;P页 共&amp;N页</oddFooter>');
    }
    expect(printed).toBe(4);
  });
});

describe('English', () => {
  test('--lang en-US: English sheet names, titles, headers and notes', async () => {
    // Into the folder, over the Chinese summary: the output is never read as an input.
    const o = out;
    const { code, io } = await roll([dir, '--out', o, '--lang', 'en-US', '--as-of', ROLLUP_AS_OF]);
    expect(code).toBe(0);
    expect(io.lines.out[0]).toMatch(/^Party branches summarized: 5 \(files: 9; 2 unreadable, 1 duplicate, 1 skipped\) in \d+\.\d s$/);
    const en = await readBack(o);
    expect(en.sheets.map((s) => s.name)).toEqual(['Branch Results', 'Model Group Nominees', 'Rectification Follow-up', 'Submissions', '_PGA_ROLLUP']);
    const branches = sheet(en, 'Branch Results');
    expect(branches[0]).toEqual(['Party Group Assessment Results of the Party Branches (2025 H2)']);
    expect(branches[2]).toEqual([
      'Party branches: 5; Party groups: 8 (Excellent 2, Qualified 2, Basically qualified 2, Unqualified 1, No grade 1); Party branches without results for this period: 2',
    ]);
    expect(branches[3]).toEqual([...Array(7).fill(null), 'Unit: points']);
    expect(branches[4]).toEqual(['No.', 'Party branch', 'Party group', 'Party group leader', 'Liaison committee member', 'Total', 'Grade', 'Notes']);
    expect(branches[6]).toEqual([2, '第一党支部', '城西供电所党小组', '李明华', '孙立平', 78, 'Basically qualified', 'Rectification due by March 31, 2026']);
    expect(branches[8]).toEqual([null, '第一党支部', 'Subtotal', null, null, null, null, 'Party groups: 3 (Excellent 1, Qualified 0, Basically qualified 1, Unqualified 0, No grade 1)']);
    expect(sheet(en, 'Model Group Nominees')[2]).toEqual(['Branches score on different scales: annual averages are for reference only']);
    expect(sheet(en, 'Model Group Nominees')[7]).toEqual([
      2,
      '第二党支部',
      '变电一班党小组',
      '周强',
      97,
      87,
      92,
      'Qualified',
      'Advanced Party group of the year (tied, model group nominee)',
      'Tied for first (for the branch committee to decide)',
    ]);
    expect(sheet(en, 'Rectification Follow-up')[8].slice(5, 10)).toEqual([
      '2025 H1',
      'Basically qualified',
      serial('2025-09-30'),
      'Overdue',
      '10.Records, 11.Work safety (no violations, no liable accidents), 12.Production tasks and service days',
    ]);
    expect(sheet(en, 'Submissions')[6][6]).toBe('Duplicate, not summarized');
  });
});

describe('refusals and edge cases', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = tempDir('pga-rollup-edge-');
  });

  test('usage errors exit 2 with one line and write nothing', async () => {
    const io = capture();
    const cases: [string[], RegExp][] = [
      [['rollup', dir], /请用 --out 指定汇总工作簿/],
      [['rollup', '--out', path.join(tmp, 'a.xlsx')], /请指定要汇总的文件夹或工作簿/],
      [['rollup', dir, '--out', path.join(tmp, 'a.xlsm')], /汇总工作簿须以 \.xlsx 结尾/],
      [['rollup', at('01-第一党支部.xlsx'), '--out', at('01-第一党支部.xlsx')], /--out 指向了要汇总的工作簿之一/],
      [['rollup', dir, '--out', path.join(tmp, 'a.xlsx'), '--json', path.join(tmp, 'a.xlsx')], /--json 与 --out 指向同一个文件/],
      [['rollup', path.join(tmp, 'empty-folder'), '--out', path.join(tmp, 'a.xlsx')], /没有找到工作簿/],
    ];
    fs.mkdirSync(path.join(tmp, 'empty-folder'));
    for (const [argv, message] of cases) {
      io.lines.err.length = 0;
      const code = await main(argv, io);
      expect([argv.join(' '), code]).toEqual([argv.join(' '), 2]);
      expect(io.lines.err).toHaveLength(1);
      expect(io.lines.err[0]).toMatch(message);
    }
    expect(fs.existsSync(path.join(tmp, 'a.xlsx'))).toBe(false);
    expect(before.get('01-第一党支部.xlsx')).toBe(sha256(at('01-第一党支部.xlsx')));
  });

  test('an --out that exists and is not a roll-up summary is not overwritten, unless --force', async () => {
    const victim = path.join(tmp, 'victim.xlsx');
    fs.copyFileSync(at('01-第一党支部.xlsx'), victim);
    const hash = sha256(victim);
    const io = capture();
    expect(await main(['rollup', at('04-第四党支部.xlsx'), '--out', victim], io)).toBe(2);
    expect(io.lines.err[0]).toMatch(/文件已存在且不是汇总工作簿，未覆盖.*--force/);
    expect(sha256(victim)).toBe(hash);
    expect(await main(['rollup', at('04-第四党支部.xlsx'), '--out', victim, '--force'], capture())).toBe(0);
    expect((await readBack(victim)).sheets[0].name).toBe('各党支部考评汇总');
  });

  test('an earlier summary is overwritten without --force', async () => {
    const o = path.join(tmp, 'again.xlsx');
    expect(await main(['rollup', at('04-第四党支部.xlsx'), '--out', o], capture())).toBe(0);
    expect(await main(['rollup', at('01-第一党支部.xlsx'), '--out', o], capture())).toBe(0);
    expect(sheet(await readBack(o), '各党支部考评汇总')[5]).toEqual([1, '第一党支部', '城东供电所党小组', '王建国', '孙立平', 95, '优秀']);
  });

  test('when no file can be read: exit 2, the first reason, no summary written', async () => {
    const io = capture();
    const o = path.join(tmp, 'none.xlsx');
    expect(await main(['rollup', at('06-损坏.xlsx'), at('07-旧格式.xls'), at('旧汇总.xlsx'), '--out', o], io)).toBe(2);
    expect(io.lines.err).toEqual([expect.stringMatching(/^3个文件都未能读取，没有写出汇总工作簿：.*06-损坏\.xlsx：不是Excel工作簿/)]);
    expect(fs.existsSync(o)).toBe(false);
  });

  test('files named on the command line are read in that order; a missing one is listed as unreadable and the rest summarized', async () => {
    const o = path.join(tmp, 'named.xlsx');
    const missing = path.join(tmp, '不存在.xlsx');
    const { code } = await roll([at('04-第四党支部.xlsx'), missing, at('01-第一党支部.xlsx'), '--out', o, '--as-of', ROLLUP_AS_OF]);
    expect(code).toBe(0);
    const rows = sheet(await readBack(o), '报送情况').slice(5, 8);
    expect(rows).toEqual([
      [1, at('04-第四党支部.xlsx'), '第四党支部', '2025年下半年', 4, 0, '已汇总', '工作簿尚未考评，本汇总已按其评分表考评'],
      [2, missing, null, null, null, null, '未能读取', `找不到文件“${missing}”，请检查路径`],
      [3, at('01-第一党支部.xlsx'), '第一党支部', '2025年下半年', 6, 0, '已汇总', '工作簿尚未考评，本汇总已按其评分表考评'],
    ]);
  });

  test('the walk: recursive, in code-point order, each file once, lock and hidden files and excluded paths left out', () => {
    const items = findWorkbooks([dir, at('01-第一党支部.xlsx')], [out, json]);
    expect(items.map((x) => (x.kind === 'file' ? path.relative(dir, x.file.path) : x.summary.file))).toEqual(files);
  });
});

describe('the progress bar (standard error, a terminal only, after a second)', () => {
  test('nothing in the first second; then the bar, redrawn in place; cleared at the end', () => {
    let clock = 0;
    const drawn: string[] = [];
    const p = new RollupProgress(300, { lang: 'zh-CN', write: (s) => drawn.push(s), columns: 80, now: () => clock });
    clock = 900;
    p.tick(100);
    expect(drawn).toEqual([]);
    clock = 1200;
    p.tick(150);
    expect(drawn).toEqual([`\r汇总 ${progressBar(150, 300)} 150/300个文件\x1b[K`]);
    expect(progressBar(150, 300)).toBe('[############............]');
    clock = 1250;
    p.tick(151); // within 100 ms of the last drawing: not redrawn
    expect(drawn).toHaveLength(1);
    clock = 1400;
    p.tick(300);
    expect(drawn[1]).toBe(`\r汇总 ${progressBar(300, 300)} 300/300个文件\x1b[K`);
    p.finish();
    expect(drawn[2]).toBe('\r\x1b[K');
  });

  test('not a terminal (no writer): no bar at all', () => {
    let clock = 0;
    const p = new RollupProgress(10, { lang: 'en-US', now: () => clock });
    clock = 5000;
    expect(() => {
      p.tick(5);
      p.finish();
    }).not.toThrow();
  });

  test('a slow roll-up draws the bar on the command’s terminal writer', async () => {
    const drawn: string[] = [];
    let clock = 0;
    const io: Captured = { ...capture(), bar: (s) => drawn.push(s), columns: 100 };
    const o = path.join(tempDir('pga-rollup-bar-'), 'bar.xlsx');
    // Each reading of the clock advances it by 400 ms: the roll-up "takes" over a second.
    const code = await runRollup(parseArgs(['rollup', at('01-第一党支部.xlsx'), at('04-第四党支部.xlsx'), at('05-第五党支部.xlsx'), '--out', o]), io, {
      now: NOW,
      clock: () => (clock += 400),
    });
    expect(code).toBe(0);
    const ESC = String.fromCharCode(27);
    expect(drawn.some((s) => s.startsWith('\r汇总 [#') && s.endsWith(`/3个文件${ESC}[K`))).toBe(true);
    expect(drawn[drawn.length - 1]).toBe('\r\x1b[K');
  });
});

describe('the core runs in a browser: src/rollup imports no Node API', () => {
  test('no module reachable from src/rollup/index.ts is a Node built-in, nor the Node-only file helpers', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of info.importedFiles) {
        if (fileName.startsWith('.')) {
          const base = path.resolve(path.dirname(file), fileName);
          const target = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
          if (!target) continue; // a JSON module or similar
          if (/[\\/]hosts[\\/]file[\\/]node\.ts$|[\\/]src[\\/]cli[\\/]/.test(target)) offenders.push(`${path.relative(ROOT, file)} → ${fileName}`);
          visit(target);
        } else if (builtins.has(fileName) || builtins.has(fileName.split('/')[0])) offenders.push(`${path.relative(ROOT, file)} → ${fileName}`);
      }
    };
    visit(path.join(ROOT, 'src/rollup/index.ts'));
    expect(seen.size).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});

describe('the built command: worker threads give the same summary as one thread', () => {
  test('assess rollup (dist) on the folder: the same JSON report and the same cells', () => {
    execSync('npm run --silent build:cli', { cwd: ROOT, stdio: 'pipe' });
    const tmp = tempDir('pga-rollup-dist-');
    const o = out;
    const j = path.join(tmp, 'dist.json');
    const r = spawnSync(
      process.execPath,
      ['-r', path.join(ROOT, 'test/support/count-workers.js'), path.join(ROOT, 'dist/node/cli/main.js'), 'rollup', dir, '--out', o, '--json', j, '--as-of', ROLLUP_AS_OF],
      { encoding: 'utf8' },
    );
    const stderr = r.stderr.split('\n').filter(Boolean);
    // One worker per core the machine offers (at least one), no more than there are files; the two unreadable files on stderr.
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    expect({ code: r.status, workers: stderr.filter((l) => l.startsWith('PGA_WORKERS')), unreadable: stderr.filter((l) => l.startsWith('未能读取')).length }).toEqual({
      code: 0,
      workers: [`PGA_WORKERS ${Math.min(cores, 9)}`],
      unreadable: 2,
    });
    expect(fs.readFileSync(j, 'utf8')).toBe(fs.readFileSync(json, 'utf8'));
    return readBack(o).then((back) => {
      for (const name of ['各党支部考评汇总', '年度示范党小组推荐', '整改督办']) expect(sheet(back, name)).toEqual(sheet(snap, name));
    });
  });
});
