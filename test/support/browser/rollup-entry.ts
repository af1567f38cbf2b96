/**
 * A browser bundle of the roll-up's core (src/rollup), for test/system/rollup-browser.test.ts: it proves the
 * workbook page can summarize the files a user picks without Node. `window.pgaRollup(files, opts)` resolves
 * to the summary workbook's bytes and the JSON report's text.
 */
import { rollupFiles } from '../../../src/rollup';
import type { Lang } from '../../../src/domain/types';

declare global {
  interface Window {
    pgaRollup: (
      files: { name: string; bytes: number[]; modified: number | null }[],
      opts: { lang: Lang; asOf: string; runAt: string },
    ) => Promise<{ bytes: number[]; report: string } | string>;
  }
}

window.pgaRollup = async (files, opts) => {
  try {
    const { bytes, report } = await rollupFiles(
      files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes), modified: f.modified })),
      opts,
    );
    return { bytes: Array.from(bytes), report: JSON.stringify(report, null, 2) };
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e);
  }
};
