/*
 * 党小组考评助手 · Party Group Assessment — the task pane's theme from the first paint. Loaded by
 * taskpane.html in <head>, before the static skeleton is parsed and long before the bundle runs (the CSP
 * forbids inline scripts: this is a same-origin file, copied to dist by webpack.config.js).
 *
 * The pane remembers the last Office theme in this browser (src/ui/theme.ts: rememberTheme, key
 * "pga-office-theme") with the colours it resolved to: Office's body colours when every text colour in
 * use is readable on them, else Fluent's own. Here those colours are put on the root element as Fluent's
 * CSS variables, and the class pga-themed makes pane.css's skeleton rules use them instead of the system's
 * colour scheme. Nothing remembered, or anything unreadable: nothing happens (the system's scheme).
 *
 * Plain ES5 (Internet Explorer 11 webviews parse it too; test/pane/theme-boot.test.ts checks).
 */
(function () {
  'use strict';
  var COLOUR = /^#[0-9a-f]{6}$/i;
  var record;
  try {
    record = JSON.parse(window.localStorage.getItem('pga-office-theme') || 'null');
  } catch (_e) {
    return;
  }
  if (!record || !COLOUR.test(record.background) || !COLOUR.test(record.foreground) || !COLOUR.test(record.stencil)) return;
  var root = document.documentElement;
  var style = root.style;
  style.setProperty('--colorNeutralBackground1', record.background);
  style.setProperty('--colorNeutralForeground1', record.foreground);
  style.setProperty('--colorNeutralStencil1', record.stencil);
  style.setProperty('color-scheme', record.dark ? 'dark' : 'light');
  root.className = (root.className ? root.className + ' ' : '') + 'pga-themed';
})();
