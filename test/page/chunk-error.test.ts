/**
 * A part of the page that could not be fetched (issue 18: the network went before the chunk came) is told
 * in plain words, in the page's language — never the runtime's "Loading chunk 268 failed. (error: http://…)".
 * The errors are shaped as webpack's JSONP chunk loader makes them (webpack/lib/web/JsonpChunkLoadingRuntimeModule.js:
 * name "ChunkLoadError", message "Loading chunk <id> failed.\n(<type>: <src>)") and as browsers reject a native import().
 */
import { describeError, oneLine } from '../../src/i18n/errors';

function chunkLoadError(): Error {
  const e = new Error('Loading chunk 268 failed.\n(error: http://127.0.0.1:3000/268.0b1e2c3d.js)');
  e.name = 'ChunkLoadError';
  return e;
}

test.each([
  ['webpack ChunkLoadError', chunkLoadError()],
  ['a message only', { message: 'Loading chunk 5 failed.\n(missing: https://example.org/page-rollup.4f862ad5.js)' }],
  ['Chromium import()', new TypeError('Failed to fetch dynamically imported module: https://example.org/a.js')],
  ['Firefox import()', new TypeError('error loading dynamically imported module: https://example.org/a.js')],
  ['Safari import()', new TypeError('Importing a module script failed.')],
])('%s: reconnect and reload, in both languages', (_, error) => {
  expect(oneLine(describeError(error, 'zh-CN'))).toBe('页面未加载完整，请联网刷新后再试。');
  expect(oneLine(describeError(error, 'en-US'))).toBe('The page did not finish loading: reconnect to the network, reload the page and try again.');
});

test('any other failure keeps its own words', () => {
  expect(describeError(new Error('Failed to fetch'), 'zh-CN')).toBe('Failed to fetch');
});
