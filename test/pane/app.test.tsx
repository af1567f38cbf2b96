/** @jest-environment jsdom */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { MemoryHost } from '../../src/hosts/memory/host';
import { App } from '../../src/ui/App';
import { paneHost } from '../../src/app/pane-service';
import { workerPaneHost } from '../../src/ui/worker/pane';
import { readMeta } from '../../src/workbook/meta';
import { renderPane, sampleHost } from './helpers';
import { officePort } from '../../src/taskpane/office-pane-host';
import { FakeWorkbook } from '../support/fake-excel';

jest.setTimeout(30000);

const count = (band: string) => Number(screen.getByTestId(`count-${band}`).textContent);
/** The status line when it tells the last action's outcome. */
const notice = () => screen.getByTestId('notice');
/** The full message behind the status line's 详情 link, opened. */
async function details(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  const link = within(notice()).getByRole('button', { name: /：详情$|: details$/ });
  if (link.getAttribute('aria-expanded') !== 'true') await user.click(link);
  return screen.getByTestId('notice-detail');
}
/** A tab's visible label (Fluent keeps a hidden bold copy to reserve its width). */
const label = (tab: HTMLElement) => tab.querySelector('.fui-Tab__content')?.textContent;

test('preview: 考评 grades the sample; one status line says so, 详情 has the rest; 概览 says it is the first run; a rectification selects its row', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('zh-CN');
  expect(screen.getByTestId('banner-preview').textContent).toContain('预览模式');
  await screen.findByTestId('banner-not-assessed');
  await user.click(screen.getByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：35条考评记录，13条预警，2个数据问题/);
  expect(host.writes).toBe(1);
  expect(host.sheetNames()).toEqual(expect.arrayContaining(['考评结果', '年度排名', '预警与整改', '数据问题']));
  // One line: the outcome and 详情 (no message block between the actions and the answers).
  // (The short title, 考评完成 alone, is shown instead below ~240 px: CSS, which jsdom does not apply.)
  expect(within(notice()).getByText(/^考评完成：/).textContent).toBe('考评完成：35条考评记录，13条预警，2个数据问题');
  expect(notice().querySelector('.pga-narrow-only')?.textContent).toBe('考评完成');
  expect(within(notice()).getByRole('button').textContent).toBe('详情');
  expect(screen.queryByTestId('banner-not-assessed')).toBeNull();
  expect(screen.queryByTestId('status-up-to-date')).toBeNull();
  expect(within(await details(user)).getByTestId('status-up-to-date').textContent).toMatch(/^上次考评：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
  // 与上次相比 is a section of 概览, not part of the message.
  expect(within(screen.getByTestId('comparison')).getByTestId('compare-first').textContent).toBe('工作簿中没有上一次考评的记录可比较（第一次考评，或上次由旧版本考评）。');
  expect(within(notice()).queryByTestId('comparison')).toBeNull();
  expect([count('excellent'), count('qualified'), count('basic'), count('unqualified')]).toEqual([1, 3, 1, 0]);
  // Under the tabs, the answers in one strip: open rectifications (how many overdue) and the latest grades.
  expect(screen.getByTestId('summary-strip').textContent).toBe('未完成整改1（逾期1）·优秀1合格3基本合格1不合格0');
  // 概览 opens with the report paragraph's first sentence.
  expect(screen.getByTestId('lede').textContent).toBe('城区供电中心线路工区党支部对6个党小组进行了2025年下半年考评，其中优秀1个、合格3个、基本合格1个；带电作业班党小组（待评分）尚未评定。复制汇报文字');
  // The warnings tab reads 预警 with a badge counting the open items (not “预警1/13”, read as “1 of 13”).
  // (jsdom joins the badge's neighbours with a space.)
  const warningsTab = screen.getByRole('tab', { name: /^预警 ?（待办1条）$/ });
  expect(label(warningsTab)).toBe('预警1（待办1条）');
  expect(within(warningsTab).getAllByTestId('open-warnings-badge')[0].textContent).toBe('1');
  const card = screen.getByTestId('open-rectification');
  expect(card.textContent).toContain('城西供电所党小组');
  await user.click(within(card).getByRole('button', { name: /^定位：2025年下半年表第6行/ }));
  await waitFor(() => expect(host.selection?.address).toBe('2025年下半年!B6'));
  expect(screen.getByTestId('preview-selection').textContent).toContain('2025年下半年表B6单元格');
  expect(screen.getByText(/该行：.*城西供电所党小组/)).toBeTruthy();
});

