/**
 * Catalogue: the 党委's roll-up of many branches' workbooks (`assess rollup`) — the summary workbook's
 * sheets, their lines and columns, the reasons a file is not in the summary, and the command's own
 * usage, progress and summary lines. Chinese first, English second.
 */
import type { Msg } from './index';
import { WORD } from './words';
import { errorCodes } from './errors';

/** The summary workbook's sheets, in tab order. */
export type RollupSheet = 'branches' | 'nominees' | 'rectify' | 'submissions';
export const ROLLUP_SHEETS: readonly RollupSheet[] = ['branches', 'nominees', 'rectify', 'submissions'];

export const ROLLUP_SHEET: Record<RollupSheet, Msg> = {
  branches: { zh: '各党支部考评汇总', en: 'Branch Results' },
  nominees: { zh: '年度示范党小组推荐', en: 'Model Group Nominees' },
  rectify: { zh: '整改督办', en: 'Rectification Follow-up' },
  submissions: { zh: '报送情况', en: 'Submissions' },
};

/** Words every roll-up sheet uses. */
export const ROLLUP = {
  branch: { zh: '党支部', en: 'Party branch' },
  group: WORD.group,
  leader: WORD.leader,
  liaison: WORD.liaison,
  period: WORD.period,
  /** The line under the titles of the tables the 党委 files. */
  basisLine: {
    zh: '考评依据：各党支部党小组工作考评办法',
    en: 'Basis: the Party branches’ measures for assessing the work of Party groups',
  },
  /** The 党委's name before a title ('' when not given). */
  unitPrefix: { zh: '{unit}', en: '{unit}: ' },
  /** The signature block under the roll-up's tables (the 党委's, not a branch's). */
  preparedBy: { zh: '填表人：', en: 'Prepared by:' },
  checkedBy: { zh: '审核：', en: 'Checked by:' },
  date: { zh: '日期：　　年　　月　　日', en: 'Date:' },
  countSep: { zh: '，', en: ', ' },
  bandCount: { zh: '{band}{n}个', en: '{band} {n}' },
} satisfies Record<string, Msg>;

/** 各党支部考评汇总: every group of every branch in the latest half-year, with each branch's grade counts. */
export const BRANCHES = {
  title: { zh: '{unit}各党支部党小组工作考评结果汇总表（{period}）', en: '{unit}Party Group Assessment Results of the Party Branches ({period})' },
  titleNone: { zh: '{unit}各党支部党小组工作考评结果汇总表', en: '{unit}Party Group Assessment Results of the Party Branches' },
  totalLine: {
    zh: '共{branches}个党支部、{groups}个党小组：{bands}；{missing}个党支部未报送本期考评结果',
    en: 'Party branches: {branches}; Party groups: {groups} ({bands}); Party branches without results for this period: {missing}',
  },
  no: { zh: '序号', en: 'No.' },
  total: { zh: '合计', en: 'Total' },
  band: WORD.band,
  notes: { zh: '备注', en: 'Notes' },
  subtotal: { zh: '小计', en: 'Subtotal' },
  subtotalText: { zh: '党小组{groups}个：{bands}', en: 'Party groups: {groups} ({bands})' },
  notGraded: { zh: '未评定（数据问题{count}个）', en: 'Not graded (data issues: {count})' },
  notReported: { zh: '未报送{period}考评结果（最近一期：{latest}）', en: 'No results for {period} (latest: {latest})' },
  noRecords: { zh: '工作簿中没有考评记录', en: 'No assessment records in the workbook' },
  empty: { zh: '无：没有可汇总的考评记录', en: 'None: no assessment records to summarize' },
} satisfies Record<string, Msg>;

