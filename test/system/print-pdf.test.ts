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
}
for other in list(wb.sheetnames):
  if other != name:
    del wb[other]
# Names scoped to the deleted sheets would point nowhere (openpyxl keeps them); the print titles are the sheet's own.
wb.defined_names.definedName = [d for d in wb.defined_names.definedName if d.localSheetId is None]
wb.save(dst)
print(json.dumps(info, ensure_ascii=False))
`;


interface Printed {
  info: Record<string, unknown>;
  /** The PDF's text laid out as printed, and in drawing order (a wrapped cell's lines together). */
  text: string;
  raw: string;
  pages: number;
  pageSize: string;
}

/** One output sheet printed alone: openpyxl's reading of it, the PDF's text, page count and size. */
function print(assessed: string, sheet: string, png: string): Printed {
  const single = path.join(dir, `${png}.xlsx`);
  const info = JSON.parse(execFileSync(PY, ['-c', KEEP_ONE, assessed, sheet, single], { encoding: 'utf8' })) as Record<string, unknown>;
  soffice(['--convert-to', 'pdf', '--outdir', dir, single]);
  const pdf = path.join(dir, `${png}.pdf`);
  expect(fs.existsSync(pdf)).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  const meta = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(meta)![1]);
  const pageSize = /Page size:\s+(.*)/.exec(meta)![1];
  fs.mkdirSync(OUT, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(OUT, png)]);
  return { info, text, raw, pages, pageSize };
}

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-print-'));
  fs.copyFileSync(SAMPLE, path.join(dir, 'sample.xlsx'));
  for (const [lang, out] of [['zh-CN', 'zh.xlsx'], ['en-US', 'en.xlsx']]) {
    const r = spawnSync(process.execPath, [MAIN, 'sample.xlsx', '--as-of', '2026-01-15', '--lang', lang, '--out', out], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }
});

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
    titles: '$4:$4',
    font: '宋体',
    titleFont: '黑体',
    vertical: 'center',
  });
  expect(p.info.merged).toContain('A1:L1');
  expect(p.pages).toBe(1);
  expect(p.pageSize).toMatch(A4_LANDSCAPE);
  const text = p.text.replace(/[ \t]+/g, ' ');
  for (const s of [
    '城区供电中心线路工区党支部党小组工作考评结果（2025年下半年）',
    '考评依据：《党小组工作考评办法》',
    '序号',
    '城东供电所党小组',
    '96.5',
    '限期整改，2026年3月31日前完成',
    '填表人：',
    '审核（党支部书记）：',
    '支委会审议日期：',
    '第1页 共1页',
  ]) {
    expect(text).toContain(s);
  }
  expect(text).not.toMatch(/![A-Z]+\d|RECTIFY|已评定/);
});

test('年度考评结果表 prints on A4 with the ranks, nominations and reasons', () => {
  const p = print(path.join(dir, 'zh.xlsx'), '年度考评结果表', 'print-year');
  expect(p.info).toMatchObject({ paperSize: 9, footer: '第&P页 共&N页', titles: '$4:$4', font: '宋体' });
  expect(p.pages).toBe(1);
  expect(p.pageSize).toMatch(A4_LANDSCAPE);
  const text = p.text.replace(/[ \t]+/g, ' ');
  for (const s of ['城区供电中心线路工区党支部党小组工作考评结果（2025年度）', '排名方式：并列占位排名（如1、1、3）', '96.75', '一票否决，不参加排名和评先', '第1页 共1页']) {
    expect(text).toContain(s);
  }
  // The nomination wraps in its cell: its words are there in the order they are drawn.
  expect(p.raw.replace(/\s+/g, '')).toContain('年度先进党小组（示范党小组推荐对象）、优秀党小组长推荐人选');
});

test('in English the same tables, English words', () => {
  const p = print(path.join(dir, 'en.xlsx'), 'Half-Year Table', 'print-half-en');
  expect(p.info).toMatchObject({ footer: 'Page &P of &N', titles: '$4:$4' });
  const text = p.text.replace(/[ \t]+/g, ' ');
  expect(text).toContain('城区供电中心线路工区党支部: Party Group Assessment Results (2025 H2)');
  expect(text).toContain('Page 1 of 1');
  expect(text).toContain('Prepared by:');
});

test('the working sheets print too (first page of each, for the user guides)', () => {
  for (const [sheet, png] of [
    ['考评结果', 'sheet-1-results'],
    ['年度排名', 'sheet-2-ranking'],
    ['预警与整改', 'sheet-3-warnings'],
    ['数据问题', 'sheet-4-issues'],
  ]) {
    const p = print(path.join(dir, 'zh.xlsx'), sheet, png);
    expect(p.pageSize).toMatch(A4_LANDSCAPE);
    expect(p.text).toContain(sheet === '预警与整改' ? '整改措施' : sheet);
  }
});
