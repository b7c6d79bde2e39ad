import { type SQL, sql } from 'drizzle-orm';
import type { AuthContext } from '../../http/auth';
import { searchGram } from './customers.search';

type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;

/** Users whose customers a manager oversees: members of the teams they belong to or manage. */
export function managedOwners(viewer: Viewer): SQL {
  return sql`(select u.id from users u
    where u.org_id = ${viewer.orgId}
      and (u.team_id = ${viewer.teamId}
        or u.team_id in (select t.id from teams t where t.org_id = ${viewer.orgId} and t.manager_id = ${viewer.id})))`;
}

/**
 * Pool customers a user may see and claim: the org pool, and the grid pools (网格) of their
 * own team and, for a manager, of the teams they manage. A grid team claims first; the rest
 * of the org sees the customer once it spills over to the org pool.
 */
export function claimablePool(viewer: Viewer, alias = 'c'): SQL {
  const poolTeam = sql.raw(`${alias}.pool_team_id`);
  if (viewer.role === 'admin') return sql`true`;
  if (viewer.role === 'manager') {
    return sql`(${poolTeam} is null or ${poolTeam} = ${viewer.teamId}
      or ${poolTeam} in (select t.id from teams t where t.org_id = ${viewer.orgId} and t.manager_id = ${viewer.id}))`;
  }
  return sql`(${poolTeam} is null or ${poolTeam} = ${viewer.teamId})`;
}

/**
 * Customers shared with the viewer (协同, customer_collaborators); with 'write' only those
 * they may also change. A share adds to what the viewer's role already gives.
 */
export function sharedWithViewer(
  viewer: Viewer,
  alias = 'c',
  need: 'read' | 'write' = 'read',
): SQL {
  // Uncorrelated, so a list scan probes one hashed set rather than a subquery per row.
  return sql`${sql.raw(`${alias}.id`)} in (select cc.customer_id from customer_collaborators cc
    where cc.org_id = ${viewer.orgId} and cc.user_id = ${viewer.id}${need === 'write' ? sql` and cc.access = 'write'` : sql``})`;
}

/**
 * Customers a user holds by ownership (without shares): a rep their own, a manager also their
 * teams' and the pools they may claim from, an admin all. Ownership acts (release, assign,
 * sharing) use this, so a collaborator can never hand the customer on.
 */
export function ownedCustomers(viewer: Viewer, alias = 'c'): SQL {
  const owner = sql.raw(`${alias}.owner_id`);
  if (viewer.role === 'admin') return sql`true`;
  if (viewer.role === 'manager') {
    const pool = sql`(${owner} is null and ${claimablePool(viewer, alias)})`;
    return sql`(${pool} or ${owner} = ${viewer.id} or ${owner} in ${managedOwners(viewer)})`;
  }
  return sql`${owner} = ${viewer.id}`;
}

/**
 * Which customers a user may see (数据权限): a rep their own and the pools they may claim
 * from, a manager also their teams', an admin all; everyone also those shared with them.
 * One place, used by every list, detail, search and export.
 */
export function visibleCustomers(viewer: Viewer, alias = 'c'): SQL {
  const owner = sql.raw(`${alias}.owner_id`);
  if (viewer.role === 'admin') return sql`true`;
  const shared = sharedWithViewer(viewer, alias);
  if (viewer.role === 'manager') return sql`(${ownedCustomers(viewer, alias)} or ${shared})`;
  const pool = sql`(${owner} is null and ${claimablePool(viewer, alias)})`;
  return sql`(${pool} or ${owner} = ${viewer.id} or ${shared})`;
}

/**
 * visibleCustomers split into conditions whose OR is the same set. A list reads each from its
 * own index in sort order and merges them (customers.query.ts), instead of filtering the whole
 * org in sort order for the few rows a rep may see. Keep in step with visibleCustomers.
 */
export function visibilityBranches(viewer: Viewer, alias = 'c'): SQL[] {
  if (viewer.role === 'admin') return [sql`true`];
  return [...unsharedBranches(viewer, alias), sharedWithViewer(viewer, alias)];
}

/**
 * visibilityBranches without the shares: what the viewer sees by role alone (pool, own, a
 * manager's teams; an admin everything), on the alias's owner_id and pool_team_id only, so it
 * also applies to rows that hold those two but no customer id of their own (churn counts).
 */
export function unsharedBranches(viewer: Viewer, alias = 'c'): SQL[] {
  const owner = sql.raw(`${alias}.owner_id`);
  if (viewer.role === 'admin') return [sql`true`];
  const pool = sql`(${owner} is null and ${claimablePool(viewer, alias)})`;
  const own = sql`${owner} = ${viewer.id}`;
  if (viewer.role === 'manager') return [pool, own, sql`${owner} in ${managedOwners(viewer)}`];
  return [pool, own];
}

