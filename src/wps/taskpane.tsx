/**
 * taskpane.html's script: the same pane as Excel's (src/ui/App.tsx through src/ui/mount.tsx), over the WPS
 * port, in WPS's UI language. Its 考评 and the ribbon's share the add-in's run lock (src/wps/lock.ts).
 */
import '../compat/polyfills';
import '../compat/resize-observer';
import { createRoot } from 'react-dom/client';
import { paneHost } from '../app/pane-service';
import { mark, mountPane } from '../ui/mount';
import { spawnPaneWorker, workerPaneHost } from '../ui/worker/pane';
import { lockedPort, storageLock } from './lock';
import { applicationPort, wpsApplication } from './port';
import { wpsLang } from './shell';

const container = document.getElementById('container');
const app = wpsApplication();
if (container && app) {
  mark('pga-boot');
  const lang = wpsLang(app, navigator.language);
  const port = lockedPort(applicationPort(), storageLock(app.PluginStorage, `pane:${Date.now().toString(36)}`));
  // The engine in the pane's worker, attached to the workbook here (on this thread where no worker can be made).
  mountPane(createRoot(container), { host: workerPaneHost(paneHost(port), spawnPaneWorker), displayLanguage: lang, initialLang: lang });
}
