/**
 * System test (issue 17): a branch's title row (第二党支部党小组工作考评表, merged across the table) directly above
 * its header, in workbooks made by openpyxl and by LibreOffice (openpyxl's file converted with
 * `soffice --convert-to xlsx`), assessed by the built command: the unit is read from the title — in the
 * summary text and in the printed tables — and every record is read, over a one-row header and over a
 * two-row header whose upper row merges the aspects over their items.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ReportSchema } from '../../src/app/report';
import { DEFAULT_RUBRIC, shortItemName } from '../../src/domain/rubric';
import { convert, removeProfiles } from '../support/libreoffice';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist/node/cli/main.js');
const PY = '/usr/bin/python3';
const TITLE = '第二党支部党小组工作考评表';
const UNIT = '第二党支部';

/** openpyxl (API of 3.0 and 3.1): one sheet 2025年上半年, the title merged across the table in row 1, then the header. */
const MAKE = String.raw`
import json, sys
from openpyxl import Workbook
spec = json.loads(sys.argv[1])
out, layout = sys.argv[2], sys.argv[3]
items, aspects = spec['items'], spec['aspects']
wb = Workbook()
ws = wb.active
ws.title = '2025年上半年'
width = 2 + len(items) + 1
ws.cell(row=1, column=1, value=spec['title'])
ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
if layout == 'one-row':
    for c, v in enumerate(['党小组', '党小组长'] + items + ['合计']):
        ws.cell(row=2, column=c + 1, value=v)
    first = 3
else:
    for c, v in [(1, '党小组'), (2, '党小组长'), (width, '合计')]:
        ws.cell(row=2, column=c, value=v)
        ws.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
    c = 3
    for name, n in aspects:
        ws.cell(row=2, column=c, value=name)
        if n > 1:
            ws.merge_cells(start_row=2, start_column=c, end_row=2, end_column=c + n - 1)
        c += n
    for k, v in enumerate(items):
        ws.cell(row=3, column=3 + k, value=v)
    first = 4
for i, (group, leader, scores) in enumerate(spec['rows']):
    r = first + i
    for c, v in enumerate([group, leader] + scores + [sum(scores)]):
        ws.cell(row=r, column=c + 1, value=v)
wb.save(out)
`;

const S96 = [10, 10, 9, 8, 7, 8, 6, 6, 8, 7, 9, 8];
const S75 = [8, 8, 8, 6, 5, 6, 5, 5, 6, 5, 7, 6];
const ROWS: [string, string, number[]][] = [
  ['城东供电所党小组', '孙伟', S96],
  ['线路运维一班党小组', '何平', S75],
];

let dir: string;

function run(cmd: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: dir });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function aspects(): [string, number][] {
  const out: [string, number][] = [];
  for (const it of DEFAULT_RUBRIC.items) {
    const last = out[out.length - 1];
    if (last && last[0] === it.aspect) last[1]++;
    else out.push([it.aspect, 1]);
  }
  return out;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-title-'));
  const spec = JSON.stringify({
    title: TITLE,
    items: DEFAULT_RUBRIC.items.map((i) => `${shortItemName(i.name)}（${i.max / 100}分）`),
    aspects: aspects(),
    rows: ROWS,
  });
  for (const layout of ['one-row', 'two-row']) {
    const r = run(PY, ['-W', 'ignore', '-c', MAKE, spec, path.join(dir, `${layout}.xlsx`), layout]);
    expect(r.stderr).toBe('');
  }
  fs.mkdirSync(path.join(dir, 'lo'));
  for (const layout of ['one-row', 'two-row']) convert('xlsx', path.join(dir, `${layout}.xlsx`), path.join(dir, 'lo'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  removeProfiles();
});

test.each([
  ['openpyxl, title directly above a one-row header', 'one-row.xlsx'],
  ['LibreOffice, title directly above a one-row header', 'lo/one-row.xlsx'],
  ['openpyxl, title directly above a two-row header (aspects over items)', 'two-row.xlsx'],
  ['LibreOffice, title directly above a two-row header (aspects over items)', 'lo/two-row.xlsx'],
])('%s: the unit comes from the title; every record is read', (_name, file) => {
  const input = path.join(dir, file);
  const out = input.replace(/\.xlsx$/, '.assessed.xlsx');
  const json = input.replace(/\.xlsx$/, '.json');
  const r = run(process.execPath, [MAIN, input, '--out', out, '--json', json]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, 'utf8')));
  expect(report.assessments.map((a) => [a.group, a.leader, a.total, a.band])).toEqual([
    ['城东供电所党小组', '孙伟', 96, 'excellent'],
    ['线路运维一班党小组', '何平', 75, 'basic'],
  ]);
  expect(report.issues).toEqual([]);
  expect(report.summaryText).toContain(`${UNIT}对2个党小组`);
  // The printed tables' titles name the unit (cells of sheets other than the input that begin with it).
  const titles = run(PY, [
    '-W',
    'ignore',
    '-c',
    'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nfor ws in wb.worksheets[1:]:\n  for row in ws.iter_rows(max_row=3, values_only=True):\n    for v in row:\n      if isinstance(v, str) and v.startswith(sys.argv[2]): print(ws.title)',
    out,
    UNIT,
  ]);
  expect(titles.stderr).toBe('');
  expect(titles.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(2);
});
