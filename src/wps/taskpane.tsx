/**
 * taskpane.html's script: the same pane as Excel's (src/ui/App.tsx through src/ui/mount.tsx), over the WPS
 * port, in WPS's UI language. Its 考评 and the ribbon's share the add-in's run lock (src/wps/lock.ts).
 */
import '../compat/polyfills';
import '../compat/resize-observer';
import { createRoot } from 'react-dom/client';
import { paneHost } from '../app/pane-service';
import type { WorkbookPort } from '../app/ports';
import { AssessError } from '../domain/errors';
import { WPS_CODES } from '../i18n/wps';
import { mark, mountPane } from '../ui/mount';
import { storageLock } from './lock';
import type { RunLock } from './lock';
import { applicationPort, wpsApplication } from './port';
import { RUN_LOCK_MS } from './ribbon';
import { wpsLang } from './shell';

/** The port with the add-in's run lock held around each write (the ribbon's run holds it for its whole run). */
export function lockedPort(port: WorkbookPort, lock: RunLock): WorkbookPort {
  return {
    ...port,
    kind: port.kind,
    read: () => port.read(),
    insert: (patch) => port.insert(patch),
    write: async (patch) => {
      if (!lock.tryAcquire(RUN_LOCK_MS)) throw new AssessError('host', WPS_CODES.busy);
      try {
        return await port.write(patch);
      } finally {
        lock.release();
      }
    },
  };
}

const container = document.getElementById('container');
const app = wpsApplication();
if (container && app) {
  mark('pga-boot');
  const lang = wpsLang(app, navigator.language);
  const port = lockedPort(applicationPort(), storageLock(app.PluginStorage, `pane:${Date.now().toString(36)}`));
  mountPane(createRoot(container), { host: paneHost(port), displayLanguage: lang, initialLang: lang });
}
