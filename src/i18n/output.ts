/**
 * Catalogue: the words the renderer writes into the workbook — output sheet names, headers, summary
 * lines, notes — and the blank template's sheets. Chinese first, English second.
 */
import type { Msg } from './index';
import { WORD } from './words';

/** The four output sheets (SPEC §4). */
export type OutputKind = 'results' | 'ranking' | 'warnings' | 'issues';
export const OUTPUT_KINDS: readonly OutputKind[] = ['results', 'ranking', 'warnings', 'issues'];

export const OUTPUT_SHEET: Record<OutputKind, Msg> = {
  results: { zh: '考评结果', en: 'Results' },
  ranking: { zh: '年度排名', en: 'Annual Ranking' },
  warnings: { zh: '预警与整改', en: 'Warnings' },
  issues: { zh: '数据问题', en: 'Data Issues' },
};

/** An output's name when its usual name is taken by a sheet the add-in does not own: `考评结果 (2)`. */
export const SHEET_NAME_SUFFIX: Msg = { zh: '{name} ({n})', en: '{name} ({n})' };

/** Shared words. */
export const OUT = {
  none: { zh: '无', en: 'None' },
  dash: WORD.dash,
  unknownPeriod: { zh: '（考评期不明）', en: '(unknown period)' },
  listSep: { zh: '、', en: ', ' },
  clauseSep: { zh: '；', en: '; ' },
  pointsSuffix: { zh: '（{max}分）', en: ' ({max})' },
  yearLabel: { zh: '{year}年度', en: '{year}' },
  rubricDefault: { zh: '默认考评细则', en: 'default rubric' },
  rubricSheet: { zh: '“{sheet}”表的考评细则', en: 'rubric on sheet “{sheet}”' },
} satisfies Record<string, Msg>;

/** Rank modes as the sheets state them. */
export const RANK_MODE: Record<'competition' | 'dense', Msg> = {
  competition: { zh: '竞争排名（并列者名次相同，其后名次顺延，如 1、1、3）', en: 'competition ranking (ties share a rank, the next rank is skipped: 1, 1, 3)' },
  dense: { zh: '中国式排名（并列者名次相同，其后名次连续，如 1、1、2）', en: 'dense ranking (ties share a rank, the next rank follows on: 1, 1, 2)' },
};

/** 考评结果 sheet. */
export const RESULTS = {
  title: { zh: '党小组考评结果', en: 'Party group assessment results' },
  summaryTitle: { zh: '{period}汇总（共 {count} 行）', en: 'Summary of {period} ({count} rows)' },
  summaryEmpty: { zh: '暂无考评数据', en: 'No assessments yet' },
  summaryBand: WORD.band,
  summaryCount: { zh: '党小组数', en: 'Count' },
  summaryGroups: WORD.groups,
  summaryUngraded: WORD.noBand,
  summaryUngradedItem: { zh: '{group}（{status}）', en: '{group} ({status})' },
  rulesLine: {
    zh: '分数线：优秀 ≥ {excellent}，合格 ≥ {qualified}，基本合格 ≥ {basic}；{rubric}；排名方式：{rankMode}；整改期限：考评期结束后 {days} 天；考评时间：{runAt}',
    en: 'Thresholds: Excellent ≥ {excellent}, Qualified ≥ {qualified}, Basically qualified ≥ {basic}; {rubric}; ranking: {rankMode}; rectification deadline: {days} days after the period ends; run at {runAt}',
  },
  period: WORD.period,
  group: WORD.group,
  leader: WORD.leader,
  liaison: WORD.liaison,
  total: { zh: '合计', en: 'Total' },
  band: WORD.band,
  status: WORD.status,
  reason: { zh: '说明', en: 'Reason / notes' },
  veto: { zh: '一票否决', en: 'Veto' },
  source: { zh: '来源', en: 'Source' },
  noRows: { zh: '无：没有找到评分行', en: 'None: no score rows found' },
  reasonIssues: { zh: '{count} 个数据问题，见“{sheet}”表', en: '{count} data issue(s), see sheet “{sheet}”' },
  reasonIssuesUnknown: { zh: '有数据问题，见“{sheet}”表', en: 'Data issues, see sheet “{sheet}”' },
  reasonDuplicate: {
    zh: '重复：同一党小组同一考评期有多行，均不评定，请删除多余的行',
    en: 'Duplicate: the same group and period appear on more than one row; none is graded until fixed',
  },
  reasonPending: { zh: '待评分：各项得分均为空', en: 'Pending: all item scores are blank' },
  reasonVetoed: { zh: '一票否决，等次为不合格', en: 'Vetoed: band is Unqualified' },
  notes: { zh: '备注：{notes}', en: 'Notes: {notes}' },
} satisfies Record<string, Msg>;

