/**
 * Catalogue: every string of the task pane, Chinese first, English second. The rules' words (bands,
 * severities, statuses, titles) come from ./domain; this file holds the pane's own.
 */
import type { Msg } from './index';
import { WORD } from './words';
import { BAND, TIE_MARK } from './domain';

export const PANE = {
  appTitle: { zh: '党小组考评助手', en: 'Party Group Assessment' },
  assess: { zh: '考评', en: 'Assess' },
  assessing: { zh: '正在考评…', en: 'Assessing…' },
  assessHint: {
    zh: '读取评分表，评定等次，生成预警与年度排名，并写入本工作簿',
    en: 'Reads the score sheets, grades every Party group, and writes warnings and annual rankings into this workbook',
  },
  stage_read: { zh: '读取工作簿', en: 'Reading the workbook' },
  stage_parse: { zh: '识别评分表', en: 'Reading the score tables' },
  stage_assess: { zh: '评定等次', en: 'Grading' },
  stage_render: { zh: '生成结果表', en: 'Laying out the results' },
  stage_write: { zh: '写入工作簿', en: 'Writing to the workbook' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  done: {
    zh: '考评完成：{rows}条考评记录，{warnings}条预警，{issues}个数据问题',
    en: 'Assessment done: {rows} records, {warnings} warnings, {issues} data issues',
  },
  failed: { zh: '考评未完成', en: 'The assessment did not finish' },
  unchangedNote: { zh: '工作簿未作任何修改。', en: 'The workbook was left as it was.' },
  dismiss: { zh: '关闭', en: 'Dismiss' },

  // Banners
  previewTitle: { zh: '预览模式', en: 'Preview' },
  waitingForExcel: {
    zh: '正在等待 Excel 启动加载项……如果长时间没有反应，请关闭此面板后重新打开“考评面板”。',
    en: 'Waiting for Excel to start the add-in… If nothing happens for a long time, close this pane and open the Assessment Pane again.',
  },
  excelDidNotStart: {
    zh: 'Excel 没有启动本加载项（Office 未报告宿主）。请关闭此面板后重新打开“考评面板”；若仍如此，请重启 Excel。',
    en: 'Excel did not start the add-in (Office reported no host). Close this pane and open the Assessment Pane again; if it persists, restart Excel.',
  },
  previewText: {
    zh: '当前不在 Excel 中：面板使用内置的示例工作簿演示全部功能，结果只保存在本页面中。',
    en: 'Not running inside Excel: the pane works on a built-in sample workbook; results stay in this page.',
  },
  notAssessedTitle: { zh: '尚未考评', en: 'Not assessed yet' },
  notAssessedText: { zh: '本工作簿还没有考评结果，点击“考评”开始。', en: 'This workbook has no results yet. Click Assess to start.' },
  changedTitle: { zh: '评分已变更', en: 'Scores changed' },
  changedText: {
    zh: '上次考评（{runAt}）之后评分表或规则有改动，结果表已过时，请重新考评。',
    en: 'The scores or rules changed after the last run ({runAt}); the result sheets are out of date. Assess again.',
  },
  lastRun: { zh: '上次考评：{runAt}', en: 'Last run: {runAt}' },
  upToDate: { zh: '结果与评分表一致', en: 'Results match the scores' },

  // Template
  insertTemplate: { zh: '插入评分模板', en: 'Insert score template' },
  noTableTitle: { zh: '没有找到评分表', en: 'No score table found' },
  noTableText: {
    zh: '插入评分模板将新增“考评细则”“考评规则”“评分表”三张表（已有的同名表不会被覆盖），按表头填写后点击“考评”。',
    en: 'Inserting the score template adds the sheets Rubric, Rules and Scores (existing sheets of those names are kept); fill them in, then click Assess.',
  },
  templateInserted: { zh: '已插入：{sheets}', en: 'Inserted: {sheets}' },
  templateSkipped: { zh: '已存在，未改动：{sheets}', en: 'Already there, left as they were: {sheets}' },

  // Tabs
  tabSummary: { zh: '概览', en: 'Summary' },
  tabWarnings: { zh: '预警', en: 'Warnings' },
  tabIssues: { zh: '数据问题', en: 'Data issues' },
  tabRanking: { zh: '年度排名', en: 'Ranking' },
  tabSettings: { zh: '设置', en: 'Settings' },
  tabsLabel: { zh: '考评结果', en: 'Results' },

  // Summary
  noResults: { zh: '还没有结果。点击“考评”后在此查看。', en: 'No results yet. Click Assess to see them here.' },
  latestPeriod: { zh: '最近考评期：{period}', en: 'Latest period: {period}' },
  bandCountsCaption: { zh: '{period}各等次党小组数', en: 'Party groups per grade, {period}' },
  band: WORD.band,
  groups: { zh: '党小组数', en: 'Party groups' },
  groupNames: WORD.groups,
  noBand: WORD.noBand,
  chartTitle: { zh: '各党小组历次合计', en: 'Each Party group’s totals over the periods' },
  chartLabel: {
    zh: '折线图：{groups}个党小组在{from}至{to}的合计分数，虚线为等次分数线（优秀{excellent}分、合格{qualified}分、基本合格{basic}分）',
    en: 'Line chart: totals of {groups} Party groups from {from} to {to}; dashed lines are the grade thresholds (Excellent {excellent}, Qualified {qualified}, Basically qualified {basic})',
  },
  chartThresholds: { zh: '等次分数线（虚线）', en: 'Grade thresholds (dashed)' },
  chartGroups: WORD.groups,
  chartEmpty: { zh: '暂无已评定的考评，无法绘图', en: 'No graded assessments to chart yet' },
  points: { zh: '分', en: 'pts' },

  // Warnings
  noWarnings: { zh: '没有预警。', en: 'No warnings.' },
  warningsCount: { zh: '{severity}（{count}）', en: '{severity} ({count})' },
  group: WORD.group,
  leader: WORD.leader,
  liaison: WORD.liaison,
  deadline: WORD.deadline,
  status: WORD.status,
  period: WORD.period,
  goToRow: { zh: '定位到第{row}行', en: 'Go to row {row}' },
  goToRowLabel: { zh: '定位到第{row}行：{cell}（{group}）', en: 'Go to row {row}: {cell} ({group})' },
  none: WORD.dash,

  // Issues
  noIssues: { zh: '没有数据问题。', en: 'No data issues.' },
  issuesIntro: {
    zh: '以下单元格未能评定，改正后重新考评：',
    en: 'These cells could not be graded; correct them and assess again:',
  },
  cell: WORD.cell,
  value: WORD.value,
  problem: WORD.problem,
  goToCell: { zh: '选中{cell}', en: 'Select {cell}' },

  // Ranking
  year: WORD.year,
  chooseYear: { zh: '选择年度', en: 'Choose a year' },
  rank: { zh: '名次', en: 'Rank' },
  h1: WORD.h1,
  h2: WORD.h2,
  average: WORD.average,
  titles: WORD.award,
  unranked: { zh: '未排名', en: 'Unranked' },
  tied: TIE_MARK,
  tiedSuffix: { zh: '（并列）', en: ' (tied)' },
  rankingCaption: { zh: '{year}年度排名（{mode}）', en: 'Ranking of {year} ({mode})' },
  modeCompetition: { zh: '并列占位排名', en: 'standard competition ranking' },
  modeDense: { zh: '并列不占位排名', en: 'dense ranking' },
  noRanking: { zh: '暂无年度结果。', en: 'No annual results yet.' },
  vetoed: WORD.veto,
  noTitle: { zh: '本年度没有符合评先条件的党小组。', en: 'No Party group is eligible for Advanced Party group of the year.' },

  // Settings
  settingsIntro: {
    zh: '以下规则保存在工作簿的“考评规则”表中（没有则新建），保存后重新考评。',
    en: 'These rules are kept on the workbook’s Rules sheet (created if missing); saving re-runs the assessment.',
  },
  excellentMin: { zh: '优秀分数线', en: 'Excellent threshold' },
  qualifiedMin: { zh: '合格分数线', en: 'Qualified threshold' },
  basicMin: { zh: '基本合格分数线', en: 'Basically qualified threshold' },
  rectifyDays: { zh: '整改期限天数', en: 'Rectification days' },
  rectifyDaysHint: { zh: '考评期结束后的天数（1至366）', en: 'Days after the period ends (1 to 366)' },
  awardMinBand: { zh: '评先最低等次', en: 'Lowest grade for awards' },
  rankMode: { zh: '排名方式', en: 'Ranking' },
  leaderReviewBand: { zh: '党小组长预警', en: 'Leader warning' },
  leaderReviewBandHint: {
    zh: '连续两次考评等次在此等次以下时预警“及时更换党小组长”',
    en: 'Two consecutive assessments at or below this grade raise “Replace the leader promptly”',
  },
  reviewBasic: { zh: '基本合格以下（含基本合格）', en: 'Basically qualified or below' },
  reviewUnqualified: { zh: '仅不合格', en: 'Unqualified only' },
  unitName: { zh: '单位名称', en: 'Unit name' },
  unitNameHint: {
    zh: '用于打印表的标题；不填则取评分表标题行中的单位',
    en: 'Used in the printed tables’ titles; blank: taken from the score sheet’s title row',
  },
  basis: { zh: '考评依据', en: 'Basis' },
  basisHint: { zh: '文件名，不填则为《党小组工作考评办法》', en: 'The document’s title; blank: the Measures for Assessing the Work of Party Groups' },
  outputLanguage: { zh: '输出语言', en: 'Output language' },
  paneLanguage: { zh: '面板语言', en: 'Pane language' },
  langAuto: { zh: '自动（跟随 Office）', en: 'Auto (as Office)' },
  langZh: { zh: '中文', en: 'Chinese (中文)' },
  langEn: { zh: '英文 (English)', en: 'English' },
  awardExcellent: BAND.excellent,
  awardQualified: BAND.qualified,
  rankCompetition: { zh: '并列占位排名（如1、1、3）', en: 'Standard competition (e.g. 1, 1, 3)' },
  rankDense: { zh: '并列不占位排名（中国式，如1、1、2）', en: 'Dense (e.g. 1, 1, 2)' },
  save: { zh: '保存规则', en: 'Save rules' },
  saving: { zh: '正在保存…', en: 'Saving…' },
  saved: { zh: '规则已保存到“{sheet}”表', en: 'Rules saved to sheet “{sheet}”' },
  rulesInvalid: { zh: '请先改正标出的规则', en: 'Correct the rules marked first' },
  rulesLoadFailed: { zh: '无法读取考评规则', en: 'Could not read the rules' },
  // Validation messages
  vNumber: { zh: '请输入数字，最多两位小数', en: 'Enter a number with at most 2 decimals' },
  vPositive: { zh: '必须大于0', en: 'Must be above 0' },
  vAboveTotal: { zh: '不能高于满分{total}分', en: 'Cannot exceed the full score {total}' },
  vAbove: { zh: '必须高于{other}（{value}）', en: 'Must be above the {other} ({value})' },
  vDays: { zh: '请输入1至366之间的整数', en: 'Enter a whole number from 1 to 366' },
  vText: { zh: '最多{max}个字', en: 'At most {max} characters' },
  vChoice: { zh: '请从列表中选择', en: 'Choose from the list' },

  // Preview workbook
  previewSelected: { zh: '示例工作簿中已选中{cell}', en: 'Selected in the sample workbook: {cell}' },
  previewRow: { zh: '该行：{values}', en: 'That row: {values}' },
  previewNothingSelected: { zh: '示例工作簿：尚未选中单元格', en: 'Sample workbook: no cell selected' },

  // Errors
  selectFailed: { zh: '无法选中{cell}：{reason}', en: 'Could not select {cell}: {reason}' },
  sheetMissing: { zh: '工作表“{sheet}”不存在', en: 'There is no sheet “{sheet}”' },
  unexpected: { zh: '意外错误：{reason}', en: 'Unexpected error: {reason}' },
  noHost: { zh: '无法连接到 Excel', en: 'Could not reach Excel' },
} satisfies Record<string, Msg>;

export type PaneKey = keyof typeof PANE;
