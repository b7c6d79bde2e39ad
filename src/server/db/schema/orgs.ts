import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The tenant table itself: the only table without org_id (a reference table on Citus).
export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  currency: text('currency').notNull().default('CNY'),
  defaultLocale: text('default_locale').notNull().default('zh-CN'),
  /** Org-wide settings (see OrgSettings in modules/orgs): follow-up windows, limits. */
  settings: jsonb('settings').notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
