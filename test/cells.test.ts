import fc from 'fast-check';
import {
  cellText,
  foldText,
  groupKey,
  numberToHundredths,
  parseEligible,
  parseHalf,
  parseHundredths,
  parsePeriod,
  parseScore,
  parseYear,
  readVeto,
} from '../src/workbook/cells';

describe('foldText and groupKey', () => {
  test('trims, folds full-width ASCII and ideographic spaces, collapses inner spaces', () => {
    expect(foldText('  变电　运维  党小组 ')).toBe('变电 运维 党小组');
    expect(foldText('ＡＢＣ１２３')).toBe('ABC123');
    expect(groupKey('　综合党小组　')).toBe(groupKey('综合党小组'));
    expect(groupKey('Ｇｒｏｕｐ　Ａ')).toBe('Group A');
  });
  test('keeps letter case and plain text unchanged', () => {
    expect(foldText('Group')).toBe('Group');
    expect(groupKey('group a')).not.toBe(groupKey('Group A'));
  });
});

describe('parseScore: numbers in exact hundredths', () => {
  const max = 1000; // 10 points
  test.each([
    [9, 900],
    [0, 0],
    [10, 1000],
    [9.5, 950],
    [5.99, 599],
    ['9', 900],
    [' 9.5 ', 950],
    ['９', 900],
    ['９．５', 950],
    ['8分', 800],
    ['8 分', 800],
    ['９分', 900],
    ['9.50', 950],
    ['9.500', 950],
    ['.5', 50],
    ['+7', 700],
    ['9 .5', 950],
  ])('%p → %p', (input, expected) => {
    expect(parseScore(input, max)).toBe(expected);
  });

  test('59.99-style decimals are exact, never 5998.999…', () => {
    expect(parseScore(59.99, 10000)).toBe(5999);
    expect(parseScore('59.99', 10000)).toBe(5999);
    expect(parseScore(0.07, 10000)).toBe(7);
    expect(parseScore(1.15, 10000)).toBe(115);
  });

  test('float noise from a formula cached value counts as the 2-decimal number', () => {
    expect(parseScore(9.700000000000001, max)).toBe(970);
    expect(parseScore(0.1 + 0.2, max)).toBe(30);
    expect(numberToHundredths(94.99999999999999)).toBe(9500);
  });

  test.each([
    [9.555, 'too_precise'],
    ['9.555', 'too_precise'],
    [9.999, 'too_precise'],
    [11, 'out_of_range'],
    [-1, 'out_of_range'],
    ['-0.5', 'out_of_range'],
    ['10.01', 'out_of_range'],
    [45292, 'out_of_range'], // a date (Excel serial) in a score cell
    ['优', 'not_number'],
    ['9.5.1', 'not_number'],
    ['九', 'not_number'],
    ['-', 'not_number'],
    [true, 'not_number'],
    [false, 'not_number'],
    [{ error: '#N/A' }, 'error_value'],
    ['#DIV/0!', 'error_value'],
    [null, 'missing'],
    ['', 'missing'],
    ['   ', 'missing'],
    [Number.NaN, 'not_number'],
  ])('%p is a problem: %p', (input, problem) => {
    expect(parseScore(input as never, max)).toBe(problem);
  });

  test('negative zero is zero', () => {
    expect(Object.is(parseScore(-0, max), 0)).toBe(true);
    expect(Object.is(parseHundredths('-0'), 0)).toBe(true);
  });

  test('property: any 2-decimal number round-trips exactly, as number and as text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (cents) => {
        const x = cents / 100;
        expect(parseHundredths(x)).toBe(cents);
        expect(parseHundredths(String(x))).toBe(cents);
        expect(parseHundredths(x.toFixed(2))).toBe(cents);
      }),
    );
  });

  test('property: a sum of 2-decimal scores as Excel caches it parses as the exact sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 12, maxLength: 12 }), (cents) => {
        const floatSum = cents.reduce((s, c) => s + c / 100, 0);
        expect(parseHundredths(floatSum)).toBe(cents.reduce((s, c) => s + c, 0));
      }),
    );
  });
});

describe('parseYear', () => {
  test.each([
    [2024, 2024],
    ['2024', 2024],
    ['2024年', 2024],
    ['２０２４年', 2024],
    ['2024年度', 2024],
    [' 2021 ', 2021],
    [45292, 2024], // 2024-01-01 as a date serial
  ])('%p → %p', (v, y) => expect(parseYear(v)).toBe(y));
  test.each([
    [1999, 'out_of_range'],
    ['2101年', 'out_of_range'],
    ['二〇二四', null],
    [24, null],
    [2024.5, null],
    [true, null],
    [null, null],
  ])('%p → %p', (v, y) => expect(parseYear(v as never)).toBe(y));
});

