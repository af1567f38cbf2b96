/**
 * The rule both hosts follow to decide how each sheet is read (sheetReadings, src/workbook/meta.ts):
 * the run record first; inputs in full; the add-in's outputs by name, mark and visibility only — but the
 * warnings sheet, read in full for its ledger columns. And the file host following it.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { assessWorkbook } from '../src/app/assessWorkbook';
import { FileHost } from '../src/hosts/file/host';
import { META_SHEET, TEMP_SHEET_PREFIX, metaSheetPatch, sheetReadings } from '../src/workbook/meta';
import type { RunMeta } from '../src/workbook/meta';
import type { SheetSnapshot, WorkbookSnapshot } from '../src/workbook/snapshot';
import { basicFixture, tempDir, writeXlsx } from './support/xlsx';

jest.setTimeout(60_000);

const RECORD: RunMeta = {
  sheets: ['考评结果', '预警与整改', '数据问题', 'Results'],
  runAt: '2025-06-01T08:00:00Z',
  fingerprint: 'f',
  language: 'zh-CN',
  paneLanguage: null,
};

function sheet(name: string, more: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name, values: [], merges: [], visibility: 'visible', ...more };
}

/** The run record as the host read it (values), or unread (no values: what is known before reading it). */
function metaSheet(record: RunMeta | null, version?: number): SheetSnapshot {
  const values = record ? (metaSheetPatch(record).values as SheetSnapshot['values']) : [];
  if (version !== undefined) for (const row of values) if (row[0] === 'version') row[1] = version;
  return sheet(META_SHEET, { values, visibility: 'veryHidden' });
}

function readings(...sheets: SheetSnapshot[]): Record<string, string> {
  const snapshot: WorkbookSnapshot = { sheets };
  const r = sheetReadings(snapshot);
  return Object.fromEntries(sheets.map((s, i) => [s.name, r[i]]));
}

describe('sheetReadings', () => {
  test('no run record: every sheet is an input', () => {
    expect(readings(sheet('考评记录'), sheet('考评结果', { marked: true }), sheet('预警与整改'))).toEqual({
      考评记录: 'input',
      考评结果: 'input',
      预警与整改: 'input',
    });
  });

  test('the record lists and marks an output: read by name only; the warnings sheet for its ledger', () => {
    expect(
      readings(
        sheet('考评记录'),
        sheet('考评结果', { marked: true }),
        sheet('预警与整改', { marked: true }),
        sheet('数据问题', { marked: true }),
        sheet('Results', { marked: true }),
        metaSheet(RECORD),
      ),
    ).toEqual({ 考评记录: 'input', 考评结果: 'output', 预警与整改: 'ledger', 数据问题: 'output', Results: 'output', [META_SHEET]: 'meta' });
  });

  test('a warnings sheet under a numbered name (`Warnings (2)`) is read for its ledger too', () => {
    const record = { ...RECORD, sheets: ['Warnings (2)', '预警与整改 (3)'] };
    expect(readings(sheet('Warnings (2)', { marked: true }), sheet('预警与整改 (3)', { marked: true }), metaSheet(record))).toEqual({
      'Warnings (2)': 'ledger',
      '预警与整改 (3)': 'ledger',
      [META_SHEET]: 'meta',
    });
  });

  test('a sheet under an output’s name without the mark is a user’s: an input (a record of this release)', () => {
    expect(readings(sheet('考评结果'), sheet('预警与整改'), metaSheet(RECORD))).toEqual({ 考评结果: 'input', 预警与整改: 'input', [META_SHEET]: 'meta' });
  });

  test('a record of an earlier release (version 1, no marks) owns the sheets it lists only when they look like our output', () => {
    // Unread (no values), a listed sheet looks like nothing: it is read in full, as an input, to tell.
    expect(readings(sheet('考评结果'), sheet('预警与整改'), sheet('考评记录'), metaSheet(RECORD, 1))).toEqual({
      考评结果: 'input',
      预警与整改: 'input',
      考评记录: 'input',
      [META_SHEET]: 'meta',
    });
    // Read: our header rows (either language) make them ours; a user's own 数据问题 (other content) stays the user's.
    const results = sheet('考评结果', { values: [['党小组考评结果'], [], ['考评期', '党小组', '党小组长']] });
    const warnings = sheet('预警与整改', { values: [['Severity', 'Type', 'Period', 'Party group', 'Rectification measures']] });
    const mine = sheet('数据问题', { values: [['支部自己记的数据问题'], ['2025-01-05', '漏报一条']] });
    expect(readings(results, warnings, mine, sheet('考评记录'), metaSheet(RECORD, 1))).toEqual({
      考评结果: 'output',
      预警与整改: 'ledger',
      数据问题: 'input',
      考评记录: 'input',
      [META_SHEET]: 'meta',
    });
  });

  test('a sheet the record does not list is an input, mark or not', () => {
    expect(readings(sheet('年度排名', { marked: true }), metaSheet(RECORD))).toEqual({ 年度排名: 'input', [META_SHEET]: 'meta' });
  });

  test('a leftover of an interrupted Excel run (temporary name, very hidden) is an output, with or without a record', () => {
    const leftover = sheet(`${TEMP_SHEET_PREFIX}1`, { visibility: 'veryHidden' });
    const shown = sheet(`${TEMP_SHEET_PREFIX}2`, { visibility: 'hidden' });
    expect(readings(leftover, shown)).toEqual({ [leftover.name]: 'output', [shown.name]: 'input' });
    expect(readings(leftover, shown, metaSheet(RECORD))).toEqual({ [leftover.name]: 'output', [shown.name]: 'input', [META_SHEET]: 'meta' });
  });

  test('before the record is read (no values), only what is certain: the meta sheet, and leftovers as outputs', () => {
    const before = readings(sheet('考评结果', { marked: true }), sheet('预警与整改', { marked: true }), sheet(`${TEMP_SHEET_PREFIX}1`, { visibility: 'veryHidden' }), metaSheet(null));
    expect(before).toEqual({ 考评结果: 'input', 预警与整改: 'input', [`${TEMP_SHEET_PREFIX}1`]: 'output', [META_SHEET]: 'meta' });
  });

  test('a second sheet under the record’s name is not the record: an output when the record is the add-in’s', () => {
    const r = sheetReadings({ sheets: [metaSheet(RECORD), sheet(META_SHEET)] });
    expect(r).toEqual(['meta', 'output']);
    const foreign = sheet(META_SHEET, { values: [['备注', '用户的表']] });
    expect(sheetReadings({ sheets: [foreign, sheet(META_SHEET)] })).toEqual(['meta', 'input']);
  });
});

