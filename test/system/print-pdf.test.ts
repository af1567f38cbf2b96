/**
 * System test (npm run test:system; Debian's libreoffice-calc, poppler-utils, python3-openpyxl — npm run
 * setup:system): the official tables as they print. The built command assesses assets/sample.xlsx;
 * openpyxl (an independent reader) checks each output sheet's page setup and keeps that one sheet, as
 * "print this sheet" does; LibreOffice renders it to PDF headless; poppler reads the PDF back: A4, the
 * title with the unit and the period, the table, the signature block, 第1页 共1页 — and no cell
 * addresses or codes. The pages are also written as PNG to test-results/ (the user guides' pictures in docs/images/).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { removeProfiles, soffice } from '../support/libreoffice';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist/node/cli/main.js');
const SAMPLE = path.join(ROOT, 'assets/sample.xlsx');
const OUT = path.join(ROOT, 'test-results');
const PY = '/usr/bin/python3';

let dir: string;

/** openpyxl: the sheet's print settings as another library reads them, and a copy holding that sheet alone. */
const KEEP_ONE = `
import json, sys, openpyxl
src, name, dst = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)
ws = wb[name]
font = ws.cell(row=5, column=2).font
info = {
  "paperSize": ws.page_setup.paperSize,
  "orientation": ws.page_setup.orientation,
  "fitToWidth": ws.page_setup.fitToWidth,
  "fitToHeight": ws.page_setup.fitToHeight,
  "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
  "centered": ws.print_options.horizontalCentered,
  "footer": ws.oddFooter.center.text,
  "titles": ws.print_title_rows,
  "font": font.name,
  "titleFont": ws.cell(row=1, column=1).font.name,
  "vertical": ws.cell(row=5, column=2).alignment.vertical,
  "merged": [str(r) for r in ws.merged_cells.ranges],
  # Every cell's text as printed: strings as they are, numbers with two decimals where the format says so.
  "cells": [
    (c.value if isinstance(c.value, str) else ("%.2f" % c.value if c.number_format == "0.00" else None))
    for row in ws.iter_rows() for c in row if c.value is not None
  ],
}
for other in list(wb.sheetnames):
  if other != name:
    del wb[other]
# Names scoped to the deleted sheets would point nowhere; the print titles are the sheet's own. openpyxl 3.0 keeps
# every name in one list on the workbook (localSheetId naming the sheet) and keeps them when a sheet goes; 3.1 keeps
# a sheet's names on the sheet (ws.defined_names), so they go with it (test/tools/openpyxl-api.test.ts).
names = wb.defined_names
if hasattr(names, "definedName"):
  names.definedName = [d for d in names.definedName if d.localSheetId is None]
wb.save(dst)
print(json.dumps(info, ensure_ascii=False))
`;


interface Printed {
  info: Record<string, unknown> & { cells: (string | null)[] };
  /** The height of every word drawn, in points (about 0.95 of its font size as printed). */
  heights: number[];
  /** The PDF's text laid out as printed, and in drawing order (a wrapped cell's lines together). */
  text: string;
  raw: string;
  pages: number;
  pageSize: string;
}

/** One output sheet printed alone: openpyxl's reading of it, the PDF's text, page count and size. */
function print(assessed: string, sheet: string, png: string): Printed {
  const single = path.join(dir, `${png}.xlsx`);
  const info = JSON.parse(execFileSync(PY, ['-c', KEEP_ONE, assessed, sheet, single], { encoding: 'utf8' })) as Printed['info'];
  soffice(['--convert-to', 'pdf', '--outdir', dir, single]);
  const pdf = path.join(dir, `${png}.pdf`);
  expect(fs.existsSync(pdf)).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  const meta = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const heights = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map((m) => Number(m[2]) - Number(m[1]));
  const pages = Number(/Pages:\s+(\d+)/.exec(meta)![1]);
  const pageSize = /Page size:\s+(.*)/.exec(meta)![1];
  fs.mkdirSync(OUT, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(OUT, png)]);
  return { info, heights, text, raw, pages, pageSize };
}

/** A word's drawn height per point of font size, as poppler measures LibreOffice's fonts (11 pt → 10.5). */
const HEIGHT_PER_POINT = 0.95;

/**
 * What a user checks on every official table: no text below `minPt` points, every cell's text whole on
 * the page (in drawing order, wrapped lines together), no line starting with a closing bracket, the
 * signature block and 单位：分.
 */
