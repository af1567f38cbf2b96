/**
 * System test (npm run test:system; Debian's libreoffice-calc, python3-openpyxl, python3-xlsxwriter,
 * python3-lxml, poppler-utils — npm run setup:system): the built `assess rollup` (worker threads) on a folder
 * of branch workbooks (test/support/branches.ts) plus workbooks written by openpyxl, xlsxwriter and
 * LibreOffice. Independent readers judge the summary workbook:
 * - LibreOffice opens it headless and exports every sheet as CSV: the cells read as the file host reads them;
 * - every part validates against the ECMA-376 schemas (test/tools/ooxml_check.py);
 * - openpyxl opens it and sees the four tables and their print settings;
 * - LibreOffice prints it to PDF: A4 landscape, each table's title, 第1页 共1页;
 * - openpyxl types a 督办意见 into it and saves it, and the command, run again over it, keeps the remark.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { FileHost } from '../../src/hosts/file/host';
import { RollupReportSchema } from '../../src/rollup/report';
import type { CellValue } from '../../src/workbook/snapshot';
import { ROLLUP_AS_OF, writeBranchFolder } from '../support/branches';
import { CSV_FILTER, parseCsv, removeProfiles, soffice } from '../support/libreoffice';
import { basicFixture, writeXlsx } from '../support/xlsx';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist/node/cli/main.js');
const CHECK = path.join(ROOT, 'test/tools/ooxml_check.py');
const PY = '/usr/bin/python3';
const SHEETS = ['各党支部考评汇总', '年度示范党小组推荐', '整改督办', '报送情况'];

let dir: string;
let work: string;
let out: string;

const trimRow = (r: string[]) => {
  const x = [...r];
  while (x.length && x[x.length - 1] === '') x.pop();
  return x;
};

beforeAll(async () => {
  const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status).toBe(0);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-rollup-sys-'));
  dir = path.join(work, '各党支部报送');
  fs.mkdirSync(dir);
  await writeBranchFolder(dir);
  // Workbooks written by other producers: openpyxl and xlsxwriter (Python), LibreOffice (its Excel 2007–365 filter).
  const made = spawnSync(PY, [path.join(ROOT, 'test/tools/make_producer_workbooks.py'), dir], { encoding: 'utf8' });
  expect(made.stderr).toBe('');
  const exceljs = path.join(work, 'libreoffice.xlsx');
  // Its own groups: a workbook with the same content as another is a copy, combined once (issue 17).
  await writeXlsx(exceljs, basicFixture('城南供电所党小组', '线路运维三班党小组'));
  fs.mkdirSync(path.join(dir, 'lo'));
  soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'lo'), exceljs]);
  out = path.join(work, '汇总.xlsx');
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  removeProfiles();
});

describe('the built command on a folder of branch workbooks from several producers', () => {
  let report: ReturnType<typeof RollupReportSchema.parse>;
  beforeAll(() => {
    const json = path.join(work, '汇总.json');
    const r = spawnSync(process.execPath, [MAIN, 'rollup', dir, '--out', out, '--json', json, '--as-of', ROLLUP_AS_OF], { encoding: 'utf8', cwd: work });
    expect({ code: r.status, stderr: r.stderr.split('\n').filter(Boolean).map((l) => l.replace(/：.*/, '')) }).toEqual({
      code: 0,
      stderr: ['未能读取', '未能读取'],
    });
    report = RollupReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
  });

  test('openpyxl, xlsxwriter and LibreOffice workbooks are summarized like the others', () => {
    const byFile = new Map(report.files.map((f) => [path.relative(dir, f.file), f]));
    for (const [file, branch] of [
      ['openpyxl.xlsx', 'openpyxl'],
      ['xlsxwriter.xlsx', 'xlsxwriter'],
      [path.join('lo', 'libreoffice.xlsx'), 'libreoffice'],
    ]) {
      expect([file, byFile.get(file)?.status, byFile.get(file)?.branch, byFile.get(file)?.latest, byFile.get(file)?.records]).toEqual([
        file,
        'included',
        branch,
        { year: 2024, half: 2 },
        4,
      ]);
    }
    expect(report.files.filter((f) => f.status === 'included')).toHaveLength(8);
    // Their 线路运维一班 was 基本合格 in 2024 H1 and 合格 in H2: resolved, so nothing of theirs is to follow up.
    expect(new Set(report.rectifications.map((r) => r.branch))).toEqual(new Set(['第一党支部', '第二党支部', '第四党支部']));
  });

  test('LibreOffice opens the summary: every sheet’s CSV holds the cells the file host reads', async () => {
    const csvDir = fs.mkdtempSync(path.join(work, 'csv-'));
    soffice(['--convert-to', CSV_FILTER, '--outdir', csvDir, out]);
    const snap = await new FileHost(new Uint8Array(fs.readFileSync(out)), out).read();
    for (const name of SHEETS) {
      const csvFile = path.join(csvDir, `汇总-${name}.csv`);
      expect(fs.existsSync(csvFile)).toBe(true);
      const csv = parseCsv(fs.readFileSync(csvFile, 'utf8')).map(trimRow);
      const cells = snap.sheets.find((s) => s.name === name)!.values;
      const header = cells.findIndex((r) => r?.[0] === '序号');
      const dateCol = name === '整改督办' ? cells[header].indexOf('整改期限') : -1;
      const expected = cells.map((r, i) =>
        trimRow(
          (r ?? []).map((v: CellValue, c) => {
            if (v === null || v === undefined) return '';
            // A date cell: LibreOffice writes it as a date, not as its serial number.
            if (c === dateCol && i > header && typeof v === 'number') return 'DATE';
            return String(v);
          }),
        ),
      );
      const got = csv.map((r, i) => r.map((v, c) => (c === dateCol && i > header && expected[i]?.[c] === 'DATE' && /\d{4}|\d{1,2}\D\d{1,2}/.test(v) ? 'DATE' : v)));
      expect([name, got]).toEqual([name, expected]);
    }
    // The dates are the deadlines: 2025-09-30 and 2026-03-31.
    const rect = parseCsv(fs.readFileSync(path.join(csvDir, '汇总-整改督办.csv'), 'utf8'));
    // The table under its header row (found by the 整改期限 column), down to the first blank row.
    const head = rect.findIndex((r) => r.includes('整改期限'));
    const col = rect[head].indexOf('整改期限');
    const body = rect.slice(head + 1);
    const end = body.findIndex((r) => r.every((v) => v === ''));
    const dates = body.slice(0, end < 0 ? body.length : end).map((r) => r[col]).filter((d) => d !== '');
    expect(dates.length).toBeGreaterThan(3);
    expect(dates.every((d) => /(2025\D0?9\D30|0?9\D30\D2025|2026\D0?3\D31|0?3\D31\D2026|2025年9月30日|2026年3月31日)/.test(d))).toBe(true);
  });

  test('every part of the summary validates against the ECMA-376 schemas; openpyxl reads its sheets and print settings', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const checked = names.filter((n) => /^\[Content_Types\]\.xml$|\.rels$|^xl\/(workbook|styles)\.xml$|^xl\/worksheets\/[^/]+\.xml$/.test(n));
    expect(checked.length).toBeGreaterThanOrEqual(9);
    const r = spawnSync(PY, [CHECK, '--only', checked.join(','), out], { encoding: 'utf8' });
    expect(r.stdout.split('\n').filter((l) => l.trim())).toEqual([]);
    expect(r.status).toBe(0);

    const info = execFileSync(
      PY,
      [
        '-W',
        'ignore',
        '-c',
        `import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([[ws.title, ws.sheet_state, ws.page_setup.paperSize, ws.page_setup.orientation, ws.oddFooter.center.text, ws.print_title_rows] for ws in wb.worksheets], ensure_ascii=False))`,
        out,
      ],
      { encoding: 'utf8' },
    );
    const sheets = JSON.parse(info) as unknown[][];
    expect(sheets.map((s) => s.slice(0, 2))).toEqual([...SHEETS.map((n) => [n, 'visible']), ['_PGA_ROLLUP', 'veryHidden']]);
    for (const s of sheets.slice(0, 4)) expect(s.slice(2, 5)).toEqual([9, 'landscape', '第&P页 共&N页']);
    expect(sheets[0][5]).toBe('$5:$5'); // under the title, the notes and the 单位：分 line
  });

  test('LibreOffice prints the summary: A4 landscape pages, each table’s title, the page footer', () => {
    soffice(['--convert-to', 'pdf', '--outdir', work, out]);
    const pdf = path.join(work, '汇总.pdf');
    const meta = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(meta).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const title of ['各党支部党小组工作考评结果汇总表（2025年下半年）', '年度示范党小组推荐（2025年度）', '整改督办（截至2026年1月15日）', '报送情况（2025年下半年）']) {
      expect(text.replace(/\s+/g, '')).toContain(title);
    }
    expect(text).toMatch(/第1页 共\d+页/);
    expect(text).toContain('填表人：');
  });
});

