import { cellText } from '../src/i18n/words';
import ExcelJS from 'exceljs';
import { AssessError } from '../src/domain/errors';
import { DEFAULT_RUBRIC } from '../src/domain/rubric';
import { DEFAULT_RULES } from '../src/domain/rules';
import type { DataIssue, IssueCode } from '../src/domain/types';
import { issueMessage, ISSUE_MSG } from '../src/i18n/issues';
import { cellAddress } from '../src/domain/cell-ref';
import { fingerprint } from '../src/workbook/fingerprint';
import { META_SHEET, metaSheetPatch } from '../src/workbook/meta';
import { parseWorkbook } from '../src/workbook/parse';
import type { WorkbookSnapshot } from '../src/workbook/snapshot';
import { describeError } from '../src/i18n/errors';
import {
  CN_ITEM_HEADERS,
  EN_ITEM_HEADERS,
  S73,
  S87,
  S97,
  defaultRubricRows,
  formSheet,
  h,
  longPeriod,
  longYearHalf,
  minimalWorkbook,
  parse,
  put,
  roundTrip,
  rubricSheet,
  rulesSheet,
  snap,
  table,
} from './support/workbooks';

const addr = (i: DataIssue) => cellAddress(i.cell);
const zh = (i: DataIssue) => issueMessage('zh-CN', i);
const en = (i: DataIssue) => issueMessage('en-US', i);

function configError(fn: () => unknown): AssessError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AssessError) return e;
    throw e;
  }
  throw new Error('expected an AssessError');
}

describe('layouts', () => {
  test('one long table with 年度 + 半年度 columns', () => {
    const p = parse(
      longYearHalf([
        { year: 2024, half: '上半年', group: '一组', leader: '张三', scores: S97 },
        { year: '2024年', half: '下', group: '一组', scores: S87 },
        { year: 2025, half: 'H1', group: '二组', scores: S73 },
        { year: 2025, half: 2, group: '二组', scores: S97 },
      ]),
    );
    expect(p.rows.map((r) => [r.period, r.group])).toEqual([
      [{ year: 2024, half: 1 }, '一组'],
      [{ year: 2024, half: 2 }, '一组'],
      [{ year: 2025, half: 1 }, '二组'],
      [{ year: 2025, half: 2 }, '二组'],
    ]);
    expect(p.rows[0].scores).toEqual(h(S97));
    expect(p.rows[0].leader).toBe('张三');
    expect(p.rows[0].source).toEqual({ sheet: '考评得分', row: 1, col: 2 });
    expect(p.issues).toEqual([]);
    expect(p.rows.every((r) => !r.bad && !r.pending)).toBe(true);
    expect(p.tables[0].columns).toMatchObject({ year: 0, half: 1, group: 2, leader: 3, total: 16, veto: 17, eligible: 18, notes: 19 });
  });

  test('one long table with a 考评期 column and item codes as headers', () => {
    const p = parse(
      longPeriod([
        { period: '2024年上半年', group: '一组', scores: S97 },
        { period: '2024 H2', group: '一组', scores: S87 },
        { period: '2025-H1', group: '一组', scores: S73 },
      ]),
    );
    expect(p.rows.map((r) => r.period)).toEqual([
      { year: 2024, half: 1 },
      { year: 2024, half: 2 },
      { year: 2025, half: 1 },
    ]);
    expect(p.rows[2].scores).toEqual(h(S73));
    expect(p.issues).toEqual([]);
  });

  test('one sheet per period, named by the period; two-row merged header, 序号, =SUM totals, signature line', async () => {
    const wb = new ExcelJS.Workbook();
    formSheet(wb, '2024年上半年', [
      { group: '一组', leader: '孙伟', liaison: '钱立', scores: S97 },
      { group: '二组', leader: '何平', liaison: '许静', scores: S87 },
    ]);
    formSheet(wb, '2024下', [{ group: '一组', scores: S73 }], { note: '注：本表由支部委员会填写' });
    const p = parse(await roundTrip(wb));
    expect(p.tables.map((t) => [t.sheet, t.headerTop, t.headerBottom, t.firstDataRow, t.lastDataRow, t.period])).toEqual([
      ['2024年上半年', 2, 3, 4, 5, { year: 2024, half: 1 }],
      ['2024下', 2, 3, 4, 4, { year: 2024, half: 2 }],
    ]);
    expect(p.rows.map((r) => [r.group, r.leader, r.liaison, r.period, r.handTotal])).toEqual([
      ['一组', '孙伟', '钱立', { year: 2024, half: 1 }, 9700],
      ['二组', '何平', '许静', { year: 2024, half: 1 }, 8700],
      ['一组', '组长', '支委', { year: 2024, half: 2 }, 7300],
    ]);
    expect(p.rows[0].handTotalCell).toEqual({ sheet: '2024年上半年', row: 4, col: 15 });
    expect(p.rows.some((r) => r.group.includes('填表人'))).toBe(false);
    expect(p.issues).toEqual([]);
  });

  test('the period comes from a title row when the sheet name has none', () => {
    const wb = new ExcelJS.Workbook();
    formSheet(wb, '考评表', [{ group: '一组', scores: S97 }], { title: '党小组工作考评表（2023年下半年）' });
    expect(parse(wb).rows[0].period).toEqual({ year: 2023, half: 2 });
  });

  test('English headers incl. Item 1, columns in shuffled order', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Scores');
    const order = [11, 3, 0, 7, 5, 1, 9, 2, 10, 4, 8, 6];
    table(
      ws,
      1,
      ['Notes', ...order.slice(0, 6).map((i) => EN_ITEM_HEADERS[i]), 'Group', 'Period', 'Leader', ...order.slice(6).map((i) => EN_ITEM_HEADERS[i]), 'Liaison', 'No.'],
      [['ok', ...order.slice(0, 6).map((i) => S87[i]), 'Group A', '2024 H1', 'Ann', ...order.slice(6).map((i) => S87[i]), 'Bob', 1]],
    );
    const p = parse(wb);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({ group: 'Group A', leader: 'Ann', liaison: 'Bob', notes: 'ok', period: { year: 2024, half: 1 } });
    expect(p.rows[0].scores).toEqual(h(S87));
  });

  test('item headers by code forms: 第1项, 1.政治理论学习, and by name with (10分)', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2024年上半年');
    const heads = DEFAULT_RUBRIC.items.map((it, i) =>
      i % 3 === 0 ? `第${it.code}项` : i % 3 === 1 ? `${it.code}.${it.name}` : `${it.name}(${it.max / 100}分)`,
    );
    table(ws, 1, ['组长', '党小组', ...heads], [['王', '一组', ...S97]]);
    expect(parse(wb).rows[0].scores).toEqual(h(S97));
  });

  test('title rows above a single-row header; hidden rows are data; rich text and formulas read by their text and cached value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2022年上半年');
    ws.getCell('A1').value = '党小组考评表';
    ws.getCell('A2').value = '（单位：分）';
    table(ws, 4, ['党小组', ...CN_ITEM_HEADERS], [
      [{ richText: [{ text: '变电' }, { text: '运维', font: { bold: true } }, { text: '党小组' }] }, ...S97],
      ['检修党小组', { formula: '5+5', result: 10 }, ...S87.slice(1)],
    ]);
    ws.getRow(6).hidden = true;
    const p = parse(await roundTrip(wb));
    expect(p.rows.map((r) => r.group)).toEqual(['变电运维党小组', '检修党小组']);
    expect(p.rows[1].scores[0]).toBe(1000);
  });

  test('summary rows (合计/平均) are not groups; empty rows and 序号-only template lines are ignored', () => {
    const wb = longYearHalf([
      { year: 2024, half: 1, group: '一组', scores: S97 },
      { year: 2024, half: 1, group: '平均', scores: S87 },
    ]);
    const ws = wb.getWorksheet('考评得分')!;
    put(ws, 5, [[], [null, null, null, null], ['', '', '合计', null, ...S73]]);
    ws.getCell('A9').value = 2024; // a template line with only its year
    expect(parse(wb).rows.map((r) => r.group)).toEqual(['一组']);
  });

  test('a veto column: any text other than 否/N/No/0/× vetoes, with the text as the reason', () => {
    const p = parse(
      longYearHalf([
        { year: 2024, half: 1, group: '一组', scores: S97, veto: '发生责任性事故' },
        { year: 2024, half: 1, group: '二组', scores: S97, veto: '否' },
        { year: 2024, half: 1, group: '三组', scores: S97, veto: '×' },
        { year: 2024, half: 1, group: '四组', scores: S97, eligible: '否' },
      ]),
    );
    expect(p.rows.map((r) => [r.veto, r.eligible])).toEqual([
      ['发生责任性事故', true],
      [null, true],
      [null, true],
      [null, false],
    ]);
  });

  test('group names are kept as written; the key folds full-width ASCII and spaces', () => {
    const p = parse(longYearHalf([{ year: 2024, half: 1, group: '　Ｇｒｏｕｐ　　Ａ ', scores: S97 }]));
    expect(p.rows[0].group).toBe('Ｇｒｏｕｐ　　Ａ');
    expect(p.rows[0].groupKey).toBe('Group A');
  });

  test('a group cell that looks like a formula stays text', () => {
    const p = parse(longYearHalf([{ year: 2024, half: 1, group: '=HYPERLINK("x")', scores: S97 }]));
    expect(p.rows[0].group).toBe('=HYPERLINK("x")');
  });

  test('a row with a group and all scores blank is pending, without score issues', () => {
    const p = parse(longYearHalf([{ year: 2024, half: 1, group: '一组', scores: new Array(12).fill(null) }]));
    expect(p.rows[0]).toMatchObject({ pending: true, bad: false });
    expect(p.rows[0].scores).toEqual(new Array(12).fill(null));
    expect(p.issues).toEqual([]);
  });
});

