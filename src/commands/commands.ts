/// <reference types="office-js" />
/**
 * The function file of the ribbon (commands.html): registers `runAssessment`, the manifest's
 * ExecuteFunction for the 考评 button. No React here: this bundle stays small (checked by a test).
 */
import '../compat/polyfills'; // first: libraries use what EdgeHTML lacks when they load
import { assessWorkbook } from '../app/assessWorkbook';
import type { Lang } from '../domain/types';
import { OfficeHost, defaultEnv, displayLanguage, showDialogMessage, workbookLock } from '../hosts/office';
import type { RunLock } from '../hosts/office';
import { createRunAssessment, ribbonHost } from './run';

let clicks = 0;

export const runAssessment = createRunAssessment({
  assess: (lang: Lang, lock, signal) => assessWorkbook(ribbonHost(new OfficeHost(undefined, { lock: lock as RunLock, signal })), { displayLanguage: lang }),
  displayLanguage: () => displayLanguage(),
  showMessage: (title, text, lang) => showDialogMessage(title, text, lang),
  newLock: () => workbookLock(defaultEnv().documentUrl, `ribbon:${Date.now().toString(36)}:${++clicks}`),
});

// Older hosts (Excel 2019) look the function up on the function file's global object by name;
// newer ones through Office.actions.associate. Both point at the same function.
(window as unknown as Record<string, unknown>).runAssessment = runAssessment;
Office.onReady(() => {
  if (Office.actions && typeof Office.actions.associate === 'function') Office.actions.associate('runAssessment', runAssessment);
});
