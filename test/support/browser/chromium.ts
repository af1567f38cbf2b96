/**
 * Debian's Chromium for the system tests, as this machine's notes prescribe (never `npx playwright
 * install`): playwright-core with the system binary and the flags a closed network needs; a static file
 * server for dist/; and the parts of a package as an independent zip reader (JSZip) sees them.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import JSZip from 'jszip';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, LaunchOptions, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(opts: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, ...opts, args: [...CHROMIUM_ARGS, ...(opts.args ?? [])] });
}

/** A persistent context (a fresh user-data-dir given by the caller). */
export function launchChromiumContext(profile: string, opts: Parameters<typeof chromium.launchPersistentContext>[1] = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, ...opts, args: [...CHROMIUM_ARGS, ...(opts?.args ?? [])] });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serve a folder's files on 127.0.0.1 (a free port); nothing outside it. */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Newest modification time under a folder (to rebuild a stale dist/). */
export function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Every part of a package, inflated, by name (JSZip: a reader independent of the file host's). */
export async function packageParts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

/**
 * A whole-page screenshot into `dir` (the viewport grown to the page, so sticky parts stay at the end);
 * copied into `readmeDir` under `readme` too when both are given (PGA_README_IMAGES refreshes docs/images).
 */
export async function screenshot(page: Page, file: string, readme?: { dir: string | null; name?: string }): Promise<void> {
  const vp = page.viewportSize()!;
  const height = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
  await page.setViewportSize({ width: vp.width, height: Math.max(vp.height, height) });
  await page.screenshot({ path: file });
  await page.setViewportSize(vp);
  if (readme?.dir && readme.name) fs.copyFileSync(file, path.join(readme.dir, readme.name));
}

/**
 * axe-core over the page: no violation of any impact. Evaluated through the DevTools protocol (not a
 * <script>), so the page's CSP stays as deployed. Fluent's focus manager (tabster) puts aria-hidden,
 * focusable <i data-tabster-dummy> sentinels at the edges of focus groups to redirect focus; they are never
 * announced nor visible, so they are left out — everything else is scanned.
 */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; targets: string[]; why: string[] }[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<Result> } }).axe;
    const r = await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
      why: v.nodes.map((n) => n.failureSummary ?? '').slice(0, 1),
    }));
  });
}

/** Build dist/ when it lacks `html` or its `bundle` is older than src/ (never for an explicit PANE_DIST). */
export function buildDistIfStale(root: string, dist: string, html: string, bundle: string): void {
  const js = path.join(dist, bundle);
  const stale = !process.env.PANE_DIST && fs.existsSync(js) && fs.statSync(js).mtimeMs < newest(path.join(root, 'src'));
  if (!fs.existsSync(path.join(dist, html)) || stale) execSync('npm run build', { cwd: root, stdio: 'inherit' });
}

/** Serve dist/ on 127.0.0.1 and launch Chromium (a fresh temporary profile): the base URL, and close() for afterAll. */
export async function openSite(dist: string): Promise<{ base: string; browser: Browser; close: () => Promise<void> }> {
  const server = await serve(dist);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(() => r(null)));
    },
  };
}
