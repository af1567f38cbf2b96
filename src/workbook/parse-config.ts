/**
 * The office's own rubric (考评细则 / Rubric) and rules (考评规则 / Rules) sheets, validated with zod.
 * Any invalid entry is an AssessError('config') naming the cell and saying what to do.
 */
import '../domain/zod-jitless';
import { z } from 'zod';
import { AssessError } from '../domain/errors';
import { DEFAULT_RULES, RULE_KEYS, RULE_TEXT_MAX, rulesSchema } from '../domain/rules';
import type { RuleKey, RuleKind } from '../domain/rules';
import type { Rubric, RubricItem, Rules } from '../domain/types';
import type { ConfigMsgId } from '../i18n/config';
import type { Params } from '../i18n';
import { a1 } from '../domain/cell-ref';
import { cellText, foldText, isBlank, parseHundredths, pointsText } from './cells';
import { headerKey } from './parse-header';
import { choiceWords, ruleFromCell } from './rule-values';
import { Grid } from './parse-grid';
import { META_SHEET, ownedSheets } from './meta';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { CONFIG_CODES } from '../i18n/config';

export const RUBRIC_SHEET_NAMES = ['考评细则', 'rubric'];
export const RULES_SHEET_NAMES = ['考评规则', 'rules'];

export function isRubricSheet(name: string): boolean {
  return RUBRIC_SHEET_NAMES.includes(foldText(name).toLowerCase());
}
export function isRulesSheet(name: string): boolean {
  return RULES_SHEET_NAMES.includes(foldText(name).toLowerCase());
}

/** Is the 考评规则 / Rules sheet's name the Chinese one (its keys are then written in Chinese)? */
export function isChineseRulesSheet(name: string): boolean {
  return foldText(name).toLowerCase() === RULES_SHEET_NAMES[0];
}

/** The 考评规则 / Rules sheet the reader reads (an input sheet, never one of the add-in's own), or null. */
export function findRulesSheet(snapshot: WorkbookSnapshot): string | null {
  const owned = ownedSheets(snapshot);
  return snapshot.sheets.find((s) => !owned.has(s.name) && s.name !== META_SHEET && isRulesSheet(s.name))?.name ?? null;
}

/** Lines under a table that are not data: signatures, dates, notes. */
export const FOOTER_RE =
  /^(填表人|填报人|填表|制表人?|审核人?|审批人?|批准人?|负责人|复核人?|统计人?|支部书记|书记|考评人|考核人|签字|签名|盖章|日期|填表日期|考评日期|报送日期|注|附注|说明|prepared ?by|checked ?by|approved ?by|reviewed ?by|date|note|notes|signature)\s*[:：]|^注\s*[0-9一二三、.:：]|^[(（]?以下空白/i;

export function isFooterText(v: CellValue): boolean {
  return typeof v === 'string' && FOOTER_RE.test(foldText(v));
}

function configError(id: ConfigMsgId, params: Params, where: string): AssessError {
  return new AssessError('config', CONFIG_CODES[id], params, where);
}

// ── Rubric ───────────────────────────────────────────────────────────────────────────────────────

type RubricCol = 'code' | 'aspect' | 'name' | 'max' | 'guide';
const RUBRIC_WORDS: Record<RubricCol, string[]> = {
  code: ['编号', '代码', 'code', '序号', '条款编号', '项目编号', 'no.', 'no'],
  aspect: ['方面', '考评方面', '类别', 'aspect', 'category'],
  name: ['考评内容', '项目', '考评项目', '内容', '条款', '考评条款', 'item', 'name'],
  max: ['分值', '满分', '分数', '标准分', 'max', 'points', 'maxpoints'],
  guide: ['评分标准', '考评标准', '标准', '评分细则', '评分说明', 'guide', 'criteria'],
};

interface RawItem {
  code: string;
  aspect: string;
  name: string;
  max: number | string;
  guide: string;
  row: number;
  maxText: string;
}

/** One rubric item, after cell parsing: zod checks each field and the whole list. */
const rubricItemSchema = z.object({
  code: z.string().min(1, { message: 'rubricCodeMissing' }),
  aspect: z.string().min(1, { message: 'rubricAspectMissing' }),
  name: z.string().min(1, { message: 'rubricNameMissing' }),
  max: z.number({ message: 'rubricMaxInvalid' }).int({ message: 'rubricMaxInvalid' }).positive({ message: 'rubricMaxInvalid' }),
});

const rubricSchema = z.array(rubricItemSchema).superRefine((items, ctx) => {
  if (items.length !== 12) {
    ctx.addIssue({ code: 'custom', message: 'rubricItemCount', path: [] });
    return;
  }
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (seen.has(it.code)) ctx.addIssue({ code: 'custom', message: 'rubricCodeDuplicate', path: [i, 'code'] });
    seen.add(it.code);
  });
  const total = items.reduce((s, it) => s + it.max, 0);
  if (total !== 10000) ctx.addIssue({ code: 'custom', message: 'rubricTotal', path: ['total'] });
});

