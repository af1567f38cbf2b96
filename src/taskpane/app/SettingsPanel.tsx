/** 设置: edit the 考评规则 sheet (validated with zod) and choose the pane's language (loaded lazily). */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Dropdown, Field, Input, Option, Spinner, Text } from '@fluentui/react-components';
import type { Lang, Rules } from '../../domain/types';
import type { Msg } from '../../i18n';
import { PANE } from '../../i18n/pane';
import { useI18n } from './context';
import type { FieldError, FieldName, RulesForm } from './rulesForm';
import { formOf, validateRules } from './rulesForm';

export interface SettingsProps {
  /** The rules in force; null while they load. */
  rules: Rules | null;
  /** The rubric's full score, the upper limit of the thresholds. */
  totalPoints: number;
  busy: boolean;
  onSave: (rules: Rules) => Promise<void>;
  onPaneLanguage: (lang: Lang) => void;
}

interface Choice<V extends string> {
  value: V;
  msg: Msg;
}

export default function SettingsPanel({ rules, totalPoints, busy, onSave, onPaneLanguage }: SettingsProps) {
  const { tr, lang } = useI18n();
  const [form, setForm] = useState<RulesForm | null>(rules ? formOf(rules) : null);
  const [errors, setErrors] = useState<Partial<Record<FieldName, FieldError>>>({});
  if (!form && rules) setForm(formOf(rules));
  if (!form) return <Spinner size="tiny" label={tr(PANE.loading)} />;

  const set = <K extends FieldName>(k: K, v: RulesForm[K]) => {
    setForm({ ...form, [k]: v });
    if (errors[k]) setErrors({ ...errors, [k]: undefined });
  };
  const message = (k: FieldName) => {
    const e = errors[k];
    if (!e) return undefined;
    const params = { ...e.params };
    if (typeof params.other === 'string' && params.other in PANE) params.other = tr(PANE[params.other as keyof typeof PANE]);
    return tr(PANE[e.key], params);
  };
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const r = validateRules(form, totalPoints);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    await onSave(r.rules);
  };

  const numberField = (k: 'excellentMin' | 'qualifiedMin' | 'basicMin' | 'rectifyDays', hint?: Msg) => (
    <Field
      label={tr(PANE[k])}
      hint={hint ? tr(hint) : undefined}
      validationMessage={message(k)}
      validationState={errors[k] ? 'error' : 'none'}
    >
      <Input
        name={k}
        inputMode="decimal"
        value={form[k]}
        onChange={(_, d) => set(k, d.value)}
        data-testid={`rule-${k}`}
      />
    </Field>
  );
  function choiceField<K extends 'awardMinBand' | 'rankMode' | 'language'>(k: K, label: Msg, choices: Choice<RulesForm[K]>[]) {
    const current = choices.find((c) => c.value === form![k]) ?? choices[0];
    return (
      <Field label={tr(label)}>
        <Dropdown
          name={k}
          value={tr(current.msg)}
          selectedOptions={[current.value]}
          onOptionSelect={(_, d) => d.optionValue && set(k, d.optionValue as RulesForm[K])}
          data-testid={`rule-${k}`}
        >
          {choices.map((c) => (
            <Option key={c.value} value={c.value}>
              {tr(c.msg)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  }
  const langChoices: Choice<Lang>[] = [
    { value: 'zh-CN', msg: PANE.langZh },
    { value: 'en-US', msg: PANE.langEn },
  ];
  const paneCurrent = langChoices.find((c) => c.value === lang)!;
  return (
    <div className="pga-stack">
      <Field label={tr(PANE.paneLanguage)}>
        <Dropdown
          value={tr(paneCurrent.msg)}
          selectedOptions={[lang]}
          onOptionSelect={(_, d) => d.optionValue && d.optionValue !== lang && onPaneLanguage(d.optionValue as Lang)}
          data-testid="pane-language"
        >
          {langChoices.map((c) => (
            <Option key={c.value} value={c.value}>
              {tr(c.msg)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <form className="pga-stack" onSubmit={submit} noValidate aria-label={tr(PANE.tabSettings)}>
        <Text>{tr(PANE.settingsIntro)}</Text>
        {numberField('excellentMin')}
        {numberField('qualifiedMin')}
        {numberField('basicMin')}
        {numberField('rectifyDays', PANE.rectifyDaysHint)}
        {choiceField('awardMinBand', PANE.awardMinBand, [
          { value: 'qualified', msg: PANE.awardQualified },
          { value: 'excellent', msg: PANE.awardExcellent },
        ])}
        {choiceField('rankMode', PANE.rankMode, [
          { value: 'competition', msg: PANE.rankCompetition },
          { value: 'dense', msg: PANE.rankDense },
        ])}
        {choiceField('language', PANE.outputLanguage, [
          { value: 'auto', msg: PANE.langAuto },
          { value: 'zh-CN', msg: PANE.langZh },
          { value: 'en-US', msg: PANE.langEn },
        ])}
        {Object.values(errors).some(Boolean) && (
          <Text className="pga-error" data-testid="rules-invalid">
            {tr(PANE.rulesInvalid)}
          </Text>
        )}
        <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {tr(busy ? PANE.saving : PANE.save)}
        </Button>
      </form>
    </div>
  );
}
