/**
 * The pane's workflows, out of the view: open the workbook, assess, insert the template, load and save
 * the rules, select a cell, switch the language, copy the report text. Each reports its outcome to the
 * reducer (state.ts) as one action per outcome — request, success, failure — and the reducer derives
 * what the pane shows. Every workbook access goes through the pane host; opening, 考评, the view and the
 * rules in force through its engine (`host.remote`, src/ui/remote.ts: a worker, or the same EngineService on
 * this thread where no worker can be made — src/ui/worker/pane.ts), which every pane has, so that there is one
 * path in production and in the tests. The engine chunk (./view, loaded on demand) also comes to this
 * thread, for the words of 与上次相比 and the template.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Lang, Rules } from '../domain/types';
import { t } from '../i18n';
import type { Engine, State, TabValue } from './state';
import type { Stage } from '../app/assessWorkbook';
import { initialState, reducer } from './state';
import type { ComparisonText } from './view/compare';
import type { PaneView, ResultSummary } from './view/types';
import type { PrintPeriod } from '../workbook/print';
import type { RemotePaneHost } from './remote';

export const loadEngine = (): Promise<Engine> => import(/* webpackChunkName: "engine" */ './view');

export interface ControllerOptions {
  /** The workbook and the engine beside it (src/ui/worker/pane.ts for the panes, src/page/worker-host.ts for the page). */
  host: RemotePaneHost;
  /** Office's display language folded to zh-CN / en-US; null outside Office. */
  displayLanguage: Lang | null;
  /** The language to start in (before the workbook's remembered choice is read). */
  initialLang: Lang;
  /** For tests: how text reaches the clipboard (resolves false when it could not). */
  copy?: (text: string) => Promise<boolean>;
  /**
   * The language, when the page around the pane owns it (the workbook page: the browser's language or the
   * user's choice there). The workbook's remembered pane language is then neither read nor written, and
   * switching the language in 设置 calls `onLanguage` instead.
   */
  lang?: Lang;
  onLanguage?: (lang: Lang) => void;
}

export interface PaneActions {
  assess(): Promise<void>;
  insertTemplate(): Promise<void>;
  saveRules(rules: Rules): Promise<void>;
  select(address: string): void;
  switchLanguage(lang: Lang): void;
  copySummary(): Promise<void>;
  setTab(tab: TabValue): void;
  openHistory(key: string): void;
  closeHistory(): void;
  dismiss(): void;
  /** The period whose official tables the next 考评 produces; null: the latest. */
  setPrintPeriod(p: PrintPeriod | null): void;
  /** 取消 the run in flight (before it writes), where the host's engine can stop one; absent elsewhere. */
  cancel?: () => void;
  /** Whether `cancel` would stop the run in flight now. */
  canCancel?: () => boolean;
}

export interface Controller {
  /** The period chosen for the official tables (null: the latest). */
  printPeriod: PrintPeriod | null;
  state: State;
  view: PaneView | null;
  /** The last run's 与上次相比, in the pane's language (once the engine is there). */
  comparison: ComparisonText | null;
  /** The Party group's history on show is still being asked for (a remote view comes without histories). */
  historyLoading: boolean;
  actions: PaneActions;
}

/** Text to the clipboard: the async API where the page may use it, else the copy command; false when neither works. */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    // (Not in every webview Office uses: EdgeHTML has no async clipboard.)
    const nav = typeof navigator !== 'undefined' ? (navigator as unknown as { clipboard?: { writeText?: (t: string) => Promise<void> } }) : undefined;
    const clip = nav?.clipboard;
    if (clip && typeof clip.writeText === 'function') {
      await clip.writeText(text);
      return true;
    }
  } catch {
    // Office's webviews may refuse the async clipboard; fall back to the copy command.
  }
  try {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = typeof document.execCommand === 'function' && document.execCommand('copy');
    area.remove();
    return !!ok;
  } catch {
    return false;
  }
}

