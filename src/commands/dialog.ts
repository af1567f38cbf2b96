/// <reference types="office-js" />
/** The failure dialog's page: shows ?title=…&msg=… (already in the user's language) and a Close button. */
import { t } from '../i18n';
import { COMMAND_MSG } from '../i18n/office';

function show(): void {
  const q = new URLSearchParams(window.location.search);
  const lang = q.get('lang') === 'en-US' ? 'en-US' : 'zh-CN';
  document.documentElement.lang = lang;
  const title = q.get('title') ?? t(lang, COMMAND_MSG.failed);
  document.title = t(lang, COMMAND_MSG.dialogTitle);
  (document.getElementById('title') as HTMLElement).textContent = title;
  (document.getElementById('msg') as HTMLElement).textContent = q.get('msg') ?? '';
  const close = document.getElementById('close') as HTMLButtonElement;
  close.textContent = t(lang, COMMAND_MSG.close);
  close.addEventListener('click', () => {
    try {
      Office.context.ui.messageParent('close');
    } catch {
      window.close();
    }
  });
  close.focus();
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') Office.onReady(() => show());
else show();