describe('the file host follows the rule', () => {
  test('an assessed workbook read lean: inputs and the warnings sheet in full, the other outputs by name and mark', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'in.xlsx');
      await writeXlsx(file, basicFixture());
      const host = new FileHost(await fs.readFile(file), 'in.xlsx');
      await assessWorkbook(host, { now: () => new Date('2025-06-01T08:00:00Z') });
      const full = await new FileHost(host.bytes(), 'out.xlsx').read();
      const lean = await new FileHost(host.bytes(), 'out.xlsx', undefined, { outputs: false }).read();
      const r = sheetReadings(full);
      expect(r.filter((x) => x === 'output').length).toBeGreaterThan(0);
      expect(r.filter((x) => x === 'ledger')).toEqual(['ledger']);
      expect(lean.sheets.map((s) => [s.name, s.visibility, s.marked])).toEqual(full.sheets.map((s) => [s.name, s.visibility, s.marked]));
      full.sheets.forEach((s, i) => {
        expect(s.values.length).toBeGreaterThan(0);
        expect(lean.sheets[i].values).toEqual(r[i] === 'output' ? [] : s.values);
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test('a leftover of an interrupted Excel run is not read lean, with no run record (as the Office host does)', async () => {
    const wb = new ExcelJS.Workbook();
    const input = wb.addWorksheet('考评记录');
    for (const r of basicFixture().sheets[0].rows) input.addRow(r.map((v) => (v === null ? undefined : v)));
    const leftover = wb.addWorksheet(`${TEMP_SHEET_PREFIX}1`, { state: 'veryHidden' });
    leftover.addRow(['half-written']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const full = await new FileHost(bytes, 'in.xlsx').read();
    const lean = await new FileHost(bytes, 'in.xlsx', undefined, { outputs: false }).read();
    expect(full.sheets.map((s) => [s.name, s.visibility, s.values.length > 0])).toEqual([
      ['考评记录', 'visible', true],
      [`${TEMP_SHEET_PREFIX}1`, 'veryHidden', true],
    ]);
    expect(lean.sheets.map((s) => [s.name, s.values.length > 0])).toEqual([
      ['考评记录', true],
      [`${TEMP_SHEET_PREFIX}1`, false],
    ]);
  });
});
