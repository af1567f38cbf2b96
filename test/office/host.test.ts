/**
 * The Office.js host against the fake Excel object model (test/support/fake-excel.ts, every batch also
 * built by office.js itself): round trips, inputs untouched, idempotence, ownership, text-as-text, and
 * every error path in both languages.
 */
import * as path from 'path';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { AssessError } from '../../src/domain/errors';
import { assessErrorOf } from '../support/assess-error';
import { benchSnapshot } from '../../src/bench/bench';
import { openWorkbookFile } from '../../src/hosts/file/node';
import { OfficeHost, selectCell } from '../../src/hosts/office';
import { MAX_ACTIONS } from '../../src/hosts/office/env';
import { META_SHEET } from '../../src/workbook/meta';
import { templatePatch } from '../../src/workbook/template';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { FakeWorkbook } from '../support/fake-excel';
import type { FakeOptions } from '../support/fake-excel';
import { describeError } from '../../src/i18n/errors';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'cases', 'sample_form.xlsx');
const now = () => new Date('2025-01-15T08:00:00Z');

async function sampleSnapshot(): Promise<WorkbookSnapshot> {
  return (await openWorkbookFile(SAMPLE)).read();
}

function run(wb: FakeWorkbook, extra: Parameters<FakeWorkbook['env']>[0] = {}) {
  return assessWorkbook(new OfficeHost(wb.env(extra)), { now, displayLanguage: 'zh-CN' });
}

/** Everything observable about the whole workbook. */
function state(wb: FakeWorkbook): string {
  return JSON.stringify({ sheets: wb.sheets.map((s) => s.fingerprint()), p: wb.protected });
}

function inputsOf(wb: FakeWorkbook, names: string[]): string[] {
  return names.map((n) => wb.sheet(n)!.fingerprint());
}

async function expectHostError(p: Promise<unknown>, zh: RegExp, en: RegExp): Promise<AssessError> {
  const ae = await assessErrorOf(p);
  expect(ae.kind).toBe('host');
  expect(describeError(ae, 'zh-CN')).toMatch(zh);
  expect(describeError(ae, 'en-US')).toMatch(en);
  return ae;
}

describe('OfficeHost on the sample form', () => {
  it('assesses in 3 syncs, writes the outputs, leaves the inputs as they were', async () => {
    const snap = await sampleSnapshot();
    const wb = FakeWorkbook.fromSnapshot(snap);
    const inputs = snap.sheets.map((s) => s.name);
    const before = inputsOf(wb, inputs);
    const out = await run(wb);
    expect(wb.syncs).toBeLessThanOrEqual(3);
    expect(wb.syncLog.every((s) => s.wired)).toBe(true);
    expect(inputsOf(wb, inputs)).toEqual(before);
    for (const n of inputs) expect(wb.sheet(n)!.writes).toBe(0);
    for (const s of out.patch.sheets) expect(wb.sheet(s.name)).toBeDefined();
    expect(wb.sheet(META_SHEET)!.visibility).toBe('VeryHidden');
    expect(wb.calculationSuspended).toBe(1);
    // the results sheet is active with its summary (A1) in view
    expect(out.patch.activate).toBeTruthy();
    expect(wb.active).toBe(out.patch.activate);
    expect(wb.selection).toMatch(/!A1$/);
    // outputs after the inputs, in patch order
    expect(wb.sheets.map((s) => s.name)).toEqual([...inputs, ...out.patch.sheets.map((s) => s.name)]);
    // nothing written is a formula
    for (const s of wb.sheets) expect([...s.formulas]).toEqual([]);
  });

  it('is idempotent: a second run gives the same workbook', async () => {
    const wb = FakeWorkbook.fromSnapshot(await sampleSnapshot());
    await run(wb);
    const first = state(wb);
    wb.resetCounters();
    await run(wb);
    expect(state(wb)).toBe(first);
    expect(wb.syncs).toBeLessThanOrEqual(3);
  });

  it('reads merged areas only where ExcelApi 1.13 has them', async () => {
    const snap = await sampleSnapshot();
    expect(snap.sheets.some((s) => s.merges.length > 0)).toBe(true);
    const modern = FakeWorkbook.fromSnapshot(snap);
    const old = FakeWorkbook.fromSnapshot(snap, { apiVersion: 7 });
    const a = await new OfficeHost(modern.env()).read();
    const b = await new OfficeHost(old.env()).read();
    expect(a.sheets.map((s) => s.merges.sort())).toEqual(snap.sheets.map((s) => [...s.merges].sort()));
    expect(b.sheets.every((s) => s.merges.length === 0)).toBe(true);
    expect(a.sheets.map((s) => s.values)).toEqual(b.sheets.map((s) => s.values));
  });

  it('works on ExcelApi 1.7 (Excel 2019): no newer API is called; calculation is suspended (ExcelApi 1.6)', async () => {
    const wb = FakeWorkbook.fromSnapshot(await sampleSnapshot(), { apiVersion: 7 });
    const out = await run(wb);
    expect(wb.calculationSuspended).toBeGreaterThan(0);
    expect(wb.sheet(out.patch.activate!)!.pageLayout).toEqual({});
  });
});

