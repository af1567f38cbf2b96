/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPane } from './helpers';

jest.setTimeout(20000);

test('preview: 考评 grades the sample, shows band counts, and a warning selects its row', async () => {
  const user = userEvent.setup();
  const { host } = renderPane('zh-CN');
  expect(screen.getByTestId('banner-preview').textContent).toContain('预览模式');
  await screen.findByTestId('banner-not-assessed');
  await user.click(screen.getByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成/);
  expect(host.writes).toBe(1);
  expect(host.sheetNames()).toEqual(expect.arrayContaining(['考评结果', '年度排名', '预警与整改', '数据问题']));
  const counts = ['excellent', 'qualified', 'basic', 'unqualified'].map((b) => Number(screen.getByTestId(`count-${b}`).textContent));
  expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  await user.click(screen.getByRole('tab', { name: /预警/ }));
  const serious = await screen.findByRole('region', { name: /严重/ });
  const first = within(serious).getAllByRole('button', { name: /在工作簿中选中/ })[0];
  await user.click(first);
  await waitFor(() => expect(host.selection).not.toBeNull());
  expect(screen.getByTestId('preview-selection').textContent).toContain(host.selection!.address);
});
