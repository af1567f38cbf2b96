/**
 * The workbook page's side of its engine worker (src/page/engine.worker.ts): a pane host whose every call
 * is a message to the worker (`WorkerPaneHost`), with the engine there too (`remote`, src/ui/remote.ts), so
 * the page's main thread only paints — a 20,000-row workbook is read, assessed and written without a long
 * task here, the stages are painted as the worker reports them, and 取消 works.
 *
 * - Answers and failures cross by structured clone; failures as WireErrors made AssessErrors again, with
 *   their code, params and place (src/page/engine-protocol.ts). The words of every code the worker can
 *   throw are loaded on this side too (the catalogues imported below), so describeError finds them.
 * - The page holds the workbook as it stood after the last finished call (the bytes each changing call
 *   sends back). 取消 terminates the worker at once and starts a new one from those bytes: the workbook on
 *   show is the one from before the run, and what is offered for download is unchanged.
 * - Workers are made ahead (`warmEngine`, when the page is idle) and load everything they need then: opened
 *   after the network is gone, a workbook still has its engine, and 取消 a fresh worker.
 */
import type { Stage } from '../app/assessWorkbook';
import type { PaneHost, RulesWriteResult, TemplateResult } from '../app/pane-service';
import type { PaneState } from '../app/pane-state';
import type { WriteResult } from '../app/ports';
import { AssessError } from '../domain/errors';
import type { Lang, Rules } from '../domain/types';
import type { RemoteEngine, RemoteOpening, RemoteOutcome, RemotePaneHost } from '../ui/remote';
import type { GroupHistory, PaneView } from '../ui/view/types';
import type { WorkbookPatch, WorkbookSnapshot } from '../workbook/snapshot';
import { PAGE_CODES } from '../i18n/page';
// The words of the codes the worker may throw (file, package, reader, print, pane host, tool's host errors).
import '../i18n/file';
import '../i18n/config';
import '../i18n/output';
import '../i18n/pane-host';
import '../i18n/cli';
import type { Changed, EngineCall, EngineMessage, EngineRequest } from './engine-protocol';
import { Assembler, fromWire } from './engine-protocol';
import type { Download } from './workbook-file';

/** What the page needs of a Worker (a test hands in one that runs the engine in-process). */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  onmessage: ((e: MessageEvent<EngineMessage>) => void) | null;
  /** The worker's script could not be loaded or failed at the top level. */
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

export type SpawnWorker = () => WorkerLike | Promise<WorkerLike>;

const spawnDefault: SpawnWorker = () => import(/* webpackChunkName: "engine-worker-client" */ './engine-worker-client').then((m) => m.createEngineWorker());

interface Pending {
  resolve(v: { value: unknown; changed: Changed | null }): void;
  reject(e: unknown): void;
  progress?: (stage: Stage, done: boolean) => void;
  parts: Assembler;
}

/** One worker and the calls in flight to it. */
class Connection {
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private dead: Error | null = null;
  readonly ready: Promise<void>;

  constructor(private readonly worker: WorkerLike) {
    let ready: () => void = () => undefined;
    let notReady: (e: Error) => void = () => undefined;
    this.ready = new Promise<void>((r, j) => {
      ready = r;
      notReady = j;
    });
    // Never left unhandled: a worker that fails says so to the call that needs it.
    this.ready.catch(() => undefined);
    // A script that could not be fetched (the network went before the worker was made): as a chunk that
    // did not load, which describeError words as "页面未加载完整，请联网刷新后再试。".
    worker.onerror = (e) => {
      e.preventDefault();
      const failure = new Error('Loading chunk engine-worker failed.');
      failure.name = 'ChunkLoadError';
      notReady(failure);
      this.terminate(failure);
    };
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'ready') return ready();
      const p = this.pending.get(m.id);
      if (!p) return;
      switch (m.type) {
        case 'progress':
          p.progress?.(m.stage as Stage, m.done);
          break;
        case 'part':
          p.parts.add(m.part);
          break;
        case 'done':
          this.pending.delete(m.id);
          p.resolve({ value: p.parts.finish(m.value), changed: m.changed });
          break;
        case 'failed':
          this.pending.delete(m.id);
          p.reject(fromWire(m.error));
          break;
      }
    };
  }

  call(c: EngineCall, progress?: (stage: Stage, done: boolean) => void): Promise<{ value: unknown; changed: Changed | null }> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress, parts: new Assembler() });
      this.worker.postMessage({ id, ...c });
    });
  }

  get idle(): boolean {
    return !this.dead && this.pending.size === 0;
  }

  /** Stop the worker now; every call in flight fails with `reason`. */
  terminate(reason: Error): void {
    this.dead = reason;
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
  }
}

// ───────────────────────────── workers made ahead ─────────────────────────────

/**
 * Workers made and loaded ahead: one for the next workbook and one for 取消 (which needs a fresh worker at
 * once: the stopped one is gone). A workbook the page leaves gives its worker back when it is idle.
 */
const pools = new Map<SpawnWorker, Connection[]>();
const POOL = 2;

function poolOf(spawn: SpawnWorker): Connection[] {
  let pool = pools.get(spawn);
  if (!pool) pools.set(spawn, (pool = []));
  return pool;
}

