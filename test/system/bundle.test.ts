/**
 * The production build (webpack): the commands bundle holds no React, Fluent UI or ExcelJS (checked in
 * webpack's own module list), the manifest's localhost URLs become ADDIN_ORIGIN and it still validates,
 * the pages load office.js from Microsoft's CDN, and the size script reports every bundle. The single-file
 * page (dist/考评助手.html, the build's second compilation): nothing but itself — every script inline, the ES5
 * check first, ES2020 syntax like the workbook page's chunks, a CSP of exactly its scripts' hashes that allows no connection.
 */
import { createHash } from 'crypto';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const ORIGIN = 'https://addin.branch.example.org/pga/';

// Two compilations (the pages, and the single-file page) on a busy 2-core machine.
jest.setTimeout(900_000);

let modulesByChunk: Map<string, string[]>;

beforeAll(async () => {
  process.env.ADDIN_ORIGIN = ORIGIN;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(root, 'webpack.config.js')) as (env: object, argv: object) => Promise<import('webpack').Configuration[]>;
  // The Office pages' configuration and the single file's (the WPS add-in's has its own test: test/system/wps-package.test.ts)
  const configs = (await makeConfig({}, { mode: 'production' })).filter((c) => c.name !== 'wps');
  for (const config of configs) {
    config.mode = 'production';
    config.context = root;
  }
  const multi = await new Promise<import('webpack').MultiStats>((resolve, reject) =>
    webpack(configs, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
  expect(multi.hasErrors()).toBe(false);
  // The Office pages' compilation (the single file's is the other).
  const stats = multi.stats.find((s) => s.compilation.name === 'office')!;
  // Every module of every chunk, concatenated modules expanded, by the resource path each came from.
  modulesByChunk = new Map();
  const { compilation } = stats;
  type Mod = { identifier(): string; modules?: Mod[] };
  const resource = (m: Mod) => m.identifier().split('!').pop()!.split('|')[0];
  for (const chunk of compilation.chunks) {
    const names: string[] = [];
    for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk) as Iterable<Mod>) {
      names.push(resource(m));
      for (const n of m.modules ?? []) names.push(resource(n));
    }
    modulesByChunk.set(chunk.name ?? String(chunk.id), names);
  }
});

afterAll(() => {
  delete process.env.ADDIN_ORIGIN;
});

describe('production build', () => {
  it('the commands bundle contains no React, Fluent UI or ExcelJS', () => {
    const mods = modulesByChunk.get('commands')!;
    expect(mods.length).toBeGreaterThan(5);
    expect(mods.filter((m) => /node_modules[\\/](react|react-dom|scheduler|@fluentui|exceljs)[\\/]/.test(m))).toEqual([]);
    const text = fs.readFileSync(path.join(root, 'dist', 'commands.js'), 'utf8');
    expect(text).not.toMatch(/__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED|react\.production/);
    // …while the pane's does (so the checks can fail)
    expect(modulesByChunk.get('taskpane')!.some((m) => /node_modules[\\/]react-dom[\\/]/.test(m))).toBe(true);
  });

  it('rewrites the manifest to ADDIN_ORIGIN and it still validates', () => {
    const built = fs.readFileSync(path.join(root, 'dist', 'manifest.xml'), 'utf8');
    expect(built).not.toMatch(/localhost/);
    expect(built).toContain(`${ORIGIN}commands.html`);
    expect(built).toContain(`${ORIGIN}assets/icon-80.png`);
    const r = spawnSync('node', ['scripts/validate-manifest.js', 'dist/manifest.xml'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
  });

  it('pages load office.js from the Microsoft CDN and their own bundle', () => {
    for (const [page, bundle] of [
      ['taskpane.html', 'taskpane.js'],
      ['commands.html', 'commands.js'],
      ['dialog.html', 'dialog.js'],
    ]) {
      const html = fs.readFileSync(path.join(root, 'dist', page), 'utf8');
      expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      expect(html).toContain(bundle);
    }
    for (const s of [16, 32, 64, 80]) expect(fs.existsSync(path.join(root, 'dist', 'assets', `icon-${s}.png`))).toBe(true);
  });

  it('the size script prints the gzip size of every JS bundle', () => {
    const r = spawnSync('node', ['scripts/size.js'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const js = fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.js'));
    for (const f of js) expect(r.stdout).toMatch(new RegExp(`size ${f.replace(/\./g, '\\.')} bytes=\\d+ gzip=\\d+`));
    const single = fs.statSync(path.join(root, 'dist', '考评助手.html')).size;
    expect(r.stdout).toMatch(new RegExp(`size single 考评助手\\.html bytes=${single} gzip=\\d+`));
  });

  it('the single-file page is all inline: the ES5 check first, ES2020 scripts, a CSP of their hashes and no connections', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require('acorn') as { parse: (src: string, o: object) => unknown };
    const html = fs.readFileSync(path.join(root, 'dist', '考评助手.html'), 'utf8');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    // Nothing from beside it: outside the scripts, every src= and href= (the favicon, the header's icon) is a data: URL.
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    const refs = [...markup.matchAll(/\s(?:src|href)=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    expect(refs.filter((r) => !r.startsWith('data:'))).toEqual([]);
    expect(scripts).toHaveLength(2);
    // The ES5 check first, as plain ES5 (it must run where the bundle cannot even be parsed)…
    expect(scripts[0]).toContain('__pgaTooOld');
    expect(html.indexOf(scripts[0])).toBeLessThan(html.indexOf('<body'));
    acorn.parse(scripts[0], { ecmaVersion: 5, sourceType: 'script' });
    // …then the page with every lazy part in it (the file host, the roll-up, the engine), no chunk loading. ES2020
    // as the workbook page's own chunks (workbook-page-e2e's syntax test): zip.js keeps native import()s of codec
    // modules it may be given (the page gives none), which are ES2020 syntax; every other construct is lowered to ES2017.
    acorn.parse(scripts[1], { ecmaVersion: 2020, sourceType: 'script' });
    expect(scripts[1]).toContain('页面未加载完整');
    expect(scripts[1]).not.toMatch(/For license information please see/);
    expect(scripts[1]).toContain('@license React');
    expect(fs.readdirSync(path.join(root, 'dist')).filter((f) => f.startsWith('single-file-'))).toEqual([]);
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)![1];
    const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
    expect(csp).toContain(`script-src ${hashes.join(' ')};`);
    expect(csp).toMatch(/(^|; )default-src 'none'(;|$)/);
    expect(csp).toMatch(/(^|; )connect-src 'none'(;|$)/);
    expect(csp).not.toMatch(/'self'|unsafe-eval|https?:/);
  });
});
