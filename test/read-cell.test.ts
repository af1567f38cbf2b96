/**
 * decodeCell (src/hosts/file/read/cell.ts): a worksheet cell's value from what its XML says — the value a
 * user sees in the snapshot, as Office.js `values` would give it — without any XML. Each case names the
 * XML it stands for.
 */
import { columnOf, decodeCell } from '../src/hosts/file/read/cell';
import type { CellText } from '../src/hosts/file/read/cell';
import type { CellValue } from '../src/workbook/snapshot';

const STRINGS = ['考评记录', '线路运维一班党小组', 'a_x000D_b'];

/** A cell: t="n" (as when the attribute is absent), no <v>, no <f>, no <is>, unless said otherwise. */
function cell(c: Partial<CellText>): CellText {
  return { type: 'n', hasV: false, v: '', formula: '', inline: '', ...c };
}

/** The value of a cell with a <v> of this text. */
function valued(type: string, v: string, more: Partial<CellText> = {}, date1904 = false): CellValue {
  return decodeCell(cell({ type, hasV: true, v, ...more }), STRINGS, date1904);
}

describe('numbers (t="n", or no t)', () => {
  test('<c><v>85.5</v></c> is the number; spaces around it do not matter', () => {
    expect(valued('n', '85.5')).toBe(85.5);
    expect(valued('n', ' 96 ')).toBe(96);
    expect(valued('n', '-0.25')).toBe(-0.25);
    expect(valued('n', '1E3')).toBe(1000);
  });

  test('a type the reader does not know reads as a number, as t="n" does', () => {
    expect(valued('x', '12')).toBe(12);
  });

  test('no <v>, an empty <v/> or a blank one: an empty cell', () => {
    expect(decodeCell(cell({}), STRINGS, false)).toBeNull();
    expect(valued('n', '')).toBeNull();
    expect(valued('n', '  ')).toBeNull();
  });

  test('a number the file spells that is not finite stays its text (the parser reports it), trimmed', () => {
    expect(valued('n', 'NaN')).toBe('NaN');
    expect(valued('n', '1e400')).toBe('1e400');
    expect(valued('n', ' -1e400 ')).toBe('-1e400');
    expect(valued('n', 'Infinity')).toBe('Infinity');
    expect(valued('n', '九十')).toBe('九十');
  });

  test('a formula without a result: {formula}, as written; with a result: the result', () => {
    expect(decodeCell(cell({ formula: '=SUM(B2:D2)' }), STRINGS, false)).toEqual({ formula: '=SUM(B2:D2)' });
    expect(valued('n', '', { formula: '=SUM(B2:D2)' })).toEqual({ formula: '=SUM(B2:D2)' });
    expect(valued('n', '88', { formula: '=SUM(B2:D2)' })).toBe(88);
    // <f t="shared" si="0"/>: a shared formula's follower has no text of its own
    expect(decodeCell(cell({ formula: '=' }), STRINGS, false)).toEqual({ formula: '=' });
  });

  test('a 1904 workbook does not shift serial numbers: the number is what the file holds', () => {
    expect(valued('n', '45488', {}, true)).toBe(45488);
  });
});

describe('shared strings (t="s")', () => {
  test('<v>1</v> is the second string of the table, already decoded by its reader', () => {
    expect(valued('s', '0')).toBe('考评记录');
    expect(valued('s', '1')).toBe('线路运维一班党小组');
    expect(valued('s', ' 1 ')).toBe('线路运维一班党小组');
    expect(valued('s', '2')).toBe('a_x000D_b'); // no second decoding
  });

  test('an index outside the table, not a whole number, or no <v>: an empty cell', () => {
    expect(valued('s', '3')).toBeNull();
    expect(valued('s', '-1')).toBeNull();
    expect(valued('s', '1.5')).toBeNull();
    expect(valued('s', 'x')).toBeNull();
    expect(decodeCell(cell({ type: 's' }), STRINGS, false)).toBeNull();
    expect(decodeCell(cell({ type: 's', hasV: true, v: '0' }), [], false)).toBeNull();
  });
});

describe('formula strings (t="str")', () => {
  test('the result is the text, its _xHHHH_ escapes decoded', () => {
    expect(valued('str', '合格', { formula: '=IF(E2>=80,"合格","不合格")' })).toBe('合格');
    expect(valued('str', '第一行_x000D__x000A_第二行')).toBe('第一行\r\n第二行');
    expect(valued('str', '_x005F_x000A_')).toBe('_x000A_');
  });

  test('no result: {formula}; an empty result is an empty cell', () => {
    expect(decodeCell(cell({ type: 'str', formula: '=A1&B1' }), STRINGS, false)).toEqual({ formula: '=A1&B1' });
    expect(decodeCell(cell({ type: 'str' }), STRINGS, false)).toBeNull();
    expect(valued('str', '')).toBe('');
  });
});

