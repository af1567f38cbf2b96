/** The single line that gives the WPS add-in's pages their workbook port: wpsPort over window.Application. */
import type { WorkbookPort } from '../app/ports';
import type { WpsApplication } from '../hosts/wps/model';
import { wpsPort } from '../hosts/wps/host';
import type { WpsShell } from './shell';

/** window.Application, as WPS gives it to every page of an add-in (null in a plain browser). */
export function wpsApplication(): (WpsShell & WpsApplication) | null {
  const app = (window as unknown as { Application?: WpsShell & WpsApplication }).Application;
  return app ?? null;
}

export function applicationPort(): WorkbookPort {
  return wpsPort((window as unknown as { Application: WpsApplication }).Application);
}