describe('bad input: one data issue per bad cell, in both languages', () => {
  /** One long-table row with the given cells changed; returns its issues. */
  function issuesOf(change: { scores?: Record<number, ExcelJS.CellValue>; year?: ExcelJS.CellValue; half?: ExcelJS.CellValue; group?: ExcelJS.CellValue; total?: ExcelJS.CellValue; eligible?: ExcelJS.CellValue }) {
    const scores: ExcelJS.CellValue[] = [...S97];
    for (const [i, v] of Object.entries(change.scores ?? {})) scores[Number(i)] = v;
    const p = parse(
      longYearHalf([
        {
          year: 'year' in change ? change.year : 2024,
          half: 'half' in change ? change.half : '上半年',
          group: 'group' in change ? change.group : '一组',
          scores,
          total: change.total,
          eligible: change.eligible,
        },
      ]),
    );
    return { row: p.rows[0], issues: p.issues };
  }

  const cases: [string, Parameters<typeof issuesOf>[0], IssueCode, string, string, string, boolean][] = [
    ['text score', { scores: { 2: '优' } }, 'SCORE_NOT_NUMBER', '考评得分!G2', '第3项“组织生活”得分“优”不是数字，请填写0至10之间的数', 'Item 3 “Organizational life”: “优” is not a number; enter a number from 0 to 10', true],
    ['#N/A error cell', { scores: { 0: { error: '#N/A' } } }, 'SCORE_ERROR_VALUE', '考评得分!E2', '第1项“政治理论学习”得分是错误值#N/A，请检查公式或直接填写0至10之间的数', 'Item 1 “Political theory study” holds the error value #N/A; check the formula or enter a number from 0 to 10', true],
    ['formula with an error result', { scores: { 1: { formula: '1/0', result: { error: '#DIV/0!' } } } }, 'SCORE_ERROR_VALUE', '考评得分!F2', '第2项“群众思想政治工作”得分是错误值#DIV/0!，请检查公式或直接填写0至10之间的数', 'Item 2 “Ideological work with the masses” holds the error value #DIV/0!; check the formula or enter a number from 0 to 10', true],
    ['score above max', { scores: { 2: 12 } }, 'SCORE_OUT_OF_RANGE', '考评得分!G2', '第3项“组织生活”得分12超出分值10，请改为0至10之间的数', 'Item 3 “Organizational life”: score 12 is outside 0 to 10; enter a number from 0 to 10', true],
    ['negative score', { scores: { 3: -1 } }, 'SCORE_OUT_OF_RANGE', '考评得分!H2', '第4项“党员教育管理与党费收缴”得分-1超出分值8，请改为0至8之间的数', 'Item 4 “Member education and dues”: score -1 is outside 0 to 8; enter a number from 0 to 8', true],
    ['three decimals', { scores: { 4: 6.555 } }, 'SCORE_TOO_PRECISE', '考评得分!I2', '第5项“联系群众”得分6.555的小数超过两位，请最多保留两位小数', 'Item 5 “Ties with the masses”: score 6.555 has more than 2 decimals; use at most 2 decimals', true],
    ['one score blank', { scores: { 11: null } }, 'SCORE_MISSING', '考评得分!P2', '第12项“生产任务与示范服务日”未填写得分，请补填0至10之间的数（各考评项目全部空白的考评记录视为待评分）', 'Item 12 “Production tasks and service days” has no score; enter a number from 0 to 10 (a record with every item blank counts as pending)', true],
    ['boolean score', { scores: { 5: true } }, 'SCORE_NOT_NUMBER', '考评得分!J2', '第6项“批评与自我批评”得分“TRUE”不是数字，请填写0至8之间的数', 'Item 6 “Criticism and self-criticism”: “TRUE” is not a number; enter a number from 0 to 8', true],
    ['date in a score cell', { scores: { 6: new Date(Date.UTC(2024, 0, 1)) } }, 'SCORE_OUT_OF_RANGE', '考评得分!K2', '第7项“组织纪律”得分是日期2024年1月1日（Excel把输入的内容当成了日期），请把单元格格式设为“常规”后改填0至6之间的数', 'Item 7 “Discipline” holds the date January 1, 2024 (Excel took what was typed for a date); set the cell format to General and enter a number from 0 to 6', true],
    ['a large number that is no date', { scores: { 6: 9999 } }, 'SCORE_OUT_OF_RANGE', '考评得分!K2', '第7项“组织纪律”得分9999超出分值6，请改为0至6之间的数', 'Item 7 “Discipline”: score 9999 is outside 0 to 6; enter a number from 0 to 6', true],
    ['text score with two dots', { scores: { 7: '5.5.1' } }, 'SCORE_NOT_NUMBER', '考评得分!L2', '第8项“先锋模范与示范岗”得分“5.5.1”不是数字，请填写0至6之间的数', 'Item 8 “Exemplary role and model posts”: “5.5.1” is not a number; enter a number from 0 to 6', true],
    ['half not recognised', { half: '第三季度' }, 'PERIOD_UNKNOWN', '考评得分!B2', '无法确定本条考评记录的考评期，不予评定：请填写年度和上/下半年（如“2024年上半年”或“2024 H1”），或以考评期命名工作表', 'The period of this record is unknown, so it is not graded: enter the year and half (e.g. “2024年上半年” or “2024 H1”), or name the sheet after the period', true],
    ['year in Chinese numerals', { year: '二〇二四' }, 'PERIOD_UNKNOWN', '考评得分!A2', '无法确定本条考评记录的考评期，不予评定：请填写年度和上/下半年（如“2024年上半年”或“2024 H1”），或以考评期命名工作表', 'The period of this record is unknown, so it is not graded: enter the year and half (e.g. “2024年上半年” or “2024 H1”), or name the sheet after the period', true],
    ['year blank (no sheet period)', { year: null }, 'PERIOD_UNKNOWN', '考评得分!A2', '无法确定本条考评记录的考评期，不予评定：请填写年度和上/下半年（如“2024年上半年”或“2024 H1”），或以考评期命名工作表', 'The period of this record is unknown, so it is not graded: enter the year and half (e.g. “2024年上半年” or “2024 H1”), or name the sheet after the period', true],
    ['year out of range', { year: 1999 }, 'YEAR_OUT_OF_RANGE', '考评得分!A2', '年度1999不在2000至2100之间，请改正年度', 'Year 1999 is not between 2000 and 2100; correct the year', true],
    ['scores without a group', { group: null }, 'GROUP_MISSING', '考评得分!C2', '本条考评记录有得分但没有党小组名称，请填写党小组', 'This record has scores but no Party group name; enter the Party group', true],
    ['hand total not a number', { total: '九十七' }, 'TOTAL_NOT_NUMBER', '考评得分!Q2', '手填合计“九十七”不是数字，无法核对；考评按各项得分之和计算', 'The hand-entered total “九十七” is not a number and cannot be checked; grading uses the item sum', false],
    ['hand total #REF!', { total: { formula: 'SUM(#REF!)', result: { error: '#REF!' } } }, 'TOTAL_NOT_NUMBER', '考评得分!Q2', '手填合计“#REF!”不是数字，无法核对；考评按各项得分之和计算', 'The hand-entered total “#REF!” is not a number and cannot be checked; grading uses the item sum', false],
    ['eligibility not recognised', { eligible: '待定' }, 'ELIGIBLE_UNKNOWN', '考评得分!S2', '评先资格“待定”无法识别，按具备评先资格处理；不具备评先资格请填“否”', 'Award eligibility “待定” is not recognized and is treated as eligible; enter “No” to mark the Party group ineligible', false],
  ];

  test.each(cases)('%s', (_name, change, code, cell, zhText, enText, bad) => {
    const { row, issues } = issuesOf(change);
    expect(issues).toHaveLength(1);
    const [i] = issues;
    expect(i.code).toBe(code);
    expect(addr(i)).toBe(cell);
    expect(zh(i)).toBe(zhText);
    expect(en(i)).toBe(enText);
    expect(row.bad).toBe(bad);
  });

  test('at least 15 distinct kinds of bad input are covered', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  test('several bad cells in one row: one issue each, row not graded, good cells still read', () => {
    const { row, issues } = issuesOf({ scores: { 0: '优', 1: 11, 2: null } });
    expect(issues.map((i) => [i.code, addr(i), i.value])).toEqual([
      ['SCORE_NOT_NUMBER', '考评得分!E2', '优'],
      ['SCORE_OUT_OF_RANGE', '考评得分!F2', '11'],
      ['SCORE_MISSING', '考评得分!G2', ''],
    ]);
    expect(row.bad).toBe(true);
    expect(row.scores.slice(0, 4)).toEqual([null, null, null, 800]);
  });

  test('a hand total is read exactly; a non-numeric one keeps its cell', () => {
    expect(issuesOf({ total: 97 }).row).toMatchObject({ handTotal: 9700, handTotalCell: { row: 1, col: 16 } });
    expect(issuesOf({ total: '九十七' }).row).toMatchObject({ handTotal: null, handTotalCell: { row: 1, col: 16 } });
    expect(issuesOf({}).row).toMatchObject({ handTotal: null, handTotalCell: null });
  });

  test('a sheet without a period and a table without period columns: PERIOD_UNKNOWN at the group cell', () => {
    const wb = new ExcelJS.Workbook();
    table(wb.addWorksheet('Sheet1'), 1, ['党小组', ...CN_ITEM_HEADERS], [['一组', ...S97]]);
    const p = parse(wb);
    expect(p.rows[0]).toMatchObject({ period: null, bad: true });
    expect(p.issues.map((i) => [i.code, addr(i), i.value])).toEqual([['PERIOD_UNKNOWN', 'Sheet1!A2', '一组']]);
  });

  test('every issue code has a message in both languages, with no unfilled placeholder for the reader’s issues', () => {
    for (const [code, msg] of Object.entries(ISSUE_MSG)) {
      expect(msg.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(msg.en).toMatch(/[a-z]/);
      expect(code).toMatch(/^[A-Z_]+$/);
    }
    const engine: DataIssue[] = [
      { code: 'TOTAL_MISMATCH', cell: { sheet: 'S', row: 1, col: 1 }, value: '96', params: { total: 97, handTotal: 96 } },
      { code: 'DUPLICATE_ROW', cell: { sheet: 'S', row: 1, col: 1 }, value: '一组', params: { group: '一组', others: 'S!B5' } },
    ];
    expect(issueMessage('zh-CN', engine[0])).toBe('手填合计96与各项得分之和97不一致，考评按各项之和97计算，请核对');
    expect(issueMessage('en-US', engine[1])).toBe('Party group “一组” has more than one record for the same period (see also cell B5 of sheet “S”); none is graded until the duplicate is removed or corrected');
  });
});

describe('tables that cannot be read', () => {
  test('a header lacking items is a config error naming the header row and the missing items', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2024年上半年');
    ws.getCell('A1').value = '考评表';
    table(ws, 3, ['党小组', ...CN_ITEM_HEADERS.slice(0, 10)], [['一组', ...S97.slice(0, 10)]]);
    const e = configError(() => parse(wb));
    expect(e.kind).toBe('config');
    expect(e.where).toBe('2024年上半年!A3:K3');
    expect(describeError(e, 'zh-CN')).toBe(
      '2024年上半年表A3:K3单元格：“2024年上半年”表第3行的表头缺少考评项目：11.安全生产（零违章、无责任性事故）、12.生产任务与示范服务日。请按考评细则补齐这些列（列名可写编号如“1”“第1项”或考评项目名称）',
    );
    expect(describeError(e, 'en-US')).toContain('lacks the items: 11.Work safety (no violations, no liable accidents), 12.Production tasks and service days');
  });

  test('an item in two columns is a config error', () => {
    const wb = new ExcelJS.Workbook();
    table(wb.addWorksheet('2024 H1'), 1, ['党小组', ...CN_ITEM_HEADERS, '第3项'], [['一组', ...S97, 1]]);
    const e = configError(() => parse(wb));
    expect(describeError(e, 'zh-CN')).toContain('第3项“组织生活”出现了两次（D、N列）');
    expect(describeError(e, 'en-US')).toContain('Item 3 “Organizational life” appears twice');
  });

  test('no score table anywhere: config error telling the user to use the template', () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('名单'), 1, [['党小组', '组长'], ['一组', '张三']]);
    const e = configError(() => parse(wb));
    expect(e.kind).toBe('config');
    expect(describeError(e, 'zh-CN')).toContain('找不到评分表');
    expect(describeError(e, 'zh-CN')).toContain('插入评分模板');
    expect(describeError(e, 'en-US')).toContain('Insert score template');
  });
});

