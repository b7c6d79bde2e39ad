import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountQuadrant, customerValueCents } from './accountQuadrant';

const BENCH = { currentCents: 10_000_000, potentialCents: 5_000_000 };

describe('accountQuadrant', () => {
  it('splits at the benchmarks, which count as high', () => {
    expect(accountQuadrant(10_000_000, 5_000_000, BENCH)).toBe('strategic');
    expect(accountQuadrant(10_000_000, 4_999_999, BENCH)).toBe('key');
    expect(accountQuadrant(9_999_999, 5_000_000, BENCH)).toBe('potential');
    expect(accountQuadrant(0, 0, BENCH)).toBe('general');
  });

  it('never counts nothing as high, even at a zero benchmark', () => {
    const zero = { currentCents: 0, potentialCents: 0 };
    expect(accountQuadrant(0, 0, zero)).toBe('general');
    expect(accountQuadrant(0, 120_000, zero)).toBe('potential');
    expect(accountQuadrant(1, 0, zero)).toBe('key');
    expect(accountQuadrant(1, 1, zero)).toBe('strategic');
  });

  it('moves a customer only towards higher quadrants as its figures grow', () => {
    const rank = { general: 0, key: 1, potential: 1, strategic: 2 } as const;
    fc.assert(
      fc.property(
        fc.nat(1e12),
        fc.nat(1e12),
        fc.nat(1e12),
        fc.nat(1e12),
        (current, potential, more, morePotential) => {
          const before = accountQuadrant(current, potential, BENCH);
          const after = accountQuadrant(current + more, potential + morePotential, BENCH);
          expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
        },
      ),
    );
  });

  it('values a customer at current + potential', () => {
    expect(customerValueCents(123_45, 1_00)).toBe(124_45);
    expect(() => customerValueCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });
});
