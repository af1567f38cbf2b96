/**
 * The string catalogue's mechanics. Every user-facing string is a `Msg` with Chinese first and
 * English second; the catalogue's entries live in src/i18n/*.ts, one file per area.
 */
import type { Lang } from '../domain/types';

export type { Lang };

export interface Msg {
  zh: string;
  en: string;
}

/** A parameter may itself be a message (e.g. an item name that has an English translation). */
export type Params = Record<string, string | number | null | undefined | Msg>;

/** Render a message in a language, replacing `{name}` with params.name. */
export function t(lang: Lang, msg: Msg, params: Params = {}): string {
  const template = lang === 'en-US' ? msg.en : msg.zh;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined || v === null) return whole;
    return typeof v === 'object' ? (lang === 'en-US' ? v.en : v.zh) : String(v);
  });
}

/** Both languages, Chinese first: for places that show both (stderr of the CLI when no language is known). */
export function both(msg: Msg, params: Params = {}): string {
  return `${t('zh-CN', msg, params)} / ${t('en-US', msg, params)}`;
}

export function isLang(x: unknown): x is Lang {
  return x === 'zh-CN' || x === 'en-US';
}