describe('parseHalf', () => {
  test.each([
    ['上半年', 1],
    ['下半年', 2],
    ['上', 1],
    ['下', 2],
    ['H1', 1],
    ['h2', 2],
    ['Ｈ１', 1],
    [1, 1],
    [2, 2],
    ['1', 1],
    ['2', 2],
    ['First half', 1],
    ['second half', 2],
    ['上半年度', 1],
  ])('%p → %p', (v, half) => expect(parseHalf(v)).toBe(half));
  test.each([['Q3'], [3], ['全年'], [null], ['']])('%p is not a half', (v) => expect(parseHalf(v as never)).toBeNull());
});

describe('parsePeriod: one cell or a sheet name', () => {
  test.each([
    ['2024年上半年', 2024, 1],
    ['2024年下半年', 2024, 2],
    ['2024 H1', 2024, 1],
    ['2024H2', 2024, 2],
    ['2024上', 2024, 1],
    ['2024-H2', 2024, 2],
    ['2024年下', 2024, 2],
    ['2024年度上半年', 2024, 1],
    ['２０２４年上半年', 2024, 1],
    ['H1 2024', 2024, 1],
    ['first half of 2024', 2024, 1],
    ['2024 second half', 2024, 2],
    ['2024-1', 2024, 1],
    ['2024/2', 2024, 2],
    ['变电工区党小组工作考评表（2021年上半年）', 2021, 1],
    ['2021年下半年考评', 2021, 2],
  ])('%p → %p %p', (text, year, half) => {
    expect(parsePeriod(text)).toEqual({ year, half });
  });
  test('a date serial gives its year and half', () => {
    expect(parsePeriod(45473)).toEqual({ year: 2024, half: 1 }); // 2024-06-30
    expect(parsePeriod(45474)).toEqual({ year: 2024, half: 2 }); // 2024-07-01
  });
  test.each([['Sheet1'], ['考评日期：2021年7月5日'], ['2021年上海公司'], ['2024'], ['第三季度'], [null], [2024]])('%p names no period', (v) => {
    expect(parsePeriod(v as never)).toBeNull();
  });
  test('a year outside 2000–2100 is reported as such', () => {
    expect(parsePeriod('1999年上半年')).toBe('year_out_of_range');
    expect(parsePeriod('2200 H1')).toBe('year_out_of_range');
  });
});

describe('veto and eligibility', () => {
  // SPEC §2.3: a vetoed assessment never results from a word that means "none".
  test.each([
    [null], [''], ['否'], ['N'], ['no'], ['No'], [0], ['0'], ['×'], ['✗'], ['无'], ['无。'], ['没有'], [false], ['  否 '],
    ['不涉及'], ['不涉及。'], ['不适用'], ['未涉及'], ['无此项'], ['无否决事项'], ['无安全事故'], ['未发生'],
    ['未发生责任性事故'], ['未出现违纪问题'], ['N/A'], ['n/a'], ['NA'], ['/'], ['-'], ['—'], ['ｎ／ａ'],
  ])('%p does not veto', (v) => {
    expect(readVeto(v as never)).toEqual({ kind: 'none' });
  });
  test.each([
    ['发生一般及以上责任性安全事故', '发生一般及以上责任性安全事故'],
    ['是', '是'],
    ['有', '有'],
    ['Y', 'Y'],
    ['Yes', 'Yes'],
    ['√', '√'],
    ['✓', '✓'],
    [1, '1'],
    [true, 'TRUE'],
    ['违反组织纪律', '违反组织纪律'],
  ])('%p vetoes, its text the reason', (v, reason) => {
    expect(readVeto(v as never)).toEqual({ kind: 'veto', reason });
  });
  test.each([['待定'], ['有？'], ['?'], ['待核实情况'], ['甲'], ['AB'], [2], [0.5], [{ error: '#N/A' }], [{ formula: '=A1' }]])(
    '%p is unreadable (VETO_UNREADABLE): neither clearly no nor yes',
    (v) => {
      expect(readVeto(v as never)).toEqual({ kind: 'unreadable' });
    },
  );
  test('eligibility: 否/N/No/0/× is ineligible, blank and yes-like are eligible, anything else unknown', () => {
    for (const v of ['否', 'N', 'No', 0, '×', 'ｎｏ']) expect(parseEligible(v)).toBe(false);
    for (const v of [null, '', '是', 'Y', 'yes', 1, '√']) expect(parseEligible(v)).toBe(true);
    expect(parseEligible('待定')).toBe('unknown');
  });
});

test('cellText shows a cell as the user sees it', () => {
  expect(cellText(12)).toBe('12');
  expect(cellText(' 优 ')).toBe('优');
  expect(cellText({ error: '#N/A' })).toBe('#N/A');
  expect(cellText(true)).toBe('TRUE');
  expect(cellText(null)).toBe('');
});