test('in English: the same run in English words; a data issue selects its cell', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('en-US');
  await screen.findByTestId('banner-not-assessed');
  expect(screen.getByText('Not assessed yet')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Assess' }));
  await screen.findByText('Assessment done: 35 records, 13 warnings, 2 data issues');
  expect(label(screen.getByRole('tab', { name: 'Warnings (1 to act on)' }))).toBe('Warnings1 (1 to act on)');
  expect(screen.getByTestId('summary-strip').textContent).toBe('Rectifications not done 1 (overdue 1)·Excellent 1Qualified 3Basically qualified 1Unqualified 0');
  expect(screen.getByTestId('lede').textContent).toMatch(/^城区供电中心线路工区党支部 assessed 6 Party groups for 2025 H2: 1 Excellent, 3 Qualified, 1 Basically qualified[^.]*\. Copy report text$/);
  await user.click(screen.getByRole('button', { name: 'Select cell H10 of sheet “2023年下半年”' }));
  await waitFor(() => expect(host.selection?.address).toBe('2023年下半年!H10'));
  expect(screen.getByTestId('preview-selection').textContent).toBe('Selected in the sample workbook: cell H10 of sheet “2023年下半年”');
});

test('与上次相比: after scores change, 概览 names the closed warning and the grade change, and keeps them after the message is closed', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('zh-CN');
  await user.click(await screen.findByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：/);
  // 城西供电所党小组 2025年下半年: item 12 from 6.5 to 10 → 81.5, 合格 (and its hand total with it).
  await host.editCells('2025年下半年', [
    { row: 5, col: 15, value: 10 },
    { row: 5, col: 16, value: 81.5 },
  ]);
  await user.click(screen.getByRole('button', { name: '考评' }));
  await waitFor(() => expect(screen.getByTestId('comparison').textContent).toContain('等次变化'));
  const text = screen.getByTestId('comparison').textContent!;
  expect(text).toContain('解除预警1条：城西供电所党小组限期整改（2025年下半年），评分或规则调整后不再成立');
  expect(text).toContain('等次变化1处：城西供电所党小组（2025年下半年）基本合格→合格');
  expect(screen.queryByTestId('compare-rules')).toBeNull();
  expect(screen.getByText('未完成整改（0）')).toBeTruthy();
  expect(screen.getByTestId('summary-strip').textContent).toBe('未完成整改0·优秀1合格4基本合格0不合格0');
  // Closing the message (关闭 under 详情) leaves 与上次相比 where it is.
  await user.click(within(await details(user)).getByRole('button', { name: '关闭' }));
  expect(screen.queryByTestId('notice')).toBeNull();
  expect(screen.getByTestId('status-up-to-date')).toBeTruthy();
  expect(screen.getByTestId('comparison').textContent).toBe(text);
});

test('settings: a new threshold is written into 考评规则, the results follow, and 概览 says the rules changed them', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('zh-CN');
  await user.click(await screen.findByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：/);
  expect(count('excellent')).toBe(1);
  await user.click(screen.getByRole('button', { name: '设置' }));
  const ex = await screen.findByRole('textbox', { name: '优秀分数线' });
  await user.clear(ex);
  await user.type(ex, '90');
  await user.click(screen.getByRole('button', { name: '保存规则' }));
  await screen.findByText(/考评完成：/);
  expect(host.cell('考评规则', 1, 1)).toBe(90);
  expect((await details(user)).textContent).toContain('规则已保存到“考评规则”表。');
  // The gear again closes the settings and returns to 概览, where 与上次相比 names the rules' effect.
  await user.click(screen.getByRole('button', { name: '设置' }));
  expect(count('excellent')).toBe(2);
  expect(screen.getByTestId('compare-rules').textContent).toBe('这些结果因规则改变而变化：优秀分数线95→90');
  expect(screen.getByTestId('comparison').textContent).toContain('综合管理党小组（2025年下半年）合格→优秀');
});

