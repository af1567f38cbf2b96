/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { SummaryPanel } from '../../src/taskpane/app/SummaryPanel';
import { renderIn, sampleView } from './helpers';

jest.setTimeout(20000);

describe.each([
  ['zh-CN', '2025年下半年各等次党小组数', '优秀', '各党小组历次合计', '折线图'],
  ['en-US', 'Party groups per grade, 2025 H2', 'Excellent', 'Each Party group’s totals over the periods', 'Line chart'],
] as const)('summary in %s', (lang, caption, excellent, chartTitle, chartLabel) => {
  test('groups per band of the latest period, and the chart with thresholds', async () => {
    renderIn(lang, <SummaryPanel view={sampleView(lang)} />);
    expect(screen.getByRole('table', { name: caption })).toBeTruthy();
    const counts = ['excellent', 'qualified', 'basic', 'unqualified'].map((b) => screen.getByTestId(`count-${b}`).textContent);
    expect(counts).toEqual(['1', '3', '1', '0']);
    expect(screen.getAllByText(excellent).length).toBeGreaterThan(0);
    // The chart is loaded lazily.
    const chart = await screen.findByTestId('chart');
    expect(screen.getByText(chartTitle)).toBeTruthy();
    expect(chart.getAttribute('aria-label')).toContain(chartLabel);
    // One line per group, the three band thresholds drawn.
    expect(chart.querySelectorAll('[data-series]').length).toBe(6);
    expect([...chart.querySelectorAll('[data-threshold]')].map((g) => g.getAttribute('data-threshold'))).toEqual(['95', '80', '60']);
  });

  test('before any run it says there are no results', () => {
    renderIn(lang, <SummaryPanel view={null} />);
    expect(screen.getByText(lang === 'zh-CN' ? /还没有结果/ : /No results yet/)).toBeTruthy();
  });
});

test('a group missing a period breaks its line instead of joining across the gap', async () => {
  const view = sampleView('zh-CN');
  renderIn('zh-CN', <SummaryPanel view={view} />);
  const chart = await screen.findByTestId('chart');
  // 带电作业班 has no graded 2025 H2: one segment; 综合管理 starts in 2024: one segment.
  const g = chart.querySelector('[data-series="带电作业班党小组"]')!;
  expect(g.querySelectorAll('path').length).toBe(1);
  expect(g.querySelectorAll('circle').length).toBe(5);
});
