/** @jest-environment jsdom */
/**
 * A large workbook (1,000 Party groups × 35 warnings): the view is built in one pass over the groups and
 * the warnings (counted, not timed), and 概览 and 预警 show a page of each long list until "显示全部N条".
 */
import * as cells from '../../src/workbook/cells';
import { buildView } from '../../src/ui/view/index';
import { scaledResult } from './helpers';

jest.setTimeout(60000);

const GROUPS = 1000;
const PER_GROUP = 35;

describe('the view of 1,000 groups × 35 warnings', () => {
  const result = scaledResult(GROUPS, PER_GROUP);

  test('folds each name a bounded number of times: O(groups + warnings), not groups × warnings', () => {
    const real = cells.groupKey;
    const items = result.assessments.length + result.warnings.length + result.annual.length;
    const limit = 4 * items;
    let calls = 0;
    // A scan of every warning per group would fold 1,000 × 35,000 names: stop it at the limit.
    const counting = (name: string) => {
      if (++calls > limit) throw new Error(`more than ${limit} names folded`);
      return real(name);
    };
    (cells as { groupKey: typeof real }).groupKey = counting;
    try {
      const view = buildView(result, 'zh-CN');
      expect(Object.keys(view.histories)).toHaveLength(GROUPS);
      // Every group's page still has its own 35 warnings, and only its own.
      const h = view.histories['第500党小组'];
      expect(h.warnings).toHaveLength(PER_GROUP);
      expect(new Set(h.warnings.map((w) => w.group))).toEqual(new Set(['第500党小组']));
      expect(h.annual.map((a) => a.group)).toEqual(expect.arrayContaining(['第500党小组']));
      expect(calls).toBeLessThanOrEqual(limit);
    } finally {
      (cells as { groupKey: typeof real }).groupKey = real;
    }
  });
});
