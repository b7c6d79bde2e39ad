import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, unwrapCell } from './cellValue';
import { parseAmountToCents, parseQuantity } from './parseCell';

function cents(value: unknown): number | string {
  const result = parseAmountToCents(value);
  return result.ok ? result.cents : result.reason;
}

function quantity(value: unknown): string {
  const result = parseQuantity(value);
  return result.ok ? result.quantity : `!${result.reason}`;
}

describe('parseAmountToCents', () => {
  it.each([
    [1234.5, 123450],
    [0, 0],
    [-0, 0],
    [19.99, 1999],
    [0.1 + 0.2, 30],
    [1.005, 101],
    [-1.005, -101],
    [2.675, 268],
    [1e13, 1e15],
    [1.5e-7, 0],
    [0.005, 1],
    [0.0049, 0],
    [123456789.12, 12345678912],
    [10n, 1000],
  ])('number %s → %s cents', (value, expected) => {
    expect(cents(value)).toBe(expected);
  });

  it.each([
    ['1234.5', 123450],
    ['10,000.00', 1000000],
    ['1,234.50', 123450],
    ['1，234', 123400],
    ['1,234,567.891', 123456789],
    ['１２３４．５', 123450],
    ['￥12，345．６', 1234560],
    ['¥1,200', 120000],
    ['¥ 1,200.00 ', 120000],
    ['RMB 3.5', 350],
    ['rmb3.5', 350],
    ['CNY1200', 120000],
    ['1200 CNY', 120000],
    ['人民币1200元', 120000],
    ['1200元', 120000],
    ['1万元', 1000000],
    ['1万', 1000000],
    ['1.5万', 1500000],
    ['12.3456万元', 12345600],
    ['0.000001万', 1],
    ['1,234万', 1234000000],
    ['2亿', 20000000000],
    ['(1,200)', -120000],
    ['（1,200）', -120000],
    ['(¥1,200.50)', -120050],
    ['¥(1,200)', -120000],
    ['-1200', -120000],
    ['－1200', -120000],
    ['−1200', -120000],
    ['-¥5', -500],
    ['¥-5', -500],
    ['+5', 500],
    ['-1.5万元', -1500000],
    ['1 234.50', 123450],
    ['\u00a0 1234 \u3000', 123400],
    ['.5', 50],
    ['5.', 500],
    ['0012.30', 1230],
    ['1.2E+05', 12000000],
    ['12.345', 1235],
    ['-12.345', -1235],
    ['12.344999', 1234],
  ])('text %j → %s cents', (value, expected) => {
    expect(cents(value)).toBe(expected);
  });

  it.each([
    [null, 'empty'],
    [undefined, 'empty'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['-', 'empty'],
    ['—', 'empty'],
    ['¥ -   ', 'empty'],
    ['abc', 'not_a_number'],
    ['12abc', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['#N/A', 'not_a_number'],
    ['#VALUE!', 'not_a_number'],
    ['--5', 'not_a_number'],
    ['-(5)', 'not_a_number'],
    ['1200-', 'not_a_number'],
    ['¥', 'empty'],
    ['元', 'empty'],
    ['万', 'not_a_number'],
    [true, 'not_a_number'],
    [new Date(), 'not_a_number'],
    [{}, 'not_a_number'],
    [Number.NaN, 'not_a_number'],
    [Number.POSITIVE_INFINITY, 'not_a_number'],
    ['1,50', 'bad_thousands_separator'],
    ['1,2345', 'bad_thousands_separator'],
    ['12,34,567', 'bad_thousands_separator'],
    ['1.234,50', 'bad_thousands_separator'],
    [',123', 'bad_thousands_separator'],
    ['$1,200', 'unsupported_currency'],
    ['USD 1200', 'unsupported_currency'],
    ['€5', 'unsupported_currency'],
    ['1e999', 'out_of_range'],
    ['100000000000000000000', 'out_of_range'],
    [1e100, 'out_of_range'],
    [1e21, 'out_of_range'],
    ['90071992547409.92', 'out_of_range'],
  ])('%j is refused as %s', (value, reason) => {
    expect(cents(value)).toBe(reason);
  });

  it('accepts the largest safe number of cents', () => {
    expect(cents('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(cents('-90,071,992,547,409.91')).toBe(-Number.MAX_SAFE_INTEGER);
  });

  it('unwraps exceljs formula, rich-text, hyperlink and error cells', () => {
    expect(cents({ formula: 'SUM(A1:A3)', result: 1234.5 })).toBe(123450);
    expect(cents({ sharedFormula: 'B2', result: '1,200' })).toBe(120000);
    expect(cents({ formula: 'A1' })).toBe('empty');
    expect(cents({ richText: [{ text: '¥1,' }, { font: {}, text: '200' }] })).toBe(120000);
    expect(cents({ text: '88.8', hyperlink: 'http://x' })).toBe(8880);
    expect(cents({ error: '#DIV/0!' })).toBe('not_a_number');
  });

  const anyCents = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

  function yuanText(value: number): { sign: string; integer: string; fraction: string } {
    const text = String(Math.abs(value)).padStart(3, '0');
    return { sign: value < 0 ? '-' : '', integer: text.slice(0, -2), fraction: text.slice(-2) };
  }

  const toFullWidth = (text: string) =>
    text.replace(/[0-9.,()-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  it('reads back any amount written with separators, ¥, 元, parentheses or full-width', () => {
    fc.assert(
      fc.property(
        anyCents,
        fc.boolean(),
        fc.constantFrom('', '¥', '￥', 'RMB ', 'CNY'),
        fc.constantFrom('', '元', ' RMB'),
        fc.constantFrom('minus', 'parentheses'),
        fc.boolean(),
        (value, grouped, prefix, suffix, negativeStyle, fullWidth) => {
          const { sign, integer, fraction } = yuanText(value);
          const digits = grouped ? integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : integer;
          let text = `${prefix}${digits}.${fraction}${suffix}`;
          if (sign) text = negativeStyle === 'minus' ? `-${text}` : `(${text})`;
          if (fullWidth) text = toFullWidth(text);
          expect(cents(text)).toBe(value);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads back any amount written in 万元', () => {
    fc.assert(
      fc.property(anyCents, (value) => {
        const { sign, integer, fraction } = yuanText(value);
        const yuan = `${integer}${fraction}`.padStart(7, '0');
        const wan = `${yuan.slice(0, -6)}.${yuan.slice(-6)}`;
        expect(cents(`${sign}${wan}万元`)).toBe(value);
      }),
    );
  });

  it('reads back any amount given as a number of yuan', () => {
    const cells = fc.integer({ min: -1e15, max: 1e15 });
    fc.assert(
      fc.property(cells, (value) => {
        expect(cents(value / 100)).toBe(value);
      }),
    );
  });
});

describe('parseQuantity', () => {
  it.each([
    [3, '3'],
    [2.5, '2.5'],
    [0.1 + 0.2, '0.3'],
    [1.0005, '1.001'],
    [-3, '-3'],
    [-0.0004, '0'],
    ['1,200', '1200'],
    ['1，200件', '1200'],
    ['１２', '12'],
    ['2.50', '2.5'],
    ['2.000', '2'],
    ['12.3456', '12.346'],
    ['10 pcs', '10'],
    ['10PCS', '10'],
    ['5台', '5'],
    ['3.5 kg', '3.5'],
    ['3.5公斤', '3.5'],
    ['1万', '10000'],
    ['1.5万件', '15000'],
    ['(5)', '-5'],
    [{ formula: 'B2*2', result: 4 }, '4'],
  ])('%j → %s', (value, expected) => {
    expect(quantity(value)).toBe(expected);
  });

  it.each([
    ['', '!empty'],
    [null, '!empty'],
    ['-', '!empty'],
    ['件', '!not_a_number'],
    ['ten', '!not_a_number'],
    ['10 boxes', '!not_a_number'],
    ['1,5', '!bad_thousands_separator'],
    ['¥10', '!not_a_number'],
    ['1e20', '!out_of_range'],
    ['1000000000000000', '!out_of_range'],
  ])('%j → %s', (value, expected) => {
    expect(quantity(value)).toBe(expected);
  });

  it('reads back any quantity with up to 3 decimals, as text or as a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (thousandths) => {
        const digits = String(Math.abs(thousandths)).padStart(4, '0');
        const fraction = digits.slice(-3).replace(/0+$/, '');
        const sign = thousandths < 0 ? '-' : '';
        const canonical = `${sign}${digits.slice(0, -3)}${fraction ? `.${fraction}` : ''}`;
        expect(quantity(`${sign}${digits.slice(0, -3)}.${digits.slice(-3)}`)).toBe(canonical);
        expect(quantity(thousandths / 1000)).toBe(canonical);
        expect(quantity(canonical)).toBe(canonical);
      }),
    );
  });
});

describe('cell values', () => {
  it('turns cells into display text', () => {
    expect(cellText('  客户 ')).toBe('客户');
    expect(cellText(12)).toBe('12');
    expect(cellText(null)).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText({ richText: [{ text: '金' }, { text: '额' }] })).toBe('金额');
    expect(unwrapCell({ formula: 'A1', result: { error: '#REF!' } })).toBe('#REF!');
  });
});
