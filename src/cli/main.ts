#!/usr/bin/env node
/**
 * The command-line tool (SPEC §5):
 *   assess <workbook.xlsx> [--out FILE] [--json FILE] [--lang zh-CN|en-US] [--as-of YYYY-MM-DD]
 *   assess template <file.xlsx> [--lang …] [--force]     (also: --template <file>)
 *   assess demo [--lang …]
 *   assess rollup <folder or workbook…> --out 汇总.xlsx [--json FILE|-] [--lang …] [--as-of …] [--force]   (rollup.ts)
 * Exit 0 when assessed; 2 for usage errors, unreadable files, invalid rubric/rules (one line on stderr,
 * naming the file or sheet and cell and saying what to do); 1 for anything unexpected.
 * The input file is never written: the output goes to a temp file in the output's folder, then renamed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assessWorkbook } from '../app/assessWorkbook';
import type { AssessOutcome, Stage } from '../app/assessWorkbook';
import type { PrintPeriod } from '../workbook/print';
import { AssessError } from '../domain/errors';
import type { BandCode, Lang } from '../domain/types';
import { BAND_CODES } from '../domain/bands';
import { t } from '../i18n';
import { CLI_ERR, PROGRESS, PROGRESS_DONE, PROGRESS_ROWS, SUMMARY, USAGE, CLI_CODES } from '../i18n/cli';
import { BAND, periodLabel } from '../i18n/domain';
import { FileHost } from '../hosts/file/host';
import { atomicWrite, checkOutputPath, openWorkbookFile, saveWorkbookFile } from '../hosts/file/node';
import { templatePatch } from '../workbook/template';
import type { CliArgs } from './args';
import { parseArgs, peekLang } from './args';
import { runRollup } from './rollup';
import { describeError, oneLine } from '../i18n/errors';
import { FILE_CODES } from '../i18n/file';

/** Inputs above these sizes get progress lines on stderr. */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;
export const LARGE_ROWS = 5000;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Raw text to standard error when it is a terminal (the roll-up's progress bar); absent otherwise. */
  bar?: (text: string) => void;
  /** The terminal's width. */
  columns?: number;
}

const defaultIo: Io = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  ...(process.stderr.isTTY ? { bar: (s: string) => void process.stderr.write(s), columns: process.stderr.columns } : {}),
};

/** `<dir>/<name>.assessed.xlsx` beside the input (`.xlsm` for a macro-enabled input, whose macros are kept). */
export function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(xlsx|xlsm|xls)$/i, '');
  return path.join(dir, `${base}.assessed${macroEnabled(input) ? '.xlsm' : '.xlsx'}`);
}

function macroEnabled(file: string): boolean {
  return path.extname(file).toLowerCase() === '.xlsm';
}

function sameFile(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

function checkInput(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new AssessError('file', CLI_CODES.notFound, {}, file);
  }
  if (st.isDirectory()) throw new AssessError('file', CLI_CODES.notAFile, {}, file);
}

/** The summary printed on stdout: bands of the latest graded period, warning and issue counts. */
export function summaryLines(o: AssessOutcome, lang: Lang, input: string): string[] {
  const lines = [t(lang, SUMMARY.assessed, { file: input })];
  const graded = o.result.assessments.filter((a) => a.status === 'graded' && a.row.period);
  if (graded.length === 0) lines.push(t(lang, SUMMARY.noGraded));
  else {
    let latest = graded[0].row.period!;
    for (const a of graded) {
      const p = a.row.period!;
      if (p.year > latest.year || (p.year === latest.year && p.half > latest.half)) latest = p;
    }
    const counts = new Map<BandCode, number>();
    for (const a of graded) {
      if (a.row.period!.year === latest.year && a.row.period!.half === latest.half && a.band) {
        counts.set(a.band, (counts.get(a.band) ?? 0) + 1);
      }
    }
    const sep = lang === 'en-US' ? ', ' : '、';
    const bands = BAND_CODES.map((b) => t(lang, SUMMARY.bandCount, { band: t(lang, BAND[b]), n: counts.get(b) ?? 0 })).join(sep);
    lines.push(t(lang, SUMMARY.latest, { period: periodLabel(lang, latest), bands }));
  }
  lines.push(
    t(lang, SUMMARY.counts, {
      rows: o.result.assessments.length,
      warnings: o.result.warnings.length,
      open: o.result.warnings.filter((w) => w.status === 'open').length,
      overdue: o.result.warnings.filter((w) => w.status === 'overdue').length,
      closed: o.result.warnings.filter((w) => w.status === 'closed').length,
      issues: o.result.issues.length,
    }),
  );
  // What could not be kept as the user left it (ledger formulas, merged cells, a sheet kept as the user's).
  for (const n of o.notes ?? []) lines.push(t(lang, n.msg, n.params));
  return lines;
}