/** 年度示范党小组推荐: each branch's recommendation of the year, branch by branch (never ranked across branches). */
export const NOMINEES = {
  title: { zh: '{unit}年度示范党小组推荐（{year}年度）', en: '{unit}Model Group Nominees ({year})' },
  titleNone: { zh: '{unit}年度示范党小组推荐', en: '{unit}Model Group Nominees' },
  awardLine: {
    zh: '各党支部按本党支部的考评规则提出推荐：上、下半年均已评定、符合评先条件、年度平均分最高，一票否决的不参加评先；由支委会研究确定。本表按党支部列出，不跨党支部排名',
    en: 'Each Party branch proposes by its own rules: both halves graded, eligible for awards, the highest annual average; a One-vote veto excludes a group; the branch committee decides. Listed by Party branch, not ranked across branches',
  },
  scaleNote: { zh: '各党支部评分尺度不同，年度平均分仅供参考', en: 'Branches score on different scales: annual averages are for reference only' },
  countLine: {
    zh: '{branches}个党支部推荐{nominees}个党小组；{without}个党支部本年度没有推荐对象',
    en: 'Nominees: {nominees}, from {branches} Party branches; Party branches without a nominee this year: {without}',
  },
  no: { zh: '序号', en: 'No.' },
  h1: WORD.h1,
  h2: WORD.h2,
  average: WORD.average,
  band: { zh: '年度等次', en: 'Annual grade' },
  recommendation: { zh: '推荐意见', en: 'Recommendation' },
  recommend: {
    zh: '拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定',
    en: 'Proposed as Advanced Party group of the year (model group nominee) for the branch committee to decide',
  },
  recommendTie: { zh: '年度先进党小组（并列，示范党小组推荐对象）', en: 'Advanced Party group of the year (tied, model group nominee)' },
  notes: { zh: '备注', en: 'Notes' },
  tiedInBranch: { zh: '年度平均分并列第一（提请支委会研究确定）', en: 'Tied for first (for the branch committee to decide)' },
  noResult: { zh: '没有{year}年度考评记录', en: 'No assessment records for {year}' },
  incomplete: { zh: '{year}年度上、下半年考评未全部完成，没有年度结果', en: 'The H1 and H2 assessments of {year} are not both complete: no annual result' },
  noneEligible: { zh: '没有符合评先条件的党小组', en: 'No Party group is eligible for awards' },
  empty: { zh: '无：没有年度结果', en: 'None: no annual results' },
} satisfies Record<string, Msg>;

/** 整改督办: the rectifications to follow up, branch by branch, one line per group and rectification. */
export const RECTIFY = {
  title: { zh: '{unit}整改督办（截至{asOf}）', en: '{unit}Rectification Follow-up (as of {asOf})' },
  countLine: {
    zh: '逾期未整改{overdue}条，待整改{open}条，已销号{closed}条（按期销号{onTime}条、逾期销号{late}条），整改未见效{notEffective}条',
    en: '{overdue} overdue, {open} open, {closed} closed ({onTime} on time, {late} late), {notEffective} not effective',
  },
  countLineNoneClosed: {
    zh: '逾期未整改{overdue}条，待整改{open}条，已销号{closed}条，整改未见效{notEffective}条',
    en: '{overdue} overdue, {open} open, {closed} closed, {notEffective} not effective',
  },
  howLine: {
    zh: '按党支部列出，同一党小组的各次整改按考评期先后排列；整改措施、责任人、完成情况、销号日期取自各党支部的整改台账；督办意见由党委填写，重新汇总时保留',
    en: 'Listed by Party branch, each Party group’s rectifications in period order; measures, person responsible, progress and closing date as each branch’s rectification ledger records them; the Party committee fills in the follow-up remarks, which are kept when the summary is made again',
  },
  no: { zh: '序号', en: 'No.' },
  band: WORD.band,
  deadline: WORD.deadline,
  status: { zh: '整改状态', en: 'Rectification status' },
  focus: { zh: '主要失分项目', en: 'Items that lost most' },
  measures: { zh: '整改措施', en: 'Rectification measures' },
  responsible: { zh: '责任人', en: 'Person responsible' },
  progress: { zh: '完成情况', en: 'Progress' },
  closedOn: { zh: '销号日期', en: 'Closed on' },
  closing: { zh: '销号情况', en: 'Closing' },
  opinion: { zh: '督办意见', en: 'Follow-up remarks' },
  /** A row of an earlier summary whose rectification is no longer listed, kept for its 督办意见. */
  kept: { zh: '本次汇总已不再列出（保留上次的督办意见）', en: 'No longer listed (earlier remarks kept)' },
  empty: { zh: '无：没有需要督办的整改', en: 'None: no rectification to follow up' },
} satisfies Record<string, Msg>;

