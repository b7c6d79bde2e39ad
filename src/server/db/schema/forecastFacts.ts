import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

// What the forecast made now reads instead of every deal's stage history (migration 0029).
// All three are kept by statement triggers on stage_history, deals, customers and orgs, in
// the writer's transaction, and rebuilt by forecast_facts_refresh(org, null).

/**
 * Per deal and stage of its funnel it entered: the day (org time zone) of its last entry not
 * after the day it closed, its outcome (won / lost once closed, else open) and, when won, the
 * days from that entry to the close. The history method's stage win rates and median days to
 * close count these rows whose last_day falls in the look-back window.
 */
export const dealStageVisits = pgTable(
  'deal_stage_visits',
  {
    orgId: uuid('org_id').notNull(),
    dealId: uuid('deal_id').notNull(),
    stageKey: text('stage_key').notNull(),
    funnelId: uuid('funnel_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** The customer's owner (null: in the pool), as on customers, for the visibility rule. */
    ownerId: uuid('owner_id'),
    dealOwnerId: uuid('deal_owner_id').notNull(),
    outcome: text('outcome').notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    wonDays: integer('won_days'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.dealId, t.stageKey] }),
    index('deal_stage_visits_customer_idx').on(t.orgId, t.customerId),
    // A rep's or a team's rows read from the index alone.
    index('deal_stage_visits_owner_idx').on(
      t.orgId,
      t.funnelId,
      t.ownerId,
      t.lastDay,
      t.stageKey,
      t.outcome,
      t.wonDays,
    ),
    index('deal_stage_visits_deal_owner_idx').on(t.orgId, t.funnelId, t.dealOwnerId, t.lastDay),
  ],
);

/** deal_stage_visits of held customers (owner_id not null) counted per org: the admin's scope. */
export const stageVisitTotals = pgTable(
  'stage_visit_totals',
  {
    orgId: uuid('org_id').notNull(),
    funnelId: uuid('funnel_id').notNull(),
    stageKey: text('stage_key').notNull(),
    outcome: text('outcome').notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    wonDays: integer('won_days'),
    deals: integer('deals').notNull(),
  },
  (t) => [
    unique('stage_visit_totals_key')
      .on(t.orgId, t.funnelId, t.stageKey, t.outcome, t.lastDay, t.wonDays)
      .nullsNotDistinct(),
  ],
);

/**
 * The deals not closed (status open, or no close time), each with its last stage entry in
 * its funnel and the deal's own columns the weighted and history methods read: the forecast
 * made now sums these instead of looking up each deal's history.
 */
export const forecastOpenDeals = pgTable(
  'forecast_open_deals',
  {
    orgId: uuid('org_id').notNull(),
    dealId: uuid('deal_id').notNull(),
    funnelId: uuid('funnel_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    ownerId: uuid('owner_id'),
    dealOwnerId: uuid('deal_owner_id').notNull(),
    /** The stage of the last entry, and when: the stage the deal is in for the forecast. */
    stageKey: text('stage_key').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    /** deals.stage_key: its own probability counts while it is in that stage. */
    dealStageKey: text('deal_stage_key').notNull(),
    probability: integer('probability').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.dealId] }),
    index('forecast_open_deals_owner_idx').on(t.orgId, t.funnelId, t.ownerId),
    index('forecast_open_deals_customer_idx').on(t.orgId, t.customerId),
    index('forecast_open_deals_deal_owner_idx').on(t.orgId, t.funnelId, t.dealOwnerId),
  ],
);
