/**
 * Catalogue: data issues (SPEC §2.3) — one message per IssueCode, Chinese first, telling the secretary
 * what is wrong with the cell and what to do. `{value}` is always the issue's cell value as text.
 *
 * Parameters by code (set by the reader, src/workbook/parse.ts, except where noted):
 * - SCORE_NOT_NUMBER, SCORE_ERROR_VALUE, SCORE_OUT_OF_RANGE, SCORE_TOO_PRECISE, SCORE_MISSING:
 *     code (item code, "3"), item (item name, "组织生活"), max (item max in points, "10");
 *     SCORE_OUT_OF_RANGE also date ("2025-09-10") when the number is a date serial (the cell holds a date)
 * - PERIOD_UNKNOWN: — (the cell is the year/half/考评期 cell, or the group cell when the table has none;
 *     then also sheet: the sheet name that carries no period)
 * - YEAR_OUT_OF_RANGE: year (the year read, e.g. 1999)
 * - GROUP_MISSING: — (the cell is the empty group cell)
 * - TOTAL_NOT_NUMBER: — (the hand-entered 合计/总分 cell; informational, the row is still graded)
 * - ELIGIBLE_UNKNOWN: — (the 评先资格 cell; the group is treated as eligible)
 * - SCORE_NO_RESULT: as the score codes (a formula cell whose file holds no calculated result; value is the formula)
 * - VETO_UNREADABLE: — (the 一票否决 cell says neither no veto nor veto — 待定, 有？, one or two unknown characters, an
 *   error value or an uncalculated formula; the row is not graded)
 * - TOTAL_MISMATCH (set by the engine, src/domain/assess.ts): total (item sum, points), handTotal (points)
 * - DUPLICATE_ROW (set by the engine): group, others (the other rows' cells, "Sheet!B6, Sheet!B9")
 * - MERGED_CELL_UNREAD (only where Excel cannot say where merged cells are, before ExcelApi 1.13): column (the
 *   column's header as the sheet writes it, "联系支委"), range (from the filled cell above down to the last blank, "D5:D6")
 */
import type { DataIssue, IssueCode, Lang } from '../domain/types';
import { dateLabel } from './domain';
import { itemNameMsg } from './rubric';
import type { Msg, Params } from './index';
import { t } from './index';
import { cellText } from './words';

