/**
 * The ribbon's 考评 command: completes exactly once (on success; after a failure when its dialog is closed;
 * by a timer before Office's 5-minute limit), shows the reason in the user's language, one run per
 * workbook across runtimes (the run lock in localStorage, with expiry), too-large workbooks sent to the
 * task pane; end to end over the fake Excel; its bundle has no React.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import type { AssessOutcome } from '../../src/app/assessWorkbook';
import { benchSnapshot } from '../../src/bench/bench';
import { RIBBON_DEADLINE_MS, RIBBON_LOCK_MS, RIBBON_MAX_ROWS, createRunAssessment, ribbonHost } from '../../src/commands/run';
import type { CommandDeps } from '../../src/commands/run';
import { assessErrorOf } from '../support/assess-error';
import type { Lang } from '../../src/domain/types';
import { OfficeHost, workbookLock } from '../../src/hosts/office';
import { RunLock } from '../../src/hosts/office/lock';
import type { LockStore } from '../../src/hosts/office/lock';
import { dialogUrl } from '../../src/hosts/office/dialog';
import { FakeWorkbook } from '../support/fake-excel';
import { describeError } from '../../src/i18n/errors';

function event() {
  return { completed: jest.fn() };
}

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
function overFake(wb: FakeWorkbook, store = sharedStore(), dialog: (text: string) => Promise<void> = async () => undefined) {
  const shown: Array<{ title: string; text: string; lang: Lang }> = [];
  const c = clock();
  const deps: CommandDeps = {
    assess: (lang, lock) => assessWorkbook(ribbonHost(new OfficeHost(wb.env(), { lock: lock as RunLock })), { displayLanguage: lang }),
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

  it('a dialog nobody closes: completed() by a timer before Office’s 5-minute limit', async () => {
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

  it('a run that outlasts the deadline is completed by the timer, and only once', async () => {
    const gate = deferred<AssessOutcome>();
    const c = clock();
    const run = createRunAssessment({
      assess: () => gate.promise,
      displayLanguage: () => 'zh-CN',
      showMessage: async () => undefined,
      newLock: () => workbookLock('x', `r${++clickNo}`, sharedStore()),
      setTimer: c.setTimer,
      clearTimer: c.clearTimer,
    });
    const e = event();
    const p = run(e);
    c.advance(RIBBON_DEADLINE_MS);
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

  it('a second click while a run is in progress starts nothing, says so, and completes', async () => {
    const gate = deferred<AssessOutcome>();
    const assess = jest.fn(() => gate.promise);
    const store = sharedStore();
    const shown: string[] = [];
    const run = createRunAssessment({
      assess,
      displayLanguage: () => 'zh-CN',
      showMessage: async (_t, text) => void shown.push(text),
      newLock: () => workbookLock('wb', `r${++clickNo}`, store),
    });
    const first = event();
    const second = event();
    const p1 = run(first);
    await run(second);
    expect(assess).toHaveBeenCalledTimes(1);
    expect(second.completed).toHaveBeenCalledTimes(1);
    expect(shown[0]).toMatch(/正在考评中/);
    expect(first.completed).not.toHaveBeenCalled();
    gate.resolve({} as AssessOutcome);
    await p1;
    expect(first.completed).toHaveBeenCalledTimes(1);
    // after it finished, a new click runs again
    const third = event();
    await run(third);
    expect(assess).toHaveBeenCalledTimes(2);
    expect(third.completed).toHaveBeenCalledTimes(1);
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
