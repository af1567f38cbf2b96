/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IssuesPanel } from '../../src/taskpane/app/IssuesPanel';
import { renderIn, sampleView } from './helpers';

jest.setTimeout(20000);

describe.each([
  ['zh-CN', '选中2023年下半年!H10', /超出分值8/, '数据问题', '没有数据问题。'],
  ['en-US', 'Select 2023年下半年!H10', /score 9 is outside 0 to 8/, 'Data issues', 'No data issues.'],
] as const)('data issues in %s', (lang, button, message, tableName, none) => {
  test('every issue with its message, value, and a button selecting its cell', async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    renderIn(lang, <IssuesPanel view={sampleView(lang)} onSelect={onSelect} />);
    const table = screen.getByRole('table', { name: tableName });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByText(message)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: button }));
    expect(onSelect).toHaveBeenCalledWith('2023年下半年!H10');
  });

  test('an empty list says so', () => {
    renderIn(lang, <IssuesPanel view={{ ...sampleView(lang), issues: [] }} onSelect={() => undefined} />);
    expect(screen.getByText(none)).toBeTruthy();
  });
});
