/**
 * The WPS add-in as the build makes it (webpack.config.js, the `wps` configuration, into a temporary folder):
 * ribbon.xml is well-formed customUI whose every callback exists on the global that the built main.js
 * defines, with unique ids and icons that are in the folder; the pages are ES2017 at most (the language level
 * chosen for WPS's Chromium, docs/deploy.md); the publish page lists the add-in with its name and URL and
 * registers it through Kingsoft's SDK; jsplugins.xml (oem.ini) and the offline package carry the same add-in.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JSDOM, VirtualConsole } from 'jsdom';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { CUSTOM_UI, callbacksOf } from '../support/customui';

const root = path.join(__dirname, '..', '..');
const URL_ = 'https://intranet.example.org/pga/wps/';
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const NAME = 'PartyGroupAssessment';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const acorn = require('acorn') as { parse: (src: string, o: object) => unknown };

jest.setTimeout(600_000);

let out: string;
const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-wps-'));
  process.env.WPS_ADDIN_URL = URL_;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(root, 'webpack.config.js')) as (env: object, argv: object) => Promise<import('webpack').Configuration[]>;
  const config = (await makeConfig({}, { mode: 'production' })).find((c) => c.name === 'wps')!;
  config.mode = 'production';
  config.context = root;
  config.output = { ...config.output, path: out };
  const stats = await new Promise<import('webpack').Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
});

afterAll(() => {
  delete process.env.WPS_ADDIN_URL;
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

/** The pages loaded by a test, closed after it (Kingsoft's SDK keeps timers that try to reach WPS). */
const opened: JSDOM[] = [];
afterEach(() => {
  for (const dom of opened.splice(0)) dom.window.close();
});

/** A page of the add-in in jsdom, its scripts run in order from the folder (as WPS's webview would). */
function load(page: string, before?: (w: Record<string, unknown>) => void) {
  const html = read(page);
  // The page's own console and errors stay in jsdom (not jest's console, which refuses a late message with
  // exit code 1): the SDK's attempts to reach WPS fail here by design (no WPS listens on 127.0.0.1:58890).
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM(html, { url: `${URL_}${page}`, runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole });
  opened.push(dom);
  const w = dom.window as unknown as Record<string, unknown> & { eval(s: string): unknown };
  before?.(w);
  for (const s of Array.from(dom.window.document.querySelectorAll('script[src]'))) w.eval(read(s.getAttribute('src')!));
  return dom;
}

describe('dist/wps', () => {
  it('has the layout WPS loads: index.html and ribbon.xml at the root, with the pages and icons', () => {
    for (const f of ['index.html', 'main.js', 'ribbon.xml', 'taskpane.html', 'taskpane.js', 'dialog.html', 'dialog.js', 'es5-check.js', 'assets/icon-32.png', 'publish.html', 'wpsjsrpcsdk.js', 'jsplugins.xml', `${NAME}_${version}.zip`]) {
      expect([f, fs.existsSync(path.join(out, f))]).toEqual([f, true]);
    }
  });

  it('ribbon.xml is customUI with unique ids, and every callback is on the global the built main.js defines', () => {
    const { ids, callbacks, root: ui } = callbacksOf(read('ribbon.xml'));
    expect(ui.namespaceURI).toBe(CUSTOM_UI);
    expect(new Set(ids).size).toBe(ids.length);
    const dom = load('index.html');
    const globals = dom.window as unknown as Record<string, Record<string, unknown>>;
    expect(callbacks.map(([attr]) => attr).sort()).toEqual(expect.arrayContaining(['getEnabled', 'getImage', 'onAction', 'onLoad']));
    for (const [, value] of callbacks) {
      const [obj, fn] = value.split('.');
      expect([value, typeof globals[obj]?.[fn]]).toEqual([value, 'function']);
    }
    const ribbon = globals.ribbon as Record<string, (c: unknown) => unknown>;
    for (const id of ids.filter((i) => /^pga(Assess|Pane)$/.test(i))) {
      const image = ribbon.GetImage({ Id: id }) as string;
      expect([id, fs.existsSync(path.join(out, image))]).toEqual([id, true]);
    }
  });

  it('its scripts parse as ES2017 (the level chosen for WPS’s Chromium), and es5-check.js as ES5', () => {
    for (const f of fs.readdirSync(out).filter((x) => x.endsWith('.js') && x !== 'wpsjsrpcsdk.js')) {
      expect(() => acorn.parse(read(f), { ecmaVersion: f === 'es5-check.js' ? 5 : 2017, sourceType: 'script' })).not.toThrow();
    }
  });

  it('jsplugins.xml (for oem.ini’s JSPluginsServer) names the add-in at its URL', () => {
    const doc = new DOMParser().parseFromString(read('jsplugins.xml'), 'text/xml');
    const p = doc.getElementsByTagName('jsplugin')[0];
    expect([p.getAttribute('name'), p.getAttribute('type'), p.getAttribute('url'), p.getAttribute('version')]).toEqual([NAME, 'et', URL_, version]);
  });

  it('the offline package holds the whole add-in in <name>_<version>/ and the publish.xml registering it', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, `${NAME}_${version}.zip`)));
    const folder = `${NAME}_${version}/`;
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const addin = fs.readdirSync(out, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(out, f)).isFile() && !/^(publish\.(html|js)|wpsjsrpcsdk\.js|jsplugins\.xml|.*\.zip)$/.test(f));
    expect(names.filter((n) => n.startsWith(folder)).map((n) => n.slice(folder.length)).sort()).toEqual(addin.map((f) => f.split(path.sep).join('/')).sort());
    expect(names).toContain('publish.xml');
    const doc = new DOMParser().parseFromString(await zip.file('publish.xml')!.async('string'), 'text/xml');
    const p = doc.getElementsByTagName('jsplugin')[0];
    expect([p.getAttribute('name'), p.getAttribute('type'), p.getAttribute('url')]).toEqual([NAME, 'et', `${NAME}_${version}`]);
  });
});

describe('publish.html', () => {
  it('lists the add-in with its name and URL, and Install registers exactly it through WpsAddonMgr', async () => {
    expect(read('wpsjsrpcsdk.js')).toMatch(/WpsAddonMgr/);
    const calls: [string, unknown][] = [];
    const dom = load('publish.html', (w) => {
      // Kingsoft's SDK is replaced by a recorder after it has loaded (the real one calls 127.0.0.1:58890).
      Object.defineProperty(w, 'WpsAddonMgr', {
        configurable: true,
        get: () => ({
          getAllConfig: (cb: (e: unknown) => void) => cb({ status: 0, response: JSON.stringify([{ name: 'OtherAddin', url: 'x' }]) }),
          enable: (a: unknown, cb: (e: unknown) => void) => {
            calls.push(['enable', a]);
            cb({ status: 0 });
          },
          disable: (a: unknown, cb: (e: unknown) => void) => {
            calls.push(['disable', a]);
            cb({ status: 0 });
          },
        }),
        set: () => undefined,
      });
    });
    const doc = dom.window.document;
    const row = doc.querySelector('#addins tbody tr')!;
    expect([row.getAttribute('data-name'), row.getAttribute('data-url')]).toEqual([NAME, URL_]);
    expect(row.textContent).toContain(URL_);
    (doc.getElementById('install') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual([['enable', { name: NAME, addonType: 'et', online: 'true', url: URL_, version }]]);
    expect(doc.getElementById('status')!.textContent).toMatch(/^(已安装“党小组考评助手”|Party Group Assessment is installed)/);
  });
});
