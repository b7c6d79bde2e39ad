import { sql } from 'drizzle-orm';
import { claimDayWindow, cooldownEndsAt, cooldownStart } from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import type { AuthContext } from '../../http/auth';
import { AppError, forbidden, notFound, validationFailed } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { dropShares } from '../collaborators/collaborators.service';
import {
  claimablePool,
  limitForViewer,
  ownedCustomers,
  visibleCustomers,
} from '../customers/customers.access';
import type { Customer } from '../customers/customers.schema';
import { getCustomer } from '../customers/customers.service';
import { getOrg } from '../orgs/orgs.service';
import { heldBy, holdingStatus, lockHolder } from './holdings';
import { getOwnershipSettings } from './ownershipSettings.service';
import type { OwnershipSettings } from './pool.schema';
import { alreadyClaimed, claimCooldown, holdingLimitReached } from './poolErrors';
import { recordOwnershipEvent, routeIntoPool } from './poolEvents';

export type Actor = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'> & { ip?: string | null };

interface TargetRow {
  id: string;
  owner_id: string | null;
  pool_team_id: string | null;
  archived: boolean;
}

async function findVisible(tx: Db, actor: Actor, id: string, lock: boolean) {
  const [row] = await queryRows<TargetRow>(
    tx,
    sql`select c.id, c.owner_id, c.pool_team_id, c.archived_at is not null as archived
      from customers c
      where c.org_id = ${actor.orgId} and c.id = ${id} and ${visibleCustomers(actor)}
      ${lock ? sql`for update of c` : sql``}`,
  );
  if (!row) throw notFound('Customer');
  return row;
}

/**
 * Whether an invisible customer is one the actor could have claimed a moment ago: its owner
 * took it from a pool the actor may claim from. Then a late click answers 409 already_claimed
 * rather than 404; customers the actor never saw stay 404.
 */
async function takenFromActorsPool(tx: Db, actor: Actor, id: string): Promise<boolean> {
  const [row] = await queryRows(
    tx,
    sql`select 1 from customers c
      join lateral (select e.from_owner_id, e.pool_team_id from ownership_events e
        where e.org_id = c.org_id and e.customer_id = c.id and e.to_owner_id = c.owner_id
          and e.kind in ('claimed', 'assigned')
        order by e.at desc, e.id desc limit 1) taken on true
      where c.org_id = ${actor.orgId} and c.id = ${id} and c.owner_id is not null
        and taken.from_owner_id is null
        and ${claimablePool(actor, 'taken')}`,
  );
  return row !== undefined;
}

/** The end of the cool-down keeping this user from claiming the customer, if one runs. */
export async function cooldownUntil(
  tx: Db,
  orgId: string,
  userId: string,
  customerId: string,
  settings: OwnershipSettings,
  now: Date,
): Promise<Date | null> {
  if (settings.cooldownDays === 0) return null;
  const [row] = await queryRows<{ lost_at: Date | string | null }>(
    tx,
    sql`select max(e.at) as lost_at from ownership_events e
      where e.org_id = ${orgId} and e.from_owner_id = ${userId} and e.customer_id = ${customerId}
        and e.kind in ('released', 'lapsed') and e.at >= ${cooldownStart(now, settings.cooldownDays)}`,
  );
  return row?.lost_at ? cooldownEndsAt(new Date(row.lost_at), settings.cooldownDays) : null;
}

async function assertDailyQuota(tx: Db, actor: Actor, settings: OwnershipSettings, now: Date) {
  if (settings.dailyClaimQuota === null) return;
  const org = await getOrg(tx, actor.orgId);
  const { start, end } = claimDayWindow(now, org.timeZone);
  const [row] = await queryRows<{ claims: number }>(
    tx,
    sql`select count(*)::int as claims from ownership_events e
      where e.org_id = ${actor.orgId} and e.to_owner_id = ${actor.id} and e.kind = 'claimed'
        and e.at >= ${start} and e.at < ${end}`,
  );
  if ((row?.claims ?? 0) >= settings.dailyClaimQuota) {
    throw new AppError(
      'claim_quota_reached',
      `You have made today's ${settings.dailyClaimQuota} claims; try again tomorrow`,
      undefined,
      { quota: settings.dailyClaimQuota, claimsToday: row?.claims ?? 0 },
    );
  }
}

/**
 * Claims a pool customer (认领/报备). The owner is set by one conditional UPDATE that also
 * counts the claimant's list, under a per-claimant advisory lock: many reps claiming one
 * customer at once leave exactly one owner, and one rep claiming many never passes the limit.
 */
