import { DEFAULT_RUBRIC } from '../src/domain/rubric';
import { DEFAULT_RULES } from '../src/domain/rules';
import type { Lang } from '../src/domain/types';
import { parseRange } from '../src/workbook/a1';
import { parseWorkbook } from '../src/workbook/parse';
import type { CellValue, SheetPatch, WorkbookPatch, WorkbookSnapshot } from '../src/workbook/snapshot';
import { TEMPLATE_SCORE_ROWS, templatePatch } from '../src/workbook/template';
import { META_SHEET } from '../src/workbook/meta';

const zh = templatePatch('zh-CN');
const en = templatePatch('en-US');

function byName(p: WorkbookPatch, name: string): SheetPatch {
  const s = p.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function toSnapshot(p: WorkbookPatch): WorkbookSnapshot {
  return {
    sheets: p.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]) as CellValue[][], merges: s.merges, visibility: s.visibility })),
  };
}

describe('template sheets', () => {
  test('names per language, score sheet activated, nothing deleted, no meta (the template is input)', () => {
    expect(zh.sheets.map((s) => s.name)).toEqual(['考评细则', '考评规则', '评分表']);
    expect(en.sheets.map((s) => s.name)).toEqual(['Rubric', 'Rules', 'Scores']);
    expect(zh.activate).toBe('评分表');
    expect(en.activate).toBe('Scores');
    expect(zh.deleteSheets).toEqual([]);
    expect(zh.sheets.map((s) => s.name)).not.toContain(META_SHEET);
  });

  test('考评细则 holds the default rubric: 编号, 方面, 考评内容, 分值, 评分标准', () => {
    const s = byName(zh, '考评细则');
    expect(s.values[0]).toEqual(['编号', '方面', '考评内容', '分值', '评分标准']);
    expect(s.values).toHaveLength(13);
    expect(s.values[1]).toEqual([1, '思想建设', '政治理论学习', 10, '按计划组织学习，学习记录完整']);
    expect(s.values[11]).toEqual([11, '完成中心任务', '安全生产（零违章、无责任性事故）', 10, '零违章、无责任性事故']);
    expect(s.values.slice(1).reduce((sum, r) => sum + (r[3] as number), 0)).toBe(100);
    const enRubric = byName(en, 'Rubric');
    expect(enRubric.values[0]).toEqual(['Code', 'Aspect', 'Item', 'Max', 'Guide']);
    expect(enRubric.values[1].slice(0, 4)).toEqual([1, 'Ideological building', 'Political theory study', 10]);
  });

  test('考评规则 holds the default rules with Chinese keys (English keys in English)', () => {
    const s = byName(zh, '考评规则');
    expect(s.values.map((r) => r.slice(0, 2))).toEqual([
      ['项目', '设定值'],
      ['优秀分数线', 95],
      ['合格分数线', 80],
      ['基本合格分数线', 60],
      ['整改期限（月）', 3],
      ['整改期限天数', null],
      ['评先最低等次', '合格'],
      ['排名方式', '并列占位排名'],
      ['党小组长预警', '基本合格'],
      ['单位名称', null],
      ['考评依据', null],
      ['输出语言', '自动'],
    ]);
    expect(s.values.every((r) => typeof r[2] === 'string' && r[2].length > 0)).toBe(true);
    expect(byName(en, 'Rules').values.map((r) => r.slice(0, 2))).toEqual([
      ['Setting', 'Value'],
      ['excellentMin', 95],
      ['qualifiedMin', 80],
      ['basicMin', 60],
      ['rectifyMonths', 3],
      ['rectifyDays', null],
      ['awardMinBand', 'qualified'],
      ['rankMode', 'competition'],
      ['leaderReviewBand', 'basic'],
      ['unitName', null],
      ['basis', null],
      ['language', 'auto'],
    ]);
  });

  test('评分表 has the headers, a note above them, and a frozen, printable header', () => {
    const s = byName(zh, '评分表');
    const h = s.freeze.rows - 1;
    expect(s.values[h]).toEqual([
      '序号', '年度', '半年度', '党小组', '党小组长', '联系支委',
      '1.政治理论学习（10分）', '2.群众思想政治工作（10分）', '3.组织生活（10分）', '4.党员教育管理与党费收缴（8分）',
      '5.联系群众（7分）', '6.批评与自我批评（8分）', '7.组织纪律（6分）', '8.先锋模范与示范岗（6分）',
      '9.制度执行与《党小组工作手册》（8分）', '10.台账记录（7分）', '11.安全生产（零违章、无责任性事故）（10分）',
      '12.生产任务与示范服务日（10分）', '合计', '一票否决', '评先资格', '备注',
    ]);
    const above = s.values.slice(0, h).flat().filter((v): v is string => typeof v === 'string');
    expect(above.some((x) => x.startsWith('填写说明'))).toBe(true);
    // The notes carry no year: the reader would take it for the table's period.
    expect(above.some((x) => /\d{4}/.test(x))).toBe(false);
    expect(s.printTitleRows).toBe(`${h + 1}:${h + 1}`);
    expect(s.columnWidths).toHaveLength(s.values[h].length);
    expect(new Set(s.values.map((r) => r.length)).size).toBe(1);
    expect(s.styles.some((st) => st.range === `A${h + 1}:V${h + 1}` && st.bold && st.fill)).toBe(true);
    expect(byName(en, 'Scores').values[h].slice(0, 7)).toEqual(['No.', 'Year', 'Half', 'Party group', 'Party group leader', 'Liaison committee member', '1.Political theory study (10)']);
  });

  test('per-item data validation from 0 to the item max, decimals allowed; years 2000–2100', () => {
    const s = byName(zh, '评分表');
    const h = s.freeze.rows - 1;
    const v = s.validations ?? [];
    const itemRules = v.filter((x) => x.decimals);
    expect(itemRules).toHaveLength(12);
    itemRules.forEach((rule, k) => {
      const g = parseRange(rule.range);
      expect(g.left).toBe(g.right);
      expect(g.left).toBe(6 + k);
      expect(g.top).toBe(h + 1);
      expect(g.bottom - g.top + 1).toBe(TEMPLATE_SCORE_ROWS);
      expect(rule.min).toBe(0);
      expect(rule.max).toBe(DEFAULT_RUBRIC.items[k].max / 100);
      expect(rule.message).toContain(String(rule.max));
      expect(rule.title).toBe('得分无效');
    });
    const year = v.find((x) => !x.decimals);
    expect(year && parseRange(year.range).left).toBe(1);
    expect(year).toMatchObject({ min: 2000, max: 2100, title: '年度无效' });
    expect(byName(en, 'Scores').validations!.find((x) => !x.decimals)!.title).toBe('Invalid year');
  });

  test('the template is deterministic', () => {
    expect(templatePatch('zh-CN')).toEqual(zh);
  });
});