function expectReadable(p: Printed, minPt: number, words: { signature: string[]; unit: string | null }): void {
  expect(Math.min(...p.heights)).toBeGreaterThanOrEqual(minPt * HEIGHT_PER_POINT);
  const drawn = p.raw.replace(/\s+/g, '');
  const missing = p.info.cells.filter((c): c is string => c !== null && !drawn.includes(c.replace(/\s+/g, '').replace(/&&/g, '&')));
  expect(missing).toEqual([]);
  for (const line of p.text.split('\n')) for (const part of line.trim().split(/\s{2,}/)) expect(part).not.toMatch(/^[）)】」』]/);
  const text = p.text.replace(/[ \t\u3000]+/g, '');
  for (const w of words.signature) expect(text).toContain(w.replace(/[ \u3000]+/g, ''));
  if (words.unit) expect(text).toContain(words.unit.replace(/ /g, ''));
}

const BRANCH_SIGNATURE = ['填表人：', '党支部书记（签字）：', '党支部（盖章）', '年月日'];

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-print-'));
  fs.copyFileSync(SAMPLE, path.join(dir, 'sample.xlsx'));
  for (const [lang, out] of [['zh-CN', 'zh.xlsx'], ['en-US', 'en.xlsx']]) {
    const r = spawnSync(process.execPath, [MAIN, 'sample.xlsx', '--as-of', '2026-01-15', '--lang', lang, '--out', out], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }
  // The branch types its ledger into 预警与整改 (openpyxl, as another program saves it) and assesses again.
  execFileSync(PY, ['-c', TYPE_LEDGER, path.join(dir, 'zh.xlsx'), path.join(dir, 'typed.xlsx'), MEASURES], { encoding: 'utf8' });
  const again = spawnSync(process.execPath, [MAIN, 'typed.xlsx', '--as-of', '2026-01-15', '--out', 'zh-ledger.xlsx'], { cwd: dir, encoding: 'utf8' });
  expect(again.status).toBe(0);
  // The 党委's roll-up of the sample.
  const roll = spawnSync(process.execPath, [MAIN, 'rollup', 'sample.xlsx', '--out', 'rollup.xlsx', '--as-of', '2026-01-15'], { cwd: dir, encoding: 'utf8' });
  expect(roll.status).toBe(0);
});

const MEASURES = '每月召开一次党小组会，由党小组长讲党课，支部书记列席指导；建立学习台账，逐月检查落实情况，并在支部会上通报检查结果。';

/** openpyxl: type the measures, the person and the progress into the first 限期整改 row of 预警与整改. */
const TYPE_LEDGER = `
import sys, openpyxl
src, dst, measures = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)
ws = wb["预警与整改"]
rows = list(ws.iter_rows())
h = next(i for i, r in enumerate(rows) if any(c.value == "整改措施" for c in r))
col = {c.value: c.column for c in rows[h] if c.value}
r = next(i for i in range(h + 1, len(rows)) if rows[i][col["预警类型"] - 1].value == "限期整改")
ws.cell(row=r + 1, column=col["整改措施"]).value = measures
ws.cell(row=r + 1, column=col["责任人"]).value = "刘志强"
ws.cell(row=r + 1, column=col["完成情况"]).value = "已完成，经支委会核查"
wb.save(dst)
`;

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  removeProfiles();
});

const A4_LANDSCAPE = /^841\.8\d* x 595\.\d+ pts \(A4\)/;

test('半年考评结果表 prints on A4 as the committee signs it', () => {
  const p = print(path.join(dir, 'zh.xlsx'), '半年考评结果表', 'print-half');
  expect(p.info).toMatchObject({
    paperSize: 9,
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    fitToPage: true,
    centered: true,
    footer: '第&P页 共&N页',
    titles: '$5:$5',
    font: '宋体',
    titleFont: '黑体',
    vertical: 'center',
  });
  expectReadable(p, 10, { signature: BRANCH_SIGNATURE, unit: '单位：分' });
  expect(p.info.merged).toContain('A1:L1');
  expect(p.pages).toBe(1);
  expect(p.pageSize).toMatch(A4_LANDSCAPE);
  const text = p.text.replace(/[ \t]+/g, ' ');
  for (const s of [
    '城区供电中心线路工区党支部党小组工作考评结果（2025年下半年）',
    '考评依据：《党小组工作考评办法》',
    '序号',
    '城东供电所党小组',
    '考评时间：2026年1月8日',
    '96.50',
    '78.00',
    '限期整改，2026年3月31日前完成',
    '第1页 共1页',
  ]) {
    expect(text).toContain(s);
  }
  expect(text).not.toMatch(/![A-Z]+\d|RECTIFY|已评定/);
});

