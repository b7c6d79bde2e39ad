import { describe, expect, it } from 'vitest';
import {
  type ChurnInput,
  churnWarnings,
  dayNumber,
  medianOrderIntervalDays,
} from './churnWarnings';

const quiet: ChurnInput = {
  orderDates: [],
  revenueLast90Cents: 0,
  revenuePrev90Cents: 0,
  overdueCents: 0,
  contractEndDate: null,
  today: '2024-04-01',
};

function codes(input: Partial<ChurnInput>, options = {}) {
  return churnWarnings({ ...quiet, ...input }, options).map((w) => w.code);
}

describe('medianOrderIntervalDays', () => {
  it('is null without two distinct order days', () => {
    expect(medianOrderIntervalDays([])).toBeNull();
    expect(medianOrderIntervalDays(['2024-01-05'])).toBeNull();
    expect(medianOrderIntervalDays(['2024-01-05', '2024-01-05'])).toBeNull();
  });

  it('sorts the dates and counts several orders on one day once', () => {
    // gaps: Jan 1 → Jan 11 = 10, Jan 11 → Feb 10 = 30, Feb 10 → Feb 22 = 12 → median 12
    const dates = ['2024-02-10', '2024-01-01', '2024-02-22', '2024-01-11', '2024-01-11'];
    expect(medianOrderIntervalDays(dates)).toBe(12);
  });

  it('averages the middle two gaps for an even count', () => {
    // gaps 10 and 20
    expect(medianOrderIntervalDays(['2024-01-01', '2024-01-11', '2024-01-31'])).toBe(15);
  });

  it('counts a leap day', () => {
    expect(medianOrderIntervalDays(['2024-02-28', '2024-03-01'])).toBe(2);
    expect(medianOrderIntervalDays(['2023-02-28', '2023-03-01'])).toBe(1);
  });
});

describe('no_order_overdue', () => {
  // gaps Jan 1 → Jan 31 = 30, Jan 31 → Mar 1 = 30 (2024 is a leap year): median 30, allowed 45
  const orderDates = ['2024-03-01', '2024-01-01', '2024-01-31'];

  it('stays quiet at exactly 1.5 × the median interval', () => {
    expect(codes({ orderDates, today: '2024-04-15' })).toEqual([]);
  });

  it('warns one day later, with the numbers', () => {
    expect(churnWarnings({ ...quiet, orderDates, today: '2024-04-16' })).toEqual([
      {
        code: 'no_order_overdue',
        severity: 'warning',
        label: {
          'zh-CN': '已46天未下单(通常约30天一单)',
          en: 'No order for 46 days (usually one every 30 days)',
        },
        detail: { daysSinceLastOrder: 46, medianIntervalDays: 30, allowedDays: 45, orderCount: 3 },
      },
    ]);
  });

  it('turns critical past twice the allowed gap', () => {
    const at = (today: string) => churnWarnings({ ...quiet, orderDates, today })[0]?.severity;
    expect(at('2024-05-30')).toBe('warning'); // 90 days
    expect(at('2024-05-31')).toBe('critical'); // 91 days
  });

  it('needs at least minOrders distinct order days', () => {
    const two = ['2024-01-01', '2024-01-31'];
    expect(codes({ orderDates: two, today: '2024-12-31' })).toEqual([]);
    expect(codes({ orderDates: ['2024-01-01'], today: '2024-12-31' })).toEqual([]);
    expect(codes({ orderDates: [...two, '2024-01-31'], today: '2024-12-31' })).toEqual([]);
    expect(codes({ orderDates: two, today: '2024-12-31' }, { minOrders: 2 })).toEqual([
      'no_order_overdue',
    ]);
  });

  it('ignores orders dated after today', () => {
    const withFuture = [...orderDates, '2024-05-01'];
    expect(codes({ orderDates: withFuture, today: '2024-04-16' })).toEqual(['no_order_overdue']);
  });

  it('follows the interval factor', () => {
    expect(codes({ orderDates, today: '2024-04-16' }, { intervalFactor: 2 })).toEqual([]);
  });
});