test('with no score table the primary action is 插入评分模板; an empty template then has 没有可评定的记录, not 完成', async () => {
  const user = userEvent.setup();
  const host = new MemoryHost({
    sheets: [{ name: '考评规则', values: [['优秀分数线', 96]], merges: [], visibility: 'visible' }],
  });
  renderPane('zh-CN', host);
  await screen.findByTestId('banner-no-table');
  const primary = screen.getByRole('button', { name: '插入评分模板' });
  expect(primary.className).toContain('pga-primary');
  expect(screen.queryByRole('button', { name: '考评' })).toBeNull();
  await user.click(primary);
  await screen.findByText('已插入：考评细则、评分表');
  expect(host.sheetNames()).toEqual(['考评规则', '考评细则', '评分表']);
  expect(host.cell('考评规则', 0, 1)).toBe(96); // the user's own sheet is untouched
  expect(host.active).toBe('评分表');
  const assess = await screen.findByRole('button', { name: '考评' });
  expect(assess.className).toContain('pga-primary');
  await user.click(assess);
  await screen.findByText('没有可评定的记录');
  expect(notice().textContent).not.toContain('考评完成');
  expect((await details(user)).textContent).toContain('评分表中还没有填写得分的考评记录');
  // Nothing to report: no 复制汇报文字.
  expect(screen.queryByRole('button', { name: '复制汇报文字' })).toBeNull();
  // One empty state, not the all-clear words: the status line and 概览 say the score table has no scores yet.
  const empty = '评分表还没有分数：填写后点“考评”';
  expect(screen.getByTestId('status-up-to-date').textContent).toContain(empty);
  expect(screen.getByTestId('status-up-to-date').textContent).not.toContain('结果与评分表一致');
  expect(screen.getByTestId('no-scores').textContent).toBe(empty);
  expect(screen.queryByText('没有待整改的党小组。')).toBeNull();
  await user.click(screen.getByRole('tab', { name: /预警/ }));
  // (概览 stays mounted, hidden: what is asked of 预警 is asked of the panel on show.)
  const shown = () => screen.queryAllByTestId('no-scores').filter((e) => !e.closest('[hidden]'));
  await waitFor(() => expect(shown().map((e) => e.textContent)).toEqual([empty]));
  expect(screen.queryByText('没有预警。')).toBeNull();
});

test('without a score table, coming back to the pane after adding one in Excel offers 考评', async () => {
  const host = new MemoryHost({ sheets: [{ name: 'Sheet1', values: [], merges: [], visibility: 'visible' }] });
  renderPane('zh-CN', host);
  await screen.findByTestId('banner-no-table');
  // The secretary types a score table in Excel (here: the sample's 2025年下半年 sheet), then returns to the pane.
  const sheet = sampleHost().snapshot().sheets.find((x) => x.name === '2025年下半年')!;
  await host.write({ sheets: [{ name: sheet.name, values: sheet.values.map((r) => (r ?? []).map((v) => (typeof v === 'object' ? null : typeof v === 'boolean' ? String(v) : v))), styles: [], links: [], merges: [], columnWidths: [], freeze: { rows: 0, cols: 0 }, visibility: 'visible', landscape: false }], deleteSheets: [], activate: null });
  window.dispatchEvent(new Event('focus'));
  await screen.findByTestId('banner-not-assessed');
  expect(screen.getByRole('button', { name: '考评' }).className).toContain('pga-primary');
});

test('复制汇报文字 copies the report paragraph — the same text the JSON report carries', async () => {
  const user = userEvent.setup();
  const copied: string[] = [];
  const { host } = renderPane('zh-CN', sampleHost(), { copy: async (t) => (copied.push(t), true) });
  await user.click(await screen.findByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：/);
  await user.click(screen.getByRole('button', { name: '复制汇报文字' }));
  await screen.findByText('汇报文字已复制到剪贴板');
  expect(copied).toHaveLength(1);
  // The copied text is behind 详情 (the status line stays one line).
  expect(screen.queryByTestId('copied-text')).toBeNull();
  await details(user);
  expect(copied[0]).toMatch(/^城区供电中心线路工区党支部对6个党小组进行了2025年下半年考评，其中优秀1个、合格3个、基本合格1个/);
  expect(copied[0]).toContain('城西供电所党小组考评等次为基本合格。党支部将帮助其查找原因、制定改进措施，要求于2026年3月31日前完成整改');
  expect(screen.getByTestId('copied-text').textContent).toBe(copied[0]);
  // The same paragraph as the report of a run on the same workbook, the same day.
  const outcome = await assessWorkbook(new MemoryHost(host.snapshot()), { displayLanguage: 'zh-CN' });
  expect(outcome.report.summaryText).toBe(copied[0]);
});

