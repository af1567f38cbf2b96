/**
 * Cell-level parsing: text folding, scores in exact hundredths, years, halves, periods, veto and
 * eligibility. Pure functions over snapshot cell values; no allocation on the hot paths beyond what
 * string handling needs.
 *
 * Decisions (SPEC is silent):
 * - Numbers are converted to hundredths by Math.round(x*100) only when |x*100 − round| ≤ 1e-7
 *   (i.e. 1e-9 points): a formula's cached 9.700000000000001 is 9.70, 9.999 has too many decimals.
 * - Numeric text is converted by string manipulation (never through floating point): "59.99" → 5999,
 *   trailing zeros after the second decimal are fine ("9.500" → 950).
 * - Dates reach the parser as Excel serial numbers (as Office.js `values` gives them). In a score
 *   cell such a number is out of range; in a year cell an integer serial of a date in 2000–2100 counts
 *   as that date's year; in a 考评期 cell it counts as the date's year and half (Jan–Jun = H1).
 * - Group names keep their letter case: only NFKC folding, trimming and space collapsing (SPEC §2.3).
 */
import type { Half, Period } from '../domain/types';
import type { CellValue } from './snapshot';

const NEEDS_FOLD = /[^\x21-\x7e]|\s/;

/** NFKC (full-width ASCII → ASCII, U+3000 → space), trim, collapse inner whitespace to one space. */
const foldCache = new Map<string, string>();

export function foldText(s: string): string {
  if (!NEEDS_FOLD.test(s)) return s;
  // Names repeat down a table (group, leader, liaison): remember recent foldings.
  let f = foldCache.get(s);
  if (f === undefined) {
    f = s.normalize('NFKC').replace(/\s+/g, ' ').trim();
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(s, f);
  }
  return f;
}

/** The matching key of a group name (SPEC §2.3). */
export function groupKey(name: string): string {
  return foldText(name);
}

/** Is the cell empty (null, empty or blank text)? */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A cell as the user sees it, for messages: numbers plainly, booleans TRUE/FALSE, errors as #N/A. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return 'error' in v ? v.error : v.formula;
}

/** Excel's error values, also when typed as text. */
const ERROR_TEXT = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

export type NumberProblem = 'missing' | 'not_number' | 'error_value' | 'too_precise' | 'no_result';
export type ScoreProblem = NumberProblem | 'out_of_range';

/** Tolerance, in hundredths, for float noise in a number (1e-9 points). */
export const FLOAT_TOLERANCE = 1e-7;

/** A JS number as integer hundredths, or 'too_precise' when it has more than 2 decimals. */
export function numberToHundredths(x: number): number | 'too_precise' | 'not_number' {
  if (!Number.isFinite(x)) return 'not_number';
  const y = x * 100;
  const r = Math.round(y);
  if (Math.abs(y - r) > FLOAT_TOLERANCE) return 'too_precise';
  return r + 0; // no −0
}

const NUMERIC_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Numeric text ("９５", " 59.99 ", "8分", "9 .5") as hundredths, by string manipulation. */
export function textToHundredths(s: string): number | NumberProblem {
  let t = s.normalize('NFKC').replace(/\s+/g, '').replace(/\u2212/g, '-');
  if (t === '') return 'missing';
  if (ERROR_TEXT.test(t)) return 'error_value';
  if (t.endsWith('分')) t = t.slice(0, -1);
  const m = NUMERIC_TEXT.exec(t);
  if (!m) return 'not_number';
  const int = m[2];
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (int === '' && (m[3] ?? '') === '') return 'not_number';
  if (frac.length > 2) return 'too_precise';
  const v = Number(int || '0') * 100 + Number((frac + '00').slice(0, 2));
  return m[1] === '-' && v !== 0 ? -v : v;
}

/** Any cell as hundredths (sign kept), or what is wrong with it. */
export function parseHundredths(v: CellValue | undefined): number | NumberProblem {
  if (v === null || v === undefined) return 'missing';
  if (typeof v === 'number') return numberToHundredths(v);
  if (typeof v === 'string') return textToHundredths(v);
  if (typeof v === 'boolean') return 'not_number';
  return 'error' in v ? 'error_value' : 'no_result';
}

/**
 * An item score in hundredths (0 ≤ s ≤ max), or its problem: 'missing' (blank), 'not_number' (text,
 * booleans), 'error_value' (#N/A…), 'too_precise' (more than 2 decimals), 'no_result' (a formula the file
 * holds no result for), 'out_of_range'.
 */
