/// <reference types="office-js" />
/**
 * The function file of the ribbon (commands.html): registers `runAssessment`, the manifest's
 * ExecuteFunction for the 考评 button. No React here: this bundle stays small (checked by a test).
 */
import { assessWorkbook } from '../app/assessWorkbook';
import type { Lang } from '../domain/types';
import { OfficeHost, displayLanguage } from '../hosts/office';
import { showDialogMessage } from '../hosts/office/dialog';
import { createRunAssessment } from './run';

export const runAssessment = createRunAssessment({
  assess: (lang: Lang) => assessWorkbook(new OfficeHost(), { displayLanguage: lang }),
  displayLanguage: () => displayLanguage(),
  showMessage: (title, text, lang) => showDialogMessage(title, text, lang),
});

Office.onReady(() => {
  Office.actions.associate('runAssessment', runAssessment);
});
