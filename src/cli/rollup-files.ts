/**
 * The roll-up's Node layer (the core, src/rollup, uses no Node API): finding the workbooks in the folders
 * and files given, summarizing them concurrently on worker threads, and the progress bar.
 *
 * - Folders are walked recursively (branches' files are often kept in one subfolder per branch), in
 *   code-point order of the names, so the branches' order is the files' order and the same everywhere.
 *   Skipped: Excel's and WPS's lock files (`~$…`), hidden files and folders (`.…`), an earlier summary at --out (any
 *   other file it would read may be neither --out nor --json: rollup.ts refuses them), and files that are not spreadsheets. Old or foreign spreadsheet formats
 *   (.xls, .xlsb, .et, .ods) are kept, so 报送情况 tells the 党委 to ask for an .xlsx.
 * - Files named on the command line are read whatever their names; one that does not exist is listed as
 *   unreadable (one bad path never stops the roll-up).
 * - Each worker reads its file itself and posts back only the compact summary: the main thread never
 *   holds a workbook, so memory stays flat in the number of files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { CONFIG_MSG } from '../i18n/config';
import { ROLLUP_CLI, SUBMISSIONS } from '../i18n/rollup';
import { summarizeWorkbook } from '../rollup/summary';
import type { FailedSummary, FileSummary } from '../rollup/summary';

/** Spreadsheets a folder walk picks up: the two we read, and the formats we name in 报送情况 as "save as .xlsx". */
const SPREADSHEET = /\.(xlsx|xlsm|xls|xlsb|et|ods)$/i;

/** A file to summarize: where it is, and how 报送情况 names it. */
export interface FoundFile {
  path: string;
  display: string;
}

/** The inputs in order: files to read, and paths that could not be found (already a failed summary). */
export type FoundItem = { kind: 'file'; file: FoundFile } | { kind: 'missing'; summary: FailedSummary };

function identity(p: string): string {
  try {
    const st = fs.statSync(p);
    return `${st.dev}:${st.ino}`;
  } catch {
    return `path:${path.resolve(p)}`;
  }
}

const both = (msg: { zh: string; en: string }, params: Record<string, string>) => ({ zh: t('zh-CN', msg, params), en: t('en-US', msg, params) });

/**
 * The workbooks of the folders and files given, in order, each once. `exclude`: files never read (an
 * earlier summary at --out). Throws nothing: a missing path is an item of its own.
 */
export function findWorkbooks(inputs: readonly string[], exclude: readonly string[] = []): FoundItem[] {
  const excluded = new Set(exclude.filter((p) => fs.existsSync(p)).map(identity));
  const seen = new Set<string>();
  const visitedDirs = new Set<string>();
  const items: FoundItem[] = [];
  const add = (p: string, display: string) => {
    const id = identity(p);
    if (excluded.has(id) || seen.has(id)) return;
    seen.add(id);
    items.push({ kind: 'file', file: { path: p, display } });
  };
  const walk = (dir: string, display: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (visitedDirs.has(real)) return; // a link back up the tree
    visitedDirs.add(real);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const p = path.join(dir, name);
      const shown = path.join(display, name);
      let st: fs.Stats;
      try {
        st = fs.statSync(p);
      } catch {
        continue; // a dangling link
      }
      if (st.isDirectory()) walk(p, shown);
      else if (st.isFile() && SPREADSHEET.test(name)) add(p, shown);
    }
  };
  for (const input of inputs) {
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(input);
    } catch {
      st = null;
    }
    if (!st) items.push({ kind: 'missing', summary: { kind: 'failed', file: input, modified: null, reason: both(CONFIG_MSG.fileNotFound, { path: input }) } });
    else if (st.isDirectory()) walk(input, input);
    else add(input, input);
  }
  return items;
}

/** Read one file and summarize it (in a worker or in this thread). Never throws. */
export async function summarizeFileAt(file: FoundFile, asOf: string): Promise<FileSummary> {
  let bytes: Buffer;
  let modified: number | null = null;
  try {
    const st = await fs.promises.stat(file.path);
    modified = st.mtimeMs;
    bytes = await fs.promises.readFile(file.path);
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    return { kind: 'failed', file: file.display, modified, reason: both(CONFIG_MSG.fileUnreadable, { path: file.display, detail }) };
  }
  return summarizeWorkbook({ name: file.display, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), modified }, { asOf });
}

