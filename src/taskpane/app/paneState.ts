/** The banners' state (PaneState) from a snapshot: light, shared by both pane hosts and the pane's first paint. */
import { fingerprint } from '../../workbook/fingerprint';
import { ownedSheets, readMeta } from '../../workbook/meta';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import type { PaneState } from '../pane-host';

/** Does the snapshot hold a recognised score table? Uses the reader, loaded on demand (it is heavy). */
async function hasScoreTable(snapshot: WorkbookSnapshot): Promise<boolean> {
  const [{ parseWorkbook }, { CONFIG_MSG }] = await Promise.all([import('../../workbook/parse'), import('../../i18n/config')]);
  try {
    return parseWorkbook(snapshot).tables.length > 0;
  } catch (e) {
    // The reader's "no score table" is the one answer that offers the template; any other configuration
    // error (bad rubric, bad rules) means there is a workbook to fix, not a template to add.
    return !(e instanceof Error && (e as { msg?: unknown }).msg === CONFIG_MSG.noScoreTable);
  }
}

/** The banners' state from a snapshot: both hosts compute it the same way. */
export async function paneStateOf(snapshot: WorkbookSnapshot): Promise<PaneState> {
  const meta = readMeta(snapshot);
  const assessed = !!meta && meta.runAt !== '';
  const changed = assessed && !!meta && fingerprint(snapshot, ownedSheets(snapshot)) !== meta.fingerprint;
  return {
    assessed,
    runAt: assessed && meta ? meta.runAt : null,
    changed,
    hasScoreTable: await hasScoreTable(snapshot),
    paneLanguage: meta ? meta.paneLanguage : null,
  };
}

