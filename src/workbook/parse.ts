/**
 * From a workbook snapshot to typed rows, rubric, rules and data issues (SPEC §2.1, §2.3, §2.7, §3).
 *
 * Decisions (SPEC is silent):
 * - Sheets skipped: the meta sheet, the add-in's own output sheets, 考评细则/Rubric and 考评规则/Rules.
 *   Every other sheet whose header is recognised (a 党小组 column and ≥ 3 item columns within its first
 *   40 rows) is a score table; one table per sheet.
 * - A recognised header that lacks some items, or names an item twice, is a config error naming the
 *   header rows. No score table anywhere is a config error telling the user to use the template.
 * - Rows of a table run from under the header to the first signature/note line (填表人：, 审核：, 注：,
 *   日期：…) or a note merged across the table; summary rows (合计/平均…) are skipped.
 * - A row with no group, no item score and no hand total is not a data row (e.g. a template line with
 *   only its 序号, or a remark) and is ignored.
 * - Period of a row: its 考评期 column, else its year + half columns, each falling back to the sheet's
 *   period (sheet name, else a title row above the header) when the cell is empty. A non-empty cell
 *   that names no period is PERIOD_UNKNOWN (not graded); a year outside 2000–2100 is YEAR_OUT_OF_RANGE.
 * - Unrecognised 评先资格 text: ELIGIBLE_UNKNOWN issue, the row stays gradable, the group counts as
 *   eligible. A non-numeric hand total: TOTAL_NOT_NUMBER, informational (the row is still graded).
 * - inputSheets: every sheet that is neither owned nor the meta sheet (the sheets the fingerprint covers).
 * - A sheet whose merged cells the host cannot read (mergesUnknown: Excel before ExcelApi 1.13) reads a merged
 *   cell as its first cell with blanks under it. So, on such a sheet only, a blank 年度/半年度/考评期/党小组/
 *   党小组长/联系支委 cell of a record right under a record whose cell is filled is MERGED_CELL_UNREAD, naming
 *   the range from the filled cell down to the last such blank and the remedy (unmerge and fill every cell, or
 *   assess on the workbook page or with `assess`). A record missing its group or period so is not graded (the
 *   issue takes the place of GROUP_MISSING/PERIOD_UNKNOWN, and a sheet's own period is not assumed for it); a
 *   blank 党小组长/联系支委 is reported and the record graded.
 */
import { a1 } from '../domain/cell-ref';
import { AssessError } from '../domain/errors';
import { DEFAULT_RUBRIC, rubricTotal } from '../domain/rubric';
import { DEFAULT_RULES } from '../domain/rules';
import { periodIndex } from '../domain/periods';
import type { CellRef, DataIssue, IssueCode, Period, Rubric, Rules, ScoreRow } from '../domain/types';
import {
  cellText,
  dateOfSerial,
  foldText,
  isBlank,
  parseEligible,
  parseHalf,
  parseHundredths,
  parsePeriod,
  parseScore,
  parseYear,
  pointsText,
  readVeto,
} from './cells';
import { fingerprint } from './fingerprint';
import { META_SHEET, ownedSheets, readMeta } from './meta';
import type { RunMeta } from './meta';
import { isRubricSheet, isRulesSheet, lineKind, parseRubricSheet, parseRulesSheet } from './parse-config';
import { Grid } from './parse-grid';
import { findHeader, HeaderMatcher, tablePeriod, titleDate, titleUnit } from './parse-header';
import type { AssessedOn } from './parse-header';
import type { TableInfo } from './parse-header';
import type { CellValue, WorkbookSnapshot } from './snapshot';
import { CONFIG_CODES } from '../i18n/config';

export type { TableInfo } from './parse-header';

export interface ParsedWorkbook {
  rubric: Rubric;
  rules: Rules;
  rows: ScoreRow[];
  issues: DataIssue[];
  tables: TableInfo[];
  /** Sheets the add-in owns (outputs of the last run and the meta sheet). */
  owned: Set<string>;
  meta: RunMeta | null;
  /** Fingerprint of the inputs (every sheet not owned). */
  fingerprint: string;
  /** Sheets read as inputs: every sheet neither owned nor the meta sheet, in workbook order. */
  inputSheets: string[];
  /**
   * The unit for the printed tables' titles: the 单位名称 rule, else the unit named in the title row of
   * the latest score sheet that has one (城区供电中心线路工区党支部), else ''.
   */
  unit: string;
  /**
   * 考评时间 as the score sheets state it (a line above the table): for each table that states one, the
   * date and the period of its records (the table's own period, else the latest among its records).
   */
  assessedOn: AssessedOn[];
}

/**
 * The inputs (every sheet the add-in does not own) and the configuration they carry: the workbook's
 * 考评细则 or the default rubric, its 考评规则 or the default rules. Throws a configuration error naming the cell.
 */
