/**
 * Issue 17: the roll-up never writes a file it reads. --out and --json are compared with every file the
 * roll-up reads — those found inside the folders given too, through links — with or without --force;
 * --json does not replace an existing file without --force; a byte-identical copy of a branch's workbook
 * is combined once and named as a duplicate in 报送情况 and the JSON report; a damaged part is worded
 * alike however it fails to inflate (the page and the command line inflate with different streams).
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../src/cli/main';
import type { RollupIo } from '../src/cli/rollup';
import { FileHost } from '../src/hosts/file/host';
import type { RollupReport } from '../src/rollup';
import { summarizeWorkbook } from '../src/rollup/summary';
import { ROLLUP_AS_OF, branchFour, branchOne } from './support/branches';
import { sha256, tempDir } from './support/xlsx';

jest.setTimeout(120_000);

function capture(): RollupIo & { lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) };
}

let dir: string;
let tmp: string;
const at = (name: string) => path.join(dir, name);
const hashes = () => new Map(fs.readdirSync(dir).map((n) => [n, sha256(at(n))]));

beforeAll(async () => {
  tmp = tempDir('pga-rollup-inputs-');
  dir = path.join(tmp, '报送');
  fs.mkdirSync(dir);
  fs.writeFileSync(at('01-第一党支部.xlsx'), await branchOne());
  fs.writeFileSync(at('04-第四党支部.xlsx'), await branchFour());
});

async function refused(argv: string[], message: RegExp): Promise<void> {
  const before = hashes();
  const io = capture();
  expect(await main(['rollup', ...argv, '--as-of', ROLLUP_AS_OF], io)).toBe(2);
  expect(io.lines.err).toHaveLength(1);
  expect(io.lines.err[0]).toMatch(message);
  // Nothing written: every file in the folder is byte for byte as before, and no file was added.
  expect(hashes()).toEqual(before);
}

describe('--out and --json are never a file the roll-up reads', () => {
  test('--json naming a workbook found inside the folder: exit 2, the workbook unchanged', async () => {
    await refused([dir, '--out', path.join(tmp, 'o1.xlsx'), '--json', at('04-第四党支部.xlsx')], /04-第四党支部\.xlsx.*--json 指向了要汇总的工作簿之一/);
    expect(fs.existsSync(path.join(tmp, 'o1.xlsx'))).toBe(false);
  });

  test('--out naming a workbook found inside the folder, even with --force: exit 2, unchanged', async () => {
    await refused([dir, '--out', at('04-第四党支部.xlsx'), '--force'], /04-第四党支部\.xlsx.*--out 指向了要汇总的工作簿之一/);
    await refused([dir, '--out', at('04-第四党支部.xlsx')], /--out 指向了要汇总的工作簿之一/);
  });

  test('a link to a workbook the roll-up reads is that workbook', async () => {
    const link = path.join(tmp, '链接.xlsx');
    fs.symlinkSync(at('01-第一党支部.xlsx'), link);
    await refused([dir, '--out', link, '--force'], /链接\.xlsx.*--out 指向了要汇总的工作簿之一/);
    await refused([dir, '--out', path.join(tmp, 'o2.xlsx'), '--json', link, '--force'], /--json 指向了要汇总的工作簿之一/);
    // And a link to the folder: the files found through it are the same files.
    const folderLink = path.join(tmp, '报送链接');
    fs.symlinkSync(dir, folderLink);
    await refused([folderLink, '--out', path.join(tmp, 'o2.xlsx'), '--json', at('01-第一党支部.xlsx'), '--force'], /--json 指向了要汇总的工作簿之一/);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  test('--json does not replace an existing file without --force; with --force it does', async () => {
    const o = path.join(tmp, 'o3.xlsx');
    const j = path.join(tmp, '已有.json');
    fs.writeFileSync(j, '用户自己的文件');
    const io = capture();
    expect(await main(['rollup', dir, '--out', o, '--json', j, '--as-of', ROLLUP_AS_OF], io)).toBe(2);
    expect(io.lines.err).toEqual([expect.stringMatching(/已有\.json.*文件已存在，未覆盖.*--force/)]);
    expect(fs.readFileSync(j, 'utf8')).toBe('用户自己的文件');
    expect(fs.existsSync(o)).toBe(false);

    expect(await main(['rollup', dir, '--out', o, '--json', j, '--force', '--as-of', ROLLUP_AS_OF], capture())).toBe(0);
    expect((JSON.parse(fs.readFileSync(j, 'utf8')) as RollupReport).files).toHaveLength(2);
  });

  test('an earlier summary inside the folder is still replaced without --force (it is not read as a branch)', async () => {
    const o = at('汇总.xlsx');
    try {
      expect(await main(['rollup', dir, '--out', o, '--as-of', ROLLUP_AS_OF], capture())).toBe(0);
      expect(await main(['rollup', dir, '--out', o, '--as-of', ROLLUP_AS_OF], capture())).toBe(0);
    } finally {
      fs.rmSync(o, { force: true });
    }
  });
});

describe('a byte-identical copy is combined once', () => {
  test('the copy is listed as a duplicate of the original in 报送情况 and the JSON; its groups are not counted twice', async () => {
    const copyDir = path.join(tmp, '含副本');
    fs.mkdirSync(copyDir);
    const original = path.join(copyDir, '第2支部.xlsx');
    const copy = path.join(copyDir, '第2支部 - 副本.xlsx');
    fs.writeFileSync(original, await branchFour());
    fs.copyFileSync(original, copy);
    const o = path.join(tmp, 'copies.xlsx');
    const j = path.join(tmp, 'copies.json');
    expect(await main(['rollup', copyDir, '--out', o, '--json', j, '--as-of', ROLLUP_AS_OF], capture())).toBe(0);

    const report = JSON.parse(fs.readFileSync(j, 'utf8')) as RollupReport;
    const byFile = new Map(report.files.map((f) => [path.basename(f.file), f]));
    expect(byFile.get('第2支部.xlsx')?.status).toBe('included');
    expect(byFile.get('第2支部 - 副本.xlsx')).toMatchObject({ status: 'duplicate', duplicateOf: original, notes: `与“${original}”内容相同（重复报送），只汇总一次` });
    expect(report.branches).toHaveLength(1);

    const snap = await new FileHost(new Uint8Array(fs.readFileSync(o)), o).read();
    const rows = snap.sheets.find((s) => s.name === '报送情况')!.values.filter((r) => r && typeof r[0] === 'number');
    const copyRow = rows.find((r) => r[1] === copy)!;
    expect(copyRow).toBeDefined();
    expect(copyRow[6]).toBe('重复报送，未汇总');
    expect(String(copyRow[7]).replace(/\n/g, '')).toBe(`与“${original}”内容相同（重复报送），只汇总一次`);
    // Each group of the branch appears once in 各党支部考评汇总.
    const summary = snap.sheets.find((s) => s.name === '各党支部考评汇总')!.values.filter((r) => r && typeof r[0] === 'number');
    const groups = summary.map((r) => r[2]);
    expect(new Set(groups).size).toBe(groups.length);
    expect(groups.length).toBeGreaterThan(0);
  });
});

describe('a damaged file is described the same way by the page and the command line', () => {
  /** The branch's workbook with its first sheet's compressed data made undecodable (a reserved block type). */
  async function undecodable(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await branchFour());
    const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const header = bytes.indexOf(name) - 30;
    expect(bytes.readUInt32LE(header)).toBe(0x04034b50);
    const data = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
    bytes[data] = 0x07; // BFINAL 1, BTYPE 11: a block type that does not exist
    return new Uint8Array(bytes);
  }
  /** The same workbook with a part whose checksum does not match (its stored data changed afterwards). */
  async function badChecksum(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await branchFour());
    const part = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace(/(<worksheet[^>]*>)/, '$1<!--AAAA-->'), { compression: 'STORE' });
    const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const at = bytes.indexOf(Buffer.from('<!--AAAA-->'));
    expect(at).toBeGreaterThan(0);
    bytes.write('<!--AAAB-->', at);
    return new Uint8Array(bytes);
  }

  test('data that cannot be inflated (a browser’s strict stream) and a checksum that does not match (node:zlib) read alike', async () => {
    const reasons = [];
    for (const [name, bytes] of [['坏压缩.xlsx', await undecodable()], ['坏校验.xlsx', await badChecksum()]] as const) {
      const s = await summarizeWorkbook({ name, bytes }, { asOf: ROLLUP_AS_OF });
      expect(s.kind).toBe('failed');
      if (s.kind === 'failed') reasons.push(s.reason);
    }
    const [a, b] = reasons;
    for (const r of reasons) expect(r.zh).toMatch(/部件“xl\/worksheets\/sheet1\.xml”的数据不完整或被改动/);
    expect(a).toEqual(b);
  });
});
