/**
 * A rule's value converted by its kind in one place (src/workbook/rule-values.ts): what the 考评规则 sheet,
 * the settings form and 与上次相比 show for a value is read back as the same value by the reader and the
 * form; every rule and every choice has its words; the pane writes a rule where the reader reads it.
 */
import { DEFAULT_RULES, RESULT_RULE_KEYS, RULE_KEYS, ruleChoices } from '../src/domain/rules';
import type { RuleKey, Rules } from '../src/domain/rules';
import { planRulesWrite } from '../src/app/pane-service';
import { RULE_WORDS } from '../src/i18n/rules';
import { parseConfig } from '../src/workbook/parse';
import { ruleFromCell, ruleFromText, ruleToCell, ruleToText, ruleWords } from '../src/workbook/rule-values';
import type { CellValue, WorkbookSnapshot } from '../src/workbook/snapshot';

/** Rules unlike the defaults in every key. */
const EDITED: Rules = {
  excellentMin: 9250,
  qualifiedMin: 7850,
  basicMin: 5500,
  rectifyMonths: 2,
  rectifyDays: 60,
  awardMinBand: 'excellent',
  rankMode: 'dense',
  leaderReviewBand: 'unqualified',
  unitName: '第二党支部',
  basis: '党小组工作考评细则',
  language: 'en-US',
};

describe.each([DEFAULT_RULES, EDITED])('rules %#', (rules) => {
  test.each(RULE_KEYS.map((k) => k.key))('%s: cell → value and text → value give the value back', (key: RuleKey) => {
    const v = rules[key];
    for (const zh of [true, false]) expect(ruleFromCell(key, ruleToCell(key, v, zh) as CellValue)).toEqual(v);
    expect(ruleFromText(key, ruleToText(key, v))).toEqual(v);
  });
});

test('cells as a secretary writes them: points as numbers, choices as words in the sheet’s language', () => {
  expect(ruleToCell('excellentMin', 9250, true)).toBe(92.5);
  expect(ruleToCell('rankMode', 'dense', true)).toBe('并列不占位排名');
  expect(ruleToCell('rankMode', 'dense', false)).toBe('dense');
  expect(ruleFromCell('rectifyDays', '60天')).toBe(60);
  expect(ruleFromCell('rectifyMonths', '3个月')).toBe(3);
  expect(ruleFromCell('rectifyDays', null)).toBeNull();
  expect(ruleFromCell('excellentMin', '９２.５')).toBe(9250);
  expect(ruleFromCell('rankMode', '中国式排名')).toBe('dense');
  expect(ruleFromCell('basis', '《党小组工作考评细则》')).toBe('党小组工作考评细则');
  expect(ruleFromText('excellentMin', '92.555')).toBeNaN();
});

test('与上次相比 names values in words', () => {
  expect(ruleWords('excellentMin', 9250, 'zh-CN')).toBe('92.5');
  expect(ruleWords('leaderReviewBand', 'unqualified', 'zh-CN')).toBe('不合格');
  expect(ruleWords('leaderReviewBand', 'unqualified', 'en-US')).toBe('unqualified');
});

test('every rule has a label and a note, and every choice of a choice rule a word, in both languages', () => {
  for (const { key, kind } of RULE_KEYS) {
    const w = RULE_WORDS[key];
    for (const m of [w.label, w.note, ...(w.hint ? [w.hint] : [])]) {
      expect(m.zh).toMatch(/\S/);
      expect(m.en).toMatch(/\S/);
    }
    if (kind === 'choice') for (const c of ruleChoices(key)) expect(w.choices?.[c]).toBeDefined();
  }
});

test('the run digest records exactly the rules that change results, in the schema’s order', () => {
  expect(RESULT_RULE_KEYS).toEqual(['excellentMin', 'qualifiedMin', 'basicMin', 'rectifyMonths', 'rectifyDays', 'awardMinBand', 'rankMode', 'leaderReviewBand']);
});

function rulesWorkbook(rows: CellValue[][]): WorkbookSnapshot {
  return { sheets: [{ name: '考评规则', values: rows, merges: [], visibility: 'visible' }] };
}

test('the pane writes each rule where the reader reads it, and the reader reads back what was written', () => {
  // The keys start in column C: the reader takes the first non-blank cell of a row as the key.
  const snapshot = rulesWorkbook([
    [null, null, '规则', '值', '说明'],
    [null, null, '优秀分数线', 95, '合格分数线以上'],
    [null, null, 'rankMode', '并列占位排名', null],
  ]);
  const plan = planRulesWrite(snapshot, { excellentMin: 9250, rankMode: 'dense', rectifyDays: 45 }, 'zh-CN');
  if (plan.kind !== 'edit') throw new Error('expected an edit of the existing sheet');
  const sheet = snapshot.sheets[0];
  const values = sheet.values.map((r) => [...r]);
  for (const c of plan.cells) (values[c.row] ??= [])[c.col] = c.value;
  // the English key keeps English words; the missing key is appended in the sheet's (Chinese) key language
  expect(values[1][3]).toBe(92.5);
  expect(values[2][3]).toBe('dense');
  expect(values[3].slice(0, 2)).toEqual(['整改期限天数', 45]);
  const { rules } = parseConfig({ sheets: [{ ...sheet, values }] });
  expect(rules).toMatchObject({ excellentMin: 9250, rankMode: 'dense', rectifyDays: 45 });
});
