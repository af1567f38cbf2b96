/** Catalogue: what the Excel add-in (Office.js host, ribbon command, failure dialog) says. Chinese first. */
import type { Msg } from './index';

export const OFFICE_ERR = {
  unsupportedVersion: {
    zh: '此版本的 Excel 不支持本加载项（需要 ExcelApi 1.7：Excel 2019、Microsoft 365 或网页版 Excel）。请升级 Excel，或使用命令行工具 assess 处理 .xlsx 文件。',
    en: 'This version of Excel cannot run the add-in (it needs ExcelApi 1.7: Excel 2019, Microsoft 365 or Excel on the web). Update Excel, or use the `assess` command-line tool on the .xlsx file.',
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
    zh: '有单元格正在编辑中。请按 Enter 或 Esc 结束编辑后再点“考评”。工作簿未作任何更改。',
    en: 'A cell is being edited. Press Enter or Esc to finish editing, then click Assess again. Nothing was changed.',
  },
  payloadTooLarge: {
    zh: '数据量超出 Excel 单次传输上限（网页版 Excel 每次请求约 5 MB）。请在桌面版 Excel 中考评，或使用命令行工具 assess。',
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
  hostFailed: {
    zh: 'Excel 未能完成操作：{detail}',
    en: 'Excel could not complete the operation: {detail}',
  },
} satisfies Record<string, Msg>;

export const COMMAND_MSG = {
  dialogTitle: { zh: '党小组考评助手', en: 'Party Group Assessment' },
  failed: { zh: '考评未完成', en: 'The assessment did not finish' },
  close: { zh: '关闭', en: 'Close' },
  unexpected: { zh: '发生意外错误：{detail}', en: 'An unexpected error occurred: {detail}' },
} satisfies Record<string, Msg>;
