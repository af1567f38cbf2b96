/** Catalogue: what the WPS add-in (ribbon command, its progress and result dialog, the pane's host) says. Chinese first. */
import type { Msg } from './index';
import { errorCodes } from './errors';

export const WPS_MSG = {
  dialogTitle: { zh: '党小组考评助手', en: 'Party Group Assessment' },
  running: { zh: '正在考评：{stage}……', en: 'Assessing: {stage}…' },
  starting: { zh: '正在考评……', en: 'Assessing…' },
  doneTitle: { zh: '考评完成', en: 'Assessment finished' },
  done: {
    zh: '考评结果已写入工作簿（{sheets}）。',
    en: 'The results were written to the workbook ({sheets}).',
  },
  listSep: { zh: '、', en: ', ' },
  failedTitle: { zh: '考评未完成', en: 'The assessment did not finish' },
  busy: {
    zh: '本工作簿正在考评中（在考评面板中或由功能区的“考评”按钮启动）。请等它完成后再试；工作簿未作任何更改。',
    en: 'This workbook is already being assessed (in the Assessment Pane or from the Assess button on the ribbon). Wait until it finishes, then try again; nothing was changed.',
  },
  noWorkbook: {
    zh: '没有打开的工作簿。请先打开要考评的工作簿，再点“考评”。',
    en: 'No workbook is open. Open the workbook to assess, then click Assess.',
  },
  close: { zh: '关闭', en: 'Close' },
  waiting: { zh: '正在等待考评开始……', en: 'Waiting for the assessment to start…' },
} satisfies Record<string, Msg>;

export const WPS_CODES = errorCodes('wps', { busy: WPS_MSG.busy });

/** The publish page (publish.html): registers the add-in with the WPS on this computer. */
export const PUBLISH_MSG = {
  working: { zh: '正在连接本机的WPS……', en: 'Contacting WPS on this computer…' },
  installed: {
    zh: '已安装“党小组考评助手”。请完全退出并重新打开WPS表格，在“党小组考评助手”选项卡中使用。',
    en: 'Party Group Assessment is installed. Quit WPS Spreadsheets completely and open it again: the add-in is on the 党小组考评助手 tab.',
  },
  removed: {
    zh: '已卸载“党小组考评助手”。重新打开WPS表格后生效。',
    en: 'Party Group Assessment is removed. It is gone once WPS Spreadsheets is opened again.',
  },
  failed: {
    zh: 'WPS没有完成操作：{detail}。请确认这台电脑已安装WPS Office（2019或更新的版本），浏览器询问时允许打开WPS，然后再试。',
    en: 'WPS did not complete it: {detail}. Check that WPS Office (2019 or later) is installed on this computer, allow the browser to open WPS when it asks, and try again.',
  },
  noSdk: {
    zh: '本页缺少wpsjsrpcsdk.js，无法连接WPS。请联系提供本页的管理员。',
    en: 'This page lacks wpsjsrpcsdk.js and cannot contact WPS. Contact the administrator who provided this page.',
  },
} satisfies Record<string, Msg>;