export function usePaneController({
  host,
  displayLanguage,
  initialLang,
  copy = copyToClipboard,
  lang: pageLang,
  onLanguage,
}: ControllerOptions): Controller {
  const [s, dispatch] = useReducer(reducer, pageLang ?? initialLang, initialState);
  const pageOwnsLanguage = pageLang !== undefined;
  const onLanguageRef = useRef(onLanguage);
  onLanguageRef.current = onLanguage;
  const engineRef = useRef<Engine | null>(null);
  // The engine module as state too, so that the words built with it (与上次相比) follow its arrival.
  const [eng, setEng] = useState<Engine | null>(null);
  // The latest state for workflows started from stale closures (a save that re-runs).
  const stateRef = useRef(s);
  stateRef.current = s;

  const engine = useCallback(async () => {
    if (!engineRef.current) {
      engineRef.current = await loadEngine();
      setEng(engineRef.current);
      dispatch({ type: 'engine/loaded' });
    }
    return engineRef.current;
  }, []);

  // The engine beside the workbook builds the view: it comes with the result.
  const remote = host.remote;
  const [remoteView, setRemoteView] = useState<{ result: ResultSummary; lang: Lang; view: PaneView } | null>(null);

  const refreshState = useCallback(async () => {
    try {
      dispatch({ type: 'paneState/success', paneState: await host.readState() });
    } catch (error) {
      dispatch({ type: 'paneState/failure', error });
    }
  }, [host]);

  // Open: the banners' state, the remembered language, and the last run's results if there was one.
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        // One read serves both the banners and the results on view (inside Excel a read is a few syncs); a page
        // that owns the language ignores the one remembered in the workbook.
        const opened = await remote.open({ lang: stateRef.current.lang, displayLanguage, ignorePaneLanguage: pageOwnsLanguage });
        if (!live) return;
        if (opened.result && opened.view) setRemoteView({ result: opened.result, lang: stateRef.current.lang, view: opened.view });
        void engine(); // the comparison's words and the template, on this side
        dispatch({ type: 'open/success', paneState: opened.paneState, result: opened.result });
      } catch (error) {
        if (live) dispatch({ type: 'open/failure', error });
      }
    })();
    return () => {
      live = false;
    };
    // Once per host (the other inputs are fixed for the pane's life).
  }, [remote, engine, displayLanguage, pageOwnsLanguage]);

  // The page around the pane switched its language.
  useEffect(() => {
    if (pageLang) dispatch({ type: 'lang/set', lang: pageLang });
  }, [pageLang]);

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = s.lang;
  }, [s.lang]);

  // Without a score table, coming back to the pane (say after typing a table in Excel) looks again.
  const noTable = s.paneState?.hasScoreTable === false;
  useEffect(() => {
    if (!noTable || typeof window === 'undefined') return;
    const again = () => void refreshState();
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, [noTable, refreshState]);

  const [printPeriod, setPrintPeriod] = useState<PrintPeriod | null>(null);
  const printRef = useRef<PrintPeriod | null>(null);
  printRef.current = printPeriod;

  // 取消 was asked for and the engine stopped the run: its failure is the cancellation.
  const cancelled = useRef(false);

  const assess = useCallback(async () => {
    if (stateRef.current.running) return;
    cancelled.current = false;
    dispatch({ type: 'assess/request' });
    let writing = false;
    try {
      await engine();
      const onProgress = (stage: Stage, done: boolean) => {
        if (stage === 'write') writing = !done;
        dispatch({ type: 'assess/progress', stage, done });
      };
      const lang = stateRef.current.lang;
      const outcome = await remote.assess({ lang, displayLanguage: displayLanguage ?? lang, printPeriod: printRef.current, onProgress });
      setRemoteView({ result: outcome.result, lang, view: outcome.view });
      dispatch({
        type: 'assess/success',
        result: outcome.result,
        runAt: outcome.runAt,
        paneLanguage: outcome.paneLanguage,
        comparison: outcome.comparison,
        notes: outcome.notes,
      });
    } catch (error) {
      if (cancelled.current) {
        cancelled.current = false;
        dispatch({ type: 'assess/cancelled' });
        return;
      }
      dispatch({ type: 'assess/failure', error, unchanged: !writing });
      await refreshState();
    }
  }, [engine, remote, displayLanguage, refreshState]);

  const insertTemplate = useCallback(async () => {
    dispatch({ type: 'template/request' });
    try {
      const eng = await engine();
      const lang = stateRef.current.lang;
      const r = await host.insertTemplate(eng.templateFor(lang));
      dispatch({ type: 'template/success', inserted: r.inserted, skipped: r.skipped, sep: t(lang, { zh: '、', en: ', ' }) });
    } catch (error) {
      dispatch({ type: 'template/failure', error });
    }
    await refreshState();
  }, [engine, host, refreshState]);

  // Settings: the rules in force are read when the tab is first opened.
  useEffect(() => {
    if (s.tab !== 'settings' || s.settings || s.settingsLoading) return;
    dispatch({ type: 'rules/load/request' });
    remote
      .readRules()
      .then((settings) => dispatch({ type: 'rules/load/success', settings }))
      .catch((error) => dispatch({ type: 'rules/load/failure', error }));
  }, [s.tab, s.settings, s.settingsLoading, remote]);

  const saveRules = useCallback(
    async (rules: Rules) => {
      dispatch({ type: 'rules/save/request' });
      // Keep the result sheets in step with the rules: re-run when there is something to assess.
      const rerun = stateRef.current.paneState?.hasScoreTable !== false;
      try {
        const r = await host.writeRules(rules, stateRef.current.lang);
        dispatch({ type: 'rules/save/success', rules, sheet: r.sheet, rerun });
      } catch (error) {
        dispatch({ type: 'rules/save/failure', error });
        return;
      }
      if (rerun) await assess();
      else await refreshState();
    },
    [host, assess, refreshState],
  );

  const select = useCallback(
    (address: string) => {
      host.selectCell(address).catch((error) => dispatch({ type: 'select/failure', cell: address, error }));
    },
    [host],
  );

  const switchLanguage = useCallback(
    (lang: Lang) => {
      dispatch({ type: 'lang/set', lang });
      if (pageOwnsLanguage) onLanguageRef.current?.(lang);
      else host.setPaneLanguage(lang).then(refreshState, () => undefined);
    },
    [host, refreshState, pageOwnsLanguage],
  );

  // The view of the result on show; in another language, asked for (the last one stays meanwhile).
  useEffect(() => {
    if (!s.result || (remoteView?.result === s.result && remoteView.lang === s.lang)) return;
    let live = true;
    const result = s.result;
    const lang = s.lang;
    remote.view(lang).then(
      (v) => {
        if (live) setRemoteView({ result, lang, view: v });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [remote, s.result, s.lang, remoteView]);
  const view = remoteView && remoteView.result === s.result ? remoteView.view : null;

  // A view comes without the Party groups' histories: the one opened is asked for, and kept in the view.
  const [noHistory, setNoHistory] = useState<string | null>(null);
  useEffect(() => {
    const key = s.history;
    if (!key || !remoteView || remoteView.result !== s.result || remoteView.view.histories[key]) return;
    let live = true;
    const shown = remoteView;
    remote.history(shown.lang, key).then(
      (h) => {
        if (!live) return;
        if (!h) setNoHistory(key);
        else setRemoteView((cur) => (cur === shown ? { ...cur, view: { ...cur.view, histories: { ...cur.view.histories, [key]: h } } } : cur));
      },
      () => {
        if (live) setNoHistory(key);
      },
    );
    return () => {
      live = false;
    };
  }, [remote, s.history, s.result, remoteView]);
  const historyLoading = !!(s.history && view && !view.histories[s.history] && noHistory !== s.history);

  const comparison = useMemo(
    () => (s.comparison && eng ? eng.describeComparison(s.comparison, s.lang) : null),
    [s.comparison, eng, s.lang],
  );

  const copySummary = useCallback(async () => {
    const text = view?.summaryText;
    if (!text) return;
    dispatch(await copy(text).then((ok) => (ok ? { type: 'copy/success' as const, text } : { type: 'copy/failure' as const, text })));
  }, [view, copy]);

  const actions = useMemo<PaneActions>(
    () => ({
      assess,
      insertTemplate,
      saveRules,
      select,
      switchLanguage,
      copySummary,
      setTab: (tab) => dispatch({ type: 'tab', tab }),
      openHistory: (key) => dispatch({ type: 'history/open', key }),
      closeHistory: () => dispatch({ type: 'history/close' }),
      dismiss: () => dispatch({ type: 'notice/dismiss' }),
      setPrintPeriod,
      ...(remote.cancel
        ? {
            cancel: () => {
              if (remote.cancel?.()) cancelled.current = true;
            },
            canCancel: () => remote.cancellable?.() ?? false,
          }
        : {}),
    }),
    [assess, insertTemplate, saveRules, select, switchLanguage, copySummary, remote],
  );

  return { printPeriod, state: s, view, comparison, historyLoading, actions };
}