export function parseConfig(snapshot: WorkbookSnapshot): {
  owned: Set<string>;
  inputs: WorkbookSnapshot['sheets'];
  rubric: Rubric;
  rules: Rules;
} {
  const owned = ownedSheets(snapshot);
  const inputs = snapshot.sheets.filter((s) => !owned.has(s.name) && s.name !== META_SHEET);
  const rubricSheet = inputs.find((s) => isRubricSheet(s.name));
  const rubric = rubricSheet ? parseRubricSheet(new Grid(rubricSheet)) : DEFAULT_RUBRIC;
  const rulesSheet = inputs.find((s) => isRulesSheet(s.name));
  const rules = rulesSheet ? parseRulesSheet(new Grid(rulesSheet), rubricTotal(rubric)) : { ...DEFAULT_RULES };
  return { owned, inputs, rubric, rules };
}

export function parseWorkbook(snapshot: WorkbookSnapshot): ParsedWorkbook {
  const meta = readMeta(snapshot);
  const { owned, inputs, rubric, rules } = parseConfig(snapshot);

  const matcher = new HeaderMatcher(rubric);
  const rows: ScoreRow[] = [];
  const issues: DataIssue[] = [];
  const tables: TableInfo[] = [];
  for (const sheet of inputs) {
    if (isRubricSheet(sheet.name) || isRulesSheet(sheet.name)) continue;
    const grid = new Grid(sheet);
    const head = findHeader(grid, matcher, rubric);
    if (!head) continue;
    const table: TableInfo = {
      sheet: sheet.name,
      headerTop: head.top,
      headerBottom: head.bottom,
      firstDataRow: head.bottom + 1,
      lastDataRow: head.bottom,
      period: tablePeriod(grid, head.top),
      unit: titleUnit(grid, head.top),
      // Up to the header's last row: a lone line right above a one-row header may be taken for a two-row header's upper row.
      assessedOn: titleDate(grid, head.bottom),
      columns: head.columns,
    };
    readRows(grid, table, rubric, rows, issues);
    tables.push(table);
  }
  if (tables.length === 0) throw new AssessError('config', CONFIG_CODES.noScoreTable, {}, null);

  return {
    rubric,
    rules,
    rows,
    issues,
    tables,
    owned,
    meta,
    fingerprint: fingerprint(snapshot, owned),
    inputSheets: inputs.map((s) => s.name),
    unit: rules.unitName || unitOfTables(tables),
    assessedOn: assessedOnOf(tables, rows),
  };
}

/** 考评时间 by period: a table's own period, else the latest period among its records; the first table stating one wins. */
function assessedOnOf(tables: TableInfo[], rows: ScoreRow[]): AssessedOn[] {
  const out: AssessedOn[] = [];
  for (const t of tables) {
    if (!t.assessedOn) continue;
    let period = t.period;
    if (!period) {
      for (const r of rows) if (r.source.sheet === t.sheet && r.period && (!period || periodIndex(r.period) > periodIndex(period))) period = r.period;
    }
    if (period && !out.some((x) => x.period.year === period!.year && x.period.half === period!.half)) out.push({ period, date: t.assessedOn });
  }
  return out;
}

/** The unit named by the latest table's title row (tables without a period count as oldest). */
function unitOfTables(tables: TableInfo[]): string {
  let best: TableInfo | null = null;
  for (const t of tables) {
    if (!t.unit) continue;
    const key = t.period ? t.period.year * 2 + t.period.half : -1;
    const bestKey = best?.period ? best.period.year * 2 + best.period.half : -1;
    if (!best || key >= bestKey) best = t;
  }
  return best?.unit ?? '';
}

function yearIn(text: string): number | string {
  const m = /(?:^|\D)(\d{4})(?!\d)/.exec(foldText(text));
  return m ? Number(m[1]) : text;
}

