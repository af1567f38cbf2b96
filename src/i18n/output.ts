/**
 * Catalogue: the words the renderer writes into the workbook — output sheet names, headers, summary
 * lines, notes — and the blank template's sheets. Chinese first, English second.
 */
import type { Msg } from './index';
import { WORD } from './words';
import { errorCodes } from './errors';

/** The output sheets: the four working sheets (SPEC §4), then the three official tables for printing. */
export type OutputKind = 'results' | 'ranking' | 'warnings' | 'issues' | 'printHalf' | 'printYear' | 'printLedger';
export const OUTPUT_KINDS: readonly OutputKind[] = ['results', 'ranking', 'warnings', 'issues', 'printHalf', 'printYear', 'printLedger'];

export const OUTPUT_SHEET: Record<OutputKind, Msg> = {
  results: { zh: '考评结果', en: 'Results' },
  ranking: { zh: '年度排名', en: 'Annual Ranking' },
  warnings: { zh: '预警与整改', en: 'Warnings' },
  issues: { zh: '数据问题', en: 'Data Issues' },
  printHalf: { zh: '半年考评结果表', en: 'Half-Year Table' },
  printYear: { zh: '年度考评结果表', en: 'Annual Table' },
  printLedger: { zh: '整改台账', en: 'Rectification ledger' },
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
  /** The basis (考评依据) when the rules name no document of the unit's own. */
  basisDefault: { zh: '党小组工作考评办法', en: 'Measures for Assessing the Work of Party Groups' },
  basisLine: { zh: '考评依据：《{basis}》', en: 'Basis: {basis}' },
  rubricSheet: { zh: '（考评项目见“{sheet}”表）', en: ' (rubric on sheet “{sheet}”)' },
  /** 等次标准 as the branch's documents state it. */
  bandLine: {
    zh: '等次标准：优秀{excellent}分及以上，合格{qualified}分（含）至{excellent}分（不含），基本合格{basic}分（含）至{qualified}分（不含），不合格{basic}分以下',
    en: 'Grades: Excellent {excellent} and above; Qualified {qualified} to under {excellent}; Basically qualified {basic} to under {qualified}; Unqualified below {basic}',
  },
  /** The time of the run, local. */
  generatedAt: { zh: '生成时间：{time}（本地时间）', en: 'Generated: {time} (local time)' },
} satisfies Record<string, Msg>;

/** Rank modes as the sheets state them. */
export const RANK_MODE: Record<'competition' | 'dense', Msg> = {
  competition: { zh: '并列占位排名（如1、1、3）', en: 'standard competition ranking (e.g. 1, 1, 3)' },
  dense: { zh: '并列不占位排名（中国式，如1、1、2）', en: 'dense ranking (e.g. 1, 1, 2)' },
};

/** 考评结果 sheet. */
export const RESULTS = {
  title: { zh: '党小组考评结果', en: 'Party group assessment results' },
  summaryTitle: { zh: '{period}汇总（共{count}条考评记录）', en: 'Summary of {period} ({count} records)' },
  summaryEmpty: { zh: '暂无考评记录', en: 'No assessment records yet' },
  summaryBand: WORD.band,
  summaryCount: { zh: '党小组数', en: 'Party groups' },
  summaryGroups: WORD.groups,
  summaryUngraded: WORD.noBand,
  summaryUngradedItem: { zh: '{group}（{status}）', en: '{group} ({status})' },
  rulesLine: {
    zh: '排名方式：{rankMode}；整改期限：{deadlineRule}',
    en: 'Ranking: {rankMode}; rectification due {deadlineRule}',
  },
  deadlineMonths: {
    zh: '考评期结束后第{months}个月的最后一天',
    en: 'on the last day of the month {months} month(s) after the period ends',
  },
  deadlineDays: {
    zh: '考评期结束后{days}天',
    en: '{days} days after the period ends',
  },
  period: WORD.period,
  group: WORD.group,
  leader: WORD.leader,
  liaison: WORD.liaison,
  total: { zh: '合计', en: 'Total' },
  band: WORD.band,
  status: WORD.status,
  reason: { zh: '说明', en: 'Notes' },
  veto: WORD.veto,
  source: { zh: '来源', en: 'Source' },
  noRows: { zh: '无：没有找到考评记录', en: 'None: no assessment records found' },
  reasonIssues: { zh: '{count}个数据问题，见“{sheet}”表', en: '{count} data issue(s), see sheet “{sheet}”' },
  reasonIssuesUnknown: { zh: '有数据问题，见“{sheet}”表', en: 'Data issues, see sheet “{sheet}”' },
  reasonDuplicate: {
    zh: '重复：同一党小组同一考评期有多条考评记录，均不评定，请删除多余的记录',
    en: 'Duplicate: the same Party group and period appear in more than one record; none is graded until fixed',
  },
  reasonPending: { zh: '待评分：各项得分均为空', en: 'Pending: all item scores are blank' },
  reasonVetoed: { zh: '一票否决，考评等次为不合格', en: 'One-vote veto: graded Unqualified' },
  notes: { zh: '备注：{notes}', en: 'Notes: {notes}' },
} satisfies Record<string, Msg>;

