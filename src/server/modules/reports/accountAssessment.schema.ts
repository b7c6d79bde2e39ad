import { z } from 'zod';
import { isValidDay } from '../../../domain/format/dates';
import { parseYuanToCents } from '../../../domain/format/money';
import { ACCOUNT_QUADRANTS } from '../../../domain/reports/accountQuadrant';
import { Id } from '../users/users.schema';
import { LocaleParam } from './funnelReport.schema';

const Day = z.string().refine((value) => isValidDay(value), 'must be a date YYYY-MM-DD');
const Yuan = z.string().transform((value, ctx) => {
  const parsed = parseYuanToCents(value);
  if (parsed.ok && parsed.cents >= 0) return parsed.cents;
  ctx.addIssue({ code: 'custom', message: parsed.ok ? 'must not be negative' : parsed.reason });
  return z.NEVER;
});

export const AssessmentQuery = LocaleParam.extend({
  /** Sales-record days counted as current revenue (inclusive); default the last 12 months. */
  from: Day.optional(),
  to: Day.optional(),
  ownerId: Id.optional(),
  teamId: Id.optional(),
  /** 元: at or above is high current revenue; default the average of the customers shown. */
  currentBenchmark: Yuan.optional(),
  /** 元: at or above is high potential; default the average of the customers shown. */
  potentialBenchmark: Yuan.optional(),
});
export type AssessmentQuery = z.infer<typeof AssessmentQuery>;

const Quadrant = z.enum(ACCOUNT_QUADRANTS as [string, ...string[]]);

export const AssessedCustomer = z.object({
  customerId: z.string(),
  name: z.string(),
  ownerName: z.string().nullable(),
  score: z.number().nullable(),
  grade: z.string().nullable(),
  /** Sales records in the period, 元. */
  current: z.number(),
  /** Weighted open pipeline (Σ amount × probability of open deals), 元. */
  potential: z.number(),
  openDeals: z.number().int(),
  /** current + potential, 元. */
  value: z.number(),
  quadrant: Quadrant,
});

export const AccountAssessment = z.object({
  from: z.string(),
  to: z.string(),
  currentBenchmark: z.number(),
  potentialBenchmark: z.number(),
  quadrants: z.array(
    z.object({
      quadrant: Quadrant,
      label: z.string(),
      customers: z.number().int(),
      current: z.number(),
      potential: z.number(),
      value: z.number(),
    }),
  ),
  /** Customers with revenue or potential, highest value first (1,000 at most). */
  customers: z.array(AssessedCustomer),
  total: z.number().int(),
});
export type AccountAssessment = z.infer<typeof AccountAssessment>;

export const AssessmentExportQuery = AssessmentQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});
