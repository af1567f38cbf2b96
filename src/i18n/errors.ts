/**
 * The words of every AssessError (src/domain/errors.ts): its code `area.key` names an entry of one of the
 * catalogues below. `describeError` is the one way an error becomes a message, with its place first.
 * The codes are registered on the domain's ErrorCodes by declaration merging: a throw with a code that has
 * no words here does not compile.
 */
import { AssessError } from '../domain/errors';
import type { Lang } from '../domain/types';
import { CLI_ERR, HOST_ERR } from './cli';
import { CONFIG_MSG } from './config';
import { FILE_ERR, PACKAGE_MSG } from './file';
import type { Msg } from './index';
import { t } from './index';
import { COMMAND_MSG, OFFICE_ERR } from './office';
import { PAGE } from './page';
import { PANE_HOST_ERR } from './pane-host';
import { ROLLUP_ERR } from './rollup';

const AREAS = {
  config: CONFIG_MSG,
  file: FILE_ERR,
  package: PACKAGE_MSG,
  cli: CLI_ERR,
  rollup: ROLLUP_ERR,
  host: HOST_ERR,
  pane: PANE_HOST_ERR,
  office: OFFICE_ERR,
  page: { notWorkbook: PAGE.notWorkbook },
  command: { useThePane: COMMAND_MSG.useThePane },
} satisfies Record<string, Record<string, Msg>>;

type Areas = typeof AREAS;
/** Every code: `area.key` for each entry of each area. */
type Codes = { [A in keyof Areas]: `${A}.${keyof Areas[A] & string}` }[keyof Areas];

declare module '../domain/errors' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: the codes are the supertype's keys
  interface ErrorCodes extends Record<Codes, true> {}
}

/** The words of a code (undefined for a code this release does not know: an error from elsewhere). */
function messageOf(code: string): Msg | undefined {
  const dot = code.indexOf('.');
  const area = (AREAS as Record<string, Record<string, Msg>>)[code.slice(0, dot)];
  return area?.[code.slice(dot + 1)];
}

/** An AssessError's message in a language, without its place. */
export function errorText(e: AssessError, lang: Lang): string {
  const msg = messageOf(e.code);
  return msg ? t(lang, msg, e.params) : e.code;
}

/** Any failure in a language: an AssessError's message with its place first; anything else its message. */
export function describeError(e: unknown, lang: Lang): string {
  if (e instanceof AssessError) {
    const text = errorText(e, lang);
    return e.where ? `${e.where}: ${text}` : text;
  }
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : String(e);
}

/** A message on one line (the tool's messages may hold line breaks): for stderr, a table cell, a status line. */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
