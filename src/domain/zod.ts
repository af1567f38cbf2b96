/**
 * zod, as every schema in src/ uses it: import `z` from here, never from 'zod' (eslint's no-restricted-imports
 * keeps it so). In a browser — a page or a worker — it is configured `jitless` before any schema is built.
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
 */
import { z } from 'zod';

// `self` is the global of a window (the pages, the pane) and of a worker (the engine's); Node has none.
// Declared here as the command-line build (tsconfig.cli.json) has no DOM library; `declare` emits nothing.
declare const self: unknown;
if (typeof self !== 'undefined') z.config({ jitless: true });

export { z };
