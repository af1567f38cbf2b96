/**
 * The built command-line tool (`node dist/node/cli/main.js`) on real .xlsx files in a temp folder:
 * what a user of the command sees — exit codes, one-line reasons, files written and not written.
 */
import { execSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { localDate } from '../src/app/clock';
import { ReportSchema } from '../src/app/report';
import { LONG_HEADER, basicFixture, loadXlsx, longRow, officeDocumentBytes, scores, sha256, tempDir, writeXlsx } from './support/xlsx';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'dist/node/cli/main.js');
let dir: string;

function run(args: string[], cwd = dir): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function oneLine(s: string): string {
  const lines = s.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  return lines[0];
}

beforeAll(async () => {
  execSync('npm run --silent build:cli', { cwd: ROOT, stdio: 'pipe' });
  dir = tempDir('pga-cli-');
  await writeXlsx(path.join(dir, 'scores.xlsx'), basicFixture());
  await writeXlsx(path.join(dir, 'formula-name.xlsx'), basicFixture('=HYPERLINK("http://x","y")'));
  await writeXlsx(path.join(dir, 'bad-rules.xlsx'), {
    sheets: [
      ...basicFixture().sheets,
      { name: '考评规则', rows: [['规则', '值'], ['优秀分数线', 95], ['合格分数线', 'abc']] },
    ],
  });
  const rubric: (string | number)[][] = [['编号', '方面', '考评内容', '分值']];
  for (let i = 1; i <= 11; i++) rubric.push([i, '思想建设', `条款${i}`, i === 11 ? 10 : 9]);
  await writeXlsx(path.join(dir, 'bad-rubric.xlsx'), { sheets: [...basicFixture().sheets, { name: '考评细则', rows: rubric }] });
  fs.writeFileSync(path.join(dir, 'notes.xlsx'), 'this is a text file, not a workbook\n');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('assess <workbook.xlsx>', () => {
  test('writes <name>.assessed.xlsx beside the input, leaves the input byte for byte, prints a summary', async () => {
    const input = path.join(dir, 'scores.xlsx');
    const before = sha256(input);
    const r = run(['scores.xlsx']);
    expect(r.code).toBe(0);
    expect(sha256(input)).toBe(before);
    const out = path.join(dir, 'scores.assessed.xlsx');
    expect(fs.existsSync(out)).toBe(true);
    expect(r.stdout).toContain('2024年下半年');
    expect(r.stdout).toContain('优秀1个');
    expect(r.stdout).toContain('scores.assessed.xlsx');
    expect(r.stderr).toBe('');
    // No temp files left behind.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const wb = await loadXlsx(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['考评记录', '考评结果', '年度排名', '预警与整改', '数据问题']));
  });

  test('--out and --json: JSON validates with the exported schema and has SPEC §5 fields', () => {
    const r = run(['scores.xlsx', '--out', 'custom.xlsx', '--json', 'report.json']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'custom.xlsx'))).toBe(true);
    const json: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
    const report = ReportSchema.parse(json);
    const a = report.assessments.find((x) => x.group === '线路运维一班党小组' && x.half === 1)!;
    expect(a).toMatchObject({ year: 2024, half: 1, total: 75, band: 'basic', status: 'graded', source: '考评记录!C3' });
    const annual = report.annual.find((x) => x.group === '城东供电所党小组')!;
    expect(annual).toMatchObject({ year: 2024, h1: 96, h2: 95, average: 95.5, band: 'excellent', rank: 1, tie: false });
    expect(annual.titles).toEqual(expect.arrayContaining(['advanced', 'leader_candidate']));
    const w = report.warnings.find((x) => x.code === 'RECTIFY')!;
    expect(w).toMatchObject({ severity: 'warning', year: 2024, half: 1, group: '线路运维一班党小组', deadline: '2024-09-30', status: 'resolved' });
    expect(w.focusItems.length).toBeGreaterThan(0);
  });

  test('--as-of: statuses are judged on that date, the report records it, and the same date gives the same report', async () => {
    await writeXlsx(path.join(dir, 'open.xlsx'), {
      sheets: [{ name: '考评记录', rows: [LONG_HEADER, longRow({ year: 2024, half: '下半年', group: '甲党小组', total: 70 })] }],
    });
    const status = (asOf: string) => {
      const r = run(['open.xlsx', '--as-of', asOf, '--out', `open-${asOf}.xlsx`, '--json', `open-${asOf}.json`]);
      expect(r.code).toBe(0);
      const report = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, `open-${asOf}.json`), 'utf8')));
      expect(report.asOf).toBe(asOf);
      return report.warnings.find((w) => w.code === 'RECTIFY')!;
    };
    // Deadline: 2024-12-31 + 90 days = 2025-03-31.
    expect(status('2025-03-31')).toMatchObject({ deadline: '2025-03-31', status: 'open' });
    expect(status('2025-04-01')).toMatchObject({ deadline: '2025-03-31', status: 'overdue' });
    run(['open.xlsx', '--as-of=2025-04-01', '--out', 'open-again.xlsx', '--json', 'open-again.json']);
    expect(fs.readFileSync(path.join(dir, 'open-again.json'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'open-2025-04-01.json'), 'utf8'));
    // The workbook says it, too: the warnings sheet's status column and its 截至 line.
    const ws = (await loadXlsx(path.join(dir, 'open-2025-04-01.xlsx'))).getWorksheet('预警与整改')!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('逾期未整改');
    expect(texts.some((x) => x.includes('整改状态截至2025年4月1日'))).toBe(true);
  });

  test('without --as-of the report is judged as of today (local date)', () => {
    run(['scores.xlsx', '--out', 'today.xlsx', '--json', 'today.json']);
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'today.json'), 'utf8')));
    expect(report.asOf).toBe(localDate(new Date()));
  });

  test('the JSON report is identical on a second run', () => {
    run(['scores.xlsx', '--out', 'a.xlsx', '--json', 'a.json']);
    run(['scores.xlsx', '--out', 'b.xlsx', '--json', 'b.json']);
    expect(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'a.json'), 'utf8'));
  });

  test('--lang en-US writes English sheets and messages', async () => {
    const r = run(['scores.xlsx', '--lang', 'en-US', '--out', 'en.xlsx', '--json', 'en.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2024 H2');
    const wb = await loadXlsx(path.join(dir, 'en.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Results', 'Annual Ranking']));
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'en.json'), 'utf8')));
    expect(report.language).toBe('en-US');
    expect(report.warnings[0].message).toMatch(/rectification due by/);
  });

  test('a group named =HYPERLINK(…) stays text in the output, never a formula', async () => {
    const r = run(['formula-name.xlsx']);
    expect(r.code).toBe(0);
    const wb = await loadXlsx(path.join(dir, 'formula-name.assessed.xlsx'));
    let seen = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeFalsy();
          expect(cell.type).not.toBe(6 /* ExcelJS ValueType.Formula */);
          if (typeof cell.value === 'string' && cell.value === '=HYPERLINK("http://x","y")') seen++;
          else if (cell.value && typeof cell.value === 'object' && 'text' in cell.value && cell.value.text === '=HYPERLINK("http://x","y")') seen++;
        }),
      );
    }
    // Input sheet (2) + results sheet (2) + ranking (1) at least.
    expect(seen).toBeGreaterThanOrEqual(5);
  });
});