test('when the clipboard refuses, the text is offered for copying by hand', async () => {
  const user = userEvent.setup();
  renderPane('en-US', sampleHost(), { copy: async () => false });
  await user.click(await screen.findByRole('button', { name: 'Assess' }));
  await screen.findByText(/Assessment done/);
  await user.click(screen.getByRole('button', { name: 'Copy report text' }));
  await screen.findByText('Could not use the clipboard: select the text below and copy it');
  const area = screen.getByRole('textbox', { name: 'Report text' }) as HTMLTextAreaElement;
  expect(area.value).toMatch(/^城区供电中心线路工区党支部 assessed 6 Party groups for 2025 H2: 1 Excellent, 3 Qualified, 1 Basically qualified/);
});

test('opening an assessed workbook shows its results; after an edit, the scores-changed banner', async () => {
  const host = sampleHost();
  await assessWorkbook(host, { now: () => new Date('2026-01-10T08:00:00Z') });
  // A score is edited after the run.
  const snap = host.snapshot();
  snap.sheets.find((s) => s.name === '2025年下半年')!.values[4][4] = 9;
  const edited = new MemoryHost(snap);
  renderPane('zh-CN', edited);
  await screen.findByTestId('banner-changed');
  expect(screen.getByText('评分已变更')).toBeTruthy();
  // The results are on view without a new run (computed, not written).
  await waitFor(() => expect(screen.getByTestId('count-excellent')).toBeTruthy());
  expect(edited.writes).toBe(0);
});

test('an unchanged assessed workbook says when it was last run, without a banner', async () => {
  const host = sampleHost();
  await assessWorkbook(host, { now: () => new Date('2026-01-10T08:00:00Z') });
  renderPane('en-US', new MemoryHost(host.snapshot()));
  await screen.findByText(/^Last run: January 10, 2026 \d\d:\d\d$/);
  expect(screen.queryByTestId('banner-changed')).toBeNull();
  expect(screen.queryByTestId('banner-not-assessed')).toBeNull();
});

test('switching the language in settings re-renders in English and is remembered in the workbook', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('zh-CN');
  await user.click(await screen.findByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：/);
  await user.click(screen.getByRole('button', { name: '设置' }));
  await user.click(await screen.findByRole('combobox', { name: '面板语言' }));
  await user.click(screen.getByRole('option', { name: '英文（English）' }));
  await screen.findByRole('tab', { name: 'Summary' });
  expect(screen.getByRole('button', { name: 'Assess' })).toBeTruthy();
  expect(document.documentElement.lang).toBe('en-US');
  await waitFor(() => expect(readMeta(host.snapshot())?.paneLanguage).toBe('en-US'));
  // A later run keeps the remembered choice.
  await user.click(screen.getByRole('button', { name: 'Assess' }));
  await screen.findByText(/Assessment done/);
  expect(readMeta(host.snapshot())?.paneLanguage).toBe('en-US');
});

test('the remembered language wins when the pane opens', async () => {
  const host = sampleHost();
  await paneHost(host).setPaneLanguage('en-US');
  renderPane('zh-CN', host);
  await screen.findByRole('button', { name: 'Assess' });
  // Remembering the language is not a run.
  expect(await screen.findByText('Not assessed yet')).toBeTruthy();
});

