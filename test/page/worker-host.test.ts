/**
 * The workbook page's engine worker, in Node: the page's side (src/page/worker-host.ts) speaking to the
 * worker's code (src/ui/worker/service.ts: serveEngine, as engine.worker.ts runs it) through a stand-in
 * for a Worker that is as strict as the browser's where it matters here:
 * - every message crosses by structured clone (the HTML standard's postMessage: "StructuredSerializeWithTransfer",
 *   https://html.spec.whatwg.org/multipage/web-messaging.html#dom-worker-postmessage) — Node's structuredClone,
 *   the same algorithm: classes arrive as plain objects, an Error as a bare Error;
 * - delivery is a task later, never during the post (a message event is queued, ibid.);
 * - terminate() discards the worker's pending and future messages ("terminate a worker": its event loop's
 *   tasks are discarded and it posts nothing more, https://html.spec.whatwg.org/multipage/workers.html#terminate-a-worker).
 *
 * Through it: 考评 gives byte for byte the workbook the in-thread file host gives at the same instant, with
 * its stages; a file that cannot be opened fails with the same AssessError (code, params, place) and so
 * the same words on the page; 取消 stops a run and the new worker holds the workbook as it was before it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { AssessError } from '../../src/domain/errors';
import { Assembler, fromWire, splitLarge, toWire } from '../../src/ui/worker/protocol';
import type { EngineMessage, WorkerInbound } from '../../src/ui/worker/protocol';
import { openWorkbookBytes } from '../../src/page/workbook-file';
import type { WorkerLike } from '../../src/ui/worker/connection';
import { openPageWorkbook } from '../../src/page/worker-host';
import { inProcessWorker } from '../support/in-process-worker';
import { failureText } from '../../src/page/WorkbookPage';
import { PAGE_CODES } from '../../src/i18n/page';
import { CONFIG_CODES } from '../../src/i18n/config';
import { benchSnapshot } from '../../src/bench/data';
import { assess } from '../../src/domain/assess';
import { parseWorkbook } from '../../src/workbook/parse';
import { buildView, summarizeResult } from '../../src/ui/view/index';

jest.setTimeout(120000);

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample.xlsx');
const NOW = new Date('2026-05-01T10:00:00+08:00');
const sampleBytes = () => new Uint8Array(fs.readFileSync(SAMPLE));

const realNow = Date.now;
beforeAll(() => {
  // The page's clock, sent with each call (the worker judges and stamps the run with it).
  Date.now = () => NOW.getTime();
});
afterAll(() => {
  Date.now = realNow;
});

test('考评 through the worker: the stages as they pass, and byte for byte the workbook the in-thread file host writes', async () => {
  const changes: unknown[] = [];
  const opened = await openPageWorkbook('sample.xlsx', sampleBytes(), (d) => changes.push(d), inProcessWorker);
  expect(await opened.download()).toBeNull();
  expect(opened.host.kind).toBe('file');
  expect(opened.host.canSelect).toBe(false);
  const remote = opened.host.remote;
  const first = await remote.open({ lang: 'zh-CN', displayLanguage: null, ignorePaneLanguage: true });
  expect(first.paneState.assessed).toBe(false);
  expect(first.result).toBeNull();

  const stages: string[] = [];
  const running: boolean[] = [];
  opened.onRunning((r) => running.push(r));
  const outcome = await remote.assess({ lang: 'zh-CN', displayLanguage: 'zh-CN', printPeriod: null, onProgress: (s, done) => done && stages.push(s) });
  expect(stages).toEqual(['read', 'parse', 'assess', 'render', 'write']);
  expect(running).toEqual([true, false]);
  expect(outcome.result).toMatchObject({ rows: 35, warnings: 13, issues: 2 });
  expect(outcome.view.lang).toBe('zh-CN');
  // The view comes without the groups' histories (most of a large workbook's view); each is asked for when opened.
  expect(outcome.view.histories).toEqual({});
  const key = outcome.view.latest!.groups[0].key;
  const history = (await remote.history('zh-CN', key))!;
  expect(history.key).toBe(key);
  expect(history.halves.length).toBeGreaterThan(0);
  expect(await remote.history('zh-CN', '没有这个党小组')).toBeNull();
  expect(changes).toHaveLength(1);

  // The same file, the same instant, in this thread.
  const local = await openWorkbookBytes('sample.xlsx', sampleBytes(), () => undefined);
  const inThread = await assessWorkbook(local.host, { now: () => NOW, displayLanguage: 'zh-CN' });
  // What the page keeps of the result is what the pane keeps of the in-thread one.
  expect(outcome.result).toEqual(summarizeResult(inThread.result));
  const want = (await local.download())!;
  const got = (await opened.download())!;
  expect(got.name).toBe('sample.assessed.xlsx');
  expect(got.assessed).toBe(true);
  expect(Buffer.from(got.bytes).equals(Buffer.from(want.bytes))).toBe(true);

  // The view in the other language, from the worker's last result.
  expect((await remote.view('en-US')).lang).toBe('en-US');
  opened.close();
});

test('a file that cannot be opened fails with the AssessError the in-thread open throws: the same words on the page', async () => {
  const damaged = sampleBytes().slice(0, 3000);
  const viaWorker = await openPageWorkbook('损坏.xlsx', damaged, () => undefined, inProcessWorker).then(
    () => null,
    (e: unknown) => e,
  );
  const inThread = await openWorkbookBytes('损坏.xlsx', damaged, () => undefined).then(
    () => null,
    (e: unknown) => e,
  );
  expect(viaWorker).toBeInstanceOf(AssessError);
  const [a, b] = [viaWorker as AssessError, inThread as AssessError];
  expect({ kind: a.kind, code: a.code, params: a.params, where: a.where }).toEqual({ kind: b.kind, code: b.code, params: b.params, where: b.where });
  for (const lang of ['zh-CN', 'en-US'] as const) {
    expect(failureText({ file: '损坏.xlsx', error: a }, lang)).toEqual(failureText({ file: '损坏.xlsx', error: b }, lang));
  }
});

test('取消 stops the run (it fails as cancelled) and the new worker holds the workbook as it was before it', async () => {
  // This test's own workers (its own spawn: the workers made ahead are per spawn).
  let made = 0;
  const workers: (WorkerLike & { terminated: boolean })[] = [];
  const spawn = () => {
    made++;
    const w = inProcessWorker();
    workers.push(w);
    return w;
  };
  const downloads: unknown[] = [];
  const opened = await openPageWorkbook('sample.xlsx', sampleBytes(), (d) => downloads.push(d), spawn);
  const remote = opened.host.remote;
  // A first run, finished: it is offered for download.
  await remote.assess({ lang: 'zh-CN', displayLanguage: 'zh-CN', printPeriod: null, onProgress: () => undefined });
  const before = (await opened.download())!;
  expect(before.assessed).toBe(true);

  // A second run, stopped at its first stage.
  let stop: () => void = () => undefined;
  const started = new Promise<void>((r) => (stop = r));
  const run = remote.assess({ lang: 'zh-CN', displayLanguage: 'zh-CN', printPeriod: null, onProgress: () => stop() });
  await started;
  const again = await opened.cancel(() => undefined);
  const err = (await run.catch((e: unknown) => e)) as AssessError;
  expect(err).toBeInstanceOf(AssessError);
  expect(err.code).toBe(PAGE_CODES.cancelled);
  // The stopped worker closes itself once the call it was in is over.
  for (let i = 0; i < 500 && !workers.some((w) => w.terminated); i++) await new Promise((r) => setTimeout(r, 10));
  expect(workers.some((w) => w.terminated)).toBe(true);
  expect(made).toBeGreaterThanOrEqual(2);
  expect(downloads).toHaveLength(1);

  // The new worker's workbook: the first run's, offered as it was.
  const after = (await again.download())!;
  expect(Buffer.from(after.bytes).equals(Buffer.from(before.bytes))).toBe(true);
  expect(after.name).toBe(before.name);
  const state = await again.host.remote.open({ lang: 'zh-CN', displayLanguage: null, ignorePaneLanguage: true });
  expect(state.paneState.assessed).toBe(true);
  expect(state.result!.rows).toBe(35);
  again.close();
});

/**
 * A worker whose every answer the test gives by hand: it says it is ready, answers `open`, and reports only
 * the stages the test posts (as serveEngine does: progress messages carrying the call's id).
 */
