/**
 * What the WPS add-in's pages use of `window.Application` besides the workbook (which the WPS host reads and
 * writes: src/hosts/wps): the task pane, the dialog, the add-in's shared storage and the UI language. As the
 * WPS JSAPI documents them and as public add-ins made with wpsjs call them (docs/deploy.md, "WPS" section):
 *   Application.CreateTaskPane(url) → a pane with ID, Visible, DockPosition; Application.GetTaskPane(id);
 *   Application.ShowDialog(url, caption, width, height, modal); Application.PluginStorage.getItem/setItem
 *   (shared by every page of one add-in); Application.Enum.msoCTPDockPositionRight.
 * Every member is read defensively: an older WPS may lack one, and a missing one must not break the ribbon.
 */
import type { Lang } from '../domain/types';

export interface WpsTaskPane {
  ID?: string | number;
  Visible: boolean;
  DockPosition?: number;
}

export interface WpsPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: string): unknown;
  removeItem?(key: string): unknown;
}

export interface WpsShell {
  CreateTaskPane(url: string): WpsTaskPane;
  GetTaskPane?(id: string | number): WpsTaskPane | null | undefined;
  ShowDialog?(url: string, caption: string, width: number, height: number, modal?: boolean): unknown;
  PluginStorage: WpsPluginStorage;
  ActiveWorkbook?: unknown;
  Enum?: Record<string, number>;
  LanguageSettings?: { LanguageID?(type: number): unknown };
}

/** The control WPS passes to onAction, getImage, getEnabled (customUI's IRibbonControl). */
export interface RibbonControl {
  Id: string;
}

/** The object WPS passes to onLoad (customUI's IRibbonUI): asks WPS to call getEnabled/getImage again. */
export interface RibbonUI {
  Invalidate?(): void;
  InvalidateControl?(id: string): void;
}

/** msoCTPDockPositionRight in Office's MsoCTPDockPosition enumeration, which WPS's Application.Enum repeats. */
export const DOCK_RIGHT = 2;

/** Keys of the add-in's PluginStorage (shared by index.html, the pane and the dialog). */
export const STORAGE = {
  paneId: 'pga.taskpane.id',
  runState: 'pga.run.state',
  runLock: 'pga.run.lock',
} as const;

/** msoLanguageIDUI: LanguageSettings.LanguageID(2) is the UI's language (an LCID) in Office's object model. */
const MSO_LANGUAGE_ID_UI = 2;
/** The Chinese LCIDs: zh-CN, zh-TW, zh-MO, zh-HK, zh-SG. */
const CHINESE_LCIDS = [2052, 1028, 5124, 3076, 4100];

/**
 * WPS's UI language folded to the two the product speaks: the LCID of LanguageSettings.LanguageID(msoLanguageIDUI)
 * when WPS answers it, else the webview's navigator.language, else Chinese.
 */
export function wpsLang(app: Partial<WpsShell> | null | undefined, language: string | null | undefined): Lang {
  try {
    const id = app?.LanguageSettings?.LanguageID?.(MSO_LANGUAGE_ID_UI);
    if (typeof id === 'number' && id > 0) return CHINESE_LCIDS.indexOf(id) >= 0 ? 'zh-CN' : 'en-US';
  } catch {
    // an older WPS without LanguageSettings: the webview's language
  }
  return /^zh/i.test(language ?? '') ? 'zh-CN' : language ? 'en-US' : 'zh-CN';
}

/** A PluginStorage value as a string (WPS returns what was stored; absent keys come back empty or undefined). */
export function storedString(storage: WpsPluginStorage, key: string): string {
  const v = storage.getItem(key);
  return typeof v === 'string' ? v : '';
}