describe('round trips', () => {
  jest.setTimeout(300_000);
  const MB3 = 3 * 1024 * 1024;
  it.each([10, 1000, 100_000])('%i score rows on desktop: syncs ≤ rows/2,000 + 3, every request ≤ 3 MB and bounded in actions as office.js serializes it', async (n) => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(n));
    const before = inputsOf(wb, ['考评记录']);
    const out = await run(wb);
    expect(wb.syncs).toBeLessThanOrEqual(Math.floor(n / 2000 + 3));
    expect(wb.maxRequestBytes).toBeLessThanOrEqual(MB3);
    expect(wb.maxActions).toBeLessThanOrEqual(MAX_ACTIONS);
    expect(out.report.assessments).toHaveLength(n);
    expect(inputsOf(wb, ['考评记录'])).toEqual(before);
  });

  it('Excel on the web and desktop get the same bounded requests and the same workbook', async () => {
    const snap = benchSnapshot(20_000);
    const desktop = FakeWorkbook.fromSnapshot(snap);
    await run(desktop);
    const web = FakeWorkbook.fromSnapshot(snap, { platform: 'OfficeOnline' });
    await run(web);
    expect(web.syncs).toBeGreaterThan(3);
    for (const wb of [web, desktop]) for (const s of wb.syncLog) expect(s.requestBytes).toBeLessThanOrEqual(MB3);
    expect(web.syncs).toBe(desktop.syncs);
    expect(state(web)).toBe(state(desktop));
  });
});

describe('styles', () => {
  it('grouped by value over RangeAreas (ExcelApi 1.9+) give every cell the same formatting as range by range, in far fewer commands', async () => {
    const snap = benchSnapshot(2000);
    const grouped = FakeWorkbook.fromSnapshot(snap);
    const ordered = FakeWorkbook.fromSnapshot(snap, { apiVersion: 8 });
    const out = await run(grouped);
    await run(ordered);
    for (const s of out.patch.sheets.filter((x) => x.styles.length)) {
      const a = grouped.sheet(s.name)!.effectiveStyles();
      const b = ordered.sheet(s.name)!.effectiveStyles();
      expect(a.size).toBeGreaterThan(0);
      expect(a).toEqual(b);
    }
    const commands = (wb: FakeWorkbook) => wb.syncLog.reduce((n, s) => n + s.commands, 0);
    expect(commands(grouped)).toBeLessThan(commands(ordered) * 0.7);
  });

  it('a property written with different values on one cell keeps the patch order', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('In', [['x']]);
    const host = new OfficeHost(wb.env());
    await host.read();
    const sheet = {
      name: 'Out',
      values: [['a', 'b'], ['c', 'd']],
      styles: [
        { range: 'A1:B2', fill: 'FF0000', bold: true },
        { range: 'B2', fill: '00FF00' },
        { range: 'A2', bold: true },
      ],
      links: [],
      merges: [],
      columnWidths: [8, 8],
      freeze: { rows: 0, cols: 0 },
      visibility: 'visible' as const,
      landscape: false,
    };
    await host.write({ sheets: [sheet], deleteSheets: [], activate: null });
    const eff = wb.sheet('Out')!.effectiveStyles();
    expect(eff.get('1,1 fill.color')).toBe('#00FF00');
    expect(eff.get('0,0 fill.color')).toBe('#FF0000');
    expect(eff.get('1,0 font.bold')).toBe(true);
  });
});

describe('ownership and text', () => {
  it('never touches a foreign sheet that has an output name', async () => {
    const snap = await sampleSnapshot();
    const wb = FakeWorkbook.fromSnapshot(snap);
    const foreign = wb.addSheet('考评结果', [['我自己的表', 42]]);
    const before = foreign.fingerprint();
    const out = await run(wb);
    expect(wb.sheet('考评结果')!.fingerprint()).toBe(before);
    expect(out.patch.sheets.map((s) => s.name)).not.toContain('考评结果');
  });

  it('refuses a patch that names a foreign sheet, before any change (defence in depth)', async () => {
    const wb = FakeWorkbook.fromSnapshot(await sampleSnapshot());
    wb.addSheet('Mine', [['x']]);
    const host = new OfficeHost(wb.env());
    await host.read();
    const before = state(wb);
    const syncs = wb.syncs;
    const patch = { sheets: [], deleteSheets: ['Mine'], activate: null };
    await expectHostError(host.write(patch), /“Mine”不是本加载项创建的/, /"Mine" was not created by this add-in/);
    expect(state(wb)).toBe(before);
    expect(wb.syncs).toBe(syncs);
  });

  it('writes text as text: formulas and numbers in group names stay strings', async () => {
    const snap = benchSnapshot(4);
    snap.sheets[0].values[1][2] = '=HYPERLINK("http://x","y")';
    snap.sheets[0].values[2][2] = '2024';
    snap.sheets[0].values[3][2] = '+86 1234';
    const wb = FakeWorkbook.fromSnapshot(snap);
    const out = await run(wb);
    for (const s of wb.sheets) expect([...s.formulas]).toEqual([]);
    const results = wb.sheet(out.patch.activate!)!;
    const cells = results.values.flat();
    expect(cells).toContain('=HYPERLINK("http://x","y")');
    expect(cells).toContain('2024');
    expect(cells).toContain('+86 1234');
  });

  it('internal links are document references', async () => {
    const wb = FakeWorkbook.fromSnapshot(await sampleSnapshot());
    const out = await run(wb);
    const results = wb.sheet(out.patch.activate!)!;
    const links = [...results.hyperlinks.values()];
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l.address).toBeUndefined();
      expect(l.documentReference).toMatch(/!\$?[A-Z]+\$?\d+$/);
    }
  });
});

