/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_RULES } from '../../src/domain/rules';
import SettingsPanel from '../../src/ui/SettingsPanel';
import { validateRules, formOf } from '../../src/ui/rulesForm';
import { renderIn } from './helpers';

jest.setTimeout(20000);

function setup(lang: 'zh-CN' | 'en-US') {
  const onSave = jest.fn(async () => undefined);
  const onPaneLanguage = jest.fn();
  renderIn(lang, <SettingsPanel rules={DEFAULT_RULES} totalPoints={100} busy={false} onSave={onSave} onPaneLanguage={onPaneLanguage} />);
  return { onSave, onPaneLanguage, user: userEvent.setup() };
}

describe.each([
  ['zh-CN', '优秀分数线', '合格分数线', '整改期限天数', '保存规则', '必须高于合格分数线（80）', '请输入1至366之间的整数，或留空', '排名方式', '并列不占位排名（中国式，如1、1、2）', '面板语言', '英文（English）'],
  ['en-US', 'Excellent threshold', 'Qualified threshold', 'Days allowed for rectification', 'Save rules', 'Must be above the Qualified threshold (80)', 'Enter a whole number from 1 to 366, or leave it blank', 'Ranking', 'Dense (e.g. 1, 1, 2)', 'Pane language', 'English'],
] as const)('settings in %s', (lang, excellent, qualified, days, save, aboveMsg, daysMsg, rankMode, dense, paneLanguage, english) => {
  test('shows the rules in force and saves edited values in the engine’s units', async () => {
    const { onSave, user } = setup(lang);
    const ex = screen.getByRole('textbox', { name: excellent }) as HTMLInputElement;
    expect(ex.value).toBe('95');
    expect((screen.getByRole('textbox', { name: qualified }) as HTMLInputElement).value).toBe('80');
    await user.clear(ex);
    await user.type(ex, '92.5');
    await user.click(screen.getByRole('combobox', { name: rankMode }));
    await user.click(screen.getByRole('option', { name: dense }));
    await user.click(screen.getByRole('button', { name: save }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_RULES, excellentMin: 9250, rankMode: 'dense' });
  });

  test('invalid values get a message at their field and nothing is saved', async () => {
    const { onSave, user } = setup(lang);
    const ex = screen.getByRole('textbox', { name: excellent });
    await user.clear(ex);
    await user.type(ex, '75');
    const d = screen.getByRole('textbox', { name: new RegExp(days) });
    await user.clear(d);
    await user.type(d, '400');
    await user.click(screen.getByRole('button', { name: save }));
    expect(await screen.findByText(aboveMsg)).toBeTruthy();
    expect(screen.getByText(daysMsg)).toBeTruthy();
    // Fluent's Field announces each message (role=alert); a summary sits above the button.
    expect(screen.getAllByRole('alert')).toHaveLength(2);
    expect(screen.getByTestId('rules-invalid')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
    expect(ex.getAttribute('aria-invalid')).toBe('true');
  });

  test('the pane language is switched from here', async () => {
    const { onPaneLanguage, user } = setup(lang);
    await user.click(screen.getByRole('combobox', { name: paneLanguage }));
    const target = lang === 'zh-CN' ? english : 'Chinese (中文)';
    await user.click(screen.getByRole('option', { name: target }));
    expect(onPaneLanguage).toHaveBeenCalledWith(lang === 'zh-CN' ? 'en-US' : 'zh-CN');
  });
});

describe('validation (zod) follows SPEC §2.7', () => {
  const ok = formOf(DEFAULT_RULES);
  test.each([
    [{ basicMin: '0' }, 'basicMin', 'vPositive'],
    [{ excellentMin: '101' }, 'excellentMin', 'vAboveTotal'],
    [{ qualifiedMin: '60' }, 'qualifiedMin', 'vAbove'],
    [{ excellentMin: '9x' }, 'excellentMin', 'vNumber'],
    [{ excellentMin: '95.123' }, 'excellentMin', 'vNumber'],
    [{ rectifyDays: '0' }, 'rectifyDays', 'vDays'],
    [{ rectifyDays: '1.5' }, 'rectifyDays', 'vDays'],
    [{ rectifyMonths: '0' }, 'rectifyMonths', 'vMonths'],
    [{ rectifyMonths: '13' }, 'rectifyMonths', 'vMonths'],
    [{ rectifyMonths: '' }, 'rectifyMonths', 'vMonths'],
  ])('%j → %s %s', (change, field, key) => {
    const r = validateRules({ ...ok, ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field as keyof typeof r.errors]?.key).toBe(key);
  });
  test('boundaries that are allowed', () => {
    expect(validateRules({ ...ok, excellentMin: '100', rectifyDays: '366', basicMin: '0.01' }).ok).toBe(true);
    // 整改期限天数 is unset by default: an empty field is valid and means “by months”.
    expect(ok.rectifyDays).toBe('');
    expect(validateRules({ ...ok, rectifyDays: '', rectifyMonths: '12' })).toEqual({ ok: true, rules: { ...DEFAULT_RULES, rectifyDays: null, rectifyMonths: 12 } });
    expect(validateRules({ ...ok, excellentMin: ' 95 ' }).ok).toBe(true);
  });
});

describe('a rules sheet the host cannot edit (the workbook page)', () => {
  test.each([
    ['zh-CN', '优秀分数线', '本页面不修改工作簿中已有的“考评规则”表：请在WPS或Excel中修改该表并保存，然后在本页面重新打开工作簿并考评。', '保存规则', '输出语言', '跟随本页语言', '整改期限天数', '未填写'],
    ['en-US', 'Excellent threshold', 'This page does not change the existing sheet “考评规则”: edit it in WPS or Excel and save, then open the workbook here again and assess it.', 'Save rules', 'Output language', 'Follows this page’s language', 'Days allowed for rectification', 'Blank'],
  ] as const)('%s: the rules are a read-only list (no greyed-out inputs), and where to change them is said', (lang, excellent, note, save, output, follows, days, blank) => {
    const onSave = jest.fn(async () => undefined);
    renderIn(lang, <SettingsPanel rules={DEFAULT_RULES} totalPoints={100} busy={false} onSave={onSave} onPaneLanguage={jest.fn()} lockedSheet="考评规则" inPage />);
    const list = screen.getByTestId('rules-list');
    // Each rule a term and its value, in the schema's order: read as text, not as disabled fields.
    const terms = [...list.querySelectorAll('dt')].map((d) => d.textContent);
    expect(terms[0]).toBe(excellent);
    expect(terms).toContain(output);
    expect(list.querySelector('dt')!.nextElementSibling!.textContent).toBe('95');
    expect(screen.getByTestId('rule-language').textContent).toBe(follows);
    expect(screen.getByTestId('rule-rectifyDays').textContent).toMatch(new RegExp(`^${blank}`));
    expect(terms.indexOf(days)).toBeGreaterThan(0);
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(list.querySelectorAll('input, [disabled], [aria-disabled=true]')).toHaveLength(0);
    expect(screen.getByTestId('rules-locked').textContent).toBe(note);
    expect(screen.queryByRole('button', { name: save })).toBeNull();
    // The pane's language is still chosen here (it is the page's).
    expect(screen.getByRole('combobox')).toBeTruthy();
    // In the page the help does not offer the page itself.
    expect(screen.queryByTestId('page-link')).toBeNull();
  });

  test('a workbook without a rules sheet in the page: editable (saving adds the sheet), its “auto” output language follows the page', async () => {
    const user = userEvent.setup();
    renderIn('zh-CN', <SettingsPanel rules={DEFAULT_RULES} totalPoints={100} busy={false} onSave={jest.fn()} onPaneLanguage={jest.fn()} inPage />);
    expect((screen.getByRole('textbox', { name: '优秀分数线' }) as HTMLInputElement).disabled).toBe(false);
    const output = screen.getByRole('combobox', { name: '输出语言' });
    expect(output.textContent).toBe('跟随本页语言');
    await user.click(output);
    expect(screen.getByRole('option', { name: '跟随本页语言' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Office/ })).toBeNull();
  });

  test('in the add-in (Excel) the rules stay editable inputs, and “auto” follows Office', () => {
    renderIn('zh-CN', <SettingsPanel rules={DEFAULT_RULES} totalPoints={100} busy={false} onSave={jest.fn()} onPaneLanguage={jest.fn()} />);
    expect(screen.queryByTestId('rules-list')).toBeNull();
    expect((screen.getByRole('textbox', { name: '优秀分数线' }) as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByRole('combobox', { name: '输出语言' }).textContent).toBe('自动（跟随Office）');
  });

  test('in the add-in, 设置 → 帮助 links the workbook page (for a computer where the add-in cannot run)', () => {
    renderIn('zh-CN', <SettingsPanel rules={DEFAULT_RULES} totalPoints={100} busy={false} onSave={jest.fn()} onPaneLanguage={jest.fn()} />);
    const link = screen.getByTestId('page-link');
    expect(link.getAttribute('href')).toBe('workbook.html');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.textContent).toBe('考评网页：不用加载项，在浏览器中考评工作簿文件（在新窗口中打开）');
    expect(screen.getByRole('link', { name: /使用帮助/ }).getAttribute('href')).toBe('help.html');
  });

  test('the single-file page (no help page beside it): no help link, and no empty 帮助 section', () => {
    renderIn('zh-CN', <SettingsPanel rules={DEFAULT_RULES} totalPoints={100} busy={false} onSave={jest.fn()} onPaneLanguage={jest.fn()} lockedSheet="考评规则" inPage helpPage={null} />);
    expect(screen.getByTestId('rules-locked')).toBeTruthy();
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.queryByRole('heading', { name: '帮助' })).toBeNull();
  });
});