function online(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

function take(spawn: SpawnWorker): Promise<Connection> {
  const ahead = poolOf(spawn).shift();
  // Made again while online: a worker's script is fetched, and offline nothing is asked of the network.
  if (online()) void warmEngine(spawn).catch(() => undefined);
  return ahead ? Promise.resolve(ahead) : Promise.resolve(spawn()).then((w) => new Connection(w));
}

function giveBack(conn: Connection, spawn: SpawnWorker): void {
  const pool = poolOf(spawn);
  if (!conn.idle || pool.length >= POOL) {
    conn.terminate(new AssessError('host', PAGE_CODES.cancelled));
    return;
  }
  // The workbook it held is dropped there before it serves another.
  void conn.call({ op: 'close' }).then(
    () => {
      if (pool.length < POOL) pool.push(conn);
      else conn.terminate(new AssessError('host', PAGE_CODES.cancelled));
    },
    () => undefined,
  );
}

/**
 * Make the workers ahead (when the page is idle after its first paint, and again when one is taken) and
 * wait until they have loaded all they need: for prefetchWhenIdle (src/ui/prefetch.ts).
 */
export async function warmEngine(spawn: SpawnWorker = spawnDefault): Promise<void> {
  const pool = poolOf(spawn);
  while (pool.length < POOL) pool.push(new Connection(await spawn()));
  await Promise.all(pool.map((c) => c.ready));
}

// ───────────────────────────── the page's workbook ─────────────────────────────

export interface PageWorkbook {
  /** The file's name as the user picked it. */
  name: string;
  host: PaneHost;
  /** The workbook as it stands, to download; null while the page has not changed it. */
  download(): Promise<Download | null>;
  /** Told true when a run (考评) starts and false when it ends: while true, 取消 is offered. */
  onRunning(listener: (running: boolean) => void): () => void;
  /**
   * 取消: stop the worker at once (the run in flight fails with PAGE_CODES.cancelled) and open the workbook
   * as it stood before the run in a new one. The page shows the returned workbook in place of this one.
   */
  cancel(onChange: (download: Download) => void): Promise<PageWorkbook>;
  /** The page shows another workbook, or none: the worker drops this one (stopped if it is busy). */
  close(): void;
}

/**
 * Open a workbook file's bytes in a worker. Throws the worker's AssessError (not a workbook, damaged,
 * encrypted, over a limit, no worksheet) as the in-thread open does. `onChange` is called after every
 * call that changed the workbook, with the workbook to download. `before`: the bytes are the page's own
 * earlier changes (offered for download as they are).
 */
export async function openPageWorkbook(
  name: string,
  bytes: Uint8Array,
  onChange: (download: Download) => void,
  spawn: SpawnWorker = spawnDefault,
  before: Download | null = null,
): Promise<PageWorkbook> {
  const conn = await take(spawn);
  try {
    await conn.call({ op: 'open', name, bytes, changed: !!before });
  } catch (e) {
    conn.terminate(e instanceof Error ? e : new Error(String(e)));
    throw e;
  }
  let settled: { bytes: Uint8Array; download: Download | null } = { bytes, download: before };
  const listeners = new Set<(running: boolean) => void>();
  let running = 0;
  const tell = () => listeners.forEach((l) => l(running > 0));

  const call = async <T>(c: EngineCall, progress?: (stage: Stage, done: boolean) => void): Promise<T> => {
    const { value, changed } = await conn.call(c, progress);
    if (changed) {
      settled = { bytes: changed.bytes, download: changed };
      onChange(changed);
    }
    return value as T;
  };

  const remote: RemoteEngine = {
    open: ({ lang, displayLanguage, ignorePaneLanguage }) => call<RemoteOpening>({ op: 'opening', lang, displayLanguage, ignorePaneLanguage, now: Date.now() }),
    async assess({ lang, displayLanguage, printPeriod, onProgress }) {
      running++;
      tell();
      try {
        return await call<RemoteOutcome>({ op: 'assess', lang, displayLanguage, printPeriod, now: Date.now() }, onProgress);
      } finally {
        running--;
        tell();
      }
    },
    view: (lang) => call<PaneView>({ op: 'view', lang }),
    history: (lang, key) => call<GroupHistory | null>({ op: 'history', lang, key }),
    readRules: () => call<{ rules: Rules; totalPoints: number; sheet: string | null }>({ op: 'readRules' }),
  };

  const host: RemotePaneHost = {
    kind: 'file',
    // A file in the browser has no cursor and the page edits no input sheet (as the in-thread file port).
    canSelect: false,
    canEditCells: false,
    remote,
    read: () => call<WorkbookSnapshot>({ op: 'read' }),
    write: (patch) => call<WriteResult | void>({ op: 'write', patch }),
    selectCell: (address) => call<void>({ op: 'selectCell', address }),
    insertTemplate: (patch: WorkbookPatch) => call<TemplateResult>({ op: 'insertTemplate', patch }),
    writeRules: (values: Partial<Rules>, lang: Lang) => call<RulesWriteResult>({ op: 'writeRules', values, lang }),
    readState: () => call<PaneState>({ op: 'readState' }),
    setPaneLanguage: (lang: Lang) => call<void>({ op: 'setPaneLanguage', lang }),
  };

  return {
    name,
    host,
    download: async () => settled.download,
    onRunning(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cancel(next) {
      conn.terminate(new AssessError('host', PAGE_CODES.cancelled));
      running = 0;
      tell();
      listeners.clear();
      return openPageWorkbook(name, settled.bytes, next, spawn, settled.download);
    },
    close() {
      listeners.clear();
      giveBack(conn, spawn);
    },
  };
}
