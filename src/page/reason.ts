/** Failures as the workbook page shows them: in the page's language, on one line. */
import { AssessError } from '../domain/errors';
import type { Lang } from '../domain/types';

/** A failure in a language: the product's typed errors name the file (or sheet and cell) and say what to do. */
export function reasonOf(error: unknown, lang: Lang): string {
  if (error instanceof AssessError) return error.describe(lang);
  return error instanceof Error ? error.message : String(error);
}

/** A reason on one line (the tool's messages may hold line breaks). */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
