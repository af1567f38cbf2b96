/**
 * The ribbon's 考评 command as Office runs it: completes exactly once (on success; after a failure or a
 * message when its dialog is closed; a last-resort timer just before Office's 5-minute limit), stops its
 * write at a sync boundary at 4 minutes, a click Office queued behind another finds the workbook already
 * current, shows the reason in the user's language, one run per workbook across runtimes and co-authors
 * (the run lock in localStorage, with expiry; the lock inside the workbook), unsaved workbooks keyed
 * apart, too-large workbooks sent to the task pane; end to end over the fake Excel; its bundle has no React.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import type { AssessOutcome } from '../../src/app/assessWorkbook';
import { benchSnapshot } from '../../src/bench/bench';
import { RIBBON_ABORT_MS, RIBBON_DEADLINE_MS, RIBBON_LOCK_MS, RIBBON_MAX_ROWS, createRunAssessment, ribbonHost } from '../../src/commands/run';
import type { CommandSignal } from '../../src/commands/run';
import type { OfficeEnv } from '../../src/hosts/office';
import { META_SHEET, TEMP_SHEET_PREFIX, readMetaLock } from '../../src/workbook/meta';
import type { CommandDeps } from '../../src/commands/run';
import { assessErrorOf } from '../support/assess-error';
import type { Lang } from '../../src/domain/types';
import { OfficeHost, workbookLock } from '../../src/hosts/office';
import { RunLock } from '../../src/hosts/office/lock';
import type { LockStore } from '../../src/hosts/office/lock';
import { dialogUrl } from '../../src/hosts/office/dialog';
import { FakeWorkbook } from '../support/fake-excel';
import { describeError } from '../../src/i18n/errors';

function event(onCompleted?: () => void) {
  return { completed: jest.fn(onCompleted) };
}

/** Waits (without a deadline of its own: jest's ends a stuck test) until `f()` holds. */
async function until(f: () => boolean): Promise<void> {
  while (!f()) await new Promise((r) => setTimeout(r, 5));
}

/** Names of the temporary sheets in the workbook, and which of them a user can see. */
const temps = (wb: FakeWorkbook) => wb.sheets.filter((s) => s.name.startsWith(TEMP_SHEET_PREFIX));
/** The lock inside the workbook (C1:E1 of the meta sheet). */
const workbookLockCells = (wb: FakeWorkbook) => {
  const meta = wb.sheet(META_SHEET);
  return meta ? readMetaLock([meta.get(0, 2), meta.get(0, 3), meta.get(0, 4)]) : null;
};

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** localStorage as the pane and the function file share it (one per test). */
function sharedStore(): LockStore {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

/** A clock for the command's deadline timer. */
function clock() {
  const timers: Array<{ at: number; f: () => void; live: boolean }> = [];
  let now = 0;
  return {
    setTimer: (ms: number, f: () => void) => {
      const t = { at: now + ms, f, live: true };
      timers.push(t);
      return t;
    },
    clearTimer: (h: unknown) => {
      (h as { live: boolean }).live = false;
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers) if (t.live && t.at <= now) {
        t.live = false;
        t.f();
      }
    },
  };
}

let clickNo = 0;

/** The command over a fake Excel workbook (the real ribbonHost and OfficeHost), with the dialog recorded. */
function overFake(wb: FakeWorkbook, store = sharedStore(), dialog: (text: string) => Promise<void> = async () => undefined, env: OfficeEnv = wb.env()) {
  const shown: Array<{ title: string; text: string; lang: Lang }> = [];
  const c = clock();
  const deps: CommandDeps = {
    assess: (lang, lock, signal) => assessWorkbook(ribbonHost(new OfficeHost(env, { lock: lock as RunLock, signal })), { displayLanguage: lang }),
    displayLanguage: () => (wb.displayLanguage.startsWith('zh') ? 'zh-CN' : 'en-US'),
    showMessage: async (title, text, lang) => {
      shown.push({ title, text, lang });
      await dialog(text);
    },
    newLock: () => workbookLock(wb.url, `ribbon:${++clickNo}`, store),
    setTimer: c.setTimer,
    clearTimer: c.clearTimer,
  };
  return { run: createRunAssessment(deps), shown, clock: c, store };
}

