/**
 * @jest-environment node
 *
 * `npm run lint` fails on an import that crosses the layers: dependency-cruiser, with the project's
 * .dependency-cruiser.cjs, on two fixture trees that mirror src/ (test/fixtures/lint/{clean,bad}/src/…).
 * clean/ makes every import the layers allow and passes; bad/ breaks each rule once, and exactly those
 * violations are reported — so removing or loosening a rule fails here.
 */
import * as path from 'path';
import { FIXTURES, ROOT, runNode, type ToolRun } from './run-tool';

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

const DEPCRUISE = 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs';
const cruise = (fixture: string): Promise<ToolRun> =>
  runNode(DEPCRUISE, ['--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', '--progress', 'none', 'src'], path.join(FIXTURES, fixture));

interface Summary {
  violations: Violation[];
  /** Errors: the exit code of `depcruise` with its default (err) reporter, as `npm run lint` runs it. */
  error: number;
}

const summary = (run: ToolRun): Summary => (JSON.parse(run.stdout) as { summary: Summary }).summary;

function violations(run: ToolRun): string[] {
  return summary(run)
    .violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^(\.\.\/)+node_modules\/([^/]+)\/.*$/, 'npm:$2')}`)
    .sort();
}

/** One line per rule of .dependency-cruiser.cjs: `rule: from → to` (orphans: from → itself). */
const EXPECTED = [
  'entry-not-into-other-entry: src/page/index.ts → src/taskpane/app.ts',
  'entry-not-into-other-entry: src/taskpane/index.ts → src/cli/args.ts',
  'layer-app: src/app/report.ts → src/hosts/file/archive.ts',
  'layer-compat: src/compat/polyfills.ts → src/domain/rules.ts',
  'layer-domain: src/domain/bad.ts → src/i18n/x.ts',
  'layer-hosts: src/hosts/memory/host.ts → src/hosts/file/archive.ts',
  'layer-hosts: src/hosts/memory/host.ts → src/taskpane/pane-host.ts',
  'layer-i18n: src/i18n/catalogue.ts → src/hosts/file/archive.ts',
  'layer-rollup: src/rollup/combine.ts → src/hosts/memory/host.ts',
  'layer-ui: src/ui/view.ts → src/hosts/memory/host.ts',
  'layer-workbook: src/workbook/render.ts → src/app/report.ts',
  'no-circular: src/app/a.ts → src/app/b.ts',
  'no-orphans: src/workbook/orphan.ts → src/workbook/orphan.ts',
  'not-to-dev-dep: src/cli/main.ts → npm:jszip',
  'not-to-test: src/cli/main.ts → test/helper.ts',
  'not-to-unresolvable: src/cli/main.ts → ./missing',
  'src-in-a-layer: src/misc/util.ts → src/domain/rules.ts',
].sort();

let clean: ToolRun;
let bad: ToolRun;
beforeAll(async () => {
  [clean, bad] = await Promise.all([cruise('clean'), cruise('bad')]);
}, 20_000);

it('passes a tree that makes every import the layers allow (type-only imports, zod in domain, rollup → hosts/file)', () => {
  expect(violations(clean)).toEqual([]);
  expect(summary(clean).error).toBe(0);
});

it('reports each crossing of the layers in the bad tree, by rule, as an error (so `npm run lint` exits non-zero)', () => {
  expect(violations(bad)).toEqual(EXPECTED);
  expect(summary(bad).error).toBe(EXPECTED.length);
});

it('has a case in the bad tree for every rule of .dependency-cruiser.cjs', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: { name: string }[] };
  const names = [...new Set(config.forbidden.map((r) => r.name))].sort();
  expect(names).toEqual([...new Set(EXPECTED.map((l) => l.split(':')[0]))].sort());
});
