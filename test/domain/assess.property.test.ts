import fc from 'fast-check';
import { assess } from '../../src/domain/assess';
import { DEFAULT_RUBRIC } from '../../src/domain/rubric';
import { bandOf } from '../../src/domain/bands';
import { row, rules } from './rows';

/** Item scores in hundredths within each item's max. */
const scoresArb = fc.tuple(...DEFAULT_RUBRIC.items.map((item) => fc.integer({ min: 0, max: item.max })));
const specArb = fc.record({
  year: fc.integer({ min: 2020, max: 2023 }),
  half: fc.constantFrom(1 as const, 2 as const),
  group: fc.constantFrom('甲', '乙', '丙', '丁'),
  scores: scoresArb,
  veto: fc.option(fc.constant('否决'), { freq: 8 }),
});

describe('engine properties', () => {
  test('totals are the exact integer sum of the items and bands follow the thresholds', () => {
    fc.assert(
      fc.property(fc.array(specArb, { maxLength: 30 }), (specs) => {
        const res = assess({ rubric: DEFAULT_RUBRIC, rules: rules(), rows: specs.map((s) => row(s)), issues: [], asOf: '2025-01-15' });
        expect(res.assessments).toHaveLength(specs.length);
        res.assessments.forEach((a, i) => {
          const sum = specs[i].scores.reduce((x, y) => x + y, 0);
          expect(a.total).toBe(sum);
          expect(Number.isInteger(a.total)).toBe(true);
          if (a.status === 'graded') expect(a.band).toBe(specs[i].veto ? 'unqualified' : bandOf(sum, rules()));
        });
      }),
    );
  });

  test('ranks never exceed the number of ranked entries; titles only for eligible entries', () => {
    fc.assert(
      fc.property(fc.array(specArb, { maxLength: 40 }), fc.constantFrom('competition' as const, 'dense' as const), (specs, rankMode) => {
        const res = assess({ rubric: DEFAULT_RUBRIC, rules: rules({ rankMode }), rows: specs.map((s) => row(s)), issues: [], asOf: '2025-01-15' });
        for (const y of new Set(res.annual.map((a) => a.year))) {
          const ranked = res.annual.filter((a) => a.year === y && a.rank !== null);
          for (const a of ranked) expect(a.rank).toBeLessThanOrEqual(ranked.length);
          const top = ranked.filter((a) => a.rank === 1);
          if (ranked.length) expect(top.length).toBeGreaterThan(0);
        }
        for (const a of res.annual) if (a.titles.includes('advanced')) expect(a.eligible).toBe(true);
      }),
    );
  });
});
