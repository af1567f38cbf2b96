/**
 * Catalogue: every string of the task pane, Chinese first, English second. The rules' words (bands,
 * severities, statuses, titles) come from ./domain; this file holds the pane's own.
 */
import type { Msg } from './index';
import { WORD } from './words';
import { TIE_MARK } from './domain';
import { CANCEL } from './cancel';

export const PANE = {
  appTitle: { zh: '党小组考评助手', en: 'Party Group Assessment' },
  assess: { zh: '考评', en: 'Assess' },
  assessing: { zh: '正在考评…', en: 'Assessing…' },
  ...CANCEL,
  /** The workbook page after a run: its download is the next step, 考评 steps back. */
  assessAgain: { zh: '重新考评', en: 'Assess again' },
  assessHint: {
    zh: '读取评分表，评定等次，生成预警与年度排名，并写入本工作簿',
    en: 'Reads the score sheets, grades every Party group, and writes warnings and annual rankings into this workbook',
  },
  actionsLabel: { zh: '操作', en: 'Actions' },
  /** The choice of the period whose official tables 考评 produces (半年考评结果表, 年度考评结果表, 整改台账). */
  printPeriod: { zh: '正式表格', en: 'Official tables' },
  printPeriodLatest: { zh: '最近一期', en: 'Latest period' },
  printPeriodYear: { zh: '{year}年度', en: '{year} (year)' },
  printPeriodHint: {
    zh: '考评时按所选考评期生成半年考评结果表、年度考评结果表和整改台账；选年度时生成该年度的表格',
    en: 'Assess produces the half-year table, the annual table and the rectification ledger of the chosen period; a year gives that year’s tables',
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
  /** 考评完成's title below ~240 px (200 % zoom): the counts move behind 详情. */
  doneShort: { zh: '考评完成', en: 'Assessed' },
  noRecordsTitle: { zh: '没有可评定的记录', en: 'No records to grade' },
  noRecordsText: {
    zh: '评分表中还没有填写得分的考评记录（{pending}条待评分），结果表已按空白结果写入。填写各项得分后再点“考评”。',
    en: 'The score table has no records with scores yet ({pending} pending); the result sheets were written empty. Fill in the scores, then click Assess.',
  },
  failed: { zh: '考评未完成', en: 'The assessment did not finish' },
  unchangedNote: { zh: '工作簿未作任何修改。', en: 'The workbook was left as it was.' },
  dismiss: { zh: '关闭', en: 'Dismiss' },
  /** The status line's link that opens the full message of the last action (the run's counts, notes, the copied text). */
  details: { zh: '详情', en: 'Details' },
  detailsLabel: { zh: '{title}：详情', en: '{title}: details' },

  // 与上次相比
  compareTitle: { zh: '与上次相比', en: 'Compared with the last run' },
  /** 概览's 与上次相比 before any run in this session (the comparison is made by 考评). */
  compareNotYet: {
    zh: '点击“考评”后，这里列出与上次考评相比的变化。',
    en: 'After Assess, the changes since the last run are listed here.',
  },
  compareFirst: {
    zh: '工作簿中没有上一次考评的记录可比较（第一次考评，或上次由旧版本考评）。',
    en: 'No earlier run is recorded in this workbook to compare with (the first run, or the last one was made by an earlier version).',
  },
  compareNone: { zh: '预警、整改状态和等次都没有变化。', en: 'No change in warnings, rectification statuses or grades.' },
  comparePartial: { zh: '上次考评的记录过多，未逐条比较。', en: 'The last run was too large to record in detail: not compared item by item.' },
  compareNew: { zh: '新增预警{count}条：{items}', en: '{count} new warnings: {items}' },
  compareClosed: { zh: '解除预警{count}条：{items}', en: '{count} warnings closed: {items}' },
  compareStatus: { zh: '整改状态变化{count}条：{items}', en: '{count} rectification statuses changed: {items}' },
  compareGrades: { zh: '等次变化{count}处：{items}', en: '{count} grades changed: {items}' },
  compareNewRecords: { zh: '新增考评记录：{items}', en: 'New records: {items}' },
  compareNewRecordsItem: { zh: '{period}{count}条', en: '{period}: {count}' },
  compareRemoved: { zh: '减少考评记录{count}条', en: '{count} records no longer in the score sheets' },
  compareByRules: { zh: '这些结果因规则改变而变化：{items}', en: 'These results changed because the rules changed: {items}' },
  compareRulesOnly: { zh: '规则已改变（{items}），结果没有变化。', en: 'The rules changed ({items}); the results did not.' },
  compareRuleItem: { zh: '{rule}{from}→{to}', en: '{rule} {from} → {to}' },
  compareWarningItem: { zh: '{group}{name}（{period}）', en: '{group}: {name} ({period})' },
  compareClosedItem: { zh: '{group}{name}（{period}），{now}', en: '{group}: {name} ({period}), {now}' },
  compareNoLonger: { zh: '评分或规则调整后不再成立', en: 'no longer applies after the scores or rules changed' },
  compareTransition: { zh: '{group}（{period}）{from}→{to}', en: '{group} ({period}) {from} → {to}' },
  compareMore: { zh: '等{count}项', en: 'and {count} more' },
  compareNoRecord: { zh: '无记录', en: 'no record' },

  // 复制汇报文字
  copySummary: { zh: '复制汇报文字', en: 'Copy report text' },
  copySummaryHint: {
    zh: '复制一段向党委汇报的文字（最近考评期的等次、整改和评先情况），可直接粘贴到报告中',
    en: 'Copies a paragraph for the report to the Party committee (grades, rectification and awards of the latest period)',
  },
  copied: { zh: '汇报文字已复制到剪贴板', en: 'Report text copied to the clipboard' },
  copyFailed: { zh: '无法写入剪贴板，请选中下面的文字手动复制', en: 'Could not use the clipboard: select the text below and copy it' },
  summaryTextLabel: { zh: '汇报文字', en: 'Report text' },

  // Status line (one slot, reserved from the first paint)
  statusLoading: { zh: '正在读取工作簿…', en: 'Reading the workbook…' },
  previewTitle: { zh: '预览模式', en: 'Preview' },
  waitingForExcel: {
    zh: '正在等待Excel启动加载项……如果长时间没有反应，请关闭此面板后重新打开“考评面板”。',
    en: 'Waiting for Excel to start the add-in… If nothing happens for a long time, close this pane and open the Assessment Pane again.',
  },
  excelDidNotStart: {
    zh: 'Excel没有启动本加载项（Office未报告宿主）。请关闭此面板后重新打开“考评面板”；若仍如此，请重启Excel。',
    en: 'Excel did not start the add-in (Office reported no host). Close this pane and open the Assessment Pane again; if it persists, restart Excel.',
  },
  previewText: {
    zh: '当前不在Excel中：面板使用内置的示例工作簿演示全部功能，结果只保存在本页面中。',
    en: 'Not running inside Excel: the pane works on a built-in sample workbook; results stay in this page.',
  },
  notAssessedTitle: { zh: '尚未考评', en: 'Not assessed yet' },
  notAssessedText: { zh: '本工作簿还没有考评结果，点击“考评”开始。', en: 'This workbook has no results yet. Click Assess to start.' },
  changedTitle: { zh: '评分已变更', en: 'Scores changed' },
  changedText: {
    zh: '上次考评后评分表或规则有改动，请重新考评。',
    en: 'The scores or rules changed after the last run. Assess again.',
  },
  lastRun: { zh: '上次考评：{runAt}', en: 'Last run: {runAt}' },
  upToDate: { zh: '结果与评分表一致。', en: 'The results match the scores.' },
  /** The one empty state after 考评 on a score table without scores (status line, 概览, 预警). */
  noScores: { zh: '评分表还没有分数：填写后点“考评”', en: 'The score table has no scores yet: fill it in, then click Assess' },

  // Template
  insertTemplate: { zh: '插入评分模板', en: 'Insert score template' },
  noTableTitle: { zh: '没有找到评分表', en: 'No score table found' },
  noTableText: {
    zh: '点击“插入评分模板”新增“考评细则”“考评规则”“评分表”三张表（已有的同名表不会被覆盖），填写后点击“考评”。',
    en: 'Insert score template adds the sheets Rubric, Rules and Scores (existing sheets of those names are kept); fill them in, then click Assess.',
  },
  noTableShort: { zh: '点击“插入评分模板”开始。', en: 'Click Insert score template to start.' },
  templateInserted: { zh: '已插入：{sheets}', en: 'Inserted: {sheets}' },
  templateSkipped: { zh: '已存在，未改动：{sheets}', en: 'Already there, left as they were: {sheets}' },

  // Tabs
  tabSummary: { zh: '概览', en: 'Summary' },
  tabWarnings: { zh: '预警', en: 'Warnings' },
  /** After 预警 in the tab, for screen readers (the badge shows the number): 预警（待办1条）. */
  tabWarningsOpen: { zh: '（待办{open}条）', en: ' ({open} to act on)' },
  openWarningsLabel: { zh: '待办预警{open}条', en: '{open} warnings to act on' },
  /** Under the tabs: the open rectifications and the latest half-year's grades, in one line. */
  stripLabel: { zh: '考评结果摘要', en: 'Results at a glance' },
  stripOpen: { zh: '未完成整改{count}', en: 'Rectifications not done {count}' },
  stripOverdue: { zh: '（逾期{count}）', en: ' (overdue {count})' },
  stripBand: { zh: '{band}{count}', en: '{band} {count}' },
  tabRanking: { zh: '年度排名', en: 'Ranking' },
  tabSettings: { zh: '设置', en: 'Settings' },
  tabsLabel: { zh: '考评结果', en: 'Results' },

  // Summary: what needs action
  noResults: { zh: '还没有结果。点击“考评”后在此查看。', en: 'No results yet. Click Assess to see them here.' },
  openTitle: { zh: '未完成整改（{count}）', en: 'Rectifications not done ({count})' },
  openNone: { zh: '没有待整改的党小组。', en: 'No Party group has a rectification open.' },
  overdueDays: { zh: '已逾期{days}天', en: '{days} days overdue' },
  daysLeft: { zh: '还有{days}天', en: '{days} days left' },
  dueToday: { zh: '今天到期', en: 'Due today' },
  totalPoints: { zh: '{total}分', en: '{total} pts' },
  focus: { zh: '主要失分项目', en: 'Items that lost most' },
  locate: { zh: '定位：{sheet}表第{row}行', en: 'Go to {sheet}, row {row}' },
  locateLabel: { zh: '定位：{sheet}表第{row}行（{group}）', en: 'Go to {sheet}, row {row} ({group})' },
  leaderMore: { zh: '另有{count}条党小组长预警，见“预警”。', en: '{count} leader warnings besides: see Warnings.' },
  latestTitle: { zh: '{period}各党小组', en: 'Party groups, {period}' },
  bandCounts: { zh: '各等次党小组数', en: 'Party groups per grade' },
  bandCountItem: { zh: '{band}{count}', en: '{band} {count}' },
  change: { zh: '较上期{delta}分', en: '{delta} since {previous}' },
  changeSame: { zh: '与上期持平', en: 'same as {previous}' },
  noPrevious: { zh: '上期未评定', en: 'no grade the half before' },
  whyPending: { zh: '待评分：各项得分均为空', en: 'Pending: all item scores are blank' },
  whyVeto: { zh: '一票否决：{veto}', en: 'One-vote veto: {veto}' },
  whyIssue: { zh: '数据问题：{message}', en: 'Data issue: {message}' },
  whyNotGraded: { zh: '未评定：见数据问题', en: 'Not graded: see the data issues' },
  historyOpen: { zh: '{group}：查看历次考评', en: '{group}: see its history' },
  historyTitle: { zh: '{group}历次考评', en: 'History of {group}' },
  historyBack: { zh: '返回概览', en: 'Back to the summary' },
  historyHalves: { zh: '半年考评', en: 'Half-years' },
  historyAnnual: { zh: '年度结果', en: 'Years' },
  historyWarnings: { zh: '预警', en: 'Warnings' },
  historyNone: { zh: '无', en: 'None' },
  annualLine: { zh: '年度平均分{average}分', en: 'annual average {average}' },
  yearLabel: { zh: '{year}年度', en: '{year}' },
  issuesTitle: { zh: '数据问题（{count}）', en: 'Data issues ({count})' },
  issuesShowAll: { zh: '显示全部{count}个', en: 'Show all {count}' },
  /** Under a long list cut at its first items (bits.tsx CappedList). */
  listShowAll: { zh: '显示全部{count}条', en: 'Show all {count}' },
  band: WORD.band,
  groups: { zh: '党小组数', en: 'Party groups' },
  groupNames: WORD.groups,
  noBand: WORD.noBand,

  // Chart
  chartTitle: { zh: '各党小组历次合计', en: 'Each Party group’s totals over the periods' },
  chartLabel: {
    zh: '折线图：{groups}个党小组在{from}至{to}的合计分数，虚线为等次分数线（优秀{excellent}分、合格{qualified}分、基本合格{basic}分）；数据见“以表格显示”',
    en: 'Line chart: totals of {groups} Party groups from {from} to {to}; dashed lines are the grade thresholds (Excellent {excellent}, Qualified {qualified}, Basically qualified {basic}); the data are in Show as table',
  },
  chartThresholds: { zh: '等次分数线（虚线）', en: 'Grade thresholds (dashed)' },
  chartGroups: WORD.groups,
  chartLegendMore: { zh: '另有{n}个党小组（以表格显示可看全部）', en: '{n} more Party groups (show as a table to see them all)' },
  chartEmpty: { zh: '暂无已评定的考评，无法绘图', en: 'No graded assessments to chart yet' },
  chartAsTable: { zh: '以表格显示', en: 'Show as table' },
  chartAsChart: { zh: '以图显示', en: 'Show as chart' },
  chartTableCaption: { zh: '各党小组历次合计（分）', en: 'Totals of each Party group (points)' },
  shape_circle: { zh: '圆点', en: 'circle' },
  shape_square: { zh: '方块', en: 'square' },
  shape_triangle: { zh: '三角', en: 'triangle' },
  shape_diamond: { zh: '菱形', en: 'diamond' },
  shape_down: { zh: '倒三角', en: 'down triangle' },
  shape_cross: { zh: '叉', en: 'cross' },
  shape_plus: { zh: '十字', en: 'plus' },
  shape_star: { zh: '星形', en: 'star' },
  legendItem: { zh: '{group}（{shape}）', en: '{group} ({shape})' },
  points: { zh: '分', en: 'pts' },

  // Warnings
  noWarnings: { zh: '没有预警。', en: 'No warnings.' },
  warningsSummary: { zh: '待办{open}条，共{total}条', en: '{open} to act on, {total} in all' },
  warningsOpenNone: { zh: '没有待办的预警。', en: 'Nothing to act on.' },
  warningsHistory: { zh: '以往预警与提示（{count}）', en: 'Earlier warnings and notices ({count})' },
  /** A rectification's status in a badge (short: the card says it in full under 状态). */
  badge_open: { zh: '待整改', en: 'Open' },
  badge_overdue: { zh: '逾期未整改', en: 'Overdue' },
  badge_not_effective: { zh: '整改未见效', en: 'Not effective' },
  badge_closed: { zh: '已销号', en: 'Closed' },
  badge_resolved: { zh: '已整改', en: 'Resolved' },
  /** The earlier warnings, grouped by the year they concern (newest first). */
  warningsYear: { zh: '{year}年（{count}）', en: '{year} ({count})' },
  group: WORD.group,
  leader: WORD.leader,
  liaison: WORD.liaison,
  deadline: WORD.deadline,
  status: WORD.status,
  period: WORD.period,
  none: WORD.dash,

  // Issues
  noIssues: { zh: '没有数据问题。', en: 'No data issues.' },
  issuesIntro: {
    zh: '以下单元格有问题，改正后重新考评：',
    en: 'These cells have problems; correct them and assess again:',
  },
  cell: WORD.cell,
  value: WORD.value,
  problem: WORD.problem,
  goToCell: { zh: '选中{cell}', en: 'Select {cell}' },

  // Ranking
  year: WORD.year,
  chooseYear: { zh: '选择年度', en: 'Choose a year' },
  rank: { zh: '名次', en: 'Rank' },
  rankN: { zh: '第{rank}名', en: 'Rank {rank}' },
  h1: WORD.h1,
  h2: WORD.h2,
  average: WORD.average,
  titles: WORD.award,
  unranked: { zh: '未排名', en: 'Unranked' },
  tied: TIE_MARK,
  rankingCaption: { zh: '{year}年度排名（{mode}）', en: 'Ranking of {year} ({mode})' },
  modeCompetition: { zh: '并列占位排名', en: 'standard competition ranking' },
  modeDense: { zh: '并列不占位排名', en: 'dense ranking' },
  noRanking: { zh: '暂无年度结果。', en: 'No annual results yet.' },
  vetoed: WORD.veto,
  vetoedBecause: { zh: '一票否决（{veto}），不参加排名和评先', en: 'One-vote veto ({veto}): not ranked, not eligible for awards' },
  noTitle: { zh: '本年度没有符合评先条件的党小组。', en: 'No Party group is eligible for Advanced Party group of the year.' },

  // Settings
  settingsIntro: {
    zh: '以下规则保存在工作簿的“考评规则”表中（没有则新建），保存后重新考评。',
    en: 'These rules are kept on the workbook’s Rules sheet (created if missing); saving re-runs the assessment.',
  },
  paneLanguage: { zh: '面板语言', en: 'Pane language' },
  /** A rule left blank, in the read-only list of the workbook page's 设置. */
  ruleBlank: { zh: '未填写', en: 'Blank' },
  rulesLocked: {
    zh: '本页面不修改工作簿中已有的“{sheet}”表：请在WPS或Excel中修改该表并保存，然后在本页面重新打开工作簿并考评。',
    en: 'This page does not change the existing sheet “{sheet}”: edit it in WPS or Excel and save, then open the workbook here again and assess it.',
  },
  helpTitle: { zh: '帮助', en: 'Help' },
  helpLink: { zh: '使用帮助', en: 'How to use it' },
  pageLink: { zh: '考评网页：不用加载项，在浏览器中考评工作簿文件', en: 'The workbook page: assess a workbook file in a browser, without the add-in' },
  pageLinkHint: {
    zh: '适用于WPS、不能加载本加载项的Excel（如Excel 2016/2019批量许可版）和禁用了加载项的电脑。',
    en: 'For WPS, for Excel that cannot load this add-in (such as Excel 2016/2019 volume license), and where add-ins are blocked.',
  },
  newWindow: { zh: '（在新窗口中打开）', en: ' (opens in a new window)' },
  langZh: { zh: '中文', en: 'Chinese (中文)' },
  langEn: { zh: '英文（English）', en: 'English' },
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
  vDays: { zh: '请输入1至366之间的整数，或留空', en: 'Enter a whole number from 1 to 366, or leave it blank' },
  vMonths: { zh: '请输入1至12之间的整数', en: 'Enter a whole number from 1 to 12' },
  vText: { zh: '最多{max}个字', en: 'At most {max} characters' },
  vChoice: { zh: '请从列表中选择', en: 'Choose from the list' },

  // Preview workbook
  previewSelected: { zh: '示例工作簿中已选中{cell}', en: 'Selected in the sample workbook: {cell}' },
  previewRow: { zh: '该行：{values}', en: 'That row: {values}' },
  previewNothingSelected: { zh: '示例工作簿：尚未选中单元格', en: 'Sample workbook: no cell selected' },

  // Errors
  rulesChangedNote: { zh: '规则已保存到“{sheet}”表。', en: 'Rules saved to sheet “{sheet}”.' },
  selectFailed: { zh: '无法选中{cell}：{reason}', en: 'Could not select {cell}: {reason}' },
  sheetMissing: { zh: '工作表“{sheet}”不存在', en: 'There is no sheet “{sheet}”' },
  unexpected: { zh: '意外错误：{reason}', en: 'Unexpected error: {reason}' },
  noHost: { zh: '无法连接到Excel', en: 'Could not reach Excel' },
} satisfies Record<string, Msg>;

export type PaneKey = keyof typeof PANE;
