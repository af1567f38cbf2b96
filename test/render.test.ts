import { assess } from '../src/domain/assess';
import { DEFAULT_RUBRIC } from '../src/domain/rubric';
import { DEFAULT_RULES } from '../src/domain/rules';
import type {
  AnnualEntry,
  Assessment,
  AssessmentResult,
  BandCode,
  CellRef,
  DataIssue,
  Lang,
  Period,
  RowStatus,
  ScoreRow,
  Warning,
} from '../src/domain/types';
import { issueMessage } from '../src/i18n/issues';
import { parseRange } from '../src/workbook/a1';
import { encodeDigest } from '../src/workbook/digest';
import { META_SHEET, readMeta } from '../src/workbook/meta';
import { parseWorkbook } from '../src/workbook/parse';
import { BAND_COLOURS, SEVERITY_COLOURS, STATUS_COLOURS, renderPatch } from '../src/workbook/render';
import { HEADER_COLOURS, MAX_CELL_TEXT, MAX_LINKS_PER_SHEET, displayTime, textWidth } from '../src/workbook/sheet-builder';
import { assessWorkbook } from '../src/app/assessWorkbook';
import { benchSnapshot } from '../src/bench/bench';
import { MemoryHost } from '../src/hosts/memory/host';
import type { OutputValue, SheetPatch, SheetSnapshot, WorkbookPatch, WorkbookSnapshot } from '../src/workbook/snapshot';

// ───────────── fixtures, built by hand ─────────────

const RUN = '2024-07-15T16:30:00+08:00';
const ref = (sheet: string, row: number, col = 1): CellRef => ({ sheet, row, col });

function row(over: Partial<ScoreRow> & { group: string; period: Period | null; source: CellRef }): ScoreRow {
  return {
    groupKey: over.group,
    leader: '',
    liaison: '',
    notes: '',
    scores: DEFAULT_RUBRIC.items.map((i) => i.max),
    handTotal: null,
    handTotalCell: null,
    veto: null,
    eligible: true,
    bad: false,
    pending: false,
    ...over,
  };
}

function graded(r: ScoreRow, total: number, band: BandCode): Assessment {
  // Aspect subtotals of the default rubric (20, 25, 20, 15, 20), points lost from the last aspects first.
  let lost = 10000 - total;
  const aspectTotals = [2000, 2500, 2000, 1500, 2000].reverse().map((a) => {
    const take = Math.min(a, lost);
    lost -= take;
    return a - take;
  }).reverse();
  return { row: r, status: 'graded', total, band, aspectTotals };
}

function ungraded(r: ScoreRow, status: RowStatus): Assessment {
  return { row: r, status, total: null, band: null, aspectTotals: null };
}

const H1: Period = { year: 2023, half: 1 };
const H2: Period = { year: 2023, half: 2 };
const S1 = '2023年上半年';
const S2 = '2023年下半年';

const rA1 = row({ group: '变电运维党小组', leader: '张三', liaison: '王支委', period: H1, source: ref(S1, 4) });
const rB1 = row({ group: '继保党小组', leader: '李四', liaison: '赵支委', period: H1, source: ref(S1, 5) });
const rC1 = row({ group: '=HYPERLINK("http://x","点我")', leader: '+1', period: H1, source: ref(S1, 6) });
const rA2 = row({ group: '变电运维党小组', leader: '张三', liaison: '王支委', period: H2, source: ref(S2, 4) });
const rB2 = row({ group: '继保党小组', leader: '李四', liaison: '赵支委', period: H2, source: ref(S2, 5), veto: '发生责任性事故' });
const rC2 = row({ group: '=HYPERLINK("http://x","点我")', leader: '+1', period: H2, source: ref(S2, 6), bad: true });
const rD2 = row({ group: '综合党小组', period: H2, source: ref(S2, 7) });
const rD2b = row({ group: '综合党小组', period: H2, source: ref(S2, 8) });
const rE2 = row({ group: '线路党小组', period: H2, source: ref(S2, 9), pending: true });

const issues: DataIssue[] = [
  { code: 'SCORE_NOT_NUMBER', cell: ref(S2, 6, 7), value: '=1+1', params: { code: '2', item: '群众思想政治工作', max: '10' } },
  { code: 'SCORE_MISSING', cell: ref(S2, 6, 8), value: '', params: { code: '3', item: '组织生活', max: '10' } },
  { code: 'DUPLICATE_ROW', cell: ref(S2, 7), value: '综合党小组', params: { group: '综合党小组', others: `${S2}!B9` } },
  { code: 'DUPLICATE_ROW', cell: ref(S2, 8), value: '综合党小组', params: { group: '综合党小组', others: `${S2}!B8` } },
];

function annual(over: Partial<AnnualEntry> & { group: string; source: CellRef }): AnnualEntry {
  return {
    year: 2023,
    groupKey: over.group,
    leader: '',
    liaison: '',
    h1: null,
    h2: null,
    average: null,
    band: null,
    rank: null,
    titles: [],
    tie: false,
    vetoed: false,
    eligible: true,
    markedIneligible: false,
    leaderChange: null,
    halves: { h1: over.h1 == null ? 'none' : 'graded', h2: over.h2 == null ? 'none' : 'graded' },
    topOverall: true,
    ...over,
  };
}

function warning(over: Partial<Warning> & Pick<Warning, 'code' | 'severity' | 'group' | 'source'>): Warning {
  return {
    year: 2023,
    half: 1,
    leader: '',
    liaison: '',
    deadline: null,
    status: null,
    resolvedBy: null,
    focusItems: [],
    band: null,
    ...over,
  };
}