test('a page that owns the language (the workbook page): the workbook’s remembered language is neither read nor written', async () => {
  const user = userEvent.setup();
  const host = sampleHost();
  await paneHost(host).setPaneLanguage('en-US');
  const writes = host.writes;
  const onLanguage = jest.fn();
  const ph = workerPaneHost(paneHost(host), null);
  const { rerender } = render(<App host={ph} displayLanguage={null} initialLang="zh-CN" lang="zh-CN" onLanguage={onLanguage} />);
  // The page's Chinese wins over the English remembered in the workbook.
  await screen.findByRole('button', { name: '考评' });
  expect(await screen.findByText('尚未考评')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: '设置' }));
  await user.click(await screen.findByRole('combobox', { name: '面板语言' }));
  await user.click(screen.getByRole('option', { name: '英文（English）' }));
  // The switch goes to the page, never into the workbook.
  expect(onLanguage).toHaveBeenCalledWith('en-US');
  expect(host.writes).toBe(writes);
  // The page switching its language switches the pane.
  rerender(<App host={ph} displayLanguage={null} initialLang="zh-CN" lang="en-US" onLanguage={onLanguage} />);
  await screen.findByRole('button', { name: 'Assess' });
  expect(host.writes).toBe(writes);
});

test('a configuration error is explained with its cell and the workbook is left as it was', async () => {
  const user = userEvent.setup();
  const snap = sampleHost().snapshot();
  snap.sheets.find((s) => s.name === '考评规则')!.values[1][1] = '很高';
  const host = new MemoryHost(snap);
  renderPane('zh-CN', host);
  await user.click(await screen.findByRole('button', { name: '考评' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('考评未完成');
  expect(alert.textContent).toContain('考评规则表B2单元格');
  expect(alert.textContent).toContain('工作簿未作任何修改');
  expect(host.writes).toBe(0);
});

test('keyboard: 考评 and the tabs are reachable with Tab and act on Enter / Space; three tabs and the settings button', async () => {
  const user = userEvent.setup();
  renderPane('zh-CN');
  await screen.findByTestId('banner-not-assessed');
  expect(screen.getAllByRole('tab').map(label)).toEqual(['概览', '预警', '年度排名']);
  const assess = screen.getByRole('button', { name: '考评' });
  while (document.activeElement !== assess) await user.tab();
  // (Arrow keys between tabs are Fluent's own, checked in the browser test: jsdom has no layout.)
  screen.getByRole('tab', { name: '预警' }).focus();
  await user.keyboard('{Enter}');
  expect(screen.getByRole('tab', { name: '预警' }).getAttribute('aria-selected')).toBe('true');
  screen.getByRole('tab', { name: '年度排名' }).focus();
  await user.keyboard(' ');
  expect(screen.getByRole('tab', { name: '年度排名' }).getAttribute('aria-selected')).toBe('true');
  const gear = screen.getByRole('button', { name: '设置' });
  gear.focus();
  await user.keyboard('{Enter}');
  expect(gear.getAttribute('aria-pressed')).toBe('true');
  expect(screen.getByRole('region', { name: '设置' })).toBeTruthy();
});

test('progress is shown stage by stage in the status line while a run is under way, and 考评 cannot start a second run', async () => {
  const user = userEvent.setup();
  const host = sampleHost();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const write = host.write.bind(host);
  host.write = async (patch) => {
    await gate;
    return write(patch);
  };
  renderPane('zh-CN', host);
  await screen.findByTestId('banner-not-assessed');
  await user.click(screen.getByRole('button', { name: '考评' }));
  await screen.findByText('写入工作簿');
  expect(screen.getByRole('progressbar')).toBeTruthy();
  const busy = screen.getByRole('button', { name: '正在考评…' });
  expect(busy.hasAttribute('disabled')).toBe(true);
  release();
  await screen.findByText(/考评完成：/);
  expect(screen.queryByRole('progressbar')).toBeNull();
  expect(host.writes).toBe(1);
});

test('a failure while writing does not claim the workbook was left as it was', async () => {
  const user = userEvent.setup();
  const host = sampleHost();
  host.write = async () => {
    throw new Error('disk on fire');
  };
  renderPane('en-US', host);
  await user.click(await screen.findByRole('button', { name: 'Assess' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('disk on fire');
  expect(alert.textContent).not.toContain('left as it was');
});

test('正式表格: after a run the pane offers the earlier periods; 考评 then writes that period’s official tables', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('zh-CN');
  await user.click(await screen.findByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：/);
  const choice = screen.getByTestId('print-period');
  expect(choice.textContent).toContain('正式表格：最近一期');
  await user.selectOptions(within(choice).getByRole('combobox', { name: '正式表格：' }), '2024年上半年');
  await user.click(screen.getByRole('button', { name: '考评' }));
  await waitFor(() => expect(host.writes).toBe(2));
  const snap = await host.read();
  expect(snap.sheets.find((x) => x.name === '半年考评结果表')!.values[0][0]).toBe('城区供电中心线路工区党支部党小组工作考评结果（2024年上半年）');
  expect(snap.sheets.find((x) => x.name === '年度考评结果表')!.values[0][0]).toBe('城区供电中心线路工区党支部党小组工作考评结果（2024年度）');
  expect(snap.sheets.find((x) => x.name === '整改台账')!.values[0][0]).toContain('（截至2024年上半年）');
});

test('issue 17: a formula in the rectification ledger is kept as its text, and the notice after 考评 says so', async () => {
  const user = userEvent.setup();
  const host = sampleHost();
  await assessWorkbook(host, { now: () => new Date('2026-01-10T08:00:00Z') });
  const snap = host.snapshot();
  const sheet = snap.sheets.find((s) => s.name === '预警与整改')!;
  const h = sheet.values.findIndex((row) => row?.includes('整改措施'));
  const c = sheet.values[h].indexOf('整改措施');
  sheet.values[h + 1][c] = { formula: '=TODAY()' };
  const edited = new MemoryHost(snap);
  renderPane('zh-CN', edited);
  await screen.findByTestId('status-up-to-date');
  await user.click(screen.getByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：/);
  const note = within(await details(user)).getByTestId('run-note');
  expect(note.textContent).toBe(`整改台账中的公式已按其文字保留（不再是公式）：预警与整改!${String.fromCharCode(65 + c)}${h + 2}`);
});

test('issue 17: on an Excel without page layout (ExcelApi 1.8) the notice after 考评 says the print setup was not applied', async () => {
  const user = userEvent.setup();
  const wb = FakeWorkbook.fromSnapshot(sampleHost().snapshot(), { apiVersion: 8, wire: false });
  render(<App host={workerPaneHost(paneHost(officePort(wb.env())), null)} displayLanguage={null} initialLang="zh-CN" />);
  await user.click(await screen.findByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：/);
  const note = within(await details(user)).getByTestId('run-note');
  expect(note.textContent).toMatch(/^此版本的Excel不能设置打印格式（需要ExcelApi 1\.9及更高版本.*正式表格没有设置A4纸张.*“页面布局”/);
  expect(wb.sheet('半年考评结果表')!.pageLayout).toEqual({});
});

test('switching tabs keeps each panel as it was: back on 概览 the chart is still a table, the same one, and the view is not asked for again', async () => {
  const user = userEvent.setup();
  // The pane's engine, counting what is asked of it (the view comes with the result, or alone in another language).
  const host = workerPaneHost(paneHost(sampleHost()), null);
  let asked = 0;
  const engine = host.remote;
  for (const m of ['open', 'assess', 'view', 'history'] as const) {
    const f = engine[m] as (...a: unknown[]) => Promise<unknown>;
    (engine as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => (asked++, f(...a));
  }
  renderPane('zh-CN', sampleHost(), { host });
  await screen.findByTestId('banner-not-assessed');
  await user.click(screen.getByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：/);
  await user.click(await screen.findByRole('button', { name: '以表格显示' }));
  const table = screen.getByTestId('chart-table');
  const before = asked;
  expect(before).toBe(2); // open, then 考评

  await user.click(screen.getByRole('tab', { name: /^预警/ }));
  await screen.findByTestId('warnings-summary');
  // 概览 is out of sight (hidden, not in the accessibility tree) while 预警 is shown.
  expect(table.closest('[hidden]')).not.toBeNull();
  expect(within(screen.getByRole('tabpanel')).queryByRole('table')).toBeNull();
  await user.click(screen.getByRole('tab', { name: '年度排名' }));
  await screen.findByTestId('ranking');
  await user.click(screen.getByRole('tab', { name: '概览' }));

  // The table the user asked for, as it was: the same element, shown again; nothing asked of the engine meanwhile.
  expect(screen.getByTestId('chart-table')).toBe(table);
  expect(table.closest('[hidden]')).toBeNull();
  expect(screen.getByRole('button', { name: '以图显示' })).toBeTruthy();
  expect(asked).toBe(before);
});
