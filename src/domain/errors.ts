/**
 * Typed failures that stop a run (configuration errors, unreadable files, host errors). Each carries a
 * CODE — its entry in the catalogue, `area.key` (CONFIG_CODES.rubricTotal is `config.rubricTotal`) — its
 * parameters and, where there is one, the sheet and cell or the file at fault. No words here: the
 * catalogue turns an error into a message in the user's language (src/i18n/errors.ts: describeError).
 * Data problems in score rows are not errors: they are DataIssues in the report.
 */

export type ErrorKind = 'config' | 'file' | 'usage' | 'host';

declare const errorCode: unique symbol;
/**
 * An error's code, `area.key`. Only the catalogue makes codes (src/i18n/errors.ts: errorCodes, from a table of
 * messages), so every code has its words, and the words are loaded wherever a code can be thrown.
 */
export type ErrorCode = string & { readonly [errorCode]: true };

/** A message parameter: text, a number, or a word in both languages (an item's name). */
export type ErrorParam = string | number | null | undefined | { readonly zh: string; readonly en: string };
export type ErrorParams = Record<string, ErrorParam>;

export class AssessError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    /** `Sheet!A1` or a file path, when the failure has a place. */
    readonly where: string | null = null,
    readonly inner?: unknown,
  ) {
    super(where ? `${code} (${where})` : code);
    this.name = 'AssessError';
  }
}
