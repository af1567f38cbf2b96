/**
 * The ribbon's 考评 button, independent of Office's globals so that it can be tested.
 *
 * As Office runs a function command (learn.microsoft.com, "Add-in commands" and Office.AddinCommands.Event):
 * - A second click is not refused by Office: it is queued and delivered once the first has called
 *   event.completed() (as issue 17 reads Microsoft's "Create add-in commands" page). So a click never finds
 *   an earlier click of its own runtime still running; it may find the workbook exactly as that click left
 *   it: the queued click reads, assesses, sees the run would write what the workbook already shows (same
 *   inputs, same results, a run recorded minutes ago: `alreadyCurrent`) and says so, writing nothing.
 * - One run per workbook at a time, across runtimes and machines: the localStorage lock
 *   (src/hosts/office/lock.ts) refuses a click while the pane of this machine assesses; the lock kept
 *   inside the workbook (src/hosts/office/write/claim.ts) refuses a write while anyone else's run writes
 *   (a co-author's included), before anything is changed.
 * - A function command lives at most 5 minutes: Office ends its runtime then, mid-write or not, and a
 *   write cut between syncs leaves very hidden `_PGA_TMP_n` sheets until the next run. So at
 *   RIBBON_ABORT_MS (4 minutes) the run's stop signal is raised: it stops at its next boundary (after the
 *   read: nothing written; between two write syncs: a prefix the next run repairs, its lock released), the
 *   message dialog says so, and completed() is called when the user closes it.
 * - event.completed() is called exactly once, and never while a write may still run: on success; after a
 *   failure or a message, when the user closes the dialog (Office may end the runtime as soon as
 *   completed() is called, which would take the dialog with it). The one exception is the last resort:
 *   at RIBBON_DEADLINE_MS, shortly before the 5 minutes, a timer calls it whatever is still running (a
 *   dialog left open, or one write sync of Excel's that has not answered), since Office is about to end the
 *   runtime anyway and a command that never completes leaves the button spinning.
 * - A workbook with more input rows than RIBBON_MAX_ROWS is not assessed from the ribbon; the message sends
 *   the user to the task pane, which has no time limit and shows progress.
 */
import type { AssessOutcome } from '../app/assessWorkbook';
import { AssessError } from '../domain/errors';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { COMMAND_MSG, OFFICE_ERR, COMMAND_CODES } from '../i18n/office';
import type { WorkbookPatch, WorkbookSnapshot } from '../workbook/snapshot';
import { META_SHEET, META_VERSION, ownedSheets, readMeta } from '../workbook/meta';
import type { WorkbookHost } from '../app/ports';
import { failureText } from '../app/failure';

export interface CommandEvent {
  completed(): void;
}

/** The lock the command holds for the whole run (see src/hosts/office/lock.ts). */
export interface CommandLock {
  tryAcquire(ttlMs: number): boolean;
  release(): void;
}

/** Raised at RIBBON_ABORT_MS: the run stops at its next boundary (src/hosts/office/write/claim.ts StopSignal). */
export interface CommandSignal {
  aborted: boolean;
}