interface AssessFileOptions {
  input: string;
  out: string;
  /** The JSON report's file, '-' for standard output, or null. */
  json: string | null;
  lang: Lang | null;
  /** --as-of: the date rectification statuses are judged on; null: today. */
  asOf?: string | null;
  /** --period: the period whose official tables to produce; null: the latest. */
  printPeriod?: PrintPeriod | null;
  io: Io;
}

/** Assess one file: the CLI's main path. Returns the outcome and the language used. */
export async function assessFile(o: AssessFileOptions): Promise<{ outcome: AssessOutcome; lang: Lang }> {
  const { input, io } = o;
  const msgLang: Lang = o.lang ?? 'zh-CN';
  checkInput(input);
  const jsonFile = o.json && o.json !== '-' ? o.json : null;
  if (sameFile(input, o.out) || (jsonFile && sameFile(input, jsonFile))) {
    throw new AssessError('usage', CLI_CODES.outIsInput, {}, o.out);
  }
  if (jsonFile && sameFile(o.out, jsonFile)) throw new AssessError('usage', FILE_CODES.jsonIsOut, {}, jsonFile);
  // The assessed copy is the input's package with sheets added: a macro workbook stays one (.xlsm), and
  // the output is a workbook (.xlsx or .xlsm, never .csv or anything else).
  const outExt = path.extname(o.out).toLowerCase();
  if (/\.xls[xm]$/i.test(input) && (macroEnabled(input) !== macroEnabled(o.out) || (outExt !== '.xlsx' && outExt !== '.xlsm'))) {
    throw new AssessError('usage', CLI_CODES.outExtension, { ext: macroEnabled(input) ? '.xlsm' : '.xlsx' }, o.out);
  }
  // Both outputs are checked before anything is written, so a bad --json path leaves no half result.
  checkOutputPath(o.out);
  if (jsonFile) checkOutputPath(jsonFile);
  let large = fs.statSync(input).size > LARGE_FILE_BYTES;
  const started = new Map<string, number>();
  const say = (stage: Stage | 'save', done: boolean) => {
    if (!large) return;
    if (!done) {
      started.set(stage, Date.now());
      io.err(t(msgLang, PROGRESS[stage]));
    } else {
      const seconds = ((Date.now() - (started.get(stage) ?? Date.now())) / 1000).toFixed(1);
      io.err(t(msgLang, PROGRESS_DONE, { step: t(msgLang, PROGRESS[stage]).replace(/[…．.]+$/, ''), seconds }));
    }
  };

  if (large) say('read', false);
  // The last run's outputs are rewritten whole: only their names, marks and the ledger are read.
  const host = await openWorkbookFile(input, undefined, { outputs: false });
  const snap = await host.read();
  host.reads = 0; // the use case's own read is the one that counts
  const rows = snap.sheets.reduce((n, s) => n + s.values.length, 0);
  if (large) say('read', true);
  else if (rows > LARGE_ROWS) {
    large = true;
    io.err(t(msgLang, PROGRESS_ROWS, { rows }));
  }

  let outcome: AssessOutcome;
  try {
    outcome = await assessWorkbook(host, {
      lang: o.lang,
      asOf: o.asOf ?? undefined,
      printPeriod: o.printPeriod ?? null,
      onProgress: (stage, done) => {
        if (stage !== 'read') say(stage, done);
      },
    });
  } catch (e) {
    // A configuration error names the file too, before its sheet and cell when it has them.
    if (e instanceof AssessError && e.kind === 'config') throw new AssessError(e.kind, e.code, e.params, e.where ? `${input} ${e.where}` : input, e.inner);
    throw e;
  }
  say('save', false);
  await saveWorkbookFile(host, o.out);
  if (o.json) {
    const text = JSON.stringify(outcome.report, null, 2) + '\n';
    if (jsonFile) await atomicWrite(jsonFile, async (tmp) => fs.writeFileSync(tmp, text, 'utf8'));
    else io.out(text.replace(/\n$/, ''));
  }
  say('save', true);
  return { outcome, lang: outcome.lang };
}

