/**
 * The ribbon's 考评 command: completes on success and on failure, shows the reason in the user's
 * language, never runs twice at once; end to end over the fake Excel; its bundle has no React.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import type { AssessOutcome } from '../../src/app/assessWorkbook';
import { benchSnapshot } from '../../src/bench/bench';
import { createRunAssessment } from '../../src/commands/run';
import type { CommandDeps } from '../../src/commands/run';
import type { Lang } from '../../src/domain/types';
import { OfficeHost } from '../../src/hosts/office';
import { dialogUrl } from '../../src/hosts/office/dialog';
import { FakeWorkbook } from '../support/fake-excel';

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

/** The command over a fake Excel workbook, with the dialog recorded. */
function overFake(wb: FakeWorkbook) {
  const shown: Array<{ title: string; text: string; lang: Lang }> = [];
  const deps: CommandDeps = {
    assess: (lang) => assessWorkbook(new OfficeHost(wb.env()), { displayLanguage: lang }),
    displayLanguage: () => (wb.displayLanguage.startsWith('zh') ? 'zh-CN' : 'en-US'),
    showMessage: async (title, text, lang) => {
      shown.push({ title, text, lang });
    },
  };
  return { run: createRunAssessment(deps), shown };
}

describe('ribbon command 考评', () => {
  it('on success: assesses, activates the results, completes, shows no dialog', async () => {
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
  ])('on failure (%s): shows the reason in the user language, completes, workbook unchanged', async (lang, reason, title) => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(20), { displayLanguage: lang });
    wb.protected = true;
    const before = JSON.stringify(wb.sheets.map((s) => s.fingerprint()));
    const { run, shown } = overFake(wb);
    const e = event();
    await run(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(shown).toHaveLength(1);
    expect(shown[0].title).toBe(title);
    expect(shown[0].text).toMatch(reason);
    expect(JSON.stringify(wb.sheets.map((s) => s.fingerprint()))).toBe(before);
  });

  it('an unexpected error still completes, with a generic message', async () => {
    const shown: string[] = [];
    const run = createRunAssessment({
      assess: async () => {
        throw new TypeError('boom');
      },
      displayLanguage: () => 'zh-CN',
      showMessage: async (_t, text) => {
        shown.push(text);
      },
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
    });
    const e = event();
    await run(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it('a second click while a run is in progress starts nothing and completes at once', async () => {
    const gate = deferred<AssessOutcome>();
    const assess = jest.fn(() => gate.promise);
    const run = createRunAssessment({ assess, displayLanguage: () => 'zh-CN', showMessage: async () => undefined });
    const first = event();
    const second = event();
    const p1 = run(first);
    await run(second);
    expect(assess).toHaveBeenCalledTimes(1);
    expect(second.completed).toHaveBeenCalledTimes(1);
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

  it('two clicks on the fake Excel: one run, one set of outputs', async () => {
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(50));
    const { run } = overFake(wb);
    const a = event();
    const b = event();
    await Promise.all([run(a), run(b)]);
    expect(wb.runs).toBe(2); // one Excel.run for the read, one for the write: a single assessment
    expect(a.completed).toHaveBeenCalledTimes(1);
    expect(b.completed).toHaveBeenCalledTimes(1);
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
    }
  });
});
