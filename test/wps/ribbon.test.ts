/**
 * The WPS add-in's ribbon (src/wps/ribbon.xml + src/wps/ribbon.ts) over a shell that behaves as WPS's
 * Application does for what the ribbon uses, and the in-memory workbook port (src/hosts/memory): what the
 * user sees — the results written, the dialog's progress and result, the busy refusal, the pane shown and
 * hidden — and the ribbon.xml ↔ callbacks contract, also for an old webview (src/compat/es5-check.js).
 */
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM } from 'jsdom';
import { portOverHost } from '../../src/app/pane-service';
import type { WorkbookPort } from '../../src/app/ports';
import { MemoryHost } from '../../src/hosts/memory/host';
import sample from '../../src/hosts/memory/sample.json';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { CONTROL, createRibbon } from '../../src/wps/ribbon';
import type { RunState } from '../../src/wps/ribbon';
import { lockedPort, storageLock } from '../../src/wps/lock';
import type { WpsShell, WpsTaskPane } from '../../src/wps/shell';
import { STORAGE, wpsLang } from '../../src/wps/shell';
import { CUSTOM_UI, callbacksOf } from '../support/customui';

const ROOT = path.join(__dirname, '..', '..');
const RIBBON_XML = fs.readFileSync(path.join(ROOT, 'src', 'wps', 'ribbon.xml'), 'utf8');
const ES5_CHECK = fs.readFileSync(path.join(ROOT, 'src', 'compat', 'es5-check.js'), 'utf8');

jest.setTimeout(30000);

/**
 * What the ribbon uses of WPS's Application, as WPS does it (the WPS JSAPI documentation of
 * Application.CreateTaskPane / GetTaskPane / ShowDialog / PluginStorage, and add-ins wpsjs creates, which
 * keep the pane's ID in PluginStorage and toggle its Visible):
 * - PluginStorage keeps strings per add-in and gives back what was stored; an absent key gives undefined.
 * - CreateTaskPane(url) makes a new, hidden pane with an ID; GetTaskPane(id) finds it again.
 * - ShowDialog(url, caption, width, height, modal) opens a page in a dialog.
 */
function fakeWps(opts: { workbook?: boolean } = {}) {
  const store = new Map<string, string>();
  const panes = new Map<string, WpsTaskPane & { url: string }>();
  const dialogs: { url: string; caption: string; width: number; height: number; modal?: boolean }[] = [];
  let ids = 0;
  const app: WpsShell = {
    PluginStorage: {
      getItem: (k) => store.get(k),
      setItem: (k, v) => {
        store.set(k, String(v));
      },
    },
    CreateTaskPane(url) {
      const pane = { ID: `tp${++ids}`, Visible: false, DockPosition: 0, url };
      panes.set(pane.ID, pane);
      return pane;
    },
    GetTaskPane: (id) => panes.get(String(id)) ?? null,
    ShowDialog(url, caption, width, height, modal) {
      dialogs.push({ url, caption, width, height, modal });
    },
    ActiveWorkbook: opts.workbook === false ? null : {},
    Enum: { msoCTPDockPositionRight: 2 },
  };
  const state = () => JSON.parse(store.get(STORAGE.runState) ?? 'null') as RunState | null;
  return { app, store, panes, dialogs, state };
}

const sampleHost = () => new MemoryHost(sample as unknown as WorkbookSnapshot);

function ribbonOver(app: WpsShell, port: WorkbookPort) {
  return createRibbon({ app: () => app, port: () => port, baseUrl: () => 'https://site.example/wps/', language: () => 'zh-CN', devicePixelRatio: () => 2 });
}

describe('ribbon.xml', () => {
  const { ids, callbacks, root } = callbacksOf(RIBBON_XML);

  it('is customUI with unique ids, a 党小组考评 group holding 考评 and 考评面板', () => {
    expect(root.namespaceURI).toBe(CUSTOM_UI);
    expect(new Set(ids).size).toBe(ids.length);
    const group = root.getElementsByTagName('group')[0];
    expect(group.getAttribute('label')).toBe('党小组考评');
    const buttons = Array.from(group.getElementsByTagName('button')).map((b) => [b.getAttribute('id'), b.getAttribute('label')]);
    expect(buttons).toEqual([
      [CONTROL.assess, '考评'],
      [CONTROL.pane, '考评面板'],
    ]);
    // English where ribbon.xml allows it: every button's screentip
    for (const b of Array.from(group.getElementsByTagName('button'))) expect(b.getAttribute('screentip')).toMatch(/[\u4e00-\u9fff].*·.*[A-Za-z]/);
  });

  it('names only callbacks the ribbon object has, and every button has an icon that exists', () => {
    const ribbon = ribbonOver(fakeWps().app, portOverHost(sampleHost(), 'preview'));
    expect(callbacks.length).toBeGreaterThanOrEqual(4);
    for (const [, value] of callbacks) {
      const [global, name] = value.split('.');
      expect(global).toBe('ribbon');
      expect(typeof (ribbon as unknown as Record<string, unknown>)[name]).toBe('function');
    }
    for (const id of [CONTROL.assess, CONTROL.pane]) {
      const image = ribbon.GetImage({ Id: id });
      expect(fs.existsSync(path.join(ROOT, image))).toBe(true);
    }
    expect(ribbon.GetImage({ Id: 'nothing' })).toBe('');
  });
});