/** 年度排名 sheet. */
export const RANKING = {
  title: { zh: '年度排名', en: 'Annual ranking' },
  rankModeLine: {
    zh: '排名方式：{rankMode}。一票否决的党小组不参加排名和评先，列在已排名的党小组之后；年度考评不全的列在最后。',
    en: 'Ranking: {rankMode}. Party groups with a One-vote veto are not ranked and listed after the ranked ones; incomplete years come last.',
  },
  awardLine: {
    zh: '评先推荐：符合评先条件（上、下半年均已评定且均为{minBand}及以上，无一票否决，评先资格不为“否”）的党小组中年度平均分最高的，拟推荐为年度先进党小组（示范党小组推荐对象），并列时均标注“并列”，提请支委会研究确定；年度等次为优秀的党小组，其党小组长列为优秀党小组长推荐人选（被一票否决或已取消评先资格的除外），由支委会研究确定。',
    en: 'Award nominations: among the eligible Party groups (H1 and H2 both graded {minBand} or better, no One-vote veto, Award eligibility not “No”), the one with the highest annual average is proposed as Advanced Party group of the year (model group nominee) for the branch committee to decide; when several tie, all are marked tied. The leaders of Party groups graded Excellent for the year are Outstanding leader nominees (except those with a One-vote veto or without Award eligibility), for the branch committee to decide.',
  },
  year: WORD.year,
  rank: { zh: '名次', en: 'Rank' },
  group: WORD.group,
  leader: WORD.leader,
  h1: WORD.h1,
  h2: WORD.h2,
  average: WORD.average,
  band: { zh: '年度等次', en: 'Annual grade' },
  titles: WORD.award,
  notes: { zh: '说明', en: 'Notes' },
  source: { zh: '来源', en: 'Source' },
  noRows: { zh: '无：没有年度结果', en: 'None: no annual results' },
  tiedRank: { zh: '并列第{rank}名', en: 'tied at rank {rank}' },
  incomplete: { zh: '年度考评不全：{missing}，不计算年度结果，不参加排名和评先', en: 'Incomplete year: {missing}; no annual result, not ranked, not eligible for awards' },
  halfNoRecord: { zh: '{half}无考评记录', en: 'no {half} record' },
  halfNotGraded: { zh: '{half}未评定', en: '{half} not graded' },
  vetoed: { zh: '一票否决，不参加排名和评先', en: 'One-vote veto: not ranked, not eligible for awards' },
  ineligible: { zh: '已取消评先资格', en: 'Award eligibility withdrawn' },
  belowAwardBand: { zh: '{half}考评等次为{band}，不参加评先', en: '{half} graded {band}: not eligible for awards (needs {minBand} or better)' },
  tieForTop: { zh: '年度平均分并列第一（提请支委会研究确定）', en: 'Tied for first (for the branch committee to decide)' },
  tieAmongEligible: {
    zh: '在符合评先条件的党小组中年度平均分并列最高（提请支委会研究确定）',
    en: 'Tied for the highest annual average among the Party groups eligible for awards (for the branch committee to decide)',
  },
  leaderChanged: { zh: '年度内党小组长有调整（{from}→{to}）', en: 'Leader changed during the year ({from} → {to})' },
  leaderCandidateByCommittee: { zh: '优秀党小组长推荐人选由支委会研究确定', en: 'The Outstanding leader nominee is for the branch committee to decide' },
} satisfies Record<string, Msg>;

