// customer_contact_blocks and customer_forward_blocks as the triggers keep them, and as
// recounted from the activities or moves by an independent definition (each day's previous one
// by max(), not lag()), for tests that the kept rows never drift: after inserts, edits,
// deletes, bulk statements and a new time zone.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client';

type BlockRow = {
  user_id: string | null;
  block: string;
  block_start: string;
  prev_day: string;
  subjects: number;
};

const byKey = (rows: BlockRow[]) =>
  [...rows].sort((a, b) =>
    `${a.user_id}|${a.block}|${a.block_start}|${a.prev_day}`.localeCompare(
      `${b.user_id}|${b.block}|${b.block_start}|${b.prev_day}`,
    ),
  );

export async function keptAndRecountedBlocks(database: Database, orgId: string) {
  return keptAndRecounted(
    database,
    orgId,
    sql`customer_contact_blocks`,
    sql`select distinct a.user_id, a.customer_id,
        (a.occurred_at at time zone o.time_zone)::date as day
      from activities a join orgs o on o.id = a.org_id where a.org_id = ${orgId}`,
  );
}

/**
 * customer_forward_blocks likewise, recounted from the moves that count: forward ones, and
 * moves into won whose deal is won in that stage now (an exists, not the triggers' join).
 */
export async function keptAndRecountedForwardBlocks(database: Database, orgId: string) {
  return keptAndRecounted(
    database,
    orgId,
    sql`customer_forward_blocks`,
    sql`select distinct h.by_user_id as user_id, h.customer_id,
        (h.at at time zone o.time_zone)::date as day
      from stage_history h join orgs o on o.id = h.org_id
      where h.org_id = ${orgId} and (h.direction = 'forward' or (h.direction = 'terminal'
        and exists (select 1 from deals d where d.org_id = h.org_id and d.id = h.deal_id
          and d.status = 'won' and d.stage_key = h.to_stage_key)))`,
  );
}

/** The blocks kept in `table`, and recounted from `subjectDays` (user_id, customer_id, day). */
async function keptAndRecounted(database: Database, orgId: string, table: SQL, subjectDays: SQL) {
  const kept = await database.query<BlockRow>(sql`select user_id, block,
      block_start::text as block_start, prev_day::text as prev_day, subjects
    from ${table} where org_id = ${orgId}`);
  const recounted = await database.query<BlockRow>(sql`with days as (${subjectDays}),
    subject_days as (
      select d.user_id, d.day, (select max(e.day) from days e
        where e.user_id = d.user_id and e.customer_id = d.customer_id and e.day < d.day) as prev
      from days d
      union all
      select null, c.day, (select max(e.day) from days e
        where e.customer_id = c.customer_id and e.day < c.day)
      from (select distinct customer_id, day from days) c),
    entries as (
      select user_id, 'day' as block, day as block_start, prev from subject_days
      union all
      select user_id, 'month', date_trunc('month', day::timestamp)::date, prev from subject_days
      where prev is null or date_trunc('month', prev::timestamp) < date_trunc('month', day::timestamp))
    select user_id, block, block_start::text as block_start,
      coalesce(prev::text, '-infinity') as prev_day, count(*)::int as subjects
    from entries group by 1, 2, 3, 4`);
  return { kept: byKey(kept), recounted: byKey(recounted) };
}
