/** The office-syncs benchmark line (npm run bench prints it for 100, 10,000 and 100,000 rows). */
import { benchSnapshot } from '../../src/bench/bench';
import { runOfficeSyncs } from '../support/office-syncs';

it('prints office-syncs rows=<n> syncs=<s> bytes=<total> max_request_bytes=<m> max_actions=<a>, within the target', async () => {
  const sizes = [100, 3000];
  const lines = await runOfficeSyncs(benchSnapshot, { sizes, print: false });
  expect(lines).toHaveLength(2);
  for (const [i, n] of sizes.entries()) {
    const m = /^office-syncs rows=(\d+) syncs=(\d+) bytes=(\d+) max_request_bytes=(\d+) max_actions=(\d+)$/.exec(lines[i]);
    expect(m).not.toBeNull();
    const [rows, syncs, bytes, maxRequest, maxActions] = m!.slice(1).map(Number);
    expect(rows).toBe(n);
    expect(syncs).toBeLessThanOrEqual(Math.floor(n / 2000 + 3));
    expect(bytes).toBeGreaterThan(n * 100);
    expect(maxRequest).toBeLessThanOrEqual(3 * 1024 * 1024);
    expect(maxRequest).toBeGreaterThan(0);
    expect(maxActions).toBeGreaterThan(0);
  }
});

it('the fake Excel and office.js’s serializer stay out of src and of dist/node (the bench loads them from test/support at run time)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('path') as typeof import('path');
  const root = path.join(__dirname, '..', '..');
  const host: import('typescript').ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
  const cfg = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.cli.json'), {}, host)!;
  const program = ts.createProgram(cfg.fileNames, cfg.options);
  const ours = program
    .getSourceFiles()
    .map((f) => path.relative(root, f.fileName))
    .filter((f) => !f.startsWith('node_modules') && !f.includes(`${path.sep}node_modules${path.sep}`));
  expect(ours.length).toBeGreaterThan(20);
  expect(ours.filter((f) => !f.startsWith(`src${path.sep}`) && !f.startsWith('src/'))).toEqual([]);
  expect(ours.filter((f) => /fake|office-wire|office-syncs/.test(f))).toEqual([]);
});