describe('revenue_drop', () => {
  it('warns at exactly a 30% drop and not a cent less', () => {
    const [warning] = churnWarnings({
      ...quiet,
      revenuePrev90Cents: 100_000,
      revenueLast90Cents: 70_000,
    });
    expect(warning).toEqual({
      code: 'revenue_drop',
      severity: 'warning',
      label: {
        'zh-CN': '近90天销售额较前90天下降30%',
        en: 'Revenue in the last 90 days fell 30% from the 90 days before',
      },
      detail: { revenueLast90Cents: 70_000, revenuePrev90Cents: 100_000, dropPercent: 30 },
    });
    expect(codes({ revenuePrev90Cents: 100_000, revenueLast90Cents: 70_001 })).toEqual([]);
  });

  it('turns critical at twice the drop percentage', () => {
    const severity = (last: number) =>
      churnWarnings({ ...quiet, revenuePrev90Cents: 100_000, revenueLast90Cents: last })[0]
        ?.severity;
    expect(severity(40_001)).toBe('warning');
    expect(severity(40_000)).toBe('critical');
    expect(severity(0)).toBe('critical');
  });

  it('needs revenue in the earlier period and a real fall', () => {
    expect(codes({ revenuePrev90Cents: 0, revenueLast90Cents: 0 })).toEqual([]);
    expect(codes({ revenuePrev90Cents: 100, revenueLast90Cents: 100 }, { dropPercent: 0 })).toEqual(
      [],
    );
    expect(codes({ revenuePrev90Cents: 100, revenueLast90Cents: 500 })).toEqual([]);
  });

  it('rounds the shown percentage to one decimal', () => {
    const [warning] = churnWarnings({ ...quiet, revenuePrev90Cents: 3, revenueLast90Cents: 1 });
    expect(warning?.detail.dropPercent).toBe(66.7);
  });
});

describe('payment_overdue and contract_ending', () => {
  it('warns about any overdue cent', () => {
    expect(codes({ overdueCents: 0 })).toEqual([]);
    const [warning] = churnWarnings({ ...quiet, overdueCents: 123_456 });
    expect(warning).toMatchObject({
      code: 'payment_overdue',
      severity: 'warning',
      label: { 'zh-CN': '逾期未付款1,234.56元', en: '¥1,234.56 overdue' },
      detail: { overdueCents: 123_456 },
    });
  });

  it('warns from 30 days before the contract ends, including the last day', () => {
    expect(codes({ contractEndDate: '2024-05-02' })).toEqual([]); // 31 days
    const in30 = churnWarnings({ ...quiet, contractEndDate: '2024-05-01' })[0];
    expect(in30).toMatchObject({ severity: 'warning', detail: { daysLeft: 30 } });
    expect(in30?.label.en).toBe('Contract ends in 30 days');
    const today = churnWarnings({ ...quiet, contractEndDate: '2024-04-01' })[0];
    expect(today).toMatchObject({ severity: 'warning', detail: { daysLeft: 0 } });
  });

  it('keeps an ended contract flagged as critical', () => {
    const ended = churnWarnings({ ...quiet, contractEndDate: '2024-03-31' })[0];
    expect(ended).toMatchObject({ severity: 'critical', detail: { daysLeft: -1 } });
    expect(ended?.label['zh-CN']).toBe('合同已于1天前到期');
  });
});

describe('churnWarnings', () => {
  it('gives nothing for an empty history', () => {
    expect(churnWarnings(quiet)).toEqual([]);
  });

  it('lists all four warnings in a fixed order', () => {
    const input: ChurnInput = {
      orderDates: ['2024-01-01', '2024-01-11', '2024-01-21'],
      revenueLast90Cents: 0,
      revenuePrev90Cents: 5_000,
      overdueCents: 1,
      contractEndDate: '2024-04-10',
      today: '2024-04-01',
    };
    expect(churnWarnings(input).map((w) => w.code)).toEqual([
      'no_order_overdue',
      'revenue_drop',
      'payment_overdue',
      'contract_ending',
    ]);
  });

  it('rejects dates that are not YYYY-MM-DD calendar days', () => {
    expect(() => churnWarnings({ ...quiet, today: '2024/04/01' })).toThrow(RangeError);
    expect(() => churnWarnings({ ...quiet, orderDates: ['2024-02-30'] })).toThrow(RangeError);
    expect(() => dayNumber('2024-13-01')).toThrow('not a calendar date');
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});
