import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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
import { orgs } from './orgs';
import { teams, users } from './users';

/**
 * A sales target (销售目标 / quota) of one rep or one team for a month ('2026-03') or a
 * quarter ('2026-Q1'): what the forecast is held against. Exactly one of user_id and team_id.
 */
export const salesTargets = pgTable(
  'sales_targets',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    periodKey: text('period_key').notNull(),
    userId: uuid('user_id'),
    teamId: uuid('team_id'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('sales_targets_user_period_uq')
      .on(t.orgId, t.periodKey, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('sales_targets_team_period_uq')
      .on(t.orgId, t.periodKey, t.teamId)
      .where(sql`${t.teamId} is not null`),
    index('sales_targets_period_idx').on(t.orgId, t.periodKey),
    check('sales_targets_one_subject', sql`(${t.userId} is null) <> (${t.teamId} is null)`),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
