/**
 * System test (npm run test:system; Debian's chromium): the roll-up's core runs in a browser, as the
 * workbook page will run it on the files a user picks. src/rollup is bundled by webpack for the web and run
 * in headless Chromium on the folder of branch workbooks (test/support/branches.ts); the summary workbook it
 * writes equals, part for part, what Node writes for the same files, and the JSON report is the same text.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { rollupFiles } from '../../src/rollup';
import { ROLLUP_AS_OF, branchFolder } from '../support/branches';
import { bundleForBrowser } from '../support/browser/bundle';
import { launchChromium, packageParts } from '../support/browser/chromium';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..');
const RUN_AT = '2026-01-15T09:30:00+08:00';

let dir: string;
let browser: Browser;

const parts = packageParts;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pga-browser-rollup-'));
  await bundleForBrowser(path.join(ROOT, 'test/support/browser/rollup-entry.ts'), dir, 'rollup.js');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test.each(['zh-CN', 'en-US'] as const)('%s: the roll-up in Chromium writes the same summary workbook and report as in Node', async (lang) => {
  const folder = await branchFolder();
  const files = [...folder].map(([name, bytes], i) => ({ name, bytes, modified: 1_767_000_000_000 + i * 60_000 }));
  const opts = { lang, asOf: ROLLUP_AS_OF, runAt: RUN_AT };

  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent('<!doctype html><meta charset="utf-8"><title>roll-up</title>');
  await page.addScriptTag({ content: fs.readFileSync(path.join(dir, 'rollup.js'), 'utf8') });
  const result = await page.evaluate(
    ([input, o]) => window.pgaRollup(input as { name: string; bytes: number[]; modified: number | null }[], o as typeof opts),
    [files.map((f) => ({ name: f.name, bytes: Array.from(f.bytes), modified: f.modified })), opts] as const,
  );
  expect(errors).toEqual([]);
  if (typeof result === 'string') throw new Error(`the browser run failed: ${result}`);

  const node = await rollupFiles(files, opts);
  expect(result.report).toBe(JSON.stringify(node.report, null, 2));
  const fromBrowser = await parts(new Uint8Array(result.bytes));
  const fromNode = await parts(node.bytes);
  expect([...fromBrowser.keys()]).toEqual([...fromNode.keys()]);
  for (const [name, data] of fromNode) expect([name, fromBrowser.get(name)!.equals(data)]).toEqual([name, true]);
  // The same files, the same verdicts: five branches, the damaged one and the .xls unreadable.
  expect(node.report.files.map((f) => f.status)).toEqual(['included', 'duplicate', 'included', 'included', 'included', 'unreadable', 'unreadable', 'skipped', 'included']);
});
