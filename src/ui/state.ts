/**
 * The pane's state and every change to it, in one place. The workflows (controller.ts) only report
 * outcomes — one action per outcome: request, success, failure — and the reducer derives from them what
 * the pane shows: the notice, the banners' state (PaneState), what is busy.
 */
import type { Stage } from '../app/assessWorkbook';
import type { Lang, Rules } from '../domain/types';
import type { Msg, Params } from '../i18n';
import { PANE } from '../i18n/pane';
import type { RunComparison } from '../workbook/digest';
import type { PaneState } from '../app/pane-state';
import { cellMsg } from '../i18n/words';
import type { ResultSummary } from './view/types';

export type Engine = typeof import('./view/index');
/**
 * Three tabs (they fit one row at 320 px in both languages); data issues are a section of 概览, and
 * 设置 is the gear button beside the actions — it shows the settings in the panel's place.
 */
export type TabValue = 'summary' | 'warnings' | 'ranking' | 'settings';
export const TABS: readonly TabValue[] = ['summary', 'warnings', 'ranking'];
export const STAGES: readonly Stage[] = ['read', 'parse', 'assess', 'render', 'write'];

export interface Notice {
  intent: 'success' | 'error' | 'info' | 'warning';
  msg: Msg;
  params?: Params;
  /** A second line under the title. */
  text?: Msg;
  /** The failure behind an error notice, described in the pane's language when shown. */
  error?: unknown;
  /** True when the failure left the workbook unchanged (a failed assessment never writes half). */
  unchanged?: boolean;
  /** After a run that followed saving the rules: the sheet they were saved to. */
  rulesSaved?: string;
  /** After copying the report text: the text (shown for manual copying when the clipboard failed). */
  copiedText?: string;
  /** After a run: what it could not keep as the user left it (a formula in the ledger…), one line each. */
  notes?: { msg: Msg; params?: Params }[];
}

/** The rules in force, the rubric's full score, and the workbook's rules sheet (null when it has none). */
export type Settings = { rules: Rules; totalPoints: number; sheet?: string | null };

export interface State {
  lang: Lang;
  /** The workbook's state (banners); null until the first read answers. */
  paneState: PaneState | null;
  opening: boolean;
  running: boolean;
  /** Stages finished in the current run. */
  stages: Stage[];
  /** The stage the current run has begun last (what 取消 depends on: never offered once it writes). */
  stage: Stage | null;
  /** The result on show, as the pane keeps it (its view is built apart: controller.ts). */
  result: ResultSummary | null;
  engineLoaded: boolean;
  notice: Notice | null;
  tab: TabValue;
  /** The tab to return to when the settings close. */
  previousTab: Exclude<TabValue, 'settings'>;
  /** The Party group whose history is open on 概览 (its matching key), or null. */
  history: string | null;
  settings: Settings | null;
  settingsLoading: boolean;
  saving: boolean;
  inserting: boolean;
  /** The rules were just saved to this sheet; the run that follows says so. */
  rulesSaved: string | null;
  /**
   * What the last run in this session changed since the run before (与上次相比): a section of 概览 that
   * stays until the next run (no longer part of the run's notice, which closes).
   */
  comparison: RunComparison | null;
}

export type Action =
  | { type: 'engine/loaded' }
  | { type: 'open/success'; paneState: PaneState; result: ResultSummary | null }
  | { type: 'open/failure'; error: unknown }
  | { type: 'paneState/success'; paneState: PaneState }
  | { type: 'paneState/failure'; error: unknown }
  | { type: 'assess/request' }
  | { type: 'assess/progress'; stage: Stage; done: boolean }
  | { type: 'assess/cancelled' }
  | { type: 'assess/success'; result: ResultSummary; runAt: string; paneLanguage: Lang | null; comparison: RunComparison; notes?: Notice['notes'] }
  | { type: 'assess/failure'; error: unknown; unchanged: boolean }
  | { type: 'template/request' }
  | { type: 'template/success'; inserted: string[]; skipped: string[]; sep: string }
  | { type: 'template/failure'; error: unknown }
  | { type: 'rules/load/request' }
  | { type: 'rules/load/success'; settings: Settings }
  | { type: 'rules/load/failure'; error: unknown }
  | { type: 'rules/save/request' }
  | { type: 'rules/save/success'; rules: Rules; sheet: string; rerun: boolean }
  | { type: 'rules/save/failure'; error: unknown }
  | { type: 'select/failure'; cell: string; error: unknown }
  | { type: 'copy/success'; text: string }
  | { type: 'copy/failure'; text: string }
  | { type: 'lang/set'; lang: Lang }
  | { type: 'tab'; tab: TabValue }
  | { type: 'history/open'; key: string }
  | { type: 'history/close' }
  | { type: 'notice/dismiss' };

export function initialState(lang: Lang): State {
  return {
    lang,
    paneState: null,
    opening: true,
    running: false,
    stages: [],
    stage: null,
    result: null,
    engineLoaded: false,
    notice: null,
    tab: 'summary',
    previousTab: 'summary',
    history: null,
    settings: null,
    settingsLoading: false,
    saving: false,
    inserting: false,
    rulesSaved: null,
    comparison: null,
  };
}

const failure = (msg: Msg, error: unknown, extra: Partial<Notice> = {}): Notice => ({ intent: 'error', msg, error, ...extra });

/** The notice after a run: 考评完成 (what changed is State.comparison), or 没有可评定的记录 when nothing could be graded. */
function runNotice(result: ResultSummary, rulesSaved: string | null, notes: Notice['notes'] = []): Notice {
  const extra = { ...(rulesSaved ? { rulesSaved } : {}), ...(notes.length ? { notes } : {}) };
  if (result.graded === 0) {
    return { intent: 'warning', msg: PANE.noRecordsTitle, text: PANE.noRecordsText, params: { pending: result.pending }, ...extra };
  }
  return {
    intent: 'success',
    msg: PANE.done,
    params: { rows: result.rows, warnings: result.warnings, issues: result.issues },
    ...extra,
  };
}

