/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { SummaryPanel } from '../../src/ui/SummaryPanel';
import { LEGEND_MAX, markerPath } from '../../src/ui/Chart';
import type { Shape } from '../../src/ui/Chart';
import type { PaneView } from '../../src/ui/view/types';
import type { ComparisonText } from '../../src/ui/view/compare';
import { renderIn, sampleView } from './helpers';

jest.setTimeout(20000);

/** The panel with its history state, as App holds it. */
function Summary({
  view,
  onSelect,
  canSelect = true,
  comparison = null,
}: {
  view: PaneView | null;
  onSelect: (a: string) => void;
  canSelect?: boolean;
  comparison?: ComparisonText | null;
}) {
  const [history, setHistory] = useState<string | null>(null);
  return (
    <SummaryPanel
      view={view}
      noTable={false}
      history={history}
      comparison={comparison}
      canSelect={canSelect}
      onSelect={onSelect}
      onOpenHistory={setHistory}
      onCloseHistory={() => setHistory(null)}
    />
  );
}

const ZH = {
  open: '未完成整改（1）',
  overdue: '逾期未整改',
  days: '已逾期31天',
  facts: ['2025年下半年', '基本合格', '78分', '2026年3月31日', '李明华', '孙立平', '4.党员教育管理与党费收缴、5.联系群众、10.台账记录'],
  locate: '定位：2025年下半年表第6行',
  latest: '2025年下半年各党小组',
  change: '较上期−12分',
  pending: '待评分：各项得分均为空',
  note: '备注：考评会议待召开，得分待填',
  issues: '数据问题（2）',
  issueButton: '选中2023年下半年表H10单元格',
  history: '城西供电所党小组：查看历次考评',
  historyTitle: '城西供电所党小组历次考评',
  back: '← 返回概览',
  chartTitle: '各党小组历次合计',
  chartLabel: '折线图',
  labels: ['23上', '23下', '24上', '24下', '25上', '25下'],
  asTable: '以表格显示',
  leaderNone: '没有待整改的党小组。',
  lede: '党支部对6个党小组进行了2025年下半年考评，其中优秀1个、合格3个、基本合格1个；带电作业班党小组（待评分）尚未评定。',
  compare: '与上次相比',
  compareNotYet: '点击“考评”后，这里列出与上次考评相比的变化。',
  compareNone: '预警、整改状态和等次都没有变化。',
};
const EN = {
  open: 'Rectifications not done (1)',
  overdue: 'Overdue',
  days: '31 days overdue',
  facts: ['2025 H2', 'Basically qualified', '78 pts', 'March 31, 2026', '李明华', '孙立平', '4.Member education and dues'],
  locate: 'Go to 2025年下半年, row 6',
  latest: 'Party groups, 2025 H2',
  change: '−12 since 2025 H1',
  pending: 'Pending: all item scores are blank',
  note: 'Notes: 考评会议待召开，得分待填',
  issues: 'Data issues (2)',
  issueButton: 'Select cell H10 of sheet “2023年下半年”',
  history: '城西供电所党小组: see its history',
  historyTitle: 'History of 城西供电所党小组',
  back: '← Back to the summary',
  chartTitle: 'Each Party group’s totals over the periods',
  chartLabel: 'Line chart',
  labels: ['2023 H1', '2023 H2', '2024 H1', '2024 H2', '2025 H1', '2025 H2'],
  asTable: 'Show as table',
  leaderNone: 'No Party group has a rectification open.',
  lede: 'the Party branch assessed 6 Party groups for 2025 H2: 1 Excellent, 3 Qualified, 1 Basically qualified; not yet graded: 带电作业班党小组 (pending).',
  compare: 'Compared with the last run',
  compareNotYet: 'After Assess, the changes since the last run are listed here.',
  compareNone: 'No change in warnings, rectification statuses or grades.',
};

