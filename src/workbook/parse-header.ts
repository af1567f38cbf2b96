/**
 * Score-table recognition: header labels (Chinese or English, any order, NFKC-folded), one- and
 * two-row headers with merged cells, the table's period from the sheet name or a title row.
 */
import { itemNameMsg } from '../i18n/rubric';
import { AssessError } from '../domain/errors';
import { shortItemName } from '../domain/rubric';
import type { Period, Rubric } from '../domain/types';
import { a1 } from '../domain/cell-ref';
import { foldText, parsePeriod } from './cells';
import { serialToIso } from './sheet-builder';
import type { Grid } from './parse-grid';
import type { CellValue } from './snapshot';
import { CONFIG_CODES } from '../i18n/config';

export type Field =
  | 'group'
  | 'year'
  | 'half'
  | 'period'
  | 'leader'
  | 'liaison'
  | 'total'
  | 'eligible'
  | 'veto'
  | 'notes'
  | 'ignore';

export interface TableColumns {
  group: number;
  year?: number;
  half?: number;
  period?: number;
  leader?: number;
  liaison?: number;
  total?: number;
  eligible?: number;
  veto?: number;
  notes?: number;
  /** Column per rubric item, aligned with rubric.items. */
  items: number[];
}

export interface TableInfo {
  sheet: string;
  /** 0-based rows. */
  headerTop: number;
  headerBottom: number;
  firstDataRow: number;
  lastDataRow: number;
  /** Period from the sheet name or a title row above the header, when there is one. */
  period: Period | null;
  /** The unit named in a title row above the header (城区供电中心线路工区党支部), or ''. */
  unit: string;
  /** 考评时间 as a line above the header states it (YYYY-MM-DD), or null. */
  assessedOn: string | null;
  columns: TableColumns;
}

/** The date a score sheet states its assessment was held (考评时间), for the period of its records. */
export interface AssessedOn {
  period: Period;
  /** YYYY-MM-DD */
  date: string;
}

/** A header label as a matching key: NFKC, lower case, no parenthesised parts, no spaces or colons. */
export function headerKey(text: string): string {
  return foldText(text)
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s:：*]/g, '');
}

const FIELD_WORDS: Record<Exclude<Field, 'ignore'>, string[]> = {
  group: ['党小组', '小组名称', '党小组名称', '小组', 'group', 'groupname', 'partygroup'],
  year: ['年度', '年份', '考评年度', 'year'],
  half: ['半年度', '半年', '上下半年', 'half', 'halfyear'],
  period: ['考评期', '考评期间', '考评时段', '期间', 'period', 'assessmentperiod'],
  leader: ['党小组长', '组长', '小组长', 'leader', 'groupleader', 'partygroupleader'],
  liaison: ['联系支委', '指导支委', '联系支部委员', 'liaison', 'committeeliaison', 'liaisoncommitteemember'],
  total: ['合计', '总分', '总计', '合计得分', '得分合计', '总得分', 'total', 'totalscore', 'sum'],
  eligible: ['评先资格', '评优资格', '评先', 'eligible', 'eligibility', 'awardeligibility'],
  veto: ['一票否决', '否决', '一票否决事项', 'veto', 'one-voteveto', 'onevoteveto'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks', 'remark', 'comments', 'comment'],
};
const IGNORE_WORDS = ['序号', 'no.', 'no', '#', 'seq', 'number', '编号'];

const FIELD_OF = new Map<string, Field>();
for (const [field, words] of Object.entries(FIELD_WORDS) as [Field, string[]][]) {
  for (const w of words) FIELD_OF.set(w, field);
}
for (const w of IGNORE_WORDS) FIELD_OF.set(w, 'ignore');

/** Header label → field or item index, for one rubric. */
export class HeaderMatcher {
  private readonly items = new Map<string, number>();
  private readonly codes = new Map<string, number>();

  constructor(rubric: Rubric) {
    rubric.items.forEach((item, i) => {
      const code = headerKey(item.code);
      this.codes.set(code, i);
      for (const k of [code, `第${code}项`, `第${code}条`, `item${code}`, `条款${code}`, `项目${code}`]) this.items.set(k, i);
      for (const name of [item.name, shortItemName(item.name)]) {
        const k = headerKey(name);
        if (k && !this.items.has(k)) this.items.set(k, i);
      }
    });
  }

  /** A field name, an item index (number), or null when the label is not recognised. */
  classify(v: CellValue): Field | number | null {
    if (v === null || v === '') return null;
    if (typeof v === 'number') {
      return Number.isInteger(v) ? (this.codes.get(String(v)) ?? null) : null;
    }
    if (typeof v !== 'string') return null;
    const k = headerKey(v);
    if (!k) return null;
    const f = FIELD_OF.get(k);
    if (f) return f;
    const i = this.items.get(k);
    if (i !== undefined) return i;
    // "1.政治理论学习", "第1项 政治理论学习", "1、组织生活", "Item 1: Study"
    const m = /^(?:第|item)?(\d+)(?:项|条)?[.、,)\-_]?(\D.*)$/.exec(k);
    if (m) {
      const byCode = this.codes.get(m[1]);
      if (byCode !== undefined) return byCode;
    }
    return null;
  }
}