describe('the reader reads the template back', () => {
  test.each(['zh-CN', 'en-US'] as Lang[])('%s: default rules, the rubric as written, and a recognised score table', (lang) => {
    const snap = toSnapshot(templatePatch(lang));
    const scores = snap.sheets[2];
    const h = scores.values.findIndex((r) => r[3] === (lang === 'zh-CN' ? '党小组' : 'Party group'));
    const row: CellValue[] = new Array(scores.values[h].length).fill(null);
    row[0] = 1;
    row[1] = 2024;
    row[2] = lang === 'zh-CN' ? '上半年' : 'H1';
    row[3] = '变电运维党小组';
    DEFAULT_RUBRIC.items.forEach((it, k) => (row[6 + k] = it.max / 100));
    scores.values.push(row);
    const parsed = parseWorkbook(snap);
    expect(parsed.rules).toEqual(DEFAULT_RULES);
    expect(parsed.rubric.items.map((i) => [i.code, i.max])).toEqual(DEFAULT_RUBRIC.items.map((i) => [i.code, i.max]));
    if (lang === 'zh-CN') expect(parsed.rubric.items.map((i) => i.name)).toEqual(DEFAULT_RUBRIC.items.map((i) => i.name));
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({ group: '变电运维党小组', period: { year: 2024, half: 1 } });
    expect(parsed.rows[0].scores).toEqual(DEFAULT_RUBRIC.items.map((i) => i.max));
  });
});
