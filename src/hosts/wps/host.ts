/**
 * The WPS host: the WorkbookPort over WPS 表格's JSAPI (`window.Application`, model.ts). Work in progress:
 * the signature the WPS entries import.
 */
import type { WorkbookPort } from '../../app/ports';
import type { WpsApplication } from './model';

/** The port over a WPS application (the WPS add-in passes `window.Application`). */
export function wpsPort(app: WpsApplication): WorkbookPort {
  void app;
  throw new Error('not yet');
}