describe('rubric sheet (考评细则 / Rubric)', () => {
  function customRows() {
    const rows = defaultRubricRows();
    rows[0][3] = 15; // 政治理论学习 15
    rows[1][3] = 5; // 群众思想政治工作 5
    rows[2][2] = '组织生活会';
    return rows;
  }

  test('no rubric sheet: the default rubric; a valid custom one is used, with title rows and a total row', () => {
    expect(parse(minimalWorkbook()).rubric).toBe(DEFAULT_RUBRIC);
    const wb = new ExcelJS.Workbook();
    const ws = rubricSheet(wb, customRows(), { title: true });
    put(ws, 16, [[null, null, '合计', 100]]);
    const wsScores = wb.addWorksheet('2024年上半年');
    const heads = [...CN_ITEM_HEADERS];
    heads[2] = '组织生活会（10分）';
    table(wsScores, 1, ['党小组', ...heads], [['一组', 15, 5, ...S97.slice(2)]]);
    const p = parse(wb);
    expect(p.rubric.source).toBe('sheet');
    expect(p.rubric.sheet).toBe('考评细则');
    expect(p.rubric.items.map((i) => i.max)).toEqual([1500, 500, ...DEFAULT_RUBRIC.items.slice(2).map((i) => i.max)]);
    expect(p.rubric.items[2].name).toBe('组织生活会');
    expect(p.rubric.items[0].guide).toBe(DEFAULT_RUBRIC.items[0].guide);
    expect(p.rows[0].scores[0]).toBe(1500);
    expect(p.issues).toEqual([]);
  });

  test('English sheet and headers, aspects merged vertically', () => {
    const wb = minimalWorkbook();
    const rows = defaultRubricRows();
    rows[1][1] = null; // under the merged 思想建设
    const ws = rubricSheet(wb, rows, { english: true });
    ws.mergeCells('B2:B3');
    expect(parse(wb).rubric.items.map((i) => i.aspect)).toEqual(DEFAULT_RUBRIC.items.map((i) => i.aspect));
  });

  const invalid: [string, (rows: ExcelJS.CellValue[][]) => ExcelJS.CellValue[][], string, string, string][] = [
    ['11 items', (r) => r.slice(0, 11), '考评细则!A2:A12', '考评细则应有12个考评项目，“考评细则”表有11个，请补齐或删减为12个', 'The rubric must have 12 items; sheet “考评细则” has 11; add or remove items to make 12'],
    ['a duplicate code', (r) => (r[5][0] = 5, r), '考评细则!A7', '考评细则编号“5”重复，每项的编号必须不同', 'Rubric code “5” is used twice; every item needs its own code'],
    ['a zero max', (r) => (r[3][3] = 0, r), '考评细则!D5', '考评细则编号“4”的分值“0”无效：请填写大于0、最多两位小数的数', 'Rubric item “4”: max “0” is invalid; enter a number above 0 with at most 2 decimals'],
    ['a negative max', (r) => (r[3][3] = -8, r), '考评细则!D5', '考评细则编号“4”的分值“-8”无效：请填写大于0、最多两位小数的数', 'Rubric item “4”: max “-8” is invalid; enter a number above 0 with at most 2 decimals'],
    ['a text max', (r) => (r[6][3] = '六', r), '考评细则!D8', '考评细则编号“7”的分值“六”无效：请填写大于0、最多两位小数的数', 'Rubric item “7”: max “六” is invalid; enter a number above 0 with at most 2 decimals'],
    ['a max with 3 decimals', (r) => (r[6][3] = 6.125, r), '考评细则!D8', '考评细则编号“7”的分值“6.125”无效：请填写大于0、最多两位小数的数', 'Rubric item “7”: max “6.125” is invalid; enter a number above 0 with at most 2 decimals'],
    ['a total of 99', (r) => (r[0][3] = 9, r), '考评细则!D2:D13', '考评细则各项分值合计为99分，应恰好为100分，请调整分值', 'The rubric’s maxima add up to 99, not exactly 100; adjust the maxima'],
    ['a missing item name', (r) => (r[8][2] = null, r), '考评细则!C10', '考评细则编号“9”缺少考评内容，请填写该项的名称', 'Rubric item “9” has no name; enter the item’s name'],
    ['a missing code', (r) => (r[9][0] = null, r), '考评细则!A11', '考评细则第11行缺少编号，请填写编号（如1至12）', 'Rubric row 11 has no code; enter a code (such as 1 to 12)'],
  ];

  test.each(invalid)('invalid: %s — names the cell, in both languages', (_n, change, where, zhText, enText) => {
    const wb = minimalWorkbook();
    rubricSheet(wb, change(defaultRubricRows()));
    const e = configError(() => parse(wb));
    expect(e.kind).toBe('config');
    expect(e.where).toBe(where);
    // the place as people read a cell (用语表): 考评细则表A7单元格 / cell A7 of sheet “考评细则”
    expect(describeError(e, 'zh-CN')).toBe(`${cellText('zh-CN', where)}：${zhText}`);
    expect(describeError(e, 'en-US')).toBe(`${cellText('en-US', where)}: ${enText}`);
  });

  test('a rubric sheet without its header is a config error', () => {
    const wb = minimalWorkbook();
    put(wb.addWorksheet('考评细则'), 1, [['随便写的']]);
    const e = configError(() => parse(wb));
    expect(e.where).toBe('考评细则!A1');
    expect(describeError(e, 'zh-CN')).toContain('需要“编号”“方面”“考评内容”“分值”四列');
    expect(describeError(e, 'en-US')).toContain('it needs the columns Code, Aspect, Item and Max');
  });
});

