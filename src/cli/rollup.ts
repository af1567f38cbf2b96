/**
 * `assess rollup <folder or workbook…> --out 汇总.xlsx [--json FILE|-] [--unit 党委名称] [--lang …] [--as-of …] [--force]`:
 * the 党委's summary of many branches' workbooks in one Node process. The workbooks are found
 * (rollup-files.ts), summarized concurrently on worker threads, combined and written as one summary
 * workbook by the browser-safe core (src/rollup). The branches' workbooks are never written. When --out is
 * an earlier summary, the 督办意见 typed into its 整改督办 are carried into the new one.
 *
 * Exit 0 when the summary was written (unreadable files are listed in it, and on stderr); 2 for usage
 * errors, or when no file could be read (nothing is written then).
 */
import * as fs from 'fs';
import * as path from 'path';
import { localDate, localIso } from '../app/clock';
import { AssessError } from '../domain/errors';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { ROLLUP_CLI, ROLLUP_CODES } from '../i18n/rollup';
import { FileHost } from '../hosts/file/host';
import { atomicWrite, checkOutputPath } from '../hosts/file/node';
import { finishRollup } from '../rollup';
import { rollupLines } from '../rollup/lines';
import type { FileSummary } from '../rollup/summary';
import { isRollupWorkbook } from '../rollup/summary';
import type { OpinionRow } from '../rollup/opinions';
import { readOpinions } from '../rollup/opinions';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { CliArgs } from './args';
import { RollupProgress, findWorkbooks, summarizeFiles } from './rollup-files';
import { FILE_CODES } from '../i18n/file';

export interface RollupIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Raw text to a terminal on standard error, for the progress bar; absent when stderr is not a terminal. */
  bar?: (text: string) => void;
  columns?: number;
}

export interface RollupRunOptions {
  now?: () => Date;
  /** Worker threads (0: none); default one per core. */
  workers?: number;
  /** Milliseconds, for the progress bar's clock. */
  clock?: () => number;
}

