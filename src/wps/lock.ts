/**
 * One run per workbook window at a time across the add-in's pages: the ribbon's 考评 (index.html) and the
 * pane's 考评 (taskpane.html) are different pages, each with its own JavaScript, sharing only the add-in's
 * PluginStorage. The lock is a PluginStorage entry { owner, until }: taken when absent, expired or ours.
 * Not atomic (two pages reading at the very same moment could both take it): the window is a click's
 * width, and the write's own ownership checks (src/workbook/meta) keep even that case from touching a
 * sheet that is not ours. An entry left by a page WPS closed mid-run expires after its time-to-live.
 */
import type { WorkbookPort } from '../app/ports';
import { AssessError } from '../domain/errors';
import { WPS_CODES } from '../i18n/wps';
import type { WpsPluginStorage } from './shell';
import { STORAGE, storedString } from './shell';

/** How long a hold on the run lock lasts when WPS closes the page mid-run. */
export const RUN_LOCK_MS = 30 * 60 * 1000;

export interface RunLock {
  tryAcquire(ttlMs: number): boolean;
  release(): void;
}

interface Held {
  owner: string;
  until: number;
}

function parse(text: string): Held | null {
  try {
    const v = JSON.parse(text) as Partial<Held>;
    return typeof v.owner === 'string' && typeof v.until === 'number' ? { owner: v.owner, until: v.until } : null;
  } catch {
    return null;
  }
}

export function storageLock(storage: WpsPluginStorage, owner: string, now: () => number = Date.now): RunLock {
  return {
    tryAcquire(ttlMs) {
      const held = parse(storedString(storage, STORAGE.runLock));
      if (held && held.owner !== owner && held.until > now()) return false;
      storage.setItem(STORAGE.runLock, JSON.stringify({ owner, until: now() + ttlMs }));
      return true;
    },
    release() {
      const held = parse(storedString(storage, STORAGE.runLock));
      if (held && held.owner === owner) storage.setItem(STORAGE.runLock, '');
    },
  };
}

/** The port with the add-in's run lock held around each write (the ribbon's run holds it for its whole run). */
export function lockedPort(port: WorkbookPort, lock: RunLock): WorkbookPort {
  const locked: WorkbookPort = {
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
  // The port's optional powers, kept as they are (a class's methods are not own properties: bound, not spread).
  const { editCells, select } = port;
  if (editCells) locked.editCells = (sheet, cells) => editCells.call(port, sheet, cells);
  if (select) locked.select = (address) => select.call(port, address);
  return locked;
}
