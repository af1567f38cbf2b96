/**
 * The generated workbook of the benchmarks (and of tests that want many rows): a long table, one sheet, one row per
 * group and period. Kept apart from bench.ts so that a measurement can build it without loading ExcelJS.
 */
import { DEFAULT_RUBRIC } from '../domain/rubric';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';

/** Header of the generated long table: one sheet, one row per group and period. */
export function benchHeader(): string[] {
  return ['年度', '半年度', '党小组', '党小组长', '联系支委', ...DEFAULT_RUBRIC.items.map((i) => `${i.code}.${i.name}`), '合计'];
}

/** Deterministic pseudo-random scores (a small LCG), so runs are comparable. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

/**
 * Rows of a long table: `n` score rows over up to 202 periods (2000–2100) and as many groups as needed; or,
 * with `groups`, that many Party groups over as many half-years as the rows fill (20,000 rows of 1,000 groups:
 * ten years, the shape of issue 18's large branch).
 */
export function benchRows(n: number, groups?: number): CellValue[][] {
  const rand = lcg(n);
  const periods = groups ? Math.ceil(n / groups) : Math.min(202, Math.max(2, Math.ceil(Math.sqrt(n / 2)) * 2));
  const perPeriod = groups ?? Math.ceil(n / periods);
  const rows: CellValue[][] = [];
  for (let p = 0; p < periods && rows.length < n; p++) {
    const year = 2000 + Math.floor(p / 2);
    const half = p % 2 === 0 ? '上半年' : '下半年';
    for (let g = 0; g < perPeriod && rows.length < n; g++) {
      const scores = DEFAULT_RUBRIC.items.map((i) => Math.round(((i.max / 100) * (0.78 + rand() * 0.22)) * 2) / 2);
      const total = scores.reduce((s, x) => s + x * 100, 0) / 100;
      rows.push([year, half, `第${g + 1}党小组`, `组长${g + 1}`, `支委${(g % 5) + 1}`, ...scores, total]);
    }
  }
  return rows;
}

export function benchSnapshot(n: number): WorkbookSnapshot {
  return { sheets: [{ name: '考评记录', values: [benchHeader(), ...benchRows(n)], merges: [], visibility: 'visible' }] };
}