/**
 * visibilityBranches for collecting a manager's visible customer ids from indexes alone: the
 * pool branch split into the org-wide pool and their teams' pools, each an equality that
 * customers_pool_team_idx answers by itself. With the OR over pool_team_id the planner read
 * every pool customer's row to test it (104,000 heap pages for 143,000 ids at 1M customers).
 * Keep in step with claimablePool.
 */
export function visibleIdBranches(viewer: Viewer, alias = 'c'): SQL[] {
  if (viewer.role !== 'manager') return visibilityBranches(viewer, alias);
  const owner = sql.raw(`${alias}.owner_id`);
  const poolTeam = sql.raw(`${alias}.pool_team_id`);
  return [
    sql`(${owner} is null and ${poolTeam} is null)`,
    sql`(${owner} is null and ${poolTeam} in (select t.id from teams t where t.org_id = ${viewer.orgId}
      and (t.id = ${viewer.teamId} or t.manager_id = ${viewer.id})))`,
    sql`${owner} = ${viewer.id}`,
    sql`${owner} in ${managedOwners(viewer)}`,
    sharedWithViewer(viewer, alias),
  ];
}

/**
 * Which customers a user may change: reps only their own (pool customers must be claimed
 * first), managers their teams', and anyone those shared with them for writing.
 */
export function editableCustomers(viewer: Viewer, alias = 'c'): SQL {
  if (viewer.role === 'admin') return sql`true`;
  return sql`(${ownedCustomers(viewer, alias)} or ${sharedWithViewer(viewer, alias, 'write')})`;
}

/**
 * Customers whose contact details, contacts and history a user may see in full. A rep sees
 * only the basics of a pool customer until they claim it, so the pool cannot be harvested.
 */
export function detailVisibleCustomers(viewer: Viewer, alias = 'c'): SQL {
  if (viewer.role === 'rep') {
    return sql`(${sql.raw(`${alias}.owner_id`)} = ${viewer.id} or ${sharedWithViewer(viewer, alias)})`;
  }
  return visibleCustomers(viewer, alias);
}

/** Fields a rep does not see on a pool customer: the ways to reach it and the custom fields. */
export const POOL_HIDDEN_FIELDS = ['phone', 'email', 'address', 'website', 'custom'] as const;

/**
 * Whether a customer owned by `ownerId` shows this viewer only its limited (pool) fields.
 * Callers pass rows that passed visibleCustomers, so a rep's owned row is their own or
 * shared with them (shown in full); only pool rows are limited.
 */
export function showsLimitedFields(viewer: Viewer, ownerId: string | null): boolean {
  return viewer.role === 'rep' && ownerId === null;
}

/** The customer as this viewer may see it: pool customers lose their hidden fields for reps. */
export function limitForViewer<
  T extends {
    ownerId: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    website: string | null;
    custom: Record<string, unknown>;
  },
>(viewer: Viewer, customer: T): T {
  if (!showsLimitedFields(viewer, customer.ownerId)) return customer;
  return { ...customer, phone: null, email: null, address: null, website: null, custom: {} };
}

/**
 * Substring search over name, phone and email; on customers whose details the viewer may not
 * see, only the name matches, so a search cannot reveal a hidden phone number. Terms of three
 * or more characters narrow through the trigram index on search_text; shorter ones (华远, 远)
 * have no whole trigram, so with `byCandidates` (a paged list, for a term that is not common:
 * see searchShape) they fetch their candidates from customer_search's grams (an id
 * array, so each is one primary-key lookup). Without it (an export reads every match anyway,
 * and a common term is found by reading in sort order) only the like condition applies, which
 * always decides: a gram only says where a match may be.
 */
export function searchMatches(
  viewer: Viewer,
  term: string,
  alias = 'c',
  byCandidates = false,
): SQL {
  const lowered = term.toLowerCase();
  const pattern = `%${lowered.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const text = sql.raw(`${alias}.search_text`);
  const gram = byCandidates ? searchGram(lowered) : null;
  const narrowed = gram
    ? sql`${sql.raw(`${alias}.id`)} = any(array(select s.customer_id from customer_search s
        where s.org_id = ${viewer.orgId} and customer_search_grams(s.search_text) @> array[${gram}]::text[])) and ${text} like ${pattern}`
    : sql`${text} like ${pattern}`;
  if (viewer.role !== 'rep') return sql`(${narrowed})`;
  return sql`(${narrowed} and (${detailVisibleCustomers(viewer, alias)}
    or lower(${sql.raw(`${alias}.name`)}) like ${pattern}))`;
}