function findColumns<K extends string>(
  grid: Grid,
  words: Record<K, string[]>,
  required: K[],
): { row: number; cols: Partial<Record<K, number>> } | null {
  const lookup = new Map<string, K>();
  for (const [k, ws] of Object.entries(words) as [K, string[]][]) for (const w of ws) lookup.set(w, k);
  const limit = Math.min(grid.rowCount, 20);
  for (let r = 0; r < limit; r++) {
    const cols: Partial<Record<K, number>> = {};
    const width = grid.width(r);
    for (let c = 0; c < width; c++) {
      const v = grid.get(r, c);
      if (typeof v !== 'string') continue;
      const k = lookup.get(headerKey(v));
      if (k !== undefined && cols[k] === undefined) cols[k] = c;
    }
    if (required.every((k) => cols[k] !== undefined)) return { row: r, cols };
  }
  return null;
}

const SUMMARY_WORDS = new Set(['合计', '总计', '小计', '平均', '平均分', '平均值', '均分', '汇总', '合计平均', 'total', 'sum', 'average', 'mean', 'subtotal']);

export function isSummaryText(v: CellValue): boolean {
  return typeof v === 'string' && SUMMARY_WORDS.has(foldText(v).toLowerCase().replace(/\s/g, ''));
}

/** A text cell that ends a table (signature, note) or marks a summary row (合计/平均), folding it once. */
export function lineKind(v: CellValue): 'footer' | 'summary' | null {
  if (typeof v !== 'string') return null;
  const f = foldText(v);
  if (FOOTER_RE.test(f)) return 'footer';
  if (f.length <= 12 && SUMMARY_WORDS.has(f.toLowerCase().replace(/\s/g, ''))) return 'summary';
  return null;
}

function codeText(v: CellValue): string {
  if (typeof v === 'number') return String(v);
  return isBlank(v) ? '' : foldText(cellText(v));
}

