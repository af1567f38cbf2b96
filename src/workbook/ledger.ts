/**
 * The rectification ledger (整改台账): the four columns of the warnings sheet people fill in — 整改措施,
 * 责任人, 完成情况, 销号日期 — kept across runs. The warnings sheet is rewritten on every run, so what was
 * typed there is read back from the snapshot (the last run's sheet, as the user left it) and carried
 * into the new sheet, row by row, by the key (warning code, period, group):
 * - a warning that arises again gets its cells back, beside its recomputed row;
 * - a row whose warning no longer arises is kept at the bottom, marked 已不再触发, with what was typed;
 * - rows with nothing typed are not kept (there is nothing to lose), so the sheet does not fill up.
 * The columns are found by their headers in either language (the last run may have been in the other),
 * so sorting or moving rows does not matter. Only the four columns are kept: the other cells are the
 * add-in's and are recomputed.
 */
import type { Half, Warning, WarningCode } from '../domain/types';
import { TIE_AMONG_ELIGIBLE_NAME, WARNING_NAME } from '../i18n/domain';
import { LEDGER, WARNINGS } from '../i18n/output';
import { WORD } from '../i18n/words';
import { rectifyKey } from '../domain/assess';
import { foldText, groupKey, parsePeriod } from './cells';
import { META_SHEET, isWarningsName } from './meta';
import { serialToIso } from './sheet-builder';
import { a1 } from '../domain/cell-ref';
import { parseRange } from './a1';
import type { CellValue, OutputValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';

/** The four columns people fill in, in sheet order. */
export const LEDGER_FIELDS = ['measures', 'responsible', 'progress', 'closedOn'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/**
 * What was typed in the four columns of one row, as values to write back (text stays text, dates stay numbers),
 * and in the columns the user added (`extra`, in the order of `Ledger.extras`).
 */
export type LedgerCells = Record<LedgerField, OutputValue> & { extra?: OutputValue[] };

/**
 * What the ledger could not keep as it was, for the run to say (never dropped silently): a formula (kept as its
 * text), a merged area (its first cell's value is kept, the merge is not), a row it cannot place beside a warning
 * (kept at the bottom).
 */
export interface LedgerLoss {
  kind: 'formula' | 'merged' | 'unplaced';
  /** `Sheet!A5` or `Sheet!A5:B6`. */
  where: string;
}

/** The ledger as read from the last run's warnings sheet(s). */
export interface LedgerRead {
  rows: LedgerRow[];
  /** Headers of the columns the user added, in the user's order (kept at the right of ours). */
  extras: string[];
  /** Their widths in characters where the sheet set them (null: fitted to content), index for index. */
  extraWidths: (number | null)[];
  losses: LedgerLoss[];
}

/** A row of an earlier warnings sheet that carries something typed. */
export interface LedgerRow {
  key: string;
  code: WarningCode;
  year: number;
  half: Half | null;
  group: string;
  cells: LedgerCells;
  /** The row's other cells as they were (for a row kept at the bottom): by column key. */
  shown: Partial<Record<'severity' | 'leader' | 'liaison' | 'message' | 'deadline' | 'focus', OutputValue>>;
  /** A row the ledger cannot place (its type or period cell was changed by hand): those cells as they were. */
  unplaced?: { type: string; period: string };
}

/** The ledger as read, and as merged with this run's warnings. */
export interface Ledger {
  /** Typed cells for this run's warnings, by warning (same objects as the result's). */
  byWarning: Map<Warning, LedgerCells>;
  /** Rows whose warning no longer arises, in their earlier order. */
  kept: LedgerRow[];
  /** Headers of the columns the user added (their values are each row's `cells.extra`). */
  extras: string[];
  /** Their widths as the user left them (null: fitted to content). */
  extraWidths: (number | null)[];
  /** What could not be kept as it was. */
  losses: LedgerLoss[];
}

export const EMPTY_LEDGER: Ledger = { byWarning: new Map(), kept: [], extras: [], extraWidths: [], losses: [] };

const norm = (s: string) => foldText(s).replace(/\s+/g, '').toLowerCase();
/** A header as matched: folded, without spaces, colons or a bracketed remark (整改措施（必填） is 整改措施). */
const headerNorm = (s: string) => norm(s).replace(/[(（][^)）]*[)）]/g, '').replace(/[:：*]/g, '');

/** The key of a warning row: code, year, half, group (as matched: folded, spaces collapsed). */
export function ledgerKey(code: WarningCode, year: number, half: Half | null, group: string): string {
  return `${code}\u0000${year}\u0000${half ?? ''}\u0000${foldText(group)}`;
}

/** Header words of the columns the reader needs, both languages (and the words of earlier releases). */
const HEADER_WORDS: Record<string, string[]> = {
  period: [WORD.period.zh, WORD.period.en],
  group: [WORD.group.zh, WORD.group.en, 'Group'],
  type: [WARNINGS.code.zh, WARNINGS.code.en, '类别'],
  severity: [WARNINGS.severity.zh, WARNINGS.severity.en, '级别'],
  leader: [WORD.leader.zh, WORD.leader.en, 'Leader'],
  liaison: [WORD.liaison.zh, WORD.liaison.en, 'Liaison'],
  message: [WARNINGS.message.zh, WARNINGS.message.en, '内容', 'Message'],
  deadline: [WORD.deadline.zh, WORD.deadline.en, 'Deadline'],
  focus: [WARNINGS.focus.zh, WARNINGS.focus.en, '重点条款', 'Focus items'],
  status: [WARNINGS.status.zh, WARNINGS.status.en],
  source: [WARNINGS.source.zh, WARNINGS.source.en],
  measures: [LEDGER.measures.zh, LEDGER.measures.en],
  responsible: [LEDGER.responsible.zh, LEDGER.responsible.en],
  progress: [LEDGER.progress.zh, LEDGER.progress.en],
  closedOn: [LEDGER.closedOn.zh, LEDGER.closedOn.en],
};
const ROLE_OF = new Map<string, string>();
for (const [role, words] of Object.entries(HEADER_WORDS)) for (const w of words) ROLE_OF.set(headerNorm(w), role);

/** Warning names as written by this and earlier releases, both languages → code. */
const CODE_OF = new Map<string, WarningCode>();
for (const [code, msg] of Object.entries(WARNING_NAME) as [WarningCode, { zh: string; en: string }][]) {
  CODE_OF.set(norm(msg.zh), code);
  CODE_OF.set(norm(msg.en), code);
}
for (const [word, code] of [
  ['组长警示', 'LEADER_REVIEW'],
  ['及时更换党小组长', 'LEADER_REVIEW'],
  ['Replace the leader promptly', 'LEADER_REVIEW'],
  ['年度第一并列（提请支委会研究确定）', 'TIE_FOR_TOP'],
  [TIE_AMONG_ELIGIBLE_NAME.zh, 'TIE_FOR_TOP'],
  [TIE_AMONG_ELIGIBLE_NAME.en, 'TIE_FOR_TOP'],
  ['Leader review', 'LEADER_REVIEW'],
  ['考虑调整组长', 'LEADER_REPLACE'],
  ['Leader replacement', 'LEADER_REPLACE'],
  ['年度不完整', 'INCOMPLETE_YEAR'],
  ['并列第一', 'TIE_FOR_TOP'],
  ['Tie for top', 'TIE_FOR_TOP'],
  // the names before the glossary of 2026-12-06 (党小组长履职预警, 年度平均分并列第一)
  ['及时更换党小组长', 'LEADER_REVIEW'],
  ['Replace the leader promptly', 'LEADER_REVIEW'],
  ['年度第一并列（提请支委会研究确定）', 'TIE_FOR_TOP'],
  ['Tied for first (for the branch committee to decide)', 'TIE_FOR_TOP'],
] as const) {
  CODE_OF.set(norm(word), code);
}

/**
 * Dates typed in the ledger come back as dates. The snapshot carries no number formats, so the rule is by value:
 * a number from 2000-01-01 to 2099-12-31 (Excel serials 36526–73050) in a ledger column — or in a column the user
 * added whose header names a date (日期, 时间, 期限, date, time, due) — is a date, written back with the date format
 * and given in the report as YYYY-MM-DD. Other numbers stay numbers.
 */
export function isDateSerial(v: OutputValue): v is number {
  return typeof v === 'number' && v >= 36526 && v < 73051;
}

/** A header the user gave a column of dates. */
export function datedHeader(header: string): boolean {
  return /日期|时间|期限|date|time|due/i.test(header);
}

/** True for a formula cell without a result: its text is kept, never the formula. */
const isFormula = (v: CellValue | undefined): boolean => typeof v === 'object' && v !== null && 'formula' in v;

/** A typed cell as a value to write back: text as typed, numbers (dates are numbers) as numbers. */
function keptValue(v: CellValue | undefined): OutputValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // An error value or a formula without a result: its text, never a formula.
  return 'error' in v ? v.error : v.formula;
}

