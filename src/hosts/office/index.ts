/// <reference types="office-js" />
/**
 * The Office host's door: everything the add-in's entries (the ribbon's commands, the task pane's port)
 * call in Excel. Nothing outside this folder touches `Excel`; the entries import only from here.
 */
export { OfficeHost, displayLanguage, selectCell, writeCells } from './host';
export { showDialogMessage } from './dialog';
export type { OfficeEnv } from './env';
export { defaultEnv } from './env';
export type { RunLock } from './lock';
export { workbookLock } from './lock';