describe.each([
  ['zh-CN', ZH],
  ['en-US', EN],
] as const)('概览 in %s', (lang, w) => {
  test('leads with the open rectification: overdue days, group, grade, total, deadline, people, items that lost most, where', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    renderIn(lang, <Summary view={sampleView(lang)} onSelect={onSelect} />);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    // The report paragraph's first sentence, then what needs action, then what the last run changed.
    // (This view is built without the title row, so the unit is not named.)
    expect(screen.getByTestId('lede').textContent).toBe(w.lede);
    expect(sampleView(lang).summaryText.startsWith(w.lede)).toBe(true);
    expect(headings.slice(0, 2)).toEqual([w.open, w.compare]);
    const open = screen.getByTestId('open-rectifications');
    const card = within(open).getByTestId('open-rectification');
    expect(card.getAttribute('data-status')).toBe('overdue');
    expect(within(card).getByText(w.overdue)).toBeTruthy();
    expect(within(card).getByTestId('urgency').textContent).toBe(w.days);
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe('城西供电所党小组');
    for (const f of w.facts) expect(card.textContent).toContain(f);
    await user.click(within(card).getByRole('button', { name: new RegExp(`^${w.locate.replace(/[()]/g, '\\$&')}`) }));
    expect(onSelect).toHaveBeenCalledWith('2025年下半年!B6');
  });

  test('then the latest half-year per group: total, grade, change since the half before, and why', () => {
    renderIn(lang, <Summary view={sampleView(lang)} onSelect={() => undefined} />);
    const latest = screen.getByTestId('latest');
    expect(within(latest).getByRole('heading', { level: 2 }).textContent).toBe(w.latest);
    const counts = ['excellent', 'qualified', 'basic', 'unqualified', 'none'].map((b) => screen.getByTestId(`count-${b}`).textContent);
    expect(counts).toEqual(['1', '3', '1', '0', '1']);
    const rows = latest.querySelectorAll('[data-group]');
    expect([...rows].map((r) => r.getAttribute('data-group'))).toEqual([
      '城东供电所党小组',
      '城西供电所党小组',
      '线路运维一班党小组',
      '线路运维二班党小组',
      '带电作业班党小组',
      '综合管理党小组',
    ]);
    const west = latest.querySelector('[data-group="城西供电所党小组"]')!;
    expect(west.textContent).toContain(w.change);
    // 带电作业班: pending, with the row's note.
    const live = latest.querySelector('[data-group="带电作业班党小组"]')!;
    expect(live.textContent).toContain(w.pending);
    expect(live.textContent).toContain(w.note);
  });

  test('a group opens its history; back returns to the summary with focus on the group', async () => {
    const user = userEvent.setup();
    renderIn(lang, <Summary view={sampleView(lang)} onSelect={() => undefined} />);
    await user.click(screen.getByRole('button', { name: w.history }));
    const history = screen.getByTestId('history');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(w.historyTitle);
    // Focus moves to the history's heading.
    expect(document.activeElement?.textContent).toBe(w.historyTitle);
    // Every half-year, newest first; its years; its warnings.
    expect([...history.querySelectorAll('[data-period]')].map((e) => e.getAttribute('data-period'))).toHaveLength(6);
    expect(history.querySelector('[data-period]')!.textContent).toContain('78');
    expect(history.querySelectorAll('[data-code]').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: w.back }));
    expect(screen.queryByTestId('history')).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe(w.history);
  });

  test('与上次相比 stays a section of 概览: before a run it says how to get it, after one what changed', () => {
    const { unmount } = renderIn(lang, <Summary view={sampleView(lang)} onSelect={() => undefined} />);
    const section = () => screen.getByRole('region', { name: w.compare });
    expect(section().textContent).toBe(w.compare + w.compareNotYet);
    unmount();
    renderIn(lang, <Summary view={sampleView(lang)} onSelect={() => undefined} comparison={{ first: false, lines: [], rules: null }} />);
    expect(section().textContent).toBe(w.compare + w.compareNone);
  });

  test('data issues are listed, each selecting its cell', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    renderIn(lang, <Summary view={sampleView(lang)} onSelect={onSelect} />);
    const issues = screen.getByTestId('issues');
    expect(within(issues).getByRole('heading', { level: 2 }).textContent).toBe(w.issues);
    await user.click(within(issues).getByRole('button', { name: w.issueButton }));
    expect(onSelect).toHaveBeenCalledWith('2023年下半年!H10');
  });

  test('the chart: short period labels, a marker shape per line, a legend by shape and name, and a data table', async () => {
    const user = userEvent.setup();
    renderIn(lang, <Summary view={sampleView(lang)} onSelect={() => undefined} />);
    const chart = await screen.findByTestId('chart');
    expect(screen.getByText(w.chartTitle)).toBeTruthy();
    expect(chart.getAttribute('aria-label')).toContain(w.chartLabel);
    // One line per group, each with its own marker shape; the three band thresholds drawn.
    const series = [...chart.querySelectorAll('[data-series]')];
    expect(series).toHaveLength(6);
    expect(new Set(series.map((g) => g.getAttribute('data-shape'))).size).toBe(6);
    expect([...chart.querySelectorAll('[data-threshold]')].map((g) => g.getAttribute('data-threshold'))).toEqual(['95', '80', '60']);
    // Axis labels are the short ones (thinned to fit; the last period is always labelled).
    const labels = [...chart.querySelectorAll('[data-period-label]')].map((t) => t.textContent);
    expect(labels.length).toBeGreaterThan(1);
    for (const l of labels) expect(w.labels).toContain(l);
    expect(labels[labels.length - 1]).toBe(w.labels[5]);
    // The legend names every line with its shape (an SVG symbol) and the group's name.
    const legend = screen.getByTestId('legend');
    expect([...legend.querySelectorAll('li')].map((li) => li.getAttribute('data-shape'))).toEqual(series.map((g) => g.getAttribute('data-shape')));
    expect(legend.textContent).toContain('城东供电所党小组');
    // The data table alternative.
    await user.click(screen.getByRole('button', { name: w.asTable }));
    const table = screen.getByTestId('chart-table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(6);
    expect(table.querySelectorAll('thead th')).toHaveLength(7);
    expect(table.textContent).toContain('96.5');
  });

  test('the chart of many groups: every line drawn (one path per look), the legend names the first 24 and counts the rest, the table has them all', async () => {
    const user = userEvent.setup();
    const view = sampleView(lang);
    const many = Array.from({ length: 30 }, (_, i) => ({ ...view.chart.series[i % view.chart.series.length], group: `第${i + 1}党小组` }));
    renderIn(lang, <Summary view={{ ...view, chart: { ...view.chart, series: many } }} onSelect={() => undefined} />);
    const chart = await screen.findByTestId('chart');
    // Drawn by look (8 shapes and colours), each look's lines one path: every group's line is there.
    const looks = [...chart.querySelectorAll('[data-series-look]')];
    expect(looks).toHaveLength(8);
    expect(looks.reduce((n, g) => n + Number(g.getAttribute('data-lines')), 0)).toBe(30);
    const lines = looks.map((g) => (g.querySelector('.pga-series')!.getAttribute('d')!.match(/M/g) ?? []).length);
    // A line's pieces: one per run of periods without a gap.
    const perGroup = view.chart.series.map((s) => s.totals.filter((v, i, a) => v !== null && (i === 0 || a[i - 1] === null)).length);
    expect(lines.reduce((a, b) => a + b, 0)).toBe(Array.from({ length: 30 }, (_, i) => perGroup[i % perGroup.length]).reduce((a, b) => a + b, 0));
    const legend = screen.getByTestId('legend');
    expect(legend.querySelectorAll('li[data-shape]')).toHaveLength(LEGEND_MAX);
    expect(legend.textContent).toContain(`第${LEGEND_MAX}党小组`);
    expect(legend.textContent).not.toContain(`第${LEGEND_MAX + 1}党小组`);
    expect(screen.getByTestId('legend-more').textContent).toBe(
      lang === 'zh-CN' ? `另有${30 - LEGEND_MAX}个党小组（以表格显示可看全部）` : `${30 - LEGEND_MAX} more Party groups (show as a table to see them all)`,
    );
    await user.click(screen.getByRole('button', { name: w.asTable }));
    expect(screen.getByTestId('chart-table').querySelectorAll('thead th')).toHaveLength(31);
  });

  test('with nothing open it says so; before any run it says there are no results', () => {
    const view = sampleView(lang);
    const { unmount } = renderIn(lang, <Summary view={{ ...view, openRectifications: [] }} onSelect={() => undefined} />);
    expect(screen.getByText(w.leaderNone)).toBeTruthy();
    unmount();
    renderIn(lang, <Summary view={null} onSelect={() => undefined} />);
    expect(screen.getByText(lang === 'zh-CN' ? /还没有结果/ : /No results yet/)).toBeTruthy();
  });
});