function textOf(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return '';
}

/** "2024年上半年" / "2024 H1" → year and half; "2024年度" / "2024" → the year alone. */
function periodOf(v: CellValue | undefined): { year: number; half: Half | null } | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 2000 && v <= 2100) return { year: v, half: null };
  const s = textOf(v);
  const y = /^(\d{4})\s*(年度?)?$/.exec(foldText(s));
  if (y) return { year: Number(y[1]), half: null };
  const p = parsePeriod(s);
  return p && typeof p === 'object' ? { year: p.year, half: p.half } : null;
}

/** The header row of an earlier warnings sheet and its columns by role, or null when it is not one. */
function findColumns(sheet: SheetSnapshot): { header: number; cols: Map<string, number>; extra: { col: number; header: string }[] } | null {
  const limit = Math.min(sheet.values.length, 40);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    const cols = new Map<string, number>();
    row.forEach((v, c) => {
      if (typeof v !== 'string') return;
      const role = ROLE_OF.get(headerNorm(v));
      if (role && !cols.has(role)) cols.set(role, c);
    });
    const typed = LEDGER_FIELDS.some((f) => cols.has(f));
    if (cols.has('period') && cols.has('group') && cols.has('type') && typed) {
      // Every other column with a header or a value below it is one the user added (at the right or between ours).
      const ours = new Set(cols.values());
      const width = Math.max(row.length, ...sheet.values.slice(r + 1).map((x) => x?.length ?? 0));
      const extra: { col: number; header: string }[] = [];
      for (let c = 0; c < width; c++) {
        if (ours.has(c)) continue;
        const h = row[c];
        const header = h === null || h === undefined ? '' : String(keptValue(h) ?? '').trim();
        if (header || sheet.values.slice(r + 1).some((x) => keptValue(x?.[c]) !== null)) extra.push({ col: c, header });
      }
      return { header: r, cols, extra };
    }
  }
  return null;
}

