/** Catalogue: what the WPS host (src/hosts/wps) says when WPS 表格 refuses or lacks something. Chinese first. */
import type { Msg } from './index';
import { errorCodes } from './errors';

export const WPS_HOST_ERR = {
  noWorkbook: {
    zh: 'WPS表格中没有打开的工作簿。请先打开要考评的工作簿，再点“考评”。',
    en: 'No workbook is open in WPS Spreadsheets. Open the workbook to assess, then click Assess.',
  },
  protectedCell: {
    zh: '工作表“{sheet}”受保护，单元格{cell}已锁定，无法写入。请在“审阅 → 撤消工作表保护”后再试。工作簿未作任何更改。',
    en: 'Sheet "{sheet}" is protected and cell {cell} is locked, so it cannot be written. Unprotect the sheet (Review → Unprotect Sheet) and try again. Nothing was changed.',
  },
  noSheet: {
    zh: '找不到工作表“{sheet}”，它可能已被改名或删除。',
    en: 'Sheet "{sheet}" was not found; it may have been renamed or deleted.',
  },
} satisfies Record<string, Msg>;

export const WPS_CODES = errorCodes('wps', WPS_HOST_ERR);