/** Read the data rows of one table, appending rows and issues. */
function readRows(grid: Grid, table: TableInfo, rubric: Rubric, rows: ScoreRow[], issues: DataIssue[]): void {
  const sheet = grid.name;
  const cols = table.columns;
  const itemCols = cols.items;
  const n = itemCols.length;
  const maxes = rubric.items.map((it) => it.max);
  const gc = cols.group;
  const ref = (row: number, col: number): CellRef => ({ sheet, row, col });
  const opt = (r: number, c: number | undefined): CellValue => (c === undefined ? null : grid.get(r, c));
  const itemParams = rubric.items.map((it) => ({ code: it.code, item: it.name, max: pointsText(it.max) }));
  const merged = mergeWatch(grid, table);
  const periodCols = [cols.year, cols.half, cols.period];

  for (let r = table.firstDataRow; r < grid.rowCount; r++) {
    const raw = grid.values[r];
    if ((!raw || raw.length === 0) && !grid.hasMerges) continue;

    // Lines that end the table (signatures, notes) and summary rows.
    const groupV = grid.get(r, gc);
    let firstText: CellValue = null;
    if (raw) {
      for (let c = 0; c < raw.length; c++) {
        if (!isBlank(raw[c])) {
          firstText = raw[c];
          break;
        }
      }
    }
    const groupKind = lineKind(groupV);
    const firstKind = firstText === groupV ? groupKind : lineKind(firstText);
    if (groupKind === 'footer' || firstKind === 'footer') break;
    if (!isBlank(groupV) && isBlank(grid.raw(r, gc))) {
      // The group cell is empty but inside a merged area: a note merged across the table ends it.
      const m = grid.master(r, gc);
      if (m && m.row === r && typeof groupV === 'string' && itemCols.some((c) => grid.master(r, c)?.row === r)) break;
    }
    if (groupKind === 'summary' || firstKind === 'summary') continue;

    // Scores.
    let filled = 0;
    for (let i = 0; i < n; i++) if (!isBlank(grid.get(r, itemCols[i]))) filled++;
    const totalV = opt(r, cols.total);
    const hasGroup = !isBlank(groupV);
    if (!hasGroup && filled === 0 && isBlank(totalV)) continue; // not a data row

    table.lastDataRow = r;
    const rowIssues: DataIssue[] = [];
    const issue = (code: IssueCode, row: number, col: number, v: CellValue, params: Record<string, string | number> = {}) =>
      rowIssues.push({ code, cell: ref(row, col), value: cellText(v), params });
    let bad = false;
    // Blanks a merged cell would leave, where the host could not read merges: said, never taken for empty cells.
    const unread = merged.row(r);
    for (const c of unread) {
      const params = { column: merged.header(c), range: '' };
      merged.note(c, params);
      issue('MERGED_CELL_UNREAD', r, c, null, params);
    }
    const scores: (number | null)[] = new Array<number | null>(n);
    for (let i = 0; i < n; i++) {
      const v = grid.get(r, itemCols[i]);
      const s = parseScore(v, maxes[i]);
      if (typeof s === 'number') {
        scores[i] = s;
        continue;
      }
      scores[i] = null;
      if (s === 'missing' && filled === 0) continue; // pending: all blank
      bad = true;
      const code: IssueCode =
        s === 'missing'
          ? 'SCORE_MISSING'
          : s === 'not_number'
            ? 'SCORE_NOT_NUMBER'
            : s === 'error_value'
              ? 'SCORE_ERROR_VALUE'
              : s === 'no_result'
                ? 'SCORE_NO_RESULT'
                : s === 'too_precise'
                  ? 'SCORE_TOO_PRECISE'
                  : 'SCORE_OUT_OF_RANGE';
      const date = code === 'SCORE_OUT_OF_RANGE' ? dateOfSerial(v) : null;
      issue(code, r, itemCols[i], v, date ? { ...itemParams[i], date } : itemParams[i]);
    }

    const group = hasGroup ? cellText(groupV) : '';
    if (!hasGroup) {
      bad = true;
      if (!unread.includes(gc)) issue('GROUP_MISSING', r, gc, null);
    }

    // Period (not guessed from the sheet when a merged period cell could not be read).
    const period = periodCols.some((c) => c !== undefined && unread.includes(c)) ? null : rowPeriod(grid, table, r, issue);
    if (!period) bad = true;

    // Hand total.
    let handTotal: number | null = null;
    let handTotalCell: CellRef | null = null;
    if (cols.total !== undefined && !isBlank(totalV)) {
      handTotalCell = ref(r, cols.total);
      const h = parseHundredths(totalV);
      if (typeof h === 'number') handTotal = h;
      else if (h === 'too_precise' && typeof totalV === 'number') handTotal = Math.round(totalV * 100);
      else if (h !== 'no_result') issue('TOTAL_NOT_NUMBER', r, cols.total, totalV);
      // A total formula the file holds no result for cannot be checked; grading uses the item sum anyway.
    }

    // Eligibility and veto.
    let eligible = true;
    if (cols.eligible !== undefined) {
      const ev = grid.get(r, cols.eligible);
      const e = parseEligible(ev);
      if (e === 'unknown') issue('ELIGIBLE_UNKNOWN', r, cols.eligible, ev);
      else eligible = e;
    }
    let veto: string | null = null;
    if (cols.veto !== undefined) {
      const vv = grid.get(r, cols.veto);
      // Neither clearly no nor clearly yes (待定, 有？, an error value, a formula without a result): the
      // row waits for the cell.
      const reading = readVeto(vv);
      if (reading.kind === 'unreadable') {
        bad = true;
        issue('VETO_UNREADABLE', r, cols.veto, vv);
      } else if (reading.kind === 'veto') veto = reading.reason;
    }

    const text = (c: number | undefined) => {
      const v = opt(r, c);
      return isBlank(v) ? '' : foldText(cellText(v));
    };
    rows.push({
      source: ref(r, gc),
      period,
      group,
      groupKey: foldText(group),
      leader: text(cols.leader),
      liaison: text(cols.liaison),
      notes: cols.notes === undefined || isBlank(opt(r, cols.notes)) ? '' : cellText(opt(r, cols.notes)),
      scores,
      handTotal,
      handTotalCell,
      veto,
      eligible,
      bad,
      pending: hasGroup && filled === 0,
    });
    for (const i of rowIssues) issues.push(i);
  }
  merged.close();
}

