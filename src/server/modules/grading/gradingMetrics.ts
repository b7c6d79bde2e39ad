import { type SQL, sql } from 'drizzle-orm';
import type { GradingMetrics } from '../../../domain/grading';
import { type Db, queryRows } from '../../db/client';

export interface MetricsRow {
  customer_id: string;
  trailing_revenue_cents: number;
  revenue_12m_cents: number;
  paid_cents: number;
  outstanding_cents: number;
  oldest_unpaid_days: number | null;
  product_lines: number;
  orders_12m: number;
  on_time: number;
  payments_judged: number;
}

/**
 * GradingMetrics per customer, one row per customer with sales records, computed in one
 * pass over sales_lines (orders dated after `today` are not yet real and are left out):
 * - trailing revenue: order amounts in the last `months` months, averaged per month below;
 * - 12-month revenue, product lines (distinct products) and orders (distinct order numbers,
 *   a line without one counting alone) over the last 12 months;
 * - paid and outstanding over all records; the oldest unpaid amount's age in days counts from
 *   its order date, as the seed's rule does (签约超过1个月未付全款);
 * - on time: of the lines with a due date that are due or fully paid (and, when paid, have a
 *   paid date), those paid in full by the due date.
 */
export function metricsQuery(orgId: string, today: string, months: number, scope: SQL): SQL {
  const since12 = sql`(${today}::date - interval '12 months')::date`;
  const sinceTrailing = sql`(${today}::date - make_interval(months => ${months}::int))::date`;
  const paid = sql`coalesce(s.paid_cents, 0)`;
  const fullyPaid = sql`${paid} >= s.amount_cents`;
  return sql`select s.customer_id,
      coalesce(sum(s.amount_cents) filter (where s.order_date > ${sinceTrailing}), 0)::bigint
        as trailing_revenue_cents,
      coalesce(sum(s.amount_cents) filter (where s.order_date > ${since12}), 0)::bigint
        as revenue_12m_cents,
      coalesce(sum(${paid}), 0)::bigint as paid_cents,
      coalesce(sum(greatest(s.amount_cents - ${paid}, 0)), 0)::bigint as outstanding_cents,
      ${today}::date - min(s.order_date) filter (where not ${fullyPaid}) as oldest_unpaid_days,
      count(distinct s.product) filter (where s.order_date > ${since12})::int as product_lines,
      count(distinct coalesce(s.order_no, s.id::text)) filter (where s.order_date > ${since12})::int
        as orders_12m,
      count(*) filter (where s.due_date is not null and ${fullyPaid}
        and s.paid_at is not null and s.paid_at <= s.due_date)::int as on_time,
      count(*) filter (where s.due_date is not null
        and (s.due_date < ${today}::date or ${fullyPaid})
        and not (${fullyPaid} and s.paid_at is null))::int as payments_judged
    from sales_lines s
    where s.org_id = ${orgId} and s.order_date <= ${today}::date and ${scope}
    group by s.customer_id`;
}

export function toGradingMetrics(row: MetricsRow, months: number): GradingMetrics {
  return {
    trailingMonthlyRevenueCents: Math.floor(Number(row.trailing_revenue_cents) / months),
    trailing12mRevenueCents: Number(row.revenue_12m_cents),
    paidCents: Number(row.paid_cents),
    outstandingCents: Number(row.outstanding_cents),
    oldestUnpaidDays: row.oldest_unpaid_days === null ? null : Number(row.oldest_unpaid_days),
    productLines: row.product_lines,
    ordersLast12m: row.orders_12m,
    onTimePaymentRatio: row.payments_judged === 0 ? null : row.on_time / row.payments_judged,
  };
}

/** One customer's metrics; null when it has no sales records. */
export async function metricsOfCustomer(
  db: Db,
  orgId: string,
  customerId: string,
  today: string,
  months: number,
): Promise<GradingMetrics | null> {
  const [row] = await queryRows<MetricsRow>(
    db,
    metricsQuery(orgId, today, months, sql`s.customer_id = ${customerId}`),
  );
  return row ? toGradingMetrics(row, months) : null;
}
