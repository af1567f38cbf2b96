/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import RankingPanel from '../../src/ui/RankingPanel';
import { renderIn, sampleView } from './helpers';

jest.setTimeout(20000);

const itemOf = (group: string) => document.querySelector(`li[data-group="${group}"]`) as HTMLElement;

describe.each([
  [
    'zh-CN',
    {
      caption2025: '2025年度排名（并列占位排名）',
      caption2024: '2024年度排名（并列占位排名）',
      chooseYear: '选择年度',
      first: '第1名',
      third: '第3名',
      figures: '上半年 97 · 下半年 96.5 · 年度平均分 96.75',
      advanced: '年度先进党小组（示范党小组推荐对象）',
      advancedTied: '拟推荐为年度先进党小组（并列，示范党小组推荐对象），提请支委会研究确定',
      tied: '并列',
      unranked: '未排名',
      veto: '一票否决（发生一般及以上责任性安全事故），不参加排名和评先',
      incomplete: '年度考评不全：下半年未评定，不计算年度结果，不参加排名和评先',
      belowBand: '下半年考评等次为基本合格，不参加评先',
      tieNote: '年度平均分并列第一（提请支委会研究确定）',
    },
  ],
  [
    'en-US',
    {
      caption2025: 'Ranking of 2025 (standard competition ranking)',
      caption2024: 'Ranking of 2024 (standard competition ranking)',
      chooseYear: 'Choose a year',
      first: 'Rank 1',
      third: 'Rank 3',
      figures: 'H1 97 · H2 96.5 · Annual average 96.75',
      advanced: 'Advanced Party group of the year (model group nominee)',
      advancedTied: 'Proposed as Advanced Party group of the year (tied, model group nominee) for the branch committee to decide',
      tied: 'tied',
      unranked: 'Unranked',
      veto: 'One-vote veto (发生一般及以上责任性安全事故): not ranked, not eligible for awards',
      incomplete: 'Incomplete year: H2 not graded; no annual result, not ranked, not eligible for awards',
      belowBand: 'H2 graded Basically qualified: not eligible for awards',
      tieNote: 'Tied for first (for the branch committee to decide)',
    },
  ],
] as const)('年度排名 in %s', (lang, w) => {
  test('a list: rank, name on its own line, figures and grade below, titles, and the reason for every unranked group', async () => {
    const user = userEvent.setup();
    renderIn(lang, <RankingPanel view={sampleView(lang)} />);
    const list = screen.getByRole('list', { name: w.caption2025 });
    expect(list.tagName).toBe('OL');
    expect([...list.querySelectorAll(':scope > li')].map((li) => li.getAttribute('data-group'))).toEqual([
      '城东供电所党小组',
      '综合管理党小组',
      '城西供电所党小组',
      '线路运维二班党小组',
      '线路运维一班党小组',
      '带电作业班党小组',
    ]);
    const east = itemOf('城东供电所党小组');
    expect(within(east).getByText(w.first)).toBeTruthy();
    expect(within(east).getByRole('heading', { level: 3 }).textContent).toBe('城东供电所党小组');
    expect(east.textContent).toContain(w.figures);
    expect(east.textContent).toContain(w.advanced);
    // Why a ranked group cannot be nominated, and why the others are not ranked.
    expect(itemOf('城西供电所党小组').textContent).toContain(w.belowBand);
    expect(within(itemOf('线路运维一班党小组')).getByText(w.unranked)).toBeTruthy();
    expect(within(itemOf('线路运维一班党小组')).getByTestId('ranking-notes').textContent).toBe(w.veto);
    expect(within(itemOf('带电作业班党小组')).getByTestId('ranking-notes').textContent).toBe(w.incomplete);

    await user.click(screen.getByRole('combobox', { name: w.chooseYear }));
    await user.click(screen.getByRole('option', { name: '2024' }));
    expect(screen.getByRole('list', { name: w.caption2024 })).toBeTruthy();
    // Two groups share the top average: both first, both tied, both hold the title; the next rank is 3.
    for (const g of ['城东供电所党小组', '城西供电所党小组']) {
      const li = itemOf(g);
      expect(within(li).getByText(w.first)).toBeTruthy();
      expect(within(li).getByText(w.tied)).toBeTruthy();
      expect(li.textContent).toContain(w.advancedTied);
      expect(li.textContent).toContain(w.tieNote);
    }
    expect(within(itemOf('带电作业班党小组')).getByText(w.third)).toBeTruthy();
  });
});

test('dense ranking is named as such, and no results say so', () => {
  const view = sampleView('zh-CN');
  const { unmount } = renderIn('zh-CN', <RankingPanel view={{ ...view, rules: { ...view.rules, rankMode: 'dense' } }} />);
  expect(screen.getByRole('list', { name: '2025年度排名（并列不占位排名）' })).toBeTruthy();
  unmount();
  renderIn('en-US', <RankingPanel view={null} />);
  expect(screen.getByText('No annual results yet.')).toBeTruthy();
});