export function reducer(s: State, a: Action): State {
  switch (a.type) {
    case 'engine/loaded':
      return { ...s, engineLoaded: true };
    case 'open/success':
      return {
        ...s,
        opening: false,
        paneState: a.paneState,
        lang: a.paneState.paneLanguage ?? s.lang,
        // A run started meanwhile has the newer result.
        result: s.result ?? a.result,
      };
    case 'open/failure':
      return { ...s, opening: false, notice: failure(PANE.failed, a.error) };
    case 'paneState/success':
      return { ...s, paneState: a.paneState };
    case 'paneState/failure':
      return { ...s, notice: s.notice ?? failure(PANE.failed, a.error) };
    case 'assess/request':
      return { ...s, running: true, stages: [], stage: null, notice: null };
    case 'assess/progress':
      if (!a.done) return s.stage === a.stage ? s : { ...s, stage: a.stage };
      return !s.stages.includes(a.stage) ? { ...s, stages: [...s.stages, a.stage] } : s;
    case 'assess/success':
      return {
        ...s,
        running: false,
        result: a.result,
        // The run just wrote the results and recorded the inputs' fingerprint: the workbook is up to date.
        paneState: { assessed: true, runAt: a.runAt, changed: false, hasScoreTable: true, paneLanguage: a.paneLanguage ?? s.paneState?.paneLanguage ?? null },
        // New results: the rules in force may have changed too.
        settings: s.settings ? { ...s.settings, rules: a.result.rules } : null,
        notice: runNotice(a.result, s.rulesSaved, a.notes),
        comparison: a.comparison,
        rulesSaved: null,
        history: s.history,
      };
    case 'assess/cancelled':
      // 取消 is no failure: said as it is (the workbook unchanged: a run is never stopped while it writes).
      return { ...s, running: false, rulesSaved: null, notice: { intent: 'info', msg: PANE.cancelled } };
    case 'assess/failure':
      // Only a failure before the write can promise an untouched workbook.
      return { ...s, running: false, rulesSaved: null, notice: failure(PANE.failed, a.error, { unchanged: a.unchanged }) };
    case 'template/request':
      return { ...s, inserting: true, notice: null };
    case 'template/success':
      return {
        ...s,
        inserting: false,
        notice: a.inserted.length
          ? { intent: 'success', msg: PANE.templateInserted, params: { sheets: a.inserted.join(a.sep) } }
          : { intent: 'info', msg: PANE.templateSkipped, params: { sheets: a.skipped.join(a.sep) } },
      };
    case 'template/failure':
      return { ...s, inserting: false, notice: failure(PANE.failed, a.error) };
    case 'rules/load/request':
      return { ...s, settingsLoading: true };
    case 'rules/load/success':
      return { ...s, settingsLoading: false, settings: a.settings };
    case 'rules/load/failure':
      return { ...s, settingsLoading: false, notice: failure(PANE.rulesLoadFailed, a.error) };
    case 'rules/save/request':
      return { ...s, saving: true, notice: null };
    case 'rules/save/success':
      return {
        ...s,
        saving: false,
        settings: { rules: a.rules, totalPoints: s.settings?.totalPoints ?? 100, sheet: a.sheet },
        // Re-run next (the result sheets follow the rules): that run's notice says the rules were saved.
        rulesSaved: a.rerun ? a.sheet : null,
        notice: a.rerun ? null : { intent: 'success', msg: PANE.saved, params: { sheet: a.sheet } },
      };
    case 'rules/save/failure':
      return { ...s, saving: false, notice: failure(PANE.failed, a.error) };
    case 'select/failure':
      return { ...s, notice: failure(PANE.selectFailed, a.error, { params: { cell: cellMsg(a.cell) } }) };
    case 'copy/success':
      return { ...s, notice: { intent: 'success', msg: PANE.copied, copiedText: a.text } };
    case 'copy/failure':
      return { ...s, notice: { intent: 'warning', msg: PANE.copyFailed, copiedText: a.text } };
    case 'lang/set':
      return { ...s, lang: a.lang };
    case 'tab':
      // The gear toggles the settings; leaving them returns to the tab they were opened from.
      if (a.tab === 'settings' && s.tab === 'settings') return { ...s, tab: s.previousTab };
      return { ...s, tab: a.tab, previousTab: s.tab === 'settings' ? s.previousTab : s.tab };
    case 'history/open':
      return { ...s, tab: 'summary', history: a.key };
    case 'history/close':
      return { ...s, history: null };
    case 'notice/dismiss':
      return { ...s, notice: null };
  }
}

/** What the pane offers as its main action: 插入评分模板 when the workbook has no score table, else 考评. */
export function primaryAction(s: State): 'assess' | 'template' {
  return s.paneState && !s.paneState.hasScoreTable ? 'template' : 'assess';
}

/** The status line's content, from the workbook's state. */
export type Status = 'loading' | 'noTable' | 'notAssessed' | 'changed' | 'upToDate' | 'none';

/** The last result graded nothing: the score table has no scores yet (one empty state instead of "all clear"). */
export function noScores(s: State): boolean {
  return !!s.result && s.result.graded === 0;
}

export function statusOf(s: State): Status {
  const ps = s.paneState;
  if (!ps) return s.opening ? 'loading' : 'none';
  if (!ps.hasScoreTable) return 'noTable';
  if (!ps.assessed) return 'notAssessed';
  if (ps.changed) return 'changed';
  return 'upToDate';
}

