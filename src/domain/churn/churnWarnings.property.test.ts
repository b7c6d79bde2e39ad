import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChurnInput,
  churnWarnings,
  dayNumber,
  medianOrderIntervalDays,
} from './churnWarnings';

const BASE = dayNumber('2020-01-01');
const toDate = (offset: number) =>
  new Date((BASE + offset) * 86_400_000).toISOString().slice(0, 10);

const offsets = fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 20 });
const cents = fc.integer({ min: 0, max: 100_000_000 });

const quiet: ChurnInput = {
  orderDates: [],
  revenueLast90Cents: 0,
  revenuePrev90Cents: 0,
  overdueCents: 0,
  today: '2024-06-30',
};

const has = (input: ChurnInput, code: string, options = {}) =>
  churnWarnings(input, options).some((w) => w.code === code);

describe('churn properties', () => {
  it('never flags revenue_drop when revenue held or rose', () => {
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 0, max: 100 }), (prev, rise, dropPercent) => {
        const input = { ...quiet, revenuePrev90Cents: prev, revenueLast90Cents: prev + rise };
        expect(has(input, 'revenue_drop', { dropPercent })).toBe(false);
      }),
    );
  });

  it('a deeper fall is flagged whenever a shallower one is', () => {
    fc.assert(
      fc.property(cents, cents, cents, (prev, a, b) => {
        const [deep, shallow] = [Math.min(a, b, prev), Math.min(Math.max(a, b), prev)];
        const input = (last: number) => ({
          ...quiet,
          revenuePrev90Cents: prev,
          revenueLast90Cents: last,
        });
        if (has(input(shallow), 'revenue_drop'))
          expect(has(input(deep), 'revenue_drop')).toBe(true);
      }),
    );
  });

  it('the median interval ignores order and repeated days, and lies between the gaps', () => {
    fc.assert(
      fc.property(offsets, (days) => {
        const dates = days.map(toDate);
        const median = medianOrderIntervalDays(dates);
        expect(medianOrderIntervalDays([...dates].reverse().concat(dates))).toBe(median);
        const distinct = [...new Set(days)].sort((x, y) => x - y);
        if (distinct.length < 2) {
          expect(median).toBeNull();
          return;
        }
        const gaps = distinct.slice(1).map((d, i) => d - (distinct[i] ?? d));
        expect(median).toBeGreaterThanOrEqual(Math.min(...gaps));
        expect(median).toBeLessThanOrEqual(Math.max(...gaps));
      }),
    );
  });

  it('once flagged, no_order_overdue stays flagged as days pass without orders', () => {
    fc.assert(
      fc.property(offsets, fc.nat(400), fc.nat(400), (days, after, wait) => {
        const last = Math.max(0, ...days);
        const input = (today: number) => ({
          ...quiet,
          orderDates: days.map(toDate),
          today: toDate(today),
        });
        if (has(input(last + after), 'no_order_overdue')) {
          expect(has(input(last + after + wait), 'no_order_overdue')).toBe(true);
        }
      }),
    );
  });
});