function sampleResult(): AssessmentResult {
  return {
    rubric: DEFAULT_RUBRIC,
    rules: DEFAULT_RULES,
    asOf: '2024-01-10',
    unit: '',
    assessments: [
      graded(rA1, 9700, 'excellent'),
      graded(rB1, 7300, 'basic'),
      graded(rC1, 9550, 'excellent'),
      graded(rA2, 9400, 'qualified'),
      graded(rB2, 9100, 'unqualified'),
      ungraded(rC2, 'not_graded'),
      ungraded(rD2, 'duplicate'),
      ungraded(rD2b, 'duplicate'),
      ungraded(rE2, 'pending'),
    ],
    annual: [
      annual({ group: '变电运维党小组', leader: '张三', h1: 9700, h2: 9400, average: 95500, band: 'excellent', rank: 1, titles: ['leader_candidate', 'advanced'], source: rA2.source }),
      annual({ group: '继保党小组', leader: '李四', h1: 7300, h2: 9100, average: 82000, band: 'unqualified', rank: null, vetoed: true, eligible: false, source: rB2.source }),
      annual({ group: '=HYPERLINK("http://x","点我")', h1: 9550, source: rC2.source }),
      annual({ group: '综合党小组', source: rD2b.source }),
    ],
    warnings: [
      warning({ code: 'INCOMPLETE_YEAR', severity: 'info', half: null, group: '综合党小组', source: rD2b.source }),
      warning({ code: 'RECTIFY', severity: 'warning', group: '继保党小组', leader: '李四', liaison: '赵支委', band: 'basic', deadline: '2023-09-28', status: 'resolved', resolvedBy: H2, decidedBand: 'qualified', focusItems: ['12', '11', '5'], source: rB1.source }),
      warning({ code: 'RECTIFY', severity: 'serious', half: 2, group: '继保党小组', leader: '李四', liaison: '赵支委', band: 'unqualified', deadline: '2024-03-30', status: 'open', focusItems: ['1'], source: rB2.source }),
    ],
    issues,
  };
}

const sheet = (name: string, values: (string | number | null)[][] = [['x']]): SheetSnapshot => ({
  name,
  values,
  merges: [],
  visibility: 'visible',
});
const inputs: WorkbookSnapshot = { sheets: [sheet(S1), sheet(S2)] };

/** A workbook after a run: the inputs plus the patch's sheets as a host would write them. */
function applied(before: WorkbookSnapshot, patch: WorkbookPatch): WorkbookSnapshot {
  const written = new Set(patch.sheets.map((s) => s.name));
  const kept = before.sheets.filter((s) => !patch.deleteSheets.includes(s.name) && !written.has(s.name));
  return {
    sheets: [
      ...kept,
      // As every host does: an owned sheet is written with the ownership mark.
      ...patch.sheets.map((s) => ({ name: s.name, values: s.values as SheetSnapshot['values'], merges: s.merges, visibility: s.visibility, ...(s.owned ? { marked: true } : {}) })),
    ],
  };
}

const render = (result: AssessmentResult, snap: WorkbookSnapshot = inputs, lang: Lang = 'zh-CN', runAt = RUN) =>
  renderPatch(result, snap, { lang, runAt, fingerprint: 'fp-1' });

