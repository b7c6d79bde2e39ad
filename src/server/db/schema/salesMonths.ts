import { bigint, date, index, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';

/**
 * Sales records (sales_lines) summed per customer and calendar month of the order date (a
 * date, already the org's local day): the account assessment reads a period's whole months
 * here and only its partial months at the edges from the lines. Kept by statement triggers
 * on sales_lines in the writer's transaction (migration 0026); rows that drop to no lines go.
 */
export const customerSalesMonths = pgTable(
  'customer_sales_months',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** The first day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    lines: integer('lines').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId, t.month] }),
    index('customer_sales_months_month_idx').on(t.orgId, t.month),
  ],
);

/**
 * One row per customer with sales records or open deals: all its sales (amount, lines, first
 * and last order day) and its open pipeline (open deals, Σ amount × probability rounded per
 * deal), with the customer's owner and pool team for visibility. The account assessment and the
 * revenue distribution read a customer's period sales here when all of them fall inside the
 * period, and from customer_sales_months / sales_lines only for customers straddling its ends.
 * Kept by statement triggers on sales_lines, deals and customers changing hands (migration
 * 0031), which recompute the touched customers under their rows' lock.
 */
export const customerSalesPipeline = pgTable(
  'customer_sales_pipeline',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    ownerId: uuid('owner_id'),
    poolTeamId: uuid('pool_team_id'),
    salesCents: bigint('sales_cents', { mode: 'number' }).notNull(),
    salesLines: integer('sales_lines').notNull(),
    firstOrderOn: date('first_order_on', { mode: 'string' }),
    lastOrderOn: date('last_order_on', { mode: 'string' }),
    openDeals: integer('open_deals').notNull(),
    potentialCents: bigint('potential_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId] }),
    // The customers with sales on both sides of a period's start, or of its end.
    index('customer_sales_pipeline_first_idx').on(t.orgId, t.firstOrderOn),
    index('customer_sales_pipeline_last_idx').on(t.orgId, t.lastOrderOn),
  ],
);
