import { z } from 'zod';
import { ACTIVITY_TYPES } from '../../../domain/vocabulary';
import {
  CONTACT_CHANNELS,
  OPPORTUNITY_SIGNALS,
  TARGET_METRICS,
  TARGET_PERIODS,
} from '../../../domain/workData';
import { Day } from '../contacts/contacts.schema';
import { LocaleParam } from '../reports/funnelReport.schema';
import { Id } from '../users/users.schema';

/** Whose work and when: days inclusive in the org's time zone. */
export const ActivityReportQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  teamId: Id.optional(),
  ownerId: Id.optional(),
});
export type ActivityReportQuery = z.infer<typeof ActivityReportQuery>;

export const ActivityReportRow = z.object({
  userId: z.string(),
  /** Activities the user logged in the period. */
  activities: z.number().int(),
  /** Of those, marked 有效沟通. */
  effective: z.number().int(),
  /** Distinct customers among them. */
  customersContacted: z.number().int(),
  /** Those customers with no earlier activity by anyone. */
  newCustomersContacted: z.number().int(),
});
export const ActivityReport = z.object({ rows: z.array(ActivityReportRow) });

export const TargetMetric = z.enum(TARGET_METRICS);
export const TargetPeriod = z.enum(TARGET_PERIODS);

export const ActivityTarget = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  period: TargetPeriod,
  metric: TargetMetric,
  target: z.number().int(),
  version: z.number().int(),
});
export type ActivityTarget = z.infer<typeof ActivityTarget>;

export const CreateActivityTargetRequest = z
  .object({
    userId: Id.optional(),
    teamId: Id.optional(),
    period: TargetPeriod,
    metric: TargetMetric,
    target: z.number().int().min(1).max(100_000),
  })
  .superRefine((value, ctx) => {
    if (Boolean(value.userId) === Boolean(value.teamId)) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'give a userId or a teamId' });
    }
  });
export type CreateActivityTargetRequest = z.infer<typeof CreateActivityTargetRequest>;

export const UpdateActivityTargetRequest = z.object({
  target: z.number().int().min(1).max(100_000),
  version: z.number().int(),
});
export const DeleteActivityTargetQuery = z.object({ version: z.coerce.number().int() });

export const TargetProgress = z.object({
  targetId: z.string(),
  /** The target's subject: the caller, or a team. */
  userId: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  period: TargetPeriod,
  metric: TargetMetric,
  from: z.string(),
  to: z.string(),
  actual: z.number().int(),
  target: z.number().int(),
});
export const MyProgress = z.object({ date: z.string(), items: z.array(TargetProgress) });
export type MyProgress = z.infer<typeof MyProgress>;

export const WorkDataQuery = LocaleParam.extend({
  from: Day,
  to: Day,
  teamId: Id.optional(),
  ownerId: Id.optional(),
});
export type WorkDataQuery = z.infer<typeof WorkDataQuery>;

const Ratio = z.number().nullable();

export const WorkDataRow = ActivityReportRow.extend({
  userName: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  visits: z.number().int(),
  calls: z.number().int(),
  proposals: z.number().int(),
  /** effective ÷ activities. */
  effectiveRatio: Ratio,
  /** Distinct customers whose lifecycle or deals this user moved forward in the period. */
  customersMovedForward: z.number().int(),
  /** Customers contacted in the period that have a deal won since that contact. */
  contactedWon: z.number().int(),
  /** contactedWon ÷ customersContacted, to compare with seed 001's 15%. */
  conversion: Ratio,
  /** Deals this user won in the period. */
  dealsWon: z.number().int(),
  /** Mean activities on the customer up to the win, over those deals. */
  avgFollowUpsBeforeWin: z.number().nullable(),
  /** Inquiries received in the period that this user answered first. */
  inquiriesAnswered: z.number().int(),
  /** Mean minutes from receipt to that first reply. */
  avgFirstReplyMinutes: z.number().nullable(),
  byType: z.record(z.enum(ACTIVITY_TYPES), z.number().int()),
  /** Keyed by channel; 'none' for activities logged without one. */
  byChannel: z.record(z.enum([...CONTACT_CHANNELS, 'none']), z.number().int()),
});
export type WorkDataRow = z.infer<typeof WorkDataRow>;

export const WorkDataTrendPoint = z.object({
  /** First day of the bucket. */
  bucket: z.string(),
  activities: z.number().int(),
  effective: z.number().int(),
  newCustomers: z.number().int(),
  visits: z.number().int(),
  calls: z.number().int(),
  proposals: z.number().int(),
});

export const WorkDataReport = z.object({
  from: z.string(),
  to: z.string(),
  benchmark: z.number(),
  rows: z.array(WorkDataRow),
  totals: WorkDataRow.omit({ userId: true, userName: true, teamId: true, teamName: true }),
  /** Activities per user and day, for the calendar heat map. */
  calendar: z.array(z.object({ userId: z.string(), day: z.string(), count: z.number().int() })),
  /** 'day' up to 62 days, else 'week'. */
  granularity: z.enum(['day', 'week']),
  trend: z.array(WorkDataTrendPoint),
  /**
   * Per metric, the target of one bucket: each team's own target, or its members' where it has
   * none (one rep's report: their own only); null without any.
   */
  trendTargets: z.record(TargetMetric, z.number().int().nullable()),
});
export type WorkDataReport = z.infer<typeof WorkDataReport>;

export const SignalSuggestion = z.object({
  customerId: z.string(),
  customerName: z.string(),
  signals: z.array(z.enum(OPPORTUNITY_SIGNALS)),
  lastSignalAt: z.string(),
  fromStageKey: z.string(),
  toStageKey: z.string(),
});
export const SignalSuggestions = z.object({ items: z.array(SignalSuggestion) });

export const SignalsReport = z.object({
  rows: z.array(
    z.object({
      signal: z.enum(OPPORTUNITY_SIGNALS),
      /** Activities tagged with it in the period. */
      tagged: z.number().int(),
      /** Distinct customers tagged with it in the period. */
      customers: z.number().int(),
      /** Of those customers, how many won a deal after the first such tag. */
      won: z.number().int(),
      winRate: Ratio,
    }),
  ),
});
export type SignalsReport = z.infer<typeof SignalsReport>;
