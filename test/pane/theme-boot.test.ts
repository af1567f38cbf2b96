/**
 * The task pane's theme from the first paint: src/ui/theme-boot.js, loaded in taskpane.html's <head>, paints
 * the skeleton in the colours the pane resolved the last Office theme to (src/ui/theme.ts: rememberTheme).
 * Run here in a jsdom window as the browser runs it: a classic script, before the body exists.
 */
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM } from 'jsdom';
import { webDarkTheme } from '@fluentui/react-components';
import { THEME_KEY, rememberTheme } from '../../src/ui/theme';

const BOOT = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'ui', 'theme-boot.js'), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const acorn = require('acorn') as { parse: (src: string, o: object) => unknown };

/** A window whose localStorage holds `stored` under THEME_KEY; the script run as <head> runs it. */
function boot(stored: string | null): Document {
  const dom = new JSDOM('<!doctype html><html lang="zh-CN"><head></head></html>', { url: 'https://addin.example/taskpane.html', runScripts: 'outside-only' });
  if (stored !== null) dom.window.localStorage.setItem(THEME_KEY, stored);
  dom.window.eval(BOOT);
  return dom.window.document;
}

test('parses as ES5: Internet Explorer 11 webviews load taskpane.html too', () => {
  expect(() => acorn.parse(BOOT, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
});

test('a remembered Office theme: the skeleton’s colours are those the pane resolved it to', () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  // Office "Black": Office's own body colours (readable).
  rememberTheme({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', isDarkTheme: true }, storage);
  let doc = boot(store.get(THEME_KEY)!);
  const root = doc.documentElement;
  expect(root.classList.contains('pga-themed')).toBe(true);
  expect(root.style.getPropertyValue('--colorNeutralBackground1')).toBe('#262626');
  expect(root.style.getPropertyValue('--colorNeutralForeground1')).toBe('#FFFFFF');
  expect(root.style.getPropertyValue('--colorNeutralStencil1')).toBe(webDarkTheme.colorNeutralStencil1);
  // A mid-grey Office theme (Dark Gray): Fluent's dark colours, as the pane will use.
  rememberTheme({ bodyBackgroundColor: '#6A6A6A', bodyForegroundColor: '#F0F0F0' }, storage);
  doc = boot(store.get(THEME_KEY)!);
  expect(doc.documentElement.style.getPropertyValue('--colorNeutralBackground1')).toBe(webDarkTheme.colorNeutralBackground1);
  expect(doc.documentElement.style.getPropertyValue('--colorNeutralForeground1')).toBe(webDarkTheme.colorNeutralForeground1);
});

test.each([
  ['nothing remembered', null],
  ['not JSON', '{oops'],
  ['not colours', JSON.stringify({ background: 'red;background:url(https://x.example/)', foreground: '#FFFFFF', stencil: '#575757', dark: true })],
  ['a colour missing', JSON.stringify({ background: '#262626', stencil: '#575757', dark: true })],
])('%s: nothing is changed (the system’s colour scheme)', (_name, stored) => {
  const doc = boot(stored);
  expect(doc.documentElement.className).toBe('');
  expect(doc.documentElement.getAttribute('style')).toBeNull();
});
