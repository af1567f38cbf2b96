/**
 * One assessment at a time per workbook, on this machine, across runtimes: the ribbon's function file and
 * the task pane are separate runtimes (no shared runtime), so an in-memory flag cannot stop the ribbon
 * from writing while the pane writes. The lock lives in localStorage, which both pages share (same
 * origin), keyed by the workbook's URL, with an expiry so that a runtime Office ended mid-run never blocks
 * the workbook for long. Where localStorage is unavailable (private mode, tests), a per-page store stands in.
 *
 * It is the quick, local guard (it refuses a click before anything is read). What protects the workbook
 * is the lock kept inside it (write/claim.ts): it also holds between co-authors on other machines, whose
 * localStorage is their own, and between the runtimes of a workbook that has no URL.
 *
 * An unsaved workbook has no URL (Office.context.document.url is empty or null until it is saved; the
 * FileProperties example in the Office.js reference tests `url == ""` for "not saved yet"). Nothing else
 * names it in both runtimes without writing into it (document settings are per runtime until saveAsync,
 * and refreshAsync would have to race the other runtime), so each runtime keys its unsaved workbook by a
 * random id of its own: two unsaved workbooks never block each other (each workbook window has its own
 * runtimes), and the pane and the ribbon of one unsaved workbook are kept apart by the lock inside it.
 */

export interface LockStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const memory = new Map<string, string>();
const memoryStore: LockStore = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

/** localStorage when the page has it and it works; else a per-page store. */
export function defaultLockStore(): LockStore {
  try {
    const ls: LockStore | null = typeof localStorage !== 'undefined' ? localStorage : null; // (no globalThis: EdgeHTML lacks it)
    if (ls) {
      ls.setItem('pga-lock-probe', '1');
      ls.removeItem('pga-lock-probe');
      return ls;
    }
  } catch {
    // storage disabled
  }
  return memoryStore;
}

interface Held {
  owner: string;
  expires: number;
}

export class RunLock {
  private depth = 0;
  constructor(
    private readonly store: LockStore,
    /** One key per workbook. */
    readonly key: string,
    /** Who holds it ("ribbon:…", "pane:…"): a holder may take it again (nested). */
    readonly owner: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private held(): Held | null {
    try {
      const raw = this.store.getItem(this.key);
      if (!raw) return null;
      const h = JSON.parse(raw) as Held;
      return typeof h.owner === 'string' && typeof h.expires === 'number' ? h : null;
    } catch {
      return null;
    }
  }

  /** Who holds the lock now (null when free or expired). */
  holder(): string | null {
    const h = this.held();
    return h && h.expires > this.now() ? h.owner : null;
  }

  /** Take the lock for `ttlMs` unless another holder has it and it has not expired. */
  tryAcquire(ttlMs: number): boolean {
    const h = this.held();
    if (h && h.owner !== this.owner && h.expires > this.now()) return false;
    this.store.setItem(this.key, JSON.stringify({ owner: this.owner, expires: this.now() + ttlMs }));
    // Two runtimes writing at once: the last write wins; read back to see who that was.
    if (this.held()?.owner !== this.owner) return false;
    this.depth++;
    return true;
  }

  /** Extend a lock this holder has (long runs in the pane). */
  refresh(ttlMs: number): void {
    if (this.held()?.owner === this.owner) this.store.setItem(this.key, JSON.stringify({ owner: this.owner, expires: this.now() + ttlMs }));
  }

  /** Give it back (the outermost release of a nested hold frees it). */
  release(): void {
    if (this.depth > 0) this.depth--;
    if (this.depth === 0 && this.held()?.owner === this.owner) this.store.removeItem(this.key);
  }
}

/** This runtime's name for an unsaved workbook (see the header). */
const RUNTIME_ID = Math.random().toString(36).slice(2) + Date.now().toString(36);

/**
 * The lock of the workbook at `documentUrl`; an unsaved one (no URL) is keyed by `runtimeId`, this
 * runtime's own (see the header), so that unsaved workbooks never share a key.
 */
export function workbookLock(documentUrl: string | null | undefined, owner: string, store: LockStore = defaultLockStore(), runtimeId = RUNTIME_ID): RunLock {
  return new RunLock(store, documentUrl ? `pga-run-lock:${documentUrl}` : `pga-run-lock:unsaved:${runtimeId}`, owner);
}

/** How long a lock lasts without being refreshed: longer than the ribbon may run (5 minutes). */
export const LOCK_TTL_MS = 6 * 60 * 1000;
