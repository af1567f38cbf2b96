/**
 * System test (npm run test:system; Debian's chromium): the file host runs in a browser. The file host and
 * the use case are bundled by webpack for the web (as the workbook page will be) and run in headless
 * Chromium on assets/sample.xlsx; the workbook they write equals, part for part and byte for byte once
 * inflated, what Node writes for the same file at the same time — zip.js, saxes, @xmldom/xmldom and cfb
 * behave alike on both.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import webpack from 'webpack';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { FileHost } from '../../src/hosts/file/host';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..');
const NOW = '2026-01-15T08:30:00+08:00';
const AS_OF = '2026-01-15';

let dir: string;
let browser: Browser;

function bundle(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        target: ['web', 'es2017'],
        entry: path.join(ROOT, 'test/support/browser/file-host-entry.ts'),
        // One script, added inline to the page: no public path, dynamic imports (cfb) in the same bundle.
        output: { path: out, filename: 'file-host.js', publicPath: '' },
        resolve: { extensions: ['.ts', '.js'], fallback: { fs: false, crypto: false, stream: false } },
        module: {
          parser: { javascript: { dynamicImportMode: 'eager' } },
          rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.web.json') } } }],
        },
        optimization: { splitChunks: false },
        performance: { hints: false },
      },
      (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      },
    );
  });
}

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-browser-host-'));
  await bundle(dir);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the sample workbook assessed in Chromium equals the one assessed in Node, part for part', async () => {
  const input = fs.readFileSync(path.join(ROOT, 'assets/sample.xlsx'));
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent('<!doctype html><meta charset="utf-8"><title>file host</title>');
  await page.addScriptTag({ content: fs.readFileSync(path.join(dir, 'file-host.js'), 'utf8') });
  const result = await page.evaluate(([bytes, now, asOf]) => window.pgaAssess(bytes as number[], now as string, asOf as string), [Array.from(input), NOW, AS_OF] as const);
  expect(errors).toEqual([]);
  if (typeof result === 'string') throw new Error(`the browser run failed: ${result}`);

  const host = new FileHost(new Uint8Array(input), 'sample.xlsx');
  await assessWorkbook(host, { now: () => new Date(NOW), asOf: AS_OF });
  const fromBrowser = await parts(new Uint8Array(result));
  const fromNode = await parts(host.bytes());
  expect([...fromBrowser.keys()]).toEqual([...fromNode.keys()]);
  for (const [name, data] of fromNode) expect([name, fromBrowser.get(name)!.equals(data)]).toEqual([name, true]);
  expect(fromBrowser.size).toBeGreaterThan(10);
});

test('in the browser a damaged file is refused with the same message as in Node', async () => {
  const input = fs.readFileSync(path.join(ROOT, 'assets/sample.xlsx')).subarray(0, 2000);
  const page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><title>file host</title>');
  await page.addScriptTag({ content: fs.readFileSync(path.join(dir, 'file-host.js'), 'utf8') });
  const result = await page.evaluate(([bytes, now, asOf]) => window.pgaAssess(bytes as number[], now as string, asOf as string), [Array.from(input), NOW, AS_OF] as const);
  expect(result).toMatch(/^AssessError: not an Excel workbook \(\.xlsx\), or the file is damaged/);
});
