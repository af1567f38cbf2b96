/**
 * The fake Excel is at least as strict as Excel where the add-in depends on it (each rule below is
 * Excel's documented or observed behaviour; the add-in's tests are only as good as these).
 */
import * as path from 'path';
import JSZip from 'jszip';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { benchSnapshot } from '../../src/bench/bench';
import { openWorkbookFile } from '../../src/hosts/file/node';
import { OfficeHost } from '../../src/hosts/office';
import { mapOfficeError } from '../../src/hosts/office/env';
import { columnWidthPoints } from '../../src/hosts/office/write/styles';
import { FakeRichApiError, FakeWorkbook } from '../support/fake-excel';
import { describeError } from '../../src/i18n/errors';

const now = () => new Date('2025-01-15T08:00:00Z');

async function syncError(wb: FakeWorkbook, batch: (ctx: Excel.RequestContext) => void | Promise<void>): Promise<string | null> {
  try {
    await wb.run({}, async (ctx) => {
      await batch(ctx);
      await ctx.sync();
    });
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe('the fake refuses what Excel refuses', () => {
  it('deleting a very hidden sheet (it must be made hidden first)', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('A', [['x']]);
    wb.addSheet('V', [['y']]).visibility = 'VeryHidden';
    expect(await syncError(wb, (ctx) => ctx.workbook.worksheets.getItem('V').delete())).toBe('InvalidOperation');
    expect(wb.sheet('V')).toBeDefined();
    expect(
      await syncError(wb, (ctx) => {
        const v = ctx.workbook.worksheets.getItem('V');
        v.visibility = 'Hidden' as Excel.SheetVisibility;
        v.delete();
      }),
    ).toBeNull();
    expect(wb.sheet('V')).toBeUndefined();
  });

  it('suspendApiCalculationUntilNextSync before ExcelApi 1.6', async () => {
    const old = new FakeWorkbook({ apiVersion: 5 });
    old.addSheet('A');
    expect(await syncError(old, (ctx) => ctx.workbook.application.suspendApiCalculationUntilNextSync())).toBe('ApiNotFound');
    const v16 = new FakeWorkbook({ apiVersion: 6 });
    v16.addSheet('A');
    expect(await syncError(v16, (ctx) => ctx.workbook.application.suspendApiCalculationUntilNextSync())).toBeNull();
  });

  it('a range used after the sync it was created for (office.js: InvalidObjectPath)', async () => {
    const wb = new FakeWorkbook({ wire: false });
    wb.addSheet('A');
    const code = await syncError(wb, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('A').getRange('A1');
      r.values = [['x']];
      await ctx.sync();
      r.values = [['y']];
    });
    expect(code).toBe('InvalidObjectPath');
  });

  it('a sheet returned by worksheets.add() used in a later sync (office.js would send the add again)', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('A');
    const code = await syncError(wb, async (ctx) => {
      const ws = ctx.workbook.worksheets.add('New');
      await ctx.sync();
      ws.getRange('A1').values = [['y']];
    });
    expect(code).toBe('InvalidObjectPath');
  });

  it('a string typed into a General cell: a leading =, + or - (not a number) makes a formula; "@" keeps text', async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('A');
    await wb.run({}, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      ws.getRange('A1:E1').values = [['-一组', '-5', '+86 1', '=1+1', '-']];
      ws.getRange('A2').numberFormat = [['@']];
      ws.getRange('A2').values = [['-一组']];
      await ctx.sync();
    });
    expect([...s.formulas.keys()].sort()).toEqual(['0,0', '0,2', '0,3']);
    expect(s.get(0, 1)).toBe(-5);
    expect(s.get(0, 4)).toBe('-');
    expect(s.get(1, 0)).toBe('-一组');
  });

  it('a values matrix of the wrong size; a 1×1 numberFormat applies to the whole range (documented)', async () => {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('A');
    expect(await syncError(wb, (ctx) => void (ctx.workbook.worksheets.getItem('A').getRange('A1:B2').values = [['x']]))).toBe('InvalidArgument');
    expect(await syncError(wb, (ctx) => void (ctx.workbook.worksheets.getItem('A').getRange('A1:B2').numberFormat = [['@']]))).toBeNull();
    expect([s.format(0, 0), s.format(1, 1)]).toEqual(['@', '@']);
  });

  it('reading more than 5,000,000 cells of a range at once', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('A', [['x']]);
    const code = await syncError(wb, (ctx) => void ctx.workbook.worksheets.getItem('A').getRange('A1:XFD400').load('values'));
    expect(code).toBe('InvalidOperation');
  });
});

describe('text stays text end to end', () => {
  it('a group named "-一组" (a leading minus) is written as text, never a formula', async () => {
    const snap = benchSnapshot(4);
    snap.sheets[0].values[1][2] = '-一组';
    const wb = FakeWorkbook.fromSnapshot(snap);
    const out = await assessWorkbook(new OfficeHost(wb.env()), { now });
    for (const s of wb.sheets) expect([...s.formulas]).toEqual([]);
    expect(wb.sheet(out.patch.activate!)!.values.flat()).toContain('-一组');
  });
});

describe('column widths', () => {
  it('are set in points, and both hosts give every output column the same pixels', async () => {
    const SAMPLE = path.join(__dirname, '..', 'fixtures', 'cases', 'sample_form.xlsx');
    const file = await openWorkbookFile(SAMPLE);
    const snap = await file.read();
    const out = await assessWorkbook(file, { now });
    const zip = await JSZip.loadAsync(file.bytes());
    // The file host's <col width> of each output sheet, as Excel shows them in pixels (ECMA-376 §18.3.1.13).
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const office = FakeWorkbook.fromSnapshot(snap);
    await assessWorkbook(new OfficeHost(office.env()), { now });
    let compared = 0;
    for (const sheet of out.patch.sheets.filter((s) => s.visibility === 'visible')) {
      const rid = new RegExp(`<sheet [^>]*name="${sheet.name}"[^>]*r:id="(rId\\d+)"`).exec(workbookXml)![1];
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
      const xml = await zip.file(`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`)!.async('string');
      for (const m of xml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)) {
        const col = Number(m[1]) - 1;
        const w = Number(m[2]);
        const filePx = Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7);
        const points = office.sheet(sheet.name)!.columnWidths.get(col)!;
        expect({ sheet: sheet.name, col, px: points / 0.75 }).toEqual({ sheet: sheet.name, col, px: filePx });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(columnWidthPoints(10)).toBe(52.5); // 10 characters: trunc(70.49) = 70 px = 52.5 pt
  });
});

describe('error messages', () => {
  it('worksheets.add() failing with GeneralException (two workbooks open, office-js #771) is explained', () => {
    const e = mapOfficeError(new FakeRichApiError('GeneralException', 'An internal error has occurred.', 'WorksheetCollection.add'));
    expect(describeError(e, 'zh-CN')).toMatch(/同时打开多个工作簿/);
    expect(describeError(e, 'en-US')).toMatch(/several workbooks are open/);
  });

  it('ResponsePayloadSizeLimitExceeded is the payload message', () => {
    const e = mapOfficeError(new FakeRichApiError('ResponsePayloadSizeLimitExceeded', 'too large'));
    expect(describeError(e, 'en-US')).toMatch(/exceeds what Excel accepts in one request/);
  });
});
