/// <reference types="office-js" />
/**
 * The only door to Office.js (the "office-apis-helpers" pattern of Microsoft's shared-runtime sample):
 * every call into `Excel` / `Office` goes through an OfficeEnv. Production uses the globals; tests pass
 * a fake (test/support/fake-excel.ts). Nothing outside src/hosts/office touches `Excel` or `Office`.
 */
import { AssessError } from '../../domain/errors';
import type { Lang } from '../../domain/types';
import { OFFICE_CODES } from '../../i18n/office';

export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface OfficeEnv {
  /** Excel.run with options (delayForCellEdit is honoured from ExcelApi 1.11, ignored before). */
  run<T>(options: { delayForCellEdit?: boolean }, batch: Batch<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported */
  isSetSupported(set: string, version: string): boolean;
  /** Office.context.diagnostics.platform: 'OfficeOnline' for Excel on the web. */
  platform: string | null;
  /** Office.context.displayLanguage, e.g. "zh-CN", "en-US". */
  displayLanguage: string;
  /** Office.context.document.url: the workbook's identity for the run lock (null when unsaved or unknown). */
  documentUrl?: string | null;
  /** Tests only: estimated request bytes per write sync (default REQUEST_BUDGET). */
  requestBudget?: number;
  /** Tests only: office.js actions per write sync (default MAX_ACTIONS). */
  maxActions?: number;
  /** Tests only: estimated response bytes per read sync (default RESPONSE_BUDGET). */
  responseBudget?: number;
}

/** The real Office globals. Call only after Office.onReady. */
export function defaultEnv(): OfficeEnv {
  return {
    run: <T>(options: { delayForCellEdit?: boolean }, batch: Batch<T>) => Excel.run(options as Excel.RunOptions, batch),
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
    platform: Office.context.diagnostics ? String(Office.context.diagnostics.platform) : null,
    displayLanguage: Office.context.displayLanguage || 'zh-CN',
    documentUrl: (Office.context.document && Office.context.document.url) || null,
  };
}

/**
 * Every platform, desktop included, gets requests of at most about 3 MB as office.js serializes them
 * (Microsoft advises splitting large operations everywhere; office-js #1046: one 54,000-action sync hung
 * desktop Excel). The write's estimate of a request is never below office.js's real size (a test runs
 * office.js's own serializer against it), so a budget of 2.9 MB keeps every request under 3 MB.
 */
export const REQUEST_BUDGET = 2_900_000;
/** At most this many office.js actions (Instantiate actions included) in one write sync. */
export const MAX_ACTIONS = 12_000;
/** Estimated bytes of one read answer; a larger answer refused by Excel is read again in halves. */
export const RESPONSE_BUDGET = 2_500_000;
/** Excel reads at most 5 million cells of a range at once. */
export const MAX_READ_CELLS = 5_000_000;

/** Office's display language folded to the two the product speaks. */
export function langOf(displayLanguage: string | null | undefined): Lang {
  return /^zh/i.test(displayLanguage ?? '') ? 'zh-CN' : displayLanguage ? 'en-US' : 'zh-CN';
}

interface RichApiError {
  code?: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

/** Excel refused a request or an answer for its size (Excel on the web: over 5 MB). */
export function isPayloadError(e: unknown): boolean {
  const err = (e ?? {}) as RichApiError;
  const code = err.code ?? err.debugInfo?.code ?? '';
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

/** Excel's failures as the product's typed errors (kind 'host'), with zh/en messages. */
export function mapOfficeError(e: unknown): AssessError {
  if (e instanceof AssessError) return e;
  const err = (e ?? {}) as RichApiError;
  const code = err.code ?? err.debugInfo?.code ?? '';
  const message = err.message ?? String(e);
  if (code === 'GeneralException' && /^WorksheetCollection\.add/i.test(err.debugInfo?.errorLocation ?? '')) {
    // office-js #771: with two workbooks open, older builds fail worksheets.add() with a bare GeneralException.
    return new AssessError('host', OFFICE_CODES.otherWorkbook, {}, null, e);
  }
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new AssessError('host', OFFICE_CODES.cellEditMode, {}, null, e);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
      return new AssessError('host', OFFICE_CODES.payloadTooLarge, {}, null, e);
    case 'AccessDenied':
      return new AssessError('host', OFFICE_CODES.protectedWorkbook, {}, null, e);
    case 'ApiNotFound':
      return new AssessError('host', OFFICE_CODES.unsupportedVersion, {}, null, e);
    case 'ItemNotFound':
      return new AssessError('host', OFFICE_CODES.notFound, { where: err.debugInfo?.errorLocation ?? '' }, null, e);
    default:
      if (/protect/i.test(message)) return new AssessError('host', OFFICE_CODES.protectedWorkbook, {}, null, e);
      return new AssessError('host', OFFICE_CODES.hostFailed, { detail: code ? `${code}: ${message}` : message }, null, e);
  }
}

/** Refuse early on an Excel without ExcelApi 1.7 (Excel 2016 MSI and older). */
export function requireExcelApi(env: OfficeEnv): void {
  if (!env.isSetSupported('ExcelApi', '1.7')) throw new AssessError('host', OFFICE_CODES.unsupportedVersion);
}

/** Excel.run with delayForCellEdit, the version check and error mapping. */
export async function runExcel<T>(env: OfficeEnv, batch: Batch<T>): Promise<T> {
  requireExcelApi(env);
  try {
    return await env.run({ delayForCellEdit: true }, batch);
  } catch (e) {
    throw mapOfficeError(e);
  }
}
