/**
 * The one pane host over three ports — the in-memory preview, Office (the fake Excel object model, load
 * and sync enforced) and the file host over the bytes of a workbook (what the workbook page will use in a
 * browser) — must behave alike: the same state, the same template, rules and language edits, the same
 * refusals. Only what a port cannot do differs (a file has no cursor and no cell edits), and then the
 * pane host says so and changes nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { AssessError } from '../../src/domain/errors';
import { DEFAULT_RULES } from '../../src/domain/rules';
import { FileHost } from '../../src/hosts/file/host';
import { MemoryHost } from '../../src/hosts/memory/host';
import sample from '../../src/hosts/memory/sample.json';
import { officePort } from '../../src/taskpane/office-pane-host';
import type { PaneHost } from '../../src/app/pane-service';
import type { WorkbookPort } from '../../src/app/ports';
import { paneHost, portOverHost } from '../../src/app/pane-service';
import { META_SHEET, readMeta } from '../../src/workbook/meta';
import { parseWorkbook } from '../../src/workbook/parse';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { templatePatch } from '../../src/workbook/template';
import { FakeWorkbook } from '../support/fake-excel';
import { describeError } from '../../src/i18n/errors';

jest.setTimeout(30000);

const SAMPLE_XLSX = path.join(__dirname, '..', '..', 'assets', 'sample.xlsx');
const snap = () => JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot;
const names = async (host: PaneHost) => (await host.read()).sheets.filter((s) => s.visibility === 'visible').map((s) => s.name);

interface Setup {
  port: WorkbookPort;
  host: PaneHost;
  /** The sheet the host shows as active, where it has one. */
  active: () => string | null;
}

const PORTS: [string, () => Setup][] = [
  [
    'memory (preview)',
    () => {
      const m = new MemoryHost(snap());
      return { port: m, host: paneHost(m), active: () => m.active };
    },
  ],
  [
    'Office (fake Excel)',
    () => {
      const wb = FakeWorkbook.fromSnapshot(snap());
      const port = officePort(wb.env());
      return { port, host: paneHost(port), active: () => wb.active };
    },
  ],
  [
    'file (workbook bytes)',
    () => {
      const port = portOverHost(new FileHost(new Uint8Array(fs.readFileSync(SAMPLE_XLSX)), 'sample.xlsx'), 'file');
      return { port, host: paneHost(port), active: () => null };
    },
  ],
];

describe.each(PORTS)('the pane host over the %s port', (name, setup) => {
  test('state: not assessed → assessed → changed once an input sheet is added', async () => {
    const { host } = setup();
    expect(await host.readState()).toEqual({ assessed: false, runAt: null, changed: false, hasScoreTable: true, paneLanguage: null });
    await assessWorkbook(host, { now: () => new Date('2026-01-10T08:00:00Z') });
    const after = await host.readState();
    expect(after).toMatchObject({ assessed: true, changed: false, hasScoreTable: true });
    await host.insertTemplate(templatePatch('zh-CN')); // adds 考评细则 and 评分表: new inputs
    expect((await host.readState()).changed).toBe(true);
  });

  test('insertTemplate adds only the missing sheets and leaves the others as they were', async () => {
    const { host, active } = setup();
    const rulesBefore = (await host.read()).sheets.find((s) => s.name === '考评规则');
    const r = await host.insertTemplate(templatePatch('zh-CN'));
    expect(r).toEqual({ inserted: ['考评细则', '评分表'], skipped: ['考评规则'] });
    expect(await names(host)).toEqual(expect.arrayContaining(['考评细则', '评分表', '考评规则']));
    expect((await host.read()).sheets.find((s) => s.name === '考评规则')!.values).toEqual(rulesBefore!.values);
    if (name !== 'file (workbook bytes)') expect(active()).toBe('评分表');
    expect(await host.insertTemplate(templatePatch('zh-CN'))).toEqual({ inserted: [], skipped: ['考评细则', '考评规则', '评分表'] });
  });

  test('an insert that would replace a sheet is refused, naming it, and changes nothing', async () => {
    const { port, host } = setup();
    const before = await host.read();
    const patch = templatePatch('zh-CN');
    const clash = { ...patch, sheets: patch.sheets.filter((s) => s.name === '考评规则' || s.name === '考评细则') };
    const err = await port.insert(clash).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AssessError);
    expect(describeError((err as AssessError), 'zh-CN')).toContain('考评规则');
    expect(await host.read()).toEqual(before);
  });

  test('writeRules creates the Rules sheet when absent, in the pane language', async () => {
    // The sample without its rules sheet, in each port.
    const s = snap();
    s.sheets = s.sheets.filter((x) => x.name !== '考评规则');
    const { host } = setupWithout(name, s);
    expect(await host.writeRules({ ...DEFAULT_RULES, basicMin: 5500 }, 'en-US')).toEqual({ sheet: 'Rules', created: true });
    expect(parseWorkbook(await host.read()).rules).toEqual({ ...DEFAULT_RULES, basicMin: 5500 });
  });

  test('the pane language is remembered on the meta sheet without claiming a run', async () => {
    const { host } = setup();
    await host.setPaneLanguage('en-US');
    const snapshot = await host.read();
    expect(readMeta(snapshot)).toMatchObject({ paneLanguage: 'en-US', runAt: '' });
    expect(snapshot.sheets.find((s) => s.name === META_SHEET)!.visibility).toMatch(/^veryHidden$/i);
    expect(await host.readState()).toMatchObject({ assessed: false, paneLanguage: 'en-US' });
  });
});

