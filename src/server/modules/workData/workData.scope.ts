// Whose work a viewer may see: reps themselves, managers their teams (and themselves),
// admins everyone. One place for the activity report, work data, targets and signals.
import { type SQL, sql } from 'drizzle-orm';
import { addDays, zonedDayStart } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import type { AuthContext } from '../../http/auth';
import { forbidden, notFound, validationFailed } from '../../http/errors';
import { managedOwners } from '../customers/customers.access';
import { managedTeams } from '../teams/targetScope';

export type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;

/** Users (alias u) whose work the viewer may see. */
export function visibleUsers(viewer: Viewer, alias = 'u'): SQL {
  const id = sql.raw(`${alias}.id`);
  if (viewer.role === 'admin') return sql`true`;
  if (viewer.role === 'manager')
    return sql`(${id} = ${viewer.id} or ${id} in ${managedOwners(viewer)})`;
  return sql`${id} = ${viewer.id}`;
}

/**
 * The users (alias u) a report covers: visible ones, narrowed to an owner or a team.
 * Asking for someone or a team outside one's view is 403, not an empty report; one that does
 * not exist in the org is 404.
 */
export async function scopedUsers(
  db: Db,
  viewer: Viewer,
  query: { ownerId?: string; teamId?: string },
): Promise<SQL> {
  const conditions: SQL[] = [sql`u.org_id = ${viewer.orgId}`, visibleUsers(viewer)];
  if (query.ownerId) {
    const [row] = await queryRows<{ visible: boolean }>(
      db,
      sql`select ${visibleUsers(viewer)} as visible from users u
        where u.org_id = ${viewer.orgId} and u.id = ${query.ownerId}`,
    );
    if (!row) throw notFound('User');
    if (!row.visible) throw forbidden('You may not see this user’s work');
    conditions.push(sql`u.id = ${query.ownerId}`);
  }
  if (query.teamId) {
    const [row] = await queryRows<{ visible: boolean }>(
      db,
      sql`select ${viewer.role === 'admin' ? sql`true` : sql`tm.id in ${managedTeams(viewer)}`}
          as visible
        from teams tm where tm.org_id = ${viewer.orgId} and tm.id = ${query.teamId}`,
    );
    if (!row) throw notFound('Team');
    if (!row.visible) throw forbidden('You may not see this team’s work');
    conditions.push(sql`u.team_id = ${query.teamId}`);
  }
  return sql.join(conditions, sql` and `);
}

/** Inclusive days as [start, end) instants in the org's zone; to before from is 400. */
export function periodInstants(
  query: { from?: string; to?: string },
  timeZone: string,
): ReportPeriod {
  if (query.from && query.to && query.to < query.from) {
    throw validationFailed([{ field: 'querystring.to', message: 'must not be before from' }]);
  }
  return {
    start: query.from ? zonedDayStart(query.from, timeZone) : null,
    end: query.to ? zonedDayStart(addDays(query.to, 1), timeZone) : null,
    from: query.from ?? null,
    to: query.to ?? null,
  };
}

/** A report's inclusive local days and the same span as instants (either end may be open). */
export interface ReportPeriod {
  start: Date | null;
  end: Date | null;
  from: string | null;
  to: string | null;
}

/** `d.day` of activity_day_counts inside the period's local days. */
export function dayIn(period: Pick<ReportPeriod, 'from' | 'to'>): SQL {
  return sql`${period.from ? sql`d.day >= ${period.from}::date` : sql`true`}
    and ${period.to ? sql`d.day <= ${period.to}::date` : sql`true`}`;
}

/** `a.occurred_at` inside the period (either end may be open). */
export function occurredIn(period: { start: Date | null; end: Date | null }, alias = 'a'): SQL {
  const at = sql.raw(`${alias}.occurred_at`);
  return sql`${period.start ? sql`${at} >= ${period.start}` : sql`true`}
    and ${period.end ? sql`${at} < ${period.end}` : sql`true`}`;
}

/** The customer's (alias c) first activity ever inside the period (either end may be open). */
export function firstActivityIn(period: { start: Date | null; end: Date | null }): SQL {
  return sql`c.first_activity_at is not null
    and ${period.start ? sql`c.first_activity_at >= ${period.start}` : sql`true`}
    and ${period.end ? sql`c.first_activity_at < ${period.end}` : sql`true`}`;
}
