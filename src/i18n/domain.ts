/** Catalogue: bands, statuses, titles, severities and warnings — the words of the rules (SPEC §2). */
import type { BandCode, Lang, Period, RectifyStatus, RowStatus, Severity, Title, Warning, WarningCode } from '../domain/types';
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
  advanced: { zh: '年度先进党小组（示范党小组推荐对象）', en: 'Advanced Party group of the year (model group nominee)' },
  leader_candidate: { zh: '优秀党小组长推荐人选', en: 'Outstanding leader nominee' },
};

export const TIE_MARK: Msg = { zh: '并列', en: 'tied' };

export const SEVERITY: Record<Severity, Msg> = {
  serious: { zh: '严重', en: 'Serious' },
  warning: { zh: '一般', en: 'Moderate' },
  info: { zh: '提示', en: 'Notice' },
};

export const WARNING_STATUS: Record<RectifyStatus, Msg> = {
  open: { zh: '待整改', en: 'Open' },
  overdue: { zh: '逾期未整改', en: 'Overdue' },
  not_effective: { zh: '整改未见效', en: 'Not effective' },
  resolved: { zh: '已整改（{period}考评合格）', en: 'Resolved ({period} graded Qualified or better)' },
};

/** A RECTIFY's status as written: 已整改 names the period that resolved it. */
export function statusText(lang: Lang, status: RectifyStatus, resolvedBy: Period | null | undefined): string {
  if (status === 'resolved' && !resolvedBy) return t(lang, { zh: '已整改', en: 'Resolved' });
  return t(lang, WARNING_STATUS[status], { period: resolvedBy ? periodLabel(lang, resolvedBy) : '' });
}

export const WARNING_NAME: Record<WarningCode, Msg> = {
  RECTIFY: { zh: '限期整改', en: 'Rectification' },
  LEADER_REVIEW: { zh: '及时更换党小组长', en: 'Replace the leader promptly' },
  LEADER_REPLACE: { zh: '考虑更换党小组长人选', en: 'Consider replacing the leader' },
  INCOMPLETE_YEAR: { zh: '年度考评不全', en: 'Incomplete year' },
  TIE_FOR_TOP: { zh: '年度第一并列（提请支委会研究确定）', en: 'Tied for first (for the branch committee to decide)' },
};

const WARNING_TEXT: Record<WarningCode, Msg> = {
  RECTIFY: {
    zh: '{period}考评等次为{band}。党支部帮助查找原因、制定改进措施，限于{deadline}前完成整改。',
    en: '{period} graded {band}. The Party branch helps find the causes and set improvement measures; rectification is due by {deadline}.',
  },
  LEADER_REVIEW: {
    zh: '连续两次考评等次在基本合格以下（{prev}、{period}）。党小组长主观上不愿努力改进的，应及时更换。',
    en: 'Graded Basically qualified or below in two consecutive assessments ({prev}, {period}). If the leader is unwilling to improve, replace the leader promptly.',
  },
  LEADER_REPLACE: {
    zh: '连续两年（{prevYear}年度、{year}年度）年度考评等次在基本合格以下。考虑更换党小组长人选。',
    en: 'Annual grade Basically qualified or below in two consecutive years ({prevYear}, {year}). Consider replacing the leader.',
  },
  INCOMPLETE_YEAR: {
    zh: '{year}年度上、下半年考评未全部完成，不计算年度结果，不参加排名和评先。',
    en: 'The H1 and H2 assessments of {year} are not both complete: no annual result, not ranked, not eligible for awards.',
  },
  TIE_FOR_TOP: {
    zh: '{year}年度与{others}年度平均分并列第一（{average}分），均标注“并列”，提请支委会研究确定。',
    en: 'Tied for first in {year} with {others} (annual average {average}); all are marked tied for the branch committee to decide.',
  },
};

/** LEADER_REVIEW when the rule (党小组长预警) is narrowed to 不合格. */
const LEADER_REVIEW_STRICT: Msg = {
  zh: '连续两次考评等次为不合格（{prev}、{period}）。党小组长主观上不愿努力改进的，应及时更换。',
  en: 'Graded Unqualified in two consecutive assessments ({prev}, {period}). If the leader is unwilling to improve, replace the leader promptly.',
};

const RECTIFY_VETO_TEXT: Msg = {
  zh: '{period}一票否决（{veto}），考评等次为不合格。党支部帮助查找原因、制定改进措施，限于{deadline}前完成整改。',
  en: '{period} One-vote veto ({veto}): graded Unqualified. The Party branch helps find the causes and set improvement measures; rectification is due by {deadline}.',
};

const NOT_EFFECTIVE_TEXT: Msg = {
  zh: '整改期限后的{period}考评等次仍在基本合格以下，整改未见效。',
  en: '{period}, after the deadline, is still graded Basically qualified or below: not effective.',
};

const FOCUS_TEXT: Msg = { zh: '主要失分项目：{focus}。', en: 'Items that lost most: {focus}.' };

const MONTHS_EN = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** A date for sheets and messages: 2025年9月28日 / September 28, 2025 (JSON keeps YYYY-MM-DD). */
export function dateLabel(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return lang === 'en-US' ? MONTHS_EN.format(Date.UTC(y, mo - 1, d)) : `${y}年${mo}月${d}日`;
}

export function periodLabel(lang: Lang, p: Period): string {
  return lang === 'en-US' ? `${p.year} H${p.half}` : `${p.year}年${p.half === 1 ? '上' : '下'}半年`;
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
  /** Add the items that lost most (主要失分项目) to a RECTIFY's message; the warnings sheet has a column for them. */
  withFocus?: boolean;
}

/** A warning's message in the user's language. */
export function warningMessage(lang: Lang, w: Warning, ctx: WarningTextContext): string {
  const period = w.half ? periodLabel(lang, { year: w.year, half: w.half }) : String(w.year);
  const prev = w.half
    ? periodLabel(lang, w.half === 2 ? { year: w.year, half: 1 } : { year: w.year - 1, half: 2 })
    : '';
  const sep = lang === 'en-US' ? ', ' : '、';
  const gap = lang === 'en-US' ? ' ' : '';
  const focus = w.focusItems.map((c) => `${c}.${ctx.itemName(c)}`).join(sep);
  const vetoed = w.code === 'RECTIFY' && w.veto;
  const template =
    vetoed ? RECTIFY_VETO_TEXT : w.code === 'LEADER_REVIEW' && w.reviewBand === 'unqualified' ? LEADER_REVIEW_STRICT : WARNING_TEXT[w.code];
  let text = t(lang, template, {
    veto: w.veto ?? '',
    period,
    prev,
    year: w.year,
    prevYear: w.year - 1,
    band: w.band ? t(lang, BAND[w.band]) : '',
    deadline: w.deadline ? dateLabel(lang, w.deadline) : '',
    others: (ctx.tiedWith ?? []).join(sep),
    average: ctx.average == null ? '' : points3(ctx.average),
  });
  if (w.code === 'RECTIFY' && ctx.withFocus !== false && focus) text += gap + t(lang, FOCUS_TEXT, { focus });
  if (w.code === 'RECTIFY' && w.status === 'not_effective' && w.checkedBy) {
    text += gap + t(lang, NOT_EFFECTIVE_TEXT, { period: periodLabel(lang, w.checkedBy) });
  }
  return text;
}
