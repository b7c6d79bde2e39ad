import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { AppError, forbidden, notFound, validationFailed } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { editableCustomers, ownedCustomers, visibleCustomers } from '../customers/customers.access';
import type { Viewer } from '../customers/customers.service';
import type {
  Collaborator,
  CollaboratorAccess,
  CustomerCollaborators,
  Share,
  ShareListQuery,
} from './collaborators.schema';

type Actor = Viewer & { ip?: string | null };

const COLUMNS = sql`cc.id, cc.customer_id, cc.user_id, u.name as user_name, u.role as user_role,
  cc.access, cc.added_by, b.name as added_by_name, cc.created_at, cc.updated_at`;
const JOINS = sql`join users u on u.org_id = cc.org_id and u.id = cc.user_id
  join users b on b.org_id = cc.org_id and b.id = cc.added_by`;

interface CollaboratorRow {
  id: string;
  customer_id: string;
  user_id: string;
  user_name: string;
  user_role: Collaborator['userRole'];
  access: CollaboratorAccess;
  added_by: string;
  added_by_name: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function present(row: CollaboratorRow): Collaborator {
  return {
    id: row.id,
    customerId: row.customer_id,
    userId: row.user_id,
    userName: row.user_name,
    userRole: row.user_role,
    access: row.access,
    addedById: row.added_by,
    addedByName: row.added_by_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

interface AccessRow {
  owner_id: string | null;
  owned: boolean;
  editable: boolean;
}

/** The customer as the viewer reaches it: 404 when invisible (or another org's). */
async function customerAccess(db: Db, viewer: Viewer, customerId: string, lock = false) {
  const [row] = await queryRows<AccessRow>(
    db,
    sql`select c.owner_id, ${ownedCustomers(viewer)} as owned, ${editableCustomers(viewer)} as editable
      from customers c
      where c.org_id = ${viewer.orgId} and c.id = ${customerId} and ${visibleCustomers(viewer)}
      ${lock ? sql`for update of c` : sql``}`,
  );
  if (!row) throw notFound('Customer');
  return row;
}

/** Sharing is an ownership act: the owner, their manager or an admin; collaborators get 403. */
async function guardOwnership(tx: Db, actor: Actor, customerId: string) {
  const access = await customerAccess(tx, actor, customerId, true);
  if (!access.owned) {
    throw forbidden('Only the customer’s owner (or their manager) may share it');
  }
  if (!access.owner_id) {
    throw new AppError('conflict', 'A pool customer is shared by whoever claims it');
  }
  return access;
}

async function getCollaboratorRow(db: Db, orgId: string, customerId: string, userId: string) {
  const [row] = await queryRows<CollaboratorRow>(
    db,
    sql`select ${COLUMNS} from customer_collaborators cc ${JOINS}
      where cc.org_id = ${orgId} and cc.customer_id = ${customerId} and cc.user_id = ${userId}`,
  );
  return row;
}

/** Who a customer is shared with, and what the caller may do with it. */
export async function findCustomerCollaborators(
  db: Db,
  viewer: Viewer,
  customerId: string,
): Promise<CustomerCollaborators> {
  const access = await customerAccess(db, viewer, customerId);
  const rows = await queryRows<CollaboratorRow>(
    db,
    sql`select ${COLUMNS} from customer_collaborators cc ${JOINS}
      where cc.org_id = ${viewer.orgId} and cc.customer_id = ${customerId}
      order by u.name, cc.id`,
  );
  return {
    items: rows.map(present),
    myAccess: access.owned ? 'owner' : access.editable ? 'write' : 'read',
  };
}

/** Adds a colleague as collaborator, or changes their access; audited in the same transaction. */
export async function shareCustomer(
  db: Db,
  actor: Actor,
  customerId: string,
  userId: string,
  access: CollaboratorAccess,
  now: Date,
): Promise<Collaborator> {
  return db.transaction(async (tx) => {
    const customer = await guardOwnership(tx, actor, customerId);
    const [user] = await queryRows<{ active: boolean; name: string }>(
      tx,
      sql`select active, name from users where org_id = ${actor.orgId} and id = ${userId}`,
    );
    if (!user?.active) {
      throw validationFailed([{ field: 'params.userId', message: 'no such active user' }]);
    }
    if (userId === customer.owner_id) {
      throw validationFailed([{ field: 'params.userId', message: 'is the customer’s owner' }]);
    }
    const before = await getCollaboratorRow(tx, actor.orgId, customerId, userId);
    if (before?.access === access) return present(before);
    await queryRows(
      tx,
      sql`insert into customer_collaborators
          (org_id, id, customer_id, user_id, access, added_by, created_at, updated_at)
        values (${actor.orgId}, ${newId()}, ${customerId}, ${userId}, ${access}, ${actor.id}, ${now}, ${now})
        on conflict (org_id, customer_id, user_id)
        do update set access = excluded.access, updated_at = excluded.updated_at`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'share',
      entity: 'customer',
      entityId: customerId,
      changes: {
        userId,
        userName: user.name,
        access: { from: before?.access ?? null, to: access },
      },
    });
    const row = await getCollaboratorRow(tx, actor.orgId, customerId, userId);
    if (!row) throw notFound('Collaborator');
    return present(row);
  });
}

/** Takes a colleague off the customer; audited in the same transaction. */
export async function unshareCustomer(
  db: Db,
  actor: Actor,
  customerId: string,
  userId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await guardOwnership(tx, actor, customerId);
    const [removed] = await queryRows<{ access: CollaboratorAccess; user_name: string }>(
      tx,
      sql`delete from customer_collaborators cc using users u
        where cc.org_id = ${actor.orgId} and cc.customer_id = ${customerId} and cc.user_id = ${userId}
          and u.org_id = cc.org_id and u.id = cc.user_id
        returning cc.access, u.name as user_name`,
    );
    if (!removed) throw notFound('Collaborator');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'unshare',
      entity: 'customer',
      entityId: customerId,
      changes: { userId, userName: removed.user_name, access: { from: removed.access, to: null } },
    });
  });
}

