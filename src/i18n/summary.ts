/**
 * Catalogue: the report paragraph for the Party committee (汇报文字), in the official style a branch
 * writes, Chinese first. Built by src/app/summary-text.ts from the rules' own words (./domain).
 */
import type { Msg } from './index';

export const SUMMARY = {
  noRecords: { zh: '尚无考评记录。', en: 'No assessment records yet.' },
  branch: { zh: '党支部', en: 'the Party branch' },
  /** A unit's name as the subject: 城区供电中心 → 城区供电中心党支部; 第二党支部 stays as it is. */
  unitBranch: { zh: '{unit}党支部', en: 'the Party branch of {unit}' },
  /** GLOSSARY: {单位}党支部对{N}个党小组进行了{考评期}考评 */
  opening: { zh: '{unit}对{count}个党小组进行了{period}考评', en: '{unit} assessed {count} Party groups for {period}' },
  bandCounts: { zh: '，其中{counts}', en: ': {counts}' },
  bandCount: { zh: '{band}{count}个', en: '{count} {band}' },
  ungraded: { zh: '；{groups}尚未评定', en: '; not yet graded: {groups}' },
  ungradedItem: { zh: '{group}（{reason}）', en: '{group} ({reason})' },
  reasonPending: { zh: '待评分', en: 'pending' },
  reasonNotGraded: { zh: '有数据问题', en: 'data issues' },
  reasonDuplicate: { zh: '考评记录重复', en: 'duplicate records' },
  end: { zh: '。', en: '.' },
  rectify: { zh: '{group}考评等次为{band}', en: '{group} was graded {band}' },
  rectifyVeto: {
    zh: '{group}因{veto}被一票否决，考评等次为不合格',
    en: '{group} had a One-vote veto ({veto}) and was graded Unqualified',
  },
  rectifyHelp: {
    zh: '党支部将帮助其查找原因、制定改进措施，要求于{deadline}前完成整改。',
    en: 'The Party branch will help them find the causes and set improvement measures, with rectification due by {deadline}.',
  },
  leaderReviewItem: { zh: '{group}党小组长{leader}', en: '{leader}, leader of {group}' },
  leaderReview: {
    zh: '{items}任党小组长期间连续两次及以上考评等次为基本合格及以下，请支委会了解党小组长主观努力情况；主观上不愿努力改进的，应及时更换党小组长。',
    en: '{items}: graded Basically qualified or below in two or more consecutive assessments under the same leader; the branch committee should look into the leader’s own effort, and a leader unwilling to improve should be replaced promptly.',
  },
  leaderReviewStrict: {
    zh: '{items}任党小组长期间连续两次及以上考评等次为不合格，请支委会了解党小组长主观努力情况；主观上不愿努力改进的，应及时更换党小组长。',
    en: '{items}: graded Unqualified in two or more consecutive assessments under the same leader; the branch committee should look into the leader’s own effort, and a leader unwilling to improve should be replaced promptly.',
  },
  resolvedItem: { zh: '{group}经整改，本次考评等次为{band}', en: '{group} was graded {band} this time' },
  resolved: { zh: '{items}，整改取得成效。', en: 'After rectification, {items}: the rectification took effect.' },
  outstanding: { zh: '截至{asOf}，{items}。', en: 'As of {asOf}: {items}.' },
  outstandingItem: { zh: '{group}（{period}考评）{status}', en: '{group} ({period}) {status}' },
  statusOverdue: { zh: '逾期未整改', en: 'rectification overdue' },
  annualAdvanced: {
    zh: '{year}年度，{groups}年度平均分最高（{average}分），拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定',
    en: 'In {year}, {groups} had the highest annual average ({average}) and is proposed as Advanced Party group of the year (model group nominee) for the branch committee to decide',
  },
  annualAdvancedEligible: {
    zh: '{year}年度，{groups}在符合评先条件的党小组中年度平均分最高（{average}分），拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定',
    en: 'In {year}, {groups} had the highest annual average among the groups eligible for awards ({average}) and is proposed as Advanced Party group of the year (model group nominee) for the branch committee to decide',
  },
  annualTied: {
    zh: '{year}年度，{groups}年度平均分并列第一（{average}分），拟推荐为年度先进党小组（并列，示范党小组推荐对象），提请支委会研究确定',
    en: 'In {year}, {groups} tied for first with an annual average of {average} and are proposed as Advanced Party group of the year (tied, model group nominees) for the branch committee to decide',
  },
  annualTiedEligible: {
    zh: '{year}年度，{groups}在符合评先条件的党小组中年度平均分并列最高（{average}分），拟推荐为年度先进党小组（并列，示范党小组推荐对象），提请支委会研究确定',
    en: 'In {year}, {groups} tied for the highest annual average among the groups eligible for awards ({average}) and are proposed as Advanced Party group of the year (tied, model group nominees) for the branch committee to decide',
  },
  annualNone: { zh: '{year}年度没有符合评先条件的党小组', en: 'In {year} no Party group is eligible for Advanced Party group of the year' },
  leaderCandidates: { zh: '；{people}为优秀党小组长推荐人选', en: '; Outstanding leader nominees: {people}' },
  person: { zh: '{group}党小组长{leader}', en: '{leader} ({group})' },
  vetoedYear: { zh: '；{groups}被一票否决，不参加排名和评先', en: '; {groups}: One-vote veto, not ranked and not eligible for awards' },
  vetoedItem: { zh: '{group}因{veto}', en: '{group} ({veto})' },
  leaderReplace: {
    zh: '{groups}连续两年年度考评等次为基本合格及以下，考虑更换党小组长人选。',
    en: '{groups}: annual grade Basically qualified or below in two consecutive years under the same leader; consider replacing the leader.',
  },
  listSep: { zh: '、', en: ', ' },
  clauseSep: { zh: '；', en: '; ' },
  sentenceGap: { zh: '', en: ' ' },
} satisfies Record<string, Msg>;