/** 年度排名 sheet. */
export const RANKING = {
  title: { zh: '年度排名', en: 'Annual ranking' },
  rankModeLine: { zh: '排名方式：{rankMode}。不完整的年度列在后面，不参加排名。', en: 'Ranking: {rankMode}. Incomplete years are listed after, unranked.' },
  awardLine: {
    zh: '评先规则：年度先进党小组为年度平均分最高的符合条件的党小组（两个半年度均评定且均为{minBand}及以上、无一票否决、评先资格不为“否”），并列时均标注“并列”，由支委会研究确定；优秀党小组长候选为年度等次为优秀的党小组的组长，供支部参考。',
    en: 'Awards: the advanced group of the year is the eligible group with the highest annual average (both half-years graded and {minBand} or better, no veto, not marked ineligible); when several tie, all are marked tied and the branch committee decides. Outstanding leader candidates are the leaders of groups whose annual band is Excellent, for the branch to consider.',
  },
  year: WORD.year,
  rank: { zh: '排名', en: 'Rank' },
  group: WORD.group,
  leader: WORD.leader,
  h1: WORD.h1,
  h2: WORD.h2,
  average: { zh: '年度平均分', en: 'Average' },
  band: { zh: '年度等次', en: 'Annual band' },
  titles: { zh: '荣誉', en: 'Titles' },
  notes: { zh: '说明', en: 'Notes' },
  source: { zh: '来源', en: 'Source' },
  noRows: { zh: '无：没有年度结果', en: 'None: no annual results' },
  titleTied: { zh: '{title}（并列）', en: '{title} (tied)' },
  tiedRank: { zh: '并列第 {rank} 名', en: 'tied at rank {rank}' },
  incomplete: { zh: '不完整：{missing}未评定，无年度结果', en: 'Incomplete: {missing} not graded, no annual result' },
  bothHalves: { zh: '上、下半年', en: 'H1 and H2' },
  vetoed: { zh: '一票否决，年度等次为不合格，不参加评先', en: 'Vetoed: annual band Unqualified, not eligible for awards' },
  ineligible: { zh: '评先资格为“否”', en: 'Marked not eligible for awards' },
  belowAwardBand: { zh: '半年度等次低于{minBand}，不参加评先', en: 'A half-year below {minBand}: not eligible for awards' },
  tieForTop: { zh: '并列年度平均分第一，由支委会研究确定', en: 'Tied for the top average: the branch committee decides' },
} satisfies Record<string, Msg>;

/** 预警与整改 sheet. */
export const WARNINGS = {
  title: { zh: '预警与整改', en: 'Warnings and rectification' },
  countLine: { zh: '严重 {serious} 条，警示 {warning} 条，提示 {info} 条；待整改 {open} 条', en: '{serious} serious, {warning} warning, {info} info; {open} open' },
  severity: { zh: '级别', en: 'Severity' },
  code: { zh: '类别', en: 'Type' },
  period: WORD.period,
  group: WORD.group,
  leader: WORD.leader,
  liaison: WORD.liaison,
  message: { zh: '内容', en: 'Message' },
  deadline: WORD.deadline,
  status: WORD.status,
  focus: { zh: '重点条款', en: 'Focus items' },
  source: { zh: '来源', en: 'Source' },
  noRows: { zh: '无：没有预警', en: 'None: no warnings' },
} satisfies Record<string, Msg>;

/** 数据问题 sheet. */
export const ISSUES = {
  title: { zh: '数据问题', en: 'Data issues' },
  countLine: {
    zh: '共 {count} 个问题：所在行未评定（合计不符除外），请修改后重新考评。',
    en: '{count} issue(s): their rows are not graded (except total mismatches); fix them and assess again.',
  },
  cell: WORD.cell,
  value: WORD.value,
  message: WORD.problem,
  code: { zh: '代码', en: 'Code' },
  noRows: { zh: '无：没有数据问题', en: 'None: no data issues' },
} satisfies Record<string, Msg>;

/** The blank template (考评细则, 考评规则, 评分表). */
export const TEMPLATE_SHEET = {
  rubric: { zh: '考评细则', en: 'Rubric' },
  rules: { zh: '考评规则', en: 'Rules' },
  scores: { zh: '评分表', en: 'Scores' },
} satisfies Record<string, Msg>;

