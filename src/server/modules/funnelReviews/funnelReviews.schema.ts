import { z } from 'zod';
import { periodFromKey } from '../../../domain/reports/leakRate';
import { LOCALES } from '../../../domain/vocabulary';
import { Day, Yuan } from '../deals/deals.schema';
import { Id } from '../users/users.schema';

/** A semi-monthly period key: '2026-03-H1' (1st–15th) or '2026-03-H2' (16th–end). */
export const PeriodKey = z
  .string()
  .refine(
    (value) => periodFromKey(value) !== null,
    'must be a period like 2026-03-H1 or 2026-03-H2',
  );

export const Period = z.object({
  key: z.string(),
  from: z.string(),
  to: z.string(),
  /** The filing day (the next period's first day); submitted after it ends = late. */
  dueDate: z.string(),
});
export type Period = z.infer<typeof Period>;

export const ReviewStatus = z.enum(['draft', 'submitted', 'reviewed']);

export const ReviewLine = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  dealId: z.string().nullable(),
  dealName: z.string().nullable(),
  products: z.array(z.string()),
  /** 元 */
  amount: z.number(),
  expectedCloseDate: z.string().nullable(),
  /** 成功率, percent 0–100. */
  successRate: z.number().int(),
  comment: z.string().nullable(),
});

export const ReviewComment = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

/** A customer the rep had an effective contact with in the period, potential stage or beyond. */
export const ContactedCustomer = z.object({
  customerId: z.string(),
  customerName: z.string(),
  /** On the rep's submitted report: what the leak rate counts. */
  reported: z.boolean(),
  /** On this report's lines, submitted or not. */
  onReport: z.boolean(),
});

export const LeakFigures = z.object({
  contacted: z.number().int(),
  missing: z.number().int(),
  /** 漏网率 in percent with one decimal; null when nobody was contacted. */
  leakRate: z.number().nullable(),
});

export const FunnelReview = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  period: Period,
  status: ReviewStatus,
  late: z.boolean(),
  note: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  version: z.number().int(),
  /** What the caller may do: the owner edits and submits, a manager reviews. */
  canEdit: z.boolean(),
  canReview: z.boolean(),
  lines: z.array(ReviewLine),
  comments: z.array(ReviewComment),
  leak: LeakFigures,
  contacted: z.array(ContactedCustomer),
});
export type FunnelReview = z.infer<typeof FunnelReview>;

export const ReviewLineInput = z.object({
  customerId: Id,
  dealId: Id.nullish(),
  products: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  amount: Yuan,
  expectedCloseDate: Day.nullish(),
  successRate: z.number().int().min(0).max(100),
  comment: z.string().trim().max(2000).nullish(),
});

export const UpdateReviewRequest = z.object({
  version: z.number().int().positive(),
  note: z.string().trim().max(4000).nullish(),
  /** Replaces all lines when given. */
  lines: z.array(ReviewLineInput).max(500).optional(),
});
export type UpdateReviewRequest = z.infer<typeof UpdateReviewRequest>;

export const VersionRequest = z.object({ version: z.number().int().positive() });
export const CommentRequest = z.object({ body: z.string().trim().min(1).max(4000) });

export const MyReviewSummary = z.object({
  id: z.string(),
  period: Period,
  status: ReviewStatus,
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  lines: z.number().int(),
});

export const MyReviews = z.object({
  today: z.string(),
  current: Period,
  /** The period to work on now: the one due today on a filing day if not yet submitted, else the current one. */
  suggested: Period,
  items: z.array(MyReviewSummary),
});

export const TeamStatus = z.enum(['pending', 'submitted', 'late', 'missing', 'reviewed']);

/**
 * Why leakRate is or is not a number: counted (a report that is due — submitted, late,
 * reviewed or missing — with contacts), notDue (pending: the period's report is not due yet
 * and not submitted, so its contacts are not counted yet), noContacts (nobody contacted).
 */
export const LeakRateStatus = z.enum(['counted', 'notDue', 'noContacts']);

export const TeamRow = z.object({
  userId: z.string(),
  userName: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  reviewId: z.string().nullable(),
  /** pending: not submitted, still before the end of the due day; missing: not submitted after it. */
  status: TeamStatus,
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  lines: z.number().int(),
  contacted: z.number().int(),
  missing: z.number().int(),
  /** 漏网率 in percent with one decimal; null when pending (not due) or nobody was contacted. */
  leakRate: z.number().nullable(),
  leakRateStatus: LeakRateStatus,
});

export const TeamTotals = z.object({
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  reps: z.number().int(),
  submitted: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** Reps whose report is not due yet and not submitted: their contacts are not counted. */
  pending: z.number().int(),
  /** missingCustomers and contacted count only the rows whose report is due (not pending). */
  missingCustomers: z.number().int(),
  contacted: z.number().int(),
  leakRate: z.number().nullable(),
  leakRateStatus: LeakRateStatus,
});

export const TeamOverview = z.object({
  period: Period,
  rows: z.array(TeamRow),
  teams: z.array(TeamTotals),
  /** All rows together (the caller's teams for a manager, the org for an admin). */
  total: TeamTotals,
});
export type TeamOverview = z.infer<typeof TeamOverview>;

export const TeamQuery = z.object({
  /** Defaults to the period containing today (org time zone). */
  period: PeriodKey.optional(),
  teamId: Id.optional(),
});
export type TeamQuery = z.infer<typeof TeamQuery>;

export const ExportQuery = TeamQuery.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: z.enum(LOCALES).optional(),
});

export const PeriodParams = z.object({ period: PeriodKey });
export const IdParams = z.object({ id: Id });
export const RepPeriodParams = z.object({ userId: Id, period: PeriodKey });
