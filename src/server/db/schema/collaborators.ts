import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { orgs } from './orgs';
import { users } from './users';

/**
 * Colleagues a customer is shared with (协同), e.g. a pre-sales engineer: `read` sees the
 * customer and everything hanging off it, `write` may also change it (customers.access).
 */
export const customerCollaborators = pgTable(
  'customer_collaborators',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    userId: uuid('user_id').notNull(),
    access: text('access', { enum: ['read', 'write'] }).notNull(),
    addedBy: uuid('added_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // Also serves the visibility check: exists (customer, viewer).
    uniqueIndex('customer_collaborators_uq').on(t.orgId, t.customerId, t.userId),
    index('customer_collaborators_user_idx').on(t.orgId, t.userId),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.addedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
