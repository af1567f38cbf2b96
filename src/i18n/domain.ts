/** Catalogue: bands, statuses, titles, severities and warnings — the words of the rules (SPEC §2). */
import type { BandCode, Lang, Period, RectifyStatus, RowStatus, Severity, Title, Warning, WarningCode } from '../domain/types';
import { closedTimely } from '../domain/warnings';
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

/**
 * The year's titles. Both are recommendations for the branch committee to confirm (SPEC §2.6: the 办法
 * also asks that the group 符合条件，党建工作成绩得到一致公认, which only the committee can judge).
 */
export const TITLE: Record<Title, Msg> = {
  advanced: {
    zh: '拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定',
    en: 'Proposed as Advanced Party group of the year (model group nominee) for the branch committee to decide',
  },
  leader_candidate: { zh: '优秀党小组长推荐人选', en: 'Outstanding leader nominee' },
};

/** The recommendation shared by tied groups (GLOSSARY: 年度先进党小组（并列，示范党小组推荐对象）). */
export const TITLE_TIED: Msg = {
  zh: '拟推荐为年度先进党小组（并列，示范党小组推荐对象），提请支委会研究确定',
  en: 'Proposed as Advanced Party group of the year (tied, model group nominee) for the branch committee to decide',
};

export const TIE_MARK: Msg = { zh: '并列', en: 'tied' };

export const SEVERITY: Record<Severity, Msg> = {
  serious: { zh: '严重', en: 'Serious' },
  warning: { zh: '一般', en: 'Moderate' },
  info: { zh: '提示', en: 'Notice' },
};

/** A rectification's status in short (the pane's filters and badges, the roll-up's counts). */
export const WARNING_STATUS: Record<RectifyStatus, Msg> = {
  open: { zh: '待整改', en: 'Open' },
  overdue: { zh: '逾期未整改', en: 'Overdue' },
  closed: { zh: '已销号，待下次考评检验', en: 'Closed, to be checked at the next assessment' },
  not_effective: { zh: '整改未见效（已转入下期整改）', en: 'Not effective (carried into the next rectification)' },
  resolved: { zh: '已整改', en: 'Resolved' },
};

const RESOLVED_BY: Msg = { zh: '已整改（{period}考评等次为{band}）', en: 'Resolved ({period} graded {band})' };

/** What a status sentence needs besides the status: the period and band that decided it, the 销号日期. */
export interface StatusFacts {
  resolvedBy?: Period | null;
  /** The band of the next graded assessment, which decided it. */
  decidedBand?: BandCode | null;
  closedOn?: string | null;
  deadline?: string | null;
}

/**
 * A RECTIFY's status as written: 已整改 names the period that resolved it and its band; 已销号 says whether
 * it was closed by the deadline (按期销号 / 逾期销号).
 */
export function statusText(lang: Lang, status: RectifyStatus, facts: StatusFacts = {}): string {
  if (status === 'resolved' && facts.resolvedBy && facts.decidedBand) {
    return t(lang, RESOLVED_BY, { period: periodLabel(lang, facts.resolvedBy), band: t(lang, BAND[facts.decidedBand]) });
  }
  const timely = status === 'closed' ? closedTimely({ closedOn: facts.closedOn ?? null, deadline: facts.deadline ?? null }) : null;
  if (timely) return t(lang, { zh: '{status}（{timely}）', en: '{status} ({timely})' }, { status: t(lang, WARNING_STATUS[status]), timely: t(lang, CLOSED_TIMELY[timely]) });
  return t(lang, WARNING_STATUS[status]);
}

/** Whether a closed rectification was closed by its deadline: 按期销号 / 逾期销号. */
export const CLOSED_TIMELY: Record<'onTime' | 'late', Msg> = {
  onTime: { zh: '按期销号', en: 'Closed on time' },
  late: { zh: '逾期销号', en: 'Closed late' },
};


export const WARNING_NAME: Record<WarningCode, Msg> = {
  RECTIFY: { zh: '限期整改', en: 'Rectification' },
  LEADER_REVIEW: { zh: '党小组长履职预警', en: 'Leader performance warning' },
  LEADER_REPLACE: { zh: '考虑更换党小组长人选', en: 'Consider replacing the leader' },
  INCOMPLETE_YEAR: { zh: '年度考评不全', en: 'Incomplete year' },
  TIE_FOR_TOP: { zh: '年度平均分并列第一（提请支委会研究确定）', en: 'Tied for first (for the branch committee to decide)' },
};

