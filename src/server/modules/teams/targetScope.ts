// Who may read and set a target of a rep or a team — sales quotas and activity targets alike.
// Admins any; managers those of the teams they lead or belong to and of those teams' members;
// everyone reads the ones about themselves and their own team.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import type { AuthContext } from '../../http/auth';
import { managedOwners } from '../customers/customers.access';

type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;

/** Teams a manager leads or belongs to. */
export function managedTeams(viewer: Viewer): SQL {
  return sql`(select tm.id from teams tm where tm.org_id = ${viewer.orgId}
    and (tm.id = ${viewer.teamId} or tm.manager_id = ${viewer.id}))`;
}

/** Targets (alias t, with user_id and team_id) the viewer may read. */
export function readableTargets(viewer: Viewer): SQL {
  if (viewer.role === 'admin') return sql`true`;
  if (viewer.role === 'manager') {
    return sql`(t.team_id in ${managedTeams(viewer)} or t.user_id = ${viewer.id}
      or t.user_id in ${managedOwners(viewer)})`;
  }
  return sql`(t.user_id = ${viewer.id} or t.team_id = ${viewer.teamId})`;
}

/** Whether the viewer may set the target of this user or team. */
export async function maySetTargetOf(
  db: Db,
  viewer: Viewer,
  subject: { userId?: string | null; teamId?: string | null },
): Promise<boolean> {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'manager') return false;
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    subject.userId
      ? sql`select ${subject.userId}::uuid in ${managedOwners(viewer)} as ok`
      : sql`select ${subject.teamId ?? null}::uuid in ${managedTeams(viewer)} as ok`,
  );
  return Boolean(row?.ok);
}
