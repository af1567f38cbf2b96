/**
 * Catalogue: configuration and file errors raised by the reader (AssessError kinds 'config' and
 * 'file'). Each says what is wrong and what to do; the place (Sheet!B5 or the file) is the error's
 * `where`, shown before the message by AssessError.describe.
 */
import type { Msg } from './index';
import { errorCodes } from './errors';

export const CONFIG_MSG = {
  // ── 考评细则 / Rubric ──────────────────────────────────────────────────────────────
  rubricHeaderMissing: {
    zh: '“{sheet}”表找不到表头：需要“编号”“方面”“考评内容”“分值”四列（可选“评分标准”），请按模板填写，或删除该表以使用《党小组工作考评办法》的考评细则',
    en: 'Sheet “{sheet}” has no header row: it needs the columns Code, Aspect, Item and Max (Guide optional); follow the template, or delete the sheet to use the rubric of the Measures for Assessing the Work of Party Groups',
  },
  rubricItemCount: {
    zh: '考评细则应有12个考评项目，“{sheet}”表有{count}个，请补齐或删减为12个',
    en: 'The rubric must have 12 items; sheet “{sheet}” has {count}; add or remove items to make 12',
  },
  rubricCodeMissing: {
    zh: '考评细则第{row}行缺少编号，请填写编号（如1至12）',
    en: 'Rubric row {row} has no code; enter a code (such as 1 to 12)',
  },
  rubricCodeDuplicate: {
    zh: '考评细则编号“{code}”重复，每项的编号必须不同',
    en: 'Rubric code “{code}” is used twice; every item needs its own code',
  },
  rubricNameMissing: {
    zh: '考评细则编号“{code}”缺少考评内容，请填写该项的名称',
    en: 'Rubric item “{code}” has no name; enter the item’s name',
  },
  rubricAspectMissing: {
    zh: '考评细则编号“{code}”缺少方面，请填写（如“思想建设”）',
    en: 'Rubric item “{code}” has no aspect; enter one (such as “思想建设”)',
  },
  rubricMaxInvalid: {
    zh: '考评细则编号“{code}”的分值“{value}”无效：请填写大于0、最多两位小数的数',
    en: 'Rubric item “{code}”: max “{value}” is invalid; enter a number above 0 with at most 2 decimals',
  },
  rubricTotal: {
    zh: '考评细则各项分值合计为{total}分，应恰好为100分，请调整分值',
    en: 'The rubric’s maxima add up to {total}, not exactly 100; adjust the maxima',
  },

  // ── 考评规则 / Rules ───────────────────────────────────────────────────────────────
  rulesUnknownKey: {
    zh: '考评规则“{key}”无法识别，可用的规则有：{keys}',
    en: 'Unknown rule “{key}”; the rules are: {keysEn}',
  },
  rulesDuplicateKey: {
    zh: '考评规则“{key}”填写了两次，请只保留一行',
    en: 'Rule “{keyEn}” appears twice; keep one row',
  },
  rulesNumberInvalid: {
    zh: '“{key}”的值“{value}”无效：应为大于0、最多两位小数的分数',
    en: '“{keyEn}”: “{value}” is invalid; enter a score above 0 with at most 2 decimals',
  },
  rulesOrder: {
    zh: '“{key}”（{value}）必须高于“{lowerKey}”（{lower}），请调整分数线',
    en: '“{keyEn}” ({value}) must be above “{lowerKeyEn}” ({lower}); adjust the thresholds',
  },
  rulesAboveTotal: {
    zh: '“{key}”（{value}）不能高于考评细则总分{total}分',
    en: '“{keyEn}” ({value}) cannot exceed the rubric total {total}',
  },
  rulesMonthsInvalid: {
    zh: '“{key}”的值“{value}”无效：应为1至12之间的整数月数',
    en: '“{keyEn}”: “{value}” is invalid; enter a whole number of months from 1 to 12',
  },
  rulesDaysInvalid: {
    zh: '“{key}”的值“{value}”无效：应为1至366之间的整数天数',
    en: '“{keyEn}”: “{value}” is invalid; enter a whole number of days from 1 to 366',
  },
  rulesTextInvalid: {
    zh: '“{key}”的值“{value}”太长：最多{max}个字',
    en: '“{keyEn}”: “{value}” is too long; at most {max} characters',
  },
  rulesValueInvalid: {
    zh: '“{key}”的值“{value}”无效，可填：{allowed}',
    en: '“{keyEn}”: “{value}” is invalid; allowed values: {allowedEn}',
  },

  // ── Score tables ──────────────────────────────────────────────────────────────────
  tableMissingItems: {
    zh: '“{sheet}”表第{row}行的表头缺少考评项目：{items}。请按考评细则补齐这些列（列名可写编号如“1”“第1项”或考评项目名称）',
    en: 'The header in row {row} of sheet “{sheet}” lacks the items: {items}. Add these columns (headed by the code such as “1” or “Item 1”, or by the item name)',
  },
  tableDuplicateItem: {
    zh: '“{sheet}”表的表头中第{code}项“{item}”出现了两次（{cols}列），请只保留一列',
    en: 'Item {code} “{item}” appears twice in the header of sheet “{sheet}” (columns {cols}); keep one column',
  },
  noScoreTable: {
    zh: '工作簿中找不到评分表：需要包含“党小组”列和各考评项目列的表头。请使用“插入评分模板”生成的评分表填写得分',
    en: 'No score sheet found: a header with a “Party group” column and the item columns is needed. Use the score sheet created by “Insert score template”',
  },

  // ── Files ─────────────────────────────────────────────────────────────────────────
  fileNotFound: {
    zh: '找不到文件“{path}”，请检查路径',
    en: 'File “{path}” not found; check the path',
  },
  fileIsDirectory: {
    zh: '“{path}”是文件夹，不是Excel工作簿',
    en: '“{path}” is a folder, not an Excel workbook',
  },
  fileNotXlsx: {
    zh: '“{path}”不是.xlsx工作簿，请在Excel中另存为“Excel工作簿(*.xlsx)”后再试',
    en: '“{path}” is not an .xlsx workbook; save it in Excel as “Excel Workbook (*.xlsx)” and try again',
  },
  fileCorrupt: {
    zh: '无法读取“{path}”：文件已损坏或不是Excel工作簿。请在Excel中打开并重新保存为.xlsx工作簿',
    en: 'Cannot read “{path}”: the file is damaged or not an Excel workbook ({detail}). Open it in Excel and save it again as .xlsx',
  },
  fileUnreadable: {
    // {detail} is a system code (EACCES) or a browser's error name: English, left out of the Chinese.
    zh: '无法打开“{path}”，请检查文件权限',
    en: 'Cannot open “{path}” ({detail}); check the file’s permissions',
  },
} satisfies Record<string, Msg>;

/** The codes of these errors (AssessError kinds 'config' and 'file'). */
export const CONFIG_CODES = errorCodes('config', CONFIG_MSG);

export type ConfigMsgId = keyof typeof CONFIG_MSG;
