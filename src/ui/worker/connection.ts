/**
 * A page's side of its engine worker (src/ui/worker/service.ts): one worker and the calls in flight to it
 * (`Connection`), the workers made ahead (`take`, `giveBack`, `warmEngine`) and the pane's RemoteEngine
 * over a connection's calls (`remoteOver`). Used by the workbook page (src/page/worker-host.ts: the
 * worker holds the file) and by the task pane (src/ui/worker/pane.ts: the worker attached to the workbook on
 * the pane's thread, which it reads and writes by asking — answered here, `Connection.answer`).
 *
 * Answers and failures cross by structured clone; failures as WireErrors made AssessErrors again, with their
 * code, params and place (./protocol.ts). The words of every code the worker can throw are loaded on this
 * side too (the catalogues imported below), so describeError finds them.
 */
import type { Stage } from '../../app/assessWorkbook';
import type { WorkbookHost } from '../../app/ports';
import { AssessError } from '../../domain/errors';
import type { Rules } from '../../domain/types';
import type { WorkbookPatch } from '../../workbook/snapshot';
import { PAGE_CODES } from '../../i18n/page';
// The words of the codes the worker may throw (file, package, reader, print, pane host, tool's host errors).
import '../../i18n/file';
import '../../i18n/config';
import '../../i18n/output';
import '../../i18n/pane-host';
import '../../i18n/cli';
import type { RemoteEngine, RemoteOpening, RemoteOutcome } from '../remote';
import type { GroupHistory, PaneView } from '../view/types';
import type { Changed, EngineCall, EngineMessage, EngineRequest, HostAsk, WorkerInbound } from './protocol';
import { Assembler, fromWire, toWire } from './protocol';

/** What the page needs of a Worker (a test hands in one that runs the engine in-process). */
export interface WorkerLike {
  postMessage(message: WorkerInbound): void;
  onmessage: ((e: MessageEvent<EngineMessage>) => void) | null;
  /** The worker's script could not be loaded or failed at the top level. */
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

export type SpawnWorker = () => WorkerLike | Promise<WorkerLike>;

interface Pending {
  resolve(v: { value: unknown; changed: Changed | null }): void;
  reject(e: unknown): void;
  progress?: (stage: Stage, done: boolean) => void;
  parts: Assembler;
}

/** One worker and the calls in flight to it. */
export class Connection {
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private dead: Error | null = null;
  /**
   * A worker that is stopped is not terminated from outside while it works: terminating a dedicated worker
   * in the middle of a run crashed Chromium 156's whole page ("Aw, Snap"; a minidump: SIGTRAP on a
   * DedicatedWorker thread) in about one 取消 in six under load — whether it was stopped while reading the
   * package, right after, or while computing — and never once in 14 runs where it was left alone. So it is
   * told to quit (op `quit`, queued behind the call it is in): it finishes that call, whose answer is never
   * heard, and closes itself (`self.close()`, from inside, at rest). The run is stopped for the user at
   * once: its call fails as cancelled, nothing it does is shown, and nothing it wrote reaches the page (the
   * workbook page's file lives in that worker and is dropped with it).
   */
  readonly ready: Promise<void>;

  /** `host`: the workbook on this thread that an attached worker reads and writes (HostAsk). */
  constructor(
    private readonly worker: WorkerLike,
    private readonly host: WorkbookHost | null = null,
  ) {
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
      this.terminate(failure, true);
    };
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'ready') return ready();
      if (m.type === 'host') return this.answer(m.ask, m.call);
      if (this.dead) return;
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
      this.worker.postMessage({ id, ...c } as EngineRequest);
    });
  }

  /**
   * The worker's HostAsk, done on this thread's workbook; the answer (or the failure) sent back. A stopped
   * worker's asks fail (with the reason it was stopped) and are never done — a cancelled run writes nothing —
   * so that its call ends and it quits.
   */
  private answer(ask: number, call: HostAsk): void {
    const host = this.host;
    const done = this.dead
      ? Promise.reject(this.dead)
      : host
        ? call.method === 'read'
          ? host.read()
          : host.write(call.patch as WorkbookPatch)
        : Promise.reject(new Error('no workbook on this thread to attach to'));
    done.then(
      (value) => {
        if (this.dead) this.worker.postMessage({ answer: ask, ok: false, error: toWire(this.dead) });
        else this.worker.postMessage({ answer: ask, ok: true, value: value ?? null });
      },
      (error: unknown) => this.worker.postMessage({ answer: ask, ok: false, error: toWire(error) }),
    );
  }

  get idle(): boolean {
    return !this.dead && this.pending.size === 0;
  }

  /**
   * Stop the worker: every call in flight fails with `reason` now, and nothing it says is heard any more
   * (but its asks, which fail: see `answer`).
   * It quits once the call it is in is over (see above); `now`: a worker that failed to start is
   * terminated at once (it runs nothing).
   */
  terminate(reason: Error, now = false): void {
    if (this.dead) return;
    this.dead = reason;
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
    if (now) this.worker.terminate();
    else this.worker.postMessage({ id: 0, op: 'quit' });
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

export function take(spawn: SpawnWorker): Promise<Connection> {
  const ahead = poolOf(spawn).shift();
  // Made again while online: a worker's script is fetched, and offline nothing is asked of the network.
  if (online()) void warmEngine(spawn).catch(() => undefined);
  return ahead ? Promise.resolve(ahead) : Promise.resolve(spawn()).then((w) => new Connection(w));
}

export function giveBack(conn: Connection, spawn: SpawnWorker): void {
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
export async function warmEngine(spawn: SpawnWorker): Promise<void> {
  const pool = poolOf(spawn);
  while (pool.length < POOL) pool.push(new Connection(await spawn()));
  await Promise.all(pool.map((c) => c.ready));
}

// ───────────────────────────── the pane's engine over a connection ─────────────────────────────

/**
 * The pane's RemoteEngine over `call`. `running(+1 | -1)` is told when a 考评 starts and ends (取消 is
 * offered meanwhile).
 */
export function remoteOver(call: <T>(c: EngineCall, progress?: (stage: Stage, done: boolean) => void) => Promise<T>, running: (delta: 1 | -1) => void = () => undefined): RemoteEngine {
  return {
    open: ({ lang, displayLanguage, ignorePaneLanguage }) => call<RemoteOpening>({ op: 'opening', lang, displayLanguage, ignorePaneLanguage, now: Date.now() }),
    async assess({ lang, displayLanguage, printPeriod, onProgress }) {
      running(1);
      try {
        return await call<RemoteOutcome>({ op: 'assess', lang, displayLanguage, printPeriod, now: Date.now() }, onProgress);
      } finally {
        running(-1);
      }
    },
    view: (lang) => call<PaneView>({ op: 'view', lang }),
    history: (lang, key) => call<GroupHistory | null>({ op: 'history', lang, key }),
    readRules: () => call<{ rules: Rules; totalPoints: number; sheet: string | null }>({ op: 'readRules' }),
  };
}
