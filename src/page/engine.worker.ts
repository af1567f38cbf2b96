/**
 * The workbook page's engine worker: the workbook file and the engine off the page's main thread, so that
 * a 20,000-row workbook keeps the page answering — its stages painted, 取消 clickable — while it is read,
 * assessed and written (issue 18). Made by src/page/engine-worker-client.ts; spoken to by
 * src/page/worker-host.ts; the work itself is src/ui/worker/service.ts.
 *
 * On start it loads every chunk it may need (the reader, the old-format check) before it says it is ready:
 * a worker made while the page was online keeps working once the network is gone.
 */
import { loadReader } from '../app/pane-state';
import { loadCfb } from '../hosts/file/host';
import type { EngineScope } from '../ui/worker/service';
import { serveEngine } from '../ui/worker/service';
import { openWorkbookBytes } from './workbook-file';

const scope = self as unknown as EngineScope;
serveEngine(scope, openWorkbookBytes);

void Promise.all([loadReader(), loadCfb()]).then(
  () => scope.postMessage({ id: 0, type: 'ready' }),
  () => scope.postMessage({ id: 0, type: 'ready' }),
);
