import { type SQL, sql } from 'drizzle-orm';
import { canHoldMore, type HoldingLimit } from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import { holdingLimitOf } from './ownershipSettings.service';
import type { OwnershipSettings } from './pool.schema';
import { holdingLimitReached } from './poolErrors';

// Two-key advisory locks: the first key names what is locked, the second which one.
const HOLDER_LOCK = 7_214_100;

/**
 * Serialises everything that adds customers to one user's list (claims, registrations,
 * assignments) until the transaction ends, so a count taken afterwards stays true.
 */
export async function lockHolder(tx: Db, orgId: string, userId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${HOLDER_LOCK}, hashtext(${orgId}::text || ${userId}::text))`,
  );
}

/**
 * Customers that count against a user's limit: all they own, less won ones when the org says
 * so. `userId` is a value or a column (SQL) of the surrounding query.
 */
export function heldBy(orgId: string, userId: string | SQL, wonDealsExempt: boolean): SQL {
  return sql`(select count(*)::int from customers h
    where h.org_id = ${orgId} and h.owner_id = ${userId}
    ${
      wonDealsExempt
        ? sql`and not exists (select 1 from deals d
            where d.org_id = h.org_id and d.customer_id = h.id and d.status = 'won')`
        : sql``
    })`;
}

export interface HoldingStatus extends HoldingLimit {
  count: number;
}

export async function holdingStatus(
  tx: Db,
  orgId: string,
  userId: string,
  settings: OwnershipSettings,
): Promise<HoldingStatus> {
  const limit = await holdingLimitOf(tx, orgId, userId, settings.holdingLimit);
  const [row] = await queryRows<{ count: number }>(
    tx,
    sql`select ${heldBy(orgId, userId, settings.wonDealsExempt)} as count`,
  );
  return { ...limit, count: row?.count ?? 0 };
}

/**
 * Locks the user's list and refuses when `adding` more customers would pass their limit.
 * Call before the write, in the same transaction.
 */
export async function assertRoomFor(
  tx: Db,
  orgId: string,
  userId: string,
  settings: OwnershipSettings,
  adding = 1,
): Promise<HoldingStatus> {
  await lockHolder(tx, orgId, userId);
  const status = await holdingStatus(tx, orgId, userId, settings);
  if (!canHoldMore(status.count, status.limit, adding)) throw holdingLimitReached(status, adding);
  return status;
}