/** 预警与整改 sheet. */
export const WARNINGS = {
  title: { zh: '预警与整改', en: 'Warnings and rectification' },
  countLine: {
    zh: '严重{serious}条，一般{warning}条，提示{info}条；逾期未整改{overdue}条，待整改{open}条，已销号待下次考评检验{closed}条（整改状态截至{asOf}）',
    en: '{serious} serious, {warning} moderate, {info} notices; {overdue} overdue, {open} open, {closed} closed and to be checked at the next assessment (status as of {asOf})',
  },
  severity: { zh: '严重程度', en: 'Severity' },
  code: { zh: '预警类型', en: 'Type' },
  period: WORD.period,
  group: WORD.group,
  leader: WORD.leader,
  liaison: WORD.liaison,
  message: { zh: '说明', en: 'Details' },
  deadline: WORD.deadline,
  status: { zh: '整改状态', en: 'Rectification status' },
  focus: { zh: '主要失分项目', en: 'Items that lost most' },
  source: { zh: '来源', en: 'Source' },
  noRows: { zh: '无：没有预警', en: 'None: no warnings' },
  ledgerLine: {
    zh: '整改台账：整改措施、责任人、完成情况、销号日期四列由党支部填写，重新考评时按预警类型、考评期和党小组保留；评分或规则调整后不再成立的预警，连同已填写的内容保留在表末，标注“预警已解除”。其他各列每次考评时重新生成。',
    en: 'Rectification ledger: the Party branch fills in the columns Rectification measures, Person responsible, Progress and Closed on; they are kept on every new run by type, period and Party group. A warning that no longer applies after the scores or rules changed is kept at the bottom with what was written, marked “Warning withdrawn”. The other columns are rewritten on every run.',
  },
  noLongerRaised: { zh: '预警已解除（评分或规则调整后不再成立）', en: 'Warning withdrawn (no longer applies after the scores or rules changed)' },
  keptSection: {
    zh: '以下预警已解除（评分或规则调整后不再成立），保留已填写的整改记录：',
    en: 'Warnings withdrawn (no longer applicable after the scores or rules changed), kept for what was written:',
  },
} satisfies Record<string, Msg>;

/** The rectification ledger's columns on the warnings sheet (整改台账). */
export const LEDGER = {
  measures: { zh: '整改措施', en: 'Rectification measures' },
  responsible: { zh: '责任人', en: 'Person responsible' },
  progress: { zh: '完成情况', en: 'Progress' },
  closedOn: { zh: '销号日期', en: 'Closed on' },
} satisfies Record<string, Msg>;

/** What a run could not keep as the user left it, said in the run's summary and the pane (never dropped silently). */
export const RUN_NOTE = {
  formula: {
    zh: '整改台账中的公式已按其文字保留（不再是公式）：{where}',
    en: 'Formulas in the rectification ledger were kept as their text (no longer formulas): {where}',
  },
  merged: {
    zh: '整改台账中的合并单元格未保留合并，只保留了每个合并区域左上单元格的内容：{where}',
    en: 'Merged cells in the rectification ledger were not kept merged; the top-left cell of each kept its content: {where}',
  },
  unplaced: {
    zh: '整改台账中有行的预警类型或考评期被改动，无法对应到预警，已原样保留在表的最后：{where}',
    en: 'Rows of the rectification ledger whose type or period was changed cannot be matched to a warning; kept as they were at the bottom: {where}',
  },
  untrusted: {
    zh: '工作表“{sheet}”已不像本助手生成的内容（早期版本的运行记录只记表名），已作为您的表保留；本次结果写入“{to}”。',
    en: 'Sheet “{sheet}” no longer looks like this add-in’s output (an earlier release recorded names only); kept as yours; this run wrote to “{to}”.',
  },
  more: { zh: '{list}等{n}处', en: '{list} and others ({n} in all)' },
} satisfies Record<string, Msg>;

