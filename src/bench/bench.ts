/**
 * `npm run bench`: throughput figures, printed, never asserted.
 *   engine rows=<n> rows_per_s=<r>      parse + assess of a generated snapshot (1,000 / 10,000 / 100,000 rows)
 *   file-tool rows=<n> s=<cpu> bound_s=<b> ratio_to_bound=<r> rss_mb=<m>
 *                                       the command-line tool's CPU seconds and peak memory on a generated
 *                                       workbook, against the physical bound measured on the same file
 *                                       (scripts/bench-bound.js): 1,000 / 10,000 / 100,000 rows
 *   file-tool-floor rows=<n> s=<cpu> ratio_to_bound=<r>
 *                                       the least a tool on the same kept libraries must do for that file
 *                                       (scripts/bench-floor.js: load them, inflate and lex the sheet, the
 *                                       engine, deflate what the tool wrote), against the same bound
 *   office-syncs rows=<n> syncs=<s> bytes=<b> max_request_bytes=<m> max_actions=<a>
 *                                       Office.js round trips of one run on the fake Excel, as office.js
 *                                       serializes them (test/support/office-syncs.ts, loaded at run time)
 *   rollup files=<n> rows_per_file=<r> s=<t> per_file_ms=<x> rss_mb=<m>
 *                                       `assess rollup` in its own process (worker threads) on a folder of n
 *                                       generated branch workbooks of r rows each: wall seconds, per file, and
 *                                       the process's peak memory (100 and 300 files: flat in the files)
 *   render rows=<n> clean_s=<c> bad_s=<b> ratio=<b/c>   the renderer alone (results, ranking, warnings, issues,
 *                                       the printed tables) on 100,000 rows, clean and with 5 % bad rows
 *                                       (a text score each): linear, so the two stay close (target ≤ 1.5)
 *   cli rows=200000 producer=<p> wall_s=<w> cpu_s=<c> rss_mb=<m> load=<l>
 *                                       the command-line tool as a user runs it, in its own process, on the
 *                                       slowest realistic shape found (issue 17): a 200,000-row workbook saved by
 *                                       LibreOffice (verbose attributes on every row and cell, 168 MB of sheet
 *                                       XML, the score sheet the selected tab, so its part is rewritten).
 *                                       Without soffice on the PATH, the ExcelJS workbook with its tab selected
 *                                       (producer=exceljs-selected). Wall seconds, CPU seconds, peak memory, and
 *                                       the load average when it ran (other jobs on the machine show there).
 *   page rows=20000 open_s=<o> assess_s=<a> longest_task_ms=<l> cli_s=<c> tab_ms=<t>
 *                                       the workbook page (dist/, `npm run build` first) in headless Chromium with a
 *                                       fresh profile, on a generated 20,000-row workbook (1,000 groups): seconds
 *                                       from choosing the file to the pane, from 考评 to 考评完成, the longest
 *                                       main-thread task during both (PerformanceObserver 'longtask'; 0 when none
 *                                       passed 50 ms), the command-line tool's wall seconds on the same file, and
 *                                       the slowest tab switch (click to the next frame). test/support/browser/page-run.ts
 * Run a subset by name: `node dist/node/bench/bench.js engine office-syncs`. More lines: push to `benchmarks`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { assess } from '../domain/assess';
import { parseWorkbook } from '../workbook/parse';
import { renderPatch } from '../workbook/render';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { benchHeader, benchRows, benchSnapshot } from './data';
import { repoRoot, requireTs } from './ts-require';

export { benchHeader, benchRows, benchSnapshot };

export interface Benchmark {
  name: string;
  /** Runs and returns the lines to print. */
  run: (opts: { full: boolean }) => Promise<string[]>;
}

