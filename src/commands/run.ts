/**
 * The ribbon's 考评 button, independent of Office's globals so that it can be tested: run the use case
 * once (a second click while a run is in progress starts nothing), report a failure in a small dialog in
 * the user's language, and always tell Office the command is finished (event.completed()).
 */
import type { AssessOutcome } from '../app/assessWorkbook';
import { AssessError } from '../domain/errors';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { COMMAND_MSG } from '../i18n/office';

export interface CommandEvent {
  completed(): void;
}

export interface CommandDeps {
  /** Runs the whole assessment (assessWorkbook over an OfficeHost); the host activates the results sheet. */
  assess(displayLanguage: Lang): Promise<AssessOutcome>;
  /** Office's display language. */
  displayLanguage(): Lang;
  /** Shows a message to the user (the Dialog API in Excel); resolves when shown or failed to show. */
  showMessage(title: string, text: string, lang: Lang): Promise<void>;
}

/** The failure as the user reads it: the typed error's message, or a generic one. */
export function failureText(e: unknown, lang: Lang): string {
  if (e instanceof AssessError) return e.describe(lang);
  const detail = e instanceof Error ? e.message : String(e);
  return t(lang, COMMAND_MSG.unexpected, { detail });
}

export function createRunAssessment(deps: CommandDeps): (event: CommandEvent) => Promise<void> {
  let running = false;
  return async function runAssessment(event: CommandEvent): Promise<void> {
    if (running) {
      // A second click while a run is in progress: nothing starts; Office is told we are done with it.
      event.completed();
      return;
    }
    running = true;
    let lang: Lang = 'zh-CN';
    try {
      lang = deps.displayLanguage();
      await deps.assess(lang);
    } catch (e) {
      try {
        await deps.showMessage(t(lang, COMMAND_MSG.failed), failureText(e, lang), lang);
      } catch {
        // the dialog could not be shown: nothing more can be done from a ribbon command
      }
    } finally {
      running = false;
      event.completed();
    }
  };
}
