import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { deals } from './funnels';
import { orgs } from './orgs';
import { users } from './users';

/**
 * A rep's semi-monthly funnel report (半月漏斗报表, seed 003's 销售漏斗管理表) for one period
 * ('2026-03-H1' = 1st–15th, 'H2' = 16th–end, org time zone). Created lazily as a draft when the
 * rep opens it; `submitted_at` is the first submission (late when after the end of the period's
 * due day). Only submitted/reviewed reports count for the leak rate and for forecast commitments.
 */
export const funnelReviews = pgTable(
  'funnel_reviews',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    periodKey: text('period_key').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'reviewed'] })
      .notNull()
      .default('draft'),
    /** The rep's overall comment on the period. */
    note: text('note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('funnel_reviews_user_period_uq').on(t.orgId, t.userId, t.periodKey),
    index('funnel_reviews_period_idx').on(t.orgId, t.periodKey, t.status),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.reviewedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/**
 * One line of a report: a customer (and the deal it was prefilled from, when any) with the
 * products, amount, expected close date and the rep's success rate (成功率 %, prefilled from the
 * deal's probability). Forecast "committed" = Σ amount_cents × success_rate / 100 over lines of
 * submitted/reviewed reports whose expected_close_date falls in the forecast period.
 */
export const funnelReviewLines = pgTable(
  'funnel_review_lines',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    reviewId: uuid('review_id').notNull(),
    position: integer('position').notNull(),
    customerId: uuid('customer_id').notNull(),
    dealId: uuid('deal_id'),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    expectedCloseDate: date('expected_close_date'),
    successRate: integer('success_rate').notNull(),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('funnel_review_lines_review_idx').on(t.orgId, t.reviewId, t.position),
    index('funnel_review_lines_close_idx').on(t.orgId, t.expectedCloseDate),
    foreignKey({
      columns: [t.orgId, t.reviewId],
      foreignColumns: [funnelReviews.orgId, funnelReviews.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }),
  ],
);

/** Comments on a report: the manager's review remarks and the rep's answers. */
export const funnelReviewComments = pgTable(
  'funnel_review_comments',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    reviewId: uuid('review_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('funnel_review_comments_review_idx').on(t.orgId, t.reviewId, t.createdAt),
    foreignKey({
      columns: [t.orgId, t.reviewId],
      foreignColumns: [funnelReviews.orgId, funnelReviews.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.authorId], foreignColumns: [users.orgId, users.id] }),
  ],
);
