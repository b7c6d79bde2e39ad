import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FunnelStage } from '../../../domain/funnels';
import type { Localized } from '../../../domain/vocabulary';
import { activities } from './activities';
import { customers } from './customers';
import { orgs } from './orgs';
import { users } from './users';

/**
 * A sales funnel (销售漏斗). Its ordered stages live as one JSON document validated by
 * validateFunnelStages: stages are always read and written whole, and a gate needs all of them.
 * `purpose` 'customers' marks the org's one customer-lifecycle funnel (目标→…→在网).
 */
export const funnels = pgTable(
  'funnels',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: jsonb('name').$type<Localized>().notNull(),
    purpose: text('purpose', { enum: ['deals', 'customers'] })
      .notNull()
      .default('deals'),
    templateKey: text('template_key'),
    stages: jsonb('stages').$type<FunnelStage[]>().notNull(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('funnels_org_lifecycle_uq').on(t.orgId).where(sql`${t.purpose} = 'customers'`),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Reasons a deal was lost (丢单原因), an editable list per org; rows are deactivated, never deleted. */
export const lostReasons = pgTable(
  'lost_reasons',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('lost_reasons_org_name_uq').on(t.orgId, sql`lower(${t.name})`),
  ],
);

/** An opportunity (商机) of a customer, moving through one funnel's stages. */
export const deals = pgTable(
  'deals',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    funnelId: uuid('funnel_id').notNull(),
    name: text('name').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    /** The customer's budget (预算), when known; a key action can require it. */
    budgetCents: bigint('budget_cents', { mode: 'number' }),
    expectedCloseDate: date('expected_close_date'),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    competitors: text('competitors').array().notNull().default(sql`'{}'::text[]`),
    nextStep: text('next_step'),
    stageKey: text('stage_key').notNull(),
    /**
     * The furthest open stage the deal ever entered, by the funnel's order: kept by every
     * move (deals/furthestStage.ts) and recomputed from stage_history when a funnel's stages
     * are reordered or removed, so the funnel report's "reached" is one aggregate over deals.
     * null: nothing recorded beyond the current stage (a deal written without its moves).
     */
    furthestStageKey: text('furthest_stage_key'),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }).notNull(),
    /** stage_entered_at + the stage's stale threshold; null when the stage never goes stale. */
    staleAt: timestamp('stale_at', { withTimezone: true }),
    /** Effective win probability: the stage's default unless probability_overridden. */
    probability: integer('probability').notNull(),
    probabilityOverridden: boolean('probability_overridden').notNull().default(false),
    status: text('status', { enum: ['open', 'won', 'lost'] })
      .notNull()
      .default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    lostReasonId: uuid('lost_reason_id'),
    ownerId: uuid('owner_id').notNull(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // Board columns and their "load more" pages; per-stage aggregates of the funnel report.
    index('deals_funnel_stage_idx').on(t.orgId, t.funnelId, t.stageKey, t.updatedAt, t.id),
    index('deals_owner_idx').on(t.orgId, t.ownerId, t.status, t.expectedCloseDate),
    index('deals_customer_idx').on(t.orgId, t.customerId, t.createdAt),
    // The funnel report's partial months at a creation period's edges (funnelPeriod.ts).
    // Also INCLUDEs customer_id, stage_key, status, furthest_stage_key, amount_cents and
    // probability (migration 0035): drizzle does not declare INCLUDE.
    index('deals_created_idx').on(t.orgId, t.funnelId, t.createdAt),
    index('deals_close_idx').on(t.orgId, t.funnelId, t.expectedCloseDate),
    // The forecast made now checks that no deal of the org closes after it (forecastNow.ts).
    index('deals_closed_at_idx').on(t.orgId, t.closedAt),
    // The stale list: open deals past their stage's threshold.
    index('deals_stale_idx').on(t.orgId, t.staleAt).where(sql`${t.status} = 'open'`),
    // Work data's "contacted, then won": the won deals by customer, read from the index alone
    // instead of scanning every deal (0.9 s at 1M).
    index('deals_won_customer_idx')
      .on(t.orgId, t.customerId, t.closedAt)
      .where(sql`${t.status} = 'won'`),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.funnelId], foreignColumns: [funnels.orgId, funnels.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({
      columns: [t.orgId, t.lostReasonId],
      foreignColumns: [lostReasons.orgId, lostReasons.id],
    }),
  ],
);

