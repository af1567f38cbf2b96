/**
 * Which text cells get the number format “@” (Text). Excel parses a string typed into a cell — and a string
 * set through office.js's `Range.values` — as it parses typing: `=1+1`, `+86 1`, `-5`, `@x` become formulas,
 * `0012`, `1,234`, `1e5`, `12%`, `０１２` numbers, `2025-3-1`, `2025/3/1`, `3月1日`, `9:30` dates and times,
 * `TRUE` a boolean, `#N/A` an error — unless the cell is formatted as text. Only such text gets “@”: a Text
 * cell shows more than 255 characters as ##### and keeps a formula a user later types as text, so
 * ordinary text (a group's name, a long note) keeps the General format. The one place both hosts ask.
 */
import { foldText } from './cells';

/** Excel's number format Text. */
export const TEXT_FORMAT = '@';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const TIME = '\\d{1,2}:\\d{1,2}(?::\\d{1,2}(?:\\.\\d+)?)?(?:\\s*[ap]\\.?m?\\.?)?';
const DATE = [
  '\\d{1,4}[-/.]\\d{1,2}(?:[-/.]\\d{1,4})?', // 2025-3-1, 2025/3/1, 3/1, 1-2
  '(?:\\d{1,4}年)?\\d{1,2}月(?:\\d{1,2}日?)?', // 2025年3月1日, 3月1日, 3月
  '\\d{1,4}年\\d{1,2}月?', // 2025年3
  `\\d{1,2}[-\\s]${MONTH}(?:[-\\s,]+\\d{1,4})?`, // 1-Mar, 1 Mar 2025
  `${MONTH}[-\\s]+\\d{1,4}(?:,?\\s*\\d{1,4})?`, // Mar 1, November 29, 2026
].join('|');
const LOOKS_LIKE_VALUE = new RegExp(
  [
    // numbers: signs, currency, thousands separators, exponents, percentages, (5) for -5, fractions 1 1/2
    `^\\(?[-+]?[$¥€£]?\\s*(?:\\d[\\d,]*\\.?\\d*|\\.\\d+)(?:e[-+]?\\d+)?\\s*%?\\)?$`,
    `^\\d+\\s+\\d+/\\d+$`,
    // dates, times, a date with a time
    `^(?:${DATE})(?:[\\sT]+${TIME})?$`,
    `^(?:上午|下午)?${TIME}$`,
    // booleans and error values
    '^(?:true|false)$',
    '^#(?:null!|div/0!|value!|ref!|name\\?|num!|n/a|getting_data|spill!|calc!|field!|busy!|blocked!|connect!|unknown!)$',
  ].join('|'),
  'i',
);

/** Whether Excel would read this text as something else (a formula, number, date, time, boolean or error) unless formatted “@”. */
export function needsTextFormat(text: string): boolean {
  if (text === '') return false;
  const first = text.charCodeAt(0);
  // = + - @ (and their full-width forms), and ' (Excel drops a leading apostrophe as the text prefix)
  if (/^[=+\-@'＝＋－＠]/.test(text)) return true;
  if (text.length > 80) return false; // no value Excel parses is this long
  // Cheap exit for most text (a CJK name, a sentence): a value starts with a digit, sign, bracket, currency, letter, . or #.
  if (first > 0x7f && !(first >= 0xff01 && first <= 0xff5e) && !/^[¥€£上下]/.test(text)) return false;
  return LOOKS_LIKE_VALUE.test(foldText(text).trim());
}
