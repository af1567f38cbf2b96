/**
 * The task pane. It shows state and forwards intents; the workflows live in the controller hook
 * (controller.ts), state changes in the reducer (state.ts). Layout, top to bottom: the actions (the
 * primary button never moves), one status line (its slot reserved from the first paint: the workbook's
 * state, or the last action's outcome with a 详情 link to its full message), three tabs, the summary strip
 * (open rectifications and the latest grades), the panel. Answers come first at 320 px: nothing but that
 * one line stands between the actions and the tabs.
 */
import { lazy, memo, Suspense, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Badge, Button, Select, Field, FluentProvider, Link, ProgressBar, Spinner, Tab, TabList, ToggleButton } from '@fluentui/react-components';
import type { Lang } from '../domain/types';
import { dateLabel, periodLabel } from '../i18n/domain';
import type { PrintPeriod } from '../workbook/print';
import { PANE } from '../i18n/pane';
import type { RemotePaneHost } from './remote';
import { loadReader } from '../app/pane-state';
import { GearIcon } from './bits';
import { I18nContext, makeI18n, useI18n } from './context';
import type { ControllerOptions } from './controller';
import { loadEngine, usePaneController } from './controller';
import type { Notice, State, TabValue } from './state';
import { STAGES, TABS, noScores, primaryAction, statusOf } from './state';
import { describeError } from '../i18n/errors';
import { SummaryPanel, SummaryStrip, loadChart } from './SummaryPanel';
import { usePaneTheme } from './theme';
import { WarningsPanel } from './WarningsPanel';

const loadRanking = () => import(/* webpackChunkName: "ranking" */ './RankingPanel');
const loadSettings = () => import(/* webpackChunkName: "settings" */ './SettingsPanel');
const RankingPanel = lazy(loadRanking);
const SettingsPanel = lazy(loadSettings);

/**
 * The panels as the tabs keep them: rendered again only when their own props change — not when another
 * tab is chosen, a notice comes or goes, or a run's stage is painted (a 20,000-row workbook's 概览, chart
 * and lists, took a second to render again; issue 18: switching tabs ≤ 200 ms).
 */
const KeptSummary = memo(SummaryPanel);
const NO_PERIODS: PrintPeriod[] = [];
const KeptWarnings = memo(WarningsPanel);
const KeptRanking = memo(RankingPanel);
const KeptStrip = memo(SummaryStrip);

/** The tabs whose panels stay mounted (hidden) once shown; 设置 is a form and starts afresh each time. */
type KeptTab = Exclude<TabValue, 'settings'>;


/** Every chunk the pane loads on demand (the reader, the engine, the panels, the chart): for prefetchWhenIdle (src/ui/prefetch.ts). */
export const PANE_CHUNKS: (() => Promise<unknown>)[] = [loadReader, loadEngine, loadRanking, loadSettings, loadChart];

export interface AppProps {
  host: RemotePaneHost;
  /** Office's display language folded to zh-CN / en-US; null outside Office. */
  displayLanguage: Lang | null;
  /** The language to start in (before the workbook's remembered choice is read). */
  initialLang: Lang;
  /** Rendered under the panels (the preview's view of its sample workbook). */
  footer?: ReactNode;
  /** For tests: the clipboard. */
  copy?: ControllerOptions['copy'];
  /** The language when the page around the pane owns it (the workbook page); see ControllerOptions. */
  lang?: Lang;
  onLanguage?: (lang: Lang) => void;
  /**
   * Inside a page that has its own heading and main landmark (the workbook page): the pane is a region
   * labelled by `embedded.label`, without its own h1; 设置's help links `embedded.helpPage` (null: no help page
   * beside it — the single-file page).
   */
  embedded?: { label: string; helpPage?: string | null; steps?: PageSteps };
}

