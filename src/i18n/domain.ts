/** Catalogue: bands, statuses, titles, severities and warnings — the words of the rules (SPEC §2). */
import { DEFAULT_ITEM_EN, DEFAULT_RUBRIC } from '../domain/rubric';
import type { BandCode, Lang, Period, RowStatus, RubricItem, Severity, Title, Warning, WarningCode } from '../domain/types';
import type { Msg } from './index';
import { t } from './index';

export const BAND: Record<BandCode, Msg> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  qualified: { zh: '合格', en: 'Qualified' },
  basic: { zh: '基本合格', en: 'Basically qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
};

export const ROW_STATUS: Record<RowStatus, Msg> = {
  graded: { zh: '已评定', en: 'Graded' },
  pending: { zh: '待评分', en: 'Pending' },
  not_graded: { zh: '未评定', en: 'Not graded' },
  duplicate: { zh: '重复', en: 'Duplicate' },
};

export const TITLE: Record<Title, Msg> = {
  advanced: { zh: '年度先进党小组', en: 'Advanced group of the year' },
  leader_candidate: { zh: '优秀党小组长候选', en: 'Outstanding leader candidate' },
};

export const TIE_MARK: Msg = { zh: '并列', en: 'tied' };

export const SEVERITY: Record<Severity, Msg> = {
  serious: { zh: '严重', en: 'Serious' },
  warning: { zh: '警示', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
};

export const WARNING_STATUS: Record<'open' | 'resolved', Msg> = {
  open: { zh: '待整改', en: 'Open' },
  resolved: { zh: '已见效', en: 'Resolved' },
};

export const WARNING_NAME: Record<WarningCode, Msg> = {
  RECTIFY: { zh: '限期整改', en: 'Rectification' },
  LEADER_REVIEW: { zh: '组长警示', en: 'Leader review' },
  LEADER_REPLACE: { zh: '考虑调整组长', en: 'Leader replacement' },
  INCOMPLETE_YEAR: { zh: '年度不完整', en: 'Incomplete year' },
  TIE_FOR_TOP: { zh: '并列第一', en: 'Tie for top' },
};

const WARNING_TEXT: Record<WarningCode, Msg> = {
  RECTIFY: {
    zh: '{period}考评为{band}：支部帮助查找原因、制定改进措施，于{deadline}前完成整改。重点条款：{focus}。',
    en: '{period} assessed {band}: the branch helps find the causes and set improvement measures; rectify by {deadline}. Focus items: {focus}.',
  },
  LEADER_REVIEW: {
    zh: '连续两个半年度（{prev}、{period}）考评不合格：组长不愿改进的，应及时调整党小组长。',
    en: 'Unqualified in two consecutive half-years ({prev}, {period}): if the leader is unwilling to improve, replace the group leader promptly.',
  },
  LEADER_REPLACE: {
    zh: '连续两年（{prevYear}、{year}年）年度等次为基本合格及以下：考虑调整党小组长。',
    en: 'Annual band basically qualified or below in two consecutive years ({prevYear}, {year}): consider replacing the group leader.',
  },
  INCOMPLETE_YEAR: {
    zh: '{year}年没有两个已评定的半年度考评，不计年度结果。',
    en: '{year} does not have two graded half-years: no annual result.',
  },
  TIE_FOR_TOP: {
    zh: '{year}年与{others}并列年度平均分第一（{average}分），均标注“并列”，由支委会研究确定。',
    en: 'Tied for the top annual average of {year} ({average}) with {others}: all are marked tied; the branch committee decides.',
  },
};

const RECTIFY_VETO_TEXT: Msg = {
  zh: '{period}一票否决（{veto}），等次为不合格：支部帮助查找原因、制定改进措施，于{deadline}前完成整改。',
  en: '{period} vetoed ({veto}), so Unqualified: the branch helps find the causes and set improvement measures; rectify by {deadline}.',
};

const FOCUS_TEXT: Msg = { zh: '重点条款：{focus}。', en: 'Focus items: {focus}.' };

const RESOLVED_TEXT: Msg = { zh: '已于{period}整改见效。', en: 'Resolved in {period}.' };

/** An item's name in both languages: the default rubric's items have English names, a custom rubric's stay as written. */
export function itemNameMsg(item: RubricItem): Msg {
  const d = DEFAULT_RUBRIC.items.find((i) => i.code === item.code);
  return { zh: item.name, en: d && d.name === item.name ? DEFAULT_ITEM_EN[item.code] : item.name };
}

export function periodLabel(lang: Lang, p: Period): string {
  return lang === 'en-US' ? `${p.year} H${p.half}` : `${p.year}年${p.half === 1 ? '上' : '下'}半年`;
}

/** Hundredths as a plain number string: 9500 → "95", 9525 → "95.25". */
export function points(hundredths: number): string {
  return String(hundredths / 100);
}

/** Thousandths (annual averages) as a plain number string: 95500 → "95.5". */
export function points3(thousandths: number): string {
  return String(thousandths / 1000);
}

export interface WarningTextContext {
  /** Item code → item name, for focus items. */
  itemName: (code: string) => string;
  /** For TIE_FOR_TOP: the other tied groups and the shared average (thousandths). */
  tiedWith?: string[];
  average?: number | null;
}

/** A warning's message in the user's language. */
export function warningMessage(lang: Lang, w: Warning, ctx: WarningTextContext): string {
  const period = w.half ? periodLabel(lang, { year: w.year, half: w.half }) : String(w.year);
  const prev = w.half
    ? periodLabel(lang, w.half === 2 ? { year: w.year, half: 1 } : { year: w.year - 1, half: 2 })
    : '';
  const sep = lang === 'en-US' ? ', ' : '、';
  const focus = w.focusItems.map((c) => `${c}.${ctx.itemName(c)}`).join(sep) || '—';
  const vetoed = w.code === 'RECTIFY' && w.veto;
  let text = t(lang, vetoed ? RECTIFY_VETO_TEXT : WARNING_TEXT[w.code], {
    veto: w.veto ?? '',
    period,
    prev,
    year: w.year,
    prevYear: w.year - 1,
    band: w.band ? t(lang, BAND[w.band]) : '',
    deadline: w.deadline ?? '',
    focus,
    others: (ctx.tiedWith ?? []).join(sep),
    average: ctx.average == null ? '' : points3(ctx.average),
  });
  if (vetoed && w.focusItems.length) text += (lang === 'en-US' ? ' ' : '') + t(lang, FOCUS_TEXT, { focus });
  if (w.code === 'RECTIFY' && w.status === 'resolved' && w.resolvedBy) {
    text += (lang === 'en-US' ? ' ' : '') + t(lang, RESOLVED_TEXT, { period: periodLabel(lang, w.resolvedBy) });
  }
  return text;
}
