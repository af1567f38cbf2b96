/**
 * One rule for the rubric's words in English (src/i18n/rubric.ts): an item that keeps the default rubric's
 * name for its code has its English name — whether the rubric is the built-in default or a 考评细则 sheet
 * that copies it — on the sheets, in the pane and in the JSON report alike; an item of the branch's own
 * stays as written in every output.
 */
import { toReport } from '../src/app/report';
import { assess } from '../src/domain/assess';
import { DEFAULT_RUBRIC } from '../src/domain/rubric';
import type { Rubric } from '../src/domain/types';
import { renderPatch } from '../src/workbook/render';
import { buildView } from '../src/ui/view';
import { row, rules } from './domain/rows';

function run(rubric: Rubric) {
  // A 基本合格 half whose focus items include item 12 (points are lost from item 12 backwards).
  const result = assess({ rubric, rules: rules(), rows: [row({ year: 2024, half: 1, group: '第一党小组', total: 72 })], issues: [], asOf: '2024-07-15' });
  const report = toReport(result, 'en-US');
  const view = buildView(result, 'en-US');
  const inputs = { sheets: [{ name: '评分表', values: [], merges: [], visibility: 'visible' as const }] };
  const patch = renderPatch(result, inputs, { lang: 'en-US', runAt: '2024-07-15T09:00:00+08:00', fingerprint: 'f' });
  const sheetText = JSON.stringify(patch.sheets.map((s) => s.values));
  return { message: report.warnings[0].message, focus: view.warnings[0].focusNames, sheetText };
}

const sheetRubric = (rename: Record<string, string>): Rubric => ({
  source: 'sheet',
  sheet: '考评细则',
  items: DEFAULT_RUBRIC.items.map((i) => ({ ...i, name: rename[i.code] ?? i.name })),
});

test.each([
  ['the built-in rubric', DEFAULT_RUBRIC],
  ['a 考评细则 sheet that keeps the default names', sheetRubric({})],
])('%s: English item names in the report, the pane and the sheets', (_, rubric) => {
  const r = run(rubric);
  expect(r.message).toContain('12.Production tasks and service days');
  expect(r.focus).toContain('12.Production tasks and service days');
  expect(r.sheetText).toContain('12.Production tasks and service days');
  expect(r.sheetText).not.toContain('生产任务与示范服务日');
});

test('an item the branch renamed keeps its own name everywhere', () => {
  const r = run(sheetRubric({ '12': '安全生产百日攻坚' }));
  expect(r.message).toContain('12.安全生产百日攻坚');
  expect(r.focus).toContain('12.安全生产百日攻坚');
  expect(r.sheetText).toContain('12.安全生产百日攻坚');
});
