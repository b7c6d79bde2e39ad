// The per-user activity counts behind the activity report, the work data report and the
// targets' progress — one SQL statement over activities, so every page agrees.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { occurredIn } from './workData.scope';

export interface ActivityFacts {
  userId: string;
  activities: number;
  effective: number;
  customersContacted: number;
  newCustomersContacted: number;
  visits: number;
  calls: number;
  proposals: number;
}

interface FactsRow {
  user_id: string;
  activities: number;
  effective: number;
  customers: number;
  new_customers: number;
  visits: number;
  calls: number;
  proposals: number;
}

/**
 * Counts for the users matched by `users` (a condition on alias u) between start and end.
 * A customer is new for the user when no activity by anyone precedes theirs — ordered by
 * (occurred_at, id), so two activities at the same instant still have a first.
 */
export async function loadActivityFacts(
  db: Db,
  orgId: string,
  users: SQL,
  period: { start: Date | null; end: Date | null },
): Promise<Map<string, ActivityFacts>> {
  const rows = await queryRows<FactsRow>(
    db,
    sql`select a.user_id,
        count(*)::int as activities,
        count(*) filter (where a.effective)::int as effective,
        count(distinct a.customer_id)::int as customers,
        count(distinct a.customer_id) filter (where not exists (
          select 1 from activities e where e.org_id = a.org_id and e.customer_id = a.customer_id
            and (e.occurred_at, e.id) < (a.occurred_at, a.id)))::int as new_customers,
        count(*) filter (where a.type = 'visit')::int as visits,
        count(*) filter (where a.type = 'call')::int as calls,
        count(*) filter (where a.type = 'quote')::int as proposals
      from activities a
      where a.org_id = ${orgId} and ${occurredIn(period)}
        and a.user_id in (select u.id from users u where ${users})
      group by a.user_id`,
  );
  return new Map(
    rows.map((row) => [
      row.user_id,
      {
        userId: row.user_id,
        activities: row.activities,
        effective: row.effective,
        customersContacted: row.customers,
        newCustomersContacted: row.new_customers,
        visits: row.visits,
        calls: row.calls,
        proposals: row.proposals,
      },
    ]),
  );
}

export const EMPTY_FACTS = {
  activities: 0,
  effective: 0,
  customersContacted: 0,
  newCustomersContacted: 0,
  visits: 0,
  calls: 0,
  proposals: 0,
};

/** The users a report lists: active non-admins in scope, and anyone in scope with work. */
export async function listedUsers(
  db: Db,
  users: SQL,
  withWork: { has(id: string): boolean },
): Promise<{ id: string; name: string; team_id: string | null; team_name: string | null }[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    role: string;
    active: boolean;
    team_id: string | null;
    team_name: string | null;
  }>(
    db,
    sql`select u.id, u.name, u.role, u.active, u.team_id, t.name as team_name
      from users u left join teams t on t.org_id = u.org_id and t.id = u.team_id
      where ${users} order by u.name, u.id`,
  );
  return rows.filter((row) => withWork.has(row.id) || (row.active && row.role !== 'admin'));
}

/** The metric a target counts, from the facts. */
export function metricValue(facts: Omit<ActivityFacts, 'userId'>, metric: string): number {
  switch (metric) {
    case 'new_customers':
      return facts.newCustomersContacted;
    case 'effective':
      return facts.effective;
    case 'visits':
      return facts.visits;
    case 'calls':
      return facts.calls;
    case 'proposals':
      return facts.proposals;
    default:
      return 0;
  }
}
