/**
 * 督办意见: the one column of 整改督办 the 党委 fills in, kept across re-runs as a branch's ledger keeps its
 * typed columns (src/workbook/ledger.ts). The summary workbook is rewritten on every run, so what was typed
 * there is read back from an earlier summary — the `--out` the command replaces, or a roll-up summary among
 * the files given (the page has no `--out`: the 党委 picks its earlier 汇总.xlsx with the branches' files) —
 * and carried into the new sheet by the key (branch, group, period):
 * - a rectification listed again gets its 督办意见 back;
 * - a typed row whose rectification is no longer listed is kept at the bottom with what was typed;
 * - rows with nothing typed are not kept.
 * The columns are found by their headers in either language, so sorting or moving rows does not matter.
 * Plain data only (a worker thread posts it back with the file's summary). No Node API.
 */
import type { Half } from '../domain/types';
import { WORD } from '../i18n/words';
import { ROLLUP, ROLLUP_SHEET, RECTIFY } from '../i18n/rollup';
import { foldText, parsePeriod } from '../workbook/cells';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';

/** A row of an earlier 整改督办 with a 督办意见 typed in it. */
export interface OpinionRow {
  /** opinionKey of the row; a row that cannot be placed (its branch, group or period cell emptied or changed) gets a key of its own. */
  key: string;
  branch: string;
  group: string;
  /** The 考评期 cell as read, and the period it names (null when it names none): a kept row shows it in the summary's language. */
  period: string;
  year: number | null;
  half: Half | null;
  /** The 督办意见 as typed: text stays text, a number stays a number. */
  opinion: string | number;
}

const norm = (s: string) =>
  foldText(s)
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[:：*]/g, '');

/** A name as matched: folded, spaces and line breaks removed (a printed cell may be broken by hand); brackets kept. */
const nameKey = (s: string) => foldText(s).replace(/\s+/g, '').toLowerCase();

/**
 * The key of a rectification: branch and group as matched (folded, spaces removed — 变电（一）班 and 变电（二）班
 * stay two groups), year and half.
 */
export function opinionKey(branch: string, group: string, year: number, half: Half): string {
  return `${nameKey(branch)}\u0000${nameKey(group)}\u0000${year}\u0000${half}`;
}

const SHEET_NAMES = new Set([ROLLUP_SHEET.rectify.zh, ROLLUP_SHEET.rectify.en].map(norm));
const ROLES: Record<'branch' | 'group' | 'period' | 'opinion', string[]> = {
  branch: [ROLLUP.branch.zh, ROLLUP.branch.en],
  group: [WORD.group.zh, WORD.group.en],
  period: [WORD.period.zh, WORD.period.en],
  opinion: [RECTIFY.opinion.zh, RECTIFY.opinion.en],
};
const ROLE_OF = new Map<string, keyof typeof ROLES>();
for (const [role, words] of Object.entries(ROLES) as [keyof typeof ROLES, string[]][]) for (const w of words) ROLE_OF.set(norm(w), role);

function text(v: CellValue | undefined): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return '';
}

/** Every row with a 督办意见 in an earlier summary's 整改督办 (either language), in sheet order. */
export function readOpinions(snapshot: WorkbookSnapshot): OpinionRow[] {
  const out: OpinionRow[] = [];
  for (const sheet of snapshot.sheets) {
    if (!SHEET_NAMES.has(norm(sheet.name))) continue;
    let header = -1;
    const cols = new Map<keyof typeof ROLES, number>();
    for (let r = 0; r < Math.min(sheet.values.length, 40) && header < 0; r++) {
      cols.clear();
      (sheet.values[r] ?? []).forEach((v, c) => {
        const role = typeof v === 'string' ? ROLE_OF.get(norm(v)) : undefined;
        if (role && !cols.has(role)) cols.set(role, c);
      });
      if (cols.size === 4) header = r;
    }
    if (header < 0) continue;
    for (let r = header + 1; r < sheet.values.length; r++) {
      const row = sheet.values[r] ?? [];
      const raw = row[cols.get('opinion')!];
      const opinion = typeof raw === 'number' ? raw : text(raw);
      if (opinion === '') continue;
      const branch = text(row[cols.get('branch')!]);
      const group = text(row[cols.get('group')!]);
      const period = text(row[cols.get('period')!]);
      const p = parsePeriod(period);
      const key = branch && group && p && typeof p === 'object' ? opinionKey(branch, group, p.year, p.half) : `\u0001${sheet.name}\u0000${r}`;
      const named = p && typeof p === 'object' ? p : null;
      out.push({ key, branch, group, period, year: named?.year ?? null, half: named?.half ?? null, opinion });
    }
  }
  return out;
}

/** Opinions by key (the first source that has a key wins), and the rows in the order they were read. */
export function opinionsByKey(rows: readonly OpinionRow[]): Map<string, OpinionRow> {
  const byKey = new Map<string, OpinionRow>();
  for (const r of rows) if (!byKey.has(r.key)) byKey.set(r.key, r);
  return byKey;
}
