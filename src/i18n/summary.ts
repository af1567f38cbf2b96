/**
 * Catalogue: the report paragraph for the Party committee (汇报文字), in the official style a branch
 * writes, Chinese first. Built by src/app/summary-text.ts from the rules' own words (./domain).
 */
import type { Msg } from './index';

export const SUMMARY = {
  noRecords: { zh: '尚无考评记录。', en: 'No assessment records yet.' },
  branch: { zh: '党支部', en: 'the Party branch' },
  /** {unit} 对 n 个党小组进行了考评 */
  opening: { zh: '{period}，{unit}对{count}个党小组进行了考评', en: 'In {period}, {unit} assessed {count} Party groups' },
  bandCounts: { zh: '，其中{counts}', en: ': {counts}' },
  bandCount: { zh: '{band}{count}个', en: '{count} {band}' },
  ungraded: { zh: '；{groups}尚未评定', en: '; not yet graded: {groups}' },
  ungradedItem: { zh: '{group}（{reason}）', en: '{group} ({reason})' },
  reasonPending: { zh: '待评分', en: 'pending' },
  reasonNotGraded: { zh: '有数据问题', en: 'data issues' },
  reasonDuplicate: { zh: '考评记录重复', en: 'duplicate records' },
  end: { zh: '。', en: '.' },
  rectify: { zh: '{group}考评等次为{band}，已明确整改期限为{deadline}', en: '{group} was graded {band}, with rectification due by {deadline}' },
  rectifyVeto: {
    zh: '{group}一票否决（{veto}），考评等次为不合格，已明确整改期限为{deadline}',
    en: '{group} had a One-vote veto ({veto}) and was graded Unqualified, with rectification due by {deadline}',
  },
  rectifyHelp: {
    zh: '党支部帮助查找原因、制定改进措施。',
    en: 'The Party branch helps find the causes and set improvement measures.',
  },
  leaderReview: {
    zh: '{groups}连续两次考评等次在基本合格以下，党小组长主观上不愿努力改进的，应及时更换。',
    en: '{groups}: graded Basically qualified or below in two consecutive assessments; if the leader is unwilling to improve, replace the leader promptly.',
  },
  leaderReviewStrict: {
    zh: '{groups}连续两次考评等次为不合格，党小组长主观上不愿努力改进的，应及时更换。',
    en: '{groups}: graded Unqualified in two consecutive assessments; if the leader is unwilling to improve, replace the leader promptly.',
  },
  resolved: { zh: '{groups}经整改，本次考评等次达到合格及以上。', en: 'After rectification, {groups} graded Qualified or better this time.' },
  outstanding: { zh: '截至{asOf}，{items}。', en: 'As of {asOf}: {items}.' },
  outstandingItem: { zh: '{group}（{period}考评）{status}', en: '{group} ({period}) {status}' },
  statusOverdue: { zh: '逾期未整改', en: 'rectification overdue' },
  statusNotEffective: { zh: '整改未见效', en: 'rectification not effective' },
  annualAdvanced: {
    zh: '{year}年度，{groups}年度平均分最高（{average}分），为年度先进党小组（示范党小组推荐对象）',
    en: 'In {year}, {groups} had the highest annual average ({average}) and is the Advanced Party group of the year (model group nominee)',
  },
  annualTied: {
    zh: '{year}年度，{groups}年度平均分并列第一（{average}分），均标注“并列”，提请支委会研究确定年度先进党小组（示范党小组推荐对象）',
    en: 'In {year}, {groups} tied for first with an annual average of {average}; the branch committee decides the Advanced Party group of the year (model group nominee)',
  },
  annualNone: { zh: '{year}年度没有符合评先条件的党小组', en: 'In {year} no Party group is eligible for Advanced Party group of the year' },
  leaderCandidates: { zh: '；{people}为优秀党小组长推荐人选', en: '; Outstanding leader nominees: {people}' },
  person: { zh: '{leader}（{group}）', en: '{leader} ({group})' },
  vetoedYear: { zh: '；{groups}被一票否决，不参加排名和评先', en: '; {groups}: One-vote veto, not ranked and not eligible for awards' },
  leaderReplace: {
    zh: '{groups}连续两年年度考评等次在基本合格以下，考虑更换党小组长人选。',
    en: '{groups}: annual grade Basically qualified or below in two consecutive years; consider replacing the leader.',
  },
  listSep: { zh: '、', en: ', ' },
  clauseSep: { zh: '；', en: '; ' },
  sentenceGap: { zh: '', en: ' ' },
} satisfies Record<string, Msg>;