export const ISSUE_MSG: Record<IssueCode, Msg> = {
  SCORE_NOT_NUMBER: {
    zh: '第{code}项“{item}”得分“{value}”不是数字，请填写0至{max}之间的数',
    en: 'Item {code} “{item}”: “{value}” is not a number; enter a number from 0 to {max}',
  },
  SCORE_ERROR_VALUE: {
    zh: '第{code}项“{item}”得分是错误值{value}，请检查公式或直接填写0至{max}之间的数',
    en: 'Item {code} “{item}” holds the error value {value}; check the formula or enter a number from 0 to {max}',
  },
  SCORE_OUT_OF_RANGE: {
    zh: '第{code}项“{item}”得分{value}超出分值{max}，请改为0至{max}之间的数',
    en: 'Item {code} “{item}”: score {value} is outside 0 to {max}; enter a number from 0 to {max}',
  },
  SCORE_TOO_PRECISE: {
    zh: '第{code}项“{item}”得分{value}的小数超过两位，请最多保留两位小数',
    en: 'Item {code} “{item}”: score {value} has more than 2 decimals; use at most 2 decimals',
  },
  SCORE_MISSING: {
    zh: '第{code}项“{item}”未填写得分，请补填0至{max}之间的数（各考评项目全部空白的考评记录视为待评分）',
    en: 'Item {code} “{item}” has no score; enter a number from 0 to {max} (a record with every item blank counts as pending)',
  },
  PERIOD_UNKNOWN: {
    zh: '无法确定本条考评记录的考评期，不予评定：请填写年度和上/下半年（如“2024年上半年”或“2024 H1”），或以考评期命名工作表',
    en: 'The period of this record is unknown, so it is not graded: enter the year and half (e.g. “2024年上半年” or “2024 H1”), or name the sheet after the period',
  },
  YEAR_OUT_OF_RANGE: {
    zh: '年度{year}不在2000至2100之间，请改正年度',
    en: 'Year {year} is not between 2000 and 2100; correct the year',
  },
  GROUP_MISSING: {
    zh: '本条考评记录有得分但没有党小组名称，请填写党小组',
    en: 'This record has scores but no Party group name; enter the Party group',
  },
  TOTAL_MISMATCH: {
    zh: '手填合计{handTotal}与各项得分之和{total}不一致，考评按各项之和{total}计算，请核对',
    en: 'The hand-entered total {handTotal} differs from the item sum {total}; grading uses the item sum {total}; please check',
  },
  TOTAL_NOT_NUMBER: {
    zh: '手填合计“{value}”不是数字，无法核对；考评按各项得分之和计算',
    en: 'The hand-entered total “{value}” is not a number and cannot be checked; grading uses the item sum',
  },
  DUPLICATE_ROW: {
    zh: '党小组“{group}”在同一考评期有多条考评记录（另见{others}），均不评定等次，请删除或改正重复的记录',
    en: 'Party group “{group}” has more than one record for the same period (see also {others}); none is graded until the duplicate is removed or corrected',
  },
  SCORE_NO_RESULT: {
    zh: '第{code}项“{item}”是公式{value}，但文件中没有保存计算结果（文件由不计算公式的程序生成）。请在Excel或WPS中打开并保存一次后再考评，或直接填写0至{max}之间的数',
    en: 'Item {code} “{item}” is the formula {value}, but the file holds no calculated result (it was written by a program that does not calculate). Open and save the file once in Excel or WPS, or enter a number from 0 to {max}',
  },
  VETO_UNREADABLE: {
    zh: '一票否决栏是“{value}”，无法判断是否一票否决，本条考评记录暂不评定。被一票否决的请写明一票否决事由，未被一票否决的请填“否”“无”或“不涉及”',
    en: 'The One-vote veto cell holds “{value}”, which says neither yes nor no, so the record is not graded. Enter the reason for a One-vote veto, or “No”, “None” or “N/A”',
  },
  MERGED_CELL_UNREAD: {
    zh: '“{column}”栏此格为空而上一行有内容，{range}可能是合并单元格：此版本的Excel（ExcelApi 1.13以前）读不出合并单元格，合并区域只有第一格有内容，其余按空白处理（缺党小组或考评期的考评记录不予评定）。请取消合并单元格并在每一格中填写，或在考评网页、命令行工具 assess 中考评',
    en: 'The “{column}” cell is empty under a filled one: {range} may be merged cells. This version of Excel (before ExcelApi 1.13) cannot read merged cells: only the first cell of a merged range has its content, the others read as empty (a record without its Party group or period is not graded). Unmerge the cells and fill in every one, or assess on the workbook page or with the `assess` command-line tool',
  },
  ELIGIBLE_UNKNOWN: {
    zh: '评先资格“{value}”无法识别，按具备评先资格处理；不具备评先资格请填“否”',
    en: 'Award eligibility “{value}” is not recognized and is treated as eligible; enter “No” to mark the Party group ineligible',
  },
};

/** SCORE_OUT_OF_RANGE when the cell holds a date: what Excel did, and how to undo it. */
export const SCORE_IS_DATE: Msg = {
  zh: '第{code}项“{item}”得分是日期{date}（Excel把输入的内容当成了日期），请把单元格格式设为“常规”后改填0至{max}之间的数',
  en: 'Item {code} “{item}” holds the date {date} (Excel took what was typed for a date); set the cell format to General and enter a number from 0 to {max}',
};

/** A data issue's message in a language. */
export function issueMessage(lang: Lang, issue: DataIssue): string {
  const params: Params = { ...issue.params, value: issue.value };
  // English messages name the default rubric's items in English (a custom rubric's names stay as written).
  const { code, item } = issue.params;
  if (typeof code === 'string' && typeof item === 'string') {
    params.item = itemNameMsg({ code, name: item });
  }
  // The other rows of a duplicate, as people read cells (用语表): “2024年上半年表B6单元格、…”.
  if (typeof issue.params.others === 'string') {
    params.others = issue.params.others
      .split(/,\s*/)
      .map((a) => cellText(lang, a))
      .join(lang === 'en-US' ? ', ' : '、');
  }
  const isDate = issue.code === 'SCORE_OUT_OF_RANGE' && typeof issue.params.date === 'string';
  if (isDate) params.date = dateLabel(lang, issue.params.date as string);
  return t(lang, isDate ? SCORE_IS_DATE : ISSUE_MSG[issue.code], params);
}
