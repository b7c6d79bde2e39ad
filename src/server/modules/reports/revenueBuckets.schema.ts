import { z } from 'zod';
import { isValidDay } from '../../../domain/format/dates';
import { parseYuanToCents } from '../../../domain/format/money';
import { ListQuery } from '../../http/listSchema';

const Day = z.string().refine((value) => isValidDay(value), 'must be a date YYYY-MM-DD');

/** Which sales count: an optional product and an inclusive order-date range. */
export const SalesScope = z.object({
  product: z.string().trim().max(200).optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type SalesScope = z.infer<typeof SalesScope>;

export const RevenueBucketsQuery = SalesScope.extend({
  /** Bucket edges in 元, ascending; default 10000,50000,100000,200000. */
  edges: z.string().max(500).optional(),
});

export const RevenueBucket = z.object({
  /** Inclusive, 元 (the first bucket also holds net-negative totals). */
  min: z.number(),
  /** Exclusive, 元; null for the last bucket. */
  max: z.number().nullable(),
  customers: z.number().int(),
  amount: z.number(),
});

export const RevenueBuckets = z.object({ buckets: z.array(RevenueBucket) });
export type RevenueBuckets = z.infer<typeof RevenueBuckets>;

const Yuan = z.string().transform((value, ctx) => {
  const parsed = parseYuanToCents(value);
  if (parsed.ok) return parsed.cents;
  ctx.addIssue({ code: 'custom', message: parsed.reason });
  return z.NEVER;
});

export const BucketCustomersQuery = ListQuery.extend(SalesScope.shape).extend({
  /** Inclusive lower bound in 元; omitted: no lower bound. */
  min: Yuan.optional(),
  /** Exclusive upper bound in 元; omitted: none. */
  max: Yuan.optional(),
});
export type BucketCustomersQuery = z.infer<typeof BucketCustomersQuery>;

export const BucketCustomer = z.object({
  customerId: z.string(),
  name: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** The customer's total in the period, 元. */
  amount: z.number(),
  lines: z.number().int(),
});
