/**
 * The WPS host as a user meets it: inputs never written (every input sheet protected, the run still reads
 * and assesses them), a refusal that names the sheet or the cell and changes nothing, rule cells written as
 * text, going to a cell, and the template inserted only where no sheet of its names exists.
 */
import * as fs from 'fs';
import * as path from 'path';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { wpsPort } from '../../src/hosts/wps/host';
import { describeError } from '../../src/i18n/errors';
import { OFFICE_CODES } from '../../src/i18n/office';
import { OUTPUT_SHEET } from '../../src/i18n/output';
import { WPS_CODES } from '../../src/i18n/wps-host';
import { templatePatch } from '../../src/workbook/template';
import { assessErrorOf } from '../support/assess-error';
import { FakeWps } from '../support/fake-wps';

jest.setTimeout(120_000);
const SAMPLE = path.join(__dirname, '..', 'fixtures', 'cases', 'sample_form.xlsx');
const now = () => new Date('2025-03-01T09:30:00Z');
const bytes = () => new Uint8Array(fs.readFileSync(SAMPLE));
const INPUTS = ['2021年上半年', '2021年下半年'];

describe('inputs are sacred', () => {
  it('every input sheet protected: the run reads them, assesses, and writes none of their cells', async () => {
    const app = await FakeWps.fromXlsx(bytes(), { protectedSheets: INPUTS });
    const before = INPUTS.map((n) => JSON.stringify([...app.sheet(n).cells.entries()]));
    const out = await assessWorkbook(wpsPort(app), { now, lang: null });
    expect(out.report.assessments.length).toBeGreaterThan(0);
    expect(out.patch.sheets.length).toBeGreaterThan(0);
    expect(INPUTS.map((n) => JSON.stringify([...app.sheet(n).cells.entries()]))).toEqual(before);
    expect(app.sheet(OUTPUT_SHEET.results.zh).cells.size).toBeGreaterThan(10);
  });
});

describe('a refusal names the sheet or the cell and changes nothing', () => {
  async function assessed(): Promise<FakeWps> {
    const app = await FakeWps.fromXlsx(bytes());
    await assessWorkbook(wpsPort(app), { now, lang: null });
    app.sheet(INPUTS[0]).touch(60, 0).value = '新增一行'; // an input changed: the next run writes
    return app;
  }

  it('an output sheet protected since the last run', async () => {
    const app = await assessed();
    const ranking = OUTPUT_SHEET.ranking.zh;
    app.sheet(ranking).protectContents = true;
    const before = app.fingerprint();
    const e = await assessErrorOf(assessWorkbook(wpsPort(app), { now, lang: null }));
    expect(e.code).toBe(OFFICE_CODES.protectedSheet);
    expect(describeError(e, 'zh-CN')).toContain(ranking);
    expect(app.fingerprint()).toBe(before);
  });

  it('the workbook structure protected', async () => {
    const app = await assessed();
    app.structureProtected = true;
    const before = app.fingerprint();
    const e = await assessErrorOf(assessWorkbook(wpsPort(app), { now, lang: null }));
    expect(e.code).toBe(OFFICE_CODES.protectedWorkbook);
    expect(app.fingerprint()).toBe(before);
  });

  it('a rule value into a locked cell of a protected sheet', async () => {
    const app = await FakeWps.fromXlsx(bytes(), { protectedSheets: [INPUTS[0]], unlocked: { [INPUTS[0]]: ['B12'] } });
    const before = app.fingerprint();
    const e = await assessErrorOf(wpsPort(app).editCells!(INPUTS[0], [{ row: 11, col: 1, value: 5 }, { row: 11, col: 2, value: 6 }]));
    expect(e.code).toBe(WPS_CODES.protectedCell);
    expect(describeError(e, 'zh-CN')).toContain(INPUTS[0]);
    expect(describeError(e, 'zh-CN')).toContain('C12');
    expect(app.fingerprint()).toBe(before); // B12, unlocked and first, was not written either
    await wpsPort(app).editCells!(INPUTS[0], [{ row: 11, col: 1, value: 5 }]);
    expect(app.sheet(INPUTS[0]).cell(11, 1)?.value).toBe(5);
  });
});

describe('the pane over WPS', () => {
  it('rule values: words that WPS would read as something else stay text, numbers stay numbers', async () => {
    const app = await FakeWps.fromXlsx(bytes());
    await wpsPort(app).editCells!(INPUTS[0], [
      { row: 20, col: 0, value: '=1+1' },
      { row: 20, col: 1, value: '0012' },
      { row: 20, col: 2, value: 'plain words' },
      { row: 20, col: 3, value: 7.5 },
      { row: 20, col: 4, value: null },
    ]);
    const ws = app.sheet(INPUTS[0]);
    expect([0, 1, 2, 3].map((c) => ws.cell(20, c)?.value)).toEqual(['=1+1', '0012', 'plain words', 7.5]);
    expect(ws.cell(20, 0)?.formula).toBeUndefined();
    expect(ws.cell(20, 0)?.numberFormat).toBe('@');
    expect(ws.cell(20, 3)?.numberFormat).toBe('General');
    expect(ws.cell(20, 4)?.value ?? null).toBeNull();
  });

  it('goes to a cell: its sheet activated, the cell selected', async () => {
    const app = await FakeWps.fromXlsx(bytes());
    await wpsPort(app).select!(`'${INPUTS[1]}'!D5`);
    expect(app.sheets[app.active].name).toBe(INPUTS[1]);
    expect(app.selection).toEqual({ sheet: INPUTS[1], address: 'D5' });
  });

  it('inserts the template into a workbook without its sheets, and refuses (changing nothing) when one exists', async () => {
    const app = await FakeWps.fromXlsx(bytes());
    const patch = templatePatch('zh-CN');
    await wpsPort(app).insert(patch);
    for (const s of patch.sheets) expect(app.sheets.map((x) => x.name)).toContain(s.name);
    const before = app.fingerprint();
    const e = await assessErrorOf(wpsPort(app).insert(patch));
    expect(e.code).toBe(OFFICE_CODES.sheetExists);
    expect(app.fingerprint()).toBe(before);
  });

  it('the port is the WPS kind, with cell selection and rule edits', () => {
    const port = wpsPort(new FakeWps());
    expect(port.kind).toBe('wps');
    expect(typeof port.select).toBe('function');
    expect(typeof port.editCells).toBe('function');
  });
});
