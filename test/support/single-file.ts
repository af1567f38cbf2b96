/**
 * What the single-file page's system tests share (test/system/single-file.test.ts in Chromium,
 * test/system/single-file-firefox.test.ts in Firefox ESR): the build they test, the command-line tool's
 * outputs for assets/sample.xlsx at one fixed instant, the file copied alone into an empty folder, and the
 * part-for-part comparison of a downloaded workbook with the tool's.
 */
import { execSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { buildDistIfStale, packageParts } from './browser/chromium';

const ROOT = path.join(__dirname, '..', '..');
const DIST = process.env.PANE_DIST ? path.resolve(process.env.PANE_DIST) : path.join(ROOT, 'dist');
const CLI = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');
const SAMPLE = path.join(ROOT, 'assets', 'sample.xlsx');
/** test/support/fixed-clock.js: preloaded into the tool's process; its text is the browser's preload too. */
export const FIXED_CLOCK = path.join(ROOT, 'test', 'support', 'fixed-clock.js');

/** The single-file page's name in dist/ (webpack.config.js). */
export const SINGLE = '考评助手.html';
/** The page's time zone and the tool's. */
export const TZ = 'Asia/Shanghai';
/** The sample's open rectification (deadline 2026-03-31) is overdue on this day. */
export const NOW = '2026-05-01T10:00:00+08:00';

/** dist/考评助手.html built (when stale, unless PANE_DIST names a build) and the command-line tool built. */
export function buildSingleFile(): void {
  buildDistIfStale(ROOT, DIST, SINGLE, SINGLE);
  if (!fs.existsSync(CLI)) execSync('npm run build:cli', { cwd: ROOT, stdio: 'inherit' });
}

/** The command-line tool in `cwd`, its clock stopped at NOW, in the page's time zone. */
function cli(args: string[], cwd: string): void {
  const r = spawnSync(process.execPath, ['--require', FIXED_CLOCK, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TZ, PGA_FIXED_NOW: NOW } });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
}

/**
 * The tool's outputs for sample.xlsx at NOW, in a new folder under `work`: `assess sample.xlsx` and
 * `assess rollup sample.xlsx --out 汇总.xlsx`.
 */
export function toolOutputs(work: string): { sample: string; assessed: string; summary: string } {
  const tool = fs.mkdtempSync(path.join(work, 'tool-'));
  fs.copyFileSync(SAMPLE, path.join(tool, 'sample.xlsx'));
  cli(['sample.xlsx'], tool);
  cli(['rollup', 'sample.xlsx', '--out', '汇总.xlsx'], tool);
  return { sample: path.join(tool, 'sample.xlsx'), assessed: path.join(tool, 'sample.assessed.xlsx'), summary: path.join(tool, '汇总.xlsx') };
}

/** The file on its own, as received (e-mail, USB stick): copied alone into a new empty folder; its file:// URL. */
export function singleFileAlone(work: string): string {
  const folder = fs.mkdtempSync(path.join(work, 'usb-'));
  fs.copyFileSync(path.join(DIST, SINGLE), path.join(folder, SINGLE));
  expect(fs.readdirSync(folder)).toEqual([SINGLE]);
  return pathToFileURL(path.join(folder, SINGLE)).href;
}

/** Two packages (files) hold the same parts with the same bytes (names listed, then each part compared). */
export async function expectSameParts(actualFile: string, expectedFile: string): Promise<void> {
  const a = await packageParts(new Uint8Array(fs.readFileSync(actualFile)));
  const e = await packageParts(new Uint8Array(fs.readFileSync(expectedFile)));
  expect([...a.keys()].sort()).toEqual([...e.keys()].sort());
  expect([...e].filter(([name, data]) => !a.get(name)!.equals(data)).map(([name]) => name)).toEqual([]);
}

/**
 * A preload script (Playwright's addInitScript, Puppeteer's evaluateOnNewDocument): every CSP violation in the
 * page, as `directive blockedURI`, into `window.pgaViolations` — reported or not to the console (Chromium
 * reports no refused eval that the code catches; src/domain/zod-jitless.ts). Read them with cspViolations.
 */
export function listenForCspViolations(): void {
  const seen: string[] = [];
  (window as unknown as { pgaViolations: string[] }).pgaViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/** For page.evaluate: the violations listenForCspViolations saw. */
export function cspViolations(): string[] {
  return (window as unknown as { pgaViolations: string[] }).pgaViolations;
}

/** A preload script that stops the page's clock at `iso` (test/support/fixed-clock.js, as the tool's). */
export function fixedClockScript(iso: string): string {
  return `globalThis.PGA_FIXED_NOW = ${JSON.stringify(iso)};\n${fs.readFileSync(FIXED_CLOCK, 'utf8')}`;
}
