import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
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