describe('ribbon command 考评', () => {
  it('on success: assesses, activates the results, completes once, shows no dialog', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(20));
    const { run, shown } = overFake(wb);
    const e = event();
    await run(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([]);
    expect(wb.active).toBe('考评结果');
    expect(wb.selection).toMatch(/!A1$/);
  });

  it.each([
    ['zh-CN', /工作簿结构受保护/, '考评未完成'],
    ['en-US', /workbook structure is protected/, 'The assessment did not finish'],
  ])('on failure (%s): shows the reason in the user language, completes only when the dialog is closed, workbook unchanged', async (lang, reason, title) => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(20), { displayLanguage: lang });
    wb.protected = true;
    const before = JSON.stringify(wb.sheets.map((s) => s.fingerprint()));
    const closed = deferred<void>();
    const { run, shown } = overFake(wb, sharedStore(), () => closed.promise);
    const e = event();
    const p = run(e);
    await new Promise((r) => setTimeout(r, 50));
    expect(shown).toHaveLength(1);
    expect(shown[0].title).toBe(title);
    expect(shown[0].text).toMatch(reason);
    expect(e.completed).not.toHaveBeenCalled(); // Office could end the runtime, and the dialog with it
    closed.resolve();
    await p;
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(wb.sheets.map((s) => s.fingerprint()))).toBe(before);
  });

  it('a dialog nobody closes: completed() by the last-resort timer just before Office’s 5-minute limit', async () => {
    expect(RIBBON_DEADLINE_MS).toBeLessThan(5 * 60 * 1000);
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(20));
    wb.protected = true;
    const { run, clock: c } = overFake(wb, sharedStore(), () => new Promise<void>(() => undefined));
    const e = event();
    void run(e);
    await new Promise((r) => setTimeout(r, 50));
    c.advance(RIBBON_DEADLINE_MS - 1);
    expect(e.completed).not.toHaveBeenCalled();
    c.advance(1);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it('at 4 minutes the write stops at its next sync boundary, the dialog says so, completed() only when it is closed; no temporary sheet shows, and the next run repairs', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(400));
    const inputs = wb.sheets.map((s) => [s.name, s.fingerprint()]);
    const closed = deferred<void>();
    // A small request budget: the write takes many syncs, as a large workbook's does.
    const { run, shown, clock: c } = overFake(wb, sharedStore(), () => closed.promise, wb.env({ requestBudget: 60_000 }));
    let syncs = 0;
    wb.beforeSync = () => {
      if (++syncs === 4) c.advance(RIBBON_ABORT_MS); // 4 minutes pass during the second write sync (the read takes 2)
    };
    const e = event();
    const p = run(e);
    await until(() => shown.length > 0);
    expect(shown[0].title).toBe('考评未完成');
    expect(shown[0].text).toMatch(/最多只能运行5分钟.*安全停止.*考评面板/);
    expect(e.completed).not.toHaveBeenCalled(); // nothing is writing any more, and the dialog must outlive nothing
    const syncsAtStop = wb.syncs;
    closed.resolve();
    await p;
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(wb.syncs).toBe(syncsAtStop); // no write after the stop
    // It did stop mid-write: temporary sheets remain, none of them visible; the workbook's lock is released.
    expect(temps(wb).length).toBeGreaterThan(0);
    expect(temps(wb).filter((s) => s.visibility !== 'VeryHidden')).toEqual([]);
    expect(workbookLockCells(wb)).toBeNull();
    expect(wb.sheet('考评结果')).toBeUndefined();
    // The pane (no time limit) assesses at once and repairs: outputs in place, no temporary sheet left.
    wb.beforeSync = null;
    await assessWorkbook(new OfficeHost(wb.env(), { lock: workbookLock(wb.url, 'pane', sharedStore()) }), {});
    expect(temps(wb)).toEqual([]);
    expect(wb.sheet('考评结果')).toBeDefined();
    expect(inputs.map(([name]) => [name, wb.sheet(name)!.fingerprint()])).toEqual(inputs);
  });

  it('a run that ignores the stop (one long request): the signal is raised at 4 minutes, completed() only by the last resort, and once', async () => {
    const gate = deferred<AssessOutcome>();
    const c = clock();
    let signal: CommandSignal | null = null;
    const run = createRunAssessment({
      assess: (_lang, _lock, s) => {
        signal = s;
        return gate.promise;
      },
      displayLanguage: () => 'zh-CN',
      showMessage: async () => undefined,
      newLock: () => workbookLock('x', `r${++clickNo}`, sharedStore()),
      setTimer: c.setTimer,
      clearTimer: c.clearTimer,
    });
    const e = event();
    const p = run(e);
    c.advance(RIBBON_ABORT_MS - 1);
    expect(signal!.aborted).toBe(false);
    c.advance(1);
    expect(signal!.aborted).toBe(true);
    expect(e.completed).not.toHaveBeenCalled(); // a write may still run
    c.advance(RIBBON_DEADLINE_MS - RIBBON_ABORT_MS);
    expect(e.completed).toHaveBeenCalledTimes(1);
    gate.resolve({} as AssessOutcome);
    await p;
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it('an unexpected error completes after its message, a generic one', async () => {
    const shown: string[] = [];
    const run = createRunAssessment({
      assess: async () => {
        throw new TypeError('boom');
      },
      displayLanguage: () => 'zh-CN',
      showMessage: async (_t, text) => {
        shown.push(text);
      },
      newLock: () => workbookLock('x', `r${++clickNo}`, sharedStore()),
    });
    const e = event();
    await run(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(shown[0]).toMatch(/发生意外错误：boom/);
  });

  it('completes even when the dialog cannot be shown', async () => {
    const run = createRunAssessment({
      assess: async () => Promise.reject(new Error('x')),
      displayLanguage: () => 'en-US',
      showMessage: async () => Promise.reject(new Error('no dialog')),
      newLock: () => workbookLock('x', `r${++clickNo}`, sharedStore()),
    });
    const e = event();
    await run(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it('a second click, which Office queues until the first has completed, finds the workbook already current and says so, writing nothing', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(20));
    const { run, shown } = overFake(wb);
    // Office delivers the queued click once the first has called completed().
    let second: Promise<void> | null = null;
    const secondEvent = event();
    let written = '';
    let writes = -1;
    const first = event(() => {
      written = JSON.stringify(wb.sheets.map((s) => s.fingerprint()));
      writes = wb.sheet('考评结果')!.writes;
      second = run(secondEvent);
    });
    await run(first);
    await until(() => second !== null);
    await second;
    expect(first.completed).toHaveBeenCalledTimes(1);
    expect(secondEvent.completed).toHaveBeenCalledTimes(1);
    expect(shown).toHaveLength(1);
    expect(shown[0].title).toBe('党小组考评助手');
    expect(shown[0].text).toMatch(/没有变化，结果已是最新/);
    expect(JSON.stringify(wb.sheets.map((s) => s.fingerprint()))).toBe(written);
    expect(wb.sheet('考评结果')!.writes).toBe(writes); // not rewritten (the sheet is refilled in place, so its writes are counted)
    // Once an input changes, a click assesses again.
    wb.sheet('考评记录')!.set(1, 5, 1);
    await run(event());
    expect(shown).toHaveLength(1);
    expect(wb.sheet('考评结果')!.writes).toBeGreaterThan(writes);
  });

  it('across runtimes: while the ribbon runs, the pane’s write is refused (nothing written); while the pane writes, a click starts nothing', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(50));
    const store = sharedStore(); // localStorage, shared by the function file and the pane (same origin)
    const pane = new OfficeHost(wb.env(), { lock: workbookLock(wb.url, 'pane', store) });
    // The ribbon holds the lock (a run in progress in the other runtime).
    const ribbonLock = workbookLock(wb.url, 'ribbon:1', store);
    expect(ribbonLock.tryAcquire(RIBBON_LOCK_MS)).toBe(true);
    const before = JSON.stringify(wb.sheets.map((s) => s.fingerprint()));
    const err = await assessErrorOf(assessWorkbook(pane, {}));
    expect(describeError(err, 'en-US')).toMatch(/already being assessed/);
    expect(JSON.stringify(wb.sheets.map((s) => s.fingerprint()))).toBe(before);
    ribbonLock.release();
    // Now the pane holds it (as during its write): the ribbon's click starts nothing.
    const paneLock = workbookLock(wb.url, 'pane', store);
    paneLock.tryAcquire(60_000);
    const { run, shown } = overFake(wb, store);
    const e = event();
    await run(e);
    expect(shown[0].text).toMatch(/正在考评中/);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(wb.sheets.map((s) => s.fingerprint()))).toBe(before);
    paneLock.release();
    await run(event());
    expect(wb.sheet('考评结果')).toBeDefined();
  });

  it('a lock left by a runtime Office ended mid-run expires', async () => {
    const store = sharedStore();
    let now = 1_000_000;
    const dead = new RunLock(store, 'pga-run-lock:wb', 'ribbon:dead', () => now);
    expect(dead.tryAcquire(RIBBON_LOCK_MS)).toBe(true);
    const next = new RunLock(store, 'pga-run-lock:wb', 'pane', () => now);
    expect(next.tryAcquire(60_000)).toBe(false);
    now += RIBBON_LOCK_MS + 1;
    expect(next.tryAcquire(60_000)).toBe(true);
  });

  it.each([
    ['two co-authors of one OneDrive workbook (each machine its own localStorage)', 'https://contoso.sharepoint.com/a.xlsx', false],
    ['the pane and the ribbon of one unsaved workbook (no URL: each runtime keys its own local lock)', '', true],
  ])('%s: while one run writes, the other refuses before changing anything, and deletes none of its temporary sheets', async (_what, url, oneMachine) => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(400));
    wb.url = url;
    const here = sharedStore();
    const a = new OfficeHost(wb.env({ requestBudget: 60_000 }, 'A'), { lock: workbookLock(wb.url, 'ribbon:A', here, 'runtime-A') });
    const b = new OfficeHost(wb.env({}, 'B'), { lock: workbookLock(wb.url, 'pane:B', oneMachine ? here : sharedStore(), 'runtime-B') });
    const gate = deferred<void>();
    const paused = deferred<void>();
    let aSyncs = 0;
    wb.beforeSync = async (client) => {
      if (client === 'A' && ++aSyncs === 4) {
        paused.resolve(); // A's read (2 syncs) and first write sync are in the workbook
        await gate.promise;
      }
    };
    const runA = assessWorkbook(a, {});
    await paused.promise;
    const left = JSON.stringify(temps(wb).map((s) => s.fingerprint()));
    expect(temps(wb).length).toBeGreaterThan(0);
    expect(workbookLockCells(wb)?.owner).toBe('ribbon:A');
    const before = JSON.stringify(wb.sheets.map((s) => s.fingerprint()));
    const err = await assessErrorOf(assessWorkbook(b, {}));
    expect(describeError(err, 'zh-CN')).toMatch(/正在考评中/);
    expect(describeError(err, 'en-US')).toMatch(/someone else editing this workbook/);
    expect(JSON.stringify(wb.sheets.map((s) => s.fingerprint()))).toBe(before);
    expect(JSON.stringify(temps(wb).map((s) => s.fingerprint()))).toBe(left);
    gate.resolve();
    await runA;
    expect(temps(wb)).toEqual([]);
    expect(wb.sheet('考评结果')).toBeDefined();
    expect(workbookLockCells(wb)).toBeNull();
    // Released at the end of A's write: B assesses now.
    await assessWorkbook(b, {});
  });

  it('two unsaved workbooks never share a lock: each runtime keys its unsaved workbook by an id of its own', () => {
    const store = sharedStore(); // one machine's localStorage
    expect(workbookLock(null, 'pane:1', store, 'runtime-book1').tryAcquire(60_000)).toBe(true);
    expect(workbookLock('', 'ribbon:2', store, 'runtime-book2').tryAcquire(60_000)).toBe(true);
    // A saved workbook keeps one key in every runtime.
    expect(workbookLock('https://x.invalid/a.xlsx', 'pane:3', store, 'runtime-book1').tryAcquire(60_000)).toBe(true);
    expect(workbookLock('https://x.invalid/a.xlsx', 'ribbon:4', store, 'runtime-book2').tryAcquire(60_000)).toBe(false);
  });

  it('a workbook too large for the ribbon’s 5 minutes is sent to the task pane, nothing written', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(RIBBON_MAX_ROWS + 10));
    const before = JSON.stringify(wb.sheets.map((s) => s.fingerprint()));
    const { run, shown } = overFake(wb);
    const e = event();
    await run(e);
    expect(shown).toHaveLength(1);
    expect(shown[0].text).toMatch(/考评面板/);
    expect(shown[0].text).toMatch(new RegExp(String(RIBBON_MAX_ROWS + 11)));
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(wb.sheets.map((s) => s.fingerprint()))).toBe(before);
  });

  it('the dialog URL carries the message beside the function file', () => {
    const u = new URL(dialogUrl('https://localhost:3000/commands.html', '考评未完成', 'A & B ?', 'zh-CN'));
    expect(u.origin + u.pathname).toBe('https://localhost:3000/dialog.html');
    expect(u.searchParams.get('msg')).toBe('A & B ?');
    expect(u.searchParams.get('title')).toBe('考评未完成');
  });
});