export function parseScore(v: CellValue | undefined, maxHundredths: number): number | ScoreProblem {
  const r = parseHundredths(v);
  if (typeof r !== 'number') return r;
  return r < 0 || r > maxHundredths ? 'out_of_range' : r;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** Excel serials of 2000-01-01 and 2100-12-31. */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73415;

function serialDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

/**
 * The date a number in a score cell most likely is, as YYYY-MM-DD: Excel turns "9/10" or "10-9" typed into
 * a score cell into a date, which reaches us as its serial (1927-05-18 … 9999-12-31). Null for other numbers.
 */
export function dateOfSerial(v: CellValue | undefined): string | null {
  if (typeof v !== 'number' || v < 10000 || v > 2958465) return null;
  return serialDate(Math.floor(v)).toISOString().slice(0, 10);
}

export type YearResult = number | 'out_of_range' | null;

function checkYear(y: number): YearResult {
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : 'out_of_range';
}

/** A year: 2024, "2024", "2024年", "2024年度", a date serial in 2000–2100; null when not a year. */
export function parseYear(v: CellValue | undefined): YearResult {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return null;
    if (v >= 1000 && v <= 9999) return checkYear(v);
    if (v >= SERIAL_MIN && v <= SERIAL_MAX) return serialDate(v).getUTCFullYear();
    return null;
  }
  if (typeof v !== 'string') return null;
  const s = foldText(v).replace(/\s/g, '');
  const m = /^(\d{4})(?:年度?|年份)?$/.exec(s) ?? /^(\d{4})[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?$/.exec(s);
  return m ? checkYear(Number(m[1])) : null;
}

const HALF_WORDS: Record<string, Half> = {
  上半年: 1, 上半年度: 1, 上半: 1, 上: 1, 上期: 1, 一: 1, 第一: 1, h1: 1, '1h': 1, '1': 1,
  first: 1, firsthalf: 1, '1sthalf': 1, firsthalfyear: 1,
  下半年: 2, 下半年度: 2, 下半: 2, 下: 2, 下期: 2, 二: 2, 第二: 2, h2: 2, '2h': 2, '2': 2,
  second: 2, secondhalf: 2, '2ndhalf': 2, secondhalfyear: 2,
};

/** A half: 上半年/下半年, 上/下, H1/H2, 1/2, first half/second half…; null when not a half. */
export function parseHalf(v: CellValue | undefined): Half | null {
  if (typeof v === 'number') return v === 1 || v === 2 ? v : null;
  if (typeof v !== 'string') return null;
  const k = foldText(v).toLowerCase().replace(/\s/g, '');
  return HALF_WORDS[k] ?? null;
}

const CJK_NEXT = '(?![\\u3400-\\u9fff])';
const HALF_CN = `(上半年度?|下半年度?|上半|下半|上${CJK_NEXT}|下${CJK_NEXT}|h[12](?!\\d))`;
/** "2024年上半年", "2024 H1", "2024上", "2024-H2", "2024年下", inside longer text too. */
const PERIOD_YEAR_FIRST = new RegExp(`(?:^|\\D)(\\d{4})(?:年度?)?[-_/.~,]?${HALF_CN}`);
/** "2024 first half", "2024 2nd half". */
const PERIOD_YEAR_FIRST_EN = /(?:^|\D)(\d{4})[-_/.,]?(first|second|1st|2nd)half/;
/** "H1 2024", "first half of 2024", "上半年 2024". */
const PERIOD_HALF_FIRST = /(h[12]|上半年|下半年|first half|second half|1st half|2nd half|firsthalf|secondhalf|1sthalf|2ndhalf)(?:of)?[-_/.,]?(\d{4})(?!\d)/;
/** The whole text "2024-1", "2024/2", "2024.1", "2024 1". */
const PERIOD_NUMERIC = /^(\d{4})[-_/.]([12])$/;

function halfWord(w: string): Half {
  return /^(上|h1|第一|first|1st)/.test(w) ? 1 : 2;
}

export type PeriodResult = Period | 'year_out_of_range' | null;

function mk(year: number, half: Half): PeriodResult {
  return checkYear(year) === 'out_of_range' ? 'year_out_of_range' : { year, half };
}

/**
 * A period from one text (a 考评期 cell, a sheet name, a title row) or a date serial: the year and
 * half, 'year_out_of_range' when the year is outside 2000–2100, null when the text names no period.
 */
export function parsePeriod(v: CellValue | undefined): PeriodResult {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= SERIAL_MIN && v <= SERIAL_MAX) {
      const d = serialDate(v);
      return mk(d.getUTCFullYear(), d.getUTCMonth() < 6 ? 1 : 2);
    }
    return null;
  }
  if (typeof v !== 'string') return null;
  const s = foldText(v).toLowerCase();
  const compact = s.replace(/\s/g, '');
  let m = PERIOD_YEAR_FIRST.exec(compact);
  if (m) return mk(Number(m[1]), halfWord(m[2]));
  m = PERIOD_YEAR_FIRST_EN.exec(compact);
  if (m) return mk(Number(m[1]), halfWord(m[2]));
  m = PERIOD_HALF_FIRST.exec(compact);
  if (m) return mk(Number(m[2]), halfWord(m[1].replace(/\s/g, '')));
  m = PERIOD_NUMERIC.exec(s.replace(/\s+/g, '-'));
  if (m) return mk(Number(m[1]), m[2] === '1' ? 1 : 2);
  return null;
}