interface ShareRow extends CollaboratorRow {
  customer_name: string;
  owner_id: string | null;
  owner_name: string | null;
}

/**
 * Who shares what (协同一览), newest first: a manager over their teams' customers, an admin
 * over all. Shares on customers the caller does not hold by ownership stay out.
 */
export async function findShares(
  db: Db,
  viewer: Viewer,
  query: ShareListQuery,
): Promise<{ items: Share[]; nextCursor: string | null }> {
  const where: SQL[] = [sql`cc.org_id = ${viewer.orgId}`, ownedCustomers(viewer)];
  if (query.userId) where.push(sql`cc.user_id = ${query.userId}`);
  if (query.ownerId) where.push(sql`c.owner_id = ${query.ownerId}`);
  if (query.access) where.push(sql`cc.access = ${query.access}`);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
    where.push(sql`(cc.updated_at, cc.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await queryRows<ShareRow & { at_key: string }>(
    db,
    sql`select ${COLUMNS}, c.name as customer_name, c.owner_id, o.name as owner_name,
        cc.updated_at::text as at_key
      from customer_collaborators cc ${JOINS}
      join customers c on c.org_id = cc.org_id and c.id = cc.customer_id
      left join users o on o.org_id = c.org_id and o.id = c.owner_id
      where ${sql.join(where, sql` and `)}
      order by cc.updated_at desc, cc.id desc limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...present(row),
      customerName: row.customer_name,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.at_key, last.id]) : null,
  };
}

/**
 * Ownership changes and shares (协同). Sharing is the owner's act, so:
 * - a customer back in the pool (released, or lapsed by the daily job) keeps no collaborators:
 *   the next owner decides who helps, and a pool customer is not left open to people picked by
 *   someone who no longer holds it;
 * - a customer reassigned keeps its collaborators (the pre-sales engineer goes on with the new
 *   owner, who may take them off), except the new owner themself, whose share is now moot.
 * Each share dropped is an 'unshare' audit row with the reason, in the ownership change's
 * transaction.
 */
export async function dropShares(
  tx: Db,
  entry: { orgId: string; actorId: string | null; ip?: string | null },
  customerIds: string[],
  reason: 'released' | 'reassigned',
  onlyUserId?: string,
): Promise<number> {
  if (customerIds.length === 0) return 0;
  const removed = await queryRows<{
    customer_id: string;
    user_id: string;
    access: string;
    user_name: string;
  }>(
    tx,
    sql`delete from customer_collaborators cc using users u
      where cc.org_id = ${entry.orgId} and cc.customer_id in ${customerIds}
        ${onlyUserId ? sql`and cc.user_id = ${onlyUserId}` : sql``}
        and u.org_id = cc.org_id and u.id = cc.user_id
      returning cc.customer_id, cc.user_id, cc.access, u.name as user_name`,
  );
  for (const row of removed) {
    await recordAudit(tx, {
      orgId: entry.orgId,
      userId: entry.actorId,
      ip: entry.ip,
      action: 'unshare',
      entity: 'customer',
      entityId: row.customer_id,
      changes: {
        userId: row.user_id,
        userName: row.user_name,
        access: { from: row.access, to: null },
        reason,
      },
    });
  }
  return removed.length;
}
