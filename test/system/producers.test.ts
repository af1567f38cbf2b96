/**
 * System test (npm run test:system; Debian's python3-openpyxl, python3-xlsxwriter, python3-lxml and
 * libreoffice-calc — npm run setup:system): workbooks written by other producers, and the package
 * variants of test/support/variants.ts, assessed by the built command. For each:
 * - the rows come out as the producer wrote them;
 * - every part the run wrote validates against the ECMA-376 schemas (test/tools/ooxml_check.py, after
 *   markup compatibility as Excel applies it) — a part the run rewrote (the workbook, its relationships,
 *   content types, styles) validates whenever the input's own version did;
 * - openpyxl opens the output whenever it opens the input, and LibreOffice reads its results sheet.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { ReportSchema } from '../../src/app/report';
import { VARIANTS } from '../support/variants';
import { CSV_FILTER, convert, removeProfiles } from '../support/libreoffice';
import { writeXlsx, basicFixture } from '../support/xlsx';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist/node/cli/main.js');
const CHECK = path.join(ROOT, 'test/tools/ooxml_check.py');
const PY = '/usr/bin/python3';
const BASIC = [
  ['城东供电所党小组', 96, 'excellent'],
  ['线路运维一班党小组', 75, 'basic'],
  ['城东供电所党小组', 95, 'excellent'],
  ['线路运维一班党小组', 88.5, 'qualified'],
];

let dir: string;

function run(cmd: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: dir });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

/** Parts of `file` that fail the schemas (one line each), limited to `only`. */
function schemaFailures(file: string, only: string[]): string[] {
  if (only.length === 0) return [];
  const r = run(PY, [CHECK, '--only', only.join(','), file]);
  return r.stdout.split('\n').filter((l) => l.trim() !== '');
}

const VALIDATED = /^\[Content_Types\]\.xml$|\.rels$|^xl\/(workbook|styles)\.xml$|^xl\/worksheets\/[^/]+\.xml$/;

/** Assess a workbook and check the output against the schemas, openpyxl and (optionally) the rows. */
async function assessAndCheck(input: string, rows: (string | number)[][] | null): Promise<string> {
  const out = input.replace(/\.xlsx$/, '.assessed.xlsx');
  const json = input.replace(/\.xlsx$/, '.json');
  const r = run(process.execPath, [MAIN, input, '--out', out, '--json', json]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  if (rows) {
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
    expect(report.assessments.map((a) => [a.group, a.total, a.band])).toEqual(rows);
  }
  const before = await parts(input);
  const after = await parts(out);
  const written = [...after].filter(([n, d]) => !before.get(n)?.equals(d)).map(([n]) => n).filter((n) => VALIDATED.test(n));
  const fresh = written.filter((n) => !before.has(n));
  const rewritten = written.filter((n) => before.has(n));
  // What the run generated validates; what it rewrote validates whenever the input's own version did.
  expect(schemaFailures(out, fresh)).toEqual([]);
  const inputBad = new Set(schemaFailures(input, rewritten).map((l) => l.split(' ')[1].replace(/:$/, '')));
  expect(schemaFailures(out, rewritten.filter((n) => !inputBad.has(n)))).toEqual([]);
  // openpyxl, another reader, opens the result and sees the sheets — whenever it reads the input's sheets (it
  // reads neither strict namespaces nor a comment in the sheet list nor a NaN cell, whoever wrote them).
  const openpyxl = (f: string) => run(PY, ['-W', 'ignore', '-c', 'import sys, openpyxl; print("|".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))', f]);
  const inputRead = openpyxl(input);
  if (inputRead.code === 0 && inputRead.stdout.trim() !== '') {
    const py = openpyxl(out);
    expect(py.stderr).toBe('');
    expect(py.stdout.trim().split('|')).toEqual(expect.arrayContaining(['考评结果', '年度排名', '预警与整改', '数据问题', '_PGA_META']));
  }
  return out;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-producers-'));
  const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status).toBe(0);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  removeProfiles();
});

describe('workbooks written by other producers', () => {
  beforeAll(async () => {
    const r = run(PY, [path.join(ROOT, 'test/tools/make_producer_workbooks.py'), dir]);
    expect(r.stderr).toBe('');
    await writeXlsx(path.join(dir, 'exceljs.xlsx'), basicFixture());
    fs.mkdirSync(path.join(dir, 'lo'));
    fs.mkdirSync(path.join(dir, 'ooxml'));
    // LibreOffice: its Excel 2007–365 filter, and its "Office Open XML" filter (ISO/IEC 29500 attributes).
    convert('xlsx:Calc MS Excel 2007 XML', path.join(dir, 'exceljs.xlsx'), path.join(dir, 'lo'));
    convert('xlsx:Calc Office Open XML', path.join(dir, 'openpyxl.xlsx'), path.join(dir, 'ooxml'));
  });

  test.each([
    ['openpyxl (relationships prefix on each sheet, =SUM without a result)', 'openpyxl.xlsx'],
    ['xlsxwriter', 'xlsxwriter.xlsx'],
    ['ExcelJS', 'exceljs.xlsx'],
    ['LibreOffice, Excel 2007–365 filter', 'lo/exceljs.xlsx'],
    ['LibreOffice, Office Open XML filter', 'ooxml/openpyxl.xlsx'],
  ])('%s: assessed; parts valid; openpyxl opens the result', async (_name, file) => {
    await assessAndCheck(path.join(dir, file), BASIC);
  });

  test('LibreOffice reads the results sheet of an openpyxl workbook assessed by the tool', async () => {
    const out = await assessAndCheck(path.join(dir, 'openpyxl.xlsx'), BASIC);
    const csvDir = fs.mkdtempSync(path.join(dir, 'csv-'));
    convert(CSV_FILTER, out, csvDir);
    const results = fs.readdirSync(csvDir).find((f) => f.endsWith('-考评结果.csv'));
    expect(results).toBeDefined();
    const text = fs.readFileSync(path.join(csvDir, results!), 'utf8');
    expect(text).toContain('城东供电所党小组');
    expect(text).toContain('线路运维一班党小组');
  });
});

describe('package variants (test/support/variants.ts): every part the run writes validates', () => {
  test.each(VARIANTS.filter((v) => v.expect.assessed).map((v) => [v.name, v] as const))('%s', async (name, v) => {
    const input = path.join(dir, `variant-${name}.xlsx`);
    fs.writeFileSync(input, await v.bytes());
    await assessAndCheck(input, null);
  });

  test('the sample workbook, the shared sample case and the template', async () => {
    for (const f of ['assets/sample.xlsx', 'test/fixtures/cases/sample_form.xlsx']) {
      const input = path.join(dir, path.basename(f));
      fs.copyFileSync(path.join(ROOT, f), input);
      await assessAndCheck(input, null);
    }
    const template = path.join(dir, 'template.xlsx');
    expect(run(process.execPath, [MAIN, 'template', template]).code).toBe(0);
    expect(schemaFailures(template, [...(await parts(template)).keys()].filter((n) => VALIDATED.test(n)))).toEqual([]);
  });
});
