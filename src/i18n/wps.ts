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
