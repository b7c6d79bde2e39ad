import { sql } from 'drizzle-orm';
import { canHoldMore } from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import { AppError, forbidden, notFound, validationFailed } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { dropShares } from '../collaborators/collaborators.service';
import { managedOwners, ownedCustomers, visibleCustomers } from '../customers/customers.access';
import type { Customer } from '../customers/customers.schema';
import { getCustomer } from '../customers/customers.service';
import type { Actor } from './claims.service';
import { holdingStatus, lockHolder } from './holdings';
import { getOwnershipSettings } from './ownershipSettings.service';
import type { MovedWork } from './pool.schema';
import { holdingLimitReached } from './poolErrors';
import { sqlNewId } from './poolEvents';

interface NewOwner {
  id: string;
  team_id: string | null;
}

/** The user a manager or admin hands customers to: active, in the org, and for a manager in their teams. */
async function resolveNewOwner(tx: Db, actor: Actor, ownerId: string): Promise<NewOwner> {
  const [owner] = await queryRows<NewOwner & { active: boolean; managed: boolean }>(
    tx,
    sql`select u.id, u.team_id, u.active,
        (u.id = ${actor.id} or u.id in ${managedOwners(actor)}) as managed
      from users u where u.org_id = ${actor.orgId} and u.id = ${ownerId}`,
  );
  if (!owner?.active) {
    throw validationFailed([{ field: 'body.ownerId', message: 'no such active user' }]);
  }
  if (actor.role === 'manager' && !owner.managed) {
    throw forbidden('A manager can only assign customers within their own teams');
  }
  return owner;
}

interface AssignedRow {
  id: string;
  owner_id: string | null;
  editable: boolean;
}

/** Open tasks and deals the current owners still hold on these customers. */
async function openWorkOf(tx: Db, orgId: string, ids: string[], keepOwner: string) {
  const [row] = await queryRows<{ tasks: number; deals: number }>(
    tx,
    sql`select
        (select count(*)::int from tasks t join customers c on c.org_id = t.org_id and c.id = t.customer_id
          where t.org_id = ${orgId} and t.customer_id in ${ids} and t.status = 'open'
            and t.assignee_id = c.owner_id and c.owner_id <> ${keepOwner}) as tasks,
        (select count(*)::int from deals d join customers c on c.org_id = d.org_id and c.id = d.customer_id
          where d.org_id = ${orgId} and d.customer_id in ${ids} and d.status = 'open'
            and d.owner_id = c.owner_id and c.owner_id <> ${keepOwner}) as deals`,
  );
  return { tasks: row?.tasks ?? 0, deals: row?.deals ?? 0 };
}

async function moveOpenWork(
  tx: Db,
  orgId: string,
  ids: string[],
  owner: NewOwner,
  now: Date,
): Promise<MovedWork> {
  const tasks = await queryRows(
    tx,
    sql`update tasks t set assignee_id = ${owner.id}, version = t.version + 1, updated_at = ${now}
      from customers c
      where t.org_id = ${orgId} and c.org_id = t.org_id and c.id = t.customer_id
        and t.customer_id in ${ids} and t.status = 'open' and t.assignee_id = c.owner_id
        and c.owner_id <> ${owner.id}
      returning t.id`,
  );
  const deals = await queryRows(
    tx,
    sql`update deals d set owner_id = ${owner.id}, version = d.version + 1, updated_at = ${now}
      from customers c
      where d.org_id = ${orgId} and c.org_id = d.org_id and c.id = d.customer_id
        and d.customer_id in ${ids} and d.status = 'open' and d.owner_id = c.owner_id
        and c.owner_id <> ${owner.id}
      returning d.id`,
  );
  return { tasks: tasks.length, deals: deals.length };
}

/**
 * A manager or admin gives customers (from the pool or from other reps) to one owner, all or
 * none: every customer must be visible (404) and changeable (403), the new owner's list must
 * have room (409 holding_limit_reached), and open work is moved only once confirmed.
 */
