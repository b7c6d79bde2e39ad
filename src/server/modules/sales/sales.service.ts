import { sql } from 'drizzle-orm';
import { zonedDay } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import { forbidden } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { guardCustomer } from '../customers/customers.guard';
import type { Viewer } from '../customers/customers.service';
import { yuan } from '../deals/deals.presenter';
import { getOrg } from '../orgs/orgs.service';
import type { CustomerSales } from './sales.schema';

interface LineRow {
  id: string;
  order_date: string;
  order_no: string | null;
  product: string | null;
  quantity: string | null;
  amount_cents: number;
  paid_cents: number | null;
  paid_at: string | null;
  due_date: string | null;
  owner_name: string | null;
}

/**
 * A customer's purchase history (sales records as imported): its totals, paid and outstanding
 * amounts and product lines, summed in SQL over all its lines, and the lines newest first.
 * A rep sees it for their own customers only; a pool customer's history shows once claimed.
 */
export async function findCustomerSales(
  db: Db,
  viewer: Viewer,
  customerId: string,
  query: { limit: number; cursor?: string },
  now: Date,
): Promise<CustomerSales> {
  const customer = await guardCustomer(db, viewer, customerId, 'see');
  if (viewer.role === 'rep' && customer.ownerId !== viewer.id) {
    throw forbidden('A customer’s purchase history shows to its owner (claim it first)');
  }
  const org = await getOrg(db, viewer.orgId);
  const today = zonedDay(now, org.timeZone);
  const where = sql`s.org_id = ${viewer.orgId} and s.customer_id = ${customerId}`;
  // Overdue: not paid in full and its due date has passed in the org's time zone.
  const overdue = sql`(s.due_date < ${today}::date and coalesce(s.paid_cents, 0) < s.amount_cents)`;
  const [totals] = await queryRows<{
    lines: number;
    total: number;
    paid: number;
    overdue: number;
    first: string | null;
    last: string | null;
  }>(
    db,
    sql`select count(*)::int as lines, coalesce(sum(s.amount_cents), 0)::bigint as total,
        coalesce(sum(s.paid_cents), 0)::bigint as paid,
        coalesce(sum(s.amount_cents - coalesce(s.paid_cents, 0)) filter (where ${overdue}), 0)::bigint
          as overdue,
        min(s.order_date)::text as first, max(s.order_date)::text as last
      from sales_lines s where ${where}`,
  );
  const products = await queryRows<{
    product: string | null;
    amount: number;
    lines: number;
    last: string;
  }>(
    db,
    sql`select s.product, sum(s.amount_cents)::bigint as amount, count(*)::int as lines,
        max(s.order_date)::text as last
      from sales_lines s where ${where}
      group by s.product order by amount desc, s.product nulls last limit 50`,
  );
  let after = sql`true`;
  if (query.cursor) {
    const [day, id] = decodeCursor(query.cursor, 2) as [string, string];
    after = sql`(s.order_date, s.id) < (${day}::date, ${id}::uuid)`;
  }
  const rows = await queryRows<LineRow>(
    db,
    sql`select s.id, s.order_date::text as order_date, s.order_no, s.product,
        s.quantity::text as quantity, s.amount_cents, s.paid_cents, s.paid_at::text as paid_at,
        s.due_date::text as due_date, u.name as owner_name
      from sales_lines s left join users u on u.org_id = s.org_id and u.id = s.owner_id
      where ${where} and ${after}
      order by s.order_date desc, s.id desc limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const total = totals?.total ?? 0;
  const paid = totals?.paid ?? 0;
  return {
    summary: {
      lines: totals?.lines ?? 0,
      total: yuan(total),
      paid: yuan(paid),
      outstanding: yuan(total - paid),
      overdue: yuan(totals?.overdue ?? 0),
      firstOrderDate: totals?.first ?? null,
      lastOrderDate: totals?.last ?? null,
      products: products.map((row) => ({
        product: row.product,
        amount: yuan(row.amount),
        lines: row.lines,
        lastOrderDate: row.last,
      })),
    },
    items: page.map((row) => ({
      id: row.id,
      orderDate: row.order_date,
      orderNo: row.order_no,
      product: row.product,
      quantity: row.quantity,
      amount: yuan(row.amount_cents),
      paid: row.paid_cents === null ? null : yuan(row.paid_cents),
      paidAt: row.paid_at,
      dueDate: row.due_date,
      overdue:
        row.due_date !== null && row.due_date < today && (row.paid_cents ?? 0) < row.amount_cents,
      ownerName: row.owner_name,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.order_date, last.id]) : null,
  };
}
