/**
 * One run per workbook window at a time across the add-in's pages: the ribbon's 考评 (index.html) and the
 * pane's 考评 (taskpane.html) are different pages, each with its own JavaScript, sharing only the add-in's
 * PluginStorage. The lock is a PluginStorage entry { owner, until }: taken when absent, expired or ours.
 * Not atomic (two pages reading at the very same moment could both take it): the window is a click's
 * width, and the write's own ownership checks (src/workbook/meta) keep even that case from touching a
 * sheet that is not ours. An entry left by a page WPS closed mid-run expires after its time-to-live.
 */
import type { WpsPluginStorage } from './shell';
import { STORAGE, storedString } from './shell';

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