describe('the commands bundle has no React', () => {
  /** Every module reachable from an entry through static and dynamic imports (project files only). */
  function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
    const files = new Set<string>();
    const packages = new Set<string>();
    const todo = [path.resolve(entry)];
    while (todo.length) {
      const file = todo.pop()!;
      if (files.has(file)) continue;
      files.add(file);
      const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
      for (const ref of info.importedFiles) {
        const spec = ref.fileName;
        if (!spec.startsWith('.')) {
          packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
          continue;
        }
        const base = path.resolve(path.dirname(file), spec);
        const hit = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((x) => base + x).find((f) => fs.existsSync(f));
        if (hit) todo.push(hit);
      }
    }
    return { files, packages };
  }

  it('by its import graph: no react, react-dom, Fluent UI or ExcelJS', () => {
    const { files, packages } = reachable(path.join(__dirname, '..', '..', 'src', 'commands', 'commands.ts'));
    expect(files.size).toBeGreaterThan(5);
    for (const p of packages) expect(p).not.toMatch(/^(react|react-dom|@fluentui\/.*|exceljs)$/);
    for (const f of files) expect(f).not.toMatch(/\.tsx$|src[\\/]taskpane|fake\.ts$/);
  });

  it('the task pane does reach React (so the check above can fail)', () => {
    const { packages } = reachable(path.join(__dirname, '..', '..', 'src', 'taskpane', 'index.tsx'));
    expect([...packages]).toContain('react-dom');
  });
});

describe('the function file', () => {
  it('registers runAssessment with Office.actions.associate and on the global object', () => {
    const associate = jest.fn();
    const g = globalThis as unknown as Record<string, unknown>;
    g.Office = { onReady: (cb: () => void) => cb(), actions: { associate } };
    g.window = g;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod = require('../../src/commands/commands') as { runAssessment: unknown };
        expect(associate).toHaveBeenCalledWith('runAssessment', mod.runAssessment);
        expect(g.runAssessment).toBe(mod.runAssessment);
      });
    } finally {
      delete g.Office;
      delete g.runAssessment;
      delete g.window;
    }
  });
});
