/**
 * The engine as it runs in a worker (src/page/engine.worker.ts, src/taskpane/engine.worker.ts): the pane's
 * engine (src/ui/view: the one use case, the view of its result) over the workbook it is given —
 *
 * - the workbook page's: a workbook file in memory (`open`: the file host, through the `OpenBytes` the
 *   page's worker passes in, src/page/workbook-file.ts); what a call changed comes back with its answer
 *   (the bytes to download), so the page always holds the workbook as it stood after the last finished
 *   call — what it starts a new worker from after 取消;
 * - the task pane's: the workbook on the page's thread (`attach`: Excel's through Office.js, or the
 *   preview's), read and written by asking the page (HostAsk), so that parse, assess, render and the view
 *   run here.
 *
 * It answers the calls one at a time, in the order they came. Plain code without the worker's globals, so
 * that tests run it in Node as the worker runs it, and the pane runs it on its own thread where no worker
 * can be made.
 */
import type { Stage } from '../../app/assessWorkbook';
import { paneHost } from '../../app/pane-service';
import type { PaneHost } from '../../app/pane-service';
import { paneStateOf } from '../../app/pane-state';
import type { HostKind, WorkbookPort, WriteResult } from '../../app/ports';
import type { AssessmentResult, Lang, Rules } from '../../domain/types';
import { comparison, computeOnly, readRules, runAssessment, summarizeResult, viewAndHistories } from '../view';
import type { GroupHistory, PaneView } from '../view/types';
import type { RemoteOpening, RemoteOutcome } from '../remote';
import type { PrintPeriod } from '../../workbook/print';
import type { WorkbookPatch, WorkbookSnapshot } from '../../workbook/snapshot';
import type { Changed, EngineCall, EngineMessage, HostAsk, WorkerInbound } from './protocol';
import { fromWire, splitLarge, toWire } from './protocol';

/** A workbook the engine works on: its pane host and, for a file, the workbook to download once changed. */
export interface Served {
  host: PaneHost;
  download?(): Promise<Changed | null>;
}

/** The workbook page's way of opening a file's bytes (src/page/workbook-file.ts). */
export type OpenBytes = (name: string, bytes: Uint8Array, onChange: () => void, changedBefore: boolean) => Promise<Served>;

/** Ask the page's thread to read or write the attached workbook. */
export type Ask = (call: HostAsk) => Promise<unknown>;

/**
 * The attached workbook, as the engine sees it: read and write are the page's (its host, through `ask`);
 * nothing else is asked of it here (the pane inserts the template, writes the rules and selects cells on its
 * own thread).
 */
function attachedPort(kind: HostKind, ask: Ask): WorkbookPort {
  return {
    kind,
    read: () => ask({ method: 'read' }) as Promise<WorkbookSnapshot>,
    write: (patch) => ask({ method: 'write', patch }) as Promise<WriteResult | void>,
    insert: () => Promise.reject(new Error('the attached workbook is edited on the page’s thread, not in its worker')),
  };
}

export class EngineService {
  private opened: Served | null = null;
  /** The result on show (of the last run, or of the one recorded when the workbook was opened). */
  private last: AssessmentResult | null = null;
  /** The groups' histories of the view last sent (built once, when first asked for), sent one at a time. */
  private shown: { lang: Lang; histories: () => Record<string, GroupHistory> } | null = null;
  private dirty = false;

  /** `openBytes`: the workbook page's file opener (op `open`); `ask`: the page's thread (op `attach`). */
  constructor(
    private readonly openBytes: OpenBytes | null = null,
    private readonly ask: Ask | null = null,
  ) {}

  /** One call: its answer and, when it changed the workbook, the workbook as it now stands. */
  async call(c: EngineCall, progress: (stage: Stage, done: boolean) => void): Promise<{ value: unknown; changed: Changed | null }> {
    this.dirty = false;
    const value = await this.run(c, progress);
    const changed = this.dirty && this.opened?.download ? await this.opened.download() : null;
    return { value, changed };
  }

  private get host() {
    if (!this.opened) throw new Error('no workbook is open in the engine worker');
    return this.opened.host;
  }

  private async run(c: EngineCall, progress: (stage: Stage, done: boolean) => void): Promise<unknown> {
    switch (c.op) {
      case 'open':
        if (!this.openBytes) throw new Error('this engine opens no workbook file');
        this.opened = await this.openBytes(c.name, c.bytes, () => (this.dirty = true), c.changed);
        this.last = null;
        this.shown = null;
        return null;
      case 'attach': {
        const ask = this.ask;
        if (!ask) throw new Error('this engine has no page to attach to');
        this.opened = { host: paneHost(attachedPort(c.kind, ask)) };
        this.last = null;
        this.shown = null;
        return null;
      }
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
  onmessage: ((e: MessageEvent<WorkerInbound>) => void) | null;
  postMessage(m: EngineMessage): void;
  /** The worker closes itself (op `quit`). */
  close(): void;
}

/**
 * Answer the page's messages in `scope` (the worker's `self`; a test's stand-in): one call at a time, in
 * order; stages as they pass; a large answer in parts, then the answer; a failure as a WireError. An
 * attached workbook is read and written by asking the page (HostAsk, answered at once: never queued behind
 * the call that asks). `openBytes`: the workbook page's file opener.
 */
export function serveEngine(scope: EngineScope, openBytes: OpenBytes | null = null): void {
  let queue: Promise<void> = Promise.resolve();
  let current = 0;
  let asked = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const ask: Ask = (call) =>
    new Promise((resolve, reject) => {
      const n = ++asked;
      waiting.set(n, { resolve, reject });
      scope.postMessage({ id: current, type: 'host', ask: n, call });
    });
  const service = new EngineService(openBytes, ask);
  scope.onmessage = (e) => {
    const data = e.data;
    if ('answer' in data) {
      const w = waiting.get(data.answer);
      waiting.delete(data.answer);
      if (w) {
        if (data.ok) w.resolve(data.value);
        else w.reject(fromWire(data.error));
      }
      return;
    }
    const req = data;
    queue = queue.then(async () => {
      if (req.op === 'quit') return scope.close();
      current = req.id;
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