describe('the unit named in the title row (for the printed tables)', () => {
  test.each([
    ['城区供电中心线路工区党支部党小组工作考评表（2023年上半年）', '城区供电中心线路工区党支部'],
    ['变电工区党小组工作考评表（2024年上半年）', '变电工区'],
    ['《城南供电所党支部》2024年上半年党小组考评表', '城南供电所党支部'],
    ['2024年上半年党小组工作考评表', ''], // no unit, only a period
    ['党小组工作评分表', ''], // the template's own title
    ['城东支部工作计划', ''], // not a score sheet's title
  ])('%s → “%s”', (title, unit) => {
    const wb = new ExcelJS.Workbook();
    formSheet(wb, '2024年上半年', [{ group: '一组', scores: S97 }], { title });
    expect(parse(wb).unit).toBe(unit);
  });

  test('the latest period’s title wins; the 单位名称 rule wins over every title', () => {
    const wb = new ExcelJS.Workbook();
    formSheet(wb, '2024年下半年', [{ group: '一组', scores: S97 }], { title: '新单位党支部党小组工作考评表' });
    formSheet(wb, '2024年上半年', [{ group: '一组', scores: S97 }], { title: '旧单位党支部党小组工作考评表' });
    expect(parse(wb).unit).toBe('新单位党支部');
    rulesSheet(wb, [['单位名称', '城区供电中心线路工区党支部']]);
    expect(parse(wb).unit).toBe('城区供电中心线路工区党支部');
  });
});

