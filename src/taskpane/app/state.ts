/** The pane's state and every change to it, in one place. */
import type { Stage } from '../../app/assessWorkbook';
import { AssessError } from '../../domain/errors';
import type { AssessmentResult, Lang, Rules } from '../../domain/types';
import type { Msg, Params } from '../../i18n';
import type { PaneState } from '../pane-host';

export type Engine = typeof import('./engine');
export type TabValue = 'summary' | 'warnings' | 'issues' | 'ranking' | 'settings';
export const STAGES: readonly Stage[] = ['read', 'parse', 'assess', 'render', 'write'];

export interface Notice {
  intent: 'success' | 'error' | 'info' | 'warning';
  msg: Msg;
  params?: Params;
  /** The failure behind an error notice, described in the pane's language when shown. */
  error?: unknown;
  /** True when the failure left the workbook unchanged (a failed assessment never writes half). */
  unchanged?: boolean;
}

export interface State {
  lang: Lang;
  paneState: PaneState | null;
  running: boolean;
  /** Stages finished in the current run. */
  stages: Stage[];
  result: AssessmentResult | null;
  engineLoaded: boolean;
  notice: Notice | null;
  tab: TabValue;
  settings: { rules: Rules; totalPoints: number } | null;
  saving: boolean;
}

export type Action =
  | { type: 'lang'; lang: Lang }
  | { type: 'paneState'; state: PaneState }
  | { type: 'start' }
  | { type: 'progress'; stage: Stage; done: boolean }
  | { type: 'stop' }
  | { type: 'result'; result: AssessmentResult }
  | { type: 'engineLoaded' }
  | { type: 'notice'; notice: Notice | null }
  | { type: 'tab'; tab: TabValue }
  | { type: 'settings'; settings: { rules: Rules; totalPoints: number } }
  | { type: 'saving'; saving: boolean };

export function initialState(lang: Lang): State {
  return {
    lang,
    paneState: null,
    running: false,
    stages: [],
    result: null,
    engineLoaded: false,
    notice: null,
    tab: 'summary',
    settings: null,
    saving: false,
  };
}

export function reducer(s: State, a: Action): State {
  switch (a.type) {
    case 'lang':
      return { ...s, lang: a.lang };
    case 'paneState':
      return { ...s, paneState: a.state };
    case 'start':
      return { ...s, running: true, stages: [], notice: null };
    case 'progress':
      return a.done && !s.stages.includes(a.stage) ? { ...s, stages: [...s.stages, a.stage] } : s;
    case 'stop':
      return { ...s, running: false };
    case 'result':
      // New results: the rules in force may have changed too.
      return { ...s, result: a.result, settings: s.settings ? { ...s.settings, rules: a.result.rules } : null };
    case 'engineLoaded':
      return { ...s, engineLoaded: true };
    case 'notice':
      return { ...s, notice: a.notice };
    case 'tab':
      return { ...s, tab: a.tab };
    case 'settings':
      return { ...s, settings: a.settings };
    case 'saving':
      return { ...s, saving: a.saving };
  }
}

/** A failure in the user's language: the product's typed errors say where and what to do. */
export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof AssessError) return error.describe(lang);
  const d = error as { describe?: (l: Lang) => string; message?: string };
  if (d && typeof d.describe === 'function') return d.describe(lang);
  return d && typeof d.message === 'string' ? d.message : String(error);
}
