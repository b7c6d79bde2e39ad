import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
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
import { contacts, customers } from './customers';
import { deals } from './funnels';
import { orgs } from './orgs';
import { users } from './users';

/**
 * The org's qualification rules, one row per kind, created with the seed defaults on first
 * use: `scoring` a ScoringRuleSet, `grading` {ruleSet, unpaidDowngradeDays, trailingMonths},
 * `churn` ChurnOptions. Each value is checked by its validator in src/domain before it is saved.
 */
export const qualificationSettings = pgTable(
  'qualification_settings',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['scoring', 'grading', 'churn'] }).notNull(),
    value: jsonb('value').notNull(),
    version: integer('version').notNull().default(1),
    /** The version whose results are written to every customer (scores); null: never yet. */
    appliedVersion: integer('applied_version'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('qualification_settings_kind_uq').on(t.orgId, t.kind),
    foreignKey({ columns: [t.orgId, t.updatedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Incoming inquiries (询盘) with the classifier's verdict and what people did with them. */
export const inquiries = pgTable(
  'inquiries',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    channel: text('channel').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    senderName: text('sender_name'),
    senderEmail: text('sender_email'),
    company: text('company'),
    country: text('country'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** What classifyInquiry said; kept when a person corrects it, to measure accuracy. */
    classification: text('classification', { enum: ['scam', 'broad', 'precise'] }).notNull(),
    confidence: doublePrecision('confidence').notNull(),
    signals: jsonb('signals').notNull(),
    scores: jsonb('scores').notNull(),
    correctedClass: text('corrected_class', { enum: ['scam', 'broad', 'precise'] }),
    correctedBy: uuid('corrected_by'),
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
    status: text('status', { enum: ['new', 'replied', 'converted', 'archived'] })
      .notNull()
      .default('new'),
    /** null: in the shared inbox. */
    assigneeId: uuid('assignee_id'),
    /** The first reply; first-response time is measured from received_at. */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    firstResponseBy: uuid('first_response_by'),
    customerId: uuid('customer_id'),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    convertedBy: uuid('converted_by'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('inquiries_received_idx').on(t.orgId, t.receivedAt, t.id),
    index('inquiries_status_idx').on(t.orgId, t.status, t.receivedAt),
    index('inquiries_assignee_idx').on(t.orgId, t.assigneeId, t.receivedAt),
    index('inquiries_customer_idx').on(t.orgId, t.customerId),
    foreignKey({ columns: [t.orgId, t.assigneeId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }),
  ],
);

/** One grading pass over an org; at most one runs at a time per org. */
export const gradingRuns = pgTable(
  'grading_runs',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    trigger: text('trigger', { enum: ['schedule', 'manual'] }).notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    /** The GradingConfig the run graded with: its history's reasons are derived from it. */
    config: jsonb('config'),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    graded: integer('graded').notNull().default(0),
    changed: integer('changed').notNull().default(0),
    downgraded: integer('downgraded').notNull().default(0),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('grading_runs_running_uq').on(t.orgId).where(sql`${t.status} = 'running'`),
    index('grading_runs_started_idx').on(t.orgId, t.startedAt),
  ],
);

/**
 * Each graded customer's current grade (客户分级), apart from the wide customers row: a grading
 * run writes up to every customer's grade, and in customers each write was a new row version
 * in every one of its indexes (two GIN). Readers join it (grading/customerGradeSql.ts).
 * No foreign key to customers: rows are written only from a join on customers, which are never
 * deleted (archived instead), and the per-row check would lock every customer row it grades.
 */
export const customerGrades = pgTable(
  'customer_grades',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    grade: text('grade').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.customerId] })],
);

/** Every change of a customer's grade (客户分级) with the reasons that decided it. */
export const gradeHistory = pgTable(
  'grade_history',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    fromGrade: text('from_grade'),
    toGrade: text('to_grade').notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    /**
     * Localized[] from gradeCustomer, kept by runs before grading moved into SQL; null since:
     * gradeCustomer over `metrics` and the run's config gives them when history is read.
     */
    reasons: jsonb('reasons'),
    /** The GradingMetrics the grade was computed from. */
    metrics: jsonb('metrics').notNull(),
    downgradedForUnpaid: boolean('downgraded_for_unpaid').notNull().default(false),
    runId: uuid('run_id'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('grade_history_customer_idx').on(t.orgId, t.customerId, t.changedAt),
    // No foreign keys (to orgs or customers), as customer_grades: rows come from a join on
    // customers in the grading statement, and a first grading wrote 100,000 of them with two
    // per-row checks each (0.27 s per 5,000).
  ],
);