/** The official tables (半年考评结果表, 年度考评结果表): what a secretary prints, signs and files. */
export const PRINT = {
  titleHalf: { zh: '{unit}党小组工作考评结果（{period}）', en: '{unit}Party Group Assessment Results ({period})' },
  titleYear: { zh: '{unit}党小组工作考评结果（{year}年度）', en: '{unit}Party Group Assessment Results ({year})' },
  /** How the unit is put before the title in English ("City Line Branch: "). */
  unitPrefixEn: { zh: '{unit}', en: '{unit}: ' },
  no: { zh: '序号', en: 'No.' },
  notes: { zh: '备注', en: 'Notes' },
  empty: { zh: '无考评记录', en: 'No assessment records' },
  rankLine: { zh: '排名方式：{rankMode}', en: 'Ranking: {rankMode}' },
  rectify: { zh: '限期整改，{deadline}前完成', en: 'Rectification due by {deadline}' },
  veto: { zh: '一票否决：{veto}', en: 'One-vote veto: {veto}' },
  pending: { zh: '待评分', en: 'Pending' },
  notGraded: { zh: '未评定（见“{sheet}”表）', en: 'Not graded (see sheet “{sheet}”)' },
  duplicate: { zh: '重复记录，未评定', en: 'Duplicate record, not graded' },
  /** The signature block under the table (the glossary's): 填表人 · 党支部书记（签字） · 党支部（盖章） · 年 月 日. */
  preparedBy: { zh: '填表人：', en: 'Prepared by:' },
  secretary: { zh: '党支部书记（签字）：', en: 'Branch secretary (signature):' },
  seal: { zh: '党支部（盖章）', en: 'Party branch (seal)' },
  signedOn: { zh: '　　　　年　　月　　日', en: 'Date:' },
  /** Top right of every official table. */
  pointsUnit: { zh: '单位：分', en: 'Unit: points' },
  /** Above the table, when the score sheet states the date of the assessment. */
  assessedOn: { zh: '考评时间：{date}', en: 'Assessed on: {date}' },
  /** Page footer with Excel's codes: &P this page, &N the pages. */
  footer: { zh: '第&P页 共&N页', en: 'Page &P of &N' },
} satisfies Record<string, Msg>;

/** 整改台账 (the official table): one row per rectification, what the branch wrote in its ledger. */
export const PRINT_LEDGER = {
  title: { zh: '{unit}党小组限期整改台账', en: '{unit}Party Group Rectification Ledger' },
  titleUpTo: { zh: '{unit}党小组限期整改台账（截至{period}）', en: '{unit}Party Group Rectification Ledger (up to {period})' },
  line: {
    zh: '考评等次为基本合格及以下的党小组限期整改，每条一行，按考评期先后排列；整改措施、责任人、完成情况、销号日期取自“{sheet}”表，核查人由党支部核查后签名。',
    en: 'Party groups graded Basically qualified or below must rectify: one row each, oldest period first; measures, person responsible, progress and closed on are taken from sheet “{sheet}”; Checked by is signed by the branch after checking.',
  },
  no: { zh: '序号', en: 'No.' },
  group: WORD.group,
  period: WORD.period,
  band: WORD.band,
  /** Broken before the bracket: a wrapped header never starts a line with “）”. */
  problems: { zh: '存在问题\n（主要失分项目）', en: 'Problems\n(items that lost most)' },
  measures: { zh: '整改措施', en: 'Rectification measures' },
  responsible: { zh: '责任人', en: 'Person responsible' },
  deadline: WORD.deadline,
  progress: { zh: '完成情况', en: 'Progress' },
  closedOn: { zh: '销号日期', en: 'Closed on' },
  checkedBy: { zh: '核查人', en: 'Checked by' },
  veto: { zh: '一票否决：{veto}', en: 'One-vote veto: {veto}' },
  empty: { zh: '无限期整改事项', en: 'No rectifications' },
} satisfies Record<string, Msg>;

