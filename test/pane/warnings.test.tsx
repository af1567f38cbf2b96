/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WarningsPanel } from '../../src/taskpane/app/WarningsPanel';
import { renderIn, sampleView } from './helpers';

jest.setTimeout(20000);

describe.each([
  ['zh-CN', ['严重（5）', '警示（6）', '提示（2）'], '联系支委', '已见效', '待整改', /定位到第 8 行：2024年上半年!B8（线路运维二班党小组）/],
  ['en-US', ['Serious (5)', 'Warning (6)', 'Info (2)'], 'Liaison', 'Resolved', 'Open', /Go to row 8: 2024年上半年!B8 \(线路运维二班党小组\)/],
] as const)('warnings in %s', (lang, headings, liaison, resolved, open, firstButton) => {
  test('grouped by severity, serious first, with people, deadline, status and a way to the row', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    renderIn(lang, <WarningsPanel view={sampleView(lang)} onSelect={onSelect} />);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(headings);
    const serious = screen.getByRole('region', { name: headings[0] });
    const items = within(serious).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    const first = items[0];
    expect(first.textContent).toContain('线路运维二班党小组');
    expect(first.textContent).toContain('刘志强');
    expect(first.textContent).toContain(liaison);
    expect(first.textContent).toContain('吴红梅');
    expect(first.textContent).toContain('2024-09-28');
    expect(first.textContent).toContain(resolved);
    expect(screen.getByRole('region', { name: headings[1] }).textContent).toContain(open);
    await user.click(within(first).getByRole('button', { name: firstButton }));
    expect(onSelect).toHaveBeenCalledWith('2024年上半年!B8');
  });
});

test('no warnings, no results', () => {
  const view = { ...sampleView('zh-CN'), warnings: [] };
  const { unmount } = renderIn('zh-CN', <WarningsPanel view={view} onSelect={() => undefined} />);
  expect(screen.getByText('没有预警。')).toBeTruthy();
  unmount();
  renderIn('en-US', <WarningsPanel view={null} onSelect={() => undefined} />);
  expect(screen.getByText(/No results yet/)).toBeTruthy();
});

test('the pane is keyboard operable: Tab reaches the row button and Enter selects', async () => {
  const user = userEvent.setup();
  const onSelect = jest.fn();
  renderIn('zh-CN', <WarningsPanel view={sampleView('zh-CN')} onSelect={onSelect} />);
  await user.tab();
  expect(document.activeElement?.textContent).toBe('定位到第 8 行');
  await user.keyboard('{Enter}');
  expect(onSelect).toHaveBeenCalledWith('2024年上半年!B8');
});
