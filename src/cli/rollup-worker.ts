/**
 * A roll-up worker thread (src/cli/rollup-files.ts starts one per core): it reads the files it is sent,
 * one at a time, and posts back each file's compact summary — never the workbook.
 */
import { parentPort, workerData } from 'worker_threads';
import type { FoundFile } from './rollup-files';
import { summarizeFileAt } from './rollup-files';

const { asOf } = workerData as { asOf: string };

parentPort?.on('message', (m: { index: number; file: FoundFile }) => {
  void summarizeFileAt(m.file, asOf).then((summary) => parentPort?.postMessage({ index: m.index, summary }));
});
