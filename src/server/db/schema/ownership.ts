import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { customers } from './customers';
import { funnels } from './funnels';
import { orgs } from './orgs';
import { teams, users } from './users';

/** The org's pool policy (公海规则): one row per org, created with defaults on first read. */
export const ownershipSettings = pgTable('ownership_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  /** Customers a rep may hold (清单), unless a team or rep override says otherwise. */
  holdingLimit: integer('holding_limit').notNull().default(50),
  /** Customers with a won deal do not count against the holding limit. */
  wonDealsExempt: boolean('won_deals_exempt').notNull().default(false),
  /** Days a rep who released or lost a customer must wait before claiming it again. */
  cooldownDays: integer('cooldown_days').notNull().default(30),
  /** Claims from the pool per rep per org day; null: no quota. */
  dailyClaimQuota: integer('daily_claim_quota'),
  releaseReasonRequired: boolean('release_reason_required').notNull().default(false),
  /** Days a grid team's pool keeps a customer before it moves to the org pool. */
  gridSpillDays: integer('grid_spill_days').notNull().default(7),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Holding-limit overrides for a team or a rep (exactly one of the two). */
export const holdingLimits = pgTable(
  'holding_limits',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    teamId: uuid('team_id'),
    userId: uuid('user_id'),
    holdingLimit: integer('holding_limit').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('holding_limits_team_uq').on(t.orgId, t.teamId).where(sql`${t.teamId} is not null`),
    uniqueIndex('holding_limits_user_uq').on(t.orgId, t.userId).where(sql`${t.userId} is not null`),
    check('holding_limits_one_scope', sql`(${t.teamId} is null) <> (${t.userId} is null)`),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Lapse rules (回收规则) for the org, a team, a funnel, or a team within a funnel. */
export const lapseRules = pgTable(
  'lapse_rules',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    teamId: uuid('team_id'),
    funnelId: uuid('funnel_id'),
    noActivityDays: integer('no_activity_days'),
    noProgressDays: integer('no_progress_days'),
    warnDays: integer('warn_days').notNull().default(3),
    exemptWon: boolean('exempt_won').notNull().default(true),
    exemptStageKeys: text('exempt_stage_keys').array().notNull().default(sql`'{}'::text[]`),
    exemptGrades: text('exempt_grades').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // One rule per scope; the nil uuid stands for "any team" / "any funnel".
    uniqueIndex('lapse_rules_scope_uq').on(
      t.orgId,
      sql`coalesce(${t.teamId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.funnelId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.funnelId], foreignColumns: [funnels.orgId, funnels.id] }),
  ],
);

/** A grid team's territory (网格): a province, a city in it, or a tag. */
export const teamTerritories = pgTable(
  'team_territories',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    teamId: uuid('team_id').notNull(),
    province: text('province'),
    city: text('city'),
    tag: text('tag'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // A place or tag belongs to one team only.
    uniqueIndex('team_territories_uq').on(
      t.orgId,
      sql`coalesce(${t.province}, '')`,
      sql`coalesce(${t.city}, '')`,
      sql`coalesce(${t.tag}, '')`,
    ),
    index('team_territories_team_idx').on(t.orgId, t.teamId),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
  ],
);

/**
 * Every change of a customer's ownership with its reason: claims, registrations, assignments,
 * releases, lapses (with the rule), grid routing and spill-over, and lapse warnings. The
 * customer timeline, the cool-down, the daily quota and the history report read it.
 */
export const ownershipEvents = pgTable(
  'ownership_events',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** One of OWNERSHIP_EVENT_KINDS. */
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Who did it; null for the scheduled jobs. */
    actorId: uuid('actor_id'),
    fromOwnerId: uuid('from_owner_id'),
    toOwnerId: uuid('to_owner_id'),
    /** The grid team's pool the customer entered (routed) or left (spilled). */
    poolTeamId: uuid('pool_team_id'),
    reason: text('reason'),
    ruleId: uuid('rule_id'),
    /** The rule as it was when it fired: {name, noActivityDays, noProgressDays, triggers}. */
    rule: jsonb('rule'),
    /** The last day the owner could keep the customer (lapses and warnings). */
    deadline: date('deadline'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('ownership_events_customer_idx').on(t.orgId, t.customerId, t.at),
    // Cool-down: the rep's last release or lapse of this customer.
    index('ownership_events_from_idx').on(t.orgId, t.fromOwnerId, t.customerId, t.at),
    // Daily quota and the per-rep history report.
    index('ownership_events_to_idx').on(t.orgId, t.toOwnerId, t.at),
    index('ownership_events_at_idx').on(t.orgId, t.at),
    // A warning is given once per claim and deadline, however often the job runs.
    uniqueIndex('ownership_events_warning_uq')
      .on(t.orgId, t.customerId, t.fromOwnerId, t.deadline)
      .where(sql`${t.kind} = 'lapse_warning'`),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
  ],
);

/** Which scheduled job ran for which org day, so an hourly schedule does the daily work once. */
export const jobRuns = pgTable(
  'job_runs',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    job: text('job').notNull(),
    day: date('day').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    summary: jsonb('summary').notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.job, t.day] })],
);
