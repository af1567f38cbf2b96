/**
 * dialog.html: the progress and result of the ribbon's 考评, shown in a WPS dialog (Application.ShowDialog).
 * It reads the run's state that index.html writes to the add-in's PluginStorage (src/wps/ribbon.ts RunState)
 * and follows it until the run ends. Plain DOM, no React: it opens at once.
 */
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { PANE } from '../i18n/pane';
import { WPS_MSG } from '../i18n/wps';
import type { RunState } from './ribbon';
import { STORAGE, storedString } from './shell';
import { wpsApplication } from './port';

/** How often the dialog reads the run's state (ms). */
const POLL_MS = 250;

const STAGE = { read: PANE.stage_read, parse: PANE.stage_parse, assess: PANE.stage_assess, render: PANE.stage_render, write: PANE.stage_write };

function readState(): RunState | null {
  const app = wpsApplication();
  if (!app) return null;
  try {
    return JSON.parse(storedString(app.PluginStorage, STORAGE.runState)) as RunState;
  } catch {
    return null;
  }
}

function render(state: RunState | null, fallback: Lang): boolean {
  const lang = state?.lang ?? fallback;
  document.documentElement.lang = lang;
  const title = document.getElementById('title')!;
  const msg = document.getElementById('msg')!;
  const close = document.getElementById('close')!;
  close.textContent = t(lang, WPS_MSG.close);
  document.title = t(lang, WPS_MSG.dialogTitle);
  if (!state) {
    title.textContent = t(lang, WPS_MSG.dialogTitle);
    msg.textContent = t(lang, WPS_MSG.waiting);
    return false;
  }
  if (state.phase === 'running') {
    title.textContent = t(lang, WPS_MSG.dialogTitle);
    msg.textContent = state.stage ? t(lang, WPS_MSG.running, { stage: STAGE[state.stage] }) : t(lang, WPS_MSG.starting);
    return false;
  }
  title.textContent = state.title ?? '';
  msg.textContent = state.text ?? '';
  return true;
}

const lang: Lang = new URLSearchParams(window.location.search).get('lang') === 'en-US' ? 'en-US' : 'zh-CN';
document.getElementById('close')?.addEventListener('click', () => window.close());
const tick = () => {
  if (!render(readState(), lang)) window.setTimeout(tick, POLL_MS);
};
tick();