/** Asking for the official tables of an earlier period (the CLI's --period, the page's and the pane's choice). */
export const PRINT_ERR = {
  badPeriod: {
    zh: '考评期“{value}”无效：请写成2024H1（上半年）、2024H2（下半年）或2024（年度），例如 --period 2024H1',
    en: 'invalid period “{value}”: write 2024H1 (first half), 2024H2 (second half) or 2024 (the year), e.g. --period 2024H1',
  },
  noRecords: {
    zh: '工作簿中没有{period}的考评记录，无法生成该期的正式表格；工作簿未作任何修改',
    en: 'the workbook has no assessment records for {period}, so its official tables cannot be produced; the workbook was not changed',
  },
} satisfies Record<string, Msg>;

export const PRINT_CODES = errorCodes('print', PRINT_ERR);

/** 数据问题 sheet. */
export const ISSUES = {
  title: { zh: '数据问题', en: 'Data issues' },
  countLine: {
    zh: '共{count}个数据问题。有问题的考评记录暂不评定（合计不符的除外），请修改后重新考评。',
    en: '{count} data issue(s). Records with an issue are not graded for now (except a total mismatch); correct them and assess again.',
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
  rulesKey: { zh: '项目', en: 'Setting' },
  rulesValue: { zh: '设定值', en: 'Value' },
  rulesNote: { zh: '说明', en: 'Description' },
  scoresTitle: { zh: '党小组工作评分表', en: 'Party group score sheet' },
  /** Note lines above the score table's header. They must not carry a year: the reader takes a period from title rows. */
  scoresNotes: [
    {
      zh: '填写说明：每个党小组每半年填一条考评记录；“年度”填四位数年份，“半年度”填“上半年”或“下半年”。',
      en: 'How to fill in: one record per Party group and half-year; Year as a four-digit year, Half as H1 or H2.',
    },
    {
      zh: '各项得分填0至该项分值之间的数，最多两位小数；“合计”可不填，考评按各项得分之和计算。',
      en: 'Item scores from 0 to the item’s max, at most 2 decimals; Total may be left blank (the item sum is used).',
    },
    {
      zh: '“一票否决”填写一票否决事由，没有则留空或填“无”；“评先资格”填“否”表示不参加评先；各项得分全部空白的考评记录视为待评分。',
      en: 'One-vote veto: the reason, or blank or “None”; Award eligibility: “No” excludes the Party group from awards; a record with every item score blank is pending.',
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
  veto: WORD.veto,
  eligible: WORD.eligible,
  notes: { zh: '备注', en: 'Notes' },
  scoreInvalid: { zh: '请输入0至{max}之间的数，最多两位小数', en: 'Enter a number from 0 to {max}, at most 2 decimals' },
  yearInvalid: { zh: '请输入2000至2100之间的年份', en: 'Enter a year from 2000 to 2100' },
  scoreInvalidTitle: { zh: '得分无效', en: 'Invalid score' },
  yearInvalidTitle: { zh: '年度无效', en: 'Invalid year' },
};


/** English scoring guides of the default rubric's items (keyed by code), for the English template. */
export const DEFAULT_GUIDE_EN: Record<string, string> = {
  '1': 'Study as planned; complete study records',
  '2': 'Know and resolve the concerns of the staff promptly',
  '3': 'Monthly Party group meeting held on time, of good quality',
  '4': 'Members educated and managed; dues collected on time and in full',
  '5': 'Members keep their ties with the masses as the rules require',
  '6': 'Criticism and self-criticism carried out seriously',
  '7': 'Discipline kept, no violations',
  '8': 'Model posts clearly set an example',
  '9': 'Rules carried out; handbook filled in properly',
  '10': 'Records complete and up to date',
  '11': 'No violations, no liable accidents',
  '12': 'Production tasks done; model service days held',
};