/** The generated workbook as an .xlsx file (ExcelJS); `groups`: that many Party groups (benchRows). */
export async function benchWorkbookFile(n: number, file: string, groups?: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考评记录');
  ws.addRow(benchHeader());
  for (const r of benchRows(n, groups)) ws.addRow(r as (string | number)[]);
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
        assess({ rubric: parsed.rubric, rules: parsed.rules, rows: parsed.rows, issues: parsed.issues, asOf: '2025-01-15' });
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
    run: async () => {
      const lines: string[] = [];
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-bench-'));
      const root = path.resolve(__dirname, '..', '..', '..');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { measureBound } = require(path.join(root, 'scripts', 'bench-bound.js')) as {
        measureBound: (o: { sheetRaw: Uint8Array; written: Uint8Array[]; assess: () => void; scratch: string }) => { seconds: number };
      };
      try {
        for (const n of [1000, 10000, 100000]) {
          const input = path.join(dir, `bench-${n}.xlsx`);
          const out = path.join(dir, `bench-${n}.assessed.xlsx`);
          await benchWorkbookFile(n, input);
          // The tool, as a user runs it: its own process, its CPU time and peak memory.
          const r = spawnSync(process.execPath, ['-r', path.join(root, 'scripts', 'bench-measure.js'), path.join(root, 'dist', 'node', 'cli', 'main.js'), input, '--out', out], {
            encoding: 'utf8',
            maxBuffer: 1 << 26,
          });
          const m = /PGA_MEASURE (\{.*\})/.exec(r.stderr);
          if (r.status !== 0 || !m) throw new Error(`file-tool bench: the tool failed: ${r.stderr.slice(-500)}`);
          const { cpuS, rssMb } = JSON.parse(m[1]) as { cpuS: number; rssMb: number };
          // The bound, on the same file: the score sheet as stored, the parts the tool wrote, the rows in memory.
          const inputZip = await JSZip.loadAsync(fs.readFileSync(input));
          const sheet = inputZip.file('xl/worksheets/sheet1.xml')! as unknown as { _data: { compressedContent: Uint8Array } };
          const outputZip = await JSZip.loadAsync(fs.readFileSync(out));
          const written: Uint8Array[] = [];
          for (const f of Object.values(outputZip.files)) {
            if (f.dir) continue;
            const data = await f.async('uint8array');
            const before = inputZip.file(f.name);
            if (!before || !Buffer.from(await before.async('uint8array')).equals(Buffer.from(data))) written.push(data);
          }
          const snapshot = benchSnapshot(n);
          const bound = measureBound({
            sheetRaw: sheet._data.compressedContent,
            written,
            // The engine on the rows in memory (parse + assess, as the engine line measures it).
            assess: () => {
              const parsed = parseWorkbook(snapshot);
              assess({ rubric: parsed.rubric, rules: parsed.rules, rows: parsed.rows, issues: parsed.issues, asOf: '2025-01-15' });
            },
            scratch: path.join(dir, 'bound.bin'),
          }).seconds;
          lines.push(`file-tool rows=${n} s=${fmt(cpuS, 2)} bound_s=${fmt(bound, 2)} ratio_to_bound=${fmt(cpuS / bound, 2)} rss_mb=${fmt(rssMb, 0)}`);
          // The floor of the kept libraries on the same file, in its own process (scripts/bench-floor.js).
          const writtenFile = path.join(dir, 'written.bin');
          fs.writeFileSync(writtenFile, Buffer.concat(written.flatMap((b) => [Buffer.from(Uint32Array.of(b.length).buffer), Buffer.from(b)])));
          const f = spawnSync(process.execPath, ['-r', path.join(root, 'scripts', 'bench-measure.js'), path.join(root, 'scripts', 'bench-floor.js'), input, writtenFile, String(n)], {
            encoding: 'utf8',
          });
          const fm = /PGA_MEASURE (\{.*\})/.exec(f.stderr);
          if (f.status !== 0 || !fm) throw new Error(`file-tool bench: the floor failed: ${f.stderr.slice(-500)}`);
          const floor = (JSON.parse(fm[1]) as { cpuS: number }).cpuS;
          lines.push(`file-tool-floor rows=${n} s=${fmt(floor, 2)} ratio_to_bound=${fmt(floor / bound, 2)}`);
          fs.rmSync(out, { force: true });
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      return lines;
    },
  },
  {
    name: 'cli',
    run: async () => {
      const n = 200_000;
      const root = path.resolve(__dirname, '..', '..', '..');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-bench-cli-'));
      try {
        // The score sheet is the selected tab, as Excel and LibreOffice save it.
        const made = path.join(dir, 'made.xlsx');
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('考评记录', { views: [{ state: 'normal', tabSelected: true } as unknown as ExcelJS.WorksheetView] });
        ws.addRow(benchHeader());
        for (const r of benchRows(n)) ws.addRow(r as (string | number)[]);
        await wb.xlsx.writeFile(made);
        let input = made;
        let producer = 'exceljs-selected';
        const profile = path.join(dir, 'lo-profile');
        const lo = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx:Calc Office Open XML', '--outdir', path.join(dir, 'lo'), made], {
          encoding: 'utf8',
        });
        if (lo.status === 0 && fs.existsSync(path.join(dir, 'lo', 'made.xlsx'))) {
          input = path.join(dir, 'lo', 'made.xlsx');
          producer = 'libreoffice';
        }
        const t0 = process.hrtime.bigint();
        const r = spawnSync(process.execPath, ['-r', path.join(root, 'scripts', 'bench-measure.js'), path.join(root, 'dist', 'node', 'cli', 'main.js'), input, '--out', path.join(dir, 'out.xlsx')], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        });
        const wall = Number(process.hrtime.bigint() - t0) / 1e9;
        const m = /PGA_MEASURE (\{.*\})/.exec(r.stderr);
        if (r.status !== 0 || !m) throw new Error(`cli bench: the tool failed: ${r.stderr.slice(-500)}`);
        const { cpuS, rssMb } = JSON.parse(m[1]) as { cpuS: number; rssMb: number };
        return [`cli rows=${n} producer=${producer} wall_s=${fmt(wall, 1)} cpu_s=${fmt(cpuS, 1)} rss_mb=${fmt(rssMb, 0)} load=${fmt(os.loadavg()[0], 1)}`];
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'render',
    run: async () => {
      const n = 100_000;
      const prepare = (bad: boolean) => {
        const snap = benchSnapshot(n);
        // 5 % of the rows carry a text score: one data issue each, not graded.
        if (bad) for (let r = 1; r < snap.sheets[0].values.length; r += 20) snap.sheets[0].values[r][5] = '优';
        const parsed = parseWorkbook(snap);
        const result = assess({ rubric: parsed.rubric, rules: parsed.rules, rows: parsed.rows, issues: parsed.issues, asOf: '2025-01-15' });
        return { snap, result };
      };
      const time = ({ snap, result }: ReturnType<typeof prepare>): number => {
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          const t0 = process.hrtime.bigint();
          renderPatch(result, snap, { lang: 'zh-CN', runAt: '2025-01-15T09:00:00+08:00', fingerprint: 'bench' });
          best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
        }
        return best;
      };
      const clean = time(prepare(false));
      const bad = time(prepare(true));
      return [`render rows=${n} clean_s=${fmt(clean, 2)} bad_s=${fmt(bad, 2)} ratio=${fmt(bad / clean, 2)}`];
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
  {
    name: 'rollup',
    run: async () => {
      const lines: string[] = [];
      const rows = 50;
      const root = path.resolve(__dirname, '..', '..', '..');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-bench-rollup-'));
      try {
        const folder = path.join(dir, 'branches');
        fs.mkdirSync(folder);
        let made = 0;
        for (const n of [100, 300]) {
          // Each branch its own workbook: the generated long table and a rules sheet naming the branch.
          for (; made < n; made++) {
            const wb = new ExcelJS.Workbook();
            const ws = wb.addWorksheet('考评记录');
            ws.addRow(benchHeader());
            for (const r of benchRows(rows)) ws.addRow(r as (string | number)[]);
            const rules = wb.addWorksheet('考评规则');
            rules.addRow(['项目', '设定值']);
            rules.addRow(['单位名称', `第${made + 1}党支部`]);
            await wb.xlsx.writeFile(path.join(folder, `${String(made + 1).padStart(3, '0')}.xlsx`));
          }
          const out = path.join(dir, `rollup-${n}.xlsx`);
          const t0 = process.hrtime.bigint();
          const r = spawnSync(process.execPath, ['-r', path.join(root, 'scripts', 'bench-measure.js'), path.join(root, 'dist', 'node', 'cli', 'main.js'), 'rollup', folder, '--out', out], {
            encoding: 'utf8',
            maxBuffer: 1 << 26,
          });
          const s = Number(process.hrtime.bigint() - t0) / 1e9;
          const m = /PGA_MEASURE (\{.*\})/.exec(r.stderr);
          if (r.status !== 0 || !m) throw new Error(`rollup bench: the tool failed: ${r.stderr.slice(-500)}`);
          const { rssMb } = JSON.parse(m[1]) as { rssMb: number };
          lines.push(`rollup files=${n} rows_per_file=${rows} s=${fmt(s, 2)} per_file_ms=${fmt((s * 1000) / n, 1)} rss_mb=${fmt(rssMb, 0)}`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      return lines;
    },
  },
];

benchmarks.push({
  name: 'page',
  run: async () => {
    const root = repoRoot();
    const dist = path.join(root, 'dist');
    if (!fs.existsSync(path.join(dist, 'workbook.html'))) throw new Error('page bench: no dist/workbook.html — run `npm run build` first');
    // The browser and its driver are test support (playwright-core, a dev dependency), loaded at run time.
    const { runPage } = requireTs<{
      runPage(dist: string, file: string): Promise<{ openS: number; assessS: number; openTasks: { duration: number }[]; assessTasks: { duration: number }[]; tabMs: number[] }>;
    }>(path.join(root, 'test', 'support', 'browser', 'page-run.ts'));
    const n = 20000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-bench-page-'));
    try {
      const input = path.join(dir, `bench-${n}.xlsx`);
      await benchWorkbookFile(n, input, 1000);
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [path.join(root, 'dist', 'node', 'cli', 'main.js'), input, '--out', path.join(dir, 'out.xlsx')], { encoding: 'utf8' });
      const cliS = Number(process.hrtime.bigint() - t0) / 1e9;
      if (r.status !== 0) throw new Error(`page bench: the tool failed: ${r.stderr.slice(-500)}`);
      const run = await runPage(dist, input);
      const longest = Math.max(0, ...run.openTasks.map((t) => t.duration), ...run.assessTasks.map((t) => t.duration));
      return [
        `page rows=${n} open_s=${fmt(run.openS, 2)} assess_s=${fmt(run.assessS, 2)} longest_task_ms=${fmt(longest, 0)} cli_s=${fmt(cliS, 2)} tab_ms=${fmt(Math.max(...run.tabMs), 0)}`,
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
});

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
