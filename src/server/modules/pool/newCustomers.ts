import { sql } from 'drizzle-orm';
import { duplicateKeys } from '../../../domain/customers/normalizeCustomerName';
import { cooldownEndsAt, cooldownStart } from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import { assertRoomFor } from './holdings';
import { getOwnershipSettings } from './ownershipSettings.service';
import { claimCooldown } from './poolErrors';
import { recordOwnershipEvent, routeIntoPool } from './poolEvents';

// Registering a new customer (报备) is a claim: the holding limit applies to whoever will own
// it, and a rep cannot dodge a cool-down by registering the customer they lost again.

interface Registrar {
  orgId: string;
  id: string;
}

interface Identity {
  name: string;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
}

/** Before the insert: refuses over the owner's limit, or a rep re-registering a customer in cool-down. */
export async function checkNewCustomerOwner(
  tx: Db,
  actor: Registrar,
  ownerId: string | null,
  identity: Identity,
  now: Date,
): Promise<void> {
  if (!ownerId) return;
  const settings = await getOwnershipSettings(tx, actor.orgId);
  if (ownerId === actor.id && settings.cooldownDays > 0) {
    const keys = duplicateKeys({
      name: identity.name,
      phone: identity.phone ?? null,
      email: identity.email || null,
      website: identity.website ?? null,
    });
    const [lost] = await queryRows<{ at: Date | string }>(
      tx,
      sql`select e.at from ownership_events e
        join customers c on c.org_id = e.org_id and c.id = e.customer_id
        where e.org_id = ${actor.orgId} and e.from_owner_id = ${actor.id}
          and e.kind in ('released', 'lapsed') and e.at >= ${cooldownStart(now, settings.cooldownDays)}
          and (c.name_key = ${keys.nameKey} or c.phone_key = ${keys.phoneKey}
            or c.domain_key = ${keys.domainKey})
        order by e.at desc limit 1`,
    );
    if (lost) throw claimCooldown(cooldownEndsAt(new Date(lost.at), settings.cooldownDays));
  }
  await assertRoomFor(tx, actor.orgId, ownerId, settings);
}

/** After the insert: starts the owner's claim, or routes a pool customer to its grid team. */
export async function recordNewCustomerOwner(
  tx: Db,
  actor: Registrar,
  customerId: string,
  ownerId: string | null,
  now: Date,
): Promise<void> {
  if (!ownerId) {
    await routeIntoPool(tx, actor.orgId, sql`(${customerId})`, now, actor.id);
    return;
  }
  await tx.execute(
    sql`update customers set claimed_at = ${now}
      where org_id = ${actor.orgId} and id = ${customerId}`,
  );
  await recordOwnershipEvent(tx, {
    orgId: actor.orgId,
    customerId,
    kind: 'created',
    at: now,
    actorId: actor.id,
    toOwnerId: ownerId,
  });
}