function byName(patch: WorkbookPatch, name: string): SheetPatch {
  const s = patch.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${patch.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

function headerRow(s: SheetPatch): number {
  return s.freeze.rows - 1;
}

/** The table under the frozen header as objects keyed by header text. */
function table(s: SheetPatch): Record<string, OutputValue>[] {
  const h = headerRow(s);
  const headers = s.values[h].map(String);
  return s.values.slice(h + 1).map((r) => Object.fromEntries(headers.map((k, i) => [k, r[i]])));
}

/** Styles covering a cell, in order (later ones win, as the hosts apply them). */
function styleAt(s: SheetPatch, row: number, col: number) {
  return s.styles
    .filter((st) => {
      const g = parseRange(st.range);
      return row >= g.top && row <= g.bottom && col >= g.left && col <= g.right;
    })
    .reduce((acc, st) => ({ ...acc, ...st }), {} as Record<string, unknown>);
}

function colOf(s: SheetPatch, header: string): number {
  const c = s.values[headerRow(s)].indexOf(header);
  if (c < 0) throw new Error(`no column ${header}`);
  return c;
}

// ───────────── sheet names, ownership, meta ─────────────

describe('sheet names and ownership', () => {
  test('Chinese and English output names, results activated, meta last and very hidden', () => {
    const zh = render(sampleResult());
    expect(zh.sheets.map((s) => s.name)).toEqual(['考评结果', '年度排名', '预警与整改', '数据问题', '半年考评结果表', '年度考评结果表', '整改台账', META_SHEET]);
    expect(zh.activate).toBe('考评结果');
    expect(zh.deleteSheets).toEqual([]);
    expect(zh.sheets[7].visibility).toBe('veryHidden');
    const en = render(sampleResult(), inputs, 'en-US');
    expect(en.sheets.map((s) => s.name)).toEqual(['Results', 'Annual Ranking', 'Warnings', 'Data Issues', 'Half-Year Table', 'Annual Table', 'Rectification ledger', META_SHEET]);
    expect(en.activate).toBe('Results');
  });

  test('the meta records owned sheets, run time, fingerprint, language and the run’s digest', () => {
    const result = sampleResult();
    const patch = render(result, inputs, 'en-US');
    const meta = readMeta(applied(inputs, patch));
    expect(meta).toEqual({
      version: 2,
      sheets: ['Results', 'Annual Ranking', 'Warnings', 'Data Issues', 'Half-Year Table', 'Annual Table', 'Rectification ledger'],
      runAt: RUN,
      fingerprint: 'fp-1',
      language: 'en-US',
      paneLanguage: null,
      // What the next run compares with (与上次相比): src/workbook/digest.ts.
      digest: encodeDigest(result),
    });
  });

  test("a user's own sheet named 考评结果 is left alone: the output becomes 考评结果 (2), and stays so", () => {
    const mine = sheet('考评结果', [['我自己的表']]);
    const before: WorkbookSnapshot = { sheets: [...inputs.sheets, mine] };
    const first = render(sampleResult(), before);
    const names = first.sheets.map((s) => s.name);
    expect(names).toContain('考评结果 (2)');
    expect(names).not.toContain('考评结果');
    expect(first.activate).toBe('考评结果 (2)');
    expect(first.deleteSheets).toEqual([]);

    // The user deletes their sheet: the output keeps its name, it does not jump back to 考评结果.
    const after = applied(before, first);
    const withoutMine = { sheets: after.sheets.filter((s) => s !== mine) };
    const second = render(sampleResult(), withoutMine);
    expect(second.activate).toBe('考评结果 (2)');
    expect(second.sheets.map((s) => s.name)).not.toContain('考评结果');
    expect(second.deleteSheets).toEqual([]);
  });

  test('the next free suffix is taken, and sheet names compare case-insensitively as in Excel', () => {
    const before: WorkbookSnapshot = {
      sheets: [...inputs.sheets, sheet('results'), sheet('Results (2)'), sheet('warnings')],
    };
    const patch = render(sampleResult(), before, 'en-US');
    expect(patch.sheets.map((s) => s.name)).toEqual(['Results (3)', 'Annual Ranking', 'Warnings (2)', 'Data Issues', 'Half-Year Table', 'Annual Table', 'Rectification ledger', META_SHEET]);
  });

  test('switching language deletes the previous run’s sheets, never a foreign one', () => {
    const before: WorkbookSnapshot = { sheets: [...inputs.sheets, sheet('数据问题')] };
    const zh = render(sampleResult(), before);
    expect(zh.sheets.map((s) => s.name)).toContain('数据问题 (2)');
    const en = render(sampleResult(), applied(before, zh), 'en-US');
    expect(en.deleteSheets).toEqual(['考评结果', '年度排名', '预警与整改', '数据问题 (2)', '半年考评结果表', '年度考评结果表', '整改台账']);
    expect(en.deleteSheets).not.toContain('数据问题');
    const meta = readMeta(applied(applied(before, zh), en));
    expect(meta?.sheets).toEqual(['Results', 'Annual Ranking', 'Warnings', 'Data Issues', 'Half-Year Table', 'Annual Table', 'Rectification ledger']);
  });

  test('a second run on the written workbook rewrites the same sheets and deletes nothing', () => {
    const first = render(sampleResult());
    const second = render(sampleResult(), applied(inputs, first));
    expect(second.deleteSheets).toEqual([]);
    expect(second.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
  });

  test('the pane language is kept from the last run unless given', () => {
    const first = renderPatch(sampleResult(), inputs, { lang: 'zh-CN', runAt: RUN, fingerprint: 'f', paneLanguage: 'en-US' });
    const wb = applied(inputs, first);
    expect(readMeta(wb)?.paneLanguage).toBe('en-US');
    const kept = renderPatch(sampleResult(), wb, { lang: 'zh-CN', runAt: RUN, fingerprint: 'f' });
    expect(readMeta(applied(wb, kept))?.paneLanguage).toBe('en-US');
    const cleared = renderPatch(sampleResult(), wb, { lang: 'zh-CN', runAt: RUN, fingerprint: 'f', paneLanguage: null });
    expect(readMeta(applied(wb, cleared))?.paneLanguage).toBeNull();
  });
});

// ───────────── 考评结果 ─────────────

describe('考评结果', () => {
  const patch = render(sampleResult());
  const s = byName(patch, '考评结果');
  const rows = table(s);

  test('every assessment row exactly once, in input order, with a link to its source row', () => {
    expect(rows).toHaveLength(9);
    expect(rows.map((r) => r['来源'])).toEqual([
      '2023年上半年!B5',
      '2023年上半年!B6',
      '2023年上半年!B7',
      '2023年下半年!B5',
      '2023年下半年!B6',
      '2023年下半年!B7',
      '2023年下半年!B8',
      '2023年下半年!B9',
      '2023年下半年!B10',
    ]);
    const h = headerRow(s);
    const c = colOf(s, '来源');
    expect(s.links).toHaveLength(9);
    expect(s.links[0]).toEqual({ row: h + 1, col: c, target: "'2023年上半年'!B5", text: '2023年上半年!B5' });
    expect(new Set(s.links.map((l) => l.row)).size).toBe(9);
  });

  test('period, group, leader, liaison, aspect subtotals, total, band and status as a reader sees them', () => {
    expect(s.values[headerRow(s)]).toEqual([
      '考评期', '党小组', '党小组长', '联系支委',
      '思想建设（20分）', '组织建设（25分）', '作风建设（20分）', '制度建设（15分）', '完成中心任务（20分）',
      '合计', '等次', '状态', '说明', '一票否决', '来源',
    ]);
    expect(rows[0]).toMatchObject({ 考评期: '2023年上半年', 党小组: '变电运维党小组', 党小组长: '张三', 联系支委: '王支委', 合计: 97, 等次: '优秀', 状态: '已评定' });
    expect(rows[0]['完成中心任务（20分）']).toBe(17);
    expect(rows[2]['合计']).toBe(95.5);
    expect(typeof rows[2]['合计']).toBe('number');
    expect(rows[4]).toMatchObject({ 合计: 91, 等次: '不合格', 一票否决: '发生责任性事故' });
    expect(rows[4]['说明']).toContain('一票否决');
  });

  test('rows not graded say why', () => {
    expect(rows[5]).toMatchObject({ 合计: null, 等次: null, 状态: '未评定' });
    expect(rows[5]['说明']).toBe('2个数据问题，见“数据问题”表');
    expect(rows[6]['状态']).toBe('重复');
    expect(rows[6]['说明']).toContain('重复');
    expect(rows[8]).toMatchObject({ 状态: '待评分' });
    expect(rows[8]['说明']).toContain('待评分');
  });

  test('band cells have the band fill with dark text', () => {
    const h = headerRow(s);
    const c = colOf(s, '等次');
    expect(styleAt(s, h + 1, c)).toMatchObject({ fill: BAND_COLOURS.excellent.fill, fontColor: BAND_COLOURS.excellent.font });
    expect(styleAt(s, h + 2, c)).toMatchObject({ fill: BAND_COLOURS.basic.fill });
    expect(styleAt(s, h + 5, c)).toMatchObject({ fill: BAND_COLOURS.unqualified.fill });
    expect(styleAt(s, h + 6, c).fill).toBeUndefined();
  });

  test('the summary of the latest period is at the top: groups per band, thresholds, rank mode and run time', () => {
    const top = s.values.slice(0, headerRow(s)).map((r) => r.filter((v) => v !== null));
    expect(top[1][0]).toBe('2023年下半年汇总（共6条考评记录）');
    expect(top).toContainEqual(['优秀', 0]);
    expect(top).toContainEqual(['合格', 1, '变电运维党小组']);
    expect(top).toContainEqual(['不合格', 1, '继保党小组']);
    const ungradedLine = top.find((r) => r[0] === '未定等次');
    // The two duplicate rows of 综合党小组 are one group: counted and listed once.
    expect(ungradedLine?.[1]).toBe(3);
    expect(String(ungradedLine?.[2]).match(/综合党小组/g)).toHaveLength(1);
    const lines = top.map((r) => String(r[0]));
    expect(lines).toContain('考评依据：《党小组工作考评办法》');
    expect(lines).toContain('等次标准：优秀95分及以上，合格80分（含）至95分（不含），基本合格60分（含）至80分（不含），不合格60分以下');
    const rulesLine = lines.find((x) => x.startsWith('排名方式'));
    expect(rulesLine).toBe('排名方式：并列占位排名（如1、1、3）；整改期限：考评期结束后第3个月的最后一天；生成时间：2024年7月15日 16:30（本地时间）');
    expect(headerRow(s)).toBeLessThan(14); // the summary fits on the first screen
  });

  test('readable and printable: bold filled frozen header, widths, landscape, print titles', () => {
    const h = headerRow(s);
    expect(s.freeze.rows).toBe(h + 1);
    expect(styleAt(s, h, 0)).toMatchObject({ bold: true, fill: HEADER_COLOURS.fill });
    expect(s.columnWidths).toHaveLength(s.values[0].length);
    expect(s.columnWidths.every((w) => w >= 6 && w <= 70)).toBe(true);
    expect(s.landscape).toBe(true);
    expect(s.printTitleRows).toBe(`${h + 1}:${h + 1}`);
    // rectangular
    expect(new Set(s.values.map((r) => r.length)).size).toBe(1);
  });

  test('a rubric with other aspects gets one subtotal column per aspect', () => {
    const rubric = {
      source: 'sheet' as const,
      sheet: '考评细则',
      items: DEFAULT_RUBRIC.items.map((i, k) => ({ ...i, aspect: k < 6 ? '甲' : '乙' })),
    };
    const result: AssessmentResult = {
      ...sampleResult(),
      rubric,
      assessments: [{ row: rA1, status: 'graded', total: 9000, band: 'qualified', aspectTotals: [5000, 4000] }],
    };
    const r = byName(render(result), '考评结果');
    expect(r.values[headerRow(r)].slice(4, 7)).toEqual(['甲（53分）', '乙（47分）', '合计']);
    expect(table(r)[0]).toMatchObject({ '甲（53分）': 50, '乙（47分）': 40, 合计: 90 });
    expect(r.values.flat()).toContainEqual('考评依据：《党小组工作考评办法》（考评项目见“考评细则”表）');
  });

  test('English output uses English words', () => {
    const en = byName(render(sampleResult(), inputs, 'en-US'), 'Results');
    expect(en.values[headerRow(en)]).toContain('Ideological building (20)');
    const r = table(en);
    expect(r[0]).toMatchObject({ Period: '2023 H1', 'Party group': '变电运维党小组', Grade: 'Excellent', Status: 'Graded' });
    expect(r[5].Status).toBe('Not graded');
    expect(r[5].Notes).toBe('2 data issue(s), see sheet “Data Issues”');
    // The summary's band words fit in the first column.
    expect(en.columnWidths[0]).toBeGreaterThanOrEqual(textWidth('Basically qualified'));
  });

  test('no rows: a line says so', () => {
    const empty: AssessmentResult = { ...sampleResult(), assessments: [], annual: [], warnings: [], issues: [] };
    const patch = render(empty);
    expect(table(byName(patch, '考评结果'))[0]['考评期']).toBe('无：没有找到考评记录');
    expect(table(byName(patch, '年度排名'))[0]['年度']).toBe('无：没有年度结果');
    expect(table(byName(patch, '预警与整改'))[0]['严重程度']).toBe('无：没有预警');
    expect(table(byName(patch, '数据问题'))[0]['单元格']).toBe('无：没有数据问题');
    expect(byName(render(empty, inputs, 'en-US'), 'Data Issues').values.flat()).toContain('None: no data issues');
  });
});

// ───────────── text stays text ─────────────

describe('text from input cells stays text', () => {
  test('a group named like a formula is written as the same plain string everywhere', () => {
    const patch = render(sampleResult());
    const name = '=HYPERLINK("http://x","点我")';
    for (const sheetName of ['考评结果', '年度排名']) {
      const cells = byName(patch, sheetName).values.flat();
      expect(cells).toContain(name);
    }
    expect(byName(patch, '考评结果').values.flat()).toContain('+1');
    // the issue's value "=1+1" is text, too
    expect(table(byName(patch, '数据问题'))[0]['值']).toBe('=1+1');
  });

  test('the renderer itself never writes a formula-like string', () => {
    const patch = render(sampleResult());
    const inputTexts = new Set(['=HYPERLINK("http://x","点我")', '+1', '=1+1']);
    for (const s of patch.sheets) {
      for (const v of s.values.flat()) {
        // Only input text (or a line starting with it) may look like a formula; hosts write it as text.
        if (typeof v === 'string' && /^[=+\-@]/.test(v)) expect([...inputTexts].some((x) => v.startsWith(x)) ? 'ok' : v).toBe('ok');
      }
    }
  });
});

// ───────────── 年度排名 ─────────────

describe('年度排名', () => {
  function tiedResult(rankMode: 'competition' | 'dense'): AssessmentResult {
    const src = (r: number) => ref(S2, r);
    return {
      ...sampleResult(),
      rules: { ...DEFAULT_RULES, rankMode },
      annual: [
        annual({ year: 2022, group: '旧年党小组', h1: 9000, h2: 9000, average: 90000, band: 'qualified', rank: 1, titles: ['advanced'], source: src(20) }),
        annual({ group: '丙', h1: 9000, h2: 8000, average: 85000, band: 'qualified', rank: rankMode === 'dense' ? 2 : 3, source: src(12) }),
        annual({ group: '甲', leader: '甲组长', h1: 9600, h2: 9500, average: 95500, band: 'excellent', rank: 1, titles: ['advanced', 'leader_candidate'], tie: true, source: src(10) }),
        annual({ group: '乙', leader: '乙组长', h1: 9500, h2: 9600, average: 95500, band: 'excellent', rank: 1, titles: ['leader_candidate', 'advanced'], tie: true, source: src(11) }),
        annual({ group: '丁', h1: 9000, source: src(13) }),
        annual({ group: '戊', h1: 8100, h2: 8000, average: 80500, band: 'qualified', rank: rankMode === 'dense' ? 3 : 4, eligible: false, markedIneligible: true, source: src(14) }),
      ],
    };
  }

  test('newest year first, ranked by rank, incomplete entries after and unranked', () => {
    const s = byName(render(tiedResult('competition')), '年度排名');
    const rows = table(s);
    expect(rows.map((r) => [r['年度'], r['名次'], r['党小组']])).toEqual([
      [2023, 1, '甲'],
      [2023, 1, '乙'],
      [2023, 3, '丙'],
      [2023, 4, '戊'],
      [2023, null, '丁'],
      [2022, 1, '旧年党小组'],
    ]);
    expect(rows[0]).toMatchObject({ 上半年: 96, 下半年: 95, 年度平均分: 95.5, 年度等次: '优秀' });
    expect(rows[4]['说明']).toBe('年度考评不全：下半年无考评记录，不计算年度结果，不参加排名和评先');
  });

  test('tied titles are marked 并列, and the sheet states the rank mode and award rule', () => {
    const s = byName(render(tiedResult('competition')), '年度排名');
    const rows = table(s);
    expect(rows[0]['评先推荐']).toBe('拟推荐为年度先进党小组（并列，示范党小组推荐对象），提请支委会研究确定、优秀党小组长推荐人选');
    expect(rows[1]['评先推荐']).toBe('拟推荐为年度先进党小组（并列，示范党小组推荐对象），提请支委会研究确定、优秀党小组长推荐人选');
    expect(rows[0]['说明']).toBe('年度平均分并列第一（提请支委会研究确定）');
    expect(rows[5]['评先推荐']).toBe('拟推荐为年度先进党小组（示范党小组推荐对象），提请支委会研究确定');
    expect(rows[3]['说明']).toBe('已取消评先资格');
    expect(rows[2]['说明']).toBeNull();
    const top = s.values.slice(0, headerRow(s)).flat().filter((v): v is string => typeof v === 'string');
    expect(top.some((x) => x.includes('并列占位排名（如1、1、3）'))).toBe(true);
    expect(top.some((x) => x.includes('年度先进党小组') && x.includes('合格及以上'))).toBe(true);
    const dense = byName(render(tiedResult('dense')), '年度排名');
    const denseTop = dense.values.slice(0, headerRow(dense)).flat().join(' ');
    expect(denseTop).toContain('并列不占位排名（中国式，如1、1、2）');
    expect(table(dense).map((r) => r['名次'])).toEqual([1, 1, 2, 3, null, 1]);
  });

  test('averages are exact numbers with up to 3 decimals', () => {
    const result = { ...sampleResult(), annual: [annual({ group: '甲', h1: 9525, h2: 9550, average: 95375, band: 'excellent', rank: 1, source: ref(S2, 4) })] };
    const s = byName(render(result), '年度排名');
    expect(table(s)[0]['年度平均分']).toBe(95.375);
    expect(table(s)[0]['上半年']).toBe(95.25);
    const c = colOf(s, '年度平均分');
    expect(styleAt(s, headerRow(s) + 1, c).numberFormat).toBe('General');
  });

  test('vetoed year: band fill unqualified and the reason in notes; annual band cells coloured', () => {
    const s = byName(render(sampleResult()), '年度排名');
    const rows = table(s);
    expect(rows[1]).toMatchObject({ 党小组: '继保党小组', 年度等次: '不合格', 名次: null });
    expect(rows[1]['说明']).toBe('一票否决，不参加排名和评先');
    const c = colOf(s, '年度等次');
    expect(styleAt(s, headerRow(s) + 2, c)).toMatchObject({ fill: BAND_COLOURS.unqualified.fill, fontColor: BAND_COLOURS.unqualified.font });
    expect(s.links.map((l) => l.text)).toContain('2023年下半年!B6');
  });

  test('English ranking', () => {
    const s = byName(render(tiedResult('dense'), inputs, 'en-US'), 'Annual Ranking');
    const rows = table(s);
    expect(rows[0]['Award nomination']).toBe('Proposed as Advanced Party group of the year (tied, model group nominee) for the branch committee to decide, Outstanding leader nominee');
    expect(s.values.slice(0, headerRow(s)).flat().join(' ')).toContain('dense ranking');
  });
});

// ───────────── 预警与整改 ─────────────

describe('预警与整改', () => {
  const s = byName(render(sampleResult()), '预警与整改');
  const rows = table(s);

  test('open work first (逾期未整改, 整改未见效, 待整改), then notices, then history', () => {
    expect(rows.map((r) => r['整改状态'])).toEqual(['待整改', null, '已整改（2023年下半年考评等次为合格）']);
    expect(rows.map((r) => r['严重程度'])).toEqual(['严重', '提示', '一般']);
    expect(rows.map((r) => r['预警类型'])).toEqual(['限期整改', '年度考评不全', '限期整改']);
  });

  test('each row has period, group, leader, liaison, message, deadline, status, focus items and a link', () => {
    expect(rows[2]).toMatchObject({
      考评期: '2023年上半年',
      党小组: '继保党小组',
      党小组长: '李四',
      联系支委: '赵支委',
      整改期限: 45197, // 2023-09-28 as an Excel date
      整改状态: '已整改（2023年下半年考评等次为合格）',
      主要失分项目: '12.生产任务与示范服务日、11.安全生产（零违章、无责任性事故）、5.联系群众',
      来源: '2023年上半年!B6',
    });
    // Shown as 2023年9月28日: a real date with a date format.
    expect(styleAt(s, headerRow(s) + 3, colOf(s, '整改期限')).numberFormat).toBe('yyyy"年"m"月"d"日"');
    // The glossary's words; the focus items are in their own column, written once.
    expect(rows[2]['说明']).toBe('2023年上半年考评等次为基本合格。党支部将帮助其查找原因、制定改进措施，要求于2023年9月28日前完成整改。经整改，2023年下半年考评等次为合格，整改取得成效。');
    expect(rows[0]['整改状态']).toBe('待整改');
    expect(rows[1]['考评期']).toBe('2023年度');
    expect(rows[1]['整改期限']).toBeNull();
    expect(s.links).toHaveLength(3);
  });

  test('severity and status colours', () => {
    const h = headerRow(s);
    expect(styleAt(s, h + 1, 0)).toMatchObject({ fill: SEVERITY_COLOURS.serious.fill, fontColor: SEVERITY_COLOURS.serious.font });
    expect(styleAt(s, h + 2, 0)).toMatchObject({ fill: SEVERITY_COLOURS.info.fill });
    expect(styleAt(s, h + 3, 0)).toMatchObject({ fill: SEVERITY_COLOURS.warning.fill });
    const st = colOf(s, '整改状态');
    expect(styleAt(s, h + 1, st).fill).toBe(STATUS_COLOURS.open.fill);
    expect(styleAt(s, h + 3, st).fill).toBe(STATUS_COLOURS.resolved.fill);
  });

  test('tie-for-top messages name the other groups and the shared average', () => {
    const result: AssessmentResult = {
      ...sampleResult(),
      annual: [
        annual({ group: '甲', average: 95500, h1: 9500, h2: 9600, rank: 1, tie: true, titles: ['advanced'], source: ref(S2, 4) }),
        annual({ group: '乙', average: 95500, h1: 9600, h2: 9500, rank: 1, tie: true, titles: ['advanced'], source: ref(S2, 5) }),
      ],
      warnings: [
        warning({ code: 'TIE_FOR_TOP', severity: 'info', half: null, group: '甲', source: ref(S2, 4) }),
        warning({ code: 'TIE_FOR_TOP', severity: 'info', half: null, group: '乙', source: ref(S2, 5) }),
      ],
    };
    const w = table(byName(render(result), '预警与整改'));
    expect(w[0]['说明']).toBe('2023年度与乙年度平均分并列第一（95.5分），均标注“并列”，提请支委会研究确定。');
    expect(w[1]['说明']).toContain('与甲年度平均分并列第一');
  });

  test('English focus items use the English item names of the default rubric', () => {
    const en = table(byName(render(sampleResult(), inputs, 'en-US'), 'Warnings'));
    expect(en[2]['Items that lost most']).toBe('12.Production tasks and service days, 11.Work safety (no violations, no liable accidents), 5.Ties with the masses');
    expect(en[0].Severity).toBe('Serious');
    expect(en[2]['Rectification status']).toBe('Resolved (2023 H2 graded Qualified)');
  });
});

// ───────────── 数据问题 ─────────────

describe('数据问题', () => {
  test('one row per issue: linked cell, value as text, message in the language, code', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const patch = render(sampleResult(), inputs, lang);
      const s = byName(patch, lang === 'zh-CN' ? '数据问题' : 'Data Issues');
      const rows = s.values.slice(headerRow(s) + 1);
      expect(rows).toEqual(
        issues.map((i) => [
          `${i.cell.sheet}!${String.fromCharCode(65 + i.cell.col)}${i.cell.row + 1}`,
          i.value === '' ? null : i.value,
          issueMessage(lang, i),
          i.code,
        ]),
      );
      expect(s.links[1]).toEqual({ row: headerRow(s) + 2, col: 0, target: "'2023年下半年'!I7", text: '2023年下半年!I7' });
    }
  });
});

// ───────────── determinism and accessibility ─────────────

describe('determinism', () => {
  test('the same inputs give deep-equal patches; a later run differs only in the run time', () => {
    const a = render(sampleResult());
    const b = render(sampleResult());
    expect(b).toEqual(a);
    const later = render(sampleResult(), applied(inputs, a), 'zh-CN', '2024-08-01T09:05:00+08:00');
    const times = [RUN, '2024-08-01T09:05:00+08:00', displayTime('zh-CN', RUN), displayTime('zh-CN', '2024-08-01T09:05:00+08:00')];
    const strip = (p: WorkbookPatch) => times.reduce((json, x) => json.split(x).join('T'), JSON.stringify(p));
    expect(strip(later)).not.toBe(JSON.stringify(later));
    expect(strip(later)).toBe(strip(a));
  });

  test('rendering does not mutate the result', () => {
    const result = sampleResult();
    const copy = JSON.parse(JSON.stringify(result));
    render(result);
    expect(result).toEqual(copy);
  });
});

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

test('every fill/text colour pair meets WCAG AA contrast (4.5:1)', () => {
  const pairs = [HEADER_COLOURS, ...Object.values(BAND_COLOURS), ...Object.values(SEVERITY_COLOURS), ...Object.values(STATUS_COLOURS)];
  for (const p of pairs) expect(contrast(p.fill, p.font)).toBeGreaterThanOrEqual(4.5);
});

test('the run time is shown as the local time the host recorded, dates as the glossary writes them', () => {
  expect(displayTime('zh-CN', '2024-07-15T16:30:05+08:00')).toBe('2024年7月15日 16:30');
  expect(displayTime('en-US', '2024-07-15T16:30:05+08:00')).toBe('July 15, 2024 16:30');
  expect(displayTime('zh-CN', '2026-11-29T19:42:00-05:00')).toBe('2026年11月29日 19:42');
  expect(displayTime('zh-CN', 'yesterday')).toBe('yesterday');
});

test('ranking notes say why a complete year cannot hold the title', () => {
  const src = ref(S2, 4);
  const result: AssessmentResult = {
    ...sampleResult(),
    annual: [
      annual({ group: '低', h1: 7900, h2: 9000, average: 84500, band: 'qualified', rank: 1, eligible: false, source: src }),
      annual({ group: '否', h1: 9000, h2: 9000, average: 90000, band: 'qualified', rank: 1, eligible: false, markedIneligible: true, source: src }),
      annual({ group: '良', h1: 9000, h2: 9000, average: 90000, band: 'qualified', rank: 1, eligible: true, source: src }),
      annual({ group: '缺', h1: 9000, source: src, eligible: false }),
    ],
  };
  const rows = table(byName(render(result), '年度排名'));
  const note = (g: string) => rows.find((r) => r['党小组'] === g)!['说明'];
  const notes = ['低', '否', '良', '缺'].map(note);
  expect(notes[0]).toBe('上半年考评等次为基本合格，不参加评先；并列第1名');
  expect(notes[1]).toBe('已取消评先资格；并列第1名');
  expect(notes[2]).toBe('并列第1名'); // eligible, no title in this hand-made result: no eligibility note
  expect(notes[3]).toBe('年度考评不全：下半年无考评记录，不计算年度结果，不参加排名和评先');
});

test('text width counts CJK characters double', () => {
  expect(textWidth('abc')).toBe(3);
  expect(textWidth('党小组')).toBe(6);
});

// ───────────── the real pipeline: reader → engine → renderer ─────────────

describe('pipeline with the reader and the engine', () => {
  const items = DEFAULT_RUBRIC.items.map((i) => `${i.code}.${i.name}`);
  const full = DEFAULT_RUBRIC.items.map((i) => i.max / 100);
  const minus = (n: number) => full.map((v, k) => (k === 11 ? v - n : v));
  const wb: WorkbookSnapshot = {
    sheets: [
      sheet('评分表', [
        ['年度', '半年度', '党小组', '党小组长', ...items, '一票否决'],
        [2023, '上半年', '甲', '张三', ...full, null],
        [2023, '上半年', '=HYPERLINK("x")', '李四', ...minus(8), null],
        [2023, '下半年', '甲', '张三', ...minus(3), null],
        [2023, '下半年', '=HYPERLINK("x")', '李四', ...minus(2).map((v, k) => (k === 0 ? 'abc' : v)), null],
        [2023, '下半年', '丙', '王五', ...minus(10), '违反组织纪律'],
      ]),
    ],
  };

  function run(snap: WorkbookSnapshot, lang: Lang = 'zh-CN') {
    const parsed = parseWorkbook(snap);
    const result = assess({ rubric: parsed.rubric, rules: parsed.rules, rows: parsed.rows, issues: parsed.issues, asOf: '2025-01-15' });
    return renderPatch(result, snap, { lang, runAt: RUN, fingerprint: parsed.fingerprint });
  }

  test('every input row is on the results sheet once, linked to its row; the bad cell is on the issues sheet', () => {
    const patch = run(wb);
    const results = table(byName(patch, '考评结果'));
    expect(results.map((r) => r['来源'])).toEqual(['评分表!C2', '评分表!C3', '评分表!C4', '评分表!C5', '评分表!C6']);
    expect(results.map((r) => r['党小组'])).toEqual(['甲', '=HYPERLINK("x")', '甲', '=HYPERLINK("x")', '丙']);
    expect(results.map((r) => r['合计'])).toEqual([100, 92, 97, null, 90]);
    expect(results.map((r) => r['等次'])).toEqual(['优秀', '合格', '优秀', null, '不合格']);
    const issuesSheet = table(byName(patch, '数据问题'));
    expect(issuesSheet.map((r) => r['单元格'])).toContain('评分表!E5');
    expect(results[3]['说明']).toContain('数据问题');
  });

  test('a second run over the written workbook gives the same patch (idempotent)', () => {
    const first = run(wb);
    const written = applied(wb, first);
    const second = run(written);
    expect(second).toEqual(first);
    const enRun = run(written, 'en-US');
    expect(enRun.deleteSheets).toEqual(['考评结果', '年度排名', '预警与整改', '数据问题', '半年考评结果表', '年度考评结果表', '整改台账']);
  });
});

test('rows whose wrapped text needs several lines get a height that shows it all (Excel does not re-measure)', () => {
  const s = byName(render(sampleResult()), '预警与整改');
  const widths = s.columnWidths;
  const h = s.freeze.rows - 1;
  const heights = new Map((s.rowHeights ?? []).map((x) => [x.row, x.height]));
  let checked = 0;
  for (let r = h + 1; r < s.values.length; r++) {
    s.values[r].forEach((v, c) => {
      if (typeof v !== 'string' || textWidth(v) <= widths[c]) return;
      const wrapped = s.styles.some((st) => st.wrap && parseRange(st.range).left <= c && parseRange(st.range).right >= c);
      if (!wrapped) return;
      checked++;
      const lines = Math.ceil(textWidth(v) / (widths[c] - 1));
      expect({ r, c, v, ok: (heights.get(r) ?? 0) >= 15 * lines }).toEqual({ r, c, v, ok: true });
    });
  }
  expect(checked).toBeGreaterThan(0);
});

test('a results sheet of more rows than Excel allows links on one sheet: the first 65,530 link, the rest show the address as text', async () => {
  const rows = MAX_LINKS_PER_SHEET + 40;
  const { patch } = await assessWorkbook(new MemoryHost(benchSnapshot(rows)), { now: () => new Date('2025-03-01T00:00:00Z') });
  const results = patch.sheets.find((s) => s.name === '考评结果')!;
  expect(results.links).toHaveLength(MAX_LINKS_PER_SHEET);
  const last = results.links[results.links.length - 1];
  const sourceCol = last.col;
  const after = results.values.slice(last.row + 1).map((r) => r[sourceCol]);
  expect(after).toHaveLength(40);
  for (const v of after) expect(String(v)).toMatch(/^考评记录!C\d+$/);
});

test('no output cell holds more text than an Excel cell can (32,767 characters)', async () => {
  // 3,000 groups all 优秀 in one period: the summary lists every group in one cell.
  const header = ['年度', '半年度', '党小组', ...DEFAULT_RUBRIC.items.map((i) => `${i.code}.${i.name}`)];
  const rows = Array.from({ length: 3000 }, (_v, g) => [2024, '上半年', `第${g + 1}号供电所第一党支部党小组`, ...DEFAULT_RUBRIC.items.map((i) => i.max / 100)]);
  const { patch } = await assessWorkbook(new MemoryHost({ sheets: [{ name: '考评记录', values: [header, ...rows], merges: [], visibility: 'visible' }] }), {
    now: () => new Date('2025-03-01T00:00:00Z'),
  });
  const texts = patch.sheets.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === 'string');
  const longest = texts.reduce((a, b) => (b.length > a.length ? b : a), '');
  expect(longest.length).toBe(MAX_CELL_TEXT);
  expect(longest.endsWith('…')).toBe(true);
  expect(longest.startsWith('第1号供电所第一党支部党小组')).toBe(true);
});

