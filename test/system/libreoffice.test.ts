/**
 * System test (npm run test:system; needs Debian's libreoffice-calc — npm run setup:system):
 * the built command assesses assets/sample.xlsx, LibreOffice opens the result headless and exports
 * every sheet as CSV — what anyone without the add-in sees — and the bands, rankings, warnings and
 * data issues show; the input sheets read exactly as in the input.
 */
import { execSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { convert, removeProfiles, sheetsAsCsv } from '../support/libreoffice';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist/node/cli/main.js');
const SAMPLE = path.join(ROOT, 'assets/sample.xlsx');

let dir: string;

/** Every sheet of a workbook as CSV rows, in a fresh folder. */
function toCsv(xlsx: string): Map<string, string[][]> {
  return sheetsAsCsv(xlsx, fs.mkdtempSync(path.join(dir, 'csv-')));
}

/** Rows under the header row that contains all `columns`, as objects keyed by header text. */
function table(rows: string[][], columns: string[]): Record<string, string>[] {
  const h = rows.findIndex((r) => columns.every((c) => r.includes(c)));
  expect(h).toBeGreaterThanOrEqual(0);
  const header = rows[h];
  return rows
    .slice(h + 1)
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])));
}

let zh: Map<string, string[][]>;
let en: Map<string, string[][]>;
let input: Map<string, string[][]>;