/** TIE_FOR_TOP's name when an ineligible group has a higher average: the tie is among the eligible only. */
export const TIE_AMONG_ELIGIBLE_NAME: Msg = {
  zh: '在符合评先条件的党小组中年度平均分并列最高（提请支委会研究确定）',
  en: 'Tied for the highest average among the eligible (for the branch committee to decide)',
};

/** A warning's name: its kind's, except a tie that is not for the year's highest average of all. */
export function warningName(lang: Lang, w: { code: WarningCode; topOverall?: boolean | null }): string {
  return t(lang, w.code === 'TIE_FOR_TOP' && w.topOverall === false ? TIE_AMONG_ELIGIBLE_NAME : WARNING_NAME[w.code]);
}

const WARNING_TEXT: Record<WarningCode, Msg> = {
  RECTIFY: {
    zh: '{period}考评等次为{band}。党支部将帮助其查找原因、制定改进措施，要求于{deadline}前完成整改。',
    en: '{period} graded {band}. The Party branch will help the group find the causes and set improvement measures, with rectification due by {deadline}.',
  },
  LEADER_REVIEW: {
    zh: '{leaderOf}任党小组长期间连续{count}次考评等次为基本合格及以下（{run}）。请支委会了解党小组长主观努力情况；主观上不愿努力改进的，应及时更换党小组长。',
    en: 'Graded Basically qualified or below in {count} consecutive assessments under {leaderOf} as leader ({run}). The branch committee should look into the leader’s own effort; a leader unwilling to improve should be replaced promptly.',
  },
  LEADER_REPLACE: {
    zh: '{leaderOf}任党小组长期间连续{count}年（{run}）年度考评等次为基本合格及以下。考虑更换党小组长人选。',
    en: 'Annual grade Basically qualified or below in {count} consecutive years under {leaderOf} as leader ({run}). Consider replacing the leader.',
  },
  INCOMPLETE_YEAR: {
    zh: '{year}年度上、下半年考评未全部完成（{missing}），不计算年度结果，不参加排名和评先。',
    en: 'The H1 and H2 assessments of {year} are not both complete ({missing}): no annual result, not ranked, not eligible for awards.',
  },
  TIE_FOR_TOP: {
    zh: '{year}年度与{others}年度平均分并列第一（{average}分），均标注“并列”，提请支委会研究确定。',
    en: 'Tied for first in {year} with {others} (annual average {average}); all are marked tied for the branch committee to decide.',
  },
};

/** TIE_FOR_TOP when an ineligible group has a higher average (SPEC §2.5). */
const TIE_AMONG_ELIGIBLE_TEXT: Msg = {
  zh: '{year}年度在符合评先条件的党小组中，与{others}年度平均分并列最高（{average}分），均标注“并列”，提请支委会研究确定。',
  en: 'In {year}, tied with {others} for the highest annual average among the groups eligible for awards ({average}); all are marked tied for the branch committee to decide.',
};

/** LEADER_REVIEW when the rule (党小组长预警) is narrowed to 不合格. */
const LEADER_REVIEW_STRICT: Msg = {
  zh: '{leaderOf}任党小组长期间连续{count}次考评等次为不合格（{run}）。请支委会了解党小组长主观努力情况；主观上不愿努力改进的，应及时更换党小组长。',
  en: 'Graded Unqualified in {count} consecutive assessments under {leaderOf} as leader ({run}). The branch committee should look into the leader’s own effort; a leader unwilling to improve should be replaced promptly.',
};

/** The leader named in a leader warning; without a leader column, the group's leader in general. */
const LEADER_OF: Msg = { zh: '{leader}', en: '{leader}' };
const LEADER_UNNAMED: Msg = { zh: '同一党小组长', en: 'the same leader' };

/** An incomplete year's halves: 上半年无考评记录 (no record) vs 上半年未评定 (a record that could not be graded). */
const HALF_STATE: Record<'ungraded' | 'none', Record<1 | 2, Msg>> = {
  none: { 1: { zh: '上半年无考评记录', en: 'no H1 record' }, 2: { zh: '下半年无考评记录', en: 'no H2 record' } },
  ungraded: { 1: { zh: '上半年未评定', en: 'H1 not graded' }, 2: { zh: '下半年未评定', en: 'H2 not graded' } },
};