describe('a title row directly above the header (issue 17)', () => {
  const ONE_ROW = ['序号', '党小组', '党小组长', ...CN_ITEM_HEADERS, '合计', '联系支委', '备注'];

  test('a merged title directly above a one-row header is the title: its unit is read, and every row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2025年上半年');
    ws.getCell(1, 1).value = '第二党支部党小组工作考评表';
    ws.mergeCells(1, 1, 1, ONE_ROW.length);
    table(ws, 2, ONE_ROW, [
      [1, '一组', '孙伟', ...S97, 97, '钱立'],
      [2, '二组', '何平', ...S87, 87, '许静'],
    ]);
    const p = parse(await roundTrip(wb));
    expect(p.unit).toBe('第二党支部');
    expect(p.tables.map((t) => [t.headerTop, t.headerBottom, t.firstDataRow, t.unit])).toEqual([[1, 1, 2, '第二党支部']]);
    expect(p.rows.map((r) => [r.group, r.leader, r.liaison, r.period, r.handTotal])).toEqual([
      ['一组', '孙伟', '钱立', { year: 2025, half: 1 }, 9700],
      ['二组', '何平', '许静', { year: 2025, half: 1 }, 8700],
    ]);
    expect(p.rows[0].scores).toEqual(h(S97));
    expect(p.issues).toEqual([]);
  });

  test('the same with the title in one unmerged cell and the period in it', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考评表');
    ws.getCell(1, 1).value = '第二党支部党小组工作考评表（2024年下半年）';
    table(ws, 2, ONE_ROW, [[1, '一组', '孙伟', ...S73, 73, '钱立']]);
    const p = parse(wb);
    expect(p.unit).toBe('第二党支部');
    expect(p.rows.map((r) => [r.group, r.period])).toEqual([['一组', { year: 2024, half: 2 }]]);
  });

  test('a title directly above a real two-row header (aspects merged over their items) still reads both rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = formSheet(wb, '2024年上半年', [
      { group: '一组', leader: '孙伟', liaison: '钱立', scores: S97 },
      { group: '二组', scores: S87 },
    ], { title: '第二党支部党小组工作考评表' });
    ws.spliceRows(2, 1); // no 考评日期 line: the title sits directly above the aspects
    const p = parse(await roundTrip(wb));
    expect(p.tables.map((t) => [t.headerTop, t.headerBottom, t.firstDataRow, t.unit])).toEqual([[1, 2, 3, '第二党支部']]);
    expect(p.rows.map((r) => [r.group, r.leader, r.handTotal])).toEqual([
      ['一组', '孙伟', 9700],
      ['二组', '组长', 8700],
    ]);
    expect(p.issues).toEqual([]);
  });

  test('a two-row header at the top of the sheet whose upper row holds only aspects over items still reads', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2024年上半年');
    const upper: (string | null)[] = ['党小组', '党小组长'];
    for (const it of DEFAULT_RUBRIC.items) upper.push(it.aspect);
    put(ws, 1, [upper, [null, null, ...CN_ITEM_HEADERS], ['一组', '孙伟', ...S97]]);
    ws.mergeCells(1, 1, 2, 1);
    ws.mergeCells(1, 2, 2, 2);
    const p = parse(wb);
    expect(p.tables.map((t) => [t.headerTop, t.headerBottom, t.firstDataRow])).toEqual([[0, 1, 2]]);
    expect(p.rows.map((r) => [r.group, r.leader])).toEqual([['一组', '孙伟']]);
    expect(p.rows[0].scores).toEqual(h(S97));
  });
});

