import { z } from 'zod';
import { isValidDay } from '../../../domain/format/dates';
import { LOCALES } from '../../../domain/vocabulary';
import { Id } from '../users/users.schema';

/** The language of stage names and export headers; default the user's. */
export const LocaleParam = z.object({ locale: z.enum(LOCALES).optional() });

const Day = z.string().refine((value) => isValidDay(value), 'must be a date YYYY-MM-DD');

/** Which deals a funnel report covers; days are inclusive, in the org's time zone. */
export const FunnelReportQuery = LocaleParam.extend({
  /** Defaults to the org's first deal funnel. */
  funnelId: Id.optional(),
  from: Day.optional(),
  to: Day.optional(),
  ownerId: Id.optional(),
  teamId: Id.optional(),
});
export type FunnelReportQuery = z.infer<typeof FunnelReportQuery>;

const Ratio = z.number().nullable();

export const FunnelReportStage = z.object({
  key: z.string(),
  name: z.string(),
  /** Deals in the stage now (won and lost deals at their terminal stage). */
  count: z.number().int(),
  /** 元. */
  amount: z.number(),
  /** Σ amount × probability, rounded per deal; 元. */
  weightedAmount: z.number(),
  /** Deals that ever entered this stage or a later one. */
  reached: z.number().int(),
  /** Next stage's reached ÷ this stage's reached (ratio 0..1); null when nothing reached it. */
  conversionToNext: Ratio,
});

export const FunnelReport = z.object({
  stages: z.array(FunnelReportStage),
  /** won ÷ (won + lost), ratio 0..1; null when none closed. */
  winRate: Ratio,
});
export type FunnelReport = z.infer<typeof FunnelReport>;

export const BreakdownQuery = FunnelReportQuery.extend({
  by: z.enum(['owner', 'team', 'product', 'source']).default('owner'),
});
export type BreakdownQuery = z.infer<typeof BreakdownQuery>;

export const FunnelBreakdown = z.object({
  stages: z.array(z.object({ key: z.string(), name: z.string() })),
  rows: z.array(
    z.object({
      /** Owner, team id, product or source; null: none recorded. */
      key: z.string().nullable(),
      label: z.string().nullable(),
      /** Deals now in each stage, in the funnel's order (same as `stages`). */
      counts: z.array(z.number().int()),
      amounts: z.array(z.number()),
      deals: z.number().int(),
      amount: z.number(),
      weightedAmount: z.number(),
      won: z.number().int(),
      lost: z.number().int(),
      winRate: Ratio,
    }),
  ),
});
export type FunnelBreakdown = z.infer<typeof FunnelBreakdown>;

export const FunnelFlow = z.object({
  from: z.string(),
  to: z.string(),
  stages: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      /** Distinct deals that entered the stage during the period. */
      entered: z.number().int(),
      /** Their current amounts, 元. */
      amount: z.number(),
    }),
  ),
});
export type FunnelFlow = z.infer<typeof FunnelFlow>;

export const TrendQuery = FunnelReportQuery.omit({ from: true, to: true }).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type TrendQuery = z.infer<typeof TrendQuery>;

export const FunnelTrend = z.object({
  year: z.number().int(),
  /** '2026-01' … '2026-12'. */
  months: z.array(z.string()),
  series: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      /** Distinct deals entering the stage in each month. */
      entered: z.array(z.number().int()),
    }),
  ),
});
export type FunnelTrend = z.infer<typeof FunnelTrend>;

export const FunnelVelocity = z.object({
  stages: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      /** Finished stays in the stage (the deal moved on) that ended in the period. */
      stays: z.number().int(),
      /** Nearest-rank median and 80th percentile of whole days in the stage. */
      medianDays: z.number().nullable(),
      p80Days: z.number().nullable(),
    }),
  ),
});
export type FunnelVelocity = z.infer<typeof FunnelVelocity>;

export const StaleDeal = z.object({
  id: z.string(),
  name: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  stageKey: z.string(),
  stageName: z.string(),
  amount: z.number(),
  stageEnteredAt: z.string(),
  staleAt: z.string(),
  /** Whole days since the deal entered its stage. */
  daysInStage: z.number().int(),
});
export const StaleDeals = z.object({ items: z.array(StaleDeal), total: z.number().int() });
export type StaleDeals = z.infer<typeof StaleDeals>;

export const WonBySource = z.object({
  rows: z.array(
    z.object({
      source: z.string().nullable(),
      /** Distinct customers with a deal won in the period. */
      customers: z.number().int(),
      deals: z.number().int(),
      amount: z.number(),
    }),
  ),
});
export type WonBySource = z.infer<typeof WonBySource>;

export const LostReasons = z.object({
  rows: z.array(
    z.object({
      reason: z.string().nullable(),
      deals: z.number().int(),
      amount: z.number(),
    }),
  ),
});
export type LostReasons = z.infer<typeof LostReasons>;

export const ReportExportQuery = FunnelReportQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});
