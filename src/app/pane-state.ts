/**
 * The banners' state (PaneState) from a snapshot: shared by every pane host and the pane's first paint.
 * Kept apart from the pane service (src/app/pane-service.ts) because it is light: the pane's first chunk
 * needs it, while the service's planners (template, rules) load with the hosts.
 */
import { AssessError } from '../domain/errors';
import type { Lang } from '../domain/types';
import { fingerprint } from '../workbook/fingerprint';
import { ownedSheets, readMeta } from '../workbook/meta';
import type { WorkbookSnapshot } from '../workbook/snapshot';

export interface PaneState {
  /** True when the workbook carries the add-in's record of a run. */
  assessed: boolean;
  /** ISO time of the last run, null when never assessed. */
  runAt: string | null;
  /** True when the inputs' fingerprint differs from the one recorded at the last run. */
  changed: boolean;
  /** True when at least one score table was recognised (the template is offered only without one). */
  hasScoreTable: boolean;
  /** The pane language remembered in the workbook. */
  paneLanguage: Lang | null;
}

/** The reader and its words, loaded on demand (they are heavy); the pane prefetches them when idle. */
export const loadReader = () => Promise.all([import('../workbook/parse'), import('../i18n/config')]);

/** Does the snapshot hold a recognised score table? Uses the reader, loaded on demand (it is heavy). */
async function hasScoreTable(snapshot: WorkbookSnapshot): Promise<boolean> {
  const [{ parseWorkbook }, { CONFIG_CODES }] = await loadReader();
  try {
    return parseWorkbook(snapshot).tables.length > 0;
  } catch (e) {
    // The reader's "no score table" is the one answer that offers the template; any other configuration
    // error (bad rubric, bad rules) means there is a workbook to fix, not a template to add.
    return !(e instanceof AssessError && e.code === CONFIG_CODES.noScoreTable);
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

