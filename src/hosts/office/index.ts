/// <reference types="office-js" />
/** Everything the add-in's UI and commands may call in Excel. Nothing outside this folder touches `Excel`. */
export type { OfficeHostOptions } from './host';
export { OfficeHost, displayLanguage, selectCell, writeCells } from './host';
export { showDialogMessage, dialogUrl } from './dialog';
export type { OfficeEnv } from './env';
export { defaultEnv, langOf, mapOfficeError, REQUEST_BUDGET, MAX_ACTIONS, WEB_PAYLOAD_LIMIT } from './env';
export type { ReadState, SheetState } from './read';
export type { LockStore } from './lock';
export { RunLock, workbookLock, defaultLockStore, LOCK_TTL_MS } from './lock';
