/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WarningsPanel } from '../../src/taskpane/app/WarningsPanel';
import { renderIn, sampleView } from './helpers';

jest.setTimeout(20000);

describe.each([
  ['zh-CN', ['严重（7）', '一般（4）', '提示（4）'], '联系支委', '已整改（2025年上半年考评合格）', '2024年9月28日', '待整改', /定位到第\d+行：2023年下半年!B\d+（线路运维二班党小组）/],
  ['en-US', ['Serious (7)', 'Moderate (4)', 'Notice (4)'], 'Liaison committee member', 'Resolved (2025 H1 graded Qualified or better)', 'September 28, 2024', 'Open', /Go to row \d+: 2023年下半年!B\d+ \(线路运维二班党小组\)/],
] as const)('warnings in %s', (lang, headings, liaison, resolved, deadline, open, firstButton) => {
  test('grouped by severity, serious first, open work before history, with people, deadline, status and a way to the row', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    renderIn(lang, <WarningsPanel view={sampleView(lang)} onSelect={onSelect} />);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(headings);
    const serious = screen.getByRole('region', { name: headings[0] });
    const items = within(serious).getAllByRole('listitem');
    expect(items).toHaveLength(7);
    // Leader warnings first; rectifications already done (history) last.
    expect(items.map((li) => li.getAttribute('data-code'))).toEqual(['LEADER_REVIEW', 'LEADER_REVIEW', 'LEADER_REVIEW', 'LEADER_REPLACE', 'RECTIFY', 'RECTIFY', 'RECTIFY']);
    const first = items[0];
    expect(first.textContent).toContain('线路运维二班党小组');
    expect(first.textContent).toContain('刘志强');
    expect(first.textContent).toContain(liaison);
    expect(first.textContent).toContain('吴红梅');
    const done = items[4];
    expect(done.textContent).toContain(deadline);
    expect(done.textContent).toContain(resolved);
    expect(screen.getByRole('region', { name: headings[1] }).textContent).toContain(open);
    await user.click(within(first).getByRole('button', { name: firstButton }));
    expect(onSelect).toHaveBeenCalledWith(expect.stringMatching(/^2023年下半年!B\d+$/));
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
  expect(document.activeElement?.textContent).toMatch(/^定位到第\d+行$/);
  await user.keyboard('{Enter}');
  expect(onSelect).toHaveBeenCalledWith(expect.stringMatching(/^2023年下半年!B\d+$/));
});