/** Spellings of "no" in a 评先资格 cell (folded, lower case). */
const NO_WORDS = new Set(['否', 'n', 'no', '0', '×', 'x', '✗', '✘', '❌', '无', '没有', '不', 'false', 'none', '-', '—', '–', '/', '不具备', '取消']);
/** Spellings of "yes" in a 评先资格 cell. */
const YES_WORDS = new Set(['是', 'y', 'yes', '1', '√', '✓', '✔', '有', 'true', '具备', 'ok', '○', '〇']);

/**
 * Words that mean "no veto" in a 一票否决 cell (SPEC §2.3), folded and lower case, after trailing
 * punctuation is taken off; any text beginning with 无, 未发生 or 未出现 means the same.
 */
const NO_VETO_WORDS = new Set([
  '否', '无', '没有', '不', '不涉及', '不适用', '未涉及', '无此项', '无否决事项', '未发生', '未出现',
  'n', 'no', 'na', 'n/a', 'n.a', 'none', 'false', '0', '×', 'x', '✗', '✘', '❌', '/', '-', '—', '–', '--', '——',
]);
/** Words that mean "vetoed" without stating a reason. */
const VETO_WORDS = new Set(['是', '有', 'y', 'yes', '1', '√', '✓', '✔', 'true']);
/** Spaces and the punctuation a secretary ends a word with (无。 / 不涉及、 / N/A.). */
const TRAILING = /[\s。.、，,；;！!：:]+$/u;

/** What a 一票否决 cell says: no veto, a veto with its stated reason, or nothing clear (VETO_UNREADABLE). */
export type VetoReading = { kind: 'none' } | { kind: 'veto'; reason: string } | { kind: 'unreadable' };

/**
 * The veto rule (SPEC §2.3), three readings. A vetoed assessment never results from a word that means
 * "none": 不涉及, 无此项, 未发生责任性事故, N/A… are no veto; 是/有/Y/1/√ or a stated reason of three or more
 * characters (发生一般及以上责任性安全事故) is a veto; anything else — one or two characters not listed, a
 * number other than 0 or 1, text with 待 or a question mark (待定, 有？), an error value or a formula without
 * a result — is unreadable: the row waits for a clear value.
 */
export function readVeto(v: CellValue | undefined): VetoReading {
  if (isBlank(v)) return { kind: 'none' };
  const cell = v as CellValue;
  if (typeof cell === 'boolean') return cell ? { kind: 'veto', reason: 'TRUE' } : { kind: 'none' };
  if (typeof cell === 'number') {
    if (cell === 0) return { kind: 'none' };
    return cell === 1 ? { kind: 'veto', reason: '1' } : { kind: 'unreadable' };
  }
  if (typeof cell !== 'string') return { kind: 'unreadable' };
  const text = cell.trim();
  const key = foldText(text).replace(TRAILING, '').toLowerCase();
  if (key === '' || /[待?？]/u.test(key)) return key === '' ? { kind: 'none' } : { kind: 'unreadable' };
  if (NO_VETO_WORDS.has(key) || /^(无|未发生|未出现)/u.test(key)) return { kind: 'none' };
  if (VETO_WORDS.has(key) || [...key].length >= 3) return { kind: 'veto', reason: text };
  return { kind: 'unreadable' };
}

function wordKey(v: CellValue): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return foldText(v).toLowerCase();
  return v === null ? '' : cellText(v).toLowerCase();
}

/** The 评先资格 rule: blank or yes-like → true; 否/N/No/0/× → false; anything else → 'unknown'. */
export function parseEligible(v: CellValue | undefined): boolean | 'unknown' {
  if (isBlank(v)) return true;
  const k = wordKey(v as CellValue);
  if (NO_WORDS.has(k)) return false;
  if (YES_WORDS.has(k)) return true;
  return 'unknown';
}

/** Hundredths as a plain number string: 950 → "9.5". */
export function pointsText(hundredths: number): string {
  return String(hundredths / 100);
}
