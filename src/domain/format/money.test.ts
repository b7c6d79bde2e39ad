import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsToYuanString,
  formatMoney,
  formatPercent,
  parseYuanToCents,
  yuanToCents,
} from './money';

const safeCents = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('yuanToCents', () => {
  it('converts values whose doubles are inexact without losing a cent', () => {
    expect(yuanToCents(19.99)).toBe(1999);
    expect(yuanToCents(0.1)).toBe(10);
    expect(yuanToCents(0.3)).toBe(30);
    // 1.15 * 100 === 114.99999999999999 and 4.35 * 100 === 434.99999999999994.
    expect(yuanToCents(1.15)).toBe(115);
    expect(yuanToCents(4.35)).toBe(435);
    expect(yuanToCents(1234567.89)).toBe(123456789);
    expect(yuanToCents(0.29)).toBe(29);
    expect(yuanToCents(0.1) + yuanToCents(0.2)).toBe(yuanToCents(0.3));
  });

  it('reads strings: sign, missing digits on one side, trailing zeros, exponents', () => {
    expect(yuanToCents('1234.50')).toBe(123450);
    expect(yuanToCents(' -0.05 ')).toBe(-5);
    expect(yuanToCents('+7')).toBe(700);
    expect(yuanToCents('.5')).toBe(50);
    expect(yuanToCents('5.')).toBe(500);
    expect(yuanToCents('1.500')).toBe(150);
    expect(yuanToCents('1e3')).toBe(100000);
    expect(yuanToCents('1.2345E2')).toBe(12345);
    expect(yuanToCents('25e-2')).toBe(25);
    expect(Object.is(yuanToCents('-0'), 0)).toBe(true);
  });

  it('refuses more than 2 decimals, including float-arithmetic results', () => {
    expect(parseYuanToCents(0.1 + 0.2)).toEqual({
      ok: false,
      reason: "'0.30000000000000004' has more than 2 decimals",
    });
    expect(parseYuanToCents('1.001').ok).toBe(false);
    expect(parseYuanToCents('1e-3').ok).toBe(false);
    expect(() => yuanToCents('0.125')).toThrow(RangeError);
  });

  it('refuses what is not a plain decimal amount, or too large for exact cents', () => {
    for (const bad of ['', ' ', '.', '-', 'abc', '1,000', '¥5', '1 000', '0x10', '1e', '--1']) {
      expect(parseYuanToCents(bad).ok, bad).toBe(false);
    }
    expect(parseYuanToCents(Number.NaN).ok).toBe(false);
    expect(parseYuanToCents(Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(parseYuanToCents(1e21).ok).toBe(false);
    expect(parseYuanToCents('90071992547409.91').ok).toBe(true);
    expect(parseYuanToCents('90071992547409.92').ok).toBe(false);
  });

  it('round-trips every safe cents value through its yuan string', () => {
    fc.assert(fc.property(safeCents, (cents) => yuanToCents(centsToYuanString(cents)) === cents));
  });

  it('reads any number with at most 2 decimals as the cents it was written with', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        // The double nearest to cents / 100 is what JSON.parse gives for that yuan text.
        return yuanToCents(cents / 100) === cents;
      }),
    );
  });
});

describe('centsToYuanString', () => {
  it('writes two decimals and a leading minus', () => {
    expect(centsToYuanString(123450)).toBe('1234.50');
    expect(centsToYuanString(0)).toBe('0.00');
    expect(centsToYuanString(-5)).toBe('-0.05');
    expect(centsToYuanString(-100)).toBe('-1.00');
  });

  it('refuses fractions of a cent', () => {
    expect(() => centsToYuanString(1.5)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats the exact amount with the yuan sign in both locales', () => {
    expect(formatMoney(123456700, 'zh-CN')).toBe('¥1,234,567.00');
    expect(formatMoney(123456789, 'en')).toBe('¥1,234,567.89');
    expect(formatMoney(-5, 'zh-CN')).toBe('-¥0.05');
    expect(formatMoney(0, 'en')).toBe('¥0.00');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'en')).toBe('¥90,071,992,547,409.91');
  });

  it('uses another currency when the org has one', () => {
    expect(formatMoney(150, 'en', { currency: 'USD' })).toBe('$1.50');
  });

  it('compacts zh-CN in 万 and 亿 with two decimals', () => {
    const zh = (cents: number) => formatMoney(cents, 'zh-CN', { compact: true });
    expect(zh(123456700)).toBe('123.46 万');
    expect(zh(12345678900)).toBe('1.23 亿');
    expect(zh(1000000)).toBe('1 万');
    expect(zh(150000000)).toBe('150 万');
    expect(zh(999999)).toBe('9,999.99');
    expect(zh(5)).toBe('0.05');
    expect(zh(-123456700)).toBe('-123.46 万');
    // 9,999.99995 万 rounds to 10,000 万, which is written 1 亿.
    expect(zh(9999999999)).toBe('1 亿');
  });

  it('compacts en to three significant digits in K, M, B', () => {
    const en = (cents: number) => formatMoney(cents, 'en', { compact: true });
    expect(en(123456700)).toBe('1.23M');
    expect(en(1234500)).toBe('12.3K');
    expect(en(12345600)).toBe('123K');
    expect(en(100000)).toBe('1K');
    // Below 1K: to the fen, as zh-CN below 1 万.
    expect(en(12345)).toBe('123.45');
    expect(en(1234)).toBe('12.34');
    expect(en(50055)).toBe('500.55');
    expect(en(99995000)).toBe('1M');
    expect(en(99999)).toBe('999.99');
    expect(en(-250000000000)).toBe('-2.5B');
  });

  it('keeps the compact figure within its rounding of the exact one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e15 }), (cents) => {
        const text = formatMoney(cents, 'zh-CN', { compact: true });
        const [, number = '', unit = ''] = /^([\d,.]+)(?: (万|亿))?$/.exec(text) ?? [];
        const unitCents = unit === '亿' ? 1e10 : unit === '万' ? 1e6 : 100;
        const shown = Number(number.replaceAll(',', '')) * unitCents;
        // Two decimals of the unit: off by at most half of a hundredth of it.
        return Math.abs(shown - cents) <= unitCents / 200 + 1e-6 * cents;
      }),
    );
  });
});

describe('formatPercent', () => {
  it('writes a percent value with one decimal by default', () => {
    expect(formatPercent(12.5)).toBe('12.5%');
    expect(formatPercent(12)).toBe('12.0%');
    expect(formatPercent(100)).toBe('100.0%');
    expect(formatPercent(33.333)).toBe('33.3%');
    expect(formatPercent(0.05)).toBe('0.1%');
    expect(formatPercent(-12.25)).toBe('-12.3%');
    expect(formatPercent(-0.01)).toBe('0.0%');
    expect(formatPercent(1.005, 2)).toBe('1.01%');
    expect(formatPercent(7, 0)).toBe('7%');
  });

  it('shows a dash when there is no rate', () => {
    expect(formatPercent(null)).toBe('—');
  });
});
