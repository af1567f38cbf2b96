/**
 * Parity: the same workbooks assessed through the WPS host (on the fake WPS of test/support/fake-wps.ts,
 * opened from the file) and through the file host give the same report, the same patch and the same
 * workbook, cell by cell — values, and the text format "@" where the file tool writes it — for the shared
 * sample and hostile inputs (a table placed and ordered by hand, a workbook as WPS Office writes it, a date in a
 * score cell, an error value).
 * And the WPS host reads by block: its Value2 reads grow with the sheets, not with the cells.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import type { AssessOutcome } from '../../src/app/assessWorkbook';
import type { Lang } from '../../src/domain/types';
import { FileHost } from '../../src/hosts/file/host';
import { wpsPort } from '../../src/hosts/wps/host';
import { META_SHEET, readMeta } from '../../src/workbook/meta';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { FakeWps } from '../support/fake-wps';
import { VARIANTS, hostileLayoutWorkbook, vetoErrorWorkbook } from '../support/variants';
import { snapshotFromExcelJS } from '../support/exceljs-snapshot';
import { S87, longYearHalf } from '../support/workbooks';
import { sheetsOf } from '../support/sheet-values';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'cases', 'sample_form.xlsx');
const now = () => new Date('2025-03-01T09:30:00Z');
const sample = async () => new Uint8Array(fs.readFileSync(SAMPLE));
const variant = (name: string) => VARIANTS.find((v) => v.name === name)!.bytes;

async function viaFile(bytes: Uint8Array, lang: Lang | null): Promise<{ out: AssessOutcome; after: WorkbookSnapshot; bytes: Uint8Array }> {
  const host = new FileHost(bytes);
  const out = await assessWorkbook(host, { now, lang });
  return { out, after: await host.read(), bytes: host.bytes() };
}

async function viaWps(bytes: Uint8Array, lang: Lang | null): Promise<{ out: AssessOutcome; after: WorkbookSnapshot; app: FakeWps }> {
  const app = await FakeWps.fromXlsx(bytes);
  const out = await assessWorkbook(wpsPort(app), { now, lang });
  return { out, after: app.snapshot(), app };
}


/** Cells of the output sheets formatted as text ("@"), as `Sheet!A1` lists: from the file, and from the fake. */
async function textCellsOfFile(bytes: Uint8Array, sheets: string[]): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: string[] = [];
  for (const name of sheets) {
    wb.getWorksheet(name)?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.numFmt === '@' && cell.value !== null && cell.value !== '') out.push(`${name}!${cell.address}`);
      }),
    );
  }
  return out.sort();
}

function textCellsOfFake(app: FakeWps, sheets: string[]): string[] {
  const out: string[] = [];
  for (const name of sheets) {
    const s = app.sheet(name);
    for (const [k, x] of s.cells) {
      if (x.numberFormat !== '@' || x.value === null || x.value === '') continue;
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      out.push(`${name}!${new ExcelJS.Workbook().addWorksheet('x').getCell(r + 1, c + 1).address}`);
    }
  }
  return out.sort();
}

async function expectParity(make: () => Promise<Uint8Array>, lang: Lang | null = null) {
  const file = await viaFile(await make(), lang);
  const wps = await viaWps(await make(), lang);
  expect(wps.out.report).toEqual(file.out.report);
  expect(wps.out.patch).toEqual(file.out.patch);
  const a = sheetsOf(wps.after);
  const b = sheetsOf(file.after);
  expect(a.map((s) => s.name)).toEqual(b.map((s) => s.name));
  for (let i = 0; i < a.length; i++) expect(a[i]).toEqual(b[i]);
  expect(readMeta(wps.after)).toEqual(readMeta(file.after));
  expect(readMeta(wps.after)?.sheets.length).toBeGreaterThan(0);
  // Text stays text: the same cells carry "@" in both.
  const outputs = wps.out.patch.sheets.map((s) => s.name).filter((n) => n !== META_SHEET);
  expect(textCellsOfFake(wps.app, outputs)).toEqual(await textCellsOfFile(file.bytes, outputs));
  return { file, wps };
}

describe('WPS host ≡ file host', () => {
  jest.setTimeout(120_000);

  it('the shared sample (sample_form.xlsx)', async () => {
    const { wps } = await expectParity(sample);
    expect(wps.out.patch.sheets.length).toBeGreaterThan(3);
  });

  it('the sample in English', async () => {
    await expectParity(sample, 'en-US');
  });

  it('a table typed by hand: at B4 under a merged title, its own column order, items as codes, a blank row inside', async () => {
    const { wps } = await expectParity(hostileLayoutWorkbook);
    expect(wps.out.report.assessments.map((a) => [a.group, a.half, a.total])).toEqual([
      ['变电（一）班', 1, 97],
      ['变电（二）班', 1, 73],
      ['营销班', 1, 87],
      ['变电（一）班', 2, 87],
      ['变电（二）班', 2, 73],
      ['营销班', 2, 97],
    ]);
  });

  it('a workbook as WPS Office writes it (cell images, DISPIMG formulas, GB2312 font)', async () => {
    await expectParity(variant('wps-cell-images'));
  });

  it('a date in a score cell (read as its serial, as Value2 gives dates)', async () => {
    await expectParity(variant('iso-date-cell'));
  });

  it('an error value in the veto column (read by its text, #N/A)', async () => {
    const { wps } = await expectParity(vetoErrorWorkbook);
    expect(JSON.stringify(wps.out.report.issues)).toMatch(/#N\/A|#DIV\/0!|#VALUE!|#REF!|#NAME\?/);
  });
});

describe('reads by block', () => {
  /** A long table of `n` assessments (and the rubric and rules sheets of the template, if any). */
  const long = (n: number) =>
    FakeWps.fromSnapshot(
      snapshotFromExcelJS(longYearHalf(Array.from({ length: n }, (_, i) => ({ year: 2024, half: i % 2 ? '下半年' : '上半年', group: `第${i}组`, scores: S87 })))),
    );

  it('Value2 reads and calls grow with the sheets, not the cells', async () => {
    const small = long(20);
    const large = long(2000);
    await wpsPort(small).read();
    await wpsPort(large).read();
    const cells = large.sheets.reduce((n, s) => n + s.cells.size, 0);
    expect(cells).toBeGreaterThan(30_000);
    expect(large.value2Reads).toBe(small.value2Reads);
    expect(large.value2Reads).toBeLessThanOrEqual(large.sheets.length);
    expect(large.calls).toBe(small.calls);
  });
});
