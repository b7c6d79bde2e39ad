import { sql } from 'drizzle-orm';
import { gridSpillCutoff } from '../../domain/pool';
import { type Db, queryRows } from '../db/client';
import { getOwnershipSettings } from '../modules/pool/ownershipSettings.service';
import { routeIntoPool, sqlNewId } from '../modules/pool/poolEvents';
import type { Job, JobSummary } from './scheduler';

/**
 * Grid pools (网格) for one org: customers a grid team left unclaimed for the org's spill-over
 * period move to the org pool ('spilled'), and pool customers that never went through routing
 * (e.g. created by an import) go to their territory's team. Idempotent.
 */
export async function gridPoolOrg(
  db: Db,
  org: { id: string; timeZone: string },
  now: Date,
): Promise<JobSummary> {
  const settings = await getOwnershipSettings(db, org.id);
  return db.transaction(async (tx) => {
    const [spill] = await queryRows<{ spilled: number }>(
      tx,
      sql`with before as (
          select c.id, c.pool_team_id from customers c
          where c.org_id = ${org.id} and c.owner_id is null and c.pool_team_id is not null
            and c.pooled_at < ${gridSpillCutoff(now, settings.gridSpillDays)}),
        spilled as (
          update customers c set pool_team_id = null, pooled_at = ${now},
            version = c.version + 1, updated_at = ${now}
          from before b where c.org_id = ${org.id} and c.id = b.id
            and c.owner_id is null and c.pool_team_id is not null
          returning c.id, b.pool_team_id),
        events as (
          insert into ownership_events (org_id, id, customer_id, kind, at, pool_team_id)
          select ${org.id}, ${sqlNewId(now)}, s.id, 'spilled', ${now}, s.pool_team_id
          from spilled s returning 1)
        select count(*)::int as spilled from events`,
    );
    const [unrouted] = await queryRows<{ customers: number }>(
      tx,
      sql`select count(*)::int as customers from customers
        where org_id = ${org.id} and owner_id is null and pooled_at is null`,
    );
    await routeIntoPool(
      tx,
      org.id,
      sql`(select u.id from customers u
        where u.org_id = ${org.id} and u.owner_id is null and u.pooled_at is null)`,
      now,
      null,
    );
    return { spilled: spill?.spilled ?? 0, routed: unrouted?.customers ?? 0 };
  });
}

export const gridPoolJob: Job = { name: 'grid-pool', runForOrg: gridPoolOrg };
