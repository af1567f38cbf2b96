/**
 * Exact arithmetic end to end: a row whose decimal scores add up to 95 on paper, but to 94.99999999999999 in
 * floating point, is 95 and 优秀 — in the report and on the results sheet — when read from a real .xlsx.
 */
import ExcelJS from 'exceljs';
import { assessWorkbook } from '../src/app/assessWorkbook';
import { hostOf } from './support/exceljs-snapshot';
import { longYearHalf } from './support/workbooks';

const DECIMALS = [8.04, 9.76, 9.99, 7.49, 6.47, 7.99, 5.83, 5.85, 7.72, 6.35, 9.63, 9.88];

test('the float sum is below 95: the premise of this test', () => {
  expect(DECIMALS.reduce((a, b) => a + b, 0)).toBeLessThan(95);
});

test.each([
  ['numbers', DECIMALS],
  ['numeric text', DECIMALS.map((x) => `${x}`)],
  ['text with 分', DECIMALS.map((x) => `${x}分`)],
])('decimal scores as %s that sum to 95 are 95 and 优秀', async (_kind, scores) => {
  const wb = longYearHalf([
    { year: 2024, half: '上半年', group: '甲党小组', scores, total: 95 },
    { year: 2024, half: '下半年', group: '甲党小组', scores: DECIMALS, total: 95 },
  ]);
  const host = await hostOf(wb);
  const { report } = await assessWorkbook(host, { now: () => new Date('2025-01-01T00:00:00Z') });
  expect(report.assessments.map((a) => [a.total, a.band])).toEqual([
    [95, 'excellent'],
    [95, 'excellent'],
  ]);
  expect(report.issues.filter((i) => i.code === 'TOTAL_MISMATCH')).toEqual([]);
  expect(report.annual[0]).toMatchObject({ average: 95, band: 'excellent', titles: ['advanced', 'leader_candidate'] });
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(Buffer.from(host.bytes()) as unknown as ArrayBuffer);
  const results = loaded.getWorksheet('考评结果')!;
  const totals: unknown[] = [];
  results.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.value === 95) totals.push(cell.value);
    });
  });
  expect(totals.length).toBeGreaterThanOrEqual(2);
});