/** 报送情况: every file read, what became of it, and why. */
export const SUBMISSIONS = {
  title: { zh: '{unit}报送情况（{period}）', en: '{unit}Submissions ({period})' },
  titleNone: { zh: '{unit}报送情况', en: '{unit}Submissions' },
  /** The technical note on how the branches were assessed. */
  basisNote: {
    zh: '说明：各党支部按本党支部的考评细则和考评规则考评，评分尺度可能不同；本汇总对每个工作簿重新考评，不沿用其中的结果表',
    en: 'Note: each Party branch is assessed with its own rubric and rules, whose scales may differ; this summary assesses every workbook afresh rather than copying its result sheets',
  },
  countLine: {
    zh: '共{files}个文件：已汇总{included}个，未能读取{unreadable}个，重复报送{duplicate}个，跳过{skipped}个',
    en: 'Files: {files} ({included} summarized, {unreadable} unreadable, {duplicate} duplicate, {skipped} skipped)',
  },
  no: { zh: '序号', en: 'No.' },
  file: { zh: '文件', en: 'File' },
  latest: { zh: '最近考评期', en: 'Latest period' },
  records: { zh: '考评记录', en: 'Records' },
  issues: { zh: '数据问题', en: 'Data issues' },
  status: { zh: '汇总情况', en: 'Status' },
  notes: { zh: '说明', en: 'Notes' },
  empty: { zh: '无：没有文件', en: 'None: no files' },
  included: { zh: '已汇总', en: 'Summarized' },
  unreadable: { zh: '未能读取', en: 'Unreadable' },
  duplicate: { zh: '重复报送，未汇总', en: 'Duplicate, not summarized' },
  skipped: { zh: '已跳过', en: 'Skipped' },
  duplicateOf: {
    zh: '与“{file}”为同一党支部，汇总采用该文件（其考评期较新或文件较新）',
    en: 'The same Party branch as “{file}”, which is used instead (a later period or a newer file)',
  },
  copyOf: {
    zh: '与“{file}”内容相同（重复报送），只汇总一次',
    en: 'The same content as “{file}” (sent twice), summarized once',
  },
  rollupFile: { zh: '这是汇总工作簿，不是党支部的评分工作簿', en: 'This is a roll-up summary, not a Party branch’s workbook' },
  opinionsKept: { zh: '其中填写的督办意见{count}条已带入本汇总', en: 'Its follow-up remarks ({count}) are carried into this summary' },
  notReported: { zh: '未报送{period}考评结果', en: 'No results for {period}' },
  noRecords: { zh: '没有考评记录', en: 'No assessment records' },
  issuesNote: { zh: '有{count}个数据问题，请党支部核对', en: 'Data issues for the branch to check: {count}' },
  neverAssessed: { zh: '工作簿尚未考评，本汇总已按其评分表考评', en: 'Never assessed; this summary assessed its score sheets' },
  changed: {
    zh: '上次考评后评分有改动，本汇总按当前评分考评（工作簿中的结果表不是最新的）',
    en: 'Scores changed after its last assessment; this summary uses the current scores (the workbook’s result sheets are out of date)',
  },
  nameFromFile: {
    zh: '工作簿中没有单位名称，党支部名称取自文件名（可在考评规则中填写“单位名称”）',
    en: 'No unit name in the workbook: the Party branch is named after the file (set 单位名称 (unitName) on the Rules sheet)',
  },
  unexpected: {
    zh: '读取时发生意外错误（{reason}），请把此文件发给维护人员',
    en: 'An unexpected error while reading ({reason}); send this file to the maintainers',
  },
} satisfies Record<string, Msg>;

/** The workbook page's roll-up: the 党委's name. */
export const ROLLUP_PAGE = {
  unitLabel: { zh: '党委名称（写在汇总表标题中，可不填）', en: 'Party committee’s name (in the summary’s titles; optional)' },
  unitHint: { zh: '例如：城区供电中心党委', en: 'e.g. 城区供电中心党委' },
  keepHint: {
    zh: '要保留上次在“整改督办”中填写的督办意见，请把上次下载的汇总工作簿一并选入',
    en: 'To keep the follow-up remarks typed into the last summary’s Rectification Follow-up, pick that summary workbook with the others',
  },
} satisfies Record<string, Msg>;

