/**
 * The task pane's engine worker (Excel's pane and its preview, src/taskpane; the WPS pane, src/wps): attached
 * to the workbook on the pane's thread, it parses, assesses, renders and builds the view off that thread
 * (src/ui/worker/pane.ts), asking the pane to read and write the workbook. Made by ./pane-worker-client.ts;
 * the work itself is ./service.ts.
 *
 * On start it loads the reader's chunk before it says it is ready (as the page's worker does).
 */
import { loadReader } from '../../app/pane-state';
import type { EngineScope } from './service';
import { serveEngine } from './service';

const scope = self as unknown as EngineScope;
serveEngine(scope);

void loadReader().then(
  () => scope.postMessage({ id: 0, type: 'ready' }),
  () => scope.postMessage({ id: 0, type: 'ready' }),
);
