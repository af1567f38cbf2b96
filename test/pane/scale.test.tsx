/** @jest-environment jsdom */
/**
 * A large workbook (1,000 Party groups × 35 warnings): the view is built in one pass over the groups and
 * the warnings (counted, not timed), and 概览, 预警 and 年度排名 show a page of each long list until "显示全部N条";
 * where the browser has IntersectionObserver, the rest is rendered as the list's end scrolls into view.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as cells from '../../src/workbook/cells';
import { SummaryPanel } from '../../src/ui/SummaryPanel';
import { WarningsPanel } from '../../src/ui/WarningsPanel';
import RankingPanel from '../../src/ui/RankingPanel';
import { act } from '@testing-library/react';
import { buildView } from '../../src/ui/view/index';
import { renderIn, scaledResult } from './helpers';

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

describe('long lists at 1,000 groups', () => {
  const zh = buildView(scaledResult(GROUPS, PER_GROUP), 'zh-CN');
  const noop = () => undefined;

  test('概览 shows 50 group rows and 50 open rectifications until 显示全部N条; the button shows every group', async () => {
    const user = userEvent.setup();
    renderIn(
      'zh-CN',
      <SummaryPanel view={zh} noTable={false} history={null} canSelect onSelect={noop} onOpenHistory={noop} onCloseHistory={noop} />,
    );
    const latest = screen.getByTestId('latest');
    expect(latest.querySelectorAll('[data-group]')).toHaveLength(50);
    expect(screen.getAllByTestId('open-rectification')).toHaveLength(50);
    const open = zh.openRectifications.length;
    expect(open).toBeGreaterThan(50);
    expect(within(screen.getByTestId('open-rectifications')).getByRole('button', { name: `显示全部${open}条` })).toBeTruthy();

    await user.click(within(latest).getByRole('button', { name: `显示全部${GROUPS}条` }));
    const rows = latest.querySelectorAll<HTMLElement>('[data-group]');
    expect(rows).toHaveLength(GROUPS);
    expect(within(latest).queryByRole('button', { name: /显示全部/ })).toBeNull();
    // The first row that was hidden has the focus, so the keyboard carries on where the list was cut.
    expect(document.activeElement).toBe(rows[50]);
    expect(screen.getAllByTestId('open-rectification')).toHaveLength(50);
  });

  test('预警 shows 50 open warnings and a "Show all N" in English', () => {
    const en = buildView(scaledResult(GROUPS, PER_GROUP), 'en-US');
    renderIn('en-US', <WarningsPanel view={en} canSelect onSelect={noop} />);
    const list = screen.getByTestId('open-warnings');
    expect(list.querySelectorAll(':scope > li')).toHaveLength(50);
    expect(en.openWarnings).toBeGreaterThan(50);
    expect(screen.getByRole('button', { name: `Show all ${en.openWarnings}` })).toBeTruthy();
  });
});

describe('年度排名 and rendering as the list scrolls', () => {
  const zh = buildView(scaledResult(GROUPS, 1), 'zh-CN');
  const year = zh.years[0];
  const ranked = zh.ranking.find((r) => r.year === year)!.lines.length;

  test('年度排名 shows 50 Party groups of the year until 显示全部N条, then every one (no IntersectionObserver)', async () => {
    expect(ranked).toBeGreaterThan(50);
    const user = userEvent.setup();
    renderIn('zh-CN', <RankingPanel view={zh} />);
    const list = screen.getByTestId('ranking');
    expect(list.tagName).toBe('OL');
    expect(list.querySelectorAll(':scope > li')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: `显示全部${ranked}条` }));
    expect(list.querySelectorAll(':scope > li')).toHaveLength(ranked);
    expect(document.activeElement).toBe(list.children[50]);
  });

  test('with IntersectionObserver, 显示全部N条 renders 100 more, and 100 more each time the end of the list comes into view', async () => {
    // A stand-in as strict as the browser's for what the list uses (MDN, IntersectionObserver(): the callback
    // is called with entries when the target's intersection changes, and once for its initial state after
    // observe(); disconnect() stops all callbacks — https://developer.mozilla.org/docs/Web/API/IntersectionObserver).
    const observers: { cb: IntersectionObserverCallback; targets: Element[]; live: boolean }[] = [];
    class FakeIO {
      private readonly me: { cb: IntersectionObserverCallback; targets: Element[]; live: boolean };
      constructor(cb: IntersectionObserverCallback) {
        this.me = { cb, targets: [], live: true };
        observers.push(this.me);
      }
      observe(t: Element) {
        this.me.targets.push(t);
      }
      disconnect() {
        this.me.live = false;
      }
    }
    const w = window as unknown as { IntersectionObserver?: unknown };
    w.IntersectionObserver = FakeIO;
    /** The end of the list scrolls into view: every live observer is told its target intersects. */
    const scrollToEnd = () =>
      act(() => {
        for (const o of observers.filter((x) => x.live)) {
          o.cb(o.targets.map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry), o as unknown as IntersectionObserver);
        }
      });
    try {
      const user = userEvent.setup();
      renderIn('zh-CN', <RankingPanel view={zh} />);
      const list = screen.getByTestId('ranking');
      await user.click(screen.getByRole('button', { name: `显示全部${ranked}条` }));
      expect(list.querySelectorAll(':scope > li')).toHaveLength(150);
      expect(document.activeElement).toBe(list.children[50]);
      expect(screen.queryByRole('button', { name: /显示全部/ })).toBeNull();
      scrollToEnd();
      expect(list.querySelectorAll(':scope > li')).toHaveLength(Math.min(250, ranked));
      for (let i = 0; i < 20 && screen.queryByTestId('list-end'); i++) scrollToEnd();
      expect(list.querySelectorAll(':scope > li')).toHaveLength(ranked);
      // Every item rendered: nothing is watched any more.
      expect(screen.queryByTestId('list-end')).toBeNull();
      expect(observers.filter((o) => o.live)).toHaveLength(0);
    } finally {
      delete w.IntersectionObserver;
    }
  });
});
