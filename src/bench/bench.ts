/**
 * `npm run bench`: throughput figures, printed, never asserted.
 *   engine rows=<n> rows_per_s=<r>      parse + assess of a generated snapshot (1,000 / 10,000 / 100,000 rows)
 *   file-tool rows=<n> ratio=<x>        end-to-end file tool time ÷ ExcelJS merely reading and writing
 *                                       the same workbook (1,000 / 10,000 rows; 100,000 with --full)
 *   office-syncs rows=<n> syncs=<s> bytes=<b> max_request_bytes=<m> max_actions=<a>
 *                                       Office.js round trips of one run on the fake Excel, as office.js
 *                                       serializes them (test/support/office-syncs.ts, loaded at run time)
 * Run a subset by name: `node dist/node/bench/bench.js engine office-syncs`. More lines: push to `benchmarks`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { assess } from '../domain/assess';
import { DEFAULT_RUBRIC } from '../domain/rubric';
import { parseWorkbook } from '../workbook/parse';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import { assessFile } from '../cli/main';
import { repoRoot, requireTs } from './ts-require';

export interface Benchmark {
  name: string;
  /** Runs and returns the lines to print. */
  run: (opts: { full: boolean }) => Promise<string[]>;
}

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

/** Rows of a long table: `n` score rows over up to 202 periods (2000–2100) and as many groups as needed. */
export function benchRows(n: number): CellValue[][] {
  const rand = lcg(n);
  const periods = Math.min(202, Math.max(2, Math.ceil(Math.sqrt(n / 2)) * 2));
  const groups = Math.ceil(n / periods);
  const rows: CellValue[][] = [];
  for (let p = 0; p < periods && rows.length < n; p++) {
    const year = 2000 + Math.floor(p / 2);
    const half = p % 2 === 0 ? '上半年' : '下半年';
    for (let g = 0; g < groups && rows.length < n; g++) {
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

export async function benchWorkbookFile(n: number, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考评记录');
  ws.addRow(benchHeader());
  for (const r of benchRows(n)) ws.addRow(r as (string | number)[]);
  await wb.xlsx.writeFile(file);
}

function fmt(x: number, digits: number): string {
  return x.toFixed(digits);
}

export const benchmarks: Benchmark[] = [
  {
    name: 'engine',
    run: async () => {
      const lines: string[] = [];
      const once = (snap: WorkbookSnapshot): number => {
        const t0 = process.hrtime.bigint();
        const parsed = parseWorkbook(snap);
        assess({ rubric: parsed.rubric, rules: parsed.rules, rows: parsed.rows, issues: parsed.issues });
        return Number(process.hrtime.bigint() - t0) / 1e9;
      };
      // Steady-state throughput: warm the JIT up, then take the best of several runs.
      const warm = benchSnapshot(5000);
      for (let i = 0; i < 5; i++) once(warm);
      for (const n of [1000, 10000, 100000]) {
        const snap = benchSnapshot(n);
        let s = Infinity;
        for (let i = 0; i < (n <= 10000 ? 10 : 3); i++) s = Math.min(s, once(snap));
        lines.push(`engine rows=${n} rows_per_s=${fmt(n / s, 0)}`);
      }
      return lines;
    },
  },
  {
    name: 'file-tool',
    run: async ({ full }) => {
      const lines: string[] = [];
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-bench-'));
      try {
        for (const n of full ? [1000, 10000, 100000] : [1000, 10000]) {
          const input = path.join(dir, `bench-${n}.xlsx`);
          await benchWorkbookFile(n, input);
          // Baseline: ExcelJS reads the workbook and writes it back.
          const t0 = process.hrtime.bigint();
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(input);
          await wb.xlsx.writeFile(path.join(dir, `copy-${n}.xlsx`));
          const base = Number(process.hrtime.bigint() - t0) / 1e9;
          // The file tool end to end (read, parse, assess, render, write, save).
          const t1 = process.hrtime.bigint();
          await assessFile({
            input,
            out: path.join(dir, `bench-${n}.assessed.xlsx`),
            json: null,
            lang: 'zh-CN',
            io: { out: () => undefined, err: () => undefined },
          });
          const tool = Number(process.hrtime.bigint() - t1) / 1e9;
          // Second baseline: ExcelJS reading and writing the assessed workbook itself (inputs + the four outputs,
          // about twice the cells of the input), i.e. the cost of the I/O alone for what the tool produces.
          const t2 = process.hrtime.bigint();
          const out = new ExcelJS.Workbook();
          await out.xlsx.readFile(path.join(dir, `bench-${n}.assessed.xlsx`));
          await out.xlsx.writeFile(path.join(dir, `copy-out-${n}.xlsx`));
          const baseOut = Number(process.hrtime.bigint() - t2) / 1e9;
          lines.push(
            `file-tool rows=${n} ratio=${fmt(tool / base, 2)} tool_s=${fmt(tool, 2)} exceljs_s=${fmt(base, 2)} ` +
              `ratio_vs_output_io=${fmt(tool / baseOut, 2)} exceljs_output_s=${fmt(baseOut, 2)}`,
          );
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      return lines;
    },
  },
  {
    name: 'office-syncs',
    run: async () => {
      // The fake Excel and office.js's serializer live in test/support, never in dist/node.
      const { runOfficeSyncs } = requireTs<{
        runOfficeSyncs(make: (rows: number) => WorkbookSnapshot, opts: { print?: boolean }): Promise<string[]>;
      }>(
        path.join(repoRoot(), 'test', 'support', 'office-syncs.ts'),
      );
      return runOfficeSyncs(benchSnapshot, { print: false });
    },
  },
];

export async function runBenchmarks(argv: string[] = process.argv.slice(2)): Promise<void> {
  const full = argv.includes('--full');
  const only = argv.filter((a) => !a.startsWith('--'));
  for (const b of benchmarks) {
    if (only.length && !only.includes(b.name)) continue;
    for (const line of await b.run({ full })) console.log(line);
  }
}

if (require.main === module) {
  runBenchmarks().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
