// deals.furthest_stage_key: the furthest open stage a deal ever entered, by its funnel's
// order. The funnel report's "reached" (deals that entered a stage or a later one) reads it
// instead of scanning stage_history; every write of a deal's stage keeps it in the same
// statement, and a funnel whose open stages are reordered or removed recomputes it.
import { type SQL, sql } from 'drizzle-orm';
import type { FunnelStage } from '../../../domain/funnels';
import type { Db } from '../../db/client';

const openKeys = (stages: readonly FunnelStage[]) =>
  stages.filter((stage) => stage.terminal === null).map((stage) => stage.key);

/**
 * SQL for the furthest of `keys` (SQL expressions giving stage keys) among the funnel's open
 * stages; terminal, unknown and null keys never win; null when none is an open stage.
 */
export function furthestStageSql(stages: readonly FunnelStage[], keys: SQL[]): SQL {
  const open = openKeys(stages).reverse();
  if (open.length === 0 || keys.length === 0) return sql`null::text`;
  const candidates = sql.join(keys, sql`, `);
  return sql`(case ${sql.join(
    open.map((key) => sql`when ${key}::text in (${candidates}) then ${key}::text`),
    sql` `,
  )} end)`;
}

/**
 * Whether a funnel edit changes which stage is furthest for some deal: an open stage removed,
 * or two kept ones swapped. Added stages and renamed texts change nothing.
 */
export function furthestOrderChanged(
  before: readonly FunnelStage[],
  after: readonly FunnelStage[],
): boolean {
  const old = openKeys(before);
  const next = openKeys(after);
  if (old.some((key) => !next.includes(key))) return true;
  return old.join('\n') !== next.filter((key) => old.includes(key)).join('\n');
}

/**
 * Recomputes furthest_stage_key for every deal of a funnel from what it entered: each stage
 * moved into or out of in stage_history, the stage it is in now and the one recorded.
 */
export async function recomputeFurthestStages(
  tx: Db,
  orgId: string,
  funnelId: string,
  stages: readonly FunnelStage[],
): Promise<void> {
  const open = openKeys(stages);
  const ords =
    open.length === 0
      ? sql`(select null::text as key, null::int as ord where false)`
      : sql`(values ${sql.join(
          open.map((key, ord) => sql`(${key}::text, ${ord}::int)`),
          sql`, `,
        )})`;
  await tx.execute(sql`with entered as (
      select h.deal_id, h.to_stage_key as key from stage_history h
      where h.org_id = ${orgId} and h.funnel_id = ${funnelId} and h.deal_id is not null
      union all
      select h.deal_id, h.from_stage_key from stage_history h
      where h.org_id = ${orgId} and h.funnel_id = ${funnelId} and h.deal_id is not null
        and h.from_stage_key is not null
      union all
      select d.id, unnest(array[d.stage_key, d.furthest_stage_key]) from deals d
      where d.org_id = ${orgId} and d.funnel_id = ${funnelId}
    ), furthest as (
      select e.deal_id, (array_agg(o.key order by o.ord desc))[1] as key
      from entered e join ${ords} as o(key, ord) on o.key = e.key
      group by e.deal_id
    )
    update deals d set furthest_stage_key = r.key
    from deals x left join furthest r on r.deal_id = x.id
    where x.org_id = ${orgId} and x.funnel_id = ${funnelId}
      and d.org_id = x.org_id and d.id = x.id
      and d.furthest_stage_key is distinct from r.key`);
}