/**
 * Every stage move, of a deal (deal_id set) or of a customer's lifecycle (deal_id null):
 * from, to, when, who, the override reason when a manager bypassed the gate, and the
 * checklist as it stood. Conversion, velocity and the timeline are computed from it.
 */
export const stageHistory = pgTable(
  'stage_history',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    dealId: uuid('deal_id'),
    funnelId: uuid('funnel_id').notNull(),
    /** null: the first entry (deal created, customer entering the lifecycle funnel). */
    fromStageKey: text('from_stage_key'),
    toStageKey: text('to_stage_key').notNull(),
    direction: text('direction', {
      enum: ['initial', 'forward', 'backward', 'terminal'],
    }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').notNull(),
    overrideReason: text('override_reason'),
    /** What the override bypassed: [{kind, stageKey, id, have?, need?}]. */
    unmet: jsonb('unmet'),
    lostReasonId: uuid('lost_reason_id'),
    lostReason: text('lost_reason'),
    /** Checked items per stage key at the moment of the move: {stageKey: [{id, by, at}]}. */
    checklist: jsonb('checklist').notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('stage_history_deal_idx').on(t.orgId, t.dealId, t.at),
    index('stage_history_customer_idx').on(t.orgId, t.customerId, t.at),
    // Work data's "customers moved forward" in a period: the moves by time (7.6 s at 5M rows
    // when read through the funnel index).
    index('stage_history_at_idx').on(t.orgId, t.at, t.byUserId),
    // Funnel report: distinct deals that reached each stage in a period.
    index('stage_history_funnel_idx').on(t.orgId, t.funnelId, t.toStageKey, t.at),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }),
    foreignKey({ columns: [t.orgId, t.funnelId], foreignColumns: [funnels.orgId, funnels.id] }),
    foreignKey({ columns: [t.orgId, t.byUserId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/**
 * Entry-checklist items (清单制) ticked for a deal (deal_id set) or a customer's lifecycle
 * (deal_id null): who, when and the optional evidence (a note, a link or a logged activity).
 */
export const stageChecks = pgTable(
  'stage_checks',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    dealId: uuid('deal_id'),
    funnelId: uuid('funnel_id').notNull(),
    stageKey: text('stage_key').notNull(),
    itemId: text('item_id').notNull(),
    checked: boolean('checked').notNull(),
    byUserId: uuid('by_user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    evidenceNote: text('evidence_note'),
    evidenceUrl: text('evidence_url'),
    evidenceActivityId: uuid('evidence_activity_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('stage_checks_deal_uq')
      .on(t.orgId, t.dealId, t.stageKey, t.itemId)
      .where(sql`${t.dealId} is not null`),
    uniqueIndex('stage_checks_lifecycle_uq')
      .on(t.orgId, t.customerId, t.funnelId, t.stageKey, t.itemId)
      .where(sql`${t.dealId} is null`),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }),
    foreignKey({ columns: [t.orgId, t.funnelId], foreignColumns: [funnels.orgId, funnels.id] }),
    foreignKey({ columns: [t.orgId, t.byUserId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({
      columns: [t.orgId, t.evidenceActivityId],
      foreignColumns: [activities.orgId, activities.id],
    }),
  ],
);

/** Documents attached to a deal (需求报告, 方案, 报价单, 合同…): 'document' key actions count them. */
export const dealDocuments = pgTable(
  'deal_documents',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    dealId: uuid('deal_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** One of DOCUMENT_KINDS. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    url: text('url'),
    note: text('note'),
    addedBy: uuid('added_by').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('deal_documents_deal_idx').on(t.orgId, t.dealId, t.addedAt),
    index('deal_documents_customer_idx').on(t.orgId, t.customerId, t.addedAt),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.addedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
