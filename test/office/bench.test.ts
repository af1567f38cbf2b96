/** The office-syncs benchmark line (npm run bench prints it for 100, 10,000 and 100,000 rows). */
import { benchSnapshot } from '../../src/bench/bench';
import { runOfficeSyncs } from '../support/office-syncs';

it('prints office-syncs rows=<n> syncs=<s> bytes=<payload bytes>', async () => {
  const lines = await runOfficeSyncs(benchSnapshot, { sizes: [100, 1000], print: false });
  expect(lines).toHaveLength(2);
  for (const [i, n] of [100, 1000].entries()) {
    const m = /^office-syncs rows=(\d+) syncs=(\d+) bytes=(\d+)$/.exec(lines[i]);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(n);
    expect(Number(m![2])).toBeLessThanOrEqual(3);
    expect(Number(m![3])).toBeGreaterThan(n * 100);
  }
});