export async function claimCustomer(
  db: Db,
  actor: Actor,
  id: string,
  now: Date,
): Promise<Customer> {
  return db.transaction(async (tx) => {
    const settings = await getOwnershipSettings(tx, actor.orgId);
    const target = await findVisible(tx, actor, id, false).catch(async (error) => {
      if (await takenFromActorsPool(tx, actor, id)) throw alreadyClaimed();
      throw error;
    });
    if (target.owner_id === actor.id) return getCustomer(tx, actor, id);
    if (target.owner_id) throw alreadyClaimed();
    if (target.archived) throw new AppError('conflict', 'Archived customers cannot be claimed');
    const until = await cooldownUntil(tx, actor.orgId, actor.id, id, settings, now);
    if (until) throw claimCooldown(until);

    await lockHolder(tx, actor.orgId, actor.id);
    await assertDailyQuota(tx, actor, settings, now);
    const status = await holdingStatus(tx, actor.orgId, actor.id, settings);
    const claimed = await queryRows<{ id: string }>(
      tx,
      sql`update customers c set owner_id = ${actor.id}, team_id = ${actor.teamId},
          claimed_at = ${now}, pool_team_id = null, pooled_at = null,
          version = c.version + 1, updated_at = ${now}
        where c.org_id = ${actor.orgId} and c.id = ${id}
          and c.owner_id is null and c.archived_at is null
          and ${heldBy(actor.orgId, actor.id, settings.wonDealsExempt)} < ${status.limit}
        returning c.id`,
    );
    if (claimed.length === 0) {
      // Lost a race for the customer, or the list is full: say which.
      const [current] = await queryRows<{ owner_id: string | null }>(
        tx,
        sql`select owner_id from customers where org_id = ${actor.orgId} and id = ${id}`,
      );
      if (current?.owner_id) throw alreadyClaimed();
      throw holdingLimitReached(status);
    }
    await recordOwnershipEvent(tx, {
      orgId: actor.orgId,
      customerId: id,
      kind: 'claimed',
      at: now,
      actorId: actor.id,
      toOwnerId: actor.id,
      poolTeamId: target.pool_team_id,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'claim',
      entity: 'customer',
      entityId: id,
      changes: { ownerId: { from: null, to: actor.id } },
    });
    return getCustomer(tx, actor, id);
  });
}

/**
 * Cancels the open tasks a former owner still has on customers they no longer hold, so
 * their task list and reminders stop pointing at customers they cannot open.
 */
export async function cancelOpenTasksOf(
  tx: Db,
  orgId: string,
  pairs: { customerId: string; ownerId: string }[],
  now: Date,
): Promise<void> {
  for (const pair of pairs) {
    await tx.execute(
      sql`update tasks set status = 'cancelled', version = version + 1, updated_at = ${now}
        where org_id = ${orgId} and customer_id = ${pair.customerId}
          and assignee_id = ${pair.ownerId} and status = 'open'`,
    );
  }
}

/** The owner (or their manager, or an admin) puts the customer back in the pool. */
export async function releaseCustomer(
  db: Db,
  actor: Actor,
  id: string,
  reason: string | null,
  now: Date,
): Promise<Customer> {
  return db.transaction(async (tx) => {
    const settings = await getOwnershipSettings(tx, actor.orgId);
    if (settings.releaseReasonRequired && !reason) {
      throw validationFailed([{ field: 'body.reason', message: 'is required' }]);
    }
    const target = await findVisible(tx, actor, id, true);
    if (!target.owner_id) throw new AppError('conflict', 'This customer is already in the pool');
    const [editable] = await queryRows(
      tx,
      sql`select 1 from customers c where c.org_id = ${actor.orgId} and c.id = ${id}
        and ${ownedCustomers(actor)}`,
    );
    if (!editable) throw forbidden('Only the owner or their manager may release this customer');
    await tx.execute(
      sql`update customers set owner_id = null, claimed_at = null, version = version + 1,
          updated_at = ${now}
        where org_id = ${actor.orgId} and id = ${id}`,
    );
    await recordOwnershipEvent(tx, {
      orgId: actor.orgId,
      customerId: id,
      kind: 'released',
      at: now,
      actorId: actor.id,
      fromOwnerId: target.owner_id,
      reason,
    });
    await routeIntoPool(tx, actor.orgId, sql`(${id})`, now, actor.id);
    await cancelOpenTasksOf(tx, actor.orgId, [{ customerId: id, ownerId: target.owner_id }], now);
    await dropShares(tx, { orgId: actor.orgId, actorId: actor.id, ip: actor.ip }, [id], 'released');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'release',
      entity: 'customer',
      entityId: id,
      changes: { ownerId: { from: target.owner_id, to: null }, reason },
    });
    // The customer may now sit in another team's grid pool the actor cannot browse.
    return limitForViewer(actor, await getCustomer(tx, { ...actor, role: 'admin' }, id));
  });
}
