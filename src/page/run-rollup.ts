/**
 * 汇总多个党支部 in the workbook page (a chunk loaded on first use): the roll-up's browser-safe core
 * (src/rollup) over the files the user picked — each read, summarized and let go in turn, so memory holds
 * one workbook at a time — then the summary workbook, the JSON report's data and the summary lines, the
 * same the command-line tool writes and prints for the same files, `asOf` and run time.
 */
import { localDate, localIso } from '../app/clock';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { CONFIG_MSG } from '../i18n/config';
import { combineRollup, finishRollup, summarizeWorkbook, toRollupReport } from '../rollup';
import type { FileSummary, RollupReport } from '../rollup';
import type { RollupLines } from '../rollup/lines';
import { rollupLines } from '../rollup/lines';
import type { PickedFile } from './files';
import { fileBytes } from './files';

/** The old-format check's library (cfb), a chunk of its own: the roll-up reads the files on this thread. */
export { loadCfb } from '../hosts/file/host';

export interface PageRollup {
  report: RollupReport;
  lines: RollupLines;
  asOf: string;
  /** The summary workbook; null when no file could be read (nothing to download, as the tool writes nothing then). */
  bytes: Uint8Array | null;
  /** What the summary was made of, to make it again with another Party committee's name without reading the files again. */
  made: { summaries: FileSummary[]; lang: Lang; now: Date; seconds: string; unit: string };
}

const both = (msg: { zh: string; en: string }, params: Record<string, string>) => ({ zh: t('zh-CN', msg, params), en: t('en-US', msg, params) });

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The roll-up of the picked files. `unit`: the Party committee's name for the titles. A roll-up summary
 * picked among the files (the 汇总.xlsx downloaded last time) is not summarized: the 督办意见 typed into it
 * are carried into the new summary, as `assess rollup` carries them from its --out.
 */
export async function rollupPicked(files: readonly PickedFile[], lang: Lang, onFile: (done: number) => void, now = new Date(), unit = ''): Promise<PageRollup> {
  const started = Date.now();
  const asOf = localDate(now);
  const summaries: FileSummary[] = [];
  for (const p of files) {
    const modified = Number.isFinite(p.file.lastModified) ? p.file.lastModified : null;
    let bytes: Uint8Array | null = null;
    try {
      bytes = await fileBytes(p.file);
    } catch (e) {
      const detail = e instanceof Error ? e.name || e.message : String(e);
      summaries.push({ kind: 'failed', file: p.path, modified, reason: both(CONFIG_MSG.fileUnreadable, { path: p.path, detail }) });
    }
    if (bytes) summaries.push(await summarizeWorkbook({ name: p.path, bytes, modified }, { asOf }));
    onFile(summaries.length);
    // Let the page paint the progress between files.
    await nextTurn();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return makeRollup({ summaries, lang, now, seconds, unit });
}

/** The summary of files already summarized, with (another) Party committee's name. */
export async function makeRollup(made: PageRollup['made']): Promise<PageRollup> {
  const { summaries, lang, now, seconds, unit } = made;
  const asOf = localDate(now);
  if (!summaries.some((s) => s.kind === 'branch')) {
    const rollup = combineRollup(summaries, { asOf, unit });
    const report = toRollupReport(rollup, lang);
    return { report, lines: rollupLines(rollup, report, lang, seconds), asOf, bytes: null, made };
  }
  const { rollup, report, bytes } = await finishRollup(summaries, { lang, asOf, runAt: localIso(now), unit });
  return { report, lines: rollupLines(rollup, report, lang, seconds), asOf, bytes, made };
}