test('before the deadline an open rectification counts the days left', () => {
  renderIn('zh-CN', <Summary view={sampleView('zh-CN', '2026-03-01')} onSelect={() => undefined} />);
  const card = screen.getByTestId('open-rectification');
  expect(card.getAttribute('data-status')).toBe('open');
  expect(within(card).getByText('待整改')).toBeTruthy();
  expect(within(card).getByTestId('urgency').textContent).toBe('还有30天');
});

test('where nothing can be selected (a file in the browser) the place is named, not a button', () => {
  renderIn('zh-CN', <Summary view={sampleView('zh-CN')} onSelect={() => undefined} canSelect={false} />);
  const card = screen.getByTestId('open-rectification');
  expect(within(card).queryByRole('button')).toBeNull();
  expect(card.textContent).toContain('定位：2025年下半年表第6行');
});

test('a group missing a period breaks its line instead of joining across the gap', async () => {
  renderIn('zh-CN', <Summary view={sampleView('zh-CN')} onSelect={() => undefined} />);
  const chart = await screen.findByTestId('chart');
  // 带电作业班 has no graded 2025 H2: one line segment, five markers.
  const g = chart.querySelector('[data-series="带电作业班党小组"]')!;
  expect(g.querySelectorAll('path.pga-series').length).toBe(1);
  // The series' markers are one path, a subpath each (one element per line, however many half-years).
  const markers = g.querySelectorAll('path.pga-marker');
  expect(markers.length).toBe(1);
  const moves = (d: string) => d.split('M').length - 1;
  const shape = g.getAttribute('data-shape') as Shape;
  expect(moves(markers[0].getAttribute('d')!) / moves(markerPath(shape, 0, 0, 1))).toBe(5);
});