describe('the 党委 types a 督办意见 into the summary with another program; the next run keeps it', () => {
  test('openpyxl saves a remark beside 线路运维党小组’s 2025 H1 rectification; `assess rollup --out` over that file puts it back on the same line, with the Party committee’s name in the titles', () => {
    const typed = path.join(work, '汇总（已填督办意见）.xlsx');
    fs.copyFileSync(out, typed);
    execFileSync(
      PY,
      [
        '-W',
        'ignore',
        '-c',
        `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['整改督办']
rows = list(ws.iter_rows(values_only=True))
h = next(i for i, r in enumerate(rows) if r[0] == '序号')
c = {name: i for i, name in enumerate(rows[h])}
r = next(i for i, row in enumerate(rows) if i > h and row[c['党小组']] == '线路运维党小组' and row[c['考评期']] == '2025年上半年')
ws.cell(row=r + 1, column=c['督办意见'] + 1, value='12月底前报送整改报告')
wb.save(sys.argv[1])`,
        typed,
      ],
      { encoding: 'utf8' },
    );
    const r = spawnSync(process.execPath, [MAIN, 'rollup', dir, '--out', typed, '--unit', '城区供电中心党委', '--as-of', ROLLUP_AS_OF], { encoding: 'utf8', cwd: work });
    expect(r.status).toBe(0);
    const back = execFileSync(
      PY,
      [
        '-W',
        'ignore',
        '-c',
        `import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['整改督办']
rows = [list(r) for r in ws.iter_rows(values_only=True)]
h = next(i for i, r in enumerate(rows) if r[0] == '序号')
c = {name: i for i, name in enumerate(rows[h])}
print(json.dumps({'title': rows[0][0], 'remarks': [[row[c['党小组']], row[c['考评期']], row[c['督办意见']]] for row in rows[h + 1:] if row[c['督办意见']]]}, ensure_ascii=False))`,
        typed,
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(back)).toEqual({ title: '城区供电中心党委整改督办（截至2026年1月15日）', remarks: [['线路运维党小组', '2025年上半年', '12月底前报送整改报告']] });
  });
});
