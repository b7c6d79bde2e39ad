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
  submitted: boolean;
}

interface GroupFacts {
  team_id: string | null;
  team_name: string | null;
  is_total: boolean;
  reps: number;
  submitted: number;
  late: number;
  missing: number;
  pending: number;
  missing_customers: number;
  contacted: number;
}

type LeakRateStatus = 'counted' | 'notDue' | 'noContacts';

/** The leak rate only of a due report: a pending one (not due, not filed) has none yet. */
function leakOf(due: boolean, missing: number, contacted: number) {
  const leakRateStatus: LeakRateStatus = !due
    ? 'notDue'
    : contacted === 0
      ? 'noContacts'
      : 'counted';
  return {
    leakRate: leakRateStatus === 'counted' ? leakRatePercent(missing, contacted) : null,
    leakRateStatus,
  };
}

function emptyGroup(teamId: string | null, teamName: string | null, isTotal: boolean): GroupFacts {
  return {
    team_id: teamId,
    team_name: teamName,
    is_total: isTotal,
    reps: 0,
    submitted: 0,
    late: 0,
    missing: 0,
    pending: 0,
    missing_customers: 0,
    contacted: 0,
  };
}

/** Per team (in the rows' order) and, first, over all rows; as the SQL grouping sets did. */
function groupTotals(rows: RowFacts[], overdue: boolean): GroupFacts[] {
  const total = emptyGroup(null, null, true);
  const teams = new Map<string | null, GroupFacts>();
  for (const row of rows) {
    let team = teams.get(row.team_id);
    if (!team) {
      team = emptyGroup(row.team_id, row.team_name, false);
      teams.set(row.team_id, team);
    }
    for (const group of [total, team]) {
      group.reps += 1;
      if (row.submitted) group.submitted += 1;
      if (row.late) group.late += 1;
      if (!row.submitted && overdue) group.missing += 1;
      if (!row.submitted && !overdue) group.pending += 1;
      if (row.submitted || overdue) {
        group.missing_customers += Number(row.missing);
        group.contacted += Number(row.contacted);
      }
    }
  }
  return [total, ...teams.values()];
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
  // Team and overall totals: a team's leak rate is its reps' missing ÷ contacted, summed over
  // the reports that are due (filed, or missing after the due day); pending ones wait. Summed
  // here from the rows (as a second statement it ran the leak count again: 2 × 450 ms for the
  // whole org at 100k customers); teams come in the rows' order, by team name, no team last.
  const groups = groupTotals(rows, overdue);
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
      ...leakOf(status !== 'pending', Number(row.missing), Number(row.contacted)),
    } as const;
  });
  const presentGroup = (group: GroupFacts) => ({
    teamId: group.is_total ? null : group.team_id,
    teamName: group.is_total ? null : group.team_name,
    reps: Number(group.reps),
    submitted: Number(group.submitted),
    late: Number(group.late),
    missing: Number(group.missing),
    pending: Number(group.pending),
    missingCustomers: Number(group.missing_customers),
    contacted: Number(group.contacted),
    ...leakOf(
      Number(group.pending) < Number(group.reps),
      Number(group.missing_customers),
      Number(group.contacted),
    ),
  });
  const total = groups.find((g) => g.is_total);
  return {
    period: presentPeriod(window),
    rows: presented,
    teams: groups.filter((g) => !g.is_total).map(presentGroup),
    total: presentGroup(total ?? emptyGroup(null, null, true)),
  };
}
