/// <reference types="office-js" />
/**
 * The only door to Office.js (the "office-apis-helpers" pattern of Microsoft's shared-runtime sample):
 * every call into `Excel` / `Office` goes through an OfficeEnv. Production uses the globals; tests pass
 * a fake (test/support/fake-excel.ts). Nothing outside src/hosts/office touches `Excel` or `Office`.
 */
import { AssessError } from '../../domain/errors';
import type { Lang } from '../../domain/types';
import { OFFICE_ERR } from '../../i18n/office';

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
  /** Bytes of one request above which a write is split into several syncs (default 4 MB on the web, none on desktop). */
  chunkBytes?: number | null;
}

/** The real Office globals. Call only after Office.onReady. */
export function defaultEnv(): OfficeEnv {
  return {
    run: <T>(options: { delayForCellEdit?: boolean }, batch: Batch<T>) => Excel.run(options as Excel.RunOptions, batch),
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
    platform: Office.context.diagnostics ? String(Office.context.diagnostics.platform) : null,
    displayLanguage: Office.context.displayLanguage || 'zh-CN',
  };
}

/** Excel on the web limits every request and response to 5 MB; desktop Excel has no such limit. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CHUNK_BYTES = 4 * 1024 * 1024;

export function isWeb(env: OfficeEnv): boolean {
  return env.platform === 'OfficeOnline';
}

/** The size above which a write is split, or null for "never split". */
export function chunkLimit(env: OfficeEnv): number | null {
  if (env.chunkBytes !== undefined) return env.chunkBytes;
  return isWeb(env) ? CHUNK_BYTES : null;
}

/** Office's display language folded to the two the product speaks. */
export function langOf(displayLanguage: string | null | undefined): Lang {
  return /^zh/i.test(displayLanguage ?? '') ? 'zh-CN' : displayLanguage ? 'en-US' : 'zh-CN';
}

interface RichApiError {
  code?: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

/** Excel's failures as the product's typed errors (kind 'host'), with zh/en messages. */
export function mapOfficeError(e: unknown): AssessError {
  if (e instanceof AssessError) return e;
  const err = (e ?? {}) as RichApiError;
  const code = err.code ?? err.debugInfo?.code ?? '';
  const message = err.message ?? String(e);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new AssessError('host', OFFICE_ERR.cellEditMode, {}, null, e);
    case 'RequestPayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
      return new AssessError('host', OFFICE_ERR.payloadTooLarge, {}, null, e);
    case 'AccessDenied':
      return new AssessError('host', OFFICE_ERR.protectedWorkbook, {}, null, e);
    case 'ApiNotFound':
      return new AssessError('host', OFFICE_ERR.unsupportedVersion, {}, null, e);
    case 'ItemNotFound':
      return new AssessError('host', OFFICE_ERR.notFound, { where: err.debugInfo?.errorLocation ?? '' }, null, e);
    default:
      if (/protect/i.test(message)) return new AssessError('host', OFFICE_ERR.protectedWorkbook, {}, null, e);
      return new AssessError('host', OFFICE_ERR.hostFailed, { detail: code ? `${code}: ${message}` : message }, null, e);
  }
}

/** Refuse early on an Excel without ExcelApi 1.7 (Excel 2016 MSI and older). */
export function requireExcelApi(env: OfficeEnv): void {
  if (!env.isSetSupported('ExcelApi', '1.7')) throw new AssessError('host', OFFICE_ERR.unsupportedVersion);
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
