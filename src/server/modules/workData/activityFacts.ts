// The per-user activity counts behind the activity report, the work data report and the
// targets' progress — one set of statements, so every page agrees.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { customersContacted } from './customersContacted';
import { dayIn, firstActivityIn, type ReportPeriod } from './workData.scope';

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

interface CountsRow {
  user_id: string;
  activities: number;
  effective: number;
  visits: number;
  calls: number;
  proposals: number;
}

export interface LoadedFacts {
  byUser: Map<string, ActivityFacts>;
}

/**
 * Counts for the users matched by `users` (a condition on alias u) over the period's days.
 * The additive counts come from activity_day_counts (per rep and local day, kept by triggers);
 * distinct customers are not additive and come from customer_contact_blocks. A customer is
 * new for the user when the customer's first activity ever — by (occurred_at, id), kept on
 * the customer by a trigger on activities — is theirs and in the period.
 * `customers: false` skips the distinct-customer pass for callers that do not show it.
 */
export async function loadActivityFacts(
  db: Db,
  orgId: string,
  users: SQL,
  period: ReportPeriod,
  options: { customers?: boolean } = {},
): Promise<LoadedFacts> {
  const inScope = (column: SQL) => sql`${column} in (select u.id from users u where ${users})`;
  const [counts, contacted, firsts] = await Promise.all([
    queryRows<CountsRow>(
      db,
      sql`select d.user_id,
          sum(d.activities)::int as activities,
          sum(d.effective)::int as effective,
          (sum(d.activities) filter (where d.type = 'visit'))::int as visits,
          (sum(d.activities) filter (where d.type = 'call'))::int as calls,
          (sum(d.activities) filter (where d.type = 'quote'))::int as proposals
        from activity_day_counts d
        where d.org_id = ${orgId} and ${dayIn(period)} and ${inScope(sql`d.user_id`)}
        group by d.user_id
        having sum(d.activities) > 0`,
    ),
    options.customers === false
      ? Promise.resolve([])
      : customersContacted(db, orgId, users, period, 'none'),
    queryRows<{ user_id: string; n: number }>(
      db,
      sql`select c.first_activity_user_id as user_id, count(*)::int as n
        from customers c
        where c.org_id = ${orgId} and ${firstActivityIn(period)}
          and ${inScope(sql`c.first_activity_user_id`)}
        group by c.first_activity_user_id`,
    ),
  ]);
  const newCustomers = new Map(firsts.map((row) => [row.user_id, row.n]));
  const customers = new Map(contacted.map((row) => [row.user_id, row.n]));
  const byUser = new Map(
    counts.map((row) => [
      row.user_id,
      {
        userId: row.user_id,
        activities: row.activities,
        effective: row.effective,
        customersContacted: customers.get(row.user_id) ?? 0,
        newCustomersContacted: newCustomers.get(row.user_id) ?? 0,
        visits: row.visits ?? 0,
        calls: row.calls ?? 0,
        proposals: row.proposals ?? 0,
      },
    ]),
  );
  return { byUser };
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
