/** Catalogue: the column words that the output sheets and the task pane share (one source for each word). */
import type { Msg } from './index';

export const WORD = {
  period: { zh: '考评期', en: 'Period' },
  year: { zh: '年度', en: 'Year' },
  h1: { zh: '上半年', en: 'H1' },
  h2: { zh: '下半年', en: 'H2' },
  group: { zh: '党小组', en: 'Group' },
  groups: { zh: '党小组', en: 'Groups' },
  leader: { zh: '党小组长', en: 'Leader' },
  liaison: { zh: '联系支委', en: 'Liaison' },
  band: { zh: '等次', en: 'Band' },
  noBand: { zh: '未定等次', en: 'No band' },
  status: { zh: '状态', en: 'Status' },
  deadline: { zh: '整改期限', en: 'Deadline' },
  cell: { zh: '单元格', en: 'Cell' },
  value: { zh: '值', en: 'Value' },
  problem: { zh: '问题', en: 'Problem' },
  dash: { zh: '—', en: '—' },
} satisfies Record<string, Msg>;