/** Device and inode (shared by links, hard links and case variants of one name); null when absent or unknown. */
function fileId(p: string): string | null {
  try {
    const st = fs.statSync(p, { bigint: true });
    return st.ino === BigInt(0) ? null : `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** Does the file system holding this existing path ignore case? A case-flipped name of it names the same file. */
function ignoresCase(existing: string): boolean {
  const flipped = existing.replace(/[a-zA-Z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
  if (flipped === existing) return false;
  const id = fileId(existing);
  return id !== null && fileId(flipped) === id;
}

/**
 * The path with links resolved (the longest existing part through fs.realpathSync, the rest as typed),
 * case-folded where that file system ignores case: two names of one file give the same text.
 */
function canonical(p: string): string {
  let head = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      const real = fs.realpathSync(head);
      const full = path.join(real, ...rest);
      return ignoresCase(real) ? full.toLowerCase() : full;
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return path.resolve(p);
      rest.unshift(path.basename(head));
      head = parent;
    }
  }
}

/** A test for paths naming the file `a` names (links resolved, case ignored where the file system does, hard links too). */
function namesFile(a: string): (b: string) => boolean {
  const key = canonical(a);
  const id = fileId(a);
  return (b) => canonical(b) === key || (id !== null && fileId(b) === id);
}

function sameFile(a: string, b: string): boolean {
  return namesFile(a)(b);
}

/**
 * What is at --out: an earlier roll-up summary (replaced without --force), with the 督办意见 typed into it
 * to carry into the new summary; or another file (`other`: replaced only with --force); or nothing.
 */
async function readOut(out: string): Promise<{ rollup: boolean; other: boolean; opinions: OpinionRow[] }> {
  if (!fs.existsSync(out) || !fs.statSync(out).isFile()) return { rollup: false, other: false, opinions: [] };
  let snapshot: WorkbookSnapshot | null = null;
  try {
    const data = fs.readFileSync(out);
    snapshot = await new FileHost(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), out).read();
  } catch {
    snapshot = null;
  }
  const rollup = !!snapshot && isRollupWorkbook(snapshot);
  return { rollup, other: !rollup, opinions: rollup ? readOpinions(snapshot!) : [] };
}

export async function runRollup(args: CliArgs, io: RollupIo, opts: RollupRunOptions = {}): Promise<number> {
  const lang: Lang = args.lang ?? 'zh-CN';
  const tr = (m: { zh: string; en: string }, p?: Record<string, string | number>) => t(lang, m, p);
  const now = (opts.now ?? (() => new Date()))();
  const asOf = args.asOf ?? localDate(now);
  const out = args.out!;
  const json = args.json && args.json !== '-' ? args.json : null;
  // With the report on standard output (--json -), the summary lines go to standard error.
  const say = args.json === '-' ? io.err : io.out;

  if (path.extname(out).toLowerCase() !== '.xlsx') throw new AssessError('usage', ROLLUP_CODES.outExtension, {}, out);
  if (json && sameFile(out, json)) throw new AssessError('usage', FILE_CODES.jsonIsOut, {}, json);
  for (const input of args.inputs) {
    if (sameFile(input, out)) throw new AssessError('usage', ROLLUP_CODES.outIsInput, {}, out);
    if (json && sameFile(input, json)) throw new AssessError('usage', ROLLUP_CODES.jsonIsInput, {}, json);
  }
  checkOutputPath(out);
  if (json) checkOutputPath(json);
  const replaced = await readOut(out);

  const started = opts.clock?.() ?? Date.now();
  // An earlier summary at --out is replaced, not read; any other file the roll-up would read may be
  // neither --out nor --json, with or without --force (the branches' workbooks are never written).
  const items = findWorkbooks(args.inputs, replaced.rollup ? [out] : []);
  if (items.length === 0) throw new AssessError('usage', ROLLUP_CODES.noWorkbooks, {}, args.inputs.join(' '));
  const files = items.flatMap((x) => (x.kind === 'file' ? [x.file] : []));
  const isOut = namesFile(out);
  const isJson = json ? namesFile(json) : () => false;
  for (const f of files) {
    if (isOut(f.path)) throw new AssessError('usage', ROLLUP_CODES.outIsInput, {}, out);
    if (isJson(f.path)) throw new AssessError('usage', ROLLUP_CODES.jsonIsInput, {}, json);
  }
  if (replaced.other && !args.force) throw new AssessError('usage', ROLLUP_CODES.outNotRollup, {}, out);
  if (json && !args.force && fs.existsSync(json)) throw new AssessError('usage', ROLLUP_CODES.jsonExists, {}, json);
  const opinions = replaced.opinions;
  const progress = new RollupProgress(items.length, { lang, write: io.bar, columns: io.columns, now: opts.clock });
  const missing = items.length - files.length;
  let read: FileSummary[];
  try {
    read = await summarizeFiles(files, { asOf, workers: opts.workers, onFile: (done) => progress.tick(missing + done) });
  } finally {
    progress.finish();
  }
  // Back in the order given.
  let next = 0;
  const summaries = items.map((x) => (x.kind === 'missing' ? x.summary : read[next++]));

  const failed = summaries.filter((s) => s.kind === 'failed');
  if (!summaries.some((s) => s.kind === 'branch')) {
    const first = failed[0] ?? summaries[0];
    const why = first.kind === 'failed' ? tr(ROLLUP_CLI.fileReason, { file: first.file, reason: t(lang, first.reason) }) : first.file;
    throw new AssessError('file', ROLLUP_CODES.noneReadable, { count: summaries.length, first: why });
  }

  const { rollup, report, bytes } = await finishRollup(summaries, { lang, asOf, runAt: localIso(now), unit: args.unit ?? undefined, opinions });
  await atomicWrite(out, (tmp) => fs.promises.writeFile(tmp, bytes));
  if (args.json) {
    const text = JSON.stringify(report, null, 2) + '\n';
    if (json) await atomicWrite(json, (tmp) => fs.promises.writeFile(tmp, text, 'utf8'));
    else io.out(text.replace(/\n$/, ''));
  }

  const seconds = (((opts.clock?.() ?? Date.now()) - started) / 1000).toFixed(1);
  const lines = rollupLines(rollup, report, lang, seconds);
  say(lines.done);
  if (lines.latest) say(lines.latest);
  say(lines.open);
  for (const f of failed) if (f.kind === 'failed') io.err(tr(ROLLUP_CLI.unreadableLine, { file: f.file, reason: t(lang, f.reason) }));
  say(tr(ROLLUP_CLI.wrote, { file: out }));
  if (json) say(tr(ROLLUP_CLI.wroteJson, { file: json }));
  return 0;
}
