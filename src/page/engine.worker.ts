/**
 * The workbook page's engine worker: the workbook file and the engine off the page's main thread, so that
 * a 20,000-row workbook keeps the page answering — its stages painted, 取消 clickable — while it is read,
 * assessed and written (issue 18). Created by src/page/engine-worker-client.ts; spoken to by
 * src/page/worker-host.ts; the work itself is src/page/engine-service.ts.
 *
 * On start it loads every chunk it may need (the reader, the old-format check) before it says it is ready:
 * a worker made while the page was online keeps working once the network is gone.
 */
import { loadReader } from '../app/pane-state';
import { loadCfb } from '../hosts/file/host';
import type { EngineMessage, EngineRequest } from './engine-protocol';
import { splitLarge, toWire } from './engine-protocol';
import { EngineService } from './engine-service';

interface WorkerScope {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(m: EngineMessage): void;
}

const scope = self as unknown as WorkerScope;
const service = new EngineService();
// One call at a time, in order: each waits for the one before.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const req = e.data;
  queue = queue.then(async () => {
    try {
      const { value, changed } = await service.call(req, (stage, done) => scope.postMessage({ id: req.id, type: 'progress', stage, done }));
      const { skeleton, parts } = splitLarge(value);
      for (const part of parts) scope.postMessage({ id: req.id, type: 'part', part });
      scope.postMessage({ id: req.id, type: 'done', value: skeleton, changed });
    } catch (error) {
      scope.postMessage({ id: req.id, type: 'failed', error: toWire(error) });
    }
  });
};

void Promise.all([loadReader(), loadCfb()]).then(
  () => scope.postMessage({ id: 0, type: 'ready' }),
  () => scope.postMessage({ id: 0, type: 'ready' }),
);
