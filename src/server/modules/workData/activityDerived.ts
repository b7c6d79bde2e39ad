// What triggers on activities keep (migrations 0014, 0017 and 0023), and on stage history and
// deals for work data (0028), rebuilt for one org in SQL: for loads that write them with triggers
// off (`crm seed bench` on PostgreSQL as superuser).
import { type SQL, sql } from 'drizzle-orm';

/** Each customer's first follow-up (customers.first_activity_*), as the insert trigger keeps it. */
export function rebuildFirstActivities(orgId: string): SQL {
  return sql`update customers c
    set first_activity_id = f.id, first_activity_at = f.occurred_at,
      first_activity_user_id = f.user_id
    from (select distinct on (a.customer_id) a.customer_id, a.id, a.occurred_at, a.user_id
      from activities a where a.org_id = ${orgId}
      order by a.customer_id, a.occurred_at, a.id) f
    where c.org_id = ${orgId} and c.id = f.customer_id
      and c.first_activity_id is distinct from f.id`;
}

/** activity_day_counts of the org: per rep, local day (org time zone), type and channel. */
export function rebuildActivityDayCounts(orgId: string): SQL[] {
  return [
    sql`delete from activity_day_counts where org_id = ${orgId}`,
    sql`insert into activity_day_counts (org_id, user_id, day, type, channel, activities, effective)
      select a.org_id, a.user_id, (a.occurred_at at time zone o.time_zone)::date, a.type,
        coalesce(a.channel, ''), count(*)::int, (count(*) filter (where a.effective))::int
      from activities a join orgs o on o.id = a.org_id
      where a.org_id = ${orgId}
      group by 1, 2, 3, 4, 5`,
  ];
}

/** customer_contact_blocks of the org (distinct customers contacted), by the migration's function. */
export function rebuildCustomerContactBlocks(orgId: string): SQL {
  return sql`select customer_contact_blocks_rebuild(${orgId}::uuid)`;
}

/** customer_forward_blocks of the org (customers moved forward), by the migration's function. */
export function rebuildCustomerForwardBlocks(orgId: string): SQL {
  return sql`select customer_forward_blocks_rebuild(${orgId}::uuid)`;
}
