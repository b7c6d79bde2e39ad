import { type SQL, sql } from 'drizzle-orm';
import type { OwnershipEventKind } from '../../../domain/pool';
import type { Db } from '../../db/client';
import { newId } from '../../db/ids';

export interface OwnershipEventInput {
  orgId: string;
  customerId: string;
  kind: OwnershipEventKind;
  at: Date;
  actorId: string | null;
  fromOwnerId?: string | null;
  toOwnerId?: string | null;
  poolTeamId?: string | null;
  reason?: string | null;
}

export async function recordOwnershipEvent(tx: Db, event: OwnershipEventInput): Promise<void> {
  await tx.execute(
    sql`insert into ownership_events
        (org_id, id, customer_id, kind, at, actor_id, from_owner_id, to_owner_id, pool_team_id, reason)
      values (${event.orgId}, ${newId(event.at.getTime())}, ${event.customerId}, ${event.kind},
        ${event.at}, ${event.actorId}, ${event.fromOwnerId ?? null}, ${event.toOwnerId ?? null},
        ${event.poolTeamId ?? null}, ${event.reason ?? null})`,
  );
}

/**
 * A UUIDv7 made in SQL for set-based inserts: the time from `at`, the rest random, so
 * ids from a job keep the time order newId() gives everywhere else.
 */
export function sqlNewId(at: Date): SQL {
  const hex = at.getTime().toString(16).padStart(12, '0');
  return sql`(${hex.slice(0, 8)} || '-' || ${hex.slice(8, 12)} || '-7'
    || substr(md5(random()::text || clock_timestamp()::text), 1, 3) || '-'
    || substr('89ab', 1 + floor(random() * 4)::int, 1)
    || substr(md5(random()::text), 1, 3) || '-'
    || substr(md5(random()::text || clock_timestamp()::text), 1, 12))::uuid`;
}

/**
 * The grid team whose territory a customer (alias c) falls in, or null: a city beats its
 * province, a place beats a tag (territorySpecificity), the oldest territory among equals.
 */
export function territoryTeamOf(alias = 'c'): SQL {
  const c = (column: string) => sql.raw(`${alias}.${column}`);
  return sql`(select tt.team_id from team_territories tt
    where tt.org_id = ${c('org_id')}
      and case when tt.tag is not null then tt.tag = any(${c('tags')})
        else tt.province = ${c('province')} and (tt.city is null or tt.city = ${c('city')}) end
    order by case when tt.city is not null then 3 when tt.province is not null then 2 else 1 end desc,
      tt.created_at, tt.id
    limit 1)`;
}

/**
 * Puts customers into the pool their territory says (a grid team's or the org's) and records
 * a 'routed' event for those that went to a team. `ids` selects the customers.
 */
export async function routeIntoPool(
  tx: Db,
  orgId: string,
  ids: SQL,
  now: Date,
  actorId: string | null,
): Promise<void> {
  await tx.execute(
    sql`with routed as (
        update customers c set pool_team_id = ${territoryTeamOf('c')}, pooled_at = ${now}
        where c.org_id = ${orgId} and c.owner_id is null and c.id in ${ids}
        returning c.id, c.pool_team_id)
      insert into ownership_events (org_id, id, customer_id, kind, at, actor_id, pool_team_id)
      select ${orgId}, ${sqlNewId(now)}, r.id, 'routed', ${now}, ${actorId}, r.pool_team_id
      from routed r where r.pool_team_id is not null`,
  );
}