async function runAssess(args: CliArgs, io: Io): Promise<number> {
  const input = args.file!;
  const out = args.out ?? defaultOutput(input);
  // With the report on standard output (--json -), the summary goes to standard error.
  const summary: Io = args.json === '-' ? { out: io.err, err: io.err } : io;
  const { outcome, lang } = await assessFile({ input, out, json: args.json, lang: args.lang, asOf: args.asOf, printPeriod: args.printPeriod, io: { out: io.out, err: io.err } });
  for (const l of summaryLines(outcome, lang, input)) summary.out(l);
  summary.out(t(lang, SUMMARY.wrote, { file: out }));
  if (args.json && args.json !== '-') summary.out(t(lang, SUMMARY.wroteJson, { file: args.json }));
  return 0;
}

async function runTemplate(args: CliArgs, io: Io): Promise<number> {
  const file = args.file!;
  const lang: Lang = args.lang ?? 'zh-CN';
  if (fs.existsSync(file) && !args.force) throw new AssessError('usage', CLI_CODES.templateExists, {}, file);
  const host = FileHost.empty();
  await host.write(templatePatch(lang));
  await saveWorkbookFile(host, file);
  io.out(t(lang, SUMMARY.template, { file }));
  return 0;
}

/** The sample workbook shipped with the tool (assets/sample.xlsx, two levels above dist/node/cli). */
export function sampleWorkbookPath(): string {
  const candidates = [
    path.resolve(__dirname, '../../../assets/sample.xlsx'),
    path.resolve(__dirname, '../../assets/sample.xlsx'),
    path.resolve(process.cwd(), 'assets/sample.xlsx'),
  ];
  return candidates.find((p) => fs.existsSync(p)) ?? candidates[0];
}

async function runDemo(args: CliArgs, io: Io): Promise<number> {
  const lang: Lang = args.lang ?? 'zh-CN';
  const sample = sampleWorkbookPath();
  if (!fs.existsSync(sample)) throw new AssessError('file', CLI_CODES.demoMissing, {}, sample);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-demo-'));
  const input = path.join(dir, 'sample.xlsx');
  fs.copyFileSync(sample, input);
  const out = path.join(dir, 'sample.assessed.xlsx');
  const json = path.join(dir, 'sample.report.json');
  io.out(t(lang, SUMMARY.demoDir, { dir }));
  const r = await assessFile({ input, out, json, lang: args.lang, io });
  for (const l of summaryLines(r.outcome, r.lang, input)) io.out(l);
  io.out(t(r.lang, SUMMARY.wrote, { file: out }));
  io.out(t(r.lang, SUMMARY.wroteJson, { file: json }));
  return 0;
}

/** Run the tool; returns the exit code. Never throws. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let lang: Lang = peekLang(argv) ?? 'zh-CN';
  try {
    const args = parseArgs(argv);
    lang = args.lang ?? lang;
    switch (args.command) {
      case 'help':
        io.out(t(lang, USAGE));
        return 0;
      case 'template':
        return await runTemplate(args, io);
      case 'demo':
        return await runDemo(args, io);
      case 'rollup':
        return await runRollup(args, io);
      default:
        return await runAssess(args, io);
    }
  } catch (e) {
    if (e instanceof AssessError && e.kind !== 'host') {
      io.err(oneLine(describeError(e, lang)));
      return 2;
    }
    const reason = describeError(e, lang);
    io.err(oneLine(t(lang, CLI_ERR.unexpected, { reason })));
    if (process.env.PGA_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return 1;
  }
}


if (require.main === module) {
  // `assess … | head` closes the pipe early: the run still completes, its summary is simply cut short.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 1;
    },
  );
}
