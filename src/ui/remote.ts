/**
 * A pane host whose engine runs beside the workbook, off the pane's thread: in a worker (src/ui/worker/):
 * the workbook page's, which holds the file (src/page/worker-host.ts), or the task pane's, attached to the
 * workbook on the pane's thread (src/ui/worker/pane.ts). The controller (controller.ts) then asks the host to
 * open, assess, build the view and read the rules, instead of running the engine over the host itself — so
 * that the work of a 20,000-row run stays off the pane's thread and only the answers cross: the result as the
 * pane keeps it (ResultSummary), its view, and a group's history when it is opened. Every pane has one: the
 * Excel, preview and WPS panes through src/ui/worker/pane.ts (the same engine on the pane's thread where no worker
 * can be made), the workbook page through src/page/worker-host.ts.
 */
import type { PaneHost } from '../app/pane-service';
import type { PaneState } from '../app/pane-state';
import type { Stage } from '../app/assessWorkbook';
import type { Lang, Rules } from '../domain/types';
import type { RunComparison } from '../workbook/digest';
import type { PrintPeriod } from '../workbook/print';
import type { Msg, Params } from '../i18n';
import type { GroupHistory, PaneView, ResultSummary } from './view/types';

export interface RemoteOpening {
  paneState: PaneState;
  /**
   * The last run's result when the workbook was assessed (as the pane keeps it), with its view in the asked
   * language, without the groups' histories (`RemoteEngine.history`).
   */
  result: ResultSummary | null;
  view: PaneView | null;
}

export interface RemoteOutcome {
  result: ResultSummary;
  /** Without the groups' histories (`RemoteEngine.history`). */
  view: PaneView;
  runAt: string;
  paneLanguage: Lang | null;
  comparison: RunComparison;
  notes: { msg: Msg; params?: Params }[];
}

export interface RemoteEngine {
  /** The banners' state and, when assessed, the last run's result (judged today) and its view in `lang`. */
  open(opts: { lang: Lang; displayLanguage: Lang | null; ignorePaneLanguage: boolean }): Promise<RemoteOpening>;
  /** 考评: run, write, and answer with the result and its view in `lang`. */
  assess(opts: { lang: Lang; displayLanguage: Lang; printPeriod: PrintPeriod | null; onProgress: (stage: Stage, done: boolean) => void }): Promise<RemoteOutcome>;
  /** The view of the last result in another language (without the histories). */
  view(lang: Lang): Promise<PaneView>;
  /** One Party group's history (its matching key) from the last result, in `lang`; null when there is no such group. */
  history(lang: Lang, key: string): Promise<GroupHistory | null>;
  readRules(): Promise<{ rules: Rules; totalPoints: number; sheet: string | null }>;
  /**
   * 取消 from inside the pane (the task pane's worker; the workbook page has its own, around the pane): stop the
   * 考评 in flight if it has not begun to write — it then fails as cancelled (PAGE_CODES.cancelled) and the
   * workbook is unchanged. False when there is nothing to stop, or it is writing (a write is never cut).
   */
  cancel?(): boolean;
  /** Whether `cancel` would stop the run in flight now (offered only then). */
  cancellable?(): boolean;
}

export interface RemotePaneHost extends PaneHost {
  readonly remote: RemoteEngine;
}