beforeAll(() => {
  execSync('npm run --silent build:cli', { cwd: ROOT, stdio: 'pipe' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-system-'));
  fs.copyFileSync(SAMPLE, path.join(dir, 'sample.xlsx'));
  const r1 = spawnSync(process.execPath, [MAIN, 'sample.xlsx', '--as-of', '2026-01-15'], { cwd: dir, encoding: 'utf8' });
  expect(r1.status).toBe(0);
  const r2 = spawnSync(process.execPath, [MAIN, 'sample.xlsx', '--lang', 'en-US', '--as-of', '2026-01-15', '--out', 'sample-en.xlsx'], { cwd: dir, encoding: 'utf8' });
  expect(r2.status).toBe(0);
  zh = toCsv(path.join(dir, 'sample.assessed.xlsx'));
  en = toCsv(path.join(dir, 'sample-en.xlsx'));
  input = toCsv(path.join(dir, 'sample.xlsx'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  removeProfiles();
});

test('LibreOffice sees the four output sheets after the input sheets', () => {
  const names = [...zh.keys()];
  expect(names).toEqual(expect.arrayContaining(['考评结果', '年度排名', '预警与整改', '数据问题', '2023年上半年', '2025年下半年', '考评规则']));
});

test('the input sheets read exactly as in the input workbook', () => {
  for (const [name, rows] of input) expect({ name, rows: zh.get(name) }).toEqual({ name, rows });
});

test('results: every row with its total and band; the veto shows as 不合格; the pending row says so', () => {
  const rows = table(zh.get('考评结果')!, ['党小组', '合计', '等次']);
  const find = (group: string, period: RegExp) => rows.filter((r) => r['党小组'] === group && Object.values(r).some((v) => period.test(v)));
  expect(rows.filter((r) => r['党小组'].endsWith('党小组'))).toHaveLength(35);
  const vetoed = find('线路运维一班党小组', /^2025年上半年$/);
  expect(vetoed).toHaveLength(1);
  expect(vetoed[0]['合计']).toBe('92');
  expect(vetoed[0]['等次']).toBe('不合格');
  const top = find('城东供电所党小组', /^2025年下半年$/);
  expect(top[0]['合计']).toBe('96.5');
  expect(top[0]['等次']).toBe('优秀');
  expect(find('城西供电所党小组', /^2025年下半年$/)[0]['等次']).toBe('基本合格');
  const pending = find('带电作业班党小组', /^2025年下半年$/)[0];
  expect(Object.values(pending)).toContain('待评分');
});

test('annual ranking: 2024 tie shares rank 1 and the next rank is 3; titles show; a vetoed year is not ranked', () => {
  const rows = table(zh.get('年度排名')!, ['年度', '名次', '党小组', '年度平均分', '年度等次']);
  const y2024 = rows.filter((r) => r['年度'] === '2024');
  expect(y2024.map((r) => [r['名次'], r['党小组'], r['年度平均分']])).toEqual([
    ['1', '城东供电所党小组', '95.5'],
    ['1', '城西供电所党小组', '95.5'],
    ['3', '带电作业班党小组', '91.25'],
    ['4', '线路运维一班党小组', '90'],
    ['5', '综合管理党小组', '86.25'],
    ['6', '线路运维二班党小组', '56.5'],
  ]);
  expect(y2024[0]['年度等次']).toBe('优秀');
  expect(y2024[5]['年度等次']).toBe('不合格');
  expect(Object.values(y2024[0]).join('|')).toContain('并列');
  expect(Object.values(y2024[0]).join('|')).toContain('拟推荐为年度先进党小组');
  const y2025 = rows.filter((r) => r['年度'] === '2025');
  expect(y2025.map((r) => [r['名次'], r['党小组']])).toEqual([
    ['1', '城东供电所党小组'],
    ['2', '综合管理党小组'],
    ['3', '城西供电所党小组'],
    ['4', '线路运维二班党小组'],
    ['', '线路运维一班党小组'], // 一票否决，不参加排名和评先
    ['', '带电作业班党小组'], // 年度考评不全
  ]);
  expect(Object.values(y2025[0]).join('|')).toContain('拟推荐为年度先进党小组');
  expect(Object.values(y2025[4]).join('|')).toContain('一票否决，不参加排名和评先');
});

test('warnings: every kind, with deadlines and statuses', () => {
  const text = zh.get('预警与整改')!.map((r) => r.join('|')).join('\n');
  for (const word of ['限期整改', '党小组长履职预警', '考虑更换党小组长人选', '年度考评不全', '年度平均分并列第一', '待整改', '已整改（2025年下半年考评等次为', '整改未见效（已转入下期整改）', '整改状态截至2026年1月15日']) {
    expect(text).toContain(word);
  }
});

test('data issues: the out-of-range score and the hand total, with their cells', () => {
  const text = zh.get('数据问题')!.map((r) => r.join('|')).join('\n');
  expect(text).toContain('2023年下半年!H10');
  expect(text).toContain('2023年下半年!Q5');
});

test('the English run writes English sheets with the same rankings', () => {
  expect([...en.keys()]).toEqual(expect.arrayContaining(['Results', 'Annual Ranking', 'Warnings', 'Data Issues']));
  const text = en.get('Annual Ranking')!.map((r) => r.join('|')).join('\n');
  expect(text).toMatch(/2024\|1\|城东供电所党小组/);
  expect(text).toContain('Excellent');
});

test('the run record (a very hidden sheet) travels with the workbook', () => {
  expect(zh.get('_PGA_META')!.map((r) => r[0])).toEqual(expect.arrayContaining(['owner', 'runAt', 'fingerprint']));
});

test('a workbook re-saved by LibreOffice after a run is assessed again: its outputs are replaced, not duplicated', () => {
  const resaved = fs.mkdtempSync(path.join(dir, 'resaved-'));
  convert('xlsx', path.join(dir, 'sample.assessed.xlsx'), resaved);
  const r = spawnSync(process.execPath, [MAIN, 'sample.assessed.xlsx', '--as-of', '2026-01-15', '--out', 'again.xlsx'], { cwd: resaved, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const again = toCsv(path.join(resaved, 'again.xlsx'));
  expect([...again.keys()].sort()).toEqual([...zh.keys()].sort());
  const columns = ['年度', '名次', '党小组', '年度平均分', '年度等次'];
  expect(table(again.get('年度排名')!, columns)).toEqual(table(zh.get('年度排名')!, columns));
  for (const [name, rows] of input) expect({ name, rows: again.get(name) }).toEqual({ name, rows });
});
