/**
 * The workbook page's side of its engine worker (src/page/engine.worker.ts): a pane host whose every call
 * is a message to the worker, with the engine there too (`remote`, src/ui/remote.ts), so the page's main
 * thread only paints — a 20,000-row workbook is read, assessed and written without a long task here, the
 * stages are painted as the worker reports them, and 取消 works. The worker and its calls are
 * src/ui/worker/connection.ts's (shared with the task pane); what is the page's own is here:
 *
 * - The page holds the workbook as it stood after the last finished call (the bytes each changing call
 *   sends back). 取消 stops the run at once (its worker is told to quit after the call it is in, never
 *   terminated: src/ui/worker/connection.ts) and starts a new one from those bytes: the workbook on
 *   show is the one from before the run, and what is offered for download is unchanged.
 * - Workers are made ahead (`warmEngine`, when the page is idle) and load everything they need then: opened
 *   after the network is gone, a workbook still has its engine, and 取消 a fresh worker.
 */
import type { Stage } from '../app/assessWorkbook';
import type { RulesWriteResult, TemplateResult } from '../app/pane-service';
import type { PaneState } from '../app/pane-state';
import type { WriteResult } from '../app/ports';
import { AssessError } from '../domain/errors';
import type { Lang, Rules } from '../domain/types';
import type { RemotePaneHost } from '../ui/remote';
import type { WorkbookPatch, WorkbookSnapshot } from '../workbook/snapshot';
import { PAGE_CODES } from '../i18n/page';
import type { SpawnWorker } from '../ui/worker/connection';
import { giveBack, remoteOver, take, warmEngine as warm } from '../ui/worker/connection';
import type { EngineCall } from '../ui/worker/protocol';
import type { Download } from './workbook-file';

const spawnDefault: SpawnWorker = () => import(/* webpackChunkName: "engine-worker-client" */ './engine-worker-client').then((m) => m.createEngineWorker());

/**
 * Make the page's workers ahead (when the page is idle after its first paint, and again when one is taken)
 * and wait until they have loaded all they need: for prefetchWhenIdle (src/ui/prefetch.ts).
 */
export function warmEngine(spawn: SpawnWorker = spawnDefault): Promise<void> {
  return warm(spawn);
}

// ───────────────────────────── the page's workbook ─────────────────────────────

export interface PageWorkbook {
  /** The file's name as the user picked it. */
  name: string;
  host: RemotePaneHost;
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

  const remote = remoteOver(call, (delta) => {
    running += delta;
    tell();
  });

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
