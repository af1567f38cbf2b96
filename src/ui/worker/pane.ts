/**
 * The task pane's engine in a worker (issue 18: the engine off the main thread "wherever it runs in the
 * browser"). Inside Excel the workbook can only be read and written on the pane's own thread — Office.js
 * lives there, as does the preview's sample workbook — so the pane keeps its host (`local`) and a worker
 * attached to it does the rest: the worker asks the pane to read the workbook (one snapshot, copied to it),
 * parses, assesses, renders and builds the view there, and asks the pane to write the patch. What crosses
 * back is what the pane shows (src/ui/worker/protocol.ts). The pane's own edits — the template, the rules,
 * selecting a cell, its language — stay on its thread, through `local`.
 *
 * Where no worker can be made (a webview that refuses it, a script that did not load), the same engine
 * (EngineService) runs on the pane's thread instead, with the same answers: the pane works as before.
 */
import type { Stage } from '../../app/assessWorkbook';
import type { PaneHost } from '../../app/pane-service';
import type { WorkbookPatch } from '../../workbook/snapshot';
import { AssessError } from '../../domain/errors';
import { PAGE_CODES } from '../../i18n/page';
import type { RemoteEngine, RemotePaneHost } from '../remote';
import type { SpawnWorker } from './connection';
import { Connection, remoteOver } from './connection';
import type { EngineCall } from './protocol';
import { EngineService } from './service';

type Caller = (c: EngineCall, progress?: (stage: Stage, done: boolean) => void) => Promise<{ value: unknown }>;

/** The engine's home once started: the worker's connection, or none (this thread). */
interface Started {
  call: Caller;
  home: EngineHome;
  conn: Connection | null;
}

/**
 * Make the pane's engine worker (its script a chunk of its own; where it cannot be made — a webview that
 * refuses workers, a page from file:// — the engine runs on the pane's thread).
 */
export const spawnPaneWorker: SpawnWorker = () => import(/* webpackChunkName: "pane-engine-worker-client" */ './pane-worker-client').then((m) => m.createEngineWorker());

/** Where the pane's engine runs: its worker, or (none could be made) this thread. */
export type EngineHome = 'worker' | 'thread';

/** The engine on this thread, over `local` (no worker). */
function onThisThread(local: PaneHost): Caller {
  const service = new EngineService(null, (call) => (call.method === 'read' ? local.read() : local.write(call.patch as WorkbookPatch)));
  const attached = service.call({ op: 'attach', kind: local.kind }, () => undefined);
  return async (c, progress) => {
    await attached;
    return service.call(c, progress ?? (() => undefined));
  };
}

/** A worker attached to `local`, or null when none can be made or it does not start. */
async function inWorker(local: PaneHost, spawn: SpawnWorker): Promise<Connection | null> {
  let conn: Connection | null = null;
  try {
    conn = new Connection(await spawn(), local);
    await conn.ready;
    await conn.call({ op: 'attach', kind: local.kind });
    return conn;
  } catch {
    conn?.terminate(new Error('the pane’s engine worker did not start'), true);
    return null;
  }
}

/**
 * The pane host over `local` with its engine in a worker made by `spawn` (null: on this thread). The worker
 * is made at the first call (the pane's opening); `home()` says where the engine ended up.
 *
 * 取消 (`remote.cancel`): a run in the worker that has not begun to write fails at once as cancelled; the
 * worker is told to quit after its call (never terminated: src/ui/worker/connection.ts), its asks are
 * refused from then on (it writes nothing), and a fresh worker opens the workbook as it stands — unchanged —
 * so the result on show and its groups' histories are there again. A run on this thread cannot be stopped.
 */
export function workerPaneHost(local: PaneHost, spawn: SpawnWorker | null): RemotePaneHost & { home(): Promise<EngineHome> } {
  let started: Promise<Started> | null = null;
  let now: Started | null = null;
  const start = () =>
    (started ??= (spawn ? inWorker(local, spawn) : Promise.resolve(null)).then((conn) => {
      const s: Started = conn
        ? { call: (c, progress) => conn.call(c, progress), home: 'worker', conn }
        : { call: onThisThread(local), home: 'thread', conn: null };
      now = s;
      return s;
    }));
  const call = async <T>(c: EngineCall, progress?: (stage: Stage, done: boolean) => void): Promise<T> => {
    const { value } = await (await start()).call(c, progress);
    return value as T;
  };
  const engine = remoteOver(call);
  let lastOpen: Parameters<RemoteEngine['open']>[0] | null = null;
  let run: { writing: boolean } | null = null;
  const remote: RemoteEngine = {
    ...engine,
    open(opts) {
      lastOpen = opts;
      return engine.open(opts);
    },
    async assess(opts) {
      const mine = { writing: false };
      run = mine;
      try {
        return await engine.assess({
          ...opts,
          onProgress: (stage, done) => {
            if (stage === 'write') mine.writing = true;
            opts.onProgress(stage, done);
          },
        });
      } finally {
        if (run === mine) run = null;
      }
    },
    cancellable: () => !!run && !run.writing && !!now?.conn,
    cancel() {
      const s = now;
      if (!run || run.writing || !s?.conn) return false;
      run = null;
      started = null;
      now = null;
      s.conn.terminate(new AssessError('host', PAGE_CODES.cancelled));
      // The new worker holds the result on show again (the workbook is as it was). At once, not when next
      // needed: it costs one read, but a history opened later then comes from the same workbook as the
      // summary on show, not from one the user has edited since.
      if (lastOpen) void engine.open(lastOpen).catch(() => undefined);
      return true;
    },
  };
  return {
    get kind() {
      return local.kind;
    },
    get canSelect() {
      return local.canSelect;
    },
    get canEditCells() {
      return local.canEditCells;
    },
    remote,
    home: async () => (await start()).home,
    read: () => local.read(),
    write: (patch) => local.write(patch),
    selectCell: (address) => local.selectCell(address),
    insertTemplate: (patch) => local.insertTemplate(patch),
    writeRules: (values, lang) => local.writeRules(values, lang),
    readState: () => local.readState(),
    setPaneLanguage: (lang) => local.setPaneLanguage(lang),
  };
}