describe('考评时间 stated above the score table (for the printed tables)', () => {
  test.each([
    ['考评日期：2021年7月5日', '2021-07-05'],
    ['考评时间：2026年1月8日', '2026-01-08'],
    ['考评时间: 2026-01-08', '2026-01-08'],
    ['考核时间：2026/1/8', '2026-01-08'],
    ['Assessed on: 2026-01-08', '2026-01-08'],
    ['考评时间：', null], // left blank on the form
    ['考评时间：2026年2月30日', null], // no such day
    ['填表日期：2026年1月8日', null], // not the assessment's date
  ])('%s → %s', (line, date) => {
    const wb = new ExcelJS.Workbook();
    const ws = formSheet(wb, '2024年上半年', [{ group: '一组', scores: S97 }]);
    ws.getCell(2, 1).value = line;
    const parsed = parse(wb);
    expect(parsed.assessedOn).toEqual(date ? [{ period: { year: 2024, half: 1 }, date }] : []);
    // The line is no period: the table's period still comes from its title.
    expect(parsed.rows[0].period).toEqual({ year: 2024, half: 1 });
  });

  test('the label in one cell and the date (a date cell) in the next', () => {
    const wb = new ExcelJS.Workbook();
    const ws = formSheet(wb, '2024年下半年', [{ group: '一组', scores: S97 }]);
    ws.getCell(2, 1).value = '考评时间';
    ws.getCell(2, 2).value = new Date(Date.UTC(2025, 0, 8));
    expect(parse(wb).assessedOn).toEqual([{ period: { year: 2024, half: 2 }, date: '2025-01-08' }]);
  });

  test('one sheet with several periods: the date belongs to its latest period', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考评记录');
    ws.addRow(['考评时间：2025年1月8日']);
    ws.addRow(['年度', '半年度', '党小组', ...Array.from({ length: 12 }, (_, i) => `第${i + 1}项`)]);
    ws.addRow([2024, '上半年', '一组', ...S97]);
    ws.addRow([2024, '下半年', '一组', ...S97]);
    expect(parse(wb).assessedOn).toEqual([{ period: { year: 2024, half: 2 }, date: '2025-01-08' }]);
  });
});

