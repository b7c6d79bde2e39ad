import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketIndex,
  bucketLabel,
  bucketsFromEdges,
  edgeLabel,
  parseBucketEdges,
  totalsByBucket,
} from './revenueBuckets';

const DEFAULT_EDGES = [1_000_000, 5_000_000, 10_000_000, 20_000_000];

const edges = fc
  .uniqueArray(fc.integer({ min: 1, max: 1e12 }), { minLength: 1, maxLength: 20 })
  .map((values) => values.sort((a, b) => a - b));

describe('parseBucketEdges', () => {
  it('defaults to 1万, 5万, 10万, 20万 when missing or blank', () => {
    expect(parseBucketEdges(undefined)).toEqual({ ok: true, edgesCents: DEFAULT_EDGES });
    expect(parseBucketEdges('  ')).toEqual({ ok: true, edgesCents: DEFAULT_EDGES });
  });

  it('reads yuan with up to 2 decimals, spaces and full-width commas', () => {
    expect(parseBucketEdges('5000, 12345.67，100000')).toEqual({
      ok: true,
      edgesCents: [500_000, 1_234_567, 10_000_000],
    });
    expect(parseBucketEdges('0.5')).toEqual({ ok: true, edgesCents: [50] });
  });

  it('refuses edges that are not positive, not increasing, too precise or not numbers', () => {
    for (const bad of [
      '0',
      '-1',
      '100,100',
      '200,100',
      '1.001',
      'abc',
      '10000,',
      ',10000',
      '1e3x',
    ]) {
      const result = parseBucketEdges(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.reason, bad).not.toBe('');
    }
  });

  it('refuses more than 20 edges', () => {
    const many = Array.from({ length: 21 }, (_, i) => String(i + 1)).join(',');
    expect(parseBucketEdges(many).ok).toBe(false);
    expect(parseBucketEdges(many.replace(/,21$/, '')).ok).toBe(true);
  });
});

describe('bucketsFromEdges', () => {
  it('starts at 0 and ends open', () => {
    expect(bucketsFromEdges([1_000_000, 5_000_000])).toEqual([
      { minCents: 0, maxCents: 1_000_000 },
      { minCents: 1_000_000, maxCents: 5_000_000 },
      { minCents: 5_000_000, maxCents: null },
    ]);
  });
});

describe('bucketIndex', () => {
  it('puts amounts on an edge in the bucket that starts there (half-open)', () => {
    // Seed 003's R code leaves exactly 10,000 元 out of every bucket; here it is 1万–5万.
    expect(bucketIndex(1_000_000, DEFAULT_EDGES)).toBe(1);
    expect(bucketIndex(999_999, DEFAULT_EDGES)).toBe(0);
    expect(bucketIndex(5_000_000, DEFAULT_EDGES)).toBe(2);
    expect(bucketIndex(19_999_999, DEFAULT_EDGES)).toBe(3);
    expect(bucketIndex(20_000_000, DEFAULT_EDGES)).toBe(4);
    expect(bucketIndex(Number.MAX_SAFE_INTEGER, DEFAULT_EDGES)).toBe(4);
    expect(bucketIndex(0, DEFAULT_EDGES)).toBe(0);
  });

  it('puts net returns (negative totals) in the first bucket', () => {
    expect(bucketIndex(-50_000, DEFAULT_EDGES)).toBe(0);
  });

  it('places every amount in exactly one bucket, between its bounds', () => {
    fc.assert(
      fc.property(edges, fc.integer({ min: 0, max: 2e12 }), (edgesCents, amount) => {
        const buckets = bucketsFromEdges(edgesCents);
        const containing = buckets.filter(
          (b) => amount >= b.minCents && (b.maxCents === null || amount < b.maxCents),
        );
        return (
          containing.length === 1 && containing[0] === buckets[bucketIndex(amount, edgesCents)]
        );
      }),
    );
  });
});

describe('totalsByBucket', () => {
  it('counts and sums per bucket', () => {
    const totals = totalsByBucket(
      [-2_000, 999_999, 1_000_000, 4_999_999, 25_000_000],
      DEFAULT_EDGES,
    );
    expect(totals.map((t) => [t.customers, t.amountCents])).toEqual([
      [2, 997_999],
      [2, 5_999_999],
      [0, 0],
      [0, 0],
      [1, 25_000_000],
    ]);
  });

  it('accounts for every customer and every cent', () => {
    fc.assert(
      fc.property(edges, fc.array(fc.integer({ min: -1e9, max: 2e12 })), (edgesCents, amounts) => {
        const totals = totalsByBucket(amounts, edgesCents);
        const customers = totals.reduce((sum, t) => sum + t.customers, 0);
        const cents = totals.reduce((sum, t) => sum + t.amountCents, 0);
        return (
          totals.length === edgesCents.length + 1 &&
          customers === amounts.length &&
          cents === amounts.reduce((sum, a) => sum + a, 0)
        );
      }),
    );
  });
});

describe('bucketLabel', () => {
  const buckets = bucketsFromEdges(DEFAULT_EDGES);

  it('labels the default buckets in zh-CN', () => {
    expect(buckets.map((b) => bucketLabel(b, 'zh-CN'))).toEqual([
      '<1万',
      '1万–5万',
      '5万–10万',
      '10万–20万',
      '≥20万',
    ]);
  });

  it('labels the default buckets in en', () => {
    expect(buckets.map((b) => bucketLabel(b, 'en'))).toEqual([
      '< 10K',
      '10K–50K',
      '50K–100K',
      '100K–200K',
      '≥ 200K',
    ]);
  });

  it('keeps odd edges exact and picks the largest unit reached', () => {
    expect(edgeLabel(500_000, 'zh-CN')).toBe('5000');
    expect(edgeLabel(1_500_000, 'zh-CN')).toBe('1.5万');
    expect(edgeLabel(1_234_567, 'zh-CN')).toBe('1.234567万');
    expect(edgeLabel(25_000_000_000, 'zh-CN')).toBe('2.5亿');
    expect(edgeLabel(150_000_000, 'en')).toBe('1.5M');
    expect(edgeLabel(50, 'en')).toBe('0.5');
    expect(bucketLabel({ minCents: 500_000, maxCents: 1_500_000 }, 'zh-CN')).toBe('5000–1.5万');
  });

  it('labels a single bucket with no edges as everything', () => {
    expect(bucketLabel({ minCents: 0, maxCents: null }, 'zh-CN')).toBe('全部');
    expect(bucketLabel({ minCents: 0, maxCents: null }, 'en')).toBe('All');
  });
});
