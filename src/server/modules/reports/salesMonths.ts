// Sales of a period per customer from customer_sales_months (kept by triggers on sales_lines,
// migration 0026): the period's whole months from the rollup, the days of its partial months
// at either edge from the lines themselves.
import { type SQL, sql } from 'drizzle-orm';
import { addDays, splitWholeMonths } from '../../../domain/format/dates';

/** A day range split into whole months (first days, inclusive) and the day ranges left over. */
export interface PeriodSplit {
  /** null: no whole month; a null end: open on that side. */
  months: { from: string | null; to: string | null } | null;
  days: { from: string; to: string }[];
}

/** `from` / `to` null: open on that side (all the records before or after). */
export function splitPeriod(from: string | null, to: string | null): PeriodSplit {
  const split = splitWholeMonths(from, to);
  const lastDay = (until: string) => addDays(until, -1);
  return {
    months: split.months && {
      from: split.months.from,
      to: split.months.until === null ? null : `${lastDay(split.months.until).slice(0, 7)}-01`,
    },
    // Loose days always have both ends: an open side is all whole months.
    days: split.days.map((run) => ({ from: run.from as string, to: lastDay(run.until as string) })),
  };
}

/**
 * `(customer_id, amount, lines)` rows whose sums per customer are its sales in [from, to]
 * (null: open on that side); `scope` narrows both sources (a condition on
 * `<alias>.customer_id`, or empty for the whole org).
 */
export function periodSalesRows(
  orgId: string,
  from: string | null,
  to: string | null,
  scope: (alias: string) => SQL,
): SQL {
  const split = splitPeriod(from, to);
  const parts: SQL[] = [];
  if (split.months) {
    const { from: first, to: last } = split.months;
    parts.push(sql`select m.customer_id, m.amount_cents as amount, m.lines
      from customer_sales_months m
      where m.org_id = ${orgId}${first === null ? sql`` : sql` and m.month >= ${first}::date`}${
        last === null ? sql`` : sql` and m.month <= ${last}::date`
      } ${scope('m')}`);
  }
  for (const days of split.days) {
    parts.push(sql`select s.customer_id, s.amount_cents as amount, 1 as lines from sales_lines s
      where s.org_id = ${orgId} and s.order_date >= ${days.from}::date
        and s.order_date <= ${days.to}::date ${scope('s')}`);
  }
  return sql.join(parts, sql` union all `);
}

/** Rebuilds an org's customer_sales_months, for loads that write sales_lines with triggers off. */
export function rebuildCustomerSalesMonths(orgId: string): SQL[] {
  return [
    sql`delete from customer_sales_months where org_id = ${orgId}`,
    sql`insert into customer_sales_months (org_id, customer_id, month, amount_cents, lines)
      select s.org_id, s.customer_id, date_trunc('month', s.order_date)::date,
        sum(s.amount_cents)::bigint, count(*)::int
      from sales_lines s where s.org_id = ${orgId}
      group by 1, 2, 3`,
  ];
}

/**
 * Per customer of customer_sales_pipeline passing `conditions` (on `c`: c.id, c.owner_id and
 * c.pool_team_id, as customers.access writes them), `(id, current, lines, potential,
 * open_deals)`: its sales in [from, to] (null: open on that side) and its open pipeline; only
 * customers with lines in the period, and with `withOpenDeals` also those with open deals. A
 * customer whose first and last order days both fall in the period takes its stored totals
 * (every customer, for an open period); only those with sales on both sides of an end of the
 * period sum their months and edge days (periodSalesRows narrowed to them: probed one by one
 * when the planner expects few, read with the period's rows when many).
 */
export function periodSalesPipeline(
  orgId: string,
  from: string | null,
  to: string | null,
  conditions: SQL[],
  options: { withOpenDeals: boolean },
): SQL {
  const inside: SQL[] = [sql`p.sales_lines > 0`];
  if (from) {
    inside.push(sql`p.first_order_on >= ${from}::date`);
  }
  if (to) {
    inside.push(sql`p.last_order_on <= ${to}::date`);
  }
  const visible = conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);
  const pipeline = (filter: SQL) => sql`(select p.customer_id as id, p.owner_id, p.pool_team_id,
      p.sales_cents, p.sales_lines, p.open_deals, p.potential_cents,
      (${sql.join(inside, sql` and `)}) as inside
    from customer_sales_pipeline p where p.org_id = ${orgId} and ${filter}) c`;
  const totals = sql`case when c.inside then c.sales_cents else coalesce(x.amount, 0) end::bigint as current,
      case when c.inside then c.sales_lines else coalesce(x.lines, 0) end::int as lines`;
  // Sales on both sides of `from`, or of `to`: each side a range of its own index
  // (customer_sales_pipeline_first_idx, _last_idx), empty when every customer's sales fall
  // inside the period (the default twelve months of a young org).
  const sides: SQL[] = [];
  if (from) sides.push(sql`p.first_order_on < ${from}::date and p.last_order_on >= ${from}::date`);
  if (to) sides.push(sql`p.last_order_on > ${to}::date and p.first_order_on <= ${to}::date`);
  const straddling =
    sides.length === 0
      ? null
      : sql.join(
          sides.map((side) => sql`select c.id from ${pipeline(side)} where ${visible}`),
          sql` union `,
        );
  const straddled = straddling
    ? sql`left join (select y.customer_id, sum(y.amount)::bigint as amount, sum(y.lines)::int as lines
        from (${periodSalesRows(orgId, from, to, (alias) => sql` and ${sql.raw(alias)}.customer_id in (${straddling})`)}) y
        group by y.customer_id) x on x.customer_id = c.id`
    : sql`left join (select null::bigint as amount, null::int as lines) x on false`;
  return sql`select z.id, z.current, z.lines, z.potential, z.open_deals from (
      select c.id, ${totals}, c.potential_cents as potential, c.open_deals
      from ${pipeline(sql`true`)} ${straddled}
      where ${visible}
    ) z
    where z.lines > 0${options.withOpenDeals ? sql` or z.open_deals > 0` : sql``}`;
}

/** Rebuilds an org's customer_sales_pipeline, for loads that write with triggers off. */
export function rebuildCustomerSalesPipeline(orgId: string): SQL {
  return sql`select customer_sales_pipeline_rebuild(${orgId}::uuid)`;
}