describe('rules sheet (考评规则 / Rules)', () => {
  test('no rules sheet: defaults', () => {
    expect(parse(minimalWorkbook()).rules).toEqual(DEFAULT_RULES);
  });

  test('Chinese keys with a header row; missing keys keep their defaults', () => {
    const wb = minimalWorkbook();
    rulesSheet(wb, [['优秀分数线', 90], ['合格分数线', '75.5'], ['整改期限天数', '60天'], ['排名方式', '中国式排名'], ['评先最低等次', '优秀']], { header: ['规则', '值', '说明'] });
    expect(parse(wb).rules).toEqual({ ...DEFAULT_RULES, excellentMin: 9000, qualifiedMin: 7550, rectifyDays: 60, rankMode: 'dense', awardMinBand: 'excellent' });
  });

  test.each([
    ['项目', '设定值', '说明'],
    ['键', '值', '代码'],
    ['规则', '值', '说明'],
  ])('a header row %s / %s / %s — today’s (用语表) and the older ones — is read as a header', (...header) => {
    const wb = minimalWorkbook();
    rulesSheet(wb, [['优秀分数线', 90]], { header });
    expect(parse(wb).rules).toEqual({ ...DEFAULT_RULES, excellentMin: 9000 });
  });

  test('the new keys: 党小组长预警, 单位名称, 考评依据; rank modes in today’s words and the old ones', () => {
    const wb = minimalWorkbook();
    rulesSheet(wb, [['党小组长预警', '不合格'], ['单位名称', ' 城区供电中心  线路工区党支部 '], ['考评依据', '《线路工区党小组考评细则》'], ['排名方式', '并列不占位排名']]);
    expect(parse(wb).rules).toEqual({ ...DEFAULT_RULES, leaderReviewBand: 'unqualified', unitName: '城区供电中心 线路工区党支部', basis: '线路工区党小组考评细则', rankMode: 'dense' });
    for (const [word, code] of [['并列占位排名', 'competition'], ['竞争排名', 'competition'], ['中国式排名', 'dense'], ['并列不占位排名', 'dense']] as const) {
      const w = minimalWorkbook();
      rulesSheet(w, [['排名方式', word]]);
      expect(parse(w).rules.rankMode).toBe(code);
    }
    const en = minimalWorkbook();
    rulesSheet(en, [['leaderReviewBand', 'Unqualified'], ['unitName', 'Line Section Branch']], { name: 'Rules' });
    expect(parse(en).rules).toMatchObject({ leaderReviewBand: 'unqualified', unitName: 'Line Section Branch' });
  });

  test('English keys and values on a Rules sheet, with a title line', () => {
    const wb = minimalWorkbook();
    rulesSheet(wb, [['Assessment rules'], ['Key', 'Value'], ['basicMin', 55], ['rankMode', 'Dense'], ['language', 'en-US'], ['awardMinBand', 'qualified']], { name: 'Rules' });
    expect(parse(wb).rules).toEqual({ ...DEFAULT_RULES, basicMin: 5500, rankMode: 'dense', language: 'en-US' });
  });

  const invalid: [string, ExcelJS.CellValue[][], string, string, string][] = [
    ['a text threshold', [['优秀分数线', '九十五']], '考评规则!B1', '“优秀分数线”的值“九十五”无效：应为大于0、最多两位小数的分数', '“excellentMin”: “九十五” is invalid; enter a score above 0 with at most 2 decimals'],
    ['a threshold with 3 decimals', [['合格分数线', 80.125]], '考评规则!B1', '“合格分数线”的值“80.125”无效：应为大于0、最多两位小数的分数', '“qualifiedMin”: “80.125” is invalid; enter a score above 0 with at most 2 decimals'],
    ['a zero threshold', [['基本合格分数线', 0]], '考评规则!B1', '“基本合格分数线”的值“0”无效：应为大于0、最多两位小数的分数', '“basicMin”: “0” is invalid; enter a score above 0 with at most 2 decimals'],
    ['qualified above excellent', [['优秀分数线', 90], ['合格分数线', 92]], '考评规则!B1', '“优秀分数线”（90）必须高于“合格分数线”（92），请调整分数线', '“excellentMin” (90) must be above “qualifiedMin” (92); adjust the thresholds'],
    ['basic equal to qualified (default excellent)', [['基本合格分数线', 80]], '考评规则!B1', '“合格分数线”（80）必须高于“基本合格分数线”（80），请调整分数线', '“qualifiedMin” (80) must be above “basicMin” (80); adjust the thresholds'],
    ['excellent above the rubric total', [['excellentMin', 101]], '考评规则!B1', '“优秀分数线”（101）不能高于考评细则总分100分', '“excellentMin” (101) cannot exceed the rubric total 100'],
    ['zero days', [['整改期限天数', 0]], '考评规则!B1', '“整改期限天数”的值“0”无效：应为1至366之间的整数天数', '“rectifyDays”: “0” is invalid; enter a whole number of days from 1 to 366'],
    ['400 days', [['rectifyDays', 400]], '考评规则!B1', '“整改期限天数”的值“400”无效：应为1至366之间的整数天数', '“rectifyDays”: “400” is invalid; enter a whole number of days from 1 to 366'],
    ['half a day', [['整改期限天数', 1.5]], '考评规则!B1', '“整改期限天数”的值“1.5”无效：应为1至366之间的整数天数', '“rectifyDays”: “1.5” is invalid; enter a whole number of days from 1 to 366'],
    ['an unknown band', [['评先最低等次', '良好']], '考评规则!B1', '“评先最低等次”的值“良好”无效，可填：优秀、合格', '“awardMinBand”: “良好” is invalid; allowed values: excellent, qualified'],
    ['an unknown rank mode', [['排名方式', '随机']], '考评规则!B1', '“排名方式”的值“随机”无效，可填：并列占位排名、并列不占位排名', '“rankMode”: “随机” is invalid; allowed values: competition, dense'],
    ['an unknown language', [['输出语言', 'fr-FR']], '考评规则!B1', '“输出语言”的值“fr-FR”无效，可填：自动、中文、英文', '“language”: “fr-FR” is invalid; allowed values: auto, zh-CN, en-US'],
    ['an unknown key', [['优秀比例', '20%']], '考评规则!A1', '考评规则“优秀比例”无法识别，可用的规则有：优秀分数线、合格分数线、基本合格分数线、整改期限（月）、整改期限天数、评先最低等次、排名方式、党小组长预警、单位名称、考评依据、输出语言', 'Unknown rule “优秀比例”; the rules are: excellentMin, qualifiedMin, basicMin, rectifyMonths, rectifyDays, awardMinBand, rankMode, leaderReviewBand, unitName, basis, language'],
    ['an unknown leader-warning band', [['党小组长预警', '合格']], '考评规则!B1', '“党小组长预警”的值“合格”无效，可填：基本合格、不合格', '“leaderReviewBand”: “合格” is invalid; allowed values: basic, unqualified'],
    ['a unit name that is too long', [['单位名称', '单'.repeat(61)]], '考评规则!B1', `“单位名称”的值“${'单'.repeat(61)}”太长：最多60个字`, `“unitName”: “${'单'.repeat(61)}” is too long; at most 60 characters`],
    ['a key twice', [['优秀分数线', 95], ['excellentMin', 96]], '考评规则!A2', '考评规则“优秀分数线”填写了两次，请只保留一行', 'Rule “excellentMin” appears twice; keep one row'],
  ];

  test.each(invalid)('invalid: %s — names the cell, in both languages', (_n, rows, where, zhText, enText) => {
    const wb = minimalWorkbook();
    rulesSheet(wb, rows);
    const e = configError(() => parse(wb));
    expect(e.kind).toBe('config');
    expect(e.where).toBe(where);
    // the place as people read a cell (用语表): 考评细则表A7单元格 / cell A7 of sheet “考评细则”
    expect(describeError(e, 'zh-CN')).toBe(`${cellText('zh-CN', where)}：${zhText}`);
    expect(describeError(e, 'en-US')).toBe(`${cellText('en-US', where)}: ${enText}`);
  });
});