/** The rubric of a 考评细则 / Rubric sheet. */
export function parseRubricSheet(grid: Grid): Rubric {
  const sheet = grid.name;
  const head = findColumns(grid, RUBRIC_WORDS, ['code', 'aspect', 'name', 'max']);
  if (!head) throw configError('rubricHeaderMissing', { sheet }, `${sheet}!A1`);
  const cols = head.cols as Record<RubricCol, number> & { guide?: number };
  const raw: RawItem[] = [];
  let aspect = '';
  for (let r = head.row + 1; r < grid.rowCount; r++) {
    const codeV = grid.get(r, cols.code);
    const nameV = grid.get(r, cols.name);
    const maxV = grid.get(r, cols.max);
    const aspectV = grid.get(r, cols.aspect);
    if (isBlank(codeV) && isBlank(nameV) && isBlank(maxV) && isBlank(aspectV)) continue;
    if ([codeV, aspectV, nameV].some(isFooterText)) break;
    if ([codeV, aspectV, nameV].some(isSummaryText)) continue; // a 合计 row
    if (!isBlank(aspectV)) aspect = foldText(cellText(aspectV));
    const m = parseHundredths(maxV);
    raw.push({
      code: codeText(codeV),
      aspect,
      name: isBlank(nameV) ? '' : cellText(nameV).replace(/\s+/g, ' '), // as written (matched folded: headerKey)
      max: typeof m === 'number' ? m : 'invalid',
      maxText: cellText(maxV),
      guide: cols.guide === undefined || isBlank(grid.get(r, cols.guide)) ? '' : cellText(grid.get(r, cols.guide)),
      row: r,
    });
  }
  const res = rubricSchema.safeParse(raw);
  if (!res.success) {
    // The most precise problem first: a cell of an item, then the list as a whole.
    const issue = res.error.issues.find((i) => typeof i.path[0] === 'number') ?? res.error.issues[0];
    const id = issue.message as ConfigMsgId;
    const idx = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
    const item = idx >= 0 ? raw[idx] : undefined;
    const colOf: Record<string, number> = { code: cols.code, aspect: cols.aspect, name: cols.name, max: cols.max };
    if (item) {
      const field = String(issue.path[1] ?? 'code');
      return fail(id, { sheet, code: item.code, row: item.row + 1, value: item.maxText }, `${sheet}!${a1(item.row, colOf[field] ?? cols.code)}`);
    }
    const first = raw.length ? raw[0].row : head.row + 1;
    const last = raw.length ? raw[raw.length - 1].row : head.row + 1;
    if (id === 'rubricTotal') {
      const total = raw.reduce((s, it) => s + (typeof it.max === 'number' ? it.max : 0), 0);
      return fail(id, { sheet, total: pointsText(total) }, `${sheet}!${a1(first, cols.max)}:${a1(last, cols.max)}`);
    }
    return fail(id, { sheet, count: raw.length }, `${sheet}!${a1(first, cols.code)}:${a1(last, cols.code)}`);
  }
  const items: RubricItem[] = raw.map((it) => {
    const out: RubricItem = { code: it.code, aspect: it.aspect, name: it.name, max: it.max as number };
    if (it.guide) out.guide = it.guide;
    return out;
  });
  return { items, source: 'sheet', sheet };
}

function fail(id: ConfigMsgId, params: Params, where: string): never {
  throw configError(id, params, where);
}

// ── Rules ────────────────────────────────────────────────────────────────────────────────────────

/** A header row's first cell: the template writes 项目 / Setting (用语表); older sheets say 键, 规则 or Key — still read. */
const RULES_HEADER_KEYS = new Set(['项目', '规则', '规则名称', '键', '参数', '设置', '设置项', '名称', 'key', 'rule', 'rules', 'setting', 'name', 'item']);
const THRESHOLDS: readonly RuleKey[] = RULE_KEYS.filter((k) => k.kind === 'points').map((k) => k.key);

function ruleLabel(key: RuleKey): { key: string; keyEn: string } {
  return { key: RULE_KEYS.find((k) => k.key === key)?.zh ?? key, keyEn: key };
}

/** A row of a 考评规则 / Rules sheet that holds a key: its first non-blank cell is the key, the next the value. */
interface RuleRow {
  row: number;
  /** The key's column; the value is in the next one. */
  col: number;
  keyV: CellValue;
  valueV: CellValue;
  /** The rule the key names; null for a key the reader does not know. */
  def: { key: RuleKey; kind: RuleKind; zh: string } | null;
  /** The key is written in Chinese (优秀分数线), not in English (excellentMin). */
  zh: boolean;
}

