/**
 * The 党委's roll-up of many branches' workbooks, without any Node API — so the workbook page can run it
 * in a browser on the files a user picks, and the command-line tool (src/cli/rollup*.ts) runs the same
 * steps with folders, worker threads and a progress bar around them:
 *
 *   summarizeWorkbook (one file's bytes → its compact summary; never throws)
 *   → combineRollup (the summaries → the 党委's view)
 *   → renderRollup (→ the summary workbook's patch) → rollupWorkbookBytes (→ .xlsx bytes)
 *   → toRollupReport (→ the JSON report, RollupReportSchema)
 */
import type { Lang } from '../domain/types';
import { FileHost } from '../hosts/file/host';
import type { Rollup } from './combine';
import { combineRollup } from './combine';
import { renderRollup } from './render';
import type { RollupReport } from './report';
import { toRollupReport } from './report';
import type { FileSummary, RollupInput } from './summary';
import { summarizeWorkbook } from './summary';
import type { OpinionRow } from './opinions';

export { combineRollup } from './combine';
export type { Rollup } from './combine';
export { renderRollup } from './render';
export { toRollupReport } from './report';
export type { RollupReport } from './report';
export { summarizeWorkbook } from './summary';
export type { OpinionRow } from './opinions';
export type { FileSummary, RollupInput } from './summary';

export interface RollupOptions {
  lang: Lang;
  /** The date rectification statuses are judged on (YYYY-MM-DD), for every file alike. */
  asOf: string;
  /** Local ISO time of the roll-up with its offset (shown on 报送情况). */
  runAt: string;
  /** The Party committee's name, in the titles (omitted or '': none). */
  unit?: string;
  /** 督办意见 read from the earlier summary the output replaces (the command's --out), carried into 整改督办. */
  opinions?: readonly OpinionRow[];
}

/** The summary workbook as .xlsx bytes: a new workbook holding the four tables and the roll-up mark. */
export async function rollupWorkbookBytes(rollup: Rollup, opts: Pick<RollupOptions, 'lang' | 'runAt'>): Promise<Uint8Array> {
  const host = FileHost.empty();
  await host.write(renderRollup(rollup, opts));
  return host.bytes();
}

/** Everything from the files' summaries: the roll-up, its report and the summary workbook's bytes. */
export async function finishRollup(summaries: readonly FileSummary[], opts: RollupOptions): Promise<{ rollup: Rollup; report: RollupReport; bytes: Uint8Array }> {
  const rollup = combineRollup(summaries, { asOf: opts.asOf, unit: opts.unit, opinions: opts.opinions });
  const bytes = await rollupWorkbookBytes(rollup, opts);
  return { rollup, report: toRollupReport(rollup, opts.lang), bytes };
}

/** The whole roll-up of files in memory, one after another (the workbook page; tests). */
export async function rollupFiles(
  inputs: Iterable<RollupInput> | AsyncIterable<RollupInput>,
  opts: RollupOptions & { onFile?: (done: number) => void },
): Promise<{ rollup: Rollup; report: RollupReport; bytes: Uint8Array }> {
  const summaries: FileSummary[] = [];
  for await (const input of inputs) {
    summaries.push(await summarizeWorkbook(input, { asOf: opts.asOf }));
    opts.onFile?.(summaries.length);
  }
  return finishRollup(summaries, opts);
}