interface Candidate {
  cols: Partial<Record<Exclude<Field, 'ignore'>, number>>;
  items: (number | undefined)[];
  /** Item index → every column it was found in (for duplicates). */
  itemCols: Map<number, number[]>;
  itemCount: number;
  width: number;
}

function classifyRows(grid: Grid, m: HeaderMatcher, nItems: number, top: number, bottom: number | null): Candidate {
  const width = bottom === null ? grid.width(top) : grid.width(top, bottom);
  const cand: Candidate = { cols: {}, items: new Array<number | undefined>(nItems), itemCols: new Map(), itemCount: 0, width };
  for (let c = 0; c < width; c++) {
    let cls = bottom === null ? null : m.classify(grid.get(bottom, c));
    if (cls === null) cls = m.classify(grid.get(top, c));
    if (cls === null || cls === 'ignore') continue;
    if (typeof cls === 'number') {
      const list = cand.itemCols.get(cls);
      if (list) list.push(c);
      else {
        cand.itemCols.set(cls, [c]);
        cand.items[cls] = c;
        cand.itemCount++;
      }
    } else if (cand.cols[cls] === undefined) {
      cand.cols[cls] = c;
    }
  }
  return cand;
}

/** Fewer matched items than this and a sheet is not a score table (a roster, a notes sheet…). */
const MIN_ITEMS = 3;
/** How far down a sheet the header is looked for. */
const HEADER_SCAN_ROWS = 40;

function valid(c: Candidate | null): c is Candidate {
  return c !== null && c.cols.group !== undefined && c.itemCount >= MIN_ITEMS;
}

/**
 * The score table's header of a sheet, or null when the sheet has none. Throws a config error when a
 * header is recognised but lacks items or has an item twice.
 */
export function findHeader(
  grid: Grid,
  matcher: HeaderMatcher,
  rubric: Rubric,
): { top: number; bottom: number; columns: TableColumns } | null {
  const n = rubric.items.length;
  const aspects = new Set(rubric.items.map((it) => headerKey(it.aspect)).filter((k) => k !== ''));
  const limit = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    if (!grid.values[r] || grid.values[r].length === 0) {
      if (!grid.hasMerges) continue;
    }
    const single = classifyRows(grid, matcher, n, r, null);
    let double: Candidate | null = null;
    if (r + 1 < grid.rowCount) {
      double = classifyRows(grid, matcher, n, r, r + 1);
      // The lower header row must not be a data row: its group cell is empty or the group label.
      const gc = double.cols.group;
      if (gc !== undefined) {
        const below = grid.get(r + 1, gc);
        if (below !== null && below !== '' && matcher.classify(below) !== 'group') double = null;
      }
      // A title directly above a one-row header is not the header's upper row.
      if (double && !upperHeaderRow(grid, matcher, aspects, r, double.width)) double = null;
    }
    let pick: Candidate | null = null;
    let bottom = r;
    if (valid(double) && (!valid(single) || double.itemCount > single.itemCount)) {
      pick = double;
      bottom = r + 1;
    } else if (valid(single)) {
      pick = single;
    }
    if (!pick) continue;
    checkItems(grid, rubric, pick, r, bottom);
    const { cols } = pick;
    return {
      top: r,
      bottom,
      columns: { ...cols, group: cols.group as number, items: pick.items as number[] },
    };
  }
  return null;
}

/** Words of a form's title or of a line above the table (…党小组工作考评表, 考评时间：…), never of a header cell. */
const TITLE_WORDS = /(考评|考核|评分|评议|测评)(表|时间|日期)|党小组.*(考评|考核|评分)|assess(ed|ment)?\s*(form|on|date)/i;

/**
 * Whether row r can be the upper row of a two-row header: some cell is a header word (a field, an item or
 * one of the rubric's aspects), or it holds several labels none of which reads like a title. One text over
 * the whole row (第二党支部党小组工作考评表, merged across the table) or a title line is a title, not a header.
 */
