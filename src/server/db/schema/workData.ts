import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { teams, users } from './users';

/**
 * A standing activity target (工作量目标) of one rep or one team: `target` of `metric` every
 * day, ISO week or calendar month in the org's time zone. Exactly one of user_id and team_id.
 */
export const activityTargets = pgTable(
  'activity_targets',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    userId: uuid('user_id'),
    teamId: uuid('team_id'),
    period: text('period', { enum: ['day', 'week', 'month'] }).notNull(),
    metric: text('metric').notNull(),
    target: integer('target').notNull(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('activity_targets_user_uq')
      .on(t.orgId, t.userId, t.period, t.metric)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('activity_targets_team_uq')
      .on(t.orgId, t.teamId, t.period, t.metric)
      .where(sql`${t.teamId} is not null`),
    check('activity_targets_one_subject', sql`(${t.userId} is null) <> (${t.teamId} is null)`),
    check('activity_targets_positive', sql`${t.target} > 0`),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/**
 * Activities per rep, local day (org time zone), type and channel ('' for none): what the work
 * data report and target progress add up, so a month of the whole org reads tens of thousands
 * of rows rather than every activity. Kept by statement triggers on activities (every writer,
 * in the writer's transaction) and rebuilt for an org when its time zone changes
 * (migration 0017). Distinct customers are not additive and are counted from activities.
 */
export const activityDayCounts = pgTable(
  'activity_day_counts',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    channel: text('channel').notNull(),
    activities: integer('activities').notNull(),
    effective: integer('effective').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.day, t.type, t.channel] })],
);

/**
 * Distinct customers contacted, in a form that adds up over any period (migration 0023). A
 * subject is a (rep, customer) pair, or with user_id null a customer whoever contacted it.
 * Each local day a subject was contacted is counted under its `day` block and, when the
 * subject's previous contact day (`prev_day`, '-infinity' for none) is before that month, under
 * its `month` block. Subjects contacted in [F, T] are then the entries of the whole months and
 * the loose days of the period with prev_day < F: each subject's first contact in the period.
 * Kept by statement triggers on activities, rebuilt for an org when its time zone changes.
 */
export const customerContactBlocks = pgTable(
  'customer_contact_blocks',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id'),
    block: text('block', { enum: ['day', 'month'] }).notNull(),
    blockStart: date('block_start', { mode: 'string' }).notNull(),
    prevDay: date('prev_day', { mode: 'string' }).notNull(),
    subjects: integer('subjects').notNull(),
  },
  (t) => [
    unique('customer_contact_blocks_key')
      .on(t.orgId, t.block, t.blockStart, t.prevDay, t.userId)
      .nullsNotDistinct(),
  ],
);

/**
 * Customers moved forward, in the same form as customer_contact_blocks (migration 0028): a
 * subject (rep by_user_id–customer, or with user_id null a customer) has an entry for each
 * local day with a move that counts — a forward move, or a move into won while its deal is
 * still won in that stage — with the subject's previous such day. Kept by statement triggers
 * on stage_history and deals, rebuilt for an org when its time zone changes.
 */
export const customerForwardBlocks = pgTable(
  'customer_forward_blocks',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id'),
    block: text('block', { enum: ['day', 'month'] }).notNull(),
    blockStart: date('block_start', { mode: 'string' }).notNull(),
    prevDay: date('prev_day', { mode: 'string' }).notNull(),
    subjects: integer('subjects').notNull(),
  },
  (t) => [
    unique('customer_forward_blocks_key')
      .on(t.orgId, t.block, t.blockStart, t.prevDay, t.userId)
      .nullsNotDistinct(),
  ],
);
