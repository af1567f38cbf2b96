/// <reference types="office-js" />
/**
 * The run lock kept inside the workbook, and the write's stop signal.
 *
 * Why inside the workbook: the localStorage lock (../lock.ts) is per machine. Two co-authors of one workbook
 * on OneDrive/SharePoint each have their own, so without a lock both can write at once, and one run's
 * cleanup (step 0 of order.ts: very hidden `_PGA_TMP_*` sheets) deletes the other's temporary sheets.
 * The workbook is what both clients share: Excel merges each co-author's changes into it (co-authoring in
 * Excel on the web and Microsoft 365; a merged change reaches the others within seconds, not at once).
 *
 * The protocol (writePatch in order.ts):
 *   1. The lock as the read found it (the run's read loads the meta sheet's values, C1:E1 included: see
 *      META_LOCK in src/workbook/meta.ts) is checked before any call into Excel: another holder's unexpired
 *      lock stops the write there, nothing changed (busy). No extra round trip.
 *   2. The lock (owner, expiry) is written in the same sync as the first steps of the write, so anything a
 *      run leaves between its syncs (its temporary sheets above all) exists only while its lock does. A
 *      run whose read saw such a sheet also read the lock that protects it (the read lists the sheets,
 *      then reads the meta sheet's values), and refuses: its cleanup never deletes another run's sheets.
 *   3. Every later sync but the last writes it again (a fresh expiry: long writes in the pane); the last
 *      sync clears it, together with the final steps. A write of one sync leaves nothing between syncs,
 *      so it writes no lock (and still refuses while another run holds one).
 *   4. A write that stops or fails between syncs clears the lock if it is still its own (a sync of its own,
 *      best effort); a runtime Office ended leaves it to expire.
 * Limits, said plainly: Excel has no compare-and-set, and a co-author's change reaches the others within
 * seconds, not at once. Two runs whose reads both came before either wrote may both write; then the later
 * one's temporary sheet names collide with the earlier one's (Excel refuses a second sheet of a name), it
 * stops with "interrupted, assess again", and its cleanup touches only what its own read saw (not the other
 * run's sheets, which did not exist yet). Nobody's own data is at stake: only sheets the record owns are
 * ever touched.
 */
import { AssessError } from '../../../domain/errors';
import { META_LOCK, META_SHEET, metaLockCells, readMetaLock } from '../../../workbook/meta';
import type { MetaLock } from '../../../workbook/meta';
import { TEXT_FORMAT, needsTextFormat } from '../../../workbook/text-format';
import { OFFICE_CODES } from '../../../i18n/office';
import type { OfficeEnv } from '../env';
import type { ReadState } from '../read';

/**
 * Raised to stop a write at its next sync boundary (the ribbon, before Office's 5-minute limit). A plain
 * object rather than AbortSignal: the check is a property read between syncs, nothing listens.
 */
export interface StopSignal {
  readonly aborted: boolean;
}

/** Who writes, and how long a lock it takes (the expiry is renewed at every sync). */
export interface WorkbookClaim {
  owner: string;
  ttlMs: number;
  now?: () => number;
}

const lockRange = (ws: Excel.Worksheet) => ws.getRangeByIndexes(META_LOCK.row, META_LOCK.col, 1, 3);

/** Step 1: another holder's unexpired lock, as the read found it, stops the write here, nothing changed. */
export function checkClaim(state: ReadState, claim: WorkbookClaim): void {
  const meta = state.snapshot.sheets.find((s) => s.name === META_SHEET);
  const held = readMetaLock(meta?.values[META_LOCK.row]?.slice(META_LOCK.col, META_LOCK.col + 3));
  const now = (claim.now ?? Date.now)();
  if (held && held.owner !== claim.owner && held.expires > now) throw new AssessError('host', OFFICE_CODES.busy);
}

/**
 * Queues the lock's cells. The owner ids this add-in makes ("ribbon:…", "host:…") are text as Excel reads
 * what is typed; one that Excel would read as a number or date gets its cells formatted as text first.
 */
export function queueHold(context: Excel.RequestContext, claim: WorkbookClaim): void {
  const lock: MetaLock = { owner: claim.owner, expires: (claim.now ?? Date.now)() + claim.ttlMs };
  const range = lockRange(context.workbook.worksheets.getItem(META_SHEET));
  if (needsTextFormat(lock.owner)) range.numberFormat = [[TEXT_FORMAT, TEXT_FORMAT, 'General']];
  range.values = [metaLockCells(lock)];
}

/** Queues the lock's release (its cells emptied). */
export function queueRelease(context: Excel.RequestContext): void {
  const range = lockRange(context.workbook.worksheets.getItem(META_SHEET));
  range.values = [['', '', '']];
}

/** After a stop or a failure between syncs: clear the lock if it is still this claim's. Never throws. */
export async function releaseAfterStop(env: OfficeEnv, claim: WorkbookClaim): Promise<void> {
  try {
    await env.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
      await context.sync();
      if (ws.isNullObject) return;
      const range = lockRange(ws).load('values');
      await context.sync();
      if (readMetaLock(range.values[0])?.owner !== claim.owner) return;
      queueRelease(context);
      await context.sync();
    });
  } catch {
    // Excel is gone or refuses: the lock expires on its own.
  }
}
