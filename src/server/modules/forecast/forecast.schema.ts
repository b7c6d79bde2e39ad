import { z } from 'zod';
import { parsePeriodKey } from '../../../domain/forecast/forecastPeriod';
import { parseYuanToCents } from '../../../domain/format/money';
import { LocaleParam } from '../reports/funnelReport.schema';
import { Id } from '../users/users.schema';

export const PeriodKey = z
  .string()
  .refine(
    (value) => parsePeriodKey(value) !== null,
    'must be a month YYYY-MM or a quarter YYYY-Qn',
  );

export const ForecastScope = LocaleParam.extend({
  funnelId: Id.optional(),
  ownerId: Id.optional(),
  teamId: Id.optional(),
  /** Months of stage history the history-based method learns from. */
  lookbackMonths: z.coerce.number().int().min(1).max(60).default(12),
});
export type ForecastScope = z.infer<typeof ForecastScope>;

export const ForecastQuery = ForecastScope.extend({
  /** Default: the current month. */
  period: PeriodKey.optional(),
});
export type ForecastQuery = z.infer<typeof ForecastQuery>;

export const ForecastDealSort = z.enum(['amount', 'expectedCloseDate']);
export type ForecastDealSort = z.infer<typeof ForecastDealSort>;

/** The open deals of the forecast, a page at a time. */
export const ForecastDealsQuery = ForecastQuery.extend({
  /** amount: by amount, ties by id; expectedCloseDate: deals without a date last, ties by amount descending. */
  sort: ForecastDealSort.default('amount'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ForecastDealsQuery = z.infer<typeof ForecastDealsQuery>;

export const ForecastMethodKey = z.enum(['weighted', 'history', 'committed']);
export type ForecastMethodKey = z.infer<typeof ForecastMethodKey>;

const Period = z.object({ key: z.string(), from: z.string(), to: z.string() });

export const ForecastMethod = z.object({
  method: ForecastMethodKey,
  /** Expected from the deals still open, 元. */
  expected: z.number(),
  /** won + expected, 元. */
  total: z.number(),
  /** total ÷ target, ratio; null without a target. */
  attainment: z.number().nullable(),
});

export const ForecastDeal = z.object({
  id: z.string(),
  name: z.string(),
  customerName: z.string(),
  ownerName: z.string().nullable(),
  stageKey: z.string(),
  stageName: z.string(),
  amount: z.number(),
  /** The deal's own probability, percent. */
  probability: z.number().int(),
  expectedCloseDate: z.string().nullable(),
  /** Counted by the weighted method in this period, 元. */
  weighted: z.number(),
  /** History method: the stage's observed win ratio, its close day estimate, its amount. */
  historyProbability: z.number().nullable(),
  historyCloseDate: z.string().nullable(),
  historyExpected: z.number(),
});

export const StageRate = z.object({
  key: z.string(),
  name: z.string(),
  entered: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  /** won ÷ (won + lost), ratio; null when none closed. */
  winProbability: z.number().nullable(),
  medianDaysToClose: z.number().nullable(),
});

export const Forecast = z.object({
  period: Period,
  /** The day the forecast is made (today, org time zone). */
  asOf: z.string(),
  lookbackMonths: z.number().int(),
  /** Already won in the period, 元. */
  won: z.number(),
  /** The scope's target for the period, 元; null when none is set. */
  target: z.number().nullable(),
  methods: z.array(ForecastMethod),
  stageRates: z.array(StageRate),
});
export type Forecast = z.infer<typeof Forecast>;

export const ForecastDeals = z.object({
  items: z.array(ForecastDeal),
  /** Open deals in the scope, all pages together. */
  total: z.number().int(),
});
export type ForecastDeals = z.infer<typeof ForecastDeals>;
export type ForecastDealRow = z.infer<typeof ForecastDeal>;

export const BacktestQuery = ForecastScope.extend({
  unit: z.enum(['month', 'quarter']).default('month'),
  periods: z.coerce.number().int().min(1).max(24).default(6),
});
export type BacktestQuery = z.infer<typeof BacktestQuery>;

const MethodError = z.object({
  method: ForecastMethodKey,
  /** What the method forecast at the period's start, 元. */
  forecast: z.number(),
  /** forecast − actual, 元: positive when too high. */
  error: z.number(),
  /** error ÷ |actual| in percent, one decimal; null when nothing was won. */
  errorPercent: z.number().nullable(),
});

export const Backtest = z.object({
  rows: z.array(
    Period.extend({
      /** Won in the period, 元. */
      actual: z.number(),
      methods: z.array(MethodError),
    }),
  ),
  /** Per method: mean of |errorPercent| over the periods that had one. */
  summary: z.array(
    z.object({
      method: ForecastMethodKey,
      meanAbsErrorPercent: z.number().nullable(),
      periods: z.number().int(),
    }),
  ),
});
export type Backtest = z.infer<typeof Backtest>;

export const ForecastExportQuery = ForecastQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  unit: z.enum(['month', 'quarter']).default('month'),
  periods: z.coerce.number().int().min(1).max(24).default(6),
});

const Yuan = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = parseYuanToCents(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  if (parsed.cents < 0) {
    ctx.addIssue({ code: 'custom', message: 'must not be negative' });
    return z.NEVER;
  }
  return parsed.cents;
});

export const Target = z.object({
  id: z.string(),
  periodKey: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  amount: z.number(),
  version: z.number().int(),
});
export type Target = z.infer<typeof Target>;

export const TargetsQuery = z.object({ period: PeriodKey.optional() });

export const CreateTargetRequest = z
  .object({
    periodKey: PeriodKey,
    userId: Id.optional(),
    teamId: Id.optional(),
    /** 元, at most two decimals. */
    amount: Yuan,
  })
  .superRefine((value, ctx) => {
    if (Boolean(value.userId) === Boolean(value.teamId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['userId'],
        message: 'give exactly one of userId and teamId',
      });
    }
  });
export type CreateTargetRequest = z.infer<typeof CreateTargetRequest>;

export const UpdateTargetRequest = z.object({ amount: Yuan, version: z.number().int().min(1) });
export type UpdateTargetRequest = z.infer<typeof UpdateTargetRequest>;

export const DeleteTargetQuery = z.object({ version: z.coerce.number().int().min(1) });
