/** 设置: edit the 考评规则 sheet (validated with zod) and choose the pane's language (loaded lazily). */
import { Fragment, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Dropdown, Field, Input, Link, Option, Spinner, Text } from '@fluentui/react-components';
import type { Lang, Rules } from '../domain/types';
import type { Msg } from '../i18n';
import { PANE } from '../i18n/pane';
import { AUTO_IN_PAGE, RULE_WORDS } from '../i18n/rules';
import { useI18n } from './context';
import type { FieldError, FieldName, RulesForm } from './rulesForm';
import { FORM_FIELDS, formOf, validateRules } from './rulesForm';
import { Section } from './bits';

export interface SettingsProps {
  /** The rules in force; null while they load. */
  rules: Rules | null;
  /** The rubric's full score, the upper limit of the thresholds. */
  totalPoints: number;
  busy: boolean;
  onSave: (rules: Rules) => Promise<void>;
  onPaneLanguage: (lang: Lang) => void;
  /**
   * The workbook's rules sheet when the host cannot edit it (a file in the workbook page): the rules are
   * shown, not editable, with where to change them. Null: editable (a missing sheet is created on save).
   */
  lockedSheet?: string | null;
  /**
   * In the workbook page: the help does not offer the page itself, and the output language's “auto” says it
   * follows the page's language (there is no Office to follow).
   */
  inPage?: boolean;
  /** The help page to link; null: none (the single-file page has no help page beside it). */
  helpPage?: string | null;
}

interface Choice<V extends string> {
  value: V;
  msg: Msg;
}

export default function SettingsPanel({ rules, totalPoints, busy, onSave, onPaneLanguage, lockedSheet = null, inPage = false, helpPage = 'help.html' }: SettingsProps) {
  const { tr, lang } = useI18n();
  const [form, setForm] = useState<RulesForm | null>(rules ? formOf(rules) : null);
  const [errors, setErrors] = useState<Partial<Record<FieldName, FieldError>>>({});
  if (!form && rules) setForm(formOf(rules));
  if (!form) return <Spinner size="tiny" label={tr(PANE.loading)} />;
  const locked = lockedSheet !== null;

  const set = (k: FieldName, v: string) => {
    setForm({ ...form, [k]: v });
    if (errors[k]) setErrors({ ...errors, [k]: undefined });
  };
  const message = (k: FieldName) => {
    const e = errors[k];
    if (!e) return undefined;
    const params = { ...e.params };
    if (typeof params.other === 'string' && params.other in RULE_WORDS) params.other = tr(RULE_WORDS[params.other as FieldName].label);
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

  /** A choice's words (the output language's “auto” in the page follows the page). */
  const choiceWord = (k: FieldName, code: string) => tr(inPage && k === 'language' && code === 'auto' ? AUTO_IN_PAGE : (RULE_WORDS[k].choices?.[code] ?? { zh: code, en: code }));
  const choiceOf = (f: (typeof FORM_FIELDS)[number]) => (f.choices.includes(form[f.key]) ? form[f.key] : f.choices[0]);

  // One field per rule of the schema (src/domain/rules.ts), in its order: numbers and text as inputs, choices as dropdowns.
  const field = (f: (typeof FORM_FIELDS)[number]) => {
    const k = f.key;
    const words = RULE_WORDS[k];
    const label = tr(words.label);
    const hint = words.hint ? tr(words.hint) : undefined;
    if (f.kind === 'choice') {
      const word = (code: string) => choiceWord(k, code);
      const current = choiceOf(f);
      return (
        <Field key={k} label={label} hint={hint}>
          <Dropdown
            name={k}
            value={word(current)}
            selectedOptions={[current]}
            onOptionSelect={(_, d) => d.optionValue && set(k, d.optionValue)}
            data-testid={`rule-${k}`}
          >
            {f.choices.map((c) => (
              <Option key={c} value={c}>
                {word(c)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      );
    }
    return (
      <Field key={k} label={label} hint={hint} validationMessage={message(k)} validationState={errors[k] ? 'error' : 'none'}>
        <Input
          name={k}
          inputMode={f.kind === 'text' ? 'text' : 'decimal'}
          value={form[k]}
          onChange={(_, d) => set(k, d.value)}
          data-testid={`rule-${k}`}
        />
      </Field>
    );
  };
  const langChoices: Choice<Lang>[] = [
    { value: 'zh-CN', msg: PANE.langZh },
    { value: 'en-US', msg: PANE.langEn },
  ];
  const paneCurrent = langChoices.find((c) => c.value === lang)!;
  return (
    <div className="pga-stack">
      <h2 className="pga-h2">{tr(PANE.tabSettings)}</h2>
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
        {locked ? (
          <Text className="pga-locked" data-testid="rules-locked">
            {tr(PANE.rulesLocked, { sheet: lockedSheet })}
          </Text>
        ) : (
          <Text>{tr(PANE.settingsIntro)}</Text>
        )}
        {locked ? (
          // Not disabled inputs (greyed out, hard to read): the rules in force as a list.
          <dl className="pga-facts" data-testid="rules-list">
            {FORM_FIELDS.map((f) => {
              const words = RULE_WORDS[f.key];
              const value = f.kind === 'choice' ? choiceWord(f.key, choiceOf(f)) : form[f.key].trim();
              return (
                <Fragment key={f.key}>
                  <dt>{tr(words.label)}</dt>
                  <dd data-testid={`rule-${f.key}`}>
                    {value || tr(PANE.ruleBlank)}
                    {!value && words.hint && (
                      <Text block size={200} className="pga-muted">
                        {tr(words.hint)}
                      </Text>
                    )}
                  </dd>
                </Fragment>
              );
            })}
          </dl>
        ) : (
          FORM_FIELDS.map(field)
        )}
        {Object.values(errors).some(Boolean) && (
          <Text className="pga-error" data-testid="rules-invalid">
            {tr(PANE.rulesInvalid)}
          </Text>
        )}
        {!locked && (
          <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
            {tr(busy ? PANE.saving : PANE.save)}
          </Button>
        )}
      </form>
      {(helpPage || !inPage) && (
        <Section id="pga-help-title" title={tr(PANE.helpTitle)} level={3}>
          <ul className="pga-help">
            {helpPage && (
              <li>
                <Link href={helpPage} target="_blank" rel="noopener">
                  {tr(PANE.helpLink)}
                  {tr(PANE.newWindow)}
                </Link>
              </li>
            )}
            {!inPage && (
              <li>
                <Link href="workbook.html" target="_blank" rel="noopener" data-testid="page-link">
                  {tr(PANE.pageLink)}
                  {tr(PANE.newWindow)}
                </Link>
                <Text block className="pga-muted">
                  {tr(PANE.pageLinkHint)}
                </Text>
              </li>
            )}
          </ul>
        </Section>
      )}
    </div>
  );
}
