/**
 * The settings form, derived from the rules' one zod schema (src/domain/rules.ts): one field per rule
 * key, its kind (points, days, choice, text) and a choice's options from the schema. Validation runs
 * the same schema the 考评规则 sheet's reader runs; its issues are reported per field as pane catalogue
 * keys so the messages follow the pane's language.
 */
import { RULE_KEYS, RULE_TEXT_MAX, ruleChoices, rulesSchema } from '../domain/rules';
import type { RuleKey, RuleKind } from '../domain/rules';
import type { Rules } from '../domain/types';
import type { Params } from '../i18n';
import type { PaneKey } from '../i18n/pane';
import { ruleFromText, ruleToText } from '../workbook/rule-values';

/** The form's state: every rule as the text of its input (a choice as its code). */
export type RulesForm = { [K in RuleKey]: string };

export type FieldName = RuleKey;
export interface FieldError {
  key: PaneKey;
  params?: Params;
}

/** The form's fields in the schema's order. */
export const FORM_FIELDS: readonly { key: RuleKey; kind: RuleKind; choices: readonly string[] }[] = RULE_KEYS.map((k) => ({
  key: k.key,
  kind: k.kind,
  choices: k.kind === 'choice' ? ruleChoices(k.key) : [],
}));

export function formOf(rules: Rules): RulesForm {
  const out = {} as RulesForm;
  for (const { key } of RULE_KEYS) out[key] = ruleToText(key, rules[key]);
  return out;
}

/** Validate the form: the rules in the engine's units, or one error per field at fault. */
export function validateRules(
  form: RulesForm,
  totalPoints = 100,
): { ok: true; rules: Rules } | { ok: false; errors: Partial<Record<FieldName, FieldError>> } {
  const values: Record<string, unknown> = {};
  for (const { key } of RULE_KEYS) values[key] = ruleFromText(key, form[key]);
  const r = rulesSchema(Math.round(totalPoints * 100)).safeParse(values);
  if (r.success) return { ok: true, rules: r.data };
  const errors: Partial<Record<FieldName, FieldError>> = {};
  for (const issue of r.error.issues) {
    const field = issue.path[0] as FieldName;
    if (errors[field]) continue;
    errors[field] = paneError(issue.message, issue.code, issue.path.map(String) as RuleKey[], form, totalPoints);
  }
  return { ok: false, errors };
}

/** The schema's issue (a configuration message id) as the pane's message for the field. */
function paneError(id: string, code: string, path: RuleKey[], form: RulesForm, totalPoints: number): FieldError {
  switch (id) {
    case 'rulesNumberInvalid':
      return { key: code === 'too_small' ? 'vPositive' : 'vNumber' };
    case 'rulesDaysInvalid':
      return { key: 'vDays' };
    case 'rulesMonthsInvalid':
      return { key: 'vMonths' };
    case 'rulesAboveTotal':
      return { key: 'vAboveTotal', params: { total: totalPoints } };
    case 'rulesOrder':
      return { key: 'vAbove', params: { other: path[1], value: form[path[1]].trim() } };
    case 'rulesTextInvalid':
      return { key: 'vText', params: { max: RULE_TEXT_MAX } };
    default:
      return { key: 'vChoice' };
  }
}