describe('inline strings (t="inlineStr")', () => {
  test('<is><t>…</t></is>: the text, its _xHHHH_ escapes decoded; a <v> is not looked at', () => {
    expect(decodeCell(cell({ type: 'inlineStr', inline: '王建国' }), STRINGS, false)).toBe('王建国');
    expect(decodeCell(cell({ type: 'inlineStr', inline: 'A_x0009_B' }), STRINGS, false)).toBe('A\tB');
    expect(decodeCell(cell({ type: 'inlineStr', inline: '_x005f_x0041_' }), STRINGS, false)).toBe('_x0041_');
    expect(decodeCell(cell({ type: 'inlineStr', hasV: true, v: 'ignored', inline: '孙立平' }), STRINGS, false)).toBe('孙立平');
  });

  test('no <is>: an empty cell', () => {
    expect(decodeCell(cell({ type: 'inlineStr' }), STRINGS, false)).toBe('');
  });
});

describe('booleans (t="b")', () => {
  test('1 and true are TRUE, anything else FALSE', () => {
    expect(valued('b', '1')).toBe(true);
    expect(valued('b', 'true')).toBe(true);
    expect(valued('b', ' 1 ')).toBe(true);
    expect(valued('b', '0')).toBe(false);
    expect(valued('b', 'false')).toBe(false);
    expect(valued('b', 'TRUE')).toBe(false);
  });

  test('no <v>: {formula} when there is one, else an empty cell', () => {
    expect(decodeCell(cell({ type: 'b', formula: '=A1>0' }), STRINGS, false)).toEqual({ formula: '=A1>0' });
    expect(decodeCell(cell({ type: 'b' }), STRINGS, false)).toBeNull();
  });
});

describe('errors (t="e")', () => {
  test('the error value, trimmed, whether a formula gave it or it was typed', () => {
    expect(valued('e', '#N/A')).toEqual({ error: '#N/A' });
    expect(valued('e', ' #DIV/0! ', { formula: '=A1/0' })).toEqual({ error: '#DIV/0!' });
  });

  test('no <v>: an empty cell, even with a formula', () => {
    expect(decodeCell(cell({ type: 'e', formula: '=NA()' }), STRINGS, false)).toBeNull();
  });
});

describe('ISO dates (t="d")', () => {
  test('a date is its serial number in the workbook’s date system', () => {
    expect(valued('d', '2024-07-15')).toBe(45488);
    expect(valued('d', '2024-07-15', {}, true)).toBe(45488 - 1462);
    expect(valued('d', '1904-01-01', {}, true)).toBe(0);
    expect(valued('d', ' 2024-07-15 ')).toBe(45488);
  });

  test('a date-time without a zone keeps its wall-clock time; with one, it is converted to UTC', () => {
    expect(valued('d', '2024-07-15T12:00:00')).toBe(45488.5);
    expect(valued('d', '2024-07-15T18:00:00.000')).toBe(45488.75);
    expect(valued('d', '2024-07-15T12:00:00Z')).toBe(45488.5);
    expect(valued('d', '2024-07-16T02:00:00+08:00')).toBe(45488.75);
  });

  test('text that is not a date stays as written; no <v>: {formula} or an empty cell', () => {
    expect(valued('d', '七月十五日')).toBe('七月十五日');
    expect(valued('d', ' later ')).toBe(' later ');
    expect(decodeCell(cell({ type: 'd', formula: '=TODAY()' }), STRINGS, false)).toEqual({ formula: '=TODAY()' });
    expect(decodeCell(cell({ type: 'd' }), STRINGS, false)).toBeNull();
  });
});

describe('columnOf (a cell reference’s column)', () => {
  test('letters then a digit: the 0-based column, in either case', () => {
    expect(columnOf('A1')).toBe(0);
    expect(columnOf('Z9')).toBe(25);
    expect(columnOf('AB12')).toBe(27);
    expect(columnOf('xfd1048576')).toBe(16383);
  });

  test('anything else is not a reference (-1): the cell then follows the previous one', () => {
    for (const ref of ['', 'A', '12', '1A', 'ABCD1', 'A-1', '$A$1']) expect(columnOf(ref)).toBe(-1);
  });
});
