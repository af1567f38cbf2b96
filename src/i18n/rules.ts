/**
 * Catalogue: the rules of the 考评规则 / Rules sheet (SPEC §2.7), ONE entry per rule key — its label (the
 * settings form, 与上次相比), its hint under the form's field, its note on the template's 考评规则 sheet and,
 * for a choice rule, the form's word for each choice. `Record<RuleKey, …>`: a new rule fails to compile
 * until it has its words here (docs/architecture.md: "Add a rule").
 */
import type { RuleKey } from '../domain/rules';
import { BAND } from './domain';
import type { Msg } from './index';
import { PANE } from './pane';

export interface RuleWords {
  label: Msg;
  hint?: Msg;
  note: Msg;
  /** A choice rule's choices as the settings form names them, by code. */
  choices?: Record<string, Msg>;
}

export const RULE_WORDS: { readonly [K in RuleKey]: RuleWords } = {
  excellentMin: {
    label: { zh: '优秀分数线', en: 'Excellent threshold' },
    note: { zh: '合计不低于此分为优秀', en: 'Excellent at or above this total' },
  },
  qualifiedMin: {
    label: { zh: '合格分数线', en: 'Qualified threshold' },
    note: { zh: '合计不低于此分为合格（低于优秀分数线）', en: 'Qualified at or above this total (below the Excellent threshold)' },
  },
  basicMin: {
    label: { zh: '基本合格分数线', en: 'Basically qualified threshold' },
    note: { zh: '合计不低于此分为基本合格，低于此分为不合格', en: 'Basically qualified at or above this total; below it Unqualified' },
  },
  rectifyMonths: {
    label: { zh: '整改期限（月）', en: 'Months allowed for rectification' },
    hint: {
      zh: '考评期结束后的月数（1至12），期限为该月最后一天',
      en: 'Months after the period ends (1 to 12); the deadline is that month’s last day',
    },
    note: {
      zh: '整改期限：考评期结束后第几个月的最后一天（1至12；默认3：上半年为9月30日，下半年为次年3月31日）',
      en: 'Rectification deadline: the last day of the month this many months after the period ends (1 to 12; default 3: September 30 for H1, March 31 for H2)',
    },
  },
  rectifyDays: {
    label: { zh: '整改期限天数', en: 'Days allowed for rectification' },
    hint: {
      zh: '一般留空；填写时按考评期结束后的天数（1至366）计算，优先于整改期限（月）',
      en: 'Usually blank; when set, days after the period ends (1 to 366), instead of the months',
    },
    note: {
      zh: '一般留空；填写时整改期限为考评期结束后的天数（1至366），优先于整改期限（月）',
      en: 'Usually blank; when set, the deadline is this many days after the period ends (1 to 366), instead of the months',
    },
  },
  awardMinBand: {
    label: { zh: '评先最低等次', en: 'Lowest grade for awards' },
    note: { zh: '评先要求上、下半年的最低等次：优秀或合格', en: 'Lowest half-year grade for awards: Excellent or Qualified' },
    choices: {
      excellent: BAND.excellent,
      qualified: BAND.qualified,
    },
  },
  rankMode: {
    label: { zh: '排名方式', en: 'Ranking' },
    note: {
      zh: '并列占位排名（如1、1、3）或并列不占位排名（中国式，如1、1、2）',
      en: 'competition (standard competition ranking, e.g. 1, 1, 3) or dense (e.g. 1, 1, 2)',
    },
    choices: {
      competition: { zh: '并列占位排名（如1、1、3）', en: 'Standard competition (e.g. 1, 1, 3)' },
      dense: { zh: '并列不占位排名（中国式，如1、1、2）', en: 'Dense (e.g. 1, 1, 2)' },
    },
  },
  leaderReviewBand: {
    label: { zh: '党小组长预警', en: 'Leader performance warning' },
    hint: {
      zh: '同一党小组长任内连续两次考评等次为此等次及以下时，提出党小组长履职预警',
      en: 'Two consecutive assessments under the same leader at or below this grade raise a Leader performance warning',
    },
    note: {
      zh: '同一党小组长任内连续两次考评等次为此等次及以下时，提出党小组长履职预警：基本合格（基本合格及以下）或不合格（仅不合格）',
      en: 'Two consecutive assessments under the same leader at or below this grade raise a Leader performance warning: basic (Basically qualified or below) or unqualified (Unqualified only)',
    },
    choices: {
      basic: { zh: '基本合格及以下', en: 'Basically qualified or below' },
      unqualified: { zh: '仅不合格', en: 'Unqualified only' },
    },
  },
  unitName: {
    label: { zh: '单位名称', en: 'Unit name' },
    hint: {
      zh: '用于打印表的标题；不填则取评分表标题行中的单位',
      en: 'Used in the printed tables’ titles; blank: taken from the score sheet’s title row',
    },
    note: {
      zh: '打印表标题中的单位名称；不填则取评分表标题行中的单位',
      en: 'The unit named in the printed tables’ titles; blank: taken from the score sheet’s title row',
    },
  },
  basis: {
    label: { zh: '考评依据', en: 'Basis' },
    hint: { zh: '文件名，不填则为《党小组工作考评办法》', en: 'The document’s title; blank: the Measures for Assessing the Work of Party Groups' },
    note: {
      zh: '考评依据的文件名；不填则为《党小组工作考评办法》',
      en: 'The document the assessment follows; blank: the Measures for Assessing the Work of Party Groups',
    },
  },
  language: {
    label: { zh: '输出语言', en: 'Output language' },
    note: { zh: '输出语言：自动、zh-CN 或 en-US', en: 'Output language: auto, zh-CN or en-US' },
    choices: {
      auto: { zh: '自动（跟随Office）', en: 'Auto (as Office)' },
      'zh-CN': PANE.langZh,
      'en-US': PANE.langEn,
    },
  },
};

/** The output language's “auto” in the workbook page, where there is no Office: the page's language is followed. */
export const AUTO_IN_PAGE: Msg = { zh: '跟随本页语言', en: 'Follows this page’s language' };

/** Rule values as the template and the settings write them, per language (the parser accepts these and older words). */
export const RULE_VALUE_WORD: Record<string, Msg> = {
  excellent: { zh: '优秀', en: 'excellent' },
  qualified: { zh: '合格', en: 'qualified' },
  basic: { zh: '基本合格', en: 'basic' },
  unqualified: { zh: '不合格', en: 'unqualified' },
  competition: { zh: '并列占位排名', en: 'competition' },
  dense: { zh: '并列不占位排名', en: 'dense' },
  auto: { zh: '自动', en: 'auto' },
};
