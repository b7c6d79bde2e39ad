// Revenue distribution (客户漏斗图): each visible customer's sales total in the scope,
// counted into half-open [min, max) buckets by SQL's width_bucket, which gives the
// number of edges ≤ total: exactly bucketIndex of the domain rule.
import { type SQL, sql } from 'drizzle-orm';
import { bucketsFromEdges, parseBucketEdges } from '../../../domain/reports/revenueBuckets';
import { type Db, queryRows } from '../../db/client';
import { validationFailed } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { visibleCustomers } from '../customers/customers.access';
import type { Viewer } from '../customers/customers.service';
import type { BucketCustomersQuery, RevenueBuckets, SalesScope } from './revenueBuckets.schema';
import { periodSalesPipeline } from './salesMonths';

function checkScope(scope: SalesScope): void {
  if (scope.from && scope.to && scope.from > scope.to) {
    throw validationFailed([{ field: 'querystring.to', message: 'must not be before from' }]);
  }
}

/** Per-customer totals of the visible customers' sales lines in the scope. */
function customerTotals(viewer: Viewer, scope: SalesScope): SQL {
  const conditions: SQL[] = [sql`s.org_id = ${viewer.orgId}`, visibleCustomers(viewer)];
  if (scope.product) conditions.push(sql`s.product = ${scope.product}`);
  if (scope.from) conditions.push(sql`s.order_date >= ${scope.from}::date`);
  if (scope.to) conditions.push(sql`s.order_date <= ${scope.to}::date`);
  return sql`select s.customer_id, sum(s.amount_cents)::bigint as total, count(*)::int as lines
    from sales_lines s
    join customers c on c.org_id = s.org_id and c.id = s.customer_id
    where ${sql.join(conditions, sql` and `)}
    group by s.customer_id`;
}

/**
 * customerTotals without a product filter, from customer_sales_pipeline: one narrow row per
 * customer, its stored totals when all its sales fall in the scope, the months and edge days of
 * its own sales otherwise (periodSalesPipeline); visibility on the stored owner and pool team.
 */
function customerTotalsByMonth(viewer: Viewer, scope: SalesScope): SQL {
  const conditions = viewer.role === 'admin' ? [] : [visibleCustomers(viewer)];
  return sql`select t.id as customer_id, t.current as total, t.lines
    from (${periodSalesPipeline(viewer.orgId, scope.from ?? null, scope.to ?? null, conditions, { withOpenDeals: false })}) t`;
}

export async function getRevenueBuckets(
  db: Db,
  viewer: Viewer,
  query: SalesScope & { edges?: string },
): Promise<RevenueBuckets> {
  const edges = parseBucketEdges(query.edges);
  if (!edges.ok) throw validationFailed([{ field: 'querystring.edges', message: edges.reason }]);
  checkScope(query);
  const rows = await queryRows<{ bucket: number; customers: number; amount: number }>(
    db,
    sql`with totals as (${query.product ? customerTotals(viewer, query) : customerTotalsByMonth(viewer, query)})
      select width_bucket(total, ${sql.param(edges.edgesCents)}::bigint[]) as bucket,
        count(*)::int as customers, sum(total)::bigint as amount
      from totals
      group by 1`,
  );
  const byIndex = new Map(rows.map((row) => [Number(row.bucket), row]));
  return {
    buckets: bucketsFromEdges(edges.edgesCents).map((bucket, index) => ({
      min: bucket.minCents / 100,
      max: bucket.maxCents === null ? null : bucket.maxCents / 100,
      customers: byIndex.get(index)?.customers ?? 0,
      amount: Number(byIndex.get(index)?.amount ?? 0) / 100,
    })),
  };
}

/** The customers of one bucket, largest total first. */
export async function findBucketCustomers(db: Db, viewer: Viewer, query: BucketCustomersQuery) {
  checkScope(query);
  if (query.min !== undefined && query.max !== undefined && query.min >= query.max) {
    throw validationFailed([{ field: 'querystring.max', message: 'must be greater than min' }]);
  }
  const conditions: SQL[] = [sql`true`];
  if (query.min !== undefined) conditions.push(sql`t.total >= ${query.min}`);
  if (query.max !== undefined) conditions.push(sql`t.total < ${query.max}`);
  if (query.cursor) {
    const [total, id] = decodeCursor(query.cursor, 2) as [number, string];
    conditions.push(sql`(t.total < ${total} or (t.total = ${total} and t.customer_id > ${id}))`);
  }
  const rows = await queryRows<{
    customer_id: string;
    name: string;
    owner_id: string | null;
    owner_name: string | null;
    total: number;
    lines: number;
  }>(
    db,
    sql`with totals as (${query.product ? customerTotals(viewer, query) : customerTotalsByMonth(viewer, query)})
      select t.customer_id, c.name, c.owner_id, u.name as owner_name, t.total, t.lines
      from totals t
      join customers c on c.org_id = ${viewer.orgId} and c.id = t.customer_id
      left join users u on u.org_id = c.org_id and u.id = c.owner_id
      where ${sql.join(conditions, sql` and `)}
      order by t.total desc, t.customer_id
      limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      customerId: row.customer_id,
      name: row.name,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      amount: Number(row.total) / 100,
      lines: row.lines,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([Number(last.total), last.customer_id])
        : null,
  };
}
