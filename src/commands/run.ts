/**
 * The ribbon's 考评 button, independent of Office's globals so that it can be tested.
 *
 * - One run per workbook at a time, across runtimes: the function file and the task pane are separate
 *   runtimes, so the guard is the workbook's run lock in localStorage (src/hosts/office/lock.ts), with an
 *   expiry. A click while the pane or an earlier click is assessing shows "already running".
 * - A function command lives at most 5 minutes: Office ends its runtime then. A workbook with more input
 *   rows than RIBBON_MAX_ROWS is not assessed from the ribbon; the message sends the user to the task
 *   pane, which has no time limit and shows progress.
 * - event.completed() is called exactly once: when the run succeeds; after a failure, when the user
 *   closes the message dialog (Office may end the runtime as soon as completed() is called, which would
 *   take the dialog with it); and in any case by a timer before the 5 minutes are up.
 */
import type { AssessOutcome } from '../app/assessWorkbook';
import { AssessError } from '../domain/errors';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { COMMAND_MSG, OFFICE_ERR, COMMAND_CODES } from '../i18n/office';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { WorkbookHost } from '../app/ports';
import { describeError } from '../i18n/errors';

export interface CommandEvent {
  completed(): void;
}

/** The lock the command holds for the whole run (see src/hosts/office/lock.ts). */
export interface CommandLock {
  tryAcquire(ttlMs: number): boolean;
  release(): void;
}

export interface CommandDeps {
  /** Runs the whole assessment (assessWorkbook over an OfficeHost holding `lock`); the host activates the results sheet. */
  assess(displayLanguage: Lang, lock: CommandLock): Promise<AssessOutcome>;
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

/** Office ends a function command's runtime after 5 minutes: complete well before. */
export const RIBBON_DEADLINE_MS = 4.5 * 60 * 1000;
/** Above this many input rows the ribbon sends the user to the pane (its write could outlast the 5 minutes). */
export const RIBBON_MAX_ROWS = 20_000;
/** The ribbon's hold on the run lock: longer than the runtime can live. */
export const RIBBON_LOCK_MS = 6 * 60 * 1000;

/** The failure as the user reads it: the typed error's message, or a generic one. */
export function failureText(e: unknown, lang: Lang): string {
  if (e instanceof AssessError) return describeError(e, lang);
  const detail = e instanceof Error ? e.message : String(e);
  return t(lang, COMMAND_MSG.unexpected, { detail });
}

/** Rows of the sheets a run reads (outputs of earlier runs come back empty from the Office host). */
export function inputRows(snapshot: WorkbookSnapshot): number {
  return snapshot.sheets.reduce((n, s) => (s.visibility === 'veryHidden' ? n : n + s.values.length), 0);
}

/**
 * The Office host as the ribbon uses it: after the read, a workbook over RIBBON_MAX_ROWS input rows stops
 * the run (nothing written) with a message that sends the user to the task pane.
 */
export function ribbonHost(host: WorkbookHost, maxRows = RIBBON_MAX_ROWS): WorkbookHost {
  return {
    read: async () => {
      const snapshot = await host.read();
      const rows = inputRows(snapshot);
      if (rows > maxRows) throw new AssessError('host', COMMAND_CODES.useThePane, { rows });
      return snapshot;
    },
    write: (patch) => host.write(patch),
  };
}

export function createRunAssessment(deps: CommandDeps): (event: CommandEvent) => Promise<void> {
  const setTimer = deps.setTimer ?? ((ms: number, f: () => void) => setTimeout(f, ms));
  const clearTimer = deps.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  return async function runAssessment(event: CommandEvent): Promise<void> {
    let done = false;
    const complete = () => {
      if (done) return;
      done = true;
      clearTimer(deadline);
      event.completed();
    };
    const deadline = setTimer(RIBBON_DEADLINE_MS, complete);
    let lang: Lang = 'zh-CN';
    try {
      lang = deps.displayLanguage();
    } catch {
      // keep Chinese
    }
    const tell = async (text: string) => {
      try {
        await deps.showMessage(t(lang, COMMAND_MSG.failed), text, lang);
      } catch {
        // the dialog could not be shown: nothing more can be done from a ribbon command
      }
    };
    const lock = deps.newLock();
    if (!lock.tryAcquire(RIBBON_LOCK_MS)) {
      // A second click, or the pane is assessing: nothing starts.
      await tell(t(lang, OFFICE_ERR.busy));
      complete();
      return;
    }
    let failure: unknown = null;
    try {
      await deps.assess(lang, lock);
    } catch (e) {
      failure = e;
    } finally {
      lock.release();
    }
    if (failure !== null && !done) await tell(failureText(failure, lang));
    complete();
  };
}