function upperHeaderRow(grid: Grid, matcher: HeaderMatcher, aspects: ReadonlySet<string>, r: number, width: number): boolean {
  const texts = new Set<string>();
  for (let c = 0; c < width; c++) {
    const v = grid.get(r, c);
    if (v === null || v === '') continue;
    if (matcher.classify(v) !== null) return true;
    const text = typeof v === 'string' ? foldText(v).trim() : String(v);
    if (aspects.has(headerKey(text))) return true;
    if (TITLE_WORDS.test(text.replace(/\s+/g, ''))) return false;
    texts.add(text);
  }
  return texts.size > 1;
}

function checkItems(grid: Grid, rubric: Rubric, cand: Candidate, top: number, bottom: number): void {
  const where = `${grid.name}!${a1(top, 0)}:${a1(bottom, Math.max(0, cand.width - 1))}`;
  for (const [i, cols] of cand.itemCols) {
    if (cols.length > 1) {
      const item = rubric.items[i];
      const letters = cols.map((c) => a1(bottom, c).replace(/\d+$/, ''));
      throw new AssessError(
        'config',
        CONFIG_CODES.tableDuplicateItem,
        { sheet: grid.name, code: item.code, item: itemNameMsg(item), cols: { zh: letters.join('、'), en: letters.join(', ') } },
        where,
      );
    }
  }
  const missing = rubric.items.filter((_, i) => cand.items[i] === undefined);
  if (missing.length > 0) {
    throw new AssessError(
      'config',
      CONFIG_CODES.tableMissingItems,
      {
        sheet: grid.name,
        row: top + 1,
        items: {
          zh: missing.map((it) => `${it.code}.${it.name}`).join('、'),
          en: missing.map((it) => `${it.code}.${itemNameMsg(it).en}`).join(', '),
        },
      },
      where,
    );
  }
}

/** The period a sheet's name or the title rows above its header carry, if any. */
export function tablePeriod(grid: Grid, headerTop: number): Period | null {
  const p = parsePeriod(grid.name);
  if (p && typeof p === 'object') return p;
  for (let r = 0; r < headerTop; r++) {
    const row = grid.values[r];
    if (!row) continue;
    for (const v of row) {
      if (typeof v === 'string') {
        const q = parsePeriod(v);
        if (q && typeof q === 'object') return q;
      }
    }
  }
  return null;
}

/**
 * The unit a score sheet's title names: the text before 党小组 in the first title line above the header
 * that reads like a form's title (城区供电中心线路工区党支部党小组工作考评表（2023年上半年） →
 * 城区供电中心线路工区党支部), without periods, years or bracketed parts. '' when there is none.
 */
export function titleUnit(grid: Grid, headerTop: number): string {
  for (let r = 0; r < headerTop; r++) {
    const row = grid.values[r];
    if (!row) continue;
    for (const v of row) {
      if (typeof v !== 'string') continue;
      const text = foldText(v).replace(/\s+/g, '');
      const at = text.indexOf('党小组');
      if (at <= 0 || !/考评|考核|评分/.test(text.slice(at))) continue;
      const unit = text
        .slice(0, at)
        .replace(/[(（][^)）]*[)）]/g, '')
        .replace(/\d{4}年(度)?([上下]半年)?|[上下]半年/g, '')
        .replace(/^[《“"]+|[》”"]+$/g, '');
      return unit;
    }
  }
  return '';
}

/** 考评时间 / 考评日期 / 考核时间 / Assessed on / Assessment date, as the label of a date line. */
const DATE_LABEL = /(考评|考核|评议)(时间|日期)|assess(ed|ment)?\s*(on|date)/i;
const DATE_ZH = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/;
const DATE_ISO = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/;

/** A written date (2026年1月8日, 2026-01-08, 2026/1/8) or a date serial as YYYY-MM-DD; null when none or no such day. */
function dateIn(v: CellValue | undefined): string | null {
  if (typeof v === 'number') return v >= 36526 && v < 73051 ? serialToIso(v) : null;
  if (typeof v !== 'string') return null;
  const text = foldText(v);
  const m = DATE_ZH.exec(text) ?? DATE_ISO.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return day.toISOString().slice(0, 10);
}

/**
 * 考评时间 as a line above the score table states it: a cell “考评时间：2026年1月8日” (or 考评日期,
 * 2026-01-08, 2026/1/8), or a cell “考评时间” with the date in a cell to its right (text or a date).
 * null when no line above the header says it.
 */
export function titleDate(grid: Grid, headerTop: number): string | null {
  for (let r = 0; r < headerTop; r++) {
    const row = grid.values[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const label = DATE_LABEL.exec(foldText(v));
      if (!label) continue;
      const here = dateIn(foldText(v).slice(label.index + label[0].length));
      if (here) return here;
      for (let k = c + 1; k < row.length; k++) {
        if (row[k] === null || row[k] === '') continue;
        const next = dateIn(row[k]);
        if (next) return next;
        break;
      }
    }
  }
  return null;
}
