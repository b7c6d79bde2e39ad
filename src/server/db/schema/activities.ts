import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { contacts, customers } from './customers';
import { orgs } from './orgs';
import { users } from './users';

/** Follow-up records (跟进记录). */
export const activities = pgTable(
  'activities',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    userId: uuid('user_id').notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    summary: text('summary').notNull(),
    feedback: text('feedback'),
    objections: text('objections'),
    /** 有效沟通: counted by key actions, lapse rules and work data. */
    effective: boolean('effective').notNull().default(false),
    nextAction: text('next_action'),
    nextActionAt: timestamp('next_action_at', { withTimezone: true }),
    topicId: uuid('topic_id'),
    /** How the rep reached the customer (seed 001's contact methods: 扫楼, 路演 …); optional. */
    channel: text('channel'),
    /** Opportunity signals (商机信号) heard in this follow-up. */
    signals: text('signals').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // The rep too, so contacted-then-won probes a won customer's activities from the index.
    index('activities_customer_idx').on(t.orgId, t.customerId, t.occurredAt, t.userId),
    // Carries what the work data report counts, so a month of the org's activities is read
    // from the index alone rather than one heap page per activity.
    index('activities_user_idx').on(
      t.orgId,
      t.userId,
      t.occurredAt,
      t.customerId,
      t.type,
      t.effective,
      t.channel,
    ),
    // The signals report reads only the tagged activities.
    index('activities_signals_idx')
      .on(t.orgId, t.userId, t.occurredAt, t.customerId, t.signals)
      .where(sql`cardinality(${t.signals}) > 0`),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    notes: text('notes'),
    customerId: uuid('customer_id'),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    /** The follow-up record whose next action made this task. */
    activityId: uuid('activity_id'),
    assigneeId: uuid('assignee_id').notNull(),
    createdBy: uuid('created_by'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['open', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('tasks_assignee_due_idx').on(t.orgId, t.assigneeId, t.status, t.dueAt),
    index('tasks_customer_idx').on(t.orgId, t.customerId, t.status, t.dueAt),
    // An activity's task (its next action), looked up for every activity listed or on a
    // customer's timeline: without it each lookup read all tasks (80,000 at 100k customers).
    index('tasks_activity_idx').on(t.orgId, t.activityId).where(sql`${t.activityId} is not null`),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.assigneeId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Follow-up topic library (跟进话题) with message templates, per category. */
export const followUpTopics = pgTable(
  'follow_up_topics',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    template: text('template').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('follow_up_topics_category_idx').on(t.orgId, t.category, t.sort),
  ],
);