test('warnings sheet: 逾期未整改, 待整改 first, then leader warnings, notices, then 已销号 and history (整改未见效, 已整改) — each in time order', async () => {
  const items = DEFAULT_RUBRIC.items.map((i) => `${i.code}.${i.name}`);
  const s = (total: number) => {
    let lose = 10000 - Math.round(total * 100);
    return DEFAULT_RUBRIC.items
      .slice()
      .reverse()
      .map((i) => {
        const l = Math.min(lose, i.max);
        lose -= l;
        return (i.max - l) / 100;
      })
      .reverse();
  };
  const wb: WorkbookSnapshot = {
    sheets: [
      sheet('评分表', [
        ['年度', '半年度', '党小组', ...items],
        [2024, '上半年', '已整改组', ...s(70)],
        [2024, '下半年', '已整改组', ...s(90)],
        [2024, '上半年', '未见效组', ...s(70)],
        [2024, '下半年', '未见效组', ...s(72)],
        [2025, '上半年', '逾期组', ...s(65)],
        [2025, '下半年', '待整改组', ...s(75)],
      ]),
    ],
  };
  const { patch } = await assessWorkbook(new MemoryHost(wb), { now: () => new Date('2026-01-20T10:00:00+08:00'), asOf: '2026-01-20' });
  const w = byName(patch, '预警与整改');
  const rows = table(w).map((r) => [r['整改状态'], r['预警类型'], r['考评期'], r['党小组']]);
  expect(rows).toEqual([
    ['逾期未整改', '限期整改', '2024年下半年', '未见效组'],
    ['逾期未整改', '限期整改', '2025年上半年', '逾期组'],
    ['待整改', '限期整改', '2025年下半年', '待整改组'],
    [null, '党小组长履职预警', '2024年下半年', '未见效组'],
    [null, '年度考评不全', '2025年度', '逾期组'],
    [null, '年度考评不全', '2025年度', '待整改组'],
    ['整改未见效（已转入下期整改）', '限期整改', '2024年上半年', '未见效组'],
    ['已整改（2024年下半年考评等次为合格）', '限期整改', '2024年上半年', '已整改组'],
  ]);
  expect(w.values.flat()).toContain('严重1条，一般5条，提示2条；逾期未整改2条，待整改1条，已销号待下次考评检验0条（整改状态截至2026年1月20日）');
});