/** Why `assess rollup` stops (AssessError codes `rollup.*`). */
export const ROLLUP_ERR = {
  missingInput: {
    zh: '请指定要汇总的文件夹或工作簿，例如 assess rollup 各党支部报送 --out 汇总.xlsx',
    en: 'name the folder or workbooks to summarize, e.g. assess rollup branches --out summary.xlsx',
  },
  missingOut: {
    zh: '请用 --out 指定汇总工作簿，例如 assess rollup 各党支部报送 --out 汇总.xlsx',
    en: 'name the summary workbook with --out, e.g. assess rollup branches --out summary.xlsx',
  },
  outExtension: {
    zh: '汇总工作簿须以 .xlsx 结尾：请用 --out 指定例如“汇总.xlsx”',
    en: 'the summary workbook must end in .xlsx: choose e.g. --out summary.xlsx',
  },
  outIsInput: {
    zh: '--out 指向了要汇总的工作簿之一，汇总从不改动报送的工作簿：请另选文件名',
    en: '--out names one of the workbooks to summarize, which are never modified: choose another name',
  },
  jsonIsInput: {
    zh: '--json 指向了要汇总的工作簿之一，汇总从不改动报送的工作簿：请另选文件名',
    en: '--json names one of the workbooks to summarize, which are never modified: choose another name',
  },
  jsonExists: {
    zh: '文件已存在，未覆盖：请另选JSON报告的文件名，或加 --force 覆盖',
    en: 'the file already exists and was not overwritten: choose another name for the JSON report or add --force',
  },
  outNotRollup: {
    zh: '文件已存在且不是汇总工作簿，未覆盖：请另选文件名，或加 --force 覆盖',
    en: 'the file exists and is not a roll-up summary, so it was not overwritten: choose another name or add --force',
  },
  noWorkbooks: {
    zh: '没有找到工作簿（.xlsx / .xlsm）：请检查文件夹或文件名',
    en: 'no workbooks (.xlsx / .xlsm) found: check the folder or the file names',
  },
  noneReadable: {
    zh: '{count}个文件都未能读取，没有写出汇总工作簿：{first}',
    en: 'no file could be read ({count} in all), so no summary was written: {first}',
  },
} satisfies Record<string, Msg>;

export const ROLLUP_CODES = errorCodes('rollup', ROLLUP_ERR);

export const ROLLUP_CLI = {
  progress: { zh: '汇总 {bar} {done}/{total}个文件', en: 'Summarizing {bar} {done}/{total} files' },
  done: {
    zh: '已汇总{included}个党支部（{files}个文件，未能读取{unreadable}个，重复{duplicate}个，跳过{skipped}个），用时{seconds}秒',
    en: 'Party branches summarized: {included} (files: {files}; {unreadable} unreadable, {duplicate} duplicate, {skipped} skipped) in {seconds} s',
  },
  latest: { zh: '{period}：{branches}个党支部、{groups}个党小组，{bands}', en: '{period}: Party branches {branches}, Party groups {groups} ({bands})' },
  open: {
    zh: '整改督办{count}条（逾期未整改{overdue}条，待整改{open}条，已销号{closed}条，整改未见效{notEffective}条）；年度示范党小组推荐{nominees}个（{year}年度）',
    en: 'Rectifications to follow up: {count} ({overdue} overdue, {open} open, {closed} closed, {notEffective} not effective); model group nominees ({year}): {nominees}',
  },
  fileReason: { zh: '{file}：{reason}', en: '{file}: {reason}' },
  unreadableLine: { zh: '未能读取：{file}：{reason}', en: 'Unreadable: {file}: {reason}' },
  wrote: { zh: '汇总工作簿已写入：{file}', en: 'Summary written to: {file}' },
  wroteJson: { zh: 'JSON报告已写入：{file}', en: 'JSON report written to: {file}' },
} satisfies Record<string, Msg>;