/**
 * The workbook page's steps, read downwards: ① open (the page's), ② 考评 (the pane's first action, marked
 * `mark`), ③ download (`next`, rendered right under the actions). Once there is something to download
 * (`stepBack`), 考评 is no longer the primary button — one primary action at a time — and once a run made
 * it (`again`), it says 重新考评.
 */
export interface PageSteps {
  mark: ReactNode;
  next: ReactNode;
  stepBack: boolean;
  again: boolean;
}

const TAB_LABEL = {
  summary: PANE.tabSummary,
  warnings: PANE.tabWarnings,
  ranking: PANE.tabRanking,
  settings: PANE.tabSettings,
};

/** A run time as people write it: 2026年11月29日 14:08 / November 29, 2026 14:08 (local time). */
export function formatTime(iso: string | null, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return `${dateLabel(lang, day)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function App({ host, displayLanguage, initialLang, footer, copy, lang, onLanguage, embedded }: AppProps) {
  const theme = usePaneTheme(!embedded);
  const { state: s, view, comparison, historyLoading, actions, printPeriod } = usePaneController({ host, displayLanguage, initialLang, copy, lang, onLanguage });
  const i18n = useMemo(() => makeI18n(s.lang), [s.lang]);
  const { tr } = i18n;
  const primary = primaryAction(s);
  const busy = s.running || s.inserting || s.saving;

  // A panel once shown stays mounted, hidden while another tab is chosen: coming back to it shows what was
  // there (the chart as it was drawn, a list as far as it was opened) without rendering it again. A new
  // view (a run, another language) starts over from the tab on show, so hidden panels are not rendered
  // for a result nobody is looking at.
  const kept = useRef<{ view: typeof view; tabs: Set<KeptTab> }>({ view, tabs: new Set() });
  if (kept.current.view !== view) kept.current = { view, tabs: new Set() };
  if (s.tab !== 'settings') kept.current.tabs.add(s.tab);
  const keep = (tab: KeptTab, node: ReactNode) =>
    kept.current.tabs.has(tab) ? (
      <div key={tab} hidden={s.tab !== tab} data-panel={tab}>
        <Suspense fallback={<Spinner size="tiny" label={tr(PANE.loading)} />}>{node}</Suspense>
      </div>
    ) : null;
  const periods = s.result?.printPeriods ?? NO_PERIODS;

  const panels: ReactNode[] = [
    keep(
      'summary',
      <KeptSummary
        view={view}
        noTable={primary === 'template'}
        history={s.history}
        historyLoading={historyLoading}
        comparison={comparison}
        onCopy={s.running ? undefined : actions.copySummary}
        canSelect={host.canSelect}
        onSelect={actions.select}
        onOpenHistory={actions.openHistory}
        onCloseHistory={actions.closeHistory}
      />,
    ),
    keep('warnings', <KeptWarnings view={view} canSelect={host.canSelect} onSelect={actions.select} />),
    keep('ranking', <KeptRanking view={view} />),
  ];
  if (s.tab === 'settings') {
    panels.push(
      <Suspense key="settings" fallback={<Spinner size="tiny" label={tr(PANE.loading)} />}>
        <SettingsPanel
          rules={s.settings?.rules ?? null}
          totalPoints={s.settings?.totalPoints ?? 100}
          busy={busy}
          onSave={actions.saveRules}
          onPaneLanguage={actions.switchLanguage}
          lockedSheet={!host.canEditCells && s.settings?.sheet ? s.settings.sheet : null}
          inPage={host.kind === 'file'}
          helpPage={embedded?.helpPage === undefined ? 'help.html' : embedded.helpPage}
        />
      </Suspense>,
    );
  }

  const steps = embedded?.steps;
  const firstAppearance = steps?.stepBack ? 'secondary' : 'primary';
  const assessButton = (
    <Button key="assess" className="pga-primary" appearance={firstAppearance} size="large" onClick={actions.assess} disabled={busy} title={tr(PANE.assessHint)}>
      {tr(s.running ? PANE.assessing : steps?.again ? PANE.assessAgain : PANE.assess)}
    </Button>
  );
  // The official tables of an earlier period: a choice once the workbook has been assessed with more than one period.
  const periodKey = (p: PrintPeriod | null) => (p ? `${p.year}${p.half ? `H${p.half}` : ''}` : 'latest');
  const periodWord = (p: PrintPeriod | null) =>
    p === null ? tr(PANE.printPeriodLatest) : p.half ? periodLabel(s.lang, { year: p.year, half: p.half }) : tr(PANE.printPeriodYear, { year: p.year });
  const periodChoice =
    periods.length > 1 ? (
      // A native select (Fluent's Select): the pane's first chunk stays light (a Dropdown weighs ~15 KB gzipped).
      <span key="print-period" className="pga-print-period" data-testid="print-period" title={tr(PANE.printPeriodHint)}>
        <label htmlFor="pga-print-period" className="pga-print-period-label">{`${tr(PANE.printPeriod)}${tr({ zh: '：', en: ':' })}`}</label>
        <Select
          id="pga-print-period"
          size="small"
          disabled={busy}
          value={periodKey(printPeriod)}
          onChange={(_, d) => actions.setPrintPeriod([null, ...periods].find((p) => periodKey(p) === d.value) ?? null)}
        >
          {[null, ...periods].map((p) => (
            <option key={periodKey(p)} value={periodKey(p)}>
              {periodWord(p)}
            </option>
          ))}
        </Select>
      </span>
    ) : null;
  const templateButton = (
    <Button key="template" className="pga-primary" appearance={firstAppearance} size="large" onClick={actions.insertTemplate} disabled={busy} title={tr(PANE.noTableText)}>
      {tr(PANE.insertTemplate)}
    </Button>
  );

  return (
    <FluentProvider theme={theme} dir="ltr">
      {/* The provider's own class would also reach Fluent's portals (listboxes): keep the layout on a div. */}
      <div className={embedded ? 'pga-root pga-embedded' : 'pga-root'}>
        <I18nContext.Provider value={i18n}>
          <Frame embedded={embedded}>
            {/* Office's pane title already names the add-in: the heading is for screen readers only. */}
            {!embedded && <h1 className="pga-sr-only">{tr(PANE.appTitle)}</h1>}
            <div className="pga-actions" role="group" aria-label={tr(PANE.actionsLabel)}>
              {steps?.mark}
              {/* Without a score table the way in is the template (考评 would only say there is no table). */}
              {primary === 'template' ? templateButton : assessButton}
              {primary === 'template' ? null : periodChoice}
              <ToggleButton
                className="pga-settings-button"
                appearance="subtle"
                icon={<GearIcon />}
                checked={s.tab === 'settings'}
                onClick={() => actions.setTab('settings')}
                aria-label={tr(PANE.tabSettings)}
                title={tr(PANE.tabSettings)}
                data-testid="settings-button"
              />
            </div>
            {steps?.next}
            <StatusSlot s={s} onDismiss={actions.dismiss} onCancel={actions.cancel && actions.canCancel?.() ? actions.cancel : undefined} />
            <TabList
              selectedValue={s.tab}
              onTabSelect={(_, d) => actions.setTab(d.value as TabValue)}
              aria-label={tr(PANE.tabsLabel)}
              size="small"
              className="pga-tabs"
              data-testid="tabs"
            >
              {TABS.map((tab) => (
                <Tab key={tab} value={tab} id={`pga-tab-${tab}`} aria-controls="pga-panel">
                  {tr(TAB_LABEL[tab])}
                  {/* 预警 and a badge counting the open items (not “预警1/15”, read as “1 of 15”); the name says what the number is. */}
                  {tab === 'warnings' && view && view.openWarnings > 0 ? (
                    <>
                      <Badge size="small" appearance="filled" color="danger" className="pga-tab-badge" aria-hidden="true" data-testid="open-warnings-badge">
                        {view.openWarnings}
                      </Badge>
                      <span className="pga-sr-only">{tr(PANE.tabWarningsOpen, { open: view.openWarnings })}</span>
                    </>
                  ) : null}
                </Tab>
              ))}
            </TabList>
            {view && view.graded > 0 && <KeptStrip view={view} onSummary={s.tab === 'summary'} />}
            <div
              role={s.tab === 'settings' ? 'region' : 'tabpanel'}
              id="pga-panel"
              aria-labelledby={s.tab === 'settings' ? undefined : `pga-tab-${s.tab}`}
              aria-label={s.tab === 'settings' ? tr(PANE.tabSettings) : undefined}
              className="pga-panel"
              tabIndex={0}
            >
              {panels}
            </div>
          </Frame>
          {footer}
        </I18nContext.Provider>
      </div>
    </FluentProvider>
  );
}

/** The pane's landmark: the page's main, or a labelled region inside a page that has its own. */
function Frame({ embedded, children }: { embedded?: { label: string }; children: ReactNode }) {
  return embedded ? (
    <section className="pga-main" aria-label={embedded.label}>
      {children}
    </section>
  ) : (
    <main className="pga-main">{children}</main>
  );
}

/**
 * The status line: progress while a run is under way; else the last action's outcome (考评完成…, an error)
 * with a 详情 link to its full message; else what the workbook's state calls for. One line in one slot,
 * so the answers below start where they always do (issue 18: the message block pushed the first
 * rectification below the fold at 320 px).
 */
function StatusSlot({ s, onDismiss, onCancel }: { s: State; onDismiss: () => void; onCancel?: () => void }) {
  const { tr } = useI18n();
  if (s.running) {
    const current = STAGES.find((st) => !s.stages.includes(st)) ?? 'write';
    return (
      <div className="pga-status">
        <Field validationMessage={tr(PANE[`stage_${current}`])} validationState="none">
          <ProgressBar value={s.stages.length / STAGES.length} aria-label={tr(PANE.assessing)} />
        </Field>
        {/* 取消 where the engine can stop the run (its worker), until it writes: a write is never cut. */}
        {onCancel && current !== 'write' ? (
          <Button size="small" appearance="secondary" className="pga-cancel" onClick={onCancel} title={tr(PANE.cancelTitle)} data-testid="cancel">
            {tr(PANE.cancel)}
          </Button>
        ) : null}
      </div>
    );
  }
  if (s.notice) return <NoticeLine key={noticeKey(s.notice)} s={s} notice={s.notice} onDismiss={onDismiss} />;
  return (
    <div className="pga-status" role="status" aria-live="polite">
      <StateLine s={s} />
    </div>
  );
}

/** Each notice gets its own 详情 state (a new notice starts closed, an error open). */
const noticeKeys = new WeakMap<Notice, number>();
let noticeCount = 0;
function noticeKey(n: Notice): number {
  let k = noticeKeys.get(n);
  if (k === undefined) noticeKeys.set(n, (k = ++noticeCount));
  return k;
}

/** The workbook's state in one line: 尚未考评 / 评分已变更 / 上次考评：… */
function StateLine({ s }: { s: State }) {
  const { tr, lang } = useI18n();
  const status = statusOf(s);
  const line = (kind: string, testid: string, title: string, text: string) => (
    <p className="pga-status-line" data-kind={kind} data-testid={testid}>
      <span className="pga-status-title">{title}</span>
      {text}
    </p>
  );
  const runAt = formatTime(s.paneState?.runAt ?? null, lang);
  return (
    <>
      {status === 'loading' && line('plain', 'status-loading', '', tr(PANE.statusLoading))}
      {status === 'noTable' && line('info', 'banner-no-table', tr(PANE.noTableTitle), tr(PANE.noTableShort))}
      {status === 'notAssessed' && line('info', 'banner-not-assessed', tr(PANE.notAssessedTitle), tr(PANE.notAssessedText))}
      {status === 'changed' && line('warning', 'banner-changed', tr(PANE.changedTitle), tr(PANE.changedText))}
      {status === 'upToDate' && line('ok', 'status-up-to-date', tr(PANE.lastRun, { runAt }), tr(noScores(s) ? PANE.noScores : PANE.upToDate))}
    </>
  );
}

const NOTICE_KIND: Record<Notice['intent'], string> = {
  success: 'ok',
  info: 'info',
  warning: 'warning',
  error: 'error',
};

/**
 * The last action's outcome: its title on the status line and a 详情 link that opens the full message
 * (the second line, the rules saved, the run's notes, the copied text) with the workbook's state and 关闭.
 * An error's reason stays in the alert under its title; text offered for copying by hand opens at once.
 */
function NoticeLine({ s, notice, onDismiss }: { s: State; notice: Notice; onDismiss: () => void }) {
  const { tr, lang } = useI18n();
  const detail = notice.error !== undefined ? describeError(notice.error, lang) : null;
  // Text offered for copying by hand is the message: open at once.
  const [open, setOpen] = useState(notice.copiedText !== undefined && notice.intent !== 'success');
  const title = tr(notice.msg, { ...notice.params, reason: detail ?? '' });
  const error = notice.intent === 'error';
  // An error's reason is part of the alert, never behind 详情.
  const reason = detail && notice.msg !== PANE.selectFailed ? detail : null;
  const short = notice.msg === PANE.done ? tr(PANE.doneShort) : null;
  return (
    <>
      <div className="pga-status" role={error ? 'alert' : 'status'} aria-live={error ? 'assertive' : 'polite'}>
        <div className="pga-status-line" data-kind={NOTICE_KIND[notice.intent]} data-testid="notice" data-intent={notice.intent}>
          {/* Below ~240 px (200 % zoom) the short title (考评完成) keeps the line to one line; the full one opens with 详情. */}
          <span className={short ? 'pga-status-title pga-wide-only' : 'pga-status-title'}>{title}</span>
          {short && <span className="pga-status-title pga-narrow-only">{short}</span>}
          <Link
            as="button"
            inline
            className="pga-details-link"
            aria-expanded={open}
            aria-controls="pga-notice-detail"
            aria-label={tr(PANE.detailsLabel, { title })}
            onClick={() => setOpen(!open)}
          >
            {tr(PANE.details)}
          </Link>
          {reason && <p className="pga-message">{reason}</p>}
          {notice.unchanged ? <p className="pga-message">{tr(PANE.unchangedNote)}</p> : null}
        </div>
      </div>
      {/* Outside the live region: opening it is not announced as news. */}
      <div id="pga-notice-detail" className="pga-notice-body" data-testid="notice-detail" hidden={!open}>
        {open && (
          <>
            {short && <span className="pga-narrow-only">{title}</span>}
            {notice.text && <span>{tr(notice.text, notice.params)}</span>}
            {notice.rulesSaved && <span>{tr(PANE.rulesChangedNote, { sheet: notice.rulesSaved })}</span>}
            {notice.notes?.map((n, i) => (
              <span key={`note${i}`} data-testid="run-note">
                {tr(n.msg, n.params)}
              </span>
            ))}
            {notice.copiedText !== undefined &&
              (notice.intent === 'success' ? (
                <p className="pga-copied" data-testid="copied-text">
                  {notice.copiedText}
                </p>
              ) : (
                <textarea
                  className="pga-copy-area"
                  readOnly
                  value={notice.copiedText}
                  aria-label={tr(PANE.summaryTextLabel)}
                  data-testid="copied-text"
                  onFocus={(e) => e.currentTarget.select()}
                />
              ))}
            <StateLine s={s} />
            <Button size="small" appearance="secondary" className="pga-disclosure" onClick={onDismiss}>
              {tr(PANE.dismiss)}
            </Button>
          </>
        )}
      </div>
    </>
  );
}
