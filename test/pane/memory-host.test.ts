/** The in-memory host and the pane's pure planning (template, rules, language), shared with the Office host. */
import { localIso } from '../../src/app/clock';
import * as path from 'path';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { DEFAULT_RULES } from '../../src/domain/rules';
import { MemoryHost } from '../../src/hosts/memory/host';
import { openWorkbookFile } from '../../src/hosts/file/node';
import { META_SHEET, readMeta } from '../../src/workbook/meta';
import { parseWorkbook } from '../../src/workbook/parse';
import { templatePatch } from '../../src/workbook/template';
import { paneStateOf, planRulesWrite, splitAddress } from '../../src/taskpane/pane-host';
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
  expect(host.sheetNames()).toEqual([...before.sheets.map((s) => s.name), '考评结果', '年度排名', '预警与整改', '数据问题']);
  expect(host.sheetNames(false)).toContain(META_SHEET);
  expect(host.active).toBe('考评结果');
  // Running again gives the same workbook (apart from the time).
  await assessWorkbook(host, { now: () => new Date(0) });
  const a = host.snapshot();
  await assessWorkbook(host, { now: () => new Date(0) });
  expect(host.snapshot()).toEqual(a);
});

test('readState: not assessed → assessed → changed after an edit; the rules sheet counts as input', async () => {
  const host = sampleHost();
  expect(await host.readState()).toEqual({ assessed: false, runAt: null, changed: false, hasScoreTable: true, paneLanguage: null });
  await assessWorkbook(host, { now: () => new Date('2026-01-10T00:00:00Z') });
  expect(await host.readState()).toMatchObject({ assessed: true, runAt: localIso(new Date('2026-01-10T00:00:00Z')), changed: false });
  await host.writeRules({ excellentMin: 9000 }, 'zh-CN');
  expect((await host.readState()).changed).toBe(true);
});

test('a workbook with no score table has none; a broken rubric is not mistaken for "no table"', async () => {
  expect((await paneStateOf({ sheets: [{ name: 'Sheet1', values: [], merges: [], visibility: 'visible' }] })).hasScoreTable).toBe(false);
  const snap = sampleHost().snapshot();
  snap.sheets.push({ name: '考评细则', values: [['编号', '方面', '考评内容', '分值'], ['1', '思想建设', '学习', 100]], merges: [], visibility: 'visible' });
  expect((await paneStateOf(snap)).hasScoreTable).toBe(true);
});

test('selectCell accepts quoted and unquoted sheet names and refuses unknown sheets', async () => {
  const host = sampleHost();
  await host.selectCell("'2024年上半年'!$B$8");
  expect(host.selection).toEqual({ sheet: '2024年上半年', row: 7, col: 1, address: '2024年上半年!B8' });
  expect(host.active).toBe('2024年上半年');
  await expect(host.selectCell('Nope!A1')).rejects.toThrow();
  expect(splitAddress("'It''s'!C3")).toMatchObject({ sheet: "It's", row: 2, col: 2 });
});

test('insertTemplate adds only the missing sheets', async () => {
  const host = sampleHost(); // has 考评规则 already
  const r = await host.insertTemplate(templatePatch('zh-CN'));
  expect(r).toEqual({ inserted: ['考评细则', '评分表'], skipped: ['考评规则'] });
  const again = await host.insertTemplate(templatePatch('zh-CN'));
  expect(again.inserted).toEqual([]);
  expect(host.writes).toBe(1);
});

test('writeRules edits the value cells in place and appends missing keys; the reader reads them back', async () => {
  const host = sampleHost();
  const rules = { ...DEFAULT_RULES, excellentMin: 9250, rectifyDays: 60, rankMode: 'dense' as const, awardMinBand: 'excellent' as const, language: 'en-US' as const };
  const r = await host.writeRules(rules, 'zh-CN');
  expect(r).toEqual({ sheet: '考评规则', created: false });
  expect(host.cell('考评规则', 1, 1)).toBe(92.5);
  expect(parseWorkbook(host.snapshot()).rules).toEqual(rules);
  // Description cells are kept.
  expect(host.cell('考评规则', 1, 2)).toBe((sample as unknown as WorkbookSnapshot).sheets.find((s) => s.name === '考评规则')!.values[1][2]);
});

test('writeRules creates the sheet when absent, in the pane language', async () => {
  for (const lang of ['zh-CN', 'en-US'] as const) {
    const snap = sampleHost().snapshot();
    snap.sheets = snap.sheets.filter((s) => s.name !== '考评规则');
    const host = new MemoryHost(snap);
    const r = await host.writeRules({ ...DEFAULT_RULES, basicMin: 5500 }, lang);
    expect(r).toEqual({ sheet: lang === 'zh-CN' ? '考评规则' : 'Rules', created: true });
    expect(parseWorkbook(host.snapshot()).rules).toEqual({ ...DEFAULT_RULES, basicMin: 5500 });
  }
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

test('setPaneLanguage records the choice without claiming a run, and a run keeps it', async () => {
  const host = sampleHost();
  await host.setPaneLanguage('en-US');
  expect(readMeta(host.snapshot())).toMatchObject({ paneLanguage: 'en-US', runAt: '', sheets: [] });
  expect((await host.readState()).assessed).toBe(false);
  await assessWorkbook(host);
  expect(readMeta(host.snapshot())?.paneLanguage).toBe('en-US');
  // A foreign sheet that happens to carry the meta sheet's name is never overwritten.
  const foreign = new MemoryHost({ sheets: [{ name: META_SHEET, values: [['mine']], merges: [], visibility: 'visible' }] });
  await foreign.setPaneLanguage('en-US');
  expect(foreign.cell(META_SHEET, 0, 0)).toBe('mine');
});