describe('考评 on the ribbon', () => {
  it('writes the results, shows progress then the result in a WPS dialog, and frees the button', async () => {
    const wps = fakeWps();
    const host = sampleHost();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const stages: (string | undefined)[] = [];
    const port: WorkbookPort = {
      ...portOverHost(host, 'preview'),
      read: async () => {
        stages.push(wps.state()?.stage);
        await gate;
        return host.read();
      },
    };
    const ribbon = ribbonOver(wps.app, port);
    const invalidated: string[] = [];
    ribbon.OnAddinLoad({ InvalidateControl: (id) => invalidated.push(id) });
    const run = ribbon.OnAction({ Id: CONTROL.assess });
    // while it runs: the button is disabled, a second click does nothing, the dialog shows progress
    expect(ribbon.OnGetEnabled({ Id: CONTROL.assess })).toBe(false);
    expect(ribbon.OnGetEnabled({ Id: CONTROL.pane })).toBe(true);
    await ribbon.OnAction({ Id: CONTROL.assess });
    expect(wps.dialogs).toEqual([{ url: 'https://site.example/wps/dialog.html?lang=zh-CN', caption: '党小组考评助手', width: 840, height: 600, modal: false }]);
    expect(wps.state()).toMatchObject({ phase: 'running', stage: 'read', lang: 'zh-CN' });
    release();
    await run;
    expect(stages).toEqual(['read']);
    expect(host.writes).toBe(1);
    expect(host.sheetNames()).toContain('考评结果');
    const done = wps.state()!;
    expect(done.phase).toBe('done');
    expect(done.title).toBe('考评完成');
    expect(done.text).toMatch(/^考评结果已写入工作簿（考评结果、年度排名、/);
    expect(done.text).toMatch(/党小组/);
    expect(ribbon.OnGetEnabled({ Id: CONTROL.assess })).toBe(true);
    expect(invalidated).toEqual([CONTROL.assess, CONTROL.assess]);
    // the lock is free again: the pane may run
    expect(storageLock(wps.app.PluginStorage, 'pane').tryAcquire(1000)).toBe(true);
  });

  it('speaks English in an English WPS', async () => {
    const wps = fakeWps();
    wps.app.LanguageSettings = { LanguageID: (type) => (type === 2 ? 1033 : 2052) };
    await ribbonOver(wps.app, portOverHost(sampleHost(), 'preview')).OnAction({ Id: CONTROL.assess });
    expect(wps.dialogs[0].url).toMatch(/lang=en-US$/);
    expect(wps.state()).toMatchObject({ phase: 'done', title: 'Assessment finished' });
    expect(wps.state()!.text).toMatch(/^The results were written to the workbook \(/);
  });

  it('refuses while the pane is assessing, writing nothing', async () => {
    const wps = fakeWps();
    const host = sampleHost();
    expect(storageLock(wps.app.PluginStorage, 'pane').tryAcquire(60_000)).toBe(true);
    await ribbonOver(wps.app, portOverHost(host, 'preview')).OnAction({ Id: CONTROL.assess });
    expect([host.reads, host.writes]).toEqual([0, 0]);
    expect(wps.state()).toMatchObject({ phase: 'failed', title: '考评未完成' });
    expect(wps.state()!.text).toMatch(/正在考评中/);
  });

  it('says so when no workbook is open', async () => {
    const wps = fakeWps({ workbook: false });
    const host = sampleHost();
    await ribbonOver(wps.app, portOverHost(host, 'preview')).OnAction({ Id: CONTROL.assess });
    expect(host.reads).toBe(0);
    expect(wps.state()!.text).toBe('没有打开的工作簿。请先打开要考评的工作簿，再点“考评”。');
  });

  it('shows a failure in the dialog and frees the lock', async () => {
    const wps = fakeWps();
    const blank = new MemoryHost({ sheets: [{ name: 'Sheet1', values: [['x']], merges: [], visibility: 'visible' }] });
    await ribbonOver(wps.app, portOverHost(blank, 'preview')).OnAction({ Id: CONTROL.assess });
    expect(wps.state()).toMatchObject({ phase: 'failed', title: '考评未完成' });
    expect(blank.writes).toBe(0);
    expect(storageLock(wps.app.PluginStorage, 'pane').tryAcquire(1000)).toBe(true);
  });
});

describe('考评面板 on the ribbon', () => {
  it('creates the pane once, docked right, then hides and shows it', async () => {
    const wps = fakeWps();
    const ribbon = ribbonOver(wps.app, portOverHost(sampleHost(), 'preview'));
    await ribbon.OnAction({ Id: CONTROL.pane });
    expect([...wps.panes.values()].map((p) => [p.url, p.DockPosition, p.Visible])).toEqual([['https://site.example/wps/taskpane.html', 2, true]]);
    await ribbon.OnAction({ Id: CONTROL.pane });
    await ribbon.OnAction({ Id: CONTROL.pane });
    expect(wps.panes.size).toBe(1);
    expect([...wps.panes.values()][0].Visible).toBe(true);
    await ribbon.OnAction({ Id: CONTROL.pane });
    expect([...wps.panes.values()][0].Visible).toBe(false);
  });
});

describe("the pane's port", () => {
  it('refuses a write while the ribbon runs, and keeps the host’s cell edits and selection', async () => {
    const wps = fakeWps();
    const host = sampleHost();
    const port = lockedPort(host, storageLock(wps.app.PluginStorage, 'pane'));
    expect(typeof port.editCells).toBe('function');
    expect(typeof port.select).toBe('function');
    const ribbonLock = storageLock(wps.app.PluginStorage, 'ribbon');
    expect(ribbonLock.tryAcquire(60_000)).toBe(true);
    await expect(port.write({ sheets: [], deleteSheets: [] } as never)).rejects.toMatchObject({ code: 'wps.busy' });
    expect(host.writes).toBe(0);
    ribbonLock.release();
    const sheet = host.sheetNames()[0];
    await port.select!(`${sheet}!B2`);
    expect(host.selection).toMatchObject({ sheet, row: 1, col: 1 });
  });
});

describe('WPS’s language', () => {
  it('is the UI LCID when WPS says it, else the webview’s', () => {
    expect(wpsLang({ LanguageSettings: { LanguageID: () => 2052 } }, 'en-US')).toBe('zh-CN');
    expect(wpsLang({ LanguageSettings: { LanguageID: () => 1033 } }, 'zh-CN')).toBe('en-US');
    expect(
      wpsLang(
        {
          LanguageSettings: {
            LanguageID: () => {
              throw new Error('not here');
            },
          },
        },
        'en-GB',
      ),
    ).toBe('en-US');
    expect(wpsLang({}, undefined)).toBe('zh-CN');
  });
});

describe('an older WPS webview (es5-check.js on the WPS pages)', () => {
  function oldWebview(file: string, language = 'zh-CN') {
    const dom = new JSDOM('<!doctype html><html data-pga-host="wps"><body><div id="container">pane</div></body></html>', {
      url: `https://site.example/wps/${file}`,
      runScripts: 'outside-only',
    });
    const w = dom.window as unknown as Record<string, unknown> & { eval(s: string): unknown; document: Document };
    for (const k of ['Promise', 'Symbol']) delete w[k];
    Object.defineProperty(dom.window.navigator, 'language', { value: language });
    const alerts: string[] = [];
    w.alert = (s: string) => alerts.push(s);
    w.eval(ES5_CHECK);
    return { w, alerts };
  }

  it('still gives ribbon.xml every callback it names, and 考评 says what to do instead', () => {
    const { w, alerts } = oldWebview('index.html');
    const ribbon = w.ribbon as Record<string, (c?: unknown) => unknown>;
    for (const [, value] of callbacksOf(RIBBON_XML).callbacks) expect(typeof ribbon[value.split('.')[1]]).toBe('function');
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(fs.existsSync(path.join(ROOT, String(ribbon.GetImage({ Id: CONTROL.assess }))))).toBe(true);
    ribbon.OnAction({ Id: CONTROL.assess });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^此版本的 WPS 无法运行考评助手/);
    expect(alerts[0]).toContain('https://site.example/workbook.html');
    expect(alerts[0]).toMatch(/工作簿未作任何更改/);
  });

  it('replaces the pane with the message, in English for an English webview', async () => {
    const { w } = oldWebview('taskpane.html', 'en-US');
    const doc = w.document;
    if (doc.readyState === 'loading') await new Promise((r) => doc.addEventListener('DOMContentLoaded', r));
    expect(doc.querySelector('[role="alert"] h1')!.textContent).toBe('This version of WPS cannot run Party Group Assessment');
    expect(doc.getElementById('container')).toBeNull();
  });

  it('does nothing in a current webview', () => {
    const dom = new JSDOM('<!doctype html><html data-pga-host="wps"><body></body></html>', { url: 'https://site.example/wps/index.html', runScripts: 'outside-only' });
    (dom.window as unknown as { eval(s: string): unknown }).eval(ES5_CHECK);
    expect((dom.window as unknown as Record<string, unknown>).ribbon).toBeUndefined();
  });
});
