/** Catalogue: what the Excel add-in (Office.js host, ribbon command, failure dialog) says. Chinese first. */
import type { Msg } from './index';
import { errorCodes } from './errors';


export const OFFICE_ERR = {
  unsupportedVersion: {
    zh: '此版本的Excel不支持本加载项（需要ExcelApi 1.7及更高版本：Microsoft 365、Excel 2021/2024或网页版Excel）。请升级Excel；或在Edge、Chrome浏览器中打开本加载项网站上的考评网页workbook.html，考评这个工作簿文件后下载考评后的工作簿（不需要加载项）；或使用命令行工具 assess 处理.xlsx文件。',
    en: 'This version of Excel cannot run the add-in (it needs ExcelApi 1.7 or later: Microsoft 365, Excel 2021/2024 or Excel on the web). Update Excel; or open the workbook page, workbook.html on the add-in’s site, in Edge or Chrome, assess the workbook file there and download the assessed workbook (no add-in needed); or use the `assess` command-line tool on the .xlsx file.',
  },
  protectedWorkbook: {
    zh: '工作簿结构受保护，无法添加或替换考评结果工作表。请在“审阅 → 保护工作簿”中取消保护后再考评。工作簿未作任何更改。',
    en: 'The workbook structure is protected, so the result sheets cannot be added or replaced. Unprotect it (Review → Protect Workbook) and assess again. Nothing was changed.',
  },
  protectedSheet: {
    zh: '工作表“{sheet}”受保护，无法重写。请在“审阅 → 撤消工作表保护”后再考评。工作簿未作任何更改。',
    en: 'Sheet "{sheet}" is protected and cannot be rewritten. Unprotect it (Review → Unprotect Sheet) and assess again. Nothing was changed.',
  },
  cellEditMode: {
    zh: '有单元格正在编辑中。请按Enter或Esc结束编辑后再点“考评”。工作簿未作任何更改。',
    en: 'A cell is being edited. Press Enter or Esc to finish editing, then click Assess again. Nothing was changed.',
  },
  payloadTooLarge: {
    zh: '数据量超出Excel单次传输上限（网页版Excel每次请求约5 MB）。请在桌面版Excel中考评，或使用命令行工具 assess。',
    en: 'The data exceeds what Excel accepts in one request (about 5 MB per request in Excel on the web). Assess in desktop Excel, or use the `assess` command-line tool.',
  },
  foreignSheet: {
    zh: '工作表“{sheet}”不是本加载项创建的，拒绝改写或删除它。工作簿未作任何更改。',
    en: 'Sheet "{sheet}" was not created by this add-in; it will not be overwritten or deleted. Nothing was changed.',
  },
  sheetExists: {
    zh: '工作表“{sheet}”已存在，未插入模板。若要重新插入，请先将其改名或删除。',
    en: 'Sheet "{sheet}" already exists, so the template was not inserted. Rename or delete it first to insert it again.',
  },
  notFound: {
    zh: '找不到“{where}”，它可能已被改名或删除。请重新考评。',
    en: '"{where}" was not found; it may have been renamed or deleted. Assess again.',
  },
  otherWorkbook: {
    zh: 'Excel拒绝在本工作簿中添加工作表（同时打开多个工作簿时，旧版Excel会这样报错）。请切换到本工作簿的窗口，或先关闭其他工作簿，再点“考评”。再次考评会补全上次未完成的写入。',
    en: 'Excel refused to add a sheet to this workbook (older Excel builds do this when several workbooks are open). Switch to this workbook’s window, or close the other workbooks, then click Assess again; the new run completes the interrupted one.',
  },
  writeInterrupted: {
    zh: '写入考评结果时中断：{detail}。请再点一次“考评”，会自动补全并清理上次未完成的写入；您录入的数据未被改动。',
    en: 'Writing the results was interrupted: {detail}. Click Assess again: the new run completes and cleans up the interrupted one. Your own data was not changed.',
  },
  valuesMissing: {
    zh: 'Excel没有返回工作表“{sheet}”第{row}行的值。请关闭其他工作簿或重启Excel后再考评。工作簿未作任何更改。',
    en: 'Excel returned no values for row {row} of sheet "{sheet}". Close other workbooks or restart Excel, then assess again. Nothing was changed.',
  },
  busy: {
    zh: '本工作簿正在考评中（在考评面板中、由功能区按钮启动，或由共同编辑本工作簿的其他人启动）。请等它完成后再试；工作簿未作任何更改。',
    en: 'This workbook is already being assessed (in the Assessment Pane, from the ribbon button, or by someone else editing this workbook). Wait until it finishes, then try again; nothing was changed.',
  },
  stopped: {
    zh: '功能区按钮最多只能运行5分钟，时间将到，考评已在可以安全停止的地方停下，结果尚未写完。请打开“考评面板”再点一次“考评”，会补全并清理这次未完成的写入；您录入的数据未被改动。',
    en: 'The ribbon button may run for at most 5 minutes. With time running out, the assessment stopped where it safely could, before the results were fully written. Open the Assessment Pane and click Assess again: it completes and cleans up this run’s writing. Your own data was not changed.',
  },
  hostFailed: {
    zh: 'Excel未能完成操作：{detail}',
    en: 'Excel could not complete the operation: {detail}',
  },
} satisfies Record<string, Msg>;

export const OFFICE_CODES = errorCodes('office', OFFICE_ERR);

export const COMMAND_MSG = {
  dialogTitle: { zh: '党小组考评助手', en: 'Party Group Assessment' },
  failed: { zh: '考评未完成', en: 'The assessment did not finish' },
  useThePane: {
    zh: '这个工作簿的各工作表共有{rows}行，功能区按钮最多只能运行5分钟，可能来不及写完结果。请在“开始”选项卡点击“考评面板”，在面板中点击“考评”（面板没有时间限制，并显示进度）。',
    en: 'This workbook’s sheets have {rows} rows. The ribbon button may run for at most 5 minutes, which may not be enough to write the results. Open the Assessment Pane (Home tab) and click Assess there: the pane has no time limit and shows progress.',
  },
  current: {
    zh: '工作簿自上次考评以来没有变化，结果已是最新，未重新写入。',
    en: 'Nothing has changed since the last assessment: the results are up to date, so nothing was rewritten.',
  },
  close: { zh: '关闭', en: 'Close' },
  unexpected: { zh: '发生意外错误：{detail}', en: 'An unexpected error occurred: {detail}' },
} satisfies Record<string, Msg>;

export const COMMAND_CODES = errorCodes('command', { useThePane: COMMAND_MSG.useThePane, current: COMMAND_MSG.current });

/** What a run inside Excel could not do as asked, said with the run's notes (the pane's notice, the file tool's summary). */
export const OFFICE_NOTE = {
  noPrintSetup: {
    zh: '此版本的Excel不能设置打印格式（需要ExcelApi 1.9及更高版本：Microsoft 365、Excel 2021/2024或网页版Excel）。考评结果已写入，但正式表格没有设置A4纸张、纸张方向、缩放为一页宽、页脚页码和打印标题：打印前请在“页面布局”中设置；或在考评网页、命令行工具 assess 中考评，它们会设置打印格式。',
    en: 'This version of Excel cannot set up printing (it needs ExcelApi 1.9 or later: Microsoft 365, Excel 2021/2024 or Excel on the web). The results were written, but the official tables have no A4 paper, orientation, one-page-wide scaling, page-number footer or print titles: set them in Page Layout before printing; or assess on the workbook page or with the `assess` command-line tool, which set them up.',
  },
} satisfies Record<string, Msg>;
