import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The churn warnings' view of each customer with sales records (sales_lines): the figures
 * domain/churn's churnWarnings reads, computed for the org day `as_of` and true until
 * `inputs_until` (exclusive) — distinct order days of the last three years with the last one
 * and the median gap, revenue in the last 90 days and the 90 before, the unpaid amount past
 * due — and the flags they give under the org's settings until `valid_until`, with the
 * customer's name, owner, team, pool and archived flag, so the report filters, counts and
 * sorts here without the wide customers table. The contract end date stays on the customer.
 *
 * Statement triggers on sales_lines mark a changed customer's row stale (`valid_until`
 * -infinity, `changes` counted up) in the writer's transaction, a trigger on customers keeps
 * its fields; churn_inputs_refresh() (migration 0032) recomputes what is stale before the
 * report reads.
 */
export const customerChurnInputs = pgTable(
  'customer_churn_inputs',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    name: text('name').notNull(),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    poolTeamId: uuid('pool_team_id'),
    archived: boolean('archived').notNull().default(false),
    /** Counted up by every change of the records, so a refresh never overwrites a newer one. */
    changes: integer('changes').notNull().default(0),
    /** The day the figures were computed for, with these default payment terms. */
    asOf: date('as_of', { mode: 'string' }),
    paymentTermsDays: integer('payment_terms_days'),
    inputsUntil: date('inputs_until', { mode: 'string' }).notNull().default('-infinity'),
    validUntil: date('valid_until', { mode: 'string' }).notNull().default('-infinity'),
    orderDays: integer('order_days').notNull().default(0),
    lastOrder: date('last_order', { mode: 'string' }),
    medianGapDays: doublePrecision('median_gap_days'),
    last90Cents: bigint('last90_cents', { mode: 'number' }).notNull().default(0),
    prev90Cents: bigint('prev90_cents', { mode: 'number' }).notNull().default(0),
    overdueCents: bigint('overdue_cents', { mode: 'number' }).notNull().default(0),
    /** Per code 0 none, 1 warning, 2 critical; critical and warnings count them. */
    noOrderOverdue: smallint('no_order_overdue').notNull().default(0),
    revenueDrop: smallint('revenue_drop').notNull().default(0),
    paymentOverdue: smallint('payment_overdue').notNull().default(0),
    critical: smallint('critical').notNull().default(0),
    warnings: smallint('warnings').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId] }),
    index('customer_churn_inputs_valid_idx').on(t.orgId, t.validUntil),
    // The report's order (critical first, then most warnings, name, id) over flagged rows:
    // the whole org's, and one owner's (a rep's own, a manager's team one owner at a time,
    // the pool as owner null), so a page reads a page (migration 0033).
    index('customer_churn_inputs_urgency_idx')
      .on(
        t.orgId,
        sql`(-${t.critical})`,
        sql`(-${t.warnings})`,
        sql`(${t.name} collate "C")`,
        t.customerId,
      )
      .where(sql`${t.warnings} > 0 and not ${t.archived}`),
    index('customer_churn_inputs_owner_urgency_idx')
      .on(
        t.orgId,
        t.ownerId,
        sql`(-${t.critical})`,
        sql`(-${t.warnings})`,
        sql`(${t.name} collate "C")`,
        t.customerId,
      )
      .where(sql`${t.warnings} > 0 and not ${t.archived}`),
  ],
);

/**
 * How many flagged, unarchived customer_churn_inputs rows there are per owner, team, pool
 * team and flag levels, as deltas: statement triggers on customer_churn_inputs (migration
 * 0033) append what each statement changed, and churn_counts_merge() folds an org's unmerged
 * deltas into one row per key. The report's counts sum these instead of every flagged row.
 * Append-only, so writers never wait on one another's counts.
 */
export const customerChurnCounts = pgTable(
  'customer_churn_counts',
  {
    orgId: uuid('org_id').notNull(),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    poolTeamId: uuid('pool_team_id'),
    noOrderOverdue: smallint('no_order_overdue').notNull(),
    revenueDrop: smallint('revenue_drop').notNull(),
    paymentOverdue: smallint('payment_overdue').notNull(),
    customers: integer('customers').notNull(),
    merged: boolean('merged').notNull().default(false),
  },
  (t) => [
    index('customer_churn_counts_owner_idx').on(t.orgId, t.ownerId),
    index('customer_churn_counts_unmerged_idx').on(t.orgId).where(sql`not ${t.merged}`),
  ],
);

/** The settings and day an org's flags were last brought up to (churn_inputs_refresh). */
export const churnInputsState = pgTable('churn_inputs_state', {
  orgId: uuid('org_id').primaryKey(),
  /** intervalFactor/dropPercent/minOrders */
  rule: text('rule').notNull(),
  terms: integer('terms').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
});
