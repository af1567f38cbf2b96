/**
 * Properties of the whole use case (read → parse → assess → render → write) over generated workbooks:
 * nothing dropped, nothing crashes, and a second run on the output changes nothing but the run time.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { assessWorkbook } from '../src/app/assessWorkbook';
import { ReportSchema } from '../src/app/report';
import { AssessError } from '../src/domain/errors';
import { patchXlsx } from '../src/hosts/file/write';
import type { CellValue, WorkbookPatch, WorkbookSnapshot } from '../src/workbook/snapshot';
import type { WorkbookHost } from '../src/app/ports';
import { LONG_HEADER } from './support/xlsx';
import { describeError } from '../src/i18n/errors';

jest.setTimeout(120_000);

/** An in-memory host: the snapshot is the workbook; a patch replaces whole sheets, as the real hosts do. */
class MemoryHost implements WorkbookHost {
  constructor(public snapshot: WorkbookSnapshot) {}
  async read(): Promise<WorkbookSnapshot> {
    return structuredClone(this.snapshot);
  }
  async write(patch: WorkbookPatch): Promise<void> {
    const drop = new Set([...patch.deleteSheets, ...patch.sheets.map((s) => s.name)]);
    this.snapshot = {
      sheets: [
        ...this.snapshot.sheets.filter((s) => !drop.has(s.name)),
        ...patch.sheets.map((s) => ({
          name: s.name,
          values: s.values.map((row) => row.map((v) => (v === '' ? null : v))),
          merges: [...s.merges],
          visibility: s.visibility,
          ...(s.owned ? { marked: true } : {}),
        })),
      ],
    };
  }
}

// ───────────── generators ─────────────

const groupName = fc.oneof(
  fc.constantFrom('城东供电所党小组', '城西供电所党小组', '线路运维一班党小组', '带电作业班党小组', '=HYPERLINK("http://x","y")', ' 综合管理党小组 '),
  fc.integer({ min: 1, max: 40 }).map((n) => `第${n}党小组`),
);
const scoreCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }).map((x) => x / 2) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('９', '8分', ' 7 ', '优', '#N/A', '-1', '10.005') },
  { weight: 1, arbitrary: fc.constant({ error: '#DIV/0!' }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, min: -1e6, max: 1e6 }) },
);
const yearCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 2022, max: 2025 }) },
  { weight: 1, arbitrary: fc.constantFrom('2024年', '二〇二四', null, 1999, 'abc') },
);
const halfCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('上半年', '下半年', 'H1', 'H2', 1, 2, '上', '下') },
  { weight: 1, arbitrary: fc.constantFrom('第三季度', null, 3) },
);
const dataRow: fc.Arbitrary<CellValue[]> = fc
  .tuple(yearCell, halfCell, groupName, fc.array(scoreCell, { minLength: 12, maxLength: 12 }), fc.option(fc.constantFrom('备注', '新成立'), { nil: null }))
  .map(([y, h, g, s, n]) => [y, h, g, '组长', '支委', ...s, n]);

/** A long table: header row then generated rows, with some entirely empty rows mixed in. */
const longTable = fc.array(fc.oneof({ weight: 9, arbitrary: dataRow }, { weight: 1, arbitrary: fc.constant([] as CellValue[]) }), {
  minLength: 1,
  maxLength: 40,
});

const snapshotOf = (rows: CellValue[][]): WorkbookSnapshot => ({
  sheets: [{ name: '考评记录', values: [LONG_HEADER, ...rows], merges: [], visibility: 'visible' }],
});

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('党小组', '年度', '半年度', '考评期', '1.政治理论学习', '合计', '一票否决', '2024年上半年', '填表人：'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom({ error: '#N/A' }, { error: '#REF!' }),
);
const sheetName = fc.constantFrom('Sheet1', '考评记录', '2024年上半年', '2024-H2', '考评规则', '考评细则', '考评结果', '数据', 'Rules');
const anyWorkbook: fc.Arbitrary<WorkbookSnapshot> = fc
  .uniqueArray(
    fc.record({
      name: sheetName,
      values: fc.array(fc.array(anyCell, { maxLength: 20 }), { maxLength: 12 }),
    }),
    { minLength: 1, maxLength: 3, selector: (s) => s.name },
  )
  .map((sheets) => ({ sheets: sheets.map((s) => ({ ...s, merges: [], visibility: 'visible' as const })) }));

const NOW = () => new Date('2026-01-08T09:00:00Z');

// ───────────── properties ─────────────

test('every non-empty input row is in the report exactly once', async () => {
  await fc.assert(
    fc.asyncProperty(longTable, async (rows) => {
      const host = new MemoryHost(snapshotOf(rows));
      const { report } = await assessWorkbook(host, { now: NOW });
      ReportSchema.parse(report);
      const expected = rows.map((r, i) => (r.length ? `考评记录!C${i + 2}` : null)).filter((x): x is string => x !== null);
      const got = report.assessments.map((a) => a.source).sort();
      expect(got).toEqual([...expected].sort());
      // A graded row has a total and a band; a row that is not graded says why (an issue on its row).
      for (const a of report.assessments) {
        if (a.status === 'graded') expect(a.total !== null && a.band !== null).toBe(true);
        if (a.status === 'not_graded') {
          const rowNo = /\d+$/.exec(a.source)![0];
          expect(report.issues.some((i) => new RegExp(`^考评记录![A-Z]+${rowNo}$`).test(i.cell))).toBe(true);
        }
      }
    }),
    { numRuns: 60 },
  );
});

test('arbitrary cell values never crash the run: it assesses, or stops with a configuration error', async () => {
  await fc.assert(
    fc.asyncProperty(anyWorkbook, async (snap) => {
      const host = new MemoryHost(snap);
      try {
        const { patch, report } = await assessWorkbook(host, { now: NOW });
        ReportSchema.parse(report);
        // The patch is also writable by the file host, and ExcelJS reads the result back.
        const wb = new ExcelJS.Workbook();
        for (const s of snap.sheets) wb.addWorksheet(s.name);
        const out = await patchXlsx(Buffer.from(await wb.xlsx.writeBuffer()), patch, new Set());
        const back = new ExcelJS.Workbook();
        await back.xlsx.load(out as unknown as ArrayBuffer);
        expect(back.worksheets.map((w) => w.name)).toEqual([...snap.sheets.map((s) => s.name), ...patch.sheets.map((s) => s.name)]);
      } catch (e) {
        if (!(e instanceof AssessError)) throw e;
        expect(e.kind).toBe('config');
        expect(describeError(e, 'zh-CN')).not.toContain('\n');
        // A failed run writes nothing.
        expect(host.snapshot).toEqual(snap);
      }
    }),
    { numRuns: 150 },
  );
});

test('a second run on the output changes nothing (same run time)', async () => {
  await fc.assert(
    fc.asyncProperty(longTable, fc.constantFrom<'zh-CN' | 'en-US' | null>(null, 'zh-CN', 'en-US'), async (rows, lang) => {
      const host = new MemoryHost(snapshotOf(rows));
      const first = await assessWorkbook(host, { now: NOW, lang });
      const afterFirst = structuredClone(host.snapshot);
      const second = await assessWorkbook(host, { now: NOW, lang });
      expect(second.patch.sheets).toEqual(first.patch.sheets);
      expect(second.patch.deleteSheets).toEqual([]);
      expect(host.snapshot).toEqual(afterFirst);
      expect(JSON.stringify(second.report)).toBe(JSON.stringify(first.report));
    }),
    { numRuns: 40 },
  );
});
