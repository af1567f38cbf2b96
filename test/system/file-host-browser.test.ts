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
import type { Browser } from 'playwright-core';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { FileHost } from '../../src/hosts/file/host';
import { bundleForBrowser } from '../support/browser/bundle';
import { launchChromium, packageParts } from '../support/browser/chromium';
import { describeError } from '../../src/i18n/errors';
import { assessErrorOf } from '../support/assess-error';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..');
const NOW = '2026-01-15T08:30:00+08:00';
const AS_OF = '2026-01-15';

let dir: string;
let browser: Browser;

const parts = packageParts;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-browser-host-'));
  await bundleForBrowser(path.join(ROOT, 'test/support/browser/file-host-entry.ts'), dir, 'file-host.js');
  browser = await launchChromium();
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
  expect(result).toMatch(/^AssessError: sample\.xlsx: not an Excel workbook \(\.xlsx\), or the file is damaged/);
  // the same words as Node gives for the same bytes
  const inNode = await assessErrorOf(assessWorkbook(new FileHost(new Uint8Array(input), 'sample.xlsx'), { now: () => new Date(NOW), asOf: AS_OF }));
  expect(result).toBe(`AssessError: ${describeError(inNode, 'en-US')}`);
});