test('a line of many half-years: markers only where they do not overlap (at the labelled periods), and on a half-year standing alone', async () => {
  const n = 120;
  const periods = Array.from({ length: n }, (_, i) => ({ short: `${i}`, full: `第${i}期` }));
  // Every half-year graded, except two gaps around period 60: that one stands alone.
  const totals = periods.map((_, i) => (i === 59 || i === 61 ? null : 80 + (i % 10)));
  const Chart = (await import('../../src/ui/Chart')).default;
  renderIn('zh-CN', <Chart data={{ periods, series: [{ group: '第一党小组', totals }], thresholds: { excellent: 95, qualified: 80, basic: 60 } }} />);
  const chart = await screen.findByTestId('chart');
  const labelled = chart.querySelectorAll('[data-period-label]').length;
  expect(labelled).toBeLessThan(n / 4);
  const d = chart.querySelector('[data-series] path.pga-marker')!.getAttribute('d')!;
  const shape = chart.querySelector('[data-series]')!.getAttribute('data-shape') as Shape;
  const markers = (d.split('M').length - 1) / (markerPath(shape, 0, 0, 1).split('M').length - 1);
  // A marker at each labelled period (the gaps take none of those away here) and one on the lone half-year.
  const labelledIndexes = [...chart.querySelectorAll('[data-period-label]')].map((t) => Number(t.textContent));
  expect(markers).toBe(labelledIndexes.filter((i) => totals[i] !== null).length + (labelledIndexes.includes(60) ? 0 : 1));
});
