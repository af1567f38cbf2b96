/**
 * The workbook page's engine worker run in this process (src/page/engine.worker.ts's work, without a
 * thread): messages are copied both ways as a real worker's are (structured clone) and delivered later, never
 * at once; `terminate()` — and the worker's own `close()` (op `quit`) — stops every delivery, as a real worker's does. Tests hand it to the page's worker
 * host (`openPageWorkbook(…, spawn)`) or mock src/page/engine-worker-client.ts with it (jsdom has no Worker).
 */
import * as v8 from 'v8';
import type { EngineMessage, WorkerInbound } from '../../src/ui/worker/protocol';
import { serveEngine } from '../../src/ui/worker/service';
import type { OpenBytes } from '../../src/ui/worker/service';
import type { WorkerLike } from '../../src/ui/worker/connection';

/** The workbook page's file opener, loaded when first used (the file host's zip library needs Web Streams, which jsdom lacks). */
const openFile: OpenBytes = async (...args) => (await import('../../src/page/workbook-file')).openWorkbookBytes(...args);

/** A structured clone (jsdom's global lacks structuredClone; v8's serializer is the same algorithm). */
function cloned<T>(m: T): T {
  return typeof structuredClone === 'function' ? structuredClone(m) : (v8.deserialize(v8.serialize(m)) as T);
}

/** A Worker running the engine in this process. */
export function inProcessWorker(openBytes: OpenBytes | null = openFile): WorkerLike & { terminated: boolean } {
  const scope = {
    onmessage: null as ((e: MessageEvent<WorkerInbound>) => void) | null,
    close() {
      worker.terminated = true;
    },
    postMessage(m: EngineMessage) {
      const copy = cloned(m);
      setTimeout(() => {
        if (!worker.terminated) worker.onmessage?.({ data: copy } as MessageEvent<EngineMessage>);
      }, 0);
    },
  };
  const worker = {
    terminated: false,
    onmessage: null as ((e: MessageEvent<EngineMessage>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage(m: WorkerInbound) {
      const copy = cloned(m);
      setTimeout(() => {
        if (!worker.terminated) scope.onmessage?.({ data: copy } as MessageEvent<WorkerInbound>);
      }, 0);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  serveEngine(scope, openBytes);
  // As engine.worker.ts does once its chunks are in.
  scope.postMessage({ id: 0, type: 'ready' });
  return worker;
}
