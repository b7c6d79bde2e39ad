// The funnel report's deals grouped by (stage, status, furthest stage), read from
// deal_stage_totals (kept by triggers, migrations 0020, 0022, 0024), for the whole funnel or a
// creation period's whole months (funnelPeriod.ts):
// a few hundred rows per funnel instead of every deal. Visibility is the customers rule
// (customers.access) applied to the totals' customer owner and pool team; customers shared
// with the viewer (协同) and not otherwise visible are added from their deals.
import { type SQL, sql } from 'drizzle-orm';
import { ownedCustomers, sharedWithViewer } from '../customers/customers.access';
import type { Viewer } from '../deals/deals.access';
import type { FunnelReportQuery } from './funnelReport.schema';

/** Per deal, as the totals store it: amount × percent / 100 rounded half away from zero. */
const weighted = sql`deal_weighted_cents(d.amount_cents, d.probability)`;

/** Customers `alias` the viewer sees by ownership or pool (not by a share); null for admins. */
function ownedOrPool(viewer: Viewer, alias: string): SQL | null {
  if (viewer.role === 'admin') return null;
  // A rep sees a deal only through a customer of their own (pool customers show no history).
  if (viewer.role === 'rep') return sql`${sql.raw(`${alias}.owner_id`)} = ${viewer.id}`;
  return ownedCustomers(viewer, alias);
}

/** Deal owner and team filters on a deal owner column. */
function ownerFilters(query: FunnelReportQuery, orgId: string, column: SQL): SQL[] {
  const conditions: SQL[] = [];
  if (query.ownerId) conditions.push(sql`${column} = ${query.ownerId}`);
  if (query.teamId) {
    conditions.push(sql`${column} in (select u.id from users u
      where u.org_id = ${orgId} and u.team_id = ${query.teamId})`);
  }
  return conditions;
}

/** Creation months (first days in the org's time zone; null: open) and the same as instants. */
export interface MonthRange {
  from: string | null;
  to: string | null;
  start: Date | null;
  end: Date | null;
}

/**
 * `(stage_key, status, furthest_stage_key, n, amount, weighted)` rows of the funnel's visible
 * deals, furthest_stage_key '' for none; several rows may share a key (sum them). With
 * `months`, only the deals created in those months ([from, to)).
 */
export function groupedFromTotals(
  viewer: Viewer,
  query: FunnelReportQuery,
  funnelId: string,
  months?: MonthRange,
): SQL {
  const owned = ownedOrPool(viewer, 's');
  const totals: SQL[] = [
    sql`s.org_id = ${viewer.orgId}`,
    sql`s.funnel_id = ${funnelId}`,
    ...ownerFilters(query, viewer.orgId, sql`s.deal_owner_id`),
  ];
  if (months?.from) totals.push(sql`s.created_month >= ${months.from}::date`);
  if (months?.to) totals.push(sql`s.created_month < ${months.to}::date`);
  if (owned) totals.push(owned);
  const fromTotals = sql`select s.stage_key, s.status, s.furthest_stage_key, s.deals::bigint as n,
      s.amount_cents as amount, s.weighted_cents as weighted
    from deal_stage_totals s where ${sql.join(totals, sql` and `)}`;
  const ownedCustomer = ownedOrPool(viewer, 'c');
  if (!ownedCustomer) return fromTotals;
  // Shared customers the viewer does not already see by ownership: few, read from their deals.
  const shared: SQL[] = [
    sql`d.org_id = ${viewer.orgId}`,
    sql`d.funnel_id = ${funnelId}`,
    ...ownerFilters(query, viewer.orgId, sql`d.owner_id`),
    sharedWithViewer(viewer, 'c'),
    sql`(${ownedCustomer}) is not true`,
  ];
  if (months?.start) shared.push(sql`d.created_at >= ${months.start}`);
  if (months?.end) shared.push(sql`d.created_at < ${months.end}`);
  return sql`${fromTotals}
    union all
    select d.stage_key, d.status, coalesce(d.furthest_stage_key, ''), 1, d.amount_cents, ${weighted}
    from deals d join customers c on c.org_id = d.org_id and c.id = d.customer_id
    where ${sql.join(shared, sql` and `)}`;
}

/**
 * Rebuilds an org's deal_stage_totals from its deals, for writers that load with triggers off
 * (the bench seed's fast load); the same grouping as migration 0024's backfill.
 */
export function rebuildDealStageTotals(orgId: string): SQL[] {
  return [
    sql`delete from deal_stage_totals where org_id = ${orgId}`,
    sql`insert into deal_stage_totals (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id,
        stage_key, status, furthest_stage_key, created_month, deals, amount_cents, weighted_cents)
      select d.org_id, d.funnel_id, d.owner_id, c.owner_id, c.pool_team_id, d.stage_key, d.status,
        coalesce(d.furthest_stage_key, ''),
        date_trunc('month', d.created_at at time zone org.time_zone)::date, count(*)::int,
        sum(d.amount_cents)::bigint, sum(${weighted})::bigint
      from deals d join customers c on c.org_id = d.org_id and c.id = d.customer_id
        join orgs org on org.id = d.org_id
      where d.org_id = ${orgId}
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  ];
}
