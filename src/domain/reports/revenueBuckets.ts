// Revenue distribution (客户漏斗图): customers bucketed by their revenue total.
// Seed 003's R code uses strict inequalities on both sides, so a customer at exactly
// 10,000 元 falls in no bucket; ours are half-open [min, max) and cover every amount.
import { parseYuanToCents } from '../format/money';
import type { Locale } from '../vocabulary';

export const DEFAULT_BUCKET_EDGES_YUAN = '10000,50000,100000,200000';
/** More edges than this make neither a readable funnel chart nor a sane query. */
export const MAX_BUCKET_EDGES = 20;

export type BucketEdgesResult = { ok: true; edgesCents: number[] } | { ok: false; reason: string };

/**
 * Parses `?edges=` (yuan, comma-separated; a full-width '，' typed in a Chinese form
 * also works). Missing or blank means the default <1万, 1–5万, 5–10万, 10–20万, ≥20万.
 * Each edge is positive with at most 2 decimals, and the list strictly increases.
 */
export function parseBucketEdges(text: string | undefined): BucketEdgesResult {
  const source = text?.trim() ? text : DEFAULT_BUCKET_EDGES_YUAN;
  const items = source.split(/[,，]/);
  if (items.length > MAX_BUCKET_EDGES) {
    return { ok: false, reason: `at most ${MAX_BUCKET_EDGES} edges` };
  }
  const edgesCents: number[] = [];
  for (const item of items) {
    if (!item.trim()) return { ok: false, reason: 'an edge is empty' };
    const parsed = parseYuanToCents(item);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    if (parsed.cents <= 0) return { ok: false, reason: `edge '${item.trim()}' must be positive` };
    const previous = edgesCents.at(-1);
    if (previous !== undefined && parsed.cents <= previous) {
      return {
        ok: false,
        reason: `edges must increase: '${item.trim()}' comes after a larger or equal edge`,
      };
    }
    edgesCents.push(parsed.cents);
  }
  return { ok: true, edgesCents };
}

export interface RevenueBucket {
  /** Inclusive. The first bucket says 0 but also takes negative totals (net returns). */
  minCents: number;
  /** Exclusive; null for the open-ended last bucket. */
  maxCents: number | null;
}

/** [0, e0), [e0, e1), …, [eLast, ∞): one more bucket than edges. */
export function bucketsFromEdges(edgesCents: readonly number[]): RevenueBucket[] {
  const buckets: RevenueBucket[] = [];
  let minCents = 0;
  for (const edge of edgesCents) {
    buckets.push({ minCents, maxCents: edge });
    minCents = edge;
  }
  buckets.push({ minCents, maxCents: null });
  return buckets;
}

/**
 * The bucket an amount belongs to: the number of edges ≤ amount. Anything below the
 * first edge, negative totals included, lands in bucket 0, so no customer is dropped.
 */
export function bucketIndex(amountCents: number, edgesCents: readonly number[]): number {
  let index = 0;
  while (index < edgesCents.length && amountCents >= (edgesCents[index] as number)) index += 1;
  return index;
}

export interface BucketTotal extends RevenueBucket {
  customers: number;
  amountCents: number;
}

/**
 * Counts and sums per bucket. The report itself is one SQL query; this is the
 * reference its tests compare against, and it serves small in-memory sets.
 */
export function totalsByBucket(
  customerTotalsCents: readonly number[],
  edgesCents: readonly number[],
): BucketTotal[] {
  const totals = bucketsFromEdges(edgesCents).map((bucket) => ({
    ...bucket,
    customers: 0,
    amountCents: 0,
  }));
  for (const amountCents of customerTotalsCents) {
    const total = totals[bucketIndex(amountCents, edgesCents)] as BucketTotal;
    total.customers += 1;
    total.amountCents += amountCents;
  }
  return totals;
}

interface LabelUnit {
  cents: number;
  suffix: string;
}

// Largest first. Labels stay exact (1.5万, not a rounded 2万) because a bucket's
// edge is a rule people check amounts against.
const LABEL_UNITS: Record<Locale, LabelUnit[]> = {
  'zh-CN': [
    { cents: 10_000_000_000, suffix: '亿' },
    { cents: 1_000_000, suffix: '万' },
  ],
  en: [
    { cents: 100_000_000_000, suffix: 'B' },
    { cents: 100_000_000, suffix: 'M' },
    { cents: 100_000, suffix: 'K' },
  ],
};

/** An edge in the largest unit it reaches, exact: 1,000,000 cents → '1万' / '10K'. */
export function edgeLabel(cents: number, locale: Locale): string {
  const unit = LABEL_UNITS[locale].find((candidate) => cents >= candidate.cents) ?? {
    cents: 100,
    suffix: '',
  };
  const whole = Math.floor(cents / unit.cents);
  const fractionDigits = String(unit.cents).length - 1;
  const fraction = String(cents % unit.cents)
    .padStart(fractionDigits, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}${unit.suffix}`;
}

/** '<1万', '1万–5万', '≥20万' in zh-CN; '< 10K', '10K–50K', '≥ 200K' in en. */
export function bucketLabel(bucket: RevenueBucket, locale: Locale): string {
  const gap = locale === 'en' ? ' ' : '';
  if (bucket.maxCents === null && bucket.minCents <= 0) return locale === 'en' ? 'All' : '全部';
  // The first bucket is "below the first edge", not "0 to …": it includes net returns.
  if (bucket.minCents <= 0 && bucket.maxCents !== null) {
    return `<${gap}${edgeLabel(bucket.maxCents, locale)}`;
  }
  if (bucket.maxCents === null) return `≥${gap}${edgeLabel(bucket.minCents, locale)}`;
  return `${edgeLabel(bucket.minCents, locale)}–${edgeLabel(bucket.maxCents, locale)}`;
}
