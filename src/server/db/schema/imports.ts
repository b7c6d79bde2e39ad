import {
  bigint,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
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

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * An uploaded file and the job importing it. The file lives in the database so any
 * server can run or resume the job; progress is counted as rows are applied.
 */
export const imports = pgTable(
  'imports',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['sales', 'customers'] }).notNull(),
    status: text('status', {
      enum: ['uploaded', 'queued', 'running', 'done', 'failed', 'cancelled'],
    }).notNull(),
    fileName: text('file_name').notNull(),
    fileFormat: text('file_format', { enum: ['xlsx', 'xls', 'csv'] }).notNull(),
    /** SHA-256 of the file bytes: the same file imported twice is recognised. */
    fingerprint: text('fingerprint').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    mapping: jsonb('mapping').notNull().default({}),
    options: jsonb('options').notNull().default({}),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** [{row, message}] for rows that did not import; capped to keep the row small. */
    errors: jsonb('errors').notNull().default([]),
    summary: jsonb('summary').notNull().default({}),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('imports_org_created_idx').on(t.orgId, t.createdAt),
    index('imports_org_fingerprint_idx').on(t.orgId, t.kind, t.fingerprint),
    index('imports_status_idx').on(t.status),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

export const importFiles = pgTable(
  'import_files',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    importId: uuid('import_id').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.importId] }),
    foreignKey({
      columns: [t.orgId, t.importId],
      foreignColumns: [imports.orgId, imports.id],
    }).onDelete('cascade'),
  ],
);

/** Sales records (销售记录): one order or invoice line. */
export const salesLines = pgTable(
  'sales_lines',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    product: text('product'),
    /** Decimal quantity as the report gives it (up to 3 places). */
    quantity: numeric('quantity', { precision: 18, scale: 3 }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    orderDate: date('order_date').notNull(),
    orderNo: text('order_no'),
    paidCents: bigint('paid_cents', { mode: 'number' }),
    paidAt: date('paid_at'),
    dueDate: date('due_date'),
    ownerId: uuid('owner_id'),
    importId: uuid('import_id'),
    /** Identifies the line across imports so a re-import never doubles it. */
    naturalKey: text('natural_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('sales_lines_natural_key_uq').on(t.orgId, t.naturalKey),
    index('sales_lines_customer_idx').on(t.orgId, t.customerId, t.orderDate),
    index('sales_lines_date_idx').on(t.orgId, t.orderDate),
    index('sales_lines_product_idx').on(t.orgId, t.product),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
  ],
);

export const IMPORT_ERROR_CAP = 1000;
