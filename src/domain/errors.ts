/**
 * Typed failures that stop a run (configuration errors, unreadable files, host errors). Each carries a
 * catalogue message, its parameters and, where there is one, the sheet and cell or the file at fault.
 * Data problems in score rows are not errors: they are DataIssues in the report.
 */
import type { Msg, Params } from '../i18n';
import { t } from '../i18n';
import type { Lang } from './types';

export type ErrorKind = 'config' | 'file' | 'usage' | 'host';

export class AssessError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly msg: Msg,
    readonly params: Params = {},
    /** `Sheet!A1` or a file path, when the failure has a place. */
    readonly where: string | null = null,
    readonly inner?: unknown,
  ) {
    super(t('en-US', msg, params));
    this.name = 'AssessError';
  }

  /** The message in a language, with its place first when it has one. */
  describe(lang: Lang): string {
    const text = t(lang, this.msg, this.params);
    return this.where ? `${this.where}: ${text}` : text;
  }
}
