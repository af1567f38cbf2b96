/**
 * The settings form's validation (zod): the same limits the reader enforces on the 考评规则 sheet
 * (SPEC §2.7), reported per field as catalogue keys so the messages follow the pane's language.
 */
import { z } from 'zod';
import type { Rules } from '../../domain/types';
import type { Params } from '../../i18n';
import type { PaneKey } from '../../i18n/pane';

export interface RulesForm {
  excellentMin: string;
  qualifiedMin: string;
  basicMin: string;
  rectifyDays: string;
  awardMinBand: Rules['awardMinBand'];
  rankMode: Rules['rankMode'];
  language: Rules['language'];
}

export type FieldName = keyof RulesForm;
export interface FieldError {
  key: PaneKey;
  params?: Params;
}

export function formOf(rules: Rules): RulesForm {
  return {
    excellentMin: String(rules.excellentMin / 100),
    qualifiedMin: String(rules.qualifiedMin / 100),
    basicMin: String(rules.basicMin / 100),
    rectifyDays: String(rules.rectifyDays),
    awardMinBand: rules.awardMinBand,
    rankMode: rules.rankMode,
    language: rules.language,
  };
}

const POINTS = /^\d+(\.\d{1,2})?$/;
const DAYS = /^\d+$/;
const hundredths = (s: string) => Math.round(Number(s) * 100);

const schema = (totalPoints: number) =>
  z
    .object({
      excellentMin: z.string().trim().regex(POINTS, 'vNumber'),
      qualifiedMin: z.string().trim().regex(POINTS, 'vNumber'),
      basicMin: z.string().trim().regex(POINTS, 'vNumber'),
      rectifyDays: z
        .string()
        .trim()
        .regex(DAYS, 'vDays')
        .refine((s) => Number(s) >= 1 && Number(s) <= 366, 'vDays'),
      awardMinBand: z.enum(['excellent', 'qualified']),
      rankMode: z.enum(['competition', 'dense']),
      language: z.enum(['auto', 'zh-CN', 'en-US']),
    })
    .superRefine((f, ctx) => {
      const ok = (s: string) => POINTS.test(s.trim());
      if (ok(f.basicMin) && hundredths(f.basicMin) <= 0) ctx.addIssue({ code: 'custom', path: ['basicMin'], message: 'vPositive' });
      if (ok(f.excellentMin) && hundredths(f.excellentMin) > totalPoints * 100)
        ctx.addIssue({ code: 'custom', path: ['excellentMin'], message: 'vAboveTotal', params: { total: totalPoints } });
      if (ok(f.excellentMin) && ok(f.qualifiedMin) && hundredths(f.excellentMin) <= hundredths(f.qualifiedMin))
        ctx.addIssue({ code: 'custom', path: ['excellentMin'], message: 'vAbove', params: { other: 'qualifiedMin', value: f.qualifiedMin.trim() } });
      if (ok(f.qualifiedMin) && ok(f.basicMin) && hundredths(f.qualifiedMin) <= hundredths(f.basicMin))
        ctx.addIssue({ code: 'custom', path: ['qualifiedMin'], message: 'vAbove', params: { other: 'basicMin', value: f.basicMin.trim() } });
    });

/** Validate the form: the rules in the engine's units, or one error per field at fault. */
export function validateRules(
  form: RulesForm,
  totalPoints = 100,
): { ok: true; rules: Rules } | { ok: false; errors: Partial<Record<FieldName, FieldError>> } {
  const r = schema(totalPoints).safeParse(form);
  if (!r.success) {
    const errors: Partial<Record<FieldName, FieldError>> = {};
    for (const issue of r.error.issues) {
      const field = issue.path[0] as FieldName;
      if (errors[field]) continue;
      const params = (issue as { params?: Params }).params;
      errors[field] = { key: (issue.message in KNOWN ? issue.message : 'vNumber') as PaneKey, params };
    }
    return { ok: false, errors };
  }
  const f = r.data;
  return {
    ok: true,
    rules: {
      excellentMin: hundredths(f.excellentMin),
      qualifiedMin: hundredths(f.qualifiedMin),
      basicMin: hundredths(f.basicMin),
      rectifyDays: Number(f.rectifyDays),
      awardMinBand: f.awardMinBand,
      rankMode: f.rankMode,
      language: f.language,
    },
  };
}

const KNOWN: Record<string, true> = { vNumber: true, vPositive: true, vAboveTotal: true, vAbove: true, vDays: true };
