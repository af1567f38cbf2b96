/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { assessWorkbook } from '../../src/app/assessWorkbook';
import { MemoryHost } from '../../src/hosts/memory/host';
import { readMeta } from '../../src/workbook/meta';
import { renderPane, sampleHost } from './helpers';

jest.setTimeout(30000);

const count = (band: string) => Number(screen.getByTestId(`count-${band}`).textContent);

test('preview: 考评 grades the sample, shows band counts, and a warning selects its row', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('zh-CN');
  expect(screen.getByTestId('banner-preview').textContent).toContain('预览模式');
  await screen.findByTestId('banner-not-assessed');
  await user.click(screen.getByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：35条考评记录，15条预警，2个数据问题/);
  expect(host.writes).toBe(1);
  expect(host.sheetNames()).toEqual(expect.arrayContaining(['考评结果', '年度排名', '预警与整改', '数据问题']));
  expect(screen.queryByTestId('banner-not-assessed')).toBeNull();
  expect([count('excellent'), count('qualified'), count('basic'), count('unqualified')]).toEqual([1, 3, 1, 0]);
  await user.click(screen.getByRole('tab', { name: /预警/ }));
  const serious = await screen.findByRole('region', { name: /严重/ });
  await user.click(within(serious).getAllByRole('button', { name: /定位到第/ })[0]);
  // The first serious warning: 线路运维二班党小组, 及时更换党小组长 at 2023年下半年.
  await waitFor(() => expect(host.selection?.address).toMatch(/^2023年下半年!B\d+$/));
  expect(screen.getByTestId('preview-selection').textContent).toContain(host.selection!.address);
  // The selected row as the preview shows it.
  expect(screen.getByText(/该行：.*线路运维二班党小组/)).toBeTruthy();
});

test('in English: the same run, English words; a data issue selects its cell', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('en-US');
  await screen.findByTestId('banner-not-assessed');
  expect(screen.getByText('Not assessed yet')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Assess' }));
  await screen.findByText('Assessment done: 35 records, 15 warnings, 2 data issues');
  await user.click(screen.getByRole('tab', { name: /Data issues/ }));
  await user.click(screen.getByRole('button', { name: 'Select 2023年下半年!H10' }));
  await waitFor(() => expect(host.selection?.address).toBe('2023年下半年!H10'));
  expect(screen.getByTestId('preview-selection').textContent).toBe('Selected in the sample workbook: 2023年下半年!H10');
});

test('opening an assessed workbook shows its results; after an edit, the scores-changed banner', async () => {
  const host = sampleHost();
  await assessWorkbook(host, { now: () => new Date('2026-01-10T08:00:00Z') });
  // A score is edited after the run.
  const snap = host.snapshot();
  const sheet = snap.sheets.find((s) => s.name === '2025年下半年')!;
  sheet.values[4][4] = 9;
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
  await assessWorkbook(host);
  renderPane('en-US', new MemoryHost(host.snapshot()));
  await screen.findByText(/Last run:/);
  expect(screen.queryByTestId('banner-changed')).toBeNull();
  expect(screen.queryByTestId('banner-not-assessed')).toBeNull();
});

test('a workbook without a score table offers the template, which never replaces a sheet', async () => {
  const user = userEvent.setup();
  const host = new MemoryHost({
    sheets: [{ name: '考评规则', values: [['优秀分数线', 96]], merges: [], visibility: 'visible' }],
  });
  renderPane('zh-CN', host);
  await screen.findByTestId('banner-no-table');
  await user.click(screen.getByRole('button', { name: '插入评分模板' }));
  await screen.findByText('已插入：考评细则、评分表');
  expect(host.sheetNames()).toEqual(['考评规则', '考评细则', '评分表']);
  expect(host.cell('考评规则', 0, 1)).toBe(96); // the user's own sheet is untouched
  await waitFor(() => expect(screen.queryByRole('button', { name: '插入评分模板' })).toBeNull());
  expect(host.active).toBe('评分表');
});

test('settings: a new threshold is written into 考评规则 and the results follow', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('zh-CN');
  await user.click(await screen.findByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成/);
  expect(count('excellent')).toBe(1);
  await user.click(screen.getByRole('tab', { name: '设置' }));
  const ex = await screen.findByRole('textbox', { name: '优秀分数线' });
  await user.clear(ex);
  await user.type(ex, '90');
  await user.click(screen.getByRole('button', { name: '保存规则' }));
  await screen.findByText(/考评完成/);
  expect(host.cell('考评规则', 1, 1)).toBe(90);
  await user.click(screen.getByRole('tab', { name: '概览' }));
  expect(count('excellent')).toBe(2);
});

test('switching the language in settings re-renders in English and is remembered in the workbook', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('zh-CN');
  await user.click(await screen.findByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成/);
  await user.click(screen.getByRole('tab', { name: '设置' }));
  await user.click(await screen.findByRole('combobox', { name: '面板语言' }));
  await user.click(screen.getByRole('option', { name: '英文 (English)' }));
  await screen.findByRole('tab', { name: 'Settings' });
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
  await host.setPaneLanguage('en-US');
  renderPane('zh-CN', host);
  await screen.findByRole('button', { name: 'Assess' });
  // Remembering the language is not a run.
  expect(screen.getByText('Not assessed yet')).toBeTruthy();
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
  expect(alert.textContent).toContain('考评规则!B2');
  expect(alert.textContent).toContain('工作簿未作任何修改');
  expect(host.writes).toBe(0);
});

test('keyboard: the 考评 button and the tabs are reachable with Tab and act on Enter / Space', async () => {
  const user = userEvent.setup();
  renderPane('zh-CN');
  await screen.findByTestId('banner-not-assessed');
  const assess = screen.getByRole('button', { name: '考评' });
  while (document.activeElement !== assess) await user.tab();
  // (Arrow keys between tabs are Fluent's own, checked in the browser test: jsdom has no layout.)
  screen.getByRole('tab', { name: /预警/ }).focus();
  await user.keyboard('{Enter}');
  expect(screen.getByRole('tab', { name: /预警/ }).getAttribute('aria-selected')).toBe('true');
  screen.getByRole('tab', { name: '数据问题' }).focus();
  await user.keyboard(' ');
  expect(screen.getByRole('tab', { name: '数据问题' }).getAttribute('aria-selected')).toBe('true');
});

test('progress is shown stage by stage while a run is under way, and the button cannot start a second run', async () => {
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
  await screen.findByText(/考评完成/);
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
