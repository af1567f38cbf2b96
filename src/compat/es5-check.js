/*
 * 党小组考评助手 · Party Group Assessment — the first script of every page (task pane, ribbon function
 * file, dialog, workbook page). Plain ES5 on purpose: it must run where the bundles cannot even be parsed.
 *
 * Excel 2019 volume-licensed (and other builds without EdgeHTML or WebView2) shows add-ins in Internet
 * Explorer 11, which cannot run React 18 or Fluent UI v9. There this script:
 *   - on the task pane: replaces the page with what to do instead, in the user's language — the first
 *     choice being the workbook page (workbook.html, on the same site), which needs no add-in;
 *   - on the function file: registers the ribbon's runAssessment, which shows that message in a dialog
 *     and calls event.completed() (when the dialog is closed, or after 4.5 minutes at the latest);
 *   - on the dialog: shows the message it was given.
 * In the WPS add-in's pages (<html data-pga-host="wps">, dist/wps/), whose webview is WPS's own Chromium, an
 * engine older than the bundles' ES2017 gets the same kind of message: on index.html the ribbon's callbacks
 * (the global `ribbon` of ribbon.xml) still load, and 考评 and 考评面板 say what to do instead in an alert;
 * on the pane and the dialog the page says it.
 * Everywhere else it does nothing. Checked as ES5 by test/office/compat.test.ts and test/wps/ribbon.test.ts.
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

  // The workbook page beside this page (the same static site): it assesses the workbook file in a browser.
  var PAGE_URL = w.location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '') + 'workbook.html';
  var TITLE = zh ? '此版本的 Excel 无法运行考评面板' : 'This version of Excel cannot run the Assessment Pane';
  var TEXT = zh
    ? '这台电脑上的 Excel 用 Internet Explorer 11 显示加载项（例如 Excel 2019 批量许可版），而本加载项需要更新的浏览器内核。您可以：\n' +
      '1. 保存并关闭工作簿，在 Edge 或 Chrome 浏览器中打开考评网页（不需要加载项）：' + PAGE_URL + '，打开这个工作簿文件考评，下载考评后的工作簿；\n' +
      '2. 升级到 Microsoft 365 或 Excel 2021/2024；\n' +
      '3. 在网页版 Excel 中打开这个工作簿，使用本加载项；\n' +
      '4. 使用命令行工具 assess 考评这个 .xlsx 文件（结果写入文件副本，任何 Excel 都能打开）。\n' +
      '工作簿未作任何更改。'
    : 'Excel on this computer shows add-ins in Internet Explorer 11 (for example Excel 2019 volume-licensed), and this add-in needs a newer browser engine. You can:\n' +
      '1. save and close the workbook, open the workbook page (no add-in needed) in Edge or Chrome: ' + PAGE_URL + ', open this workbook file there, assess it and download the assessed workbook;\n' +
      '2. update to Microsoft 365 or Excel 2021/2024;\n' +
      '3. open this workbook in Excel on the web and use the add-in there;\n' +
      '4. assess the .xlsx file with the `assess` command-line tool (it writes an assessed copy any Excel opens).\n' +
      'Nothing was changed in the workbook.';
  var CLOSE = zh ? '关闭' : 'Close';
  // The workbook page itself in Internet Explorer (or the IE mode of 360/QQ browsers).
  var PAGE_TITLE = zh ? '此浏览器无法运行考评网页' : 'This browser cannot run the workbook page';
  var PAGE_TEXT = zh
    ? '考评网页需要较新的浏览器内核（Chromium）。请用 Microsoft Edge 或 Chrome 打开本页面；360 安全浏览器、QQ 浏览器等请切换到“极速模式”（地址栏右侧的闪电或 e 图标）。\n' +
      '本页面不上传任何文件。'
    : 'The workbook page needs a current browser engine (Chromium). Open this page in Microsoft Edge or Chrome; in 360 or QQ Browser, switch to the fast (Chromium) mode with the icon at the right of the address bar.\n' +
      'This page uploads no file.';

  function text(el, s) {
    if ('textContent' in el) el.textContent = s;
    else el.innerText = s;
  }

  function page() {
    return (w.location.pathname.match(/[^/]*$/) || [''])[0].toLowerCase();
  }

  function showInPage(title, body, link) {
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
    if (link) {
      var a = doc.createElement('a');
      a.href = link.href;
      a.target = '_blank';
      a.rel = 'noopener';
      a.style.fontSize = '14px';
      text(a, link.text);
      main.appendChild(a);
    }
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

  var wpsHost = w.document.documentElement && w.document.documentElement.getAttribute('data-pga-host') === 'wps';
  if (wpsHost) {
    var wzh = !/^en/i.test(w.navigator.language || '');
    // dist/wps/ sits beside the workbook page on a web site; an add-in unpacked from the offline package has none.
    var web = /^https?:/i.test(w.location.protocol);
    var WPS_PAGE = w.location.href.replace(/[?#].*$/, '').replace(/[^/]*\/[^/]*$/, '') + 'workbook.html';
    var WPS_TITLE = wzh ? '此版本的 WPS 无法运行考评助手' : 'This version of WPS cannot run Party Group Assessment';
    var WPS_TEXT = wzh
      ? '这台电脑上的 WPS 用较旧的浏览器内核（早于 Chromium 58）显示加载项，考评助手无法在其中运行。您可以：\n' +
        '1. 把 WPS Office 升级到最新版本；\n' +
        '2. 保存并关闭工作簿，在 Edge 或 Chrome 浏览器中打开考评网页（不需要加载项）' + (web ? '：' + WPS_PAGE : '，网址请向管理员索取') + '，考评这个工作簿文件，下载考评后的工作簿；\n' +
        '3. 使用命令行工具 assess 考评这个 .xlsx 文件。\n' +
        '工作簿未作任何更改。'
      : 'WPS on this computer shows add-ins in an older browser engine (before Chromium 58), which cannot run Party Group Assessment. You can:\n' +
        '1. update WPS Office to its latest version;\n' +
        '2. save and close the workbook, open the workbook page (no add-in needed) in Edge or Chrome' + (web ? ': ' + WPS_PAGE : ' (ask your administrator for its address)') + ', assess this workbook file there and download the assessed workbook;\n' +
        '3. assess the .xlsx file with the `assess` command-line tool.\n' +
        'Nothing was changed in the workbook.';
    if (page() === 'index.html' || page() === '') {
      w.ribbon = {
        OnAddinLoad: function () {
          return true;
        },
        OnAction: function () {
          w.alert(WPS_TITLE + '\n\n' + WPS_TEXT);
          return true;
        },
        GetImage: function () {
          return 'assets/icon-32.png';
        },
        OnGetEnabled: function () {
          return true;
        }
      };
    } else {
      whenLoaded(function () {
        showInPage(WPS_TITLE, WPS_TEXT, web ? { href: WPS_PAGE, text: wzh ? '打开考评网页' : 'Open the workbook page' } : null);
      });
    }
    return;
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
  } else if (name === 'workbook.html') {
    // No office.js on this page: nothing to wait for.
    whenLoaded(function () {
      showInPage(PAGE_TITLE, PAGE_TEXT);
    });
  } else {
    var pane = function () {
      showInPage(TITLE, TEXT, { href: PAGE_URL, text: zh ? '打开考评网页' : 'Open the workbook page' });
    };
    whenLoaded(pane);
    onReady(function () {});
  }
})();
