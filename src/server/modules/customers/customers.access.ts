import { type SQL, sql } from 'drizzle-orm';
import type { AuthContext } from '../../http/auth';

type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;

/** Users whose customers a manager oversees: members of the teams they belong to or manage. */
export function managedOwners(viewer: Viewer): SQL {
  return sql`(select u.id from users u
    where u.org_id = ${viewer.orgId}
      and (u.team_id = ${viewer.teamId}
        or u.team_id in (select t.id from teams t where t.org_id = ${viewer.orgId} and t.manager_id = ${viewer.id})))`;
}

/**
 * Which customers a user may see (数据权限): a rep their own and the pool, a manager also
 * their teams', an admin all. One place, used by every list, detail, search and export.
 */
export function visibleCustomers(viewer: Viewer, alias = 'c'): SQL {
  const owner = sql.raw(`${alias}.owner_id`);
  if (viewer.role === 'admin') return sql`true`;
  if (viewer.role === 'manager') {
    return sql`(${owner} is null or ${owner} = ${viewer.id} or ${owner} in ${managedOwners(viewer)})`;
  }
  return sql`(${owner} is null or ${owner} = ${viewer.id})`;
}

/** Which customers a user may change: reps only their own (pool customers must be claimed first). */
export function editableCustomers(viewer: Viewer, alias = 'c'): SQL {
  const owner = sql.raw(`${alias}.owner_id`);
  if (viewer.role === 'rep') return sql`${owner} = ${viewer.id}`;
  return visibleCustomers(viewer, alias);
}
