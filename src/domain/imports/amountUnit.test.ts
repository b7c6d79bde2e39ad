import { describe, expect, it } from 'vitest';
import { headerAmountUnit, withAmountUnit } from './amountUnit';
import { parseAmountToCents } from './parseCell';

describe('headerAmountUnit', () => {
  it.each([
    ['金额(万元)', '万'],
    ['金额（万元）', '万'],
    ['销售额/万元', '万'],
    ['价税合计 (万)', '万'],
    ['回款金额【万元】', '万'],
    ['金额(亿元)', '亿'],
    ['金额(元)', null],
    ['价税合计', null],
    ['万达订单号', null],
    ['Amount', null],
  ])('%s → %s', (header, unit) => {
    expect(headerAmountUnit(header)).toBe(unit);
  });
});

describe('withAmountUnit', () => {
  const cents = (value: unknown, unit: '万' | '亿' | null) =>
    parseAmountToCents(withAmountUnit(value, unit));

  it('scales numbers and number text exactly', () => {
    expect(cents(12.5, '万')).toEqual({ ok: true, cents: 12_500_000 });
    expect(cents(1.23456, '万')).toEqual({ ok: true, cents: 1_234_560 });
    expect(cents('1,234.5', '万')).toEqual({ ok: true, cents: 1_234_500_000 });
    expect(cents('¥3', '万')).toEqual({ ok: true, cents: 3_000_000 });
    expect(cents('(1,200)', '万')).toEqual({ ok: true, cents: -1_200_000_000 });
    expect(cents('-0.5', '万')).toEqual({ ok: true, cents: -500_000 });
    expect(cents('１２．５', '万')).toEqual({ ok: true, cents: 12_500_000 });
    expect(cents(0.02, '亿')).toEqual({ ok: true, cents: 200_000_000 });
  });

  it('keeps a unit the cell names itself, and blank cells blank', () => {
    expect(cents('3万元', '万')).toEqual({ ok: true, cents: 3_000_000 });
    expect(cents('500元', '万')).toEqual({ ok: true, cents: 50_000 });
    expect(cents('', '万')).toEqual({ ok: false, reason: 'empty' });
    expect(cents('-', '万')).toEqual({ ok: false, reason: 'empty' });
    expect(cents(null, '万')).toEqual({ ok: false, reason: 'empty' });
    expect(cents('abc', '万')).toEqual({ ok: false, reason: 'not_a_number' });
  });

  it('passes cells through without a unit', () => {
    expect(cents(12.5, null)).toEqual({ ok: true, cents: 1250 });
    expect(withAmountUnit({ formula: 'A1', result: 7 }, null)).toBe(7);
  });
});