const RECTIFY_VETO_TEXT: Msg = {
  zh: '{period}一票否决（{veto}），考评等次为不合格。党支部将帮助其查找原因、制定改进措施，要求于{deadline}前完成整改。',
  en: '{period} One-vote veto ({veto}): graded Unqualified. The Party branch will help the group find the causes and set improvement measures, with rectification due by {deadline}.',
};

const NOT_EFFECTIVE_TEXT: Msg = {
  zh: '{period}考评等次仍为{band}，整改未见效，已转入该期整改。',
  en: '{period} is still graded {band}: not effective; carried into that period’s rectification.',
};

const RESOLVED_TEXT: Msg = {
  zh: '经整改，{period}考评等次为{band}，整改取得成效。',
  en: 'After rectification, the group was graded {band} in {period}: the rectification took effect.',
};

const CLOSED_TEXT: Msg = {
  zh: '台账已于{closedOn}销号（{timely}），待下次考评检验。',
  en: 'Closed in the ledger on {closedOn} ({timely}); to be checked at the next assessment.',
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
  const sep = lang === 'en-US' ? ', ' : '、';
  const gap = lang === 'en-US' ? ' ' : '';
  const focus = w.focusItems.map((c) => `${c}.${ctx.itemName(c)}`).join(sep);
  const vetoed = w.code === 'RECTIFY' && w.veto;
  const template = vetoed
    ? RECTIFY_VETO_TEXT
    : w.code === 'LEADER_REVIEW' && w.reviewBand === 'unqualified'
      ? LEADER_REVIEW_STRICT
      : w.code === 'TIE_FOR_TOP' && w.topOverall === false
        ? TIE_AMONG_ELIGIBLE_TEXT
        : WARNING_TEXT[w.code];
  const run =
    w.code === 'LEADER_REVIEW'
      ? (w.run ?? []).map((p) => periodLabel(lang, p))
      : (w.runYears ?? []).map((y) => (lang === 'en-US' ? String(y) : `${y}年度`));
  const missing = w.halves
    ? ([1, 2] as const)
        .map((h) => (h === 1 ? w.halves!.h1 : w.halves!.h2))
        .map((st, i) => (st === 'graded' ? null : t(lang, HALF_STATE[st][(i + 1) as 1 | 2])))
        .filter((x): x is string => x !== null)
        .join(lang === 'en-US' ? '; ' : '，')
    : '';
  let text = t(lang, template, {
    veto: w.veto ?? '',
    period,
    year: w.year,
    band: w.band ? t(lang, BAND[w.band]) : '',
    deadline: w.deadline ? dateLabel(lang, w.deadline) : '',
    others: (ctx.tiedWith ?? []).join(sep),
    average: ctx.average == null ? '' : points3(ctx.average),
    leaderOf: w.leader ? t(lang, LEADER_OF, { leader: w.leader }) : t(lang, LEADER_UNNAMED),
    count: run.length,
    run: run.join(sep),
    missing,
  });
  if (w.code === 'RECTIFY' && ctx.withFocus !== false && focus) text += gap + t(lang, FOCUS_TEXT, { focus });
  if (w.code === 'RECTIFY' && w.status === 'not_effective' && w.checkedBy) {
    text += gap + t(lang, NOT_EFFECTIVE_TEXT, { period: periodLabel(lang, w.checkedBy), band: w.decidedBand ? t(lang, BAND[w.decidedBand]) : '' });
  }
  if (w.code === 'RECTIFY' && w.status === 'resolved' && w.resolvedBy && w.decidedBand) {
    text += gap + t(lang, RESOLVED_TEXT, { period: periodLabel(lang, w.resolvedBy), band: t(lang, BAND[w.decidedBand]) });
  }
  if (w.code === 'RECTIFY' && w.status === 'closed' && w.closedOn) {
    const timely = closedTimely(w);
    text += gap + t(lang, CLOSED_TEXT, { closedOn: dateLabel(lang, w.closedOn), timely: timely ? t(lang, CLOSED_TIMELY[timely]) : '' });
  }
  return text;
}