/** A setup over a given snapshot; for the file port, a workbook file holding the snapshot's visible sheets. */
function setupWithout(name: string, s: WorkbookSnapshot): { host: PaneHost } {
  if (name.startsWith('memory')) return { host: paneHost(new MemoryHost(s)) };
  if (name.startsWith('Office')) return { host: paneHost(officePort(FakeWorkbook.fromSnapshot(s).env())) };
  const port = portOverHost(FileHost.empty(), 'file');
  let seeded = false;
  const seed = async () => {
    if (seeded) return;
    seeded = true;
    await port.insert({
      sheets: s.sheets
        .filter((x) => x.visibility === 'visible')
        .map((x) => ({
          name: x.name,
          values: x.values.map((row) => (row ?? []).map((v) => (v === null || typeof v === 'object' ? null : typeof v === 'boolean' ? String(v) : v))),
          styles: [],
          links: [],
          merges: x.merges,
          columnWidths: [],
          freeze: { rows: 0, cols: 0 },
          visibility: 'visible' as const,
          landscape: false,
        })),
      deleteSheets: [],
      activate: null,
    });
  };
  const seededPort: WorkbookPort = {
    kind: 'file',
    read: async () => (await seed(), port.read()),
    write: async (p) => (await seed(), port.write(p)),
    insert: async (p) => (await seed(), port.insert(p)),
  };
  return { host: paneHost(seededPort) };
}

describe('what only some ports can do', () => {
  test('memory and Office select a cell (sheet name quoted or not)', async () => {
    const m = new MemoryHost(snap());
    await paneHost(m).selectCell("'2024年上半年'!$B$8");
    expect(m.selection).toEqual({ sheet: '2024年上半年', row: 7, col: 1, address: '2024年上半年!B8' });
    expect(m.active).toBe('2024年上半年');
    await expect(paneHost(m).selectCell('Nope!A1')).rejects.toThrow();

    const wb = FakeWorkbook.fromSnapshot(snap());
    await paneHost(officePort(wb.env())).selectCell('2024年上半年!B8');
    expect(wb.active).toBe('2024年上半年');
    expect(wb.selection).toMatch(/B8$/);
  });

  test('memory and Office edit the rules in place: values in their cells, words as text, descriptions kept', async () => {
    for (const make of [() => new MemoryHost(snap()), () => officePort(FakeWorkbook.fromSnapshot(snap()).env())]) {
      const host = paneHost(make());
      const rules = { ...DEFAULT_RULES, excellentMin: 9250, rectifyDays: 60, rankMode: 'dense' as const };
      expect(await host.writeRules(rules, 'zh-CN')).toEqual({ sheet: '考评规则', created: false });
      const after = await host.read();
      const sheet = after.sheets.find((s) => s.name === '考评规则')!;
      expect(sheet.values[1][1]).toBe(92.5);
      expect(sheet.values[1][2]).toBe((sample as unknown as WorkbookSnapshot).sheets.find((s) => s.name === '考评规则')!.values[1][2]);
      expect(parseWorkbook(after).rules).toEqual(rules);
    }
  });

  test('a file in the browser has no cursor and no cell edits: the pane host says so and changes nothing', async () => {
    const port = portOverHost(new FileHost(new Uint8Array(fs.readFileSync(SAMPLE_XLSX)), 'sample.xlsx'), 'file');
    const host = paneHost(port);
    expect(host.canSelect).toBe(false);
    const before = await host.read();
    await expect(host.selectCell('2024年上半年!B8')).rejects.toThrow(AssessError);
    const err = await host.writeRules({ ...DEFAULT_RULES, excellentMin: 9000 }, 'zh-CN').catch((e: AssessError) => e);
    expect(err).toBeInstanceOf(AssessError);
    expect(describeError((err as AssessError), 'zh-CN')).toMatch(/考评规则.*Excel/);
    expect(await host.read()).toEqual(before);
  });

  test('a run through the file port writes the outputs into the workbook bytes, once', async () => {
    const file = new FileHost(new Uint8Array(fs.readFileSync(SAMPLE_XLSX)), 'sample.xlsx');
    const host = paneHost(portOverHost(file, 'file'));
    await assessWorkbook(host, { now: () => new Date('2026-01-10T08:00:00Z') });
    expect(file.writes).toBe(1);
    expect(await names(host)).toEqual(expect.arrayContaining(['考评结果', '年度排名', '预警与整改', '数据问题']));
    expect((await host.readState()).assessed).toBe(true);
  });
});
