/**
 * zod without generated code in a browser — a page or a worker: every module of src/ that imports zod imports
 * this module first (test/lint/zod.test.ts keeps it so), and zod is configured `jitless` before any schema is built.
 *
 * Why: building a `z.object` asks once per realm whether `new Function` is allowed (zod's `allowsEval`,
 * a caught `new Function("")`). None of our pages allows it — the single file's, the workbook page's and the
 * pane's Content-Security-Policy name no 'unsafe-eval' — so the probe always fails, and the browser still
 * reports it as a CSP violation: Chromium fires `securitypolicyviolation` (script-src, eval) in the page, and
 * Firefox logs "The page's settings blocked a JavaScript eval" as an error, once for the page and once for each
 * engine worker (seen in Firefox ESR 153 with dist/考评助手.html, test/system/single-file-firefox.test.ts).
 * Under `jitless` zod skips the probe (its util.ts: "strict CSPs report the caught `new Function` as a
 * `securitypolicyviolation` even though the throw is swallowed") and parses without generated code, which is
 * what it did anyway wherever eval is refused. Node is left as it is: no CSP there, and zod's setting is one
 * per process (globalThis.__zod_globalConfig), so a program that imports this library keeps its own zod's
 * generated parsers.
 *
 * How: zod keeps its settings in one object on the global, `__zod_globalConfig` (zod/v4/core/core.js:
 * `globalThis.__zod_globalConfig ?? (… = {})`, shared by every copy of zod), creating it only when absent and
 * reading `jitless` when a schema is first built; this module sets it there without importing zod, so it works
 * whether zod is evaluated before it or after. Not through zod's `config` (or `z.config`), and not by
 * re-exporting `z` from a module of ours: either made webpack keep all of zod, its locales too (+250 KB in
 * each bundle), where `import { z } from 'zod'` in each schema module lets it keep only what is used.
 */
// `self` is the global of a window (the pages, the pane) and of a worker (the engine's); Node has none.
// Declared here as the command-line build (tsconfig.cli.json) has no DOM library; `declare` emits nothing.
declare const self: { __zod_globalConfig?: { jitless?: boolean } } | undefined;

if (typeof self !== 'undefined') {
  const global = self;
  global.__zod_globalConfig = global.__zod_globalConfig || {};
  global.__zod_globalConfig.jitless = true;
}

export {};