/** The key rows of a 考评规则 / Rules sheet as the reader reads them (header and signature lines skipped). */
function* ruleRows(grid: Grid): Generator<RuleRow> {
  const byKey = new Map<string, { def: RuleRow['def']; zh: boolean }>();
  for (const k of RULE_KEYS) {
    byKey.set(headerKey(k.zh), { def: k, zh: true });
    byKey.set(k.key.toLowerCase(), { def: k, zh: false });
  }
  for (let r = 0; r < grid.rowCount; r++) {
    const row = grid.values[r];
    if (!row) continue;
    let k = 0;
    while (k < row.length && isBlank(row[k])) k++;
    if (k >= row.length) continue;
    const keyV = row[k];
    const keyText = headerKey(cellText(keyV));
    if (RULES_HEADER_KEYS.has(keyText) || isFooterText(keyV)) continue;
    const known = byKey.get(keyText);
    yield { row: r, col: k, keyV, valueV: grid.get(r, k + 1), def: known?.def ?? null, zh: known?.zh ?? false };
  }
}

/** Where each rule's value is on a 考评规则 / Rules sheet, as the reader finds it (the pane writes there). */
export function locateRules(sheet: SheetSnapshot): Map<RuleKey, { row: number; col: number; zh: boolean }> {
  const out = new Map<RuleKey, { row: number; col: number; zh: boolean }>();
  for (const r of ruleRows(new Grid(sheet))) if (r.def && !out.has(r.def.key)) out.set(r.def.key, { row: r.row, col: r.col + 1, zh: r.zh });
  return out;
}

/** The rules of a 考评规则 / Rules sheet: keys missing from the sheet keep their defaults. */
export function parseRulesSheet(grid: Grid, rubricTotal: number): Rules {
  const sheet = grid.name;
  const values: Record<string, unknown> = { ...DEFAULT_RULES };
  const cells = new Map<RuleKey, { row: number; col: number; text: string }>();
  for (const { row: r, col: k, keyV, valueV, def } of ruleRows(grid)) {
    const where = `${sheet}!${a1(r, k + 1)}`;
    if (!def) {
      if (isBlank(valueV)) continue; // a title or a comment line
      fail('rulesUnknownKey', {
        key: cellText(keyV),
        keys: RULE_KEYS.map((x) => x.zh).join('、'),
        keysEn: RULE_KEYS.map((x) => x.key).join(', '),
      }, `${sheet}!${a1(r, k)}`);
    }
    const { key, kind } = def;
    if (cells.has(key)) fail('rulesDuplicateKey', ruleLabel(key), `${sheet}!${a1(r, k)}`);
    if (isBlank(valueV)) continue;
    const text = cellText(valueV);
    cells.set(key, { row: r, col: k + 1, text });
    const value = ruleFromCell(key, valueV);
    if (kind === 'choice' && value === null) {
      // Name the words written today (the first spelling of each value); older ones are accepted silently.
      fail('rulesValueInvalid', { ...ruleLabel(key), value: text, allowed: choiceWords(key, false).join('、'), allowedEn: choiceWords(key, true).join(', ') }, where);
    }
    values[key] = value;
  }
  const res = rulesSchema(rubricTotal).safeParse(values);
  if (res.success) return res.data;
  // Blame the cell the user wrote: for an order problem, whichever of the two keys is on the sheet.
  const issue = res.error.issues[0];
  const id = issue.message as ConfigMsgId;
  const keys = issue.path.map(String) as RuleKey[];
  const key = keys.find((k) => cells.has(k)) ?? keys[0];
  const cell = cells.get(key);
  const where = cell ? `${sheet}!${a1(cell.row, cell.col)}` : `${sheet}!A1`;
  const v = values[keys[0]];
  const lower = keys[1];
  const params: Params = {
    ...ruleLabel(keys[0]),
    value: THRESHOLDS.includes(keys[0]) && typeof v === 'number' && Number.isFinite(v) ? pointsText(v) : (cell?.text ?? String(v)),
    total: pointsText(rubricTotal),
    max: RULE_TEXT_MAX,
  };
  if (lower) {
    const lv = values[lower] as number;
    Object.assign(params, { lowerKey: ruleLabel(lower).key, lowerKeyEn: lower, lower: pointsText(lv) });
  }
  return fail(id, params, where);
}
