/*
 * 党小组考评助手 · Party Group Assessment — the first script of every page (task pane, ribbon function
 * file, dialog). Plain ES5 on purpose: it must run where the add-in's bundles cannot even be parsed.
 *
 * Excel 2019 volume-licensed (and other builds without EdgeHTML or WebView2) shows add-ins in Internet
 * Explorer 11, which cannot run React 18 or Fluent UI v9. There this script:
 *   - on the task pane: replaces the page with what to do instead, in the user's language;
 *   - on the function file: registers the ribbon's runAssessment, which shows that message in a dialog
 *     and calls event.completed() (when the dialog is closed, or after 4.5 minutes at the latest);
 *   - on the dialog: shows the message it was given.
 * Everywhere else it does nothing. Checked as ES5 by test/office/compat.test.ts.
 */
(function () {
  'use strict';
  var w = window;
  var modern = !!(w.Promise && w.Symbol && Object.entries && String.prototype.padStart && Array.prototype.includes);
  if (modern) return;
  w.__pgaTooOld = true;

  var hostInfo = /[?&#]_host_Info=([^&]*)/i.exec(w.location.search + w.location.hash);
  var locale = '';
  if (hostInfo) {
    var parts = decodeURIComponent(hostInfo[1]).split(/[$|]/);
    locale = parts[3] || '';
  }
  if (!locale) locale = w.navigator.userLanguage || w.navigator.language || 'zh-CN';
  var zh = /^zh/i.test(locale);

  var TITLE = zh ? '此版本的 Excel 无法运行考评面板' : 'This version of Excel cannot run the Assessment Pane';
  var TEXT = zh
    ? '这台电脑上的 Excel 用 Internet Explorer 11 显示加载项（例如 Excel 2019 批量许可版），而本加载项需要更新的浏览器内核。您可以：\n' +
      '1. 升级到 Microsoft 365 或 Excel 2021/2024；\n' +
      '2. 在网页版 Excel 中打开这个工作簿，使用本加载项；\n' +
      '3. 使用命令行工具 assess 考评这个 .xlsx 文件（结果写入文件副本，任何 Excel 都能打开）。\n' +
      '工作簿未作任何更改。'
    : 'Excel on this computer shows add-ins in Internet Explorer 11 (for example Excel 2019 volume-licensed), and this add-in needs a newer browser engine. You can:\n' +
      '1. update to Microsoft 365 or Excel 2021/2024;\n' +
      '2. open this workbook in Excel on the web and use the add-in there;\n' +
      '3. assess the .xlsx file with the `assess` command-line tool (it writes an assessed copy any Excel opens).\n' +
      'Nothing was changed in the workbook.';
  var CLOSE = zh ? '关闭' : 'Close';

  function text(el, s) {
    if ('textContent' in el) el.textContent = s;
    else el.innerText = s;
  }

  function page() {
    return (w.location.pathname.match(/[^/]*$/) || [''])[0].toLowerCase();
  }

  function showInPage(title, body) {
    var doc = w.document;
    var main = doc.createElement('div');
    main.setAttribute('role', 'alert');
    main.style.fontFamily = '"Segoe UI", "Microsoft YaHei", sans-serif';
    main.style.margin = '16px';
    var h = doc.createElement('h1');
    h.style.fontSize = '16px';
    h.style.color = '#c8102e';
    text(h, title);
    var p = doc.createElement('p');
    p.style.fontSize = '14px';
    p.style.whiteSpace = 'pre-wrap';
    text(p, body);
    main.appendChild(h);
    main.appendChild(p);
    var body_ = doc.body;
    while (body_.firstChild) body_.removeChild(body_.firstChild);
    body_.appendChild(main);
  }

  function onReady(f) {
    var O = w.Office;
    if (O && typeof O.onReady === 'function') O.onReady(f);
    else if (O) O.initialize = f;
  }

  function whenLoaded(f) {
    var doc = w.document;
    if (doc.readyState !== 'loading') f();
    else if (doc.addEventListener) doc.addEventListener('DOMContentLoaded', f);
    else {
      doc.attachEvent('onreadystatechange', function () {
        if (doc.readyState !== 'loading') f();
      });
    }
  }

  function query(name) {
    var m = new RegExp('[?&]' + name + '=([^&]*)').exec(w.location.search);
    return m ? decodeURIComponent(m[1].replace(/\+/g, ' ')) : null;
  }

  var name = page();
  if (name === 'commands.html') {
    var runAssessment = function (event) {
      var done = false;
      var complete = function () {
        if (done) return;
        done = true;
        try {
          event.completed();
        } catch (_e) {
          // nothing more to do
        }
      };
      w.setTimeout(complete, 270000); // Office ends a function command after 5 minutes
      try {
        var base = w.location.href.replace(/[^/]*$/, '');
        var url = base + 'dialog.html?title=' + encodeURIComponent(TITLE) + '&msg=' + encodeURIComponent(TEXT) + '&lang=' + (zh ? 'zh-CN' : 'en-US');
        w.Office.context.ui.displayDialogAsync(url, { height: 40, width: 40, displayInIframe: true }, function (result) {
          if (!result || result.status !== 'succeeded') {
            complete();
            return;
          }
          var dialog = result.value;
          dialog.addEventHandler('dialogMessageReceived', function () {
            dialog.close();
            complete();
          });
          dialog.addEventHandler('dialogEventReceived', complete);
        });
      } catch (_e) {
        complete();
      }
    };
    w.runAssessment = runAssessment;
    onReady(function () {
      var O = w.Office;
      if (O && O.actions && typeof O.actions.associate === 'function') O.actions.associate('runAssessment', runAssessment);
    });
  } else if (name === 'dialog.html') {
    var show = function () {
      var doc = w.document;
      var t = doc.getElementById('title');
      var m = doc.getElementById('msg');
      var c = doc.getElementById('close');
      if (t) text(t, query('title') || TITLE);
      if (m) text(m, query('msg') || TEXT);
      if (c) {
        var lang = query('lang');
        text(c, lang === 'zh-CN' ? '关闭' : lang === 'en-US' ? 'Close' : CLOSE);
        c.onclick = function () {
          try {
            w.Office.context.ui.messageParent('close');
          } catch (_e) {
            w.close();
          }
        };
      }
    };
    whenLoaded(show);
    onReady(function () {});
  } else {
    var pane = function () {
      showInPage(TITLE, TEXT);
    };
    whenLoaded(pane);
    onReady(function () {});
  }
})();