/**
 * Where the host could not read merged areas (Grid.mergesUnknown): per watched column, the run of records
 * whose cell is blank right under a record whose cell is filled — what a vertical merge looks like then.
 * `row(r)` is called for every record in order; a row that is not a record (skipped) ends every run.
 */
function mergeWatch(grid: Grid, table: TableInfo) {
  const cols = table.columns;
  const watched = grid.mergesUnknown
    ? [cols.year, cols.half, cols.period, cols.group, cols.leader, cols.liaison].filter((c): c is number => c !== undefined)
    : [];
  // Per column: the row of the filled cell heading the run, and the params of the run's issues (their range is set when it ends).
  const runs = new Map<number, { top: number; bottom: number; params: Array<Record<string, string | number>> }>();
  let last = -2;
  const end = (c: number) => {
    const run = runs.get(c);
    if (run) for (const p of run.params) p.range = `${a1(run.top, c)}:${a1(run.bottom, c)}`;
    runs.delete(c);
  };
  return {
    row(r: number): number[] {
      const out: number[] = [];
      for (const c of watched) {
        const run = runs.get(c);
        if (!isBlank(grid.raw(r, c))) {
          end(c);
          runs.set(c, { top: r, bottom: r, params: [] });
        } else if (run && last === r - 1) {
          run.bottom = r;
          out.push(c);
        } else end(c);
      }
      last = r;
      return out;
    },
    note(c: number, params: Record<string, string | number>): void {
      runs.get(c)?.params.push(params);
    },
    /** The column's header as the sheet writes it (the lowest non-blank header cell). */
    header(c: number): string {
      for (let r = table.headerBottom; r >= table.headerTop; r--) {
        const v = grid.get(r, c);
        if (!isBlank(v)) return cellText(v).trim();
      }
      return '';
    },
    close(): void {
      for (const c of [...runs.keys()]) end(c);
    },
  };
}

type IssueFn = (code: IssueCode, row: number, col: number, v: CellValue, params?: Record<string, string | number>) => void;

/** The row's period, or null after reporting why there is none. */
function rowPeriod(grid: Grid, table: TableInfo, r: number, issue: IssueFn): Period | null {
  const cols = table.columns;
  let year: number | null = null;
  let half: 1 | 2 | null = null;

  // A 考评期 (or a 半年度 cell holding a whole period such as 2024年上半年).
  for (const c of [cols.period, cols.half]) {
    if (c === undefined) continue;
    const v = grid.get(r, c);
    if (isBlank(v)) continue;
    const p = parsePeriod(v);
    if (p === 'year_out_of_range') {
      issue('YEAR_OUT_OF_RANGE', r, c, v, { year: yearIn(cellText(v)) });
      return null;
    }
    if (p) return p;
    const h = parseHalf(v);
    if (h === null) {
      issue('PERIOD_UNKNOWN', r, c, v);
      return null;
    }
    half = h;
  }

  if (cols.year !== undefined) {
    const v = grid.get(r, cols.year);
    if (!isBlank(v)) {
      const y = parseYear(v);
      if (y === 'out_of_range') {
        issue('YEAR_OUT_OF_RANGE', r, cols.year, v, { year: yearIn(cellText(v)) });
        return null;
      }
      if (y === null) {
        issue('PERIOD_UNKNOWN', r, cols.year, v);
        return null;
      }
      year = y;
    }
  }
  if (year === null && table.period) year = table.period.year;
  if (half === null && table.period) half = table.period.half;
  if (year !== null && half !== null) return { year, half };

  // Name the most telling cell: the period/half/year cell of the row, else the group cell with the sheet name.
  const c =
    year === null && cols.year !== undefined
      ? cols.year
      : half === null && (cols.half ?? cols.period) !== undefined
        ? (cols.half ?? cols.period)
        : [cols.period, cols.half, cols.year].find((x) => x !== undefined);
  if (c !== undefined) issue('PERIOD_UNKNOWN', r, c, grid.get(r, c));
  else issue('PERIOD_UNKNOWN', r, cols.group, grid.get(r, cols.group), { sheet: grid.name });
  return null;
}
