/**
 * Catalogue: the column words that the output sheets and the task pane share (one source for each word),
 * as the glossary (用语表) names them: 党小组长 (never 组长 alone), 等次, Party group, grade…
 */
import type { Msg } from './index';

export const WORD = {
  period: { zh: '考评期', en: 'Period' },
  year: { zh: '年度', en: 'Year' },
  h1: { zh: '上半年', en: 'H1' },
  h2: { zh: '下半年', en: 'H2' },
  group: { zh: '党小组', en: 'Party group' },
  groups: { zh: '党小组', en: 'Party groups' },
  leader: { zh: '党小组长', en: 'Party group leader' },
  liaison: { zh: '联系支委', en: 'Liaison committee member' },
  band: { zh: '等次', en: 'Grade' },
  noBand: { zh: '未定等次', en: 'No grade' },
  status: { zh: '状态', en: 'Status' },
  deadline: { zh: '整改期限', en: 'Rectification deadline' },
  veto: { zh: '一票否决', en: 'One-vote veto' },
  eligible: { zh: '评先资格', en: 'Award eligibility' },
  average: { zh: '年度平均分', en: 'Annual average' },
  award: { zh: '评先推荐', en: 'Award nomination' },
  cell: { zh: '单元格', en: 'Cell' },
  value: { zh: '值', en: 'Value' },
  problem: { zh: '问题', en: 'Problem' },
  dash: { zh: '—', en: '—' },
} satisfies Record<string, Msg>;