function scriptedWorker() {
  const w = {
    terminated: 0,
    calls: [] as { id: number; op: string }[],
    onmessage: null as ((e: MessageEvent<EngineMessage>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage(m: WorkerInbound) {
      if ('answer' in m) return;
      w.calls.push({ id: m.id, op: m.op });
      if (m.op === 'open') setTimeout(() => w.say({ id: m.id, type: 'done', value: null, changed: null }), 0);
    },
    terminate() {
      w.terminated++;
    },
    say(m: EngineMessage) {
      w.onmessage?.({ data: m } as MessageEvent<EngineMessage>);
    },
    stage(stage: string, done: boolean) {
      const last = w.calls[w.calls.length - 1];
      w.say({ id: last.id, type: 'progress', stage, done });
    },
  };
  setTimeout(() => w.say({ id: 0, type: 'ready' }), 0);
  return w;
}

test('取消 fails the run at once and tells its worker to quit once its call is over: never terminate() (Chromium crashed when a busy worker was terminated)', async () => {
  const workers: ReturnType<typeof scriptedWorker>[] = [];
  const spawn = () => {
    const w = scriptedWorker();
    workers.push(w);
    return w;
  };
  const opened = await openPageWorkbook('sample.xlsx', sampleBytes(), () => undefined, spawn);
  const first = workers.find((w) => w.calls.some((c) => c.op === 'open'))!;
  const run = opened.host.remote.assess({ lang: 'zh-CN', displayLanguage: 'zh-CN', printPeriod: null, onProgress: () => undefined });
  run.catch(() => undefined);
  first.stage('read', false);
  const again = await opened.cancel(() => undefined);
  // The run fails as cancelled at once; its worker is asked to quit after the call it is in, not terminated.
  await expect(run).rejects.toMatchObject({ code: PAGE_CODES.cancelled });
  expect(first.terminated).toBe(0);
  expect(first.calls.map((c) => c.op)).toEqual(['open', 'assess', 'quit']);
  // What it says after that is not heard: the new workbook on show is not touched by the old run's answer.
  first.stage('assess', false);
  first.say({ id: first.calls[1].id, type: 'done', value: null, changed: { bytes: new Uint8Array([1]), name: 'x', mime: 'x', assessed: true } });
  expect(await opened.download()).toBeNull();
  expect(await again.download()).toBeNull();
  again.close();
});

test('errors cross with their code, params, place and cause; other errors with their name', () => {
  const inner = new AssessError('file', CONFIG_CODES.fileUnreadable, { path: 'a.xlsx', detail: 'NotReadableError' });
  const e = new AssessError('config', CONFIG_CODES.rubricTotal, { total: 99, item: { zh: '组织生活', en: 'Party life' } }, '考评细则!B3', inner);
  const back = fromWire(structuredClone(toWire(e))) as AssessError;
  expect(back).toBeInstanceOf(AssessError);
  expect([back.kind, back.code, back.params, back.where]).toEqual([e.kind, e.code, e.params, e.where]);
  expect((back.inner as AssessError).code).toBe(inner.code);
  const chunk = new Error('Loading chunk 268 failed.');
  chunk.name = 'ChunkLoadError';
  const c = fromWire(structuredClone(toWire(chunk)));
  expect([c.name, c.message]).toEqual(['ChunkLoadError', 'Loading chunk 268 failed.']);
});

test('a large answer is sent in slices of about 256 KB and put back together as it was', () => {
  const p = parseWorkbook(benchSnapshot(2000));
  const result = assess({ rubric: p.rubric, rules: p.rules, rows: p.rows, issues: p.issues, asOf: '2026-05-01' });
  const view = buildView(result, 'zh-CN');
  const { skeleton, parts } = splitLarge({ result, view });
  expect(JSON.stringify({ result, view }).length).toBeGreaterThan(1_000_000);
  expect(parts.length).toBeGreaterThanOrEqual(4);
  // Each part about the target or less (a slice is cut by the average size of its items).
  for (const part of parts) expect(JSON.stringify(part).length).toBeLessThan(400 * 1024);
  // What stays in the answer itself: the small fields, each under the target.
  expect(JSON.stringify(skeleton).length).toBeLessThan(1024 * 1024);
  const asm = new Assembler();
  for (const part of parts) asm.add(structuredClone(part));
  expect(asm.finish(structuredClone(skeleton))).toEqual({ result, view });
});