export async function assignCustomers(
  db: Db,
  actor: Actor,
  ids: string[],
  ownerId: string,
  moveWork: boolean | undefined,
  now: Date,
): Promise<{ assigned: number; moved: MovedWork }> {
  const unique = [...new Set(ids)].sort();
  return db.transaction(async (tx) => {
    const settings = await getOwnershipSettings(tx, actor.orgId);
    const owner = await resolveNewOwner(tx, actor, ownerId);
    // Row locks in id order, so two bulk assignments over overlapping sets cannot deadlock.
    const rows = await queryRows<AssignedRow>(
      tx,
      sql`select c.id, c.owner_id, ${ownedCustomers(actor)} as editable from customers c
        where c.org_id = ${actor.orgId} and c.id in ${unique} and ${visibleCustomers(actor)}
        order by c.id for update of c`,
    );
    if (rows.length !== unique.length) {
      const found = new Set(rows.map((row) => row.id));
      throw new AppError(
        'not_found',
        'Customer not found',
        unique.filter((id) => !found.has(id)).map((id) => ({ field: 'ids', message: id })),
      );
    }
    if (rows.some((row) => !row.editable)) {
      throw forbidden('Some of these customers belong to people outside your teams');
    }
    const changing = rows.filter((row) => row.owner_id !== owner.id);
    if (changing.length === 0) return { assigned: 0, moved: { tasks: 0, deals: 0 } };
    const changingIds = changing.map((row) => row.id);

    const open = await openWorkOf(tx, actor.orgId, changingIds, owner.id);
    if (moveWork === undefined && open.tasks + open.deals > 0) {
      throw new AppError(
        'conflict',
        `The previous owners have ${open.tasks} open tasks and ${open.deals} open deals on these customers; confirm with moveOpenWork true or false`,
        undefined,
        { openWork: open },
      );
    }

    await lockHolder(tx, actor.orgId, owner.id);
    const status = await holdingStatus(tx, actor.orgId, owner.id, settings);
    if (!canHoldMore(status.count, status.limit, changing.length)) {
      throw holdingLimitReached(status, changing.length);
    }
    const moved = moveWork
      ? await moveOpenWork(tx, actor.orgId, changingIds, owner, now)
      : { tasks: 0, deals: 0 };
    // One statement: the events keep the previous owners the update is about to overwrite.
    await tx.execute(
      sql`with before as (
          select c.id, c.owner_id, c.pool_team_id from customers c
          where c.org_id = ${actor.orgId} and c.id in ${changingIds}),
        events as (
          insert into ownership_events
            (org_id, id, customer_id, kind, at, actor_id, from_owner_id, to_owner_id, pool_team_id)
          select ${actor.orgId}, ${sqlNewId(now)}, b.id, 'assigned', ${now}, ${actor.id},
            b.owner_id, ${owner.id}, b.pool_team_id
          from before b)
        update customers c set owner_id = ${owner.id}, team_id = ${owner.team_id},
          claimed_at = ${now}, pool_team_id = null, pooled_at = null,
          version = c.version + 1, updated_at = ${now}
        where c.org_id = ${actor.orgId} and c.id in ${changingIds}`,
    );
    // Collaborators stay with a reassigned customer; the new owner's own share is moot.
    await dropShares(
      tx,
      { orgId: actor.orgId, actorId: actor.id, ip: actor.ip },
      changingIds,
      'reassigned',
      owner.id,
    );
    for (const row of changing) {
      await recordAudit(tx, {
        orgId: actor.orgId,
        userId: actor.id,
        ip: actor.ip,
        action: 'assign',
        entity: 'customer',
        entityId: row.id,
        changes: {
          ownerId: { from: row.owner_id, to: owner.id },
          moveOpenWork: moveWork ?? null,
        },
      });
    }
    return { assigned: changing.length, moved };
  });
}

export async function assignCustomer(
  db: Db,
  actor: Actor,
  id: string,
  ownerId: string,
  moveWork: boolean | undefined,
  now: Date,
): Promise<{ customer: Customer; moved: MovedWork }> {
  try {
    const { moved } = await assignCustomers(db, actor, [id], ownerId, moveWork, now);
    return { customer: await getCustomer(db, actor, id), moved };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw notFound('Customer');
    throw error;
  }
}
