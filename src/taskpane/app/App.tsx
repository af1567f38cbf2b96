/**
 * The task pane. It only shows state and forwards intents: every workbook access goes through the
 * PaneHost (Office or the in-memory preview), every assessment through the one use case (engine.ts,
 * loaded on demand). State changes in one place, the reducer in state.ts.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { ReactNode } from 'react';
import {
  Button,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from '@fluentui/react-components';
import type { Lang, Rules } from '../../domain/types';
import { PANE } from '../../i18n/pane';
import type { PaneHost } from '../pane-host';
import { paneStateOf } from './paneState';
import { I18nContext, makeI18n, useI18n } from './context';
import type { Engine, Notice, TabValue } from './state';
import { STAGES, describeError, initialState, reducer } from './state';
import { IssuesPanel } from './IssuesPanel';
import { usePaneStyles } from './styles';
import { SummaryPanel } from './SummaryPanel';
import { WarningsPanel } from './WarningsPanel';

const RankingPanel = lazy(() => import(/* webpackChunkName: "ranking" */ './RankingPanel'));
const SettingsPanel = lazy(() => import(/* webpackChunkName: "settings" */ './SettingsPanel'));

export const loadEngine = (): Promise<Engine> => import(/* webpackChunkName: "engine" */ './engine');

export interface AppProps {
  host: PaneHost;
  /** Office's display language folded to zh-CN / en-US; null outside Office. */
  displayLanguage: Lang | null;
  /** The language to start in (before the workbook's remembered choice is read). */
  initialLang: Lang;
  /** Rendered under the panels (the preview's view of its sample workbook). */
  footer?: ReactNode;
  /** For tests: how the engine chunk is loaded. */
  engineLoader?: () => Promise<Engine>;
}

const TABS: TabValue[] = ['summary', 'warnings', 'issues', 'ranking', 'settings'];
const TAB_LABEL = {
  summary: PANE.tabSummary,
  warnings: PANE.tabWarnings,
  issues: PANE.tabIssues,
  ranking: PANE.tabRanking,
  settings: PANE.tabSettings,
};

function formatTime(iso: string | null, _lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  return date;
}

