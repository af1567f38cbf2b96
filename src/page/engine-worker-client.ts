/**
 * Where the workbook page's engine worker comes from — the one place that makes it.
 *
 * The seam for other builds: the page as one self-contained HTML file has no worker script beside it, so
 * that build aliases THIS module (webpack `resolve.alias`) to one that makes the same worker from a Blob.
 * Nothing else in the page names the worker's script: keep it so.
 *
 * The form `new Worker(new URL('./engine.worker.ts', import.meta.url))` is the one webpack 5 recognises: it
 * bundles engine.worker.ts (and its chunks) as a worker of its own. `import.meta` is ES module syntax: the
 * project's type check runs with CommonJS modules (for Node and the tests), so it is told to expect the
 * error there; the page's build (tsconfig.web.json, ESNext modules) compiles it as written. Nothing run by
 * the tests imports this module (they hand the page's host a worker made in-process).
 */
export function createEngineWorker(): Worker {
  // @ts-expect-error TS1343: import.meta under the type check's CommonJS modules; webpack compiles it as ESM
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { name: 'engine-worker' });
}
