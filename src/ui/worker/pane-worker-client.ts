/**
 * Where the task pane's engine worker comes from — the one place that makes it, for Excel's pane and the WPS
 * pane alike (as src/page/engine-worker-client.ts is for the workbook page); loaded on demand by
 * `spawnPaneWorker` (./pane.ts). The form `new Worker(new URL(…, import.meta.url))`
 * is the one webpack 5 bundles as a worker of its own; the type check runs with CommonJS modules and is told
 * to expect `import.meta` (the browser build compiles it as written). Nothing run by the tests imports this
 * module: there the pane's engine runs on its thread, or in a test's in-process worker.
 */
export function createEngineWorker(): Worker {
  // @ts-expect-error TS1343: import.meta under the type check's CommonJS modules; webpack compiles it as ESM
  return new Worker(new URL('./pane.worker.ts', import.meta.url), { name: 'pane-engine-worker' });
}
