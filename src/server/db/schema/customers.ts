import { sql } from 'drizzle-orm';
import {
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
import { funnels } from './funnels';
import { orgs } from './orgs';
import { teams, users } from './users';

export const customers = pgTable(
  'customers',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** normalizeCustomerName(name): duplicate detection and import matching. */
    nameKey: text('name_key').notNull(),
    industry: text('industry'),
    headcount: integer('headcount'),
    province: text('province'),
    city: text('city'),
    address: text('address'),
    country: text('country'),
    website: text('website'),
    phone: text('phone'),
    phoneKey: text('phone_key'),
    email: text('email'),
    /** Company domain from email or website; null for free-mail addresses. */
    domainKey: text('domain_key'),
    source: text('source'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** null: the customer is in the pool. */
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    // The grade (客户分级) lives in customer_grades: grading rewrites it for many customers at
    // once, and an update of this wide, many-indexed row is never HOT.
    score: integer('score'),
    /** score ≥ the org's scoring threshold; kept with score by the scoring module. */
    qualified: boolean('qualified'),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    /**
     * The customer's first activity ever by (occurred_at, id), kept by a trigger on activities
     * inserts: work data counts a new customer from it instead of probing every activity (41 s
     * for a month of 10M).
     */
    firstActivityId: uuid('first_activity_id'),
    firstActivityAt: timestamp('first_activity_at', { withTimezone: true }),
    firstActivityUserId: uuid('first_activity_user_id'),
    nextFollowUpAt: timestamp('next_follow_up_at', { withTimezone: true }),
    custom: jsonb('custom').notNull().default({}),
    /** Customer lifecycle (目标→清单→潜在→意向→订单→在网): the funnel, stage and entry time. */
    lifecycleFunnelId: uuid('lifecycle_funnel_id'),
    lifecycleStageKey: text('lifecycle_stage_key'),
    lifecycleEnteredAt: timestamp('lifecycle_entered_at', { withTimezone: true }),
    /** The grid team (网格) whose pool holds the customer; null: the org pool, or owned. */
    poolTeamId: uuid('pool_team_id'),
    /** When the customer entered its current pool; null while owned or not yet routed. */
    pooledAt: timestamp('pooled_at', { withTimezone: true }),
    /** When the current owner claimed or was given the customer (lapse rules count from it). */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Lower-cased name, phone and email for substring search (trigram index). */
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(name || ' ' || coalesce(phone, '') || ' ' || coalesce(email, ''))`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('customers_owner_follow_idx').on(t.orgId, t.ownerId, t.nextFollowUpAt, t.id),
    index('customers_org_follow_idx').on(t.orgId, t.nextFollowUpAt, t.id),
    // New customers contacted in a period: the customers whose first activity falls in it.
    index('customers_first_activity_idx')
      .on(t.orgId, t.firstActivityAt, t.firstActivityUserId)
      .where(sql`${t.firstActivityAt} is not null`),
    // The pool's own list in follow-up order: pool customers have no follow-up (nulls last), so
    // reading the pool through the org's index walks every owned customer first (29 s at 1M).
    index('customers_pool_follow_idx')
      .on(t.orgId, t.nextFollowUpAt, t.id)
      .where(sql`${t.ownerId} is null`),
    // Pool customers with their pool team, so a viewer's visible pool customers are read from
    // the index alone (the funnel report's edge days: funnelPeriod.ts).
    index('customers_pool_team_idx')
      .on(t.orgId, t.poolTeamId, t.id)
      .where(sql`${t.ownerId} is null`),
    // The pool page, newest arrivals first (pool.query.ts): read backwards, it stops at the
    // page instead of sorting every pool customer with its last return event (20,000 at 100k).
    index('customers_pool_arrival_idx')
      .on(t.orgId, sql`coalesce(${t.pooledAt}, ${t.createdAt})`, t.id)
      .where(sql`${t.ownerId} is null and ${t.archivedAt} is null`),
    // The list sorted or filtered by lead score (minScore, qualified) pages on this.
    index('customers_org_score_idx').on(t.orgId, t.score, t.id),
    index('customers_org_name_key_idx').on(t.orgId, t.nameKey),
    index('customers_org_phone_key_idx').on(t.orgId, t.phoneKey),
    index('customers_org_domain_key_idx').on(t.orgId, t.domainKey),
    index('customers_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('customers_tags_idx').using('gin', t.tags),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    index('customers_lifecycle_idx').on(t.orgId, t.lifecycleFunnelId, t.lifecycleStageKey),
    // The churn warnings' contract end date (churn/churnFlags.ts): few customers have one.
    index('customers_contract_end_idx')
      .on(t.orgId)
      .where(sql`(${t.custom} ->> 'contractEndDate') is not null`),
    foreignKey({
      columns: [t.orgId, t.lifecycleFunnelId],
      foreignColumns: [funnels.orgId, funnels.id],
    }),
  ],
);

/**
 * Substring search of one- and two-character terms (华远, 科技), which have no whole trigram
 * for pg_trgm: a GIN index over customer_search_grams(search_text) (its character unigrams,
 * non-ASCII, and bigrams). A narrow side table kept by triggers on customers (migrations 0018,
 * 0025), so the wide customers table carries no extra GIN index. It also holds the list's
 * default sort key and the archived flag, so a term's matches can be sorted from it alone; the
 * grams live only in the index, which keeps its rows small (docs/performance.md).
 */
export const customerSearch = pgTable(
  'customer_search',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    nextFollowUpAt: timestamp('next_follow_up_at', { withTimezone: true }),
    archived: boolean('archived').notNull().default(false),
    searchText: text('search_text').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId] }),
    index('customer_search_grams_idx').using('gin', sql`customer_search_grams(${t.searchText})`),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }).onDelete('cascade'),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    mobile: text('mobile'),
    email: text('email'),
    wechat: text('wechat'),
    whatsapp: text('whatsapp'),
    /** Place in the decision chain (决策链): decision_maker, influencer, … */
    role: text('role'),
    /** 1–5: how much this person's view weighs in the decision. */
    decisionWeight: integer('decision_weight'),
    personalStyle: text('personal_style'),
    birthday: date('birthday'),
    interests: text('interests'),
    notes: text('notes'),
    isPrimary: boolean('is_primary').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('contacts_customer_idx').on(t.orgId, t.customerId),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
  ],
);

/** Org-editable lists: source channels (来源渠道), lost reasons, … */
export const sourceChannels = pgTable(
  'source_channels',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('source_channels_org_name_uq').on(t.orgId, t.name),
  ],
);

/** Custom fields an admin defines for customers; values live in customers.custom. */
export const customFieldDefs = pgTable(
  'custom_field_defs',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    entity: text('entity').notNull().default('customer'),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: ['text', 'number', 'boolean', 'date', 'select'] }).notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('custom_field_defs_org_key_uq').on(t.orgId, t.entity, t.key),
  ],
);

/** A user's saved list filters (saved views). */
export const savedViews = pgTable(
  'saved_views',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    entity: text('entity').notNull(),
    name: text('name').notNull(),
    filters: jsonb('filters').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('saved_views_user_name_uq').on(t.orgId, t.userId, t.entity, t.name),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);
