/**
 * Catalogue: the workbook page (workbook.html) — assess a workbook file in a browser without the add-in,
 * and the 党委's roll-up of many branches' workbooks (汇总多个党支部). Chinese first, English second. The
 * pane inside the page speaks from ./pane; the roll-up's sheet words come from ./rollup.
 */
import type { Msg } from './index';
import { errorCodes } from './errors';
import { CANCEL } from './cancel';

export const PAGE = {
  title: { zh: '党小组考评助手 · 考评网页', en: 'Party Group Assessment · Workbook page' },
  intro: {
    zh: '不用加载项，在浏览器中考评工作簿文件：打开工作簿，点“考评”，下载考评后的工作簿。适用于WPS、不能加载加载项的Excel（如Excel 2016/2019批量许可版）和禁用了加载项的电脑。',
    en: 'Assess a workbook file in your browser, without the add-in: open the workbook, click Assess, download the assessed workbook. For WPS, for Excel that cannot load add-ins (such as Excel 2016/2019 volume license), and where add-ins are blocked.',
  },
  privacyTitle: { zh: '文件不会离开这台电脑', en: 'Your files stay on this computer' },
  privacy: {
    zh: '工作簿只在本机的浏览器中读取和考评，不上传到任何服务器。本页面不连接其他网站，也不需要Office；打开后可断网使用。',
    en: 'Workbooks are read and assessed in this browser only and are never uploaded. The page contacts no other site and needs no Office. Once open, it works without the network.',
  },
  /** The language switch shows the other language's name, in that language. */
  switchLanguage: { zh: 'English', en: '中文' },
  switchLanguageLang: { zh: 'en', en: 'zh-CN' },
  switchLanguageTitle: { zh: 'Switch to English', en: '切换为中文' },

  // One workbook
  oneTitle: { zh: '考评一个工作簿', en: 'Assess a workbook' },
  open: { zh: '打开工作簿', en: 'Open a workbook' },
  dropOne: { zh: '或把工作簿文件（.xlsx、.xlsm）拖到本页面', en: 'or drop a workbook file (.xlsx, .xlsm) on this page' },
  opening: { zh: '正在打开“{file}”…', en: 'Opening “{file}”…' },
  cannotOpen: { zh: '无法打开“{file}”', en: 'Cannot open “{file}”' },
  /** The title when the reason itself names the file (it is named once). */
  cannotOpenFile: { zh: '无法打开这个文件', en: 'Cannot open this file' },
  cannotOpenNote: { zh: '没有生成任何文件，原文件未作任何修改。', en: 'Nothing was produced, and the file itself was not changed.' },
  workbook: { zh: '工作簿：{file}', en: 'Workbook: {file}' },
  paneLabel: { zh: '考评面板', en: 'Assessment Pane' },
  download: { zh: '下载考评后的工作簿', en: 'Download the assessed workbook' },
  downloadChanged: { zh: '下载修改后的工作簿', en: 'Download the changed workbook' },
  downloadAs: {
    zh: '将保存为“{file}”：原文件不变，请把下载的工作簿报送党委或发给支委会。',
    en: 'It will be saved as “{file}”: the original file stays as it was; send the downloaded workbook on.',
  },
  notYet: {
    zh: '点“考评”后可以下载考评后的工作簿，将保存为“{file}”。',
    en: 'Click Assess, then download the assessed workbook; it will be saved as “{file}”.',
  },
  /** The steps of one workbook, read downwards (marks only: the buttons beside them say what each does). */
  stepOpen: { zh: '①', en: '①' },
  stepAssess: { zh: '②', en: '②' },
  stepDownload: { zh: '③', en: '③' },
  openAnother: { zh: '打开其他工作簿', en: 'Open another workbook' },
  /** While 考评 runs (in the page's worker): stops it at once. */
  // 取消: the same words as the task pane's button.
  ...CANCEL,
  notWorkbook: {
    zh: '“{file}”不是.xlsx或.xlsm工作簿：请在Excel或WPS中另存为“Excel工作簿(*.xlsx)”后再打开',
    en: '“{file}” is not an .xlsx or .xlsm workbook: save it in Excel or WPS as “Excel Workbook (*.xlsx)” and open it again',
  },

  // The roll-up
  rollupTitle: { zh: '汇总多个党支部', en: 'Roll up Party branches' },
  rollupButton: { zh: '汇总多个党支部', en: 'Roll up Party branches' },
  rollupShort: {
    zh: '党委：选择各党支部报送的多个工作簿，得到一个汇总工作簿。',
    en: 'For the Party committee: choose the workbooks the Party branches sent in and get one summary workbook.',
  },
  rollupIntro: {
    zh: '选择各党支部报送的多个工作簿，或存放这些工作簿的文件夹（也可以拖到本页面）。每个工作簿都按它自己的考评细则和考评规则重新考评，报送的文件不作任何修改；读不了的文件列在“报送情况”中，不影响其他文件。',
    en: 'Choose the workbooks the Party branches sent in, or the folder that holds them (or drop them on this page). Every workbook is assessed afresh with its own rubric and rules and is never changed; a file that cannot be read is listed under Submissions and does not stop the others.',
  },
  pickFiles: { zh: '选择工作簿', en: 'Choose workbooks' },
  pickFolder: { zh: '选择文件夹', en: 'Choose a folder' },
  dropMany: { zh: '或把多个工作簿（或文件夹）拖到本页面', en: 'or drop several workbooks (or a folder) on this page' },
  rollupRunning: { zh: '正在汇总：已读取{done}个文件，共{total}个', en: 'Rolling up: {done} of {total} files read' },
  rollupDone: { zh: '汇总完成', en: 'Roll-up done' },
  rollupNone: { zh: '没有生成汇总工作簿', en: 'No summary workbook was made' },
  rollupNoFiles: {
    zh: '所选内容中没有工作簿（.xlsx、.xlsm）：请检查文件夹或文件',
    en: 'No workbooks (.xlsx, .xlsm) among what was chosen: check the folder or the files',
  },
  asOf: { zh: '整改状态截至{date}（今天）。', en: 'Rectification statuses as of {date} (today).' },
  downloadRollup: { zh: '下载汇总工作簿', en: 'Download the summary workbook' },
  rollupFile: { zh: '汇总.xlsx', en: 'Summary.xlsx' },
  rollupAgain: { zh: '重新选择', en: 'Choose again' },
  back: { zh: '← 返回', en: '← Back' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  tableLabel: { zh: '报送情况：每个文件一行', en: 'Submissions: one row per file' },

  // Footer
  help: { zh: '使用帮助', en: 'Help' },
  footer: {
    zh: '考评规则与Excel加载项相同。',
    en: 'The same rules as the Excel add-in.',
  },
} satisfies Record<string, Msg>;

export const PAGE_CODES = errorCodes('page', { notWorkbook: PAGE.notWorkbook, cancelled: PAGE.cancelled });

