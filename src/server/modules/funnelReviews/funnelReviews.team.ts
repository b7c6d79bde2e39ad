// The manager's view of a period: every rep of the caller's teams (an admin: the org) with the
// report's status and the leak rate, per rep, per team and in total — all counted in SQL.
import { type SQL, sql } from 'drizzle-orm';
import { zonedDay } from '../../../domain/format/dates';
import { leakRatePercent } from '../../../domain/reports/leakRate';
import { type Db, queryRows } from '../../db/client';
import { forbidden } from '../../http/errors';
import { managedOwners } from '../customers/customers.access';
import { leakCounts, presentPeriod, windowOfDay, windowOfKey } from './funnelReviews.leak';
import type { Actor, Clocked } from './funnelReviews.presenter';
import type { TeamOverview, TeamQuery } from './funnelReviews.schema';

/** The reps whose reports the caller oversees, as a subquery of `users u`. */
function overseenReps(actor: Actor, teamId: string | undefined): SQL {
  const conditions: SQL[] = [sql`u.org_id = ${actor.orgId}`, sql`u.role = 'rep'`, sql`u.active`];
  if (actor.role === 'manager') conditions.push(sql`u.id in ${managedOwners(actor)}`);
  if (teamId) conditions.push(sql`u.team_id = ${teamId}`);
  return sql.join(conditions, sql` and `);
}

interface RowFacts {
  user_id: string;
  user_name: string;
  team_id: string | null;
  team_name: string | null;
  review_id: string | null;
  status: 'draft' | 'submitted' | 'reviewed' | null;
  submitted_at: Date | string | null;
  reviewed_at: Date | string | null;
  lines: number;
  contacted: number;
  missing: number;
  late: boolean;
}

interface GroupFacts {
  team_id: string | null;
  team_name: string | null;
  is_total: boolean;
  reps: number;
  submitted: number;
  late: number;
  missing: number;
  missing_customers: number;
  contacted: number;
}

export async function getTeamOverview(
  db: Db,
  actor: Actor,
  query: TeamQuery,
  clocked: Clocked,
): Promise<TeamOverview> {
  if (actor.role === 'rep') throw forbidden('Only managers and admins see the team overview');
  const window = query.period
    ? windowOfKey(query.period, clocked.timeZone, 'querystring.period')
    : windowOfDay(zonedDay(clocked.now, clocked.timeZone), clocked.timeZone);
  const reps = overseenReps(actor, query.teamId);
  const perRep = sql`with counts as (${leakCounts(actor.orgId, window, sql`select u.id from users u where ${reps}`)})
      select u.id as user_id, u.name as user_name, u.team_id, t.name as team_name,
        fr.id as review_id, fr.status, fr.submitted_at, fr.reviewed_at,
        coalesce((select count(*) from funnel_review_lines l
          where l.org_id = fr.org_id and l.review_id = fr.id), 0)::int as lines,
        coalesce(k.contacted, 0)::int as contacted, coalesce(k.missing, 0)::int as missing,
        coalesce(fr.submitted_at >= ${window.dueEnd}, false) as late,
        coalesce(fr.status in ('submitted', 'reviewed'), false) as submitted
      from users u
      left join teams t on t.org_id = u.org_id and t.id = u.team_id
      left join funnel_reviews fr on fr.org_id = u.org_id and fr.user_id = u.id
        and fr.period_key = ${window.period.key}
      left join counts k on k.user_id = u.id
      where ${reps}`;
  const overdue = clocked.now >= window.dueEnd;
  const rows = await queryRows<RowFacts>(
    db,
    sql`select * from (${perRep}) r order by r.team_name nulls last, r.user_name, r.user_id`,
  );
  // Team and overall totals: a team's leak rate is its reps' missing ÷ contacted, summed.
  const groups = await queryRows<GroupFacts>(
    db,
    sql`select r.team_id, max(r.team_name) as team_name, grouping(r.team_id) = 1 as is_total,
        count(*)::int as reps,
        (count(*) filter (where r.submitted))::int as submitted,
        (count(*) filter (where r.late))::int as late,
        (count(*) filter (where not r.submitted and ${overdue}))::int as missing,
        coalesce(sum(r.missing), 0)::int as missing_customers,
        coalesce(sum(r.contacted), 0)::int as contacted
      from (${perRep}) r
      group by grouping sets ((r.team_id), ())
      order by grouping(r.team_id), max(r.team_name) nulls last`,
  );
  const presented = rows.map((row) => {
    const submitted = row.status === 'submitted' || row.status === 'reviewed';
    const status =
      row.status === 'reviewed'
        ? 'reviewed'
        : submitted
          ? row.late
            ? 'late'
            : 'submitted'
          : overdue
            ? 'missing'
            : 'pending';
    return {
      userId: row.user_id,
      userName: row.user_name,
      teamId: row.team_id,
      teamName: row.team_name,
      reviewId: row.review_id,
      status,
      late: Boolean(row.late),
      submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at).toISOString(),
      reviewedAt: row.reviewed_at === null ? null : new Date(row.reviewed_at).toISOString(),
      lines: Number(row.lines),
      contacted: Number(row.contacted),
      missing: Number(row.missing),
      leakRate: leakRatePercent(Number(row.missing), Number(row.contacted)),
    } as const;
  });
  const presentGroup = (group: GroupFacts) => ({
    teamId: group.is_total ? null : group.team_id,
    teamName: group.is_total ? null : group.team_name,
    reps: Number(group.reps),
    submitted: Number(group.submitted),
    late: Number(group.late),
    missing: Number(group.missing),
    missingCustomers: Number(group.missing_customers),
    contacted: Number(group.contacted),
    leakRate: leakRatePercent(Number(group.missing_customers), Number(group.contacted)),
  });
  const total = groups.find((g) => g.is_total);
  return {
    period: presentPeriod(window),
    rows: presented,
    teams: groups.filter((g) => !g.is_total).map(presentGroup),
    total: total
      ? presentGroup(total)
      : presentGroup({
          team_id: null,
          team_name: null,
          is_total: true,
          reps: 0,
          submitted: 0,
          late: 0,
          missing: 0,
          missing_customers: 0,
          contacted: 0,
        }),
  };
}
