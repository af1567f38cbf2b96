/** A run's failure as the user reads it, shared by the ribbon commands of Excel (src/commands/run.ts) and WPS (src/wps/ribbon.ts). */
import { AssessError } from '../domain/errors';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { describeError } from '../i18n/errors';
import { COMMAND_MSG } from '../i18n/office';

/** The failure as the user reads it: the typed error's message, or a generic one. */
export function failureText(e: unknown, lang: Lang): string {
  if (e instanceof AssessError) return describeError(e, lang);
  const detail = e instanceof Error ? e.message : String(e);
  return t(lang, COMMAND_MSG.unexpected, { detail });
}
