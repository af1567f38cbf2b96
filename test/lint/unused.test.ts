/**
 * @jest-environment node
 *
 * `npm run lint` fails on an unused export: knip, with the project's knip.config.js, on the fixture projects
 * test/fixtures/lint/{clean,bad}. Like `npm run lint`, the bad project is checked with --production, where an
 * export of src/ that only a test imports counts as unused too.
 */
import * as path from 'path';
import { FIXTURES, ROOT, runNode, type ToolRun } from './run-tool';

interface KnipIssues {
  issues: { file: string; exports: { name: string }[]; files: { name: string }[] }[];
}

const KNIP = 'node_modules/knip/bin/knip.js';
const knip = (fixture: string, ...args: string[]): Promise<ToolRun> =>
  runNode(KNIP, ['--config', path.join(ROOT, 'knip.config.js'), '--no-progress', '--no-config-hints', '--reporter', 'json', ...args], path.join(FIXTURES, fixture));

const issues = (run: ToolRun): KnipIssues['issues'] => (JSON.parse(run.stdout) as KnipIssues).issues;

let clean: ToolRun;
let cleanProduction: ToolRun;
let bad: ToolRun;
beforeAll(async () => {
  [clean, cleanProduction, bad] = await Promise.all([knip('clean'), knip('clean', '--production'), knip('bad', '--production')]);
}, 20_000);

it('passes a project whose every file and export the product uses (webpack entries, bin, main)', () => {
  expect(issues(clean)).toEqual([]);
  expect(clean.code).toBe(0);
  expect(issues(cleanProduction)).toEqual([]);
  expect(cleanProduction.code).toBe(0);
});

it('reports the unused exports by name — one nothing imports, one only a test imports — and exits non-zero', () => {
  const exports = issues(bad).flatMap((i) => i.exports.map((e) => `${i.file}: ${e.name}`));
  expect(exports.sort()).toEqual(['src/domain/rules.ts: onlyForTests', 'src/domain/rules.ts: unusedRule']);
  expect(issues(bad).flatMap((i) => i.files.map((f) => f.name))).toEqual(['src/workbook/orphan.ts']);
  expect(bad.code).not.toBe(0);
});
