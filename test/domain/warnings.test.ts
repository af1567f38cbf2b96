/** The one table of warning kinds (src/domain/warnings.ts), as the run digest and the reading order rely on it. */
import { actionOrder } from '../../src/domain/order';
import { SEVERITIES, WARNING_CODES, WARNING_KIND, WARNING_SECTIONS, severityOf, warningSection } from '../../src/domain/warnings';
import { WARNING_NAME } from '../../src/i18n/domain';

test('codes keep the positions earlier runs stored in their digests (append only)', () => {
  expect(WARNING_CODES.slice(0, 5)).toEqual(['RECTIFY', 'LEADER_REVIEW', 'LEADER_REPLACE', 'INCOMPLETE_YEAR', 'TIE_FOR_TOP']);
});

test('every kind has its own place in the report order, a severity and a name in both languages', () => {
  const orders = WARNING_CODES.map((c) => WARNING_KIND[c].order);
  expect(new Set(orders).size).toBe(WARNING_CODES.length);
  for (const c of WARNING_CODES) {
    expect([...SEVERITIES, 'byBand']).toContain(WARNING_KIND[c].severity);
    expect(WARNING_NAME[c].zh).toMatch(/\S/);
    expect(WARNING_NAME[c].en).toMatch(/\S/);
  }
});

test('a rectification is 严重 at 不合格 and 一般 at 基本合格; leader warnings are 严重; notices 提示', () => {
  expect(severityOf('RECTIFY', 'unqualified')).toBe('serious');
  expect(severityOf('RECTIFY', 'basic')).toBe('warning');
  expect(severityOf('LEADER_REVIEW', 'basic')).toBe('serious');
  expect(severityOf('TIE_FOR_TOP', 'excellent')).toBe('info');
});

test('sections: unfinished rectifications, then leader warnings, notices, closed ones awaiting the next assessment, then history', () => {
  const w = (code: (typeof WARNING_CODES)[number], status: 'open' | 'overdue' | 'closed' | 'not_effective' | 'resolved' | null, year = 2024) => ({ code, status, year, half: 1 as const });
  const list = [
    w('INCOMPLETE_YEAR', null),
    w('RECTIFY', 'resolved'),
    w('RECTIFY', 'closed'),
    w('LEADER_REVIEW', null),
    w('RECTIFY', 'open'),
    w('RECTIFY', 'overdue'),
    w('RECTIFY', 'not_effective'),
  ];
  expect(actionOrder(list).map(warningSection)).toEqual(['overdue', 'open', 'leader', 'notice', 'closed', 'not_effective', 'resolved']);
  expect(WARNING_SECTIONS).toEqual(['overdue', 'open', 'leader', 'notice', 'closed', 'not_effective', 'resolved']);
});
