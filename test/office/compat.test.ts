/**
 * Internet Explorer 11 webviews (Excel 2019 volume-licensed): every page first runs src/compat/es5-check.js,
 * plain ES5, which says what to do instead — and on the function file still completes the ribbon command.
 * Here it runs in a jsdom window made to look like IE (no Promise, Symbol, Object.entries…).
 */
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM } from 'jsdom';

const STUB = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'compat', 'es5-check.js'), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const acorn = require('acorn') as { parse: (src: string, o: object) => unknown };

type Win = Record<string, unknown> & { document: Document; eval(src: string): unknown };

async function page(file: string, query: string, opts: { ie: boolean; html?: string }) {
  const dom = new JSDOM(opts.html ?? '<!doctype html><html><body><div id="container">pane</div></body></html>', {
    url: `https://addin.example/${file}${query}`,
    runScripts: 'outside-only',
  });
  const w = dom.window as unknown as Win;
  if (opts.ie) {
    for (const k of ['Promise', 'Symbol']) delete w[k];
    delete (w.Object as unknown as Record<string, unknown>).entries;
  }
  const dialogs: string[] = [];
  const handlers: Record<string, () => void> = {};
  let onReady: (() => void) | null = null;
  const associated: Record<string, unknown> = {};
  w.Office = {
    onReady: (f: () => void) => {
      onReady = f;
    },
    actions: { associate: (n: string, f: unknown) => void (associated[n] = f) },
    context: {
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          dialogs.push(url);
          cb({ status: 'succeeded', value: { addEventHandler: (ev: string, f: () => void) => void (handlers[ev] = f), close: () => undefined } });
        },
        messageParent: () => undefined,
      },
    },
  };
  const timers: number[] = [];
  w.setTimeout = ((_f: () => void, ms: number) => timers.push(ms)) as unknown as Win[string];
  w.eval(STUB);
  if (w.document.readyState === 'loading') await new Promise((r) => dom.window.document.addEventListener('DOMContentLoaded', r));
  return { w, dialogs, handlers, timers, ready: () => onReady?.(), associated };
}

describe('the ES5 check (es5-check.js)', () => {
  it('parses as ES5 (and the ES5 parser does refuse ES2015, so the check can fail)', () => {
    expect(() => acorn.parse(STUB, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    expect(() => acorn.parse('const f = () => 1;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  });

  it('does nothing in a modern webview', async () => {
    const p = await page('taskpane.html', '', { ie: false });
    expect(p.w.__pgaTooOld).toBeUndefined();
    expect(p.w.document.getElementById('container')!.textContent).toBe('pane');
    const c = await page('commands.html', '', { ie: false });
    expect(c.w.runAssessment).toBeUndefined();
  });

  it('task pane in IE 11: says, in the user’s language, that this Excel cannot run it and what to do instead', async () => {
    const zh = await page('taskpane.html', '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', { ie: true });
    const text = zh.w.document.body.textContent!;
    expect(text).toMatch(/此版本的 Excel 无法运行考评面板/);
    expect(text).toMatch(/Microsoft 365/);
    expect(text).toMatch(/网页版 Excel/);
    expect(text).toMatch(/assess/);
    const en = await page('taskpane.html', '?_host_Info=Excel$Win32$16.01$en-GB$$$$0', { ie: true });
    expect(en.w.document.body.textContent).toMatch(/This version of Excel cannot run the Assessment Pane/);
    expect(en.w.document.body.textContent).toMatch(/the workbook page \(no add-in needed\) in Edge or Chrome: https:\/\/addin\.example\/workbook\.html/);
  });

  it('task pane in IE 11: the first choice is the workbook page on the same site, named and linked', async () => {
    const zh = await page('taskpane.html', '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', { ie: true });
    const text = zh.w.document.body.textContent!;
    expect(text).toMatch(/1\. 保存并关闭工作簿，在 Edge 或 Chrome 浏览器中打开考评网页（不需要加载项）：https:\/\/addin\.example\/workbook\.html/);
    const link = zh.w.document.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://addin.example/workbook.html');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.textContent).toBe('打开考评网页');
  });

  it('the workbook page in Internet Explorer (or a 360/QQ browser’s IE mode): says to use Edge, Chrome or the fast mode', async () => {
    const html = '<!doctype html><html><body><div id="container">page</div></body></html>';
    // (jsdom's browser language is en-US.)
    const ie = await page('workbook.html', '', { ie: true, html });
    expect(ie.w.__pgaTooOld).toBe(true);
    const text = ie.w.document.body.textContent!;
    expect(text).toMatch(/This browser cannot run the workbook page/);
    expect(text).toMatch(/Open this page in Microsoft Edge or Chrome; in 360 or QQ Browser, switch to the fast \(Chromium\) mode/);
    expect(text).toMatch(/This page uploads no file\./);
    expect(text).not.toMatch(/Excel/);
    expect(ie.w.document.getElementById('container')).toBeNull();
    // In a current browser the page is left alone.
    const modern = await page('workbook.html', '', { ie: false, html });
    expect(modern.w.document.getElementById('container')!.textContent).toBe('page');
  });

  it('ribbon in IE 11: runAssessment shows the message in a dialog and completes when it is closed (or by a timer under 5 minutes)', async () => {
    const c = await page('commands.html', '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', { ie: true });
    c.ready();
    const run = c.w.runAssessment as (e: { completed(): void }) => void;
    expect(typeof run).toBe('function');
    expect(c.associated.runAssessment).toBe(run);
    const completed = jest.fn();
    run({ completed });
    expect(c.dialogs).toHaveLength(1);
    const u = new URL(c.dialogs[0]);
    expect(u.pathname).toBe('/dialog.html');
    expect(u.searchParams.get('msg')).toMatch(/Internet Explorer 11/);
    expect(u.searchParams.get('msg')).toMatch(/考评网页（不需要加载项）：https:\/\/addin\.example\/workbook\.html/);
    expect(c.timers).toEqual([270000]);
    expect(completed).not.toHaveBeenCalled();
    c.handlers.dialogMessageReceived();
    c.handlers.dialogEventReceived?.();
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('dialog in IE 11: shows the title and message it was given', async () => {
    const html = '<!doctype html><html><body><h1 id="title"></h1><p id="msg"></p><button id="close"></button></body></html>';
    const d = await page('dialog.html', `?title=${encodeURIComponent('标题')}&msg=${encodeURIComponent('内容')}&lang=zh-CN`, { ie: true, html });
    expect(d.w.document.getElementById('title')!.textContent).toBe('标题');
    expect(d.w.document.getElementById('msg')!.textContent).toBe('内容');
    expect(d.w.document.getElementById('close')!.textContent).toBe('关闭');
  });
});