describe('owned sheets, meta and fingerprint', () => {
  function withMeta(): WorkbookSnapshot {
    const s = snap(minimalWorkbook());
    const meta = metaSheetPatch({ sheets: ['考评结果'], runAt: '2024-07-01T00:00:00Z', fingerprint: 'x', language: 'zh-CN', paneLanguage: null });
    // An old output that looks like a score table must not be read.
    const old = snap(minimalWorkbook()).sheets[0];
    s.sheets.push({ ...old, name: '考评结果', marked: true });
    s.sheets.push({ name: META_SHEET, values: meta.values, merges: [], visibility: 'veryHidden' });
    return s;
  }

  test('owned sheets and the meta sheet are skipped; meta is read', () => {
    const p = parseWorkbook(withMeta());
    expect(p.owned).toEqual(new Set(['考评结果', META_SHEET]));
    expect(p.meta?.runAt).toBe('2024-07-01T00:00:00Z');
    expect(p.inputSheets).toEqual(['2024年上半年']);
    expect(p.rows).toHaveLength(1);
    expect(p.tables.map((t) => t.sheet)).toEqual(['2024年上半年']);
  });

  test('the fingerprint covers the inputs only and changes when a score changes', () => {
    const s = withMeta();
    const p = parseWorkbook(s);
    expect(p.fingerprint).toBe(fingerprint(s, p.owned));
    s.sheets[1].values[4][3] = 1; // an owned sheet
    expect(parseWorkbook(s).fingerprint).toBe(p.fingerprint);
    s.sheets[0].values[4][3] = 1; // an input score
    expect(parseWorkbook(s).fingerprint).not.toBe(p.fingerprint);
  });
});

test('a large long table is parsed completely', () => {
  const n = 20000;
  const values: WorkbookSnapshot['sheets'][number]['values'] = [['年度', '半年度', '党小组', ...CN_ITEM_HEADERS, '合计']];
  for (let i = 0; i < n; i++) values.push([2000 + (i % 50), (i % 2) + 1, `组${i}`, ...S97, 97]);
  const p = parseWorkbook({ sheets: [{ name: 'Data', values, merges: [], visibility: 'visible' }] });
  expect(p.rows).toHaveLength(n);
  expect(p.issues).toHaveLength(0);
  expect(p.rows[n - 1]).toMatchObject({ group: `组${n - 1}`, period: { year: 2049, half: 2 }, handTotal: 9700 });
});