/**
 * The rows with something typed in the ledger columns of the last run's warnings sheet(s): the sheets
 * the add-in owns (as the caller says) whose names are a warnings sheet's.
 *
 * @internal Kept for the reader's tests on hand-made sheets (test/ledger.test.ts); a run reads readLedgerAll.
 */
export function readLedger(snapshot: WorkbookSnapshot, owned: ReadonlySet<string>): LedgerRow[] {
  return readLedgerAll(snapshot, owned).rows;
}

/** The ledger of the last run's warnings sheet(s): the typed rows, the columns the user added, and what cannot be kept. */
export function readLedgerAll(snapshot: WorkbookSnapshot, owned: ReadonlySet<string>): LedgerRead {
  const out: LedgerRow[] = [];
  const extras: string[] = [];
  const extraWidths: (number | null)[] = [];
  const losses: LedgerLoss[] = [];
  for (const sheet of snapshot.sheets) {
    if (sheet.name === META_SHEET || !owned.has(sheet.name) || !isWarningsName(sheet.name)) continue;
    const found = findColumns(sheet);
    if (!found) continue;
    const { header, cols } = found;
    // The user's columns, matched by header (and its n-th occurrence) to the list over all sheets read.
    const seen = new Map<string, number>();
    const extraAt = found.extra.map(({ col, header: h }) => {
      const n = (seen.get(h) ?? 0) + 1;
      seen.set(h, n);
      let i = -1;
      for (let k = 0, m = 0; k < extras.length; k++) if (extras[k] === h && ++m === n) i = k;
      if (i < 0) i = extras.push(h) - 1;
      const width = sheet.columnWidths?.find((w) => w.first <= col && col <= w.last)?.width ?? null;
      if (extraWidths[i] == null) extraWidths[i] = width;
      return { col, index: i, dated: datedHeader(h) };
    });
    const ledgerCols = new Set([...LEDGER_FIELDS.map((f) => cols.get(f)), ...found.extra.map((e) => e.col)].filter((c): c is number => c !== undefined));
    for (const m of sheet.merges) {
      let q: ReturnType<typeof parseRange>;
      try {
        q = parseRange(m);
      } catch {
        continue;
      }
      if (q.top <= header) continue;
      for (let c = q.left; c <= q.right; c++) {
        if (ledgerCols.has(c)) {
          losses.push({ kind: 'merged', where: `${sheet.name}!${m}` });
          break;
        }
      }
    }
    const at = (row: CellValue[], role: string): CellValue | undefined => {
      const c = cols.get(role);
      return c === undefined ? undefined : row[c];
    };
    for (let r = header + 1; r < sheet.values.length; r++) {
      const row = sheet.values[r];
      if (!row) continue;
      const cells = {} as LedgerCells;
      let typed = false;
      for (const f of LEDGER_FIELDS) {
        cells[f] = keptValue(at(row, f));
        if (cells[f] !== null) typed = true;
        if (isFormula(at(row, f))) losses.push({ kind: 'formula', where: `${sheet.name}!${a1(r, cols.get(f)!)}` });
      }
      if (extraAt.length) {
        const extra: OutputValue[] = [];
        for (const e of extraAt) {
          const v = keptValue(row[e.col]);
          extra[e.index] = v;
          if (v !== null) typed = true;
          if (isFormula(row[e.col])) losses.push({ kind: 'formula', where: `${sheet.name}!${a1(r, e.col)}` });
        }
        cells.extra = extra;
      }
      if (!typed) continue;
      const code = CODE_OF.get(norm(textOf(at(row, 'type'))));
      const period = periodOf(at(row, 'period'));
      const group = textOf(at(row, 'group'));
      // A typed row the ledger cannot place (its type, period or group cell was changed) is still kept.
      const k = code && period ? ledgerKey(code, period.year, period.half, group) : `\u0001${sheet.name}\u0000${r}`;
      const entry: LedgerRow = {
        key: k,
        code: code ?? 'RECTIFY',
        year: period?.year ?? 0,
        half: period?.half ?? null,
        group,
        cells,
        shown: {
          severity: keptValue(at(row, 'severity')),
          leader: keptValue(at(row, 'leader')),
          liaison: keptValue(at(row, 'liaison')),
          message: keptValue(at(row, 'message')),
          deadline: keptValue(at(row, 'deadline')),
          focus: keptValue(at(row, 'focus')),
        },
      };
      if (!code || !period) {
        entry.unplaced = { type: textOf(at(row, 'type')), period: textOf(at(row, 'period')) };
        losses.push({ kind: 'unplaced', where: `${sheet.name}!${a1(r, 0)}` });
      }
      out.push(entry);
    }
  }
  return { rows: out, extras, extraWidths, losses };
}