test('年度考评结果表 prints on A4 with the ranks, nominations and reasons', () => {
  const p = print(path.join(dir, 'zh.xlsx'), '年度考评结果表', 'print-year');
  expect(p.info).toMatchObject({ paperSize: 9, footer: '第&P页 共&N页', titles: '$5:$5', font: '宋体' });
  expect(p.pages).toBe(1);
  expect(p.pageSize).toMatch(A4_LANDSCAPE);
  expectReadable(p, 10, { signature: BRANCH_SIGNATURE, unit: '单位：分' });
  const text = p.text.replace(/[ \t]+/g, ' ');
  for (const s of ['城区供电中心线路工区党支部党小组工作考评结果（2025年度）', '排名方式：并列占位排名（如1、1、3）', '96.75', '83.50', '一票否决，不参加排名和评先', '第1页 共1页']) {
    expect(text).toContain(s);
  }
  // The nomination wraps in its cell: its words are there in the order they are drawn.
  expect(p.raw.replace(/\s+/g, '')).toContain('拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定优秀党小组长推荐人选');
});

test('in English the same tables, English words', () => {
  const p = print(path.join(dir, 'en.xlsx'), 'Half-Year Table', 'print-half-en');
  expect(p.info).toMatchObject({ footer: 'Page &P of &N', titles: '$5:$5' });
  expectReadable(p, 10, { signature: ['Prepared by:', 'Branch secretary (signature):', 'Party branch (seal)', 'Date:'], unit: 'Unit: points' });
  const text = p.text.replace(/[ \t]+/g, ' ');
  expect(text).toContain('城区供电中心线路工区党支部: Party Group Assessment Results (2025 H2)');
  expect(text).toContain('Page 1 of 1');
  expect(text).toContain('Prepared by:');
});

test('整改台账 prints on A4: every rectification with its ledger, wrapped, at 10 points or more, for signing', () => {
  const p = print(path.join(dir, 'zh-ledger.xlsx'), '整改台账', 'print-ledger');
  expect(p.info).toMatchObject({ paperSize: 9, orientation: 'landscape', footer: '第&P页 共&N页', font: '宋体' });
  expect(p.pageSize).toMatch(A4_LANDSCAPE);
  expectReadable(p, 10, { signature: BRANCH_SIGNATURE, unit: '单位：分' });
  const text = p.text.replace(/[ \t]+/g, ' ');
  for (const s of ['城区供电中心线路工区党支部党小组限期整改台账', '（主要失分项目）', '核查人', '2026年3月31日']) expect(text).toContain(s);
  // What the branch typed in 预警与整改, long enough to wrap over several lines, is there whole.
  expect(p.raw.replace(/\s+/g, '')).toContain(MEASURES);
  expect(p.raw.replace(/\s+/g, '')).toContain('已完成，经支委会核查');
});

test('the roll-up’s tables print with the same frame: 单位：分, the 党委’s signature block, nothing cut off, ≥ 10 points', () => {
  for (const [sheet, png] of [
    ['各党支部考评汇总', 'rollup-1-branches'],
    ['年度示范党小组推荐', 'rollup-2-nominees'],
    ['整改督办', 'rollup-3-rectify'],
  ]) {
    const p = print(path.join(dir, 'rollup.xlsx'), sheet, png);
    expect(p.pageSize).toMatch(A4_LANDSCAPE);
    expectReadable(p, 10, { signature: ['填表人：'], unit: '单位：分' });
  }
});

test('the working sheets print too, at 9 points or more (first page of each, for the user guides)', () => {
  for (const [sheet, png] of [
    ['考评结果', 'sheet-1-results'],
    ['年度排名', 'sheet-2-ranking'],
    ['预警与整改', 'sheet-3-warnings'],
    ['数据问题', 'sheet-4-issues'],
  ]) {
    const p = print(path.join(dir, 'zh.xlsx'), sheet, png);
    expect(p.pageSize).toMatch(A4_LANDSCAPE);
    expect(Math.min(...p.heights)).toBeGreaterThanOrEqual(9 * HEIGHT_PER_POINT);
    expect(p.text).toContain(sheet === '预警与整改' ? '整改措施' : sheet);
  }
});
