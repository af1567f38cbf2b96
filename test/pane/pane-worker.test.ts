/**
 * The task pane's engine in a worker (src/ui/worker/pane.ts), attached to the workbook on the pane's thread:
 * Excel's — the fake Excel, every request serialized by office.js itself — or the preview's. Through a
 * stand-in for a Worker as strict as the browser's where it matters (test/support/in-process-worker.ts:
 * structured clone both ways, delivery a task later), so the snapshot the worker reads and the patch it
 * writes cross as they would.
 *
 * - 考评 through the worker writes, cell for cell, what the pane's in-thread engine writes at the same
 *   instant, reports its stages and answers with the same result;
 * - where no worker can be made (a webview that refuses one, a script that failed to load) the engine runs on
 *   the pane's thread with the same answers.
 */
import { paneHost } from '../../src/app/pane-service';
import { sampleSnapshot } from '../../src/hosts/memory/sample';
import { MemoryHost } from '../../src/hosts/memory/host';
import { officePort } from '../../src/taskpane/office-pane-host';
import { runAssessment, summarizeResult } from '../../src/ui/view';
import type { WorkerLike } from '../../src/ui/worker/connection';
import { workerPaneHost } from '../../src/ui/worker/pane';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { FakeWorkbook } from '../support/fake-excel';
import { inProcessWorker } from '../support/in-process-worker';

jest.setTimeout(60000);

const NOW = new Date('2026-05-01T10:00:00+08:00');
const realNow = Date.now;
beforeAll(() => {
  // The pane's clock, sent with each call (the worker judges and stamps the run with it).
  Date.now = () => NOW.getTime();
});
afterAll(() => {
  Date.now = realNow;
});

const sheets = (s: WorkbookSnapshot) => s.sheets.map((x) => ({ name: x.name, visibility: x.visibility, values: x.values }));

/** The pane's in-thread engine on its own copy of the workbook: what the worker must match. */
async function inThread(snapshot: WorkbookSnapshot) {
  const wb = FakeWorkbook.fromSnapshot(snapshot);
  const outcome = await runAssessment(paneHost(officePort(wb.env())), { displayLanguage: 'zh-CN', printPeriod: null, now: () => NOW });
  return { wb, outcome };
}

test('考评 in the worker over Excel: the same cells written as the in-thread engine writes, its stages, the same result', async () => {
  const snapshot = await sampleSnapshot();
  const wb = FakeWorkbook.fromSnapshot(snapshot);
  const workers: ReturnType<typeof inProcessWorker>[] = [];
  const host = workerPaneHost(paneHost(officePort(wb.env())), () => {
    const w = inProcessWorker(null);
    workers.push(w);
    return w;
  });
  expect(host.kind).toBe('office');
  expect(host.canSelect).toBe(true);

  const opening = await host.remote.open({ lang: 'zh-CN', displayLanguage: null, ignorePaneLanguage: false });
  expect(await host.home()).toBe('worker');
  expect(workers).toHaveLength(1);
  expect(opening.paneState.assessed).toBe(false);

  const stages: string[] = [];
  const outcome = await host.remote.assess({ lang: 'zh-CN', displayLanguage: 'zh-CN', printPeriod: null, onProgress: (s, done) => stages.push(`${s}${done ? '✓' : ''}`) });
  expect(stages).toEqual(['read', 'read✓', 'parse', 'parse✓', 'assess', 'assess✓', 'render', 'render✓', 'write', 'write✓']);
  // Every request of the run was serialized by office.js (the fake is wired).
  expect(wb.syncLog.length).toBeGreaterThan(0);
  expect(wb.syncLog.every((s) => s.wired)).toBe(true);

  const ref = await inThread(snapshot);
  expect(sheets(wb.snapshot())).toEqual(sheets(ref.wb.snapshot()));
  expect(outcome.result).toEqual(summarizeResult(ref.outcome.result));
  expect(outcome.runAt).toBe(ref.outcome.runAt);
  expect(outcome.view.rows).toBe(ref.outcome.result.assessments.length);
  expect(outcome.view.latest!.groups.length).toBeGreaterThan(0);

  // Reopened: the pane sees the run it just made, and a group's history is fetched from the worker.
  const again = await host.remote.open({ lang: 'zh-CN', displayLanguage: null, ignorePaneLanguage: false });
  expect(again.paneState.assessed).toBe(true);
  expect(again.result!.rows).toBe(outcome.result.rows);
  // The view comes without the histories; one is asked for when it is opened.
  expect(again.view!.histories).toEqual({});
  const line = again.view!.latest!.groups[0];
  const history = await host.remote.history('zh-CN', line.key);
  expect(history).not.toBeNull();
  expect(workers).toHaveLength(1);
});

test('where no worker can be made, or its script does not load, the engine runs on the pane’s thread: the same workbook written', async () => {
  const snapshot = await sampleSnapshot();
  const ref = await inThread(snapshot);
  const refused = () => {
    // A webview that refuses workers throws from the constructor (a SecurityError).
    throw new Error('SecurityError: Failed to construct “Worker”');
  };
  const broken = (): WorkerLike => {
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: () => undefined,
      terminate: () => undefined,
    };
    // The script could not be fetched: the worker's error event, and never a message.
    setTimeout(() => w.onerror?.({ preventDefault: () => undefined } as unknown as ErrorEvent), 0);
    return w;
  };
  for (const spawn of [refused, broken, null]) {
    const wb = FakeWorkbook.fromSnapshot(snapshot);
    const host = workerPaneHost(paneHost(officePort(wb.env())), spawn);
    const outcome = await host.remote.assess({ lang: 'zh-CN', displayLanguage: 'zh-CN', printPeriod: null, onProgress: () => undefined });
    expect(await host.home()).toBe('thread');
    expect(sheets(wb.snapshot())).toEqual(sheets(ref.wb.snapshot()));
    expect(outcome.result).toEqual(summarizeResult(ref.outcome.result));
  }
});

test('the preview’s sample workbook through the worker: written in the pane’s memory, where the pane’s footer reads it', async () => {
  const memory = new MemoryHost(await sampleSnapshot());
  const before = memory.snapshot().sheets.length;
  let changes = 0;
  memory.subscribe(() => changes++);
  const host = workerPaneHost(paneHost(memory), () => inProcessWorker(null));
  expect(host.kind).toBe('preview');
  const outcome = await host.remote.assess({ lang: 'en-US', displayLanguage: 'en-US', printPeriod: null, onProgress: () => undefined });
  expect(await host.home()).toBe('worker');
  expect(changes).toBeGreaterThan(0);
  expect(memory.snapshot().sheets.length).toBeGreaterThan(before);
  expect(outcome.result.rows).toBeGreaterThan(0);
  expect((await host.readState()).assessed).toBe(true);
});
