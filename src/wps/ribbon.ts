/**
 * The callbacks of ribbon.xml (src/wps/ribbon.xml), as one object WPS finds on index.html's global as
 * `ribbon` (ribbon.xml names them `ribbon.OnAddinLoad`, `ribbon.OnAction`…, as the add-ins wpsjs creates do).
 *
 * - 考评 (pgaAssess) runs the same use case as Excel's ribbon and the pane (assessWorkbook, src/app) over the
 *   WPS port. Progress and result are shown in a WPS dialog (Application.ShowDialog, dialog.html) that reads
 *   the run's state from the add-in's PluginStorage: the dialog is another page, and PluginStorage is what
 *   an add-in's pages share. Unlike Excel's function commands, a WPS ribbon callback has no 5-minute limit,
 *   so there is no row ceiling and no deadline here (src/commands/run.ts has both for Excel).
 * - A second click while a run is going is refused by the button itself (getEnabled answers false and the
 *   control is invalidated) and, should WPS call onAction anyway, by the in-page flag; a run of the pane
 *   (another page) is refused by the PluginStorage lock (src/wps/lock.ts).
 * - 考评面板 (pgaPane) shows or hides the pane (taskpane.html: the same App as Excel's pane), created once
 *   and found again by the ID kept in PluginStorage.
 */
import { assessWorkbook } from '../app/assessWorkbook';
import type { AssessOutcome, Stage } from '../app/assessWorkbook';
import { failureText } from '../app/failure';
import type { WorkbookPort } from '../app/ports';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { WPS_MSG } from '../i18n/wps';
import { summaryText } from '../app/summary-text';
import { RUN_LOCK_MS, storageLock } from './lock';
import type { RibbonControl, RibbonUI, WpsShell } from './shell';
import { DOCK_RIGHT, STORAGE, wpsLang } from './shell';

/** The control ids of ribbon.xml. */
export const CONTROL = { assess: 'pgaAssess', pane: 'pgaPane' } as const;

/** getImage: each button's icon, relative to the add-in's folder (where index.html and ribbon.xml are). */
export const IMAGES: Record<string, string> = {
  [CONTROL.assess]: 'assets/icon-32.png',
  [CONTROL.pane]: 'assets/icon-32.png',
};

/** The dialog's size in CSS pixels (ShowDialog takes device pixels, as the wpsjs templates multiply). */
const DIALOG = { width: 420, height: 300 };

/** What dialog.html shows: the run's phase and, when it has ended, its title and text. */
export interface RunState {
  phase: 'running' | 'done' | 'failed';
  lang: Lang;
  stage?: Stage;
  title?: string;
  text?: string;
}

export interface RibbonDeps {
  /** window.Application. */
  app(): WpsShell | null;
  /** The workbook port over window.Application (src/wps/port.ts). */
  port(): WorkbookPort;
  /** The add-in's folder URL, ending in '/' (where dialog.html and taskpane.html are). */
  baseUrl(): string;
  /** The webview's language, for a WPS that does not say its own. */
  language(): string | null | undefined;
  devicePixelRatio?(): number;
  now?(): Date;
}

/** The sheets the run wrote, and its summary paragraph and notes: what the result dialog says. */
export function resultText(outcome: AssessOutcome, lang: Lang): string {
  const sheets = outcome.patch.sheets.filter((s) => s.visibility !== 'veryHidden').map((s) => s.name);
  const lines = [t(lang, WPS_MSG.done, { sheets: sheets.join(t(lang, WPS_MSG.listSep)) }), summaryText(outcome.result, lang)];
  for (const n of outcome.notes) lines.push(t(lang, n.msg, n.params));
  return lines.join('\n');
}

export function createRibbon(deps: RibbonDeps) {
  let ui: RibbonUI | null = null;
  let running = false;
  let clicks = 0;
  const invalidate = () => {
    try {
      if (ui?.InvalidateControl) ui.InvalidateControl(CONTROL.assess);
      else ui?.Invalidate?.();
    } catch {
      // an older WPS without invalidation: the in-page flag still refuses the click
    }
  };
  const setState = (app: WpsShell, state: RunState) => app.PluginStorage.setItem(STORAGE.runState, JSON.stringify(state));
  const openDialog = (app: WpsShell, lang: Lang) => {
    const dpr = deps.devicePixelRatio?.() || 1;
    try {
      app.ShowDialog?.(`${deps.baseUrl()}dialog.html?lang=${lang}`, t(lang, WPS_MSG.dialogTitle), DIALOG.width * dpr, DIALOG.height * dpr, false);
    } catch {
      // no dialog: the workbook still gets its results (the pane shows them too)
    }
  };

  async function assess(): Promise<void> {
    const app = deps.app();
    if (!app || running) return;
    const lang = wpsLang(app, deps.language());
    const fail = (text: string) => {
      setState(app, { phase: 'failed', lang, title: t(lang, WPS_MSG.failedTitle), text });
      openDialog(app, lang);
    };
    if (!app.ActiveWorkbook) return fail(t(lang, WPS_MSG.noWorkbook));
    const lock = storageLock(app.PluginStorage, `ribbon:${Date.now().toString(36)}:${++clicks}`);
    if (!lock.tryAcquire(RUN_LOCK_MS)) return fail(t(lang, WPS_MSG.busy));
    running = true;
    invalidate();
    setState(app, { phase: 'running', lang });
    openDialog(app, lang);
    try {
      const outcome = await assessWorkbook(deps.port(), {
        displayLanguage: lang,
        now: deps.now,
        onProgress: (stage, done) => {
          if (!done) setState(app, { phase: 'running', lang, stage });
        },
      });
      setState(app, { phase: 'done', lang, title: t(lang, WPS_MSG.doneTitle), text: resultText(outcome, lang) });
    } catch (e) {
      setState(app, { phase: 'failed', lang, title: t(lang, WPS_MSG.failedTitle), text: failureText(e, lang) });
    } finally {
      lock.release();
      running = false;
      invalidate();
    }
  }

  function togglePane(): void {
    const app = deps.app();
    if (!app) return;
    const id = app.PluginStorage.getItem(STORAGE.paneId);
    let pane = null;
    if (typeof id === 'string' && id) {
      try {
        pane = app.GetTaskPane?.(id) ?? null;
      } catch {
        pane = null; // the pane was closed with its window: make a new one
      }
    }
    if (pane) {
      pane.Visible = !pane.Visible;
      return;
    }
    pane = app.CreateTaskPane(`${deps.baseUrl()}taskpane.html`);
    pane.DockPosition = app.Enum?.msoCTPDockPositionRight ?? DOCK_RIGHT;
    pane.Visible = true;
    if (pane.ID !== undefined) app.PluginStorage.setItem(STORAGE.paneId, String(pane.ID));
  }

  return {
    /** onLoad: keeps the ribbon UI to invalidate the 考评 button while a run goes. */
    OnAddinLoad(ribbonUI: RibbonUI): boolean {
      ui = ribbonUI;
      return true;
    },
    /** onAction of both buttons; the promise is the run's (tests await it, WPS ignores it). */
    OnAction(control: RibbonControl): Promise<void> {
      if (control.Id === CONTROL.assess) return assess();
      if (control.Id === CONTROL.pane) togglePane();
      return Promise.resolve();
    },
    /** getImage: the icon's path relative to the add-in's folder. */
    GetImage(control: RibbonControl): string {
      return IMAGES[control.Id] ?? '';
    },
    /** getEnabled: 考评 is disabled while its run goes. */
    OnGetEnabled(control: RibbonControl): boolean {
      return control.Id === CONTROL.assess ? !running : true;
    },
  };
}
