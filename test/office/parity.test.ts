/**
 * Parity: the same workbooks assessed through the Office.js host (the fake Excel loaded from the ExcelJS
 * snapshot) and through the file host (ExcelJS) give the same report and the same output sheets, cell
 * by cell — and a workbook assessed by one host is recognised, and re-assessed, by the other.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import type { AssessOutcome } from '../../src/app/assessWorkbook';
import { hostOf, snapshotFromExcelJS } from '../support/exceljs-snapshot';
import { OfficeHost } from '../../src/hosts/office';
import type { Lang } from '../../src/domain/types';
import JSZip from 'jszip';
import { FileHost } from '../../src/hosts/file/host';
import { META_SHEET, OWNER_MARK, readMeta } from '../../src/workbook/meta';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { FakeWorkbook } from '../support/fake-excel';
import { S73, S87, S97, formSheet, longYearHalf } from '../support/workbooks';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'cases', 'sample_form.xlsx');
const now = () => new Date('2025-03-01T09:30:00Z');

async function viaFile(wb: ExcelJS.Workbook, lang: Lang | null): Promise<{ out: AssessOutcome; after: WorkbookSnapshot }> {
  const host = await hostOf(wb);
  const out = await assessWorkbook(host, { now, lang });
  // what a later reader of the saved file sees
  const after = await host.read();
  return { out, after };
}

async function viaOffice(snapshot: WorkbookSnapshot, lang: Lang | null): Promise<{ out: AssessOutcome; after: WorkbookSnapshot; wb: FakeWorkbook }> {
  const wb = FakeWorkbook.fromSnapshot(snapshot);
  const out = await assessWorkbook(new OfficeHost(wb.env()), { now, lang });
  // what a later reader of the workbook sees (the Office host itself reads only input sheets)
  const after = wb.snapshot();
  return { out, after, wb };
}

/** Trailing empty cells and rows carry no meaning; compare cell by cell over the used area. */
function trim(values: WorkbookSnapshot['sheets'][number]['values']): unknown[][] {
  const rows = values.map((r) => {
    const row = [...(r ?? [])];
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === '')) row.pop();
    return row.map((v) => (v === '' ? null : v));
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

function sheetsOf(s: WorkbookSnapshot) {
  return s.sheets.map((x) => ({ name: x.name, visibility: x.visibility, values: trim(x.values) }));
}

async function expectParity(make: () => Promise<ExcelJS.Workbook>, lang: Lang | null = null) {
  const fileWb = await make();
  const snapshot = snapshotFromExcelJS(await make());
  const file = await viaFile(fileWb, lang);
  const office = await viaOffice(snapshot, lang);

  expect(office.out.report).toEqual(file.out.report);
  expect(office.out.patch).toEqual(file.out.patch);
  const a = sheetsOf(office.after);
  const b = sheetsOf(file.after);
  expect(a.map((s) => s.name)).toEqual(b.map((s) => s.name));
  for (let i = 0; i < a.length; i++) {
    expect({ sheet: a[i].name, visibility: a[i].visibility }).toEqual({ sheet: b[i].name, visibility: b[i].visibility });
    expect({ sheet: a[i].name, values: a[i].values }).toEqual({ sheet: b[i].name, values: b[i].values });
  }
  // the run record is the same in both (so either host reads the other's)
  expect(readMeta(office.after)).toEqual(readMeta(file.after));
  expect(readMeta(office.after)?.sheets.length).toBeGreaterThan(0);
  return { file, office };
}

describe('Office host ≡ file host', () => {
  jest.setTimeout(60_000);

  it('the sample form (../shared/cases/sample_form.xlsx)', async () => {
    await expectParity(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(SAMPLE);
      return wb;
    });
  });

  it('the sample form in English', async () => {
    await expectParity(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(SAMPLE);
      return wb;
    }, 'en-US');
  });

  it('a long table with bad cells, a veto, a tie, duplicates and formula-like text', async () => {
    await expectParity(async () =>
      longYearHalf([
        { year: 2024, half: '上半年', group: '=HYPERLINK("http://x","一组")', scores: S97 },
        { year: 2024, half: '下半年', group: '=HYPERLINK("http://x","一组")', scores: S97 },
        { year: 2024, half: '上半年', group: '2024', scores: S97 },
        { year: 2024, half: '下半年', group: '2024', scores: S97 },
        { year: 2024, half: '上半年', group: '三组', scores: S73, veto: '发生责任性事故' },
        { year: 2024, half: '下半年', group: '三组', scores: S87 },
        { year: 2024, half: '上半年', group: '四组', scores: [...S87.slice(0, 11), 'abc'] },
        { year: 2024, half: '上半年', group: '五组', scores: S87 },
        { year: 2024, half: '上半年', group: '五组', scores: S73 },
        { year: 2024, half: '下半年', group: '六组', scores: [] },
        { year: 2025, half: '上半年', group: '三组', scores: S73, total: 99 },
      ]),
    );
  });

  it('one sheet per period, in the real form shape', async () => {
    await expectParity(async () => {
      const wb = new ExcelJS.Workbook();
      formSheet(wb, '2024年上半年', [
        { group: '一组', scores: S97 },
        { group: '二组', scores: S73 },
      ]);
      formSheet(wb, '2024年下半年', [
        { group: '一组', scores: S87 },
        { group: '二组', scores: S73 },
      ]);
      return wb;
    });
  });
});

