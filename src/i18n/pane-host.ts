/** Catalogue: what the pane's host layer refuses (src/taskpane/pane-host.ts), Chinese first. */
import type { Msg } from './index';
import { errorCodes } from './errors';

export const PANE_HOST_ERR = {
  sheetExists: {
    zh: '工作簿中已有名为“{sheet}”的表，未作任何修改。请改名或删除该表后重试。',
    en: 'The workbook already has a sheet named “{sheet}”; nothing was changed. Rename or delete it and try again.',
  },
  cannotSelect: {
    zh: '这里无法选中{cell}：请在Excel中打开工作簿后定位。',
    en: 'Cannot select {cell} here: open the workbook in Excel to go to it.',
  },
  cannotEditRules: {
    zh: '这里无法修改“{sheet}”表中的规则：请在Excel中修改后重新考评。',
    en: 'The rules on sheet “{sheet}” cannot be edited here: change them in Excel, then assess again.',
  },
} satisfies Record<string, Msg>;

export const PANE_CODES = errorCodes('pane', PANE_HOST_ERR);
