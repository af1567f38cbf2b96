/**
 * The workbook page's engine, as it runs in its worker (src/page/engine.worker.ts): the workbook file in
 * memory (the file host behind the pane host, src/page/workbook-file.ts) and the pane's engine
 * (src/ui/view: the one use case, the view of its result). It answers the page's calls one at a time, in
 * the order they came; what a call changed in the workbook comes back with its answer (the bytes to
 * download), so the page always holds the workbook as it stood after the last finished call — what it
 * starts a new worker from after 取消.
 *
 * Plain code without the worker's globals, so that tests run it in Node as the worker runs it.
 */
import type { Stage } from '../app/assessWorkbook';
import { paneStateOf } from '../app/pane-state';
import type { AssessmentResult, Lang, Rules } from '../domain/types';
import { comparison, computeOnly, readRules, runAssessment, summarizeResult, viewAndHistories } from '../ui/view';
import type { GroupHistory, PaneView } from '../ui/view/types';
import type { RemoteOpening, RemoteOutcome } from '../ui/remote';
import type { PrintPeriod } from '../workbook/print';
import type { WorkbookPatch } from '../workbook/snapshot';
import type { Changed, EngineCall, EngineMessage, EngineRequest } from './engine-protocol';
import { splitLarge, toWire } from './engine-protocol';
import type { OpenedWorkbook } from './workbook-file';
import { openWorkbookBytes } from './workbook-file';

export class EngineService {
  private opened: OpenedWorkbook | null = null;
  /** The result on show (of the last run, or of the one recorded when the workbook was opened). */
  private last: AssessmentResult | null = null;
  /** The groups' histories of the view last sent (built once, when first asked for), sent one at a time. */
  private shown: { lang: Lang; histories: () => Record<string, GroupHistory> } | null = null;
  private dirty = false;

  /** One call: its answer and, when it changed the workbook, the workbook as it now stands. */
  async call(c: EngineCall, progress: (stage: Stage, done: boolean) => void): Promise<{ value: unknown; changed: Changed | null }> {
    this.dirty = false;
    const value = await this.run(c, progress);
    const changed = this.dirty && this.opened ? await this.opened.download() : null;
    return { value, changed };
  }

  private get host() {
    if (!this.opened) throw new Error('no workbook is open in the engine worker');
    return this.opened.host;
  }

  private async run(c: EngineCall, progress: (stage: Stage, done: boolean) => void): Promise<unknown> {
    switch (c.op) {
      case 'open':
        this.opened = await openWorkbookBytes(c.name, c.bytes, () => (this.dirty = true), c.changed);
        return null;
      case 'read':
        return this.host.read();
      case 'write':
        return this.host.write(c.patch as WorkbookPatch);
      case 'insertTemplate':
        return this.host.insertTemplate(c.patch as WorkbookPatch);
      case 'writeRules':
        return this.host.writeRules(c.values as Partial<Rules>, c.lang as Lang);
      case 'readState':
        return this.host.readState();
      case 'setPaneLanguage':
        return this.host.setPaneLanguage(c.lang as Lang);
      case 'selectCell':
        return this.host.selectCell(c.address);
      case 'readRules':
        return readRules(this.host);
      case 'opening': {
        const snapshot = await this.host.read();
        const recorded = await paneStateOf(snapshot);
        const paneState = c.ignorePaneLanguage ? { ...recorded, paneLanguage: null } : recorded;
        const opening: RemoteOpening = { paneState, result: null, view: null };
        if (paneState.assessed) {
          const shown = (c.displayLanguage as Lang | null) ?? paneState.paneLanguage ?? (c.lang as Lang);
          const once = { read: async () => snapshot, write: async () => undefined };
          this.last = (await computeOnly(once, { displayLanguage: shown, now: () => new Date(c.now) })).result;
          this.shown = null;
          opening.result = summarizeResult(this.last);
          opening.view = this.viewOf(c.lang as Lang);
        }
        return opening;
      }
      case 'assess': {
        const outcome = await runAssessment(this.host, {
          displayLanguage: c.displayLanguage as Lang,
          printPeriod: c.printPeriod as PrintPeriod | null,
          now: () => new Date(c.now),
          onProgress: progress,
        });
        this.last = outcome.result;
        this.shown = null;
        const answer: RemoteOutcome = {
          result: summarizeResult(outcome.result),
          view: this.viewOf(c.lang as Lang),
          runAt: outcome.runAt,
          paneLanguage: outcome.parsed.meta?.paneLanguage ?? null,
          comparison: comparison(outcome),
          notes: outcome.notes,
        };
        return answer;
      }
      case 'close':
        this.opened = null;
        this.last = null;
        this.shown = null;
        return null;
      case 'view':
        return this.viewOf(c.lang as Lang);
      case 'history': {
        const histories = (this.shown?.lang === c.lang ? this.shown : this.send(c.lang as Lang)).histories();
        return Object.prototype.hasOwnProperty.call(histories, c.key) ? histories[c.key] : null;
      }
    }
  }

  /** The last result's view in `lang` as it is sent: without the histories, each sent when it is opened. */
  private viewOf(lang: Lang): PaneView {
    return this.send(lang).view;
  }

  private send(lang: Lang): { view: PaneView; histories: () => Record<string, GroupHistory> } {
    if (!this.last) throw new Error('no result to show');
    const built = viewAndHistories(this.last, lang);
    this.shown = { lang, histories: built.histories };
    return built;
  }

  /**
   * After an answer, while the page paints it: the histories of the view just sent, so that the first one
   * opened is at hand (on 1,000 groups they take about a tenth of a second to build).
   */
  prepare(lang: Lang | null): void {
    if (lang && this.shown?.lang === lang) this.shown.histories();
  }
}

/** The worker's global scope, as far as the engine uses it. */
export interface EngineScope {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(m: EngineMessage): void;
}

/**
 * Answer the page's messages in `scope` (the worker's `self`; a test's stand-in): one call at a time, in
 * order; stages as they pass; a large answer in parts, then the answer; a failure as a WireError.
 */
export function serveEngine(scope: EngineScope, service = new EngineService()): void {
  let queue: Promise<void> = Promise.resolve();
  scope.onmessage = (e) => {
    const req = e.data;
    queue = queue.then(async () => {
      try {
        const { value, changed } = await service.call(req, (stage, done) => scope.postMessage({ id: req.id, type: 'progress', stage, done }));
        const { skeleton, parts } = splitLarge(value);
        for (const part of parts) scope.postMessage({ id: req.id, type: 'part', part });
        scope.postMessage({ id: req.id, type: 'done', value: skeleton, changed });
        if (req.op === 'assess' || req.op === 'opening' || req.op === 'view') service.prepare(req.lang as Lang);
      } catch (error) {
        scope.postMessage({ id: req.id, type: 'failed', error: toWire(error) });
      }
    });
  };
}
