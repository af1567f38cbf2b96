/** The in-memory host (the preview's workbook) and the pane's pure planning; the pane host's contract is in pane-host.test.ts. */
import * as path from 'path';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { MemoryHost } from '../../src/hosts/memory/host';
import { openWorkbookFile } from '../../src/hosts/file/node';
import { META_SHEET } from '../../src/workbook/meta';
import { paneHost, planRulesWrite } from '../../src/app/pane-service';
import { paneStateOf } from '../../src/app/pane-state';
import { parseCellAddress } from '../../src/workbook/a1';
import sample from '../../src/hosts/memory/sample.json';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { trim } = require('../../scripts/make-preview-snapshot.js') as { trim: (s: WorkbookSnapshot) => WorkbookSnapshot };

jest.setTimeout(20000);
const sampleHost = () => new MemoryHost(sample as unknown as WorkbookSnapshot);

test('the bundled preview snapshot is assets/sample.xlsx as the file host reads it', async () => {
  const snapshot = await (await openWorkbookFile(path.join(__dirname, '..', '..', 'assets', 'sample.xlsx'))).read();
  expect(trim(snapshot)).toEqual(sample);
});

test('a run is one read and one write; outputs and meta appear, inputs are untouched', async () => {
  const host = sampleHost();
  const before = host.snapshot();
  await assessWorkbook(host);
  expect([host.reads, host.writes]).toEqual([1, 1]);
  const after = host.snapshot();
  for (const s of before.sheets) expect(after.sheets.find((x) => x.name === s.name)).toEqual(s);
  expect(host.sheetNames()).toEqual([...before.sheets.map((s) => s.name), '考评结果', '年度排名', '预警与整改', '数据问题', '半年考评结果表', '年度考评结果表', '整改台账']);
  expect(host.sheetNames(false)).toContain(META_SHEET);
  expect(host.active).toBe('考评结果');
  // Running again gives the same workbook (apart from the time).
  await assessWorkbook(host, { now: () => new Date(0) });
  const a = host.snapshot();
  await assessWorkbook(host, { now: () => new Date(0) });
  expect(host.snapshot()).toEqual(a);
});

test('a workbook with no score table has none; a broken rubric is not mistaken for "no table"', async () => {
  expect((await paneStateOf({ sheets: [{ name: 'Sheet1', values: [], merges: [], visibility: 'visible' }] })).hasScoreTable).toBe(false);
  const snap = sampleHost().snapshot();
  snap.sheets.push({ name: '考评细则', values: [['编号', '方面', '考评内容', '分值'], ['1', '思想建设', '学习', 100]], merges: [], visibility: 'visible' });
  expect((await paneStateOf(snap)).hasScoreTable).toBe(true);
});

test('an English key row gets an English value', () => {
  const snap: WorkbookSnapshot = {
    sheets: [{ name: 'Rules', values: [['Key', 'Value'], ['rankMode', 'competition']], merges: [], visibility: 'visible' }],
  };
  const plan = planRulesWrite(snap, { rankMode: 'dense', excellentMin: 9600 }, 'zh-CN');
  expect(plan).toEqual({
    kind: 'edit',
    sheet: 'Rules',
    cells: [
      { row: 2, col: 0, value: 'excellentMin' },
      { row: 2, col: 1, value: 96 },
      { row: 1, col: 1, value: 'dense' },
    ],
  });
});


test('addresses: quoted sheet names, doubled quotes', () => {
  expect(parseCellAddress("'It''s'!C3")).toMatchObject({ sheet: "It's", row: 2, col: 2 });
  expect(parseCellAddress('2024年上半年!$B$8')).toMatchObject({ sheet: '2024年上半年', row: 7, col: 1, a1: 'B8' });
});

test('a foreign sheet that carries the meta sheet’s name is never overwritten by the pane language', async () => {
  const foreign = new MemoryHost({ sheets: [{ name: META_SHEET, values: [['mine']], merges: [], visibility: 'visible' }] });
  await paneHost(foreign).setPaneLanguage('en-US');
  expect(foreign.cell(META_SHEET, 0, 0)).toBe('mine');
});