/** The worker script beside this module (dist/node/cli/rollup-worker.js); absent when running from sources. */
export function workerScript(): string | null {
  const js = path.join(__dirname, 'rollup-worker.js');
  return fs.existsSync(js) ? js : null;
}

/** Worker threads to use: one per core the process may use, no more than there are files; none for one file. */
export function workerCount(files: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return files < 2 ? 0 : Math.max(1, Math.min(cores, files));
}

export interface SummarizeOptions {
  asOf: string;
  /** Worker threads (0: in this thread). Default: workerCount(files). */
  workers?: number;
  /** Called after each file with the number done. */
  onFile?: (done: number) => void;
}

interface Job {
  index: number;
  file: FoundFile;
}

/** Summarize files, concurrently on worker threads when there are several; results in the files' order. */
export async function summarizeFiles(files: readonly FoundFile[], opts: SummarizeOptions): Promise<FileSummary[]> {
  const results: FileSummary[] = new Array(files.length);
  let done = 0;
  const finished = (index: number, s: FileSummary) => {
    results[index] = s;
    opts.onFile?.(++done);
  };
  const script = workerScript();
  const n = script ? Math.min(opts.workers ?? workerCount(files.length), files.length) : 0;
  if (n <= 0) {
    for (let i = 0; i < files.length; i++) finished(i, await summarizeFileAt(files[i], opts.asOf));
    return results;
  }
  const queue: Job[] = files.map((file, index) => ({ index, file }));
  await new Promise<void>((resolve) => {
    let running = 0;
    const start = () => {
      const worker = new Worker(script!, { workerData: { asOf: opts.asOf } });
      running++;
      let current: Job | undefined;
      const next = () => {
        current = queue.shift();
        if (current) worker.postMessage({ index: current.index, file: current.file });
        else void worker.terminate();
      };
      worker.on('message', (m: { index: number; summary: FileSummary }) => {
        finished(m.index, m.summary);
        next();
      });
      worker.on('error', (e) => {
        // A crash in a worker (a bug, not a bad file: those come back as summaries) fails its file only.
        if (current) finished(current.index, { kind: 'failed', file: current.file.display, modified: null, reason: both(SUBMISSIONS.unexpected, { reason: e.message }) });
        current = undefined;
      });
      worker.on('exit', () => {
        running--;
        if (current) {
          finished(current.index, { kind: 'failed', file: current.file.display, modified: null, reason: both(SUBMISSIONS.unexpected, { reason: 'worker exited' }) });
          current = undefined;
        }
        if (queue.length > 0) start();
        else if (running === 0) resolve();
      });
      next();
    };
    for (let i = 0; i < n; i++) start();
  });
  return results;
}

// ───────────────────────────── the progress bar ─────────────────────────────

export interface ProgressOptions {
  lang: Lang;
  /** Writes to a terminal (no newline added); undefined when standard error is not a terminal: no bar. */
  write?: (text: string) => void;
  /** The terminal's width in characters. */
  columns?: number;
  /** The bar appears once the roll-up has taken this long (ms). */
  delayMs?: number;
  now?: () => number;
}

/** `[##########..........]` for `done` of `total`. */
export function progressBar(done: number, total: number, width = 24): string {
  const full = total > 0 ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

/**
 * The progress bar on standard error: drawn (and redrawn in place, at most every 100 ms) only when the
 * roll-up takes over a second and standard error is a terminal — a redirected log gets no bar.
 */
export class RollupProgress {
  private readonly started: number;
  private drawnAt = -Infinity;
  private shown = false;
  private readonly now: () => number;

  constructor(
    private readonly total: number,
    private readonly opts: ProgressOptions,
  ) {
    this.now = opts.now ?? (() => Date.now());
    this.started = this.now();
  }

  /** `done` files of the total are summarized. */
  tick(done: number): void {
    const { write } = this.opts;
    if (!write) return;
    const now = this.now();
    if (now - this.started < (this.opts.delayMs ?? 1000)) return;
    if (this.shown && now - this.drawnAt < 100 && done < this.total) return;
    this.drawnAt = now;
    this.shown = true;
    const line = t(this.opts.lang, ROLLUP_CLI.progress, { bar: progressBar(done, this.total), done, total: this.total });
    const width = Math.max(20, (this.opts.columns ?? 80) - 1);
    write(`\r${line.length > width ? line.slice(0, width) : line}\x1b[K`);
  }

  /** Clear the bar, so the summary lines that follow start on a clean line. */
  finish(): void {
    if (this.shown) this.opts.write?.('\r\x1b[K');
    this.shown = false;
  }
}