export function App({ host, displayLanguage, initialLang, footer, engineLoader = loadEngine }: AppProps) {
  usePaneStyles();
  const [s, dispatch] = useReducer(reducer, initialLang, initialState);
  const engineRef = useRef<Engine | null>(null);
  const i18n = useMemo(() => makeI18n(s.lang), [s.lang]);
  const { tr, lang } = i18n;

  const engine = useCallback(async () => {
    if (!engineRef.current) {
      engineRef.current = await engineLoader();
      dispatch({ type: 'engineLoaded' });
    }
    return engineRef.current;
  }, [engineLoader]);

  const refreshState = useCallback(async () => {
    try {
      dispatch({ type: 'paneState', state: await host.readState() });
    } catch (error) {
      dispatch({ type: 'notice', notice: { intent: 'error', msg: PANE.failed, error } });
    }
  }, [host]);

  // On open: the banners' state, the remembered language, and the last run's results if there was one.
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        // One read serves both the banners and the results on view (inside Excel a read is 2 syncs).
        const snapshot = await host.read();
        const state = await paneStateOf(snapshot);
        if (!live) return;
        dispatch({ type: 'paneState', state });
        if (state.paneLanguage) dispatch({ type: 'lang', lang: state.paneLanguage });
        const eng = await engine();
        if (state.assessed && live) {
          const once = { read: async () => snapshot, write: async () => undefined };
          const outcome = await eng.computeOnly(once, { displayLanguage: displayLanguage ?? state.paneLanguage ?? initialLang });
          if (live) dispatch({ type: 'result', result: outcome.result });
        }
      } catch (error) {
        if (live) dispatch({ type: 'notice', notice: { intent: 'error', msg: PANE.failed, error } });
      }
    })();
    return () => {
      live = false;
    };
    // Once per host.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately once per host, not per language change
  }, [host]);

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }, [lang]);

  const assess = useCallback(async () => {
    if (s.running) return;
    dispatch({ type: 'start' });
    let writing = false;
    try {
      const eng = await engine();
      const outcome = await eng.runAssessment(host, {
        displayLanguage: displayLanguage ?? lang,
        onProgress: (stage, done) => {
          if (stage === 'write') writing = !done;
          dispatch({ type: 'progress', stage, done });
        },
      });
      dispatch({ type: 'result', result: outcome.result });
      // The run just wrote the results and recorded the inputs' fingerprint: no need to read again.
      dispatch({
        type: 'paneState',
        state: { assessed: true, runAt: outcome.runAt, changed: false, hasScoreTable: true, paneLanguage: outcome.parsed.meta?.paneLanguage ?? s.paneState?.paneLanguage ?? null },
      });
      dispatch({
        type: 'notice',
        notice: {
          intent: 'success',
          msg: PANE.done,
          params: {
            rows: outcome.result.assessments.length,
            warnings: outcome.result.warnings.length,
            issues: outcome.result.issues.length,
          },
        },
      });
    } catch (error) {
      // Only a failure before the write can promise an untouched workbook.
      dispatch({ type: 'notice', notice: { intent: 'error', msg: PANE.failed, error, unchanged: !writing } });
      await refreshState();
    } finally {
      dispatch({ type: 'stop' });
    }
  }, [s.running, s.paneState, engine, host, displayLanguage, lang, refreshState]);

  const select = useCallback(
    (address: string) => {
      host.selectCell(address).catch((error) =>
        dispatch({ type: 'notice', notice: { intent: 'error', msg: PANE.selectFailed, params: { cell: address }, error } }),
      );
    },
    [host],
  );

  const insertTemplate = useCallback(async () => {
    try {
      const eng = await engine();
      const r = await host.insertTemplate(eng.templateFor(lang));
      const sep = tr({ zh: '、', en: ', ' });
      dispatch({
        type: 'notice',
        notice: r.inserted.length
          ? { intent: 'success', msg: PANE.templateInserted, params: { sheets: r.inserted.join(sep) } }
          : { intent: 'info', msg: PANE.templateSkipped, params: { sheets: r.skipped.join(sep) } },
      });
    } catch (error) {
      dispatch({ type: 'notice', notice: { intent: 'error', msg: PANE.failed, error } });
    }
    await refreshState();
  }, [engine, host, lang, tr, refreshState]);

  // Settings: the rules in force are read when the tab is first opened.
  useEffect(() => {
    if (s.tab !== 'settings' || s.settings) return;
    let live = true;
    engine()
      .then((eng) => eng.readRules(host))
      .then((r) => live && dispatch({ type: 'settings', settings: r }))
      .catch((error) => live && dispatch({ type: 'notice', notice: { intent: 'error', msg: PANE.rulesLoadFailed, error } }));
    return () => {
      live = false;
    };
  }, [s.tab, s.settings, engine, host]);

  const saveRules = useCallback(
    async (rules: Rules) => {
      dispatch({ type: 'saving', saving: true });
      try {
        const r = await host.writeRules(rules, lang);
        dispatch({ type: 'settings', settings: { rules, totalPoints: s.settings?.totalPoints ?? 100 } });
        dispatch({ type: 'notice', notice: { intent: 'success', msg: PANE.saved, params: { sheet: r.sheet } } });
        dispatch({ type: 'saving', saving: false });
        // Keep the result sheets in step with the rules: re-run when there is something to assess.
        if (s.paneState?.hasScoreTable !== false) await assess();
        else await refreshState();
      } catch (error) {
        dispatch({ type: 'saving', saving: false });
        dispatch({ type: 'notice', notice: { intent: 'error', msg: PANE.failed, error } });
      }
    },
    [host, lang, s.settings, s.paneState, assess, refreshState],
  );

  const switchLanguage = useCallback(
    (l: Lang) => {
      dispatch({ type: 'lang', lang: l });
      host.setPaneLanguage(l).then(refreshState, () => undefined);
    },
    [host, refreshState],
  );

  const view = useMemo(
    () => (s.result && engineRef.current ? engineRef.current.buildView(s.result, lang) : null),
    // engineLoaded is part of the state so that the view is rebuilt once the engine arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- engineLoaded stands for the ref's content
    [s.result, s.engineLoaded, lang],
  );

  const ps = s.paneState;
  const doneStages = s.stages.length;
  const current = STAGES.find((st) => !s.stages.includes(st)) ?? 'write';

  let panel: ReactNode;
  switch (s.tab) {
    case 'summary':
      panel = <SummaryPanel view={view} />;
      break;
    case 'warnings':
      panel = <WarningsPanel view={view} onSelect={select} />;
      break;
    case 'issues':
      panel = <IssuesPanel view={view} onSelect={select} />;
      break;
    case 'ranking':
      panel = <RankingPanel view={view} />;
      break;
    case 'settings':
      panel = (
        <SettingsPanel
          rules={s.settings?.rules ?? null}
          totalPoints={s.settings?.totalPoints ?? 100}
          busy={s.saving || s.running}
          onSave={saveRules}
          onPaneLanguage={switchLanguage}
        />
      );
      break;
  }

  return (
    <FluentProvider theme={webLightTheme} dir="ltr">
      {/* The provider's own class would also reach Fluent's portals (listboxes): keep the layout on a div. */}
      <div className="pga-root">
      <I18nContext.Provider value={i18n}>
        <header className="pga-header">
          <h1 className="pga-title">{tr(PANE.appTitle)}</h1>
        </header>
        <main className="pga-main">
          <div className="pga-banners">
            {host.kind === 'preview' && (
              <MessageBar intent="info" data-testid="banner-preview">
                <MessageBarBody>
                  <MessageBarTitle>{tr(PANE.previewTitle)}</MessageBarTitle>
                  {tr(PANE.previewText)}
                </MessageBarBody>
              </MessageBar>
            )}
            {ps && !ps.assessed && ps.hasScoreTable && (
              <MessageBar intent="info" data-testid="banner-not-assessed">
                <MessageBarBody>
                  <MessageBarTitle>{tr(PANE.notAssessedTitle)}</MessageBarTitle>
                  {tr(PANE.notAssessedText)}
                </MessageBarBody>
              </MessageBar>
            )}
            {ps && ps.changed && (
              <MessageBar intent="warning" data-testid="banner-changed">
                <MessageBarBody>
                  <MessageBarTitle>{tr(PANE.changedTitle)}</MessageBarTitle>
                  {tr(PANE.changedText, { runAt: formatTime(ps.runAt, lang) })}
                </MessageBarBody>
              </MessageBar>
            )}
            {ps && !ps.hasScoreTable && (
              <MessageBar intent="info" data-testid="banner-no-table">
                <MessageBarBody>
                  <MessageBarTitle>{tr(PANE.noTableTitle)}</MessageBarTitle>
                  {tr(PANE.noTableText)}
                </MessageBarBody>
              </MessageBar>
            )}
            {s.notice && <NoticeBar notice={s.notice} onDismiss={() => dispatch({ type: 'notice', notice: null })} />}
          </div>

          <div className="pga-actions">
            <Button appearance="primary" size="large" onClick={assess} disabled={s.running} title={tr(PANE.assessHint)}>
              {tr(s.running ? PANE.assessing : PANE.assess)}
            </Button>
            {ps && !ps.hasScoreTable && (
              <Button appearance="secondary" onClick={insertTemplate} disabled={s.running}>
                {tr(PANE.insertTemplate)}
              </Button>
            )}
          </div>
          {s.running && (
            <Field validationMessage={tr(PANE[`stage_${current}`])} validationState="none">
              <ProgressBar value={doneStages / STAGES.length} aria-label={tr(PANE.assessing)} />
            </Field>
          )}
          {ps?.assessed && !ps.changed && (
            <Text size={200} className="pga-muted" block>
              {tr(PANE.lastRun, { runAt: formatTime(ps.runAt, lang) })}
            </Text>
          )}

          <TabList
            selectedValue={s.tab}
            onTabSelect={(_, d) => dispatch({ type: 'tab', tab: d.value as TabValue })}
            aria-label={tr(PANE.tabsLabel)}
            size="small"
            className="pga-tabs"
          >
            {TABS.map((tab) => (
              <Tab key={tab} value={tab} id={`pga-tab-${tab}`} aria-controls="pga-panel">
                {tr(TAB_LABEL[tab])}
                {tab === 'warnings' && view ? ` (${view.warnings.length})` : ''}
                {tab === 'issues' && view ? ` (${view.issues.length})` : ''}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id="pga-panel" aria-labelledby={`pga-tab-${s.tab}`} className="pga-panel" tabIndex={0}>
            <Suspense fallback={<Spinner size="tiny" label={tr(PANE.loading)} />}>{panel}</Suspense>
          </div>
        </main>
        {footer}
      </I18nContext.Provider>
      </div>
    </FluentProvider>
  );
}

function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { tr, lang } = useI18n();
  const detail = notice.error !== undefined ? describeError(notice.error, lang) : null;
  return (
    <MessageBar intent={notice.intent} data-testid="notice" role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{tr(notice.msg, { ...notice.params, reason: detail ?? '' })}</MessageBarTitle>
        {detail && notice.msg !== PANE.selectFailed ? detail : null}
        {notice.unchanged ? ` ${tr(PANE.unchangedNote)}` : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={onDismiss}>
          {tr(PANE.dismiss)}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
