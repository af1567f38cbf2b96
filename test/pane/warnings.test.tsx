/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WarningsPanel } from '../../src/ui/WarningsPanel';
import { renderIn, sampleView } from './helpers';

jest.setTimeout(20000);

describe.each([
  [
    'zh-CN',
    '待办1条，共13条',
    '▸ 以往预警与提示（12）',
    ['2025年（2）', '2024年（5）', '2023年（5）'],
    ['2026年3月31日', '逾期未整改（已逾期31天）', '联系支委', '孙立平'],
    ['已整改（2025年下半年考评等次为合格）', '已整改（2025年上半年考评等次为合格）'],
    ['逾期未整改'],
    ['提示', '已整改'],
    /^定位：2025年下半年表第6行/,
  ],
  [
    'en-US',
    '1 to act on, 13 in all',
    '▸ Earlier warnings and notices (12)',
    ['2025 (2)', '2024 (5)', '2023 (5)'],
    ['March 31, 2026', 'Overdue (31 days overdue)', 'Liaison committee member', '孙立平'],
    ['Resolved (2025 H2 graded Qualified)', 'Resolved (2025 H1 graded Qualified)'],
    ['Overdue'],
    ['Notice', 'Resolved'],
    /^Go to 2025年下半年, row 6/,
  ],
] as const)('预警 in %s', (lang, counts, historyButton, headings, openFacts, resolved, openBadges, pastBadges, locate) => {
  test('opens on what to act on, badged by its status, counted open/total, with the history collapsed and grouped by year', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    renderIn(lang, <WarningsPanel view={sampleView(lang)} canSelect onSelect={onSelect} />);
    expect(screen.getByTestId('warnings-summary').textContent).toBe(counts);
    const open = screen.getByTestId('open-warnings');
    const items = within(open).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0].getAttribute('data-code')).toBe('RECTIFY');
    expect(items[0].textContent).toContain('城西供电所党小组');
    for (const f of openFacts) expect(items[0].textContent).toContain(f);
    // The overdue rectification says what it is now (逾期未整改), not its severity when raised.
    expect(
      within(open)
        .getAllByTestId('warning-badge')
        .map((b) => b.textContent),
    ).toEqual(openBadges);
    await user.click(within(items[0]).getByRole('button', { name: locate }));
    expect(onSelect).toHaveBeenCalledWith('2025年下半年!B6');

    // The history is there but collapsed.
    const toggle = screen.getByRole('button', { name: historyButton });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: headings[0] })).toBeNull();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(headings);
    const latestYear = screen.getByRole('region', { name: headings[0] });
    const codes = within(latestYear)
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-code'));
    // The latest year first; within it, in reading order (a rectification already decided last).
    expect(codes).toEqual(['INCOMPLETE_YEAR', 'RECTIFY']);
    expect(latestYear.textContent).toContain(resolved[0]);
    expect(screen.getByRole('region', { name: headings[1] }).textContent).toContain(resolved[1]);
    // History: a decided rectification is badged by its outcome (已整改), not by the severity it was raised with.
    expect(
      within(latestYear)
        .getAllByTestId('warning-badge')
        .map((b) => b.textContent),
    ).toEqual(pastBadges);
  });
});

test('a leader warning at the group’s latest assessment is something to act on', () => {
  const view = sampleView('zh-CN');
  // As if 线路运维二班党小组 had not been assessed after 2024年下半年: its leader warnings (the run reaching 2024) are current.
  const latestOf2 = view.warnings.map((w) =>
    w.group === '线路运维二班党小组' && (w.code === 'LEADER_REVIEW' || w.code === 'LEADER_REPLACE') ? { ...w, open: true } : w,
  );
  renderIn('zh-CN', <WarningsPanel view={{ ...view, warnings: latestOf2 }} canSelect onSelect={() => undefined} />);
  expect(screen.getByTestId('warnings-summary').textContent).toBe('待办3条，共13条');
});

test('no warnings, no results', () => {
  const view = { ...sampleView('zh-CN'), warnings: [] };
  const { unmount } = renderIn('zh-CN', <WarningsPanel view={view} canSelect onSelect={() => undefined} />);
  expect(screen.getByText('没有预警。')).toBeTruthy();
  unmount();
  renderIn('en-US', <WarningsPanel view={null} canSelect onSelect={() => undefined} />);
  expect(screen.getByText(/No results yet/)).toBeTruthy();
});

test('keyboard: Tab reaches the row button and Enter selects; the history opens with Enter', async () => {
  const user = userEvent.setup();
  const onSelect = jest.fn();
  renderIn('zh-CN', <WarningsPanel view={sampleView('zh-CN')} canSelect onSelect={onSelect} />);
  await user.tab();
  expect(document.activeElement?.textContent).toBe('定位：2025年下半年表第6行');
  await user.keyboard('{Enter}');
  expect(onSelect).toHaveBeenCalledWith('2025年下半年!B6');
  await user.tab();
  await user.keyboard('{Enter}');
  expect(document.activeElement?.getAttribute('aria-expanded')).toBe('true');
});