describe('exit code 2 with a one-line reason', () => {
  test('missing file: names the file (Chinese by default)', () => {
    const r = run(['nope.xlsx']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/nope\.xlsx.*找不到文件/);
    expect(fs.existsSync(path.join(dir, 'nope.assessed.xlsx'))).toBe(false);
  });

  test('missing file in English with --lang en-US', () => {
    const r = run(['nope.xlsx', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/nope\.xlsx.*not found/);
  });

  test('not an xlsx: names the file, says what to do, writes nothing', () => {
    const before = sha256(path.join(dir, 'notes.xlsx'));
    const r = run(['notes.xlsx', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/notes\.xlsx/);
    expect(sha256(path.join(dir, 'notes.xlsx'))).toBe(before);
    expect(fs.existsSync(path.join(dir, 'notes.assessed.xlsx'))).toBe(false);
  });

  test('a Word document renamed .xlsx says what it is, in both languages, and writes nothing', async () => {
    fs.writeFileSync(path.join(dir, '考评意见.xlsx'), await officeDocumentBytes('docx'));
    const zh = run(['考评意见.xlsx']);
    expect(zh.code).toBe(2);
    expect(oneLine(zh.stderr)).toContain('考评意见.xlsx: 这是Word文档（.docx），不是Excel工作簿：请选择.xlsx文件');
    const en = run(['考评意见.xlsx', '--lang', 'en-US']);
    expect(oneLine(en.stderr)).toContain('考评意见.xlsx: this is a Word document (.docx), not an Excel workbook: choose an .xlsx file');
    fs.writeFileSync(path.join(dir, '汇报.pptx'), await officeDocumentBytes('pptx'));
    expect(oneLine(run(['汇报.pptx']).stderr)).toContain('汇报.pptx: 这是PowerPoint演示文稿（.pptx），不是Excel工作簿：请选择.xlsx文件');
    expect(fs.readdirSync(dir).filter((f) => f.includes('assessed') && /考评意见|汇报/.test(f))).toEqual([]);
  });

  test('invalid rules: names the sheet and cell, in both languages', () => {
    const zh = run(['bad-rules.xlsx']);
    expect(zh.code).toBe(2);
    expect(oneLine(zh.stderr)).toMatch(/考评规则表B3单元格：.*合格分数线/);
    const en = run(['bad-rules.xlsx', '--lang', 'en-US']);
    expect(en.code).toBe(2);
    expect(oneLine(en.stderr)).toMatch(/cell B3 of sheet “考评规则”: .*invalid/);
    expect(fs.existsSync(path.join(dir, 'bad-rules.assessed.xlsx'))).toBe(false);
  });

  test('invalid rubric: names the rubric sheet', () => {
    const zh = run(['bad-rubric.xlsx']);
    expect(zh.code).toBe(2);
    expect(oneLine(zh.stderr)).toMatch(/考评细则表A\d+:A\d+单元格：/);
    expect(zh.stderr).toContain('12');
    const en = run(['bad-rubric.xlsx', '--lang', 'en-US']);
    expect(oneLine(en.stderr)).toMatch(/cell A\d+:A\d+ of sheet “考评细则”: .*12 items/);
  });

  test('bad --as-of: not a date, or a date that does not exist', () => {
    for (const v of ['2025/01/15', '2025-02-29', 'today']) {
      const r = run(['scores.xlsx', '--as-of', v, '--out', 'never.xlsx']);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toContain(`日期“${v}”无效，--as-of 应写成 YYYY-MM-DD`);
    }
    expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  });

  test('bad --lang', () => {
    const r = run(['scores.xlsx', '--lang', 'fr-FR']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain('fr-FR');
  });

  test('unknown option, in English when --lang says so', () => {
    const r = run(['scores.xlsx', '--colour', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/unknown option --colour.*--help/);
  });

  test('no workbook named', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain('assess');
  });

  test('--out naming the input is refused and the input is untouched', () => {
    const input = path.join(dir, 'scores.xlsx');
    const before = sha256(input);
    const r = run(['scores.xlsx', '--out', 'scores.xlsx']);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(sha256(input)).toBe(before);
  });
});

describe('a macro-enabled workbook (.xlsm)', () => {
  let vba: Buffer;
  beforeAll(async () => {
    // An .xlsm as Excel saves it: the workbook part is macro-enabled and a vbaProject.bin part holds the macros.
    await writeXlsx(path.join(dir, 'plain.xlsx'), basicFixture());
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'plain.xlsx')));
    vba = Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 37) % 256));
    zip.file('xl/vbaProject.bin', vba);
    const ct = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      ct
        .replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml')
        .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    fs.writeFileSync(path.join(dir, 'macros.xlsm'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });

  test('is assessed into <name>.assessed.xlsm with its macros kept byte for byte', async () => {
    const r = run(['macros.xlsm']);
    expect(r.code).toBe(0);
    const out = path.join(dir, 'macros.assessed.xlsm');
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(Buffer.from(await zip.file('xl/vbaProject.bin')!.async('nodebuffer')).equals(vba)).toBe(true);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('macroEnabled.main+xml');
    expect((await loadXlsx(out)).getWorksheet('考评结果')).toBeDefined();
  });

  test('--out with the other extension is refused, saying which one to use, in both languages', () => {
    const zh = run(['macros.xlsm', '--out', 'macros-out.xlsx']);
    expect(zh.code).toBe(2);
    expect(oneLine(zh.stderr)).toContain('.xlsm');
    expect(zh.stderr).toContain('--out');
    const en = run(['macros.xlsm', '--out', 'macros-out.xlsx', '--lang', 'en-US']);
    expect(oneLine(en.stderr)).toContain('choose a file name ending in .xlsm');
    expect(fs.existsSync(path.join(dir, 'macros-out.xlsx'))).toBe(false);
    expect(run(['scores.xlsx', '--out', 'scores-out.xlsm']).code).toBe(2);
  });
});

