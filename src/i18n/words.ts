/**
 * Catalogue: the column words that the output sheets and the task pane share (one source for each word),
 * as the glossary (用语表) names them: 党小组长 (never 组长 alone), 等次, Party group, grade…
 */
import type { Lang, Msg } from './index';
import { t } from './index';

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

/** A cell named for people (用语表): “2023年下半年表H10单元格”; JSON and links keep `Sheet!A1`. */
const CELL_FOR_PEOPLE: Msg = { zh: '{sheet}表{ref}单元格', en: 'cell {ref} of sheet “{sheet}”' };

const ADDRESS = /^(.+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/;

/**
 * `2023年下半年!H10` as people read it in the pane and in messages: “2023年下半年表H10单元格” / “cell H10 of
 * sheet “2023年下半年””. A quoted sheet name ('My sheet'!A1) loses its quotes; anything that is not a cell
 * address (a file, a sheet) stays as written.
 */
export function cellText(lang: Lang, address: string): string {
  const m = ADDRESS.exec(address);
  if (!m) return address;
  const quoted = /^'(.*)'$/.exec(m[1]);
  const sheet = quoted ? quoted[1].replace(/''/g, "'") : m[1];
  return t(lang, CELL_FOR_PEOPLE, { sheet, ref: m[2].replace(/\$/g, '') });
}

/** The same in both languages, as a message parameter (a notice shown later in the pane's language). */
export function cellMsg(address: string): Msg {
  return { zh: cellText('zh-CN', address), en: cellText('en-US', address) };
}
