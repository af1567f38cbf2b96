/**
 * Reading through Office.js in bounded answers: addresses first, then values in row chunks (at most
 * 5,000,000 cells per range), an answer Excel refuses for its size (ResponsePayloadSizeLimitExceeded) or
 * values that come back null read again in halves, error cells told from text, and the outputs of the
 * last run never read.
 */
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { assessErrorOf } from '../support/assess-error';
import { benchSnapshot } from '../../src/bench/bench';
import { OfficeHost } from '../../src/hosts/office';
import { readWorkbook } from '../../src/hosts/office/read';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { FakeWorkbook } from '../support/fake-excel';
import { describeError } from '../../src/i18n/errors';

jest.setTimeout(300_000);
const now = () => new Date('2025-01-15T08:00:00Z');
const MB5 = 5 * 1024 * 1024;

function valuesOf(s: WorkbookSnapshot, name: string) {
  return s.sheets.find((x) => x.name === name)!.values;
}

describe('reads', () => {
  it('a 30,000-row workbook on Excel on the web: every answer under 5 MB, every cell read', async () => {
    const snap = benchSnapshot(30_000);
    const web = FakeWorkbook.fromSnapshot(snap, { platform: 'OfficeOnline' });
    const read = await new OfficeHost(web.env()).read();
    expect(valuesOf(read, '考评记录')).toEqual(snap.sheets[0].values);
    for (const s of web.syncLog) expect(s.responseBytes).toBeLessThanOrEqual(MB5);
  });

  it('an answer Excel refuses for its size (ResponsePayloadSizeLimitExceeded) is read again in halves', async () => {
    const snap = benchSnapshot(3000);
    // A small limit (as if every cell were long): the first chunk's answer is refused, then read in halves.
    const web = FakeWorkbook.fromSnapshot(snap, { platform: 'OfficeOnline', payloadLimit: 120_000 });
    const read = await new OfficeHost(web.env({ responseBudget: 110_000 })).read();
    expect(valuesOf(read, '考评记录')).toEqual(snap.sheets[0].values);
    for (const s of web.syncLog) if (s.responseBytes) expect(s.responseBytes).toBeLessThanOrEqual(120_000);
  });

  it('values that come back null are read again in smaller chunks', async () => {
    const snap = benchSnapshot(5000);
    const wb = FakeWorkbook.fromSnapshot(snap);
    wb.nullValuesAbove = 4000; // Excel may answer a large range's values with null
    const read = await new OfficeHost(wb.env()).read();
    expect(valuesOf(read, '考评记录')).toEqual(snap.sheets[0].values);
  });

  it('a row whose values never come back is a clear error naming the sheet and the row, and nothing is changed', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(300));
    wb.nullValuesAbove = 0;
    const before = JSON.stringify(wb.sheets.map((s) => s.fingerprint()));
    const err = await assessErrorOf(assessWorkbook(new OfficeHost(wb.env()), { now }));
    expect(describeError(err, 'zh-CN')).toMatch(/工作表“考评记录”第\d+行/);
    expect(describeError(err, 'en-US')).toMatch(/row \d+ of sheet "考评记录"/);
    expect(JSON.stringify(wb.sheets.map((s) => s.fingerprint()))).toBe(before);
  });

  it('no range of more than 5,000,000 cells is read at once (a used range across every column)', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Wide');
    sheet.set(0, 0, '党小组');
    sheet.set(309, 16383, 'far corner'); // used range A1:XFD310 = 5,079,040 cells
    const read = await new OfficeHost(wb.env()).read();
    const values = valuesOf(read, 'Wide');
    expect(values[0][0]).toBe('党小组');
    expect(values[309][16383]).toBe('far corner');
  });

  it('error cells are errors and text that looks like one stays text, with or without getSpecialCells (ExcelApi 1.9)', async () => {
    for (const apiVersion of [17, 8]) {
      const wb = new FakeWorkbook({ apiVersion });
      const s = wb.addSheet('S');
      s.set(0, 0, { error: '#N/A' });
      s.set(0, 1, '#N/A');
      s.set(2500, 3, { error: '#DIV/0!' }); // outside the first window
      s.set(2500, 4, 7);
      const read = await new OfficeHost(wb.env()).read();
      const v = valuesOf(read, 'S');
      expect([apiVersion, v[0][0], v[0][1], v[2500][3], v[2500][4]]).toEqual([apiVersion, { error: '#N/A' }, '#N/A', { error: '#DIV/0!' }, 7]);
    }
  });

  it('a workbook of 1,000 rows is read in two round trips (sheets, then addresses with a first window)', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(1000));
    await new OfficeHost(wb.env()).read();
    expect(wb.syncs).toBe(2);
  });

  it('only sheets that can hold input are read: the outputs of the last run are not (but the warnings sheet, for its ledger)', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(20_000));
    const first = await readWorkbook(wb.env());
    const firstBytes = wb.syncLog.reduce((n, s) => n + s.responseBytes, 0);
    await assessWorkbook(new OfficeHost(wb.env()), { now });
    wb.resetCounters();
    const second = await readWorkbook(wb.env());
    const secondBytes = wb.syncLog.reduce((n, s) => n + s.responseBytes, 0);
    // The inputs again, plus the warnings sheet (a few hundred rows here) for what people typed in its ledger.
    expect(secondBytes).toBeLessThan(firstBytes * 1.25);
    for (const name of ['考评结果', '年度排名', '数据问题', '半年考评结果表', '年度考评结果表', '整改台账']) {
      expect([name, second.snapshot.sheets.find((s) => s.name === name)!.values]).toEqual([name, []]);
    }
    expect(second.snapshot.sheets.find((s) => s.name === '预警与整改')!.values.length).toBeGreaterThan(3);
    expect(valuesOf(second.snapshot, '考评记录')).toEqual(valuesOf(first.snapshot, '考评记录'));
    // and the run reads the same inputs, so the pane's "changed" banner stays off
    const again = await assessWorkbook(new OfficeHost(wb.env()), { now });
    expect(again.report.assessments).toHaveLength(20_000);
  });
});