export const TEMPLATE = {
  rubricCode: { zh: '编号', en: 'Code' },
  rubricAspect: { zh: '方面', en: 'Aspect' },
  rubricItem: { zh: '考评内容', en: 'Item' },
  rubricMax: { zh: '分值', en: 'Max' },
  rubricGuide: { zh: '评分标准', en: 'Guide' },
  rulesKey: { zh: '规则', en: 'Key' },
  rulesValue: WORD.value,
  rulesNote: { zh: '说明', en: 'Description' },
  scoresTitle: { zh: '党小组工作考评评分表', en: 'Party group assessment score sheet' },
  /** Note lines above the score table's header. They must not carry a year: the reader takes a period from title rows. */
  scoresNotes: [
    {
      zh: '填写说明：每个党小组每半年填一行；“年度”填四位数年份，“半年度”填“上半年”或“下半年”。',
      en: 'How to fill in: one row per group and half-year; Year as a four-digit year, Half as H1 or H2.',
    },
    {
      zh: '各项得分填 0 至该项分值之间的数，最多两位小数；“合计”可不填，考评按各项得分之和计算。',
      en: 'Item scores from 0 to the item’s max, at most 2 decimals; Total may be left blank (the item sum is used).',
    },
    {
      zh: '“一票否决”填写否决事由，无则留空；“评先资格”填“否”表示不参加评先；各项全部空白的行视为待评分。',
      en: 'Veto: the reason, or blank; Eligible: “No” excludes the group from awards; a row with every item blank is pending.',
    },
  ] satisfies Msg[],
  no: { zh: '序号', en: 'No.' },
  year: WORD.year,
  half: { zh: '半年度', en: 'Half' },
  group: WORD.group,
  leader: WORD.leader,
  liaison: WORD.liaison,
  item: { zh: '{code}.{name}（{max}分）', en: '{code}.{name} ({max})' },
  total: { zh: '合计', en: 'Total' },
  veto: { zh: '一票否决', en: 'Veto' },
  eligible: { zh: '评先资格', en: 'Eligible' },
  notes: { zh: '备注', en: 'Notes' },
  scoreInvalid: { zh: '请输入 0 至 {max} 之间的数，最多两位小数', en: 'Enter a number from 0 to {max}, at most 2 decimals' },
  yearInvalid: { zh: '请输入 2000 至 2100 之间的年份', en: 'Enter a year from 2000 to 2100' },
  scoreInvalidTitle: { zh: '得分无效', en: 'Invalid score' },
  yearInvalidTitle: { zh: '年度无效', en: 'Invalid year' },
};

/** Descriptions of the rules on the template's 考评规则 sheet (keyed by the English key). */
export const RULE_NOTE: Record<
  'excellentMin' | 'qualifiedMin' | 'basicMin' | 'rectifyDays' | 'awardMinBand' | 'rankMode' | 'language',
  Msg
> = {
  excellentMin: { zh: '合计不低于此分为优秀', en: 'Excellent at or above this total' },
  qualifiedMin: { zh: '合计不低于此分为合格（低于优秀分数线）', en: 'Qualified at or above this total (below the excellent line)' },
  basicMin: { zh: '合计不低于此分为基本合格，低于为不合格', en: 'Basically qualified at or above this total; below it Unqualified' },
  rectifyDays: { zh: '整改期限：考评期结束后的天数（1–366）', en: 'Rectification deadline: days after the period ends (1–366)' },
  awardMinBand: { zh: '评先要求两个半年度的最低等次：优秀 或 合格', en: 'Lowest half-year band for awards: excellent or qualified' },
  rankMode: { zh: '竞争排名（1、1、3）或 中国式排名（1、1、2）', en: 'competition (1, 1, 3) or dense (1, 1, 2)' },
  language: { zh: '输出语言：自动、zh-CN 或 en-US', en: 'Output language: auto, zh-CN or en-US' },
};

/** Rule values as the template writes them, per language. */
export const RULE_VALUE_WORD: Record<string, Msg> = {
  excellent: { zh: '优秀', en: 'excellent' },
  qualified: { zh: '合格', en: 'qualified' },
  competition: { zh: '竞争排名', en: 'competition' },
  dense: { zh: '中国式排名', en: 'dense' },
  auto: { zh: '自动', en: 'auto' },
};

/** English scoring guides of the default rubric's items (keyed by code), for the English template. */
export const DEFAULT_GUIDE_EN: Record<string, string> = {
  '1': 'Study as planned; complete study records',
  '2': 'Know and resolve staff concerns promptly',
  '3': 'Monthly group meeting held on time, of good quality',
  '4': 'Members educated and managed; dues collected on time and in full',
  '5': 'Members keep in contact with staff as the rules require',
  '6': 'Criticism and self-criticism carried out seriously',
  '7': 'Discipline kept, no violations',
  '8': 'Model posts clearly set an example',
  '9': 'Rules carried out; handbook filled in properly',
  '10': 'Records complete and up to date',
  '11': 'No violations, no liable accidents',
  '12': 'Production tasks done; model service days held',
};
