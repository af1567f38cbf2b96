/**
 * The branch's configurable rules (SPEC §2.7) as ONE zod schema. From it come:
 * - the `Rules` type (z.infer),
 * - the 考评规则 / Rules sheet reader (src/workbook/parse-config.ts walks `RULE_KEYS` and the field kinds),
 * - the task pane's settings form (src/ui/rulesForm.ts: one field per key, its kind and its
 *   choices taken from the schema's enums).
 * Values are in the engine's units (thresholds in hundredths). No language strings here: the
 * configuration messages are catalogue ids (src/i18n/config.ts) carried as zod issue messages.
 */
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
  /** Days after the period's end. */
  rectifyDays: z
    .number({ message: 'rulesDaysInvalid' })
    .int({ message: 'rulesDaysInvalid' })
    .min(1, { message: 'rulesDaysInvalid' })
    .max(366, { message: 'rulesDaysInvalid' }),
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

/** How a rule is written in a cell (and edited in the pane). */
export type RuleKind = 'points' | 'days' | 'choice' | 'text';

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
  rectifyDays: 90,
  awardMinBand: 'qualified',
  rankMode: 'competition',
  leaderReviewBand: 'basic',
  unitName: '',
  basis: '',
  language: 'auto',
};

/** The Chinese key of each rule (the English key is the field's name) and how its value is written. */
const RULE_META: { [K in RuleKey]: { zh: string; kind: RuleKind } } = {
  excellentMin: { zh: '优秀分数线', kind: 'points' },
  qualifiedMin: { zh: '合格分数线', kind: 'points' },
  basicMin: { zh: '基本合格分数线', kind: 'points' },
  rectifyDays: { zh: '整改期限天数', kind: 'days' },
  awardMinBand: { zh: '评先最低等次', kind: 'choice' },
  rankMode: { zh: '排名方式', kind: 'choice' },
  leaderReviewBand: { zh: '党小组长预警', kind: 'choice' },
  unitName: { zh: '单位名称', kind: 'text' },
  basis: { zh: '考评依据', kind: 'text' },
  language: { zh: '输出语言', kind: 'choice' },
};

/** Every rule in the schema's order: its key, Chinese key and kind. */
export const RULE_KEYS: readonly { key: RuleKey; zh: string; kind: RuleKind }[] = (Object.keys(RulesShape.shape) as RuleKey[]).map(
  (key) => ({ key, ...RULE_META[key] }),
);

/** The allowed codes of a choice rule, from the schema's enum. */
export function ruleChoices(key: RuleKey): readonly string[] {
  const field = RulesShape.shape[key] as unknown as { options?: readonly string[] };
  return field.options ?? [];
}

/**
 * Spellings of the choice rules' values, Chinese and English, mapped to their codes (compared after
 * folding and lower-casing). The first Chinese and the first English spelling of each code are the ones
 * written; later ones are older words still accepted as input (竞争排名, 中国式排名).
 */
export const RULE_VALUE_SPELLINGS: { [K in RuleKey]?: Record<string, Rules[K]> } = {
  awardMinBand: { 优秀: 'excellent', 合格: 'qualified', excellent: 'excellent', qualified: 'qualified' },
  rankMode: {
    并列占位排名: 'competition',
    并列不占位排名: 'dense',
    竞争排名: 'competition',
    中国式排名: 'dense',
    competition: 'competition',
    dense: 'dense',
  },
  leaderReviewBand: { 基本合格: 'basic', 不合格: 'unqualified', basic: 'basic', unqualified: 'unqualified' },
  language: { 自动: 'auto', auto: 'auto', 'zh-cn': 'zh-CN', 'en-us': 'en-US', 中文: 'zh-CN', 英文: 'en-US' },
};

/** A text rule's value: NFKC-folded, spaces collapsed and trimmed; a document title's 《》 taken off. */
export function ruleText(key: RuleKey, text: string): string {
  const t = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return key === 'basis' ? t.replace(/^《(.*)》$/, '$1').trim() : t;
}