describe('error paths: clear zh/en message, workbook unchanged', () => {
  async function fresh(opts: FakeOptions = {}) {
    return FakeWorkbook.fromSnapshot(await sampleSnapshot(), opts);
  }

  it('protected workbook', async () => {
    const wb = await fresh();
    wb.protected = true;
    const before = state(wb);
    await expectHostError(run(wb), /工作簿结构受保护/, /workbook structure is protected/);
    expect(state(wb)).toBe(before);
  });

  it('protected output sheet', async () => {
    const wb = await fresh();
    const out = await run(wb);
    wb.sheet(out.patch.activate!)!.protected = true;
    const before = state(wb);
    await expectHostError(run(wb), /受保护，无法重写/, /is protected and cannot be rewritten/);
    expect(state(wb)).toBe(before);
  });

  it('a cell being edited, on an Excel without delayForCellEdit (before ExcelApi 1.11)', async () => {
    const wb = await fresh({ apiVersion: 10 });
    wb.cellEditMode = true;
    const before = state(wb);
    await expectHostError(run(wb), /单元格正在编辑/, /cell is being edited/);
    expect(state(wb)).toBe(before);
  });

  it('a cell being edited, with delayForCellEdit (ExcelApi 1.11+): Excel waits, the run succeeds', async () => {
    const wb = await fresh({ apiVersion: 11 });
    wb.cellEditMode = true;
    await run(wb);
    expect(wb.sheet(META_SHEET)).toBeDefined();
  });

  it('payload too large', async () => {
    const wb = await fresh({ platform: 'OfficeOnline', payloadLimit: 2000 });
    const before = state(wb);
    await expectHostError(run(wb), /超出Excel单次传输上限/, /exceeds what Excel accepts in one request/);
    expect(state(wb)).toBe(before);
  });

  it('unsupported Excel version (no ExcelApi 1.7)', async () => {
    const wb = await fresh({ apiVersion: 6 });
    const before = state(wb);
    await expectHostError(run(wb), /需要ExcelApi 1\.7/, /needs ExcelApi 1\.7/);
    expect(state(wb)).toBe(before);
    expect(wb.syncs).toBe(0);
  });
});

describe('pane helpers', () => {
  it('selectCell activates the sheet and selects the cell', async () => {
    const wb = FakeWorkbook.fromSnapshot(await sampleSnapshot());
    const name = wb.sheets[1]?.name ?? wb.sheets[0].name;
    await selectCell(`'${name}'!C5`, wb.env());
    expect(wb.active).toBe(name);
    expect(wb.selection).toMatch(/!C5$/);
  });

  it('insert adds the template sheets and refuses to replace an existing one', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Sheet1');
    await new OfficeHost(wb.env()).insert(templatePatch('zh-CN'));
    const names = templatePatch('zh-CN').sheets.map((s) => s.name);
    for (const n of names) expect(wb.sheet(n)).toBeDefined();
    const before = state(wb);
    await expectHostError(new OfficeHost(wb.env()).insert(templatePatch('zh-CN')), /已存在/, /already exists/);
    expect(state(wb)).toBe(before);
  });
});

describe('writeCells (the rule editor)', () => {
  it('writes strings as text and numbers as numbers, in one sync', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('考评规则', [['规则', '值']]);
    const { writeCells } = await import('../../src/hosts/office');
    await writeCells('考评规则', [
      { row: 1, col: 0, value: '优秀分数线' },
      { row: 1, col: 1, value: 96 },
      { row: 2, col: 1, value: '=1+1' },
    ], wb.env());
    const s = wb.sheet('考评规则')!;
    expect(s.get(1, 1)).toBe(96);
    expect(s.get(2, 1)).toBe('=1+1');
    expect([...s.formulas]).toEqual([]);
    expect(wb.syncs).toBe(1);
  });
});
