/// <reference types="office-js" />
/**
 * The pane's port inside Excel: read, write and insert are the Office host's (src/hosts/office), cell
 * edits and selection its helpers. Everything else — planning the template, the rules, the language —
 * is the one pane service of src/app/pane-service.ts, shared with the preview and the file host.
 */
import { OfficeHost, defaultEnv, selectCell, writeCells } from '../hosts/office';
import type { OfficeEnv } from '../hosts/office';
import type { WorkbookPort } from '../app/ports';
import { PortPaneHost } from '../app/pane-service';

/** The Office port. Without an env, the Office globals are used (construct after Office.onReady). */
export function officePort(envOverride?: OfficeEnv): WorkbookPort {
  const office = new OfficeHost(envOverride);
  const env = () => envOverride ?? defaultEnv();
  return {
    kind: 'office',
    read: () => office.read(),
    write: (patch) => office.write(patch),
    // 'create' mode: the Office host refuses to replace any sheet, even one that appeared meanwhile.
    insert: (patch) => office.insert(patch),
    // Words are written as text (never interpreted as a formula), numbers as numbers, in one sync.
    editCells: (sheet, cells) => writeCells(sheet, cells, env()),
    select: (address) => selectCell(address, env()),
  };
}

/** The pane host inside Excel. */
export class OfficePaneHost extends PortPaneHost {
  constructor(envOverride?: OfficeEnv) {
    super(officePort(envOverride));
  }
}