/**
 * This run's warnings with what was typed for them; rows no longer raised are kept (each key once: a
 * second row of the same key, which only a copy by hand makes, is kept at the bottom too).
 */
export function mergeLedger(warnings: readonly Warning[], rows: readonly LedgerRow[], read: Omit<LedgerRead, 'rows'> = { extras: [], extraWidths: [], losses: [] }): Ledger {
  if (rows.length === 0 && read.extras.length === 0 && read.losses.length === 0) return EMPTY_LEDGER;
  const first = new Map<string, LedgerRow>();
  const extra = new Set<LedgerRow>();
  for (const r of rows) {
    if (first.has(r.key)) extra.add(r);
    else first.set(r.key, r);
  }
  const byWarning = new Map<Warning, LedgerCells>();
  const used = new Set<string>();
  for (const w of warnings) {
    const k = ledgerKey(w.code, w.year, w.half, w.group);
    const r = first.get(k);
    if (r && !used.has(k)) {
      byWarning.set(w, r.cells);
      used.add(k);
    }
  }
  const kept = rows.filter((r) => extra.has(r) || !used.has(r.key));
  return { byWarning, kept, extras: read.extras, extraWidths: read.extraWidths, losses: read.losses };
}

/**
 * A 销号日期 as typed: a date cell (a serial number) or a date written as text — 2025-03-20, 2025/3/20,
 * 2025.3.20, 2025年3月20日 — as YYYY-MM-DD; null for anything else (the rectification is then not taken as
 * closed, and the cell is kept as typed).
 */
export function ledgerDate(v: OutputValue): string | null {
  if (typeof v === 'number') return serialToIso(v);
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(foldText(v));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // A date that does not exist (2025年2月30日) rolls over in Date.UTC: refuse it.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The 销号日期 of the rectifications in the ledger (SPEC §2.5: a RECTIFY with one, on or before the run's
 * date and no later graded assessment, is 已销号), by `rectifyKey(group as matched, period)`.
 */
export function closedDates(rows: readonly LedgerRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.unplaced || r.code !== 'RECTIFY' || r.half === null) continue;
    const iso = ledgerDate(r.cells.closedOn);
    const k = rectifyKey(groupKey(r.group), { year: r.year, half: r.half });
    if (iso && !out.has(k)) out.set(k, iso);
  }
  return out;
}

/** A ledger cell for the JSON report: text; a date (any number in the 销号日期 column, a date serial in the others) as YYYY-MM-DD. */
export function ledgerText(field: LedgerField, v: OutputValue): string | null {
  if (v === null) return null;
  if (typeof v === 'number') return field === 'closedOn' || isDateSerial(v) ? (serialToIso(v) ?? String(v)) : String(v);
  return v;
}
