/** The pane's language and string lookup, shared by every panel. */
import { createContext, useContext } from 'react';
import type { Lang, Msg, Params } from '../i18n';
import { t } from '../i18n';

export interface PaneI18n {
  lang: Lang;
  tr: (msg: Msg, params?: Params) => string;
}

export function makeI18n(lang: Lang): PaneI18n {
  return { lang, tr: (msg, params) => t(lang, msg, params) };
}

export const I18nContext = createContext<PaneI18n>(makeI18n('zh-CN'));

export function useI18n(): PaneI18n {
  return useContext(I18nContext);
}
