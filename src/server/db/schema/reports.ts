import { bigint, date, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Deals per funnel, deal owner, the customer's owner and pool team (who may see them), stage,
 * status and furthest stage, with their amount and weighted amount (amount × probability / 100
 * rounded per deal): the funnel report of the whole funnel reads a few hundred rows instead of
 * every deal. Kept by statement triggers on deals and a row trigger on a customer's owner or
 * pool team change, in the writer's transaction (migration 0019). Rows that drop to zero stay.
 */
export const dealStageTotals = pgTable(
  'deal_stage_totals',
  {
    orgId: uuid('org_id').notNull(),
    funnelId: uuid('funnel_id').notNull(),
    dealOwnerId: uuid('deal_owner_id').notNull(),
    /** The customer's owner and pool team, named as on customers so the visibility rule applies. */
    ownerId: uuid('owner_id'),
    poolTeamId: uuid('pool_team_id'),
    stageKey: text('stage_key').notNull(),
    status: text('status').notNull(),
    /** '' for none, so the key has no null among the stage columns. */
    furthestStageKey: text('furthest_stage_key').notNull(),
    /**
     * The first day of the month the deals were created in, in the org's time zone (a new
     * zone regroups them): a creation period's whole months are summed from here (0024).
     */
    createdMonth: date('created_month', { mode: 'string' }).notNull(),
    deals: integer('deals').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    weightedCents: bigint('weighted_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    unique('deal_stage_totals_key')
      .on(
        t.orgId,
        t.funnelId,
        t.dealOwnerId,
        t.ownerId,
        t.poolTeamId,
        t.stageKey,
        t.status,
        t.furthestStageKey,
        t.createdMonth,
      )
      .nullsNotDistinct(),
  ],
);
