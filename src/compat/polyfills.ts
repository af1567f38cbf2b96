/**
 * What the EdgeHTML webview (Edge 18: Office builds without WebView2) lacks and the bundles use — our
 * code avoids these APIs (eslint-plugin-compat, browserslist in package.json), libraries do not (zod
 * reads globalThis and calls Object.fromEntries, Array.prototype.flatMap and String.prototype.trimStart
 * when its modules load). Imported FIRST by every entry, so they exist before any library runs. core-js
 * adds each one only where it is missing; modern webviews are untouched. test/system/edge18-e2e.test.ts
 * runs the bundles in Chromium with these (and more) deleted.
 */
import 'core-js/actual/global-this';
import 'core-js/actual/object/from-entries';
import 'core-js/actual/array/flat';
import 'core-js/actual/array/flat-map';
import 'core-js/actual/string/trim-start';
import 'core-js/actual/string/trim-end';
