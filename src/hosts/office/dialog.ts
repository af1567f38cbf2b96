/// <reference types="office-js" />
/**
 * A small message dialog through the Dialog API (Office.context.ui.displayDialogAsync), for the ribbon
 * command, which has no pane to show a failure in. The page (dialog.html) reads its text from the query
 * string and asks to be closed; the dialog is also closed when the user dismisses it.
 */
import type { Lang } from '../../domain/types';

/** The dialog page's URL beside the function file (same origin, as the Dialog API requires). */
export function dialogUrl(base: string, title: string, text: string, lang: Lang): string {
  const u = new URL('dialog.html', base);
  u.searchParams.set('title', title);
  u.searchParams.set('msg', text);
  u.searchParams.set('lang', lang);
  return u.toString();
}

/**
 * Shows the message; resolves when the user has closed it (its Close button, or the dialog's X), or at
 * once when it could not be shown. The ribbon command calls event.completed() only then.
 */
export function showDialogMessage(title: string, text: string, lang: Lang): Promise<void> {
  return new Promise((resolve) => {
    const url = dialogUrl(window.location.href, title, text, lang);
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      // The user closed the dialog (12006) or it failed to load: either way it is gone.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}
