/**
 * Load every on-demand chunk once the page is idle after its first paint, so that a page, once open, works
 * without the network (issue 18: a careful user disconnects after the page loads to check that nothing is
 * uploaded). The chunks are really loaded — each loader is the very import() the page uses later — not
 * hinted: a `webpackPrefetch` <link> only warms the HTTP cache, which an offline browser may not consult,
 * while an executed import() leaves the module in webpack's module cache, so the later import() resolves
 * without any request.
 *
 * One loader at a time, after the first paint (the caller calls this from an effect) and only when the
 * browser is idle: requestIdleCallback where there is one, else a timer (the EdgeHTML 18 webview and other
 * old browsers lack requestIdleCallback). A loader that fails is left alone: the action that needs the chunk
 * loads it again then, and says so if it cannot (chunkNotLoaded in src/i18n/errors.ts).
 */

type Loader = () => Promise<unknown>;

interface IdleWindow {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
}

/** When no idle callback comes, the chunks load anyway after this long (ms). */
const IDLE_TIMEOUT_MS = 5000;
/** Without requestIdleCallback: a timer this long after the first paint (ms). */
const FALLBACK_DELAY_MS = 1000;

/** Load the chunks one after another when idle; the returned function cancels what has not started. */
export function prefetchWhenIdle(loaders: Loader[]): () => void {
  let cancelled = false;
  const run = async () => {
    for (const load of loaders) {
      if (cancelled) return;
      try {
        await load();
      } catch {
        // offline before the chunk came, or the site changed: the action that needs it will say so
      }
    }
  };
  const w = (typeof window !== 'undefined' ? window : {}) as IdleWindow;
  if (typeof w.requestIdleCallback === 'function') {
    const handle = w.requestIdleCallback(() => void run(), { timeout: IDLE_TIMEOUT_MS });
    return () => {
      cancelled = true;
      if (typeof w.cancelIdleCallback === 'function') w.cancelIdleCallback(handle);
    };
  }
  const timer = setTimeout(() => void run(), FALLBACK_DELAY_MS);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
