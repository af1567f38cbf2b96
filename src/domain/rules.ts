/**
 * The branch's configurable rules (SPEC §2.7) as ONE zod schema. From it come:
 * - the `Rules` type (z.infer),
 * - the 考评规则 / Rules sheet reader (src/workbook/parse-config.ts walks `RULE_KEYS` and the field kinds),
 * - the task pane's settings form (src/ui/rulesForm.ts: one field per key, its kind and its
 *   choices taken from the schema's enums).
 * Values are in the engine's units (thresholds in hundredths). No language strings here: the
 * configuration messages are catalogue ids (src/i18n/config.ts) carried as zod issue messages.
 */
import './zod-jitless';
import { z } from 'zod';

const points = z
  .number({ message: 'rulesNumberInvalid' })
  .int({ message: 'rulesNumberInvalid' })
  .positive({ message: 'rulesNumberInvalid' });

/** The longest text a text rule may hold (a unit's name, a document's title). */
export const RULE_TEXT_MAX = 60;

const text = z.string({ message: 'rulesTextInvalid' }).max(RULE_TEXT_MAX, { message: 'rulesTextInvalid' });

/** The shape of the rules: one field per key, in the order the 考评规则 sheet lists them. */
export const RulesShape = z.object({
  /** Thresholds in hundredths. */
  excellentMin: points,
  qualifiedMin: points,
  basicMin: points,
  /** Months after the period's end: the deadline is the last day of that month (H1 → 30 September at 3). */
  rectifyMonths: z
    .number({ message: 'rulesMonthsInvalid' })
    .int({ message: 'rulesMonthsInvalid' })
    .min(1, { message: 'rulesMonthsInvalid' })
    .max(12, { message: 'rulesMonthsInvalid' }),
  /** Days after the period's end, for workbooks that still set it (null: unset); when set it wins over rectifyMonths. */
  rectifyDays: z
    .number({ message: 'rulesDaysInvalid' })
    .int({ message: 'rulesDaysInvalid' })
    .min(1, { message: 'rulesDaysInvalid' })
    .max(366, { message: 'rulesDaysInvalid' })
    .nullable(),
  awardMinBand: z.enum(['excellent', 'qualified'], { message: 'rulesValueInvalid' }),
  rankMode: z.enum(['competition', 'dense'], { message: 'rulesValueInvalid' }),
  /** Two consecutive halves at or below this band raise LEADER_REVIEW. */
  leaderReviewBand: z.enum(['basic', 'unqualified'], { message: 'rulesValueInvalid' }),
  /** The unit named in the printed tables' titles; '' = from the score sheets' title row. */
  unitName: text,
  /** The document the assessment follows, without 《》; '' = the default 《党小组工作考评办法》. */
  basis: text,
  language: z.enum(['auto', 'zh-CN', 'en-US'], { message: 'rulesValueInvalid' }),
});

export type Rules = z.infer<typeof RulesShape>;
export type RuleKey = keyof Rules;

/**
 * How a rule is written in a cell (and edited in the pane): `count` is a whole number (months, days); an
 * optional count (rectifyDays) is an empty cell when unset.
 */
export type RuleKind = 'points' | 'count' | 'choice' | 'text';

/** The rules' schema with the cross-field checks (thresholds in order, not above the rubric's total). */
export function rulesSchema(rubricTotal: number) {
  return RulesShape.superRefine((r, ctx) => {
    if (r.excellentMin > rubricTotal) ctx.addIssue({ code: 'custom', message: 'rulesAboveTotal', path: ['excellentMin'] });
    if (r.excellentMin <= r.qualifiedMin) ctx.addIssue({ code: 'custom', message: 'rulesOrder', path: ['excellentMin', 'qualifiedMin'] });
    if (r.qualifiedMin <= r.basicMin) ctx.addIssue({ code: 'custom', message: 'rulesOrder', path: ['qualifiedMin', 'basicMin'] });
  });
}

export const DEFAULT_RULES: Rules = {
  excellentMin: 9500,
  qualifiedMin: 8000,
  basicMin: 6000,
  rectifyMonths: 3,
  rectifyDays: null,
  awardMinBand: 'qualified',
  rankMode: 'competition',
  leaderReviewBand: 'basic',
  unitName: '',
  basis: '',
  language: 'auto',
};

/**
 * Each rule's Chinese key (the English key is the field's name), how its value is written in a cell and
 * edited in the pane (its kind: src/workbook/rule-values.ts converts each kind between cell, value and
 * text), and whether it changes results (the run digest's rules, compared in 与上次相比) or only words.
 */
const RULE_META = {
  excellentMin: { zh: '优秀分数线', kind: 'points', affectsResults: true },
  qualifiedMin: { zh: '合格分数线', kind: 'points', affectsResults: true },
  basicMin: { zh: '基本合格分数线', kind: 'points', affectsResults: true },
  rectifyMonths: { zh: '整改期限（月）', kind: 'count', affectsResults: true },
  rectifyDays: { zh: '整改期限天数', kind: 'count', affectsResults: true },
  awardMinBand: { zh: '评先最低等次', kind: 'choice', affectsResults: true },
  rankMode: { zh: '排名方式', kind: 'choice', affectsResults: true },
  leaderReviewBand: { zh: '党小组长预警', kind: 'choice', affectsResults: true },
  unitName: { zh: '单位名称', kind: 'text', affectsResults: false },
  basis: { zh: '考评依据', kind: 'text', affectsResults: false },
  language: { zh: '输出语言', kind: 'choice', affectsResults: false },
} as const satisfies { [K in RuleKey]: { zh: string; kind: RuleKind; affectsResults: boolean } };

/** Every rule in the schema's order: its key, Chinese key and kind. */
export const RULE_KEYS: readonly { key: RuleKey; zh: string; kind: RuleKind }[] = (Object.keys(RulesShape.shape) as RuleKey[]).map(
  (key) => ({ key, zh: RULE_META[key].zh, kind: RULE_META[key].kind }),
);

/** The rules that change results (language, unit name and basis change words only). */
export type ResultRuleKey = { [K in RuleKey]: (typeof RULE_META)[K]['affectsResults'] extends true ? K : never }[RuleKey];

/** The rules that change results, in the schema's order. */
export const RESULT_RULE_KEYS: readonly ResultRuleKey[] = RULE_KEYS.filter((k) => RULE_META[k.key].affectsResults).map((k) => k.key as ResultRuleKey);

/** The allowed codes of a choice rule, from the schema's enum. */
export function ruleChoices(key: RuleKey): readonly string[] {
  const field = RulesShape.shape[key] as unknown as { options?: readonly string[] };
  return field.options ?? [];
}
