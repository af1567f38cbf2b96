/**
 * The words of every AssessError (src/domain/errors.ts). Each catalogue of error messages makes its codes
 * here — `CONFIG_CODES = errorCodes('config', CONFIG_MSG)` gives `CONFIG_CODES.rubricTotal`, the code
 * `config.rubricTotal` — and so registers its words: a throw site imports the codes from the catalogue, which
 * brings the words into the same bundle (and chunk) as the throw, and no code exists without words.
 * `describeError` is the one way an error becomes a message, with its place first.
 */
import { AssessError } from '../domain/errors';
import type { ErrorCode } from '../domain/errors';
import type { Lang } from '../domain/types';
import type { Msg } from './index';
import { t } from './index';
import { cellText } from './words';

const WORDS = new Map<string, Msg>();

/** A catalogue's error codes (`area.key` for each entry), its words registered for describeError. */
export function errorCodes<K extends string>(area: string, messages: Record<K, Msg>): { readonly [P in K]: ErrorCode } {
  const codes = {} as Record<K, ErrorCode>;
  for (const key of Object.keys(messages) as K[]) {
    const code = `${area}.${key}`;
    WORDS.set(code, messages[key]);
    codes[key] = code as ErrorCode;
  }
  return codes;
}

/** An AssessError's message in a language, without its place. */
export function errorText(e: AssessError, lang: Lang): string {
  const msg = WORDS.get(e.code);
  return msg ? t(lang, msg, e.params) : e.code;
}

/** @internal exported for test/glossary.test.ts; describeError says it for a part of the page that did not load. */
export const LOAD_MSG = {
  chunkNotLoaded: {
    zh: '页面未加载完整，请联网刷新后再试。',
    en: 'The page did not finish loading: reconnect to the network, reload the page and try again.',
  },
} satisfies Record<string, Msg>;

/**
 * A part of the page that could not be fetched: webpack's ChunkLoadError (its runtime names the error so:
 * "Loading chunk 268 failed. (error: http://…)"), or a native import() that failed (Chromium "Failed to fetch
 * dynamically imported module", Firefox "error loading dynamically imported module", Safari "Importing a
 * module script failed").
 */
function chunkNotLoaded(e: unknown): boolean {
  const err = e as { name?: unknown; message?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  if (err.name === 'ChunkLoadError') return true;
  const m = typeof err.message === 'string' ? err.message : '';
  return /^Loading (?:CSS )?chunk \S+ failed|dynamically imported module|Importing a module script failed/i.test(m);
}

/** Any failure in a language: an AssessError's message with its place first; anything else its message. */
export function describeError(e: unknown, lang: Lang): string {
  if (chunkNotLoaded(e)) return t(lang, LOAD_MSG.chunkNotLoaded);
  if (e instanceof AssessError) {
    const text = errorText(e, lang);
    if (!e.where) return text;
    // A cell as people read it (用语表): “2024年上半年表A3:K3单元格：…”; the tool puts its file first ("a.xlsx 考评规则!B3").
    const m = /^(?:(.+?\.xls[xm]) )?(.+![$A-Z]+[$\d]+(?::[$A-Z]+[$\d]+)?)$/.exec(e.where);
    if (!m) return `${e.where}: ${text}`;
    const cell = cellText(lang, m[2]);
    const place = m[1] ? `${m[1]} ${cell}` : cell;
    return lang === 'en-US' ? `${place}: ${text}` : `${place}：${text}`;
  }
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : String(e);
}

/** A message on one line (the tool's messages may hold line breaks): for stderr, a table cell, a status line. */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