describe('outputs', () => {
  test('an output folder that does not exist: exit 2, one line naming the file, nothing written', () => {
    const r = run(['scores.xlsx', '--out', 'never.xlsx', '--json', 'no-such-folder/report.json', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/no-such-folder\/report\.json: cannot write the file/);
    expect(fs.existsSync(path.join(dir, 'no-such-folder'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  });

  test('a large workbook gets progress lines on stderr and is still assessed', async () => {
    const rows = [basicFixture().sheets[0].rows[0]];
    for (let i = 0; i < 6000; i++) rows.push(longRow({ year: 2000 + (i % 50), half: i % 100 < 50 ? 1 : 2, group: `第${Math.floor(i / 100) + 1}党小组`, total: 60 + (i % 40) }));
    await writeXlsx(path.join(dir, 'large.xlsx'), { sheets: [{ name: '考评记录', rows }] });
    const r = run(['large.xlsx', '--json', 'large.json']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(r.stderr).toContain('正在评定');
    expect(r.stderr).toContain('正在保存文件');
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'large.json'), 'utf8')));
    expect(report.assessments).toHaveLength(6000);
  });
});

describe('help, template and demo', () => {
  test('--help prints usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--json');
    const en = run(['--help', '--lang', 'en-US']);
    expect(en.stdout).toContain('Usage');
  });

  test('template writes a blank workbook that then assesses cleanly; never overwrites without --force', async () => {
    const r = run(['template', 'blank.xlsx']);
    expect(r.code).toBe(0);
    const file = path.join(dir, 'blank.xlsx');
    expect(fs.existsSync(file)).toBe(true);
    const again = run(['--template', 'blank.xlsx']);
    expect(again.code).toBe(2);
    expect(oneLine(again.stderr)).toMatch(/blank\.xlsx.*--force/);
    expect(run(['template', 'blank.xlsx', '--force']).code).toBe(0);

    // The secretary fills one row of the template's score table (header on row 5), then assesses.
    const wb = await loadXlsx(file);
    const ws = wb.getWorksheet('评分表')!;
    const header = Array.from(ws.getRow(5).values as unknown[], (v) => String(v ?? ''));
    const col = (h: string) => header.findIndex((x) => x.startsWith(h));
    const row = ws.getRow(6);
    row.getCell(col('年度')).value = 2025;
    row.getCell(col('半年度')).value = '上半年';
    row.getCell(col('党小组')).value = '城东供电所党小组';
    scores(88).forEach((v, i) => (row.getCell(col(`${i + 1}.`)).value = v));
    await wb.xlsx.writeFile(path.join(dir, 'filled.xlsx'));
    const a = run(['filled.xlsx', '--json', 'filled.json']);
    expect(a.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'filled.json'), 'utf8')));
    expect(report.rubric.items).toHaveLength(12);
    expect(report.assessments).toEqual([
      expect.objectContaining({ year: 2025, half: 1, group: '城东供电所党小组', total: 88, band: 'qualified', status: 'graded' }),
    ]);
    expect(report.issues).toEqual([]);
  });

  test('demo assesses the sample workbook and says where it wrote', () => {
    const r = run(['demo'], dir);
    expect(r.code).toBe(0);
    const m = /示例输出目录：(.+)/.exec(r.stdout);
    expect(m).not.toBeNull();
    const out = m![1].trim();
    expect(fs.existsSync(path.join(out, 'sample.assessed.xlsx'))).toBe(true);
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'sample.report.json'), 'utf8')));
    const codes = new Set(report.warnings.map((w) => w.code));
    expect([...codes].sort()).toEqual(['INCOMPLETE_YEAR', 'LEADER_REPLACE', 'LEADER_REVIEW', 'RECTIFY', 'TIE_FOR_TOP']);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