describe('a workbook assessed by one host is re-assessed by the other', () => {
  jest.setTimeout(60_000);

  it('file host first, then Office host: owned sheets replaced in place, same result', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const first = await viaFile(wb, null);
    const office = await viaOffice(first.after, null);
    expect(office.out.patch.sheets.map((s) => s.name)).toEqual(first.out.patch.sheets.map((s) => s.name));
    expect(sheetsOf(office.after)).toEqual(sheetsOf(first.after));
  });

  it('Office host first, then file host: same result', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const office = await viaOffice(snapshotFromExcelJS(wb), null);
    // the Office result written out as a workbook, as Excel would save it: cells, visibility and each
    // sheet's names (the ownership mark among them)
    const saved = new ExcelJS.Workbook();
    for (const s of office.wb.sheets) {
      const ws = saved.addWorksheet(s.name, { state: s.visibility === 'VeryHidden' ? 'veryHidden' : s.visibility === 'Hidden' ? 'hidden' : 'visible' });
      s.grid().forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) ws.getCell(r + 1, c + 1).value = typeof v === 'object' && 'error' in v ? ({ error: v.error } as ExcelJS.CellErrorValue) : (v as ExcelJS.CellValue);
        }),
      );
    }
    const marks = office.wb.sheets.map((s, i) => [...s.names].map(([name, n]) => `<definedName name="${name}" localSheetId="${i}"${n.visible ? '' : ' hidden="1"'}>${n.formula.slice(1).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</definedName>`).join('')).join('');
    expect(marks).toContain(OWNER_MARK.name);
    const zip = await JSZip.loadAsync(await saved.xlsx.writeBuffer());
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', wbXml.replace(/<definedNames\/>|<definedNames>[\s\S]*?<\/definedNames>/, '').replace('</sheets>', `</sheets><definedNames>${marks}</definedNames>`));
    const savedHost = new FileHost(await zip.generateAsync({ type: 'uint8array' }));
    expect(readMeta(await savedHost.read())?.sheets).toContain(office.out.patch.activate);
    const second = { out: await assessWorkbook(savedHost, { now, lang: null }), after: await savedHost.read() };
    expect(sheetsOf(second.after)).toEqual(sheetsOf(office.after));
    expect(second.after.sheets.find((s) => s.name === META_SHEET)?.visibility).toBe('veryHidden');
  });
});
