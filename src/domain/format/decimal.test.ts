import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, percentOneDecimal } from './decimal';

describe('divideRounded', () => {
  it('rounds halves away from zero, like PostgreSQL round()', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(7n, 3n)).toBe(2n);
    expect(divideRounded(-7n, 3n)).toBe(-2n);
    expect(divideRounded(0n, 9n)).toBe(0n);
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });

  it('is never more than half a unit from the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 20n }), (n, d) => {
        const error = divideRounded(n, d) * d - n;
        return 2n * (error < 0n ? -error : error) <= d;
      }),
    );
  });
});

describe('percentOneDecimal', () => {
  it('gives a percent with one decimal', () => {
    expect(percentOneDecimal(1, 8)).toBe(12.5);
    expect(percentOneDecimal(1, 3)).toBe(33.3);
    expect(percentOneDecimal(2, 3)).toBe(66.7);
    expect(percentOneDecimal(1, 2000)).toBe(0.1);
    expect(percentOneDecimal(1, 2001)).toBe(0);
    expect(percentOneDecimal(-1, 8)).toBe(-12.5);
  });
});