export interface CommandDeps {
  /**
   * Runs the whole assessment (assessWorkbook over ribbonHost(an OfficeHost holding `lock`, stopped by
   * `signal`)); the host activates the results sheet.
   */
  assess(displayLanguage: Lang, lock: CommandLock, signal: CommandSignal): Promise<AssessOutcome>;
  /** Office's display language. */
  displayLanguage(): Lang;
  /** Shows a message to the user (the Dialog API in Excel); resolves when the user has closed it, or it could not be shown. */
  showMessage(title: string, text: string, lang: Lang): Promise<void>;
  /** A new holder of the workbook's run lock (shared with the task pane), one per click. */
  newLock(): CommandLock;
  /** Timer (tests pass a fake clock). */
  setTimer?: (ms: number, f: () => void) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The run is asked to stop at its next boundary: a write sync's worth of time before the last resort. */
export const RIBBON_ABORT_MS = 4 * 60 * 1000;
/** Office ends a function command's runtime after 5 minutes: the last resort completes just before. */
export const RIBBON_DEADLINE_MS = 4.75 * 60 * 1000;
/** A click finds the workbook "already current" only when the recorded run is this recent (a queued click). */
export const RIBBON_CURRENT_MS = 10 * 60 * 1000;
/** Above this many input rows the ribbon sends the user to the pane (its write could outlast the 5 minutes). */
export const RIBBON_MAX_ROWS = 20_000;
/** The ribbon's hold on the run lock: longer than the runtime can live. */
export const RIBBON_LOCK_MS = 6 * 60 * 1000;


/** Rows of the sheets a run reads (outputs of earlier runs come back empty from the Office host). */
export function inputRows(snapshot: WorkbookSnapshot): number {
  return snapshot.sheets.reduce((n, s) => (s.visibility === 'veryHidden' ? n : n + s.values.length), 0);
}

/**
 * Would this run write what the workbook already shows? The record of the last run (version 2) lists the
 * same output sheets, all there and ours; the inputs' fingerprint, the results' digest (grades, warnings and
 * their rectification statuses, closings typed in the ledger included), the languages and the calendar day
 * are the same; nothing is to be removed; and that run was recorded less than RIBBON_CURRENT_MS ago (a click
 * Office queued behind it, not a user back after a while who may want the sheets written afresh).
 */
export function alreadyCurrent(snapshot: WorkbookSnapshot, patch: WorkbookPatch, now: Date): boolean {
  const old = readMeta(snapshot);
  const metaPatch = patch.sheets.find((s) => s.name === META_SHEET);
  if (!old || !metaPatch || (old.version ?? 1) < META_VERSION || patch.deleteSheets.length) return false;
  const next = readMeta({ sheets: [{ name: META_SHEET, values: metaPatch.values, merges: [], visibility: 'veryHidden' }] });
  if (!next || !old.digest || old.digest !== next.digest || old.fingerprint !== next.fingerprint) return false;
  if (old.language !== next.language || old.paneLanguage !== next.paneLanguage || old.runAt.slice(0, 10) !== next.runAt.slice(0, 10)) return false;
  const age = now.getTime() - Date.parse(old.runAt);
  if (!(age >= 0 && age < RIBBON_CURRENT_MS)) return false;
  const owned = ownedSheets(snapshot);
  return old.sheets.length === next.sheets.length && next.sheets.every((n, i) => old.sheets[i] === n && owned.has(n));
}

/**
 * The Office host as the ribbon uses it: after the read, a workbook over RIBBON_MAX_ROWS input rows stops
 * the run (nothing written) with a message that sends the user to the task pane; a run that would write
 * what the workbook already shows (alreadyCurrent) writes nothing and says so.
 */
export function ribbonHost(host: WorkbookHost, maxRows = RIBBON_MAX_ROWS, now: () => Date = () => new Date()): WorkbookHost {
  let read: WorkbookSnapshot | null = null;
  return {
    read: async () => {
      const snapshot = await host.read();
      const rows = inputRows(snapshot);
      if (rows > maxRows) throw new AssessError('host', COMMAND_CODES.useThePane, { rows });
      read = snapshot;
      return snapshot;
    },
    write: async (patch) => {
      if (read && alreadyCurrent(read, patch, now())) throw new AssessError('host', COMMAND_CODES.current);
      await host.write(patch);
    },
  };
}

export function createRunAssessment(deps: CommandDeps): (event: CommandEvent) => Promise<void> {
  const setTimer = deps.setTimer ?? ((ms: number, f: () => void) => setTimeout(f, ms));
  const clearTimer = deps.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  return async function runAssessment(event: CommandEvent): Promise<void> {
    let done = false;
    const signal: CommandSignal = { aborted: false };
    const timers: unknown[] = [];
    const complete = () => {
      if (done) return;
      done = true;
      for (const h of timers) clearTimer(h);
      event.completed();
    };
    timers.push(
      setTimer(RIBBON_ABORT_MS, () => {
        signal.aborted = true;
      }),
    );
    timers.push(setTimer(RIBBON_DEADLINE_MS, complete)); // the last resort (see the header)
    let lang: Lang = 'zh-CN';
    try {
      lang = deps.displayLanguage();
    } catch {
      // keep Chinese
    }
    const tell = async (title: string, text: string) => {
      try {
        await deps.showMessage(title, text, lang);
      } catch {
        // the dialog could not be shown: nothing more can be done from a ribbon command
      }
    };
    const lock = deps.newLock();
    if (!lock.tryAcquire(RIBBON_LOCK_MS)) {
      // The pane of this machine is assessing this workbook: nothing starts.
      await tell(t(lang, COMMAND_MSG.failed), t(lang, OFFICE_ERR.busy));
      complete();
      return;
    }
    let failure: unknown = null;
    try {
      await deps.assess(lang, lock, signal);
    } catch (e) {
      failure = e;
    } finally {
      lock.release();
    }
    if (failure !== null && !done) {
      const current = failure instanceof AssessError && failure.code === COMMAND_CODES.current;
      await tell(t(lang, current ? COMMAND_MSG.dialogTitle : COMMAND_MSG.failed), failureText(failure, lang));
    }
    complete();
  };
}
