// The board's column totals for an admin or a manager from deal_stage_totals (kept by triggers,
// migrations 0020–0024), as the funnel report reads them (funnelTotals.ts), instead of every
// deal of the funnel joined to its customer with the visibility condition (a manager at 100k
// customers: a scan of all 100,000 customers for their 32,000 visible deals).
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { groupedFromTotals } from '../reports/funnelTotals';
import type { Viewer } from './deals.access';
import type { BoardQuery } from './deals.schema';

export interface StageTotals {
  stage_key: string;
  count: number;
  amount_cents: number;
  weighted_cents: number;
  stale_count: number;
}

/**
 * Whether the totals can answer the board's filters: they key deals by owner (deal owner and
 * the customer's owner and pool team), not by close month, customer or staleness.
 */
export function totalsAnswer(viewer: Viewer, query: BoardQuery): boolean {
  return (
    viewer.role !== 'rep' &&
    query.stale === undefined &&
    query.closeMonth === undefined &&
    query.customerId === undefined
  );
}

/**
 * Per stage the count, amount and weighted amount of the viewer's deals of the funnel (with the
 * owner and team filters) from the totals. The totals know no time, so the stale count is the
 * stage's open deals less its open deals not yet stale, read from deals_stale_idx
 * (`conditions`: the board's conditions on deals d and customers c, visibility included).
 */
export async function boardTotalsFromStageTotals(
  db: Db,
  viewer: Viewer,
  query: BoardQuery,
  now: Date,
  conditions: SQL,
): Promise<StageTotals[]> {
  const grouped = groupedFromTotals(
    viewer,
    { ownerId: query.ownerId, teamId: query.teamId },
    query.funnelId,
  );
  const customersJoin =
    viewer.role === 'admin'
      ? sql``
      : sql`join customers c on c.org_id = d.org_id and c.id = d.customer_id`;
  return queryRows<StageTotals>(
    db,
    sql`with grouped as (${grouped}),
      fresh as (select d.stage_key, count(*) as n from deals d ${customersJoin}
        where ${conditions} and d.status = 'open' and (d.stale_at > ${now} or d.stale_at is null)
        group by d.stage_key)
      select g.stage_key, sum(g.n)::int as count,
        coalesce(sum(g.amount), 0)::bigint as amount_cents,
        coalesce(sum(g.weighted), 0)::bigint as weighted_cents,
        (coalesce(sum(g.n) filter (where g.status = 'open'), 0)
          - coalesce(max(f.n), 0))::int as stale_count
      from grouped g left join fresh f on f.stage_key = g.stage_key
      group by g.stage_key`,
  );
}
