/**
 * The pane's Office port over the fake Excel object model (load/sync enforced): the same planning as
 * the preview, reaching Excel only through src/hosts/office.
 */
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { DEFAULT_RULES } from '../../src/domain/rules';
import { MemoryHost } from '../../src/hosts/memory/host';
import sample from '../../src/hosts/memory/sample.json';
import { OfficePaneHost } from '../../src/taskpane/office-pane-host';
import { META_SHEET } from '../../src/workbook/meta';
import { parseWorkbook } from '../../src/workbook/parse';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { templatePatch } from '../../src/workbook/template';
import { FakeWorkbook } from '../support/fake-excel';

jest.setTimeout(20000);
const snap = () => JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot;

function setup(s: WorkbookSnapshot = snap()) {
  const wb = FakeWorkbook.fromSnapshot(s);
  return { wb, host: new OfficePaneHost(wb.env()) };
}

test('readState, a run and the changed banner agree with the preview host', async () => {
  const { wb, host } = setup();
  const memory = new MemoryHost(snap());
  expect(await host.readState()).toEqual(await memory.readState());
  await assessWorkbook(host, { now: () => new Date('2026-01-10T00:00:00Z') });
  await assessWorkbook(memory, { now: () => new Date('2026-01-10T00:00:00Z') });
  expect(await host.readState()).toEqual(await memory.readState());
  expect((await host.readState()).assessed).toBe(true);
  wb.sheet('2025年下半年')!.set(4, 4, 9);
  expect((await host.readState()).changed).toBe(true);
});

test('selectCell activates the sheet and selects the cell', async () => {
  const { wb, host } = setup();
  await host.selectCell('2024年上半年!B8');
  expect(wb.active).toBe('2024年上半年');
  expect(wb.selection).toMatch(/B8$/);
});

test('insertTemplate adds only the sheets that are missing', async () => {
  const { wb, host } = setup();
  const r = await host.insertTemplate(templatePatch('zh-CN'));
  expect(r).toEqual({ inserted: ['考评细则', '评分表'], skipped: ['考评规则'] });
  expect(wb.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['考评细则', '评分表']));
});

test('writeRules edits the value cells, words stay text, and the reader reads them back', async () => {
  const { wb, host } = setup();
  const rules = { ...DEFAULT_RULES, excellentMin: 9250, rankMode: 'dense' as const };
  expect(await host.writeRules(rules, 'zh-CN')).toEqual({ sheet: '考评规则', created: false });
  expect(wb.sheet('考评规则')!.get(1, 1)).toBe(92.5);
  expect(parseWorkbook(await host.read()).rules).toEqual(rules);
});

test('writeRules creates the Rules sheet when absent', async () => {
  const s = snap();
  s.sheets = s.sheets.filter((x) => x.name !== '考评规则');
  const { host } = setup(s);
  expect(await host.writeRules({ ...DEFAULT_RULES, basicMin: 5500 }, 'en-US')).toEqual({ sheet: 'Rules', created: true });
  expect(parseWorkbook(await host.read()).rules.basicMin).toBe(5500);
});

test('setPaneLanguage is remembered in the meta sheet, which stays very hidden', async () => {
  const { wb, host } = setup();
  await host.setPaneLanguage('en-US');
  expect((await host.readState()).paneLanguage).toBe('en-US');
  expect(wb.sheet(META_SHEET)!.visibility).toBe('VeryHidden');
});
