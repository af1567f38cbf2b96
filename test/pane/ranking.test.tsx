/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import RankingPanel from '../../src/taskpane/app/RankingPanel';
import { renderIn, sampleView } from './helpers';

jest.setTimeout(20000);

const rowOf = (group: string) => document.querySelector(`tr[data-group="${group}"]`) as HTMLElement;

describe.each([
  ['zh-CN', '2025年度排名（并列占位排名）', '2024年度排名（并列占位排名）', '选择年度', '年度先进党小组（示范党小组推荐对象）', '并列', '未排名'],
  ['en-US', 'Ranking of 2025 (standard competition ranking)', 'Ranking of 2024 (standard competition ranking)', 'Choose a year', 'Advanced Party group of the year (model group nominee)', 'tied', 'Unranked'],
] as const)('ranking in %s', (lang, caption2025, caption2024, chooseYear, advanced, tied, unranked) => {
  test('newest year first; a chosen year shows ranks, titles and ties', async () => {
    const user = userEvent.setup();
    renderIn(lang, <RankingPanel view={sampleView(lang)} />);
    expect(screen.getByRole('table', { name: caption2025 })).toBeTruthy();
    expect(within(rowOf('城东供电所党小组')).getAllByRole('cell')[0].textContent).toBe('1');
    expect(rowOf('城东供电所党小组').textContent).toContain(advanced);
    expect(within(rowOf('带电作业班党小组')).getAllByRole('cell')[0].textContent).toBe(unranked);

    await user.click(screen.getByRole('combobox', { name: chooseYear }));
    await user.click(screen.getByRole('option', { name: '2024' }));
    expect(screen.getByRole('table', { name: caption2024 })).toBeTruthy();
    // Two groups share the top average: both rank 1, both tied, both hold the title; the next rank is 3.
    for (const g of ['城东供电所党小组', '城西供电所党小组']) {
      const cells = within(rowOf(g)).getAllByRole('cell');
      expect(cells[0].textContent).toBe(`1${tied}`);
      expect(cells[4].textContent).toBe('95.5');
      expect(cells[6].textContent).toContain(advanced);
    }
    expect(within(rowOf('带电作业班党小组')).getAllByRole('cell')[0].textContent).toBe('3');
  });
});

test('dense ranking is named as such, and no results say so', () => {
  const view = sampleView('zh-CN');
  const { unmount } = renderIn('zh-CN', <RankingPanel view={{ ...view, rules: { ...view.rules, rankMode: 'dense' } }} />);
  expect(screen.getByRole('table', { name: '2025年度排名（并列不占位排名）' })).toBeTruthy();
  unmount();
  renderIn('en-US', <RankingPanel view={null} />);
  expect(screen.getByText('No annual results yet.')).toBeTruthy();
});
