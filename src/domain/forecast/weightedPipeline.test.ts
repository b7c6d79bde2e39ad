import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type WeightedDeal, weightedAmountCents, weightedPipelineCents } from './weightedPipeline';

const deal: fc.Arbitrary<WeightedDeal> = fc.record({
  amountCents: fc.integer({ min: 0, max: 1e13 }),
  probability: fc.integer({ min: 0, max: 100 }),
});

describe('weightedAmountCents', () => {
  it('is amount × probability / 100, halves rounded up', () => {
    expect(weightedAmountCents(1_000_000, 30)).toBe(300_000);
    expect(weightedAmountCents(333, 50)).toBe(167);
    expect(weightedAmountCents(1, 49)).toBe(0);
    expect(weightedAmountCents(1, 50)).toBe(1);
    expect(weightedAmountCents(12_345, 100)).toBe(12_345);
    expect(weightedAmountCents(12_345, 0)).toBe(0);
    expect(weightedAmountCents(Number.MAX_SAFE_INTEGER, 100)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses probabilities that are not whole percents 0..100', () => {
    for (const bad of [-1, 101, 12.5, Number.NaN]) {
      expect(() => weightedAmountCents(100, bad), String(bad)).toThrow(RangeError);
    }
    expect(() => weightedAmountCents(1.5, 10)).toThrow(RangeError);
  });
});

describe('weightedPipelineCents', () => {
  it('sums the deals rounded one by one', () => {
    const deals = [
      { amountCents: 1_000_000, probability: 30 },
      { amountCents: 333, probability: 50 },
      { amountCents: 1, probability: 50 },
    ];
    expect(weightedPipelineCents(deals)).toBe(300_168);
    expect(weightedPipelineCents([])).toBe(0);
  });

  it('rounds per deal, not on the total: three half cents make 3 cents, not 2', () => {
    const halfCent = { amountCents: 1, probability: 50 };
    expect(weightedPipelineCents([halfCent, halfCent, halfCent])).toBe(3);
  });

  it('adds up across any split of the deals (stages, reps, teams)', () => {
    fc.assert(
      fc.property(fc.array(deal), fc.array(deal), (a, b) => {
        return (
          weightedPipelineCents([...a, ...b]) ===
          weightedPipelineCents(a) + weightedPipelineCents(b)
        );
      }),
    );
  });

  it('stays within half a cent per deal of the exact weighted sum, and within the amount', () => {
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 50 }), (deals) => {
        const weighted = weightedPipelineCents(deals);
        const exactTimes100 = deals.reduce(
          (sum, d) => sum + BigInt(d.amountCents) * BigInt(d.probability),
          0n,
        );
        const difference = BigInt(weighted) * 100n - exactTimes100;
        const amount = deals.reduce((sum, d) => sum + d.amountCents, 0);
        return (
          (difference < 0n ? -difference : difference) <= BigInt(deals.length) * 50n &&
          weighted >= 0 &&
          weighted <= amount
        );
      }),
    );
  });
});
