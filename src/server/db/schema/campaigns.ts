import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
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
import { CAMPAIGN_TYPES } from '../../../domain/campaigns/campaignTypes';
import { contacts, customers } from './customers';
import { orgs } from './orgs';
import { users } from './users';

/** A marketing event (市场活动: 研讨会, 展会, 用户大会, 路演) that turns list customers into potential ones. */
export const campaigns = pgTable(
  'campaigns',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    type: text('type', { enum: CAMPAIGN_TYPES }).notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    place: text('place'),
    ownerId: uuid('owner_id').notNull(),
    costCents: bigint('cost_cents', { mode: 'number' }),
    /** One of the org's source channels, by name (as customers.source). */
    source: text('source'),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('campaigns_starts_idx').on(t.orgId, t.startsOn, t.id),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/**
 * A customer (or one of its contacts) invited to a campaign; attended_at set when they came.
 * activity_id is the follow-up record the attendance logged, so marking twice logs once.
 */
export const campaignInvitees = pgTable(
  'campaign_invitees',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    contactId: uuid('contact_id'),
    invitedBy: uuid('invited_by').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    attendedAt: timestamp('attended_at', { withTimezone: true }),
    activityId: uuid('activity_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('campaign_invitees_customer_uq')
      .on(t.orgId, t.campaignId, t.customerId)
      .where(sql`${t.contactId} is null`),
    uniqueIndex('campaign_invitees_contact_uq')
      .on(t.orgId, t.campaignId, t.contactId)
      .where(sql`${t.contactId} is not null`),
    index('campaign_invitees_customer_idx').on(t.orgId, t.customerId),
    foreignKey({
      columns: [t.orgId, t.campaignId],
      foreignColumns: [campaigns.orgId, campaigns.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
    foreignKey({ columns: [t.orgId, t.invitedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
