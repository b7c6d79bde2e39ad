import { sql } from 'drizzle-orm';
import {
  HOLDING_LIMIT_GUIDANCE,
  type HoldingLimit,
  resolveHoldingLimit,
} from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { notFound, validationFailed, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import type {
  HoldingLimitOverride,
  OwnershipSettings,
  UpdateOwnershipSettingsRequest,
} from './pool.schema';

export interface Actor {
  orgId: string;
  id: string;
  ip?: string | null;
}

interface SettingsRow {
  holding_limit: number;
  won_deals_exempt: boolean;
  cooldown_days: number;
  daily_claim_quota: number | null;
  release_reason_required: boolean;
  grid_spill_days: number;
  version: number;
}

function present(row: SettingsRow): OwnershipSettings {
  return {
    holdingLimit: row.holding_limit,
    wonDealsExempt: row.won_deals_exempt,
    cooldownDays: row.cooldown_days,
    dailyClaimQuota: row.daily_claim_quota,
    releaseReasonRequired: row.release_reason_required,
    gridSpillDays: row.grid_spill_days,
    version: row.version,
    guidance: { ...HOLDING_LIMIT_GUIDANCE },
  };
}

/** The org's pool policy; the row is created with the defaults the first time anyone asks. */
export async function getOwnershipSettings(db: Db, orgId: string): Promise<OwnershipSettings> {
  const select = sql`select holding_limit, won_deals_exempt, cooldown_days, daily_claim_quota,
    release_reason_required, grid_spill_days, version from ownership_settings where org_id = ${orgId}`;
  let [row] = await queryRows<SettingsRow>(db, select);
  if (!row) {
    await db.execute(
      sql`insert into ownership_settings (org_id) values (${orgId}) on conflict do nothing`,
    );
    [row] = await queryRows<SettingsRow>(db, select);
  }
  if (!row) throw notFound('Organisation');
  return present(row);
}

export async function updateOwnershipSettings(
  db: Db,
  actor: Actor,
  input: UpdateOwnershipSettingsRequest,
  now: Date,
): Promise<OwnershipSettings> {
  return db.transaction(async (tx) => {
    const before = await getOwnershipSettings(tx, actor.orgId);
    const { version, ...fields } = input;
    const [row] = await queryRows<SettingsRow>(
      tx,
      sql`update ownership_settings set
          holding_limit = coalesce(${fields.holdingLimit ?? null}::int, holding_limit),
          won_deals_exempt = coalesce(${fields.wonDealsExempt ?? null}::boolean, won_deals_exempt),
          cooldown_days = coalesce(${fields.cooldownDays ?? null}::int, cooldown_days),
          daily_claim_quota = ${
            fields.dailyClaimQuota === undefined
              ? sql`daily_claim_quota`
              : sql`${fields.dailyClaimQuota}::int`
          },
          release_reason_required = coalesce(${fields.releaseReasonRequired ?? null}::boolean, release_reason_required),
          grid_spill_days = coalesce(${fields.gridSpillDays ?? null}::int, grid_spill_days),
          version = version + 1, updated_at = ${now}
        where org_id = ${actor.orgId} and version = ${version}
        returning holding_limit, won_deals_exempt, cooldown_days, daily_claim_quota,
          release_reason_required, grid_spill_days, version`,
    );
    if (!row) throw versionConflict(before);
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'ownership_settings',
      entityId: actor.orgId,
      changes: diffFields(before, fields),
    });
    return present(row);
  });
}

interface OverrideRow {
  id: string;
  team_id: string | null;
  user_id: string | null;
  holding_limit: number;
  version: number;
}

const presentOverride = (row: OverrideRow): HoldingLimitOverride => ({
  id: row.id,
  scope: row.team_id ? 'team' : 'user',
  teamId: row.team_id,
  userId: row.user_id,
  holdingLimit: row.holding_limit,
  version: row.version,
});

export async function findHoldingLimits(db: Db, orgId: string): Promise<HoldingLimitOverride[]> {
  const rows = await queryRows<OverrideRow>(
    db,
    sql`select id, team_id, user_id, holding_limit, version from holding_limits
      where org_id = ${orgId} order by team_id nulls last, user_id`,
  );
  return rows.map(presentOverride);
}

export type LimitScope = 'team' | 'user';

async function assertTarget(tx: Db, orgId: string, scope: LimitScope, targetId: string) {
  const table = sql.raw(scope === 'team' ? 'teams' : 'users');
  const [found] = await queryRows(
    tx,
    sql`select 1 from ${table} where org_id = ${orgId} and id = ${targetId}`,
  );
  if (!found) throw notFound(scope === 'team' ? 'Team' : 'User');
}

/** Sets (or replaces) the holding limit of one team or one user. */
export async function setHoldingLimit(
  db: Db,
  actor: Actor,
  scope: LimitScope,
  targetId: string,
  holdingLimit: number,
  now: Date,
): Promise<HoldingLimitOverride> {
  return db.transaction(async (tx) => {
    await assertTarget(tx, actor.orgId, scope, targetId);
    const column = sql.raw(scope === 'team' ? 'team_id' : 'user_id');
    const [existing] = await queryRows<OverrideRow>(
      tx,
      sql`select id, team_id, user_id, holding_limit, version from holding_limits
        where org_id = ${actor.orgId} and ${column} = ${targetId} for update`,
    );
    const [row] = existing
      ? await queryRows<OverrideRow>(
          tx,
          sql`update holding_limits set holding_limit = ${holdingLimit}, version = version + 1,
              updated_at = ${now}
            where org_id = ${actor.orgId} and id = ${existing.id}
            returning id, team_id, user_id, holding_limit, version`,
        )
      : await queryRows<OverrideRow>(
          tx,
          sql`insert into holding_limits (org_id, id, ${column}, holding_limit, updated_at)
            values (${actor.orgId}, ${newId()}, ${targetId}, ${holdingLimit}, ${now})
            returning id, team_id, user_id, holding_limit, version`,
        );
    if (!row) throw new Error('holding limit write returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'holding_limit',
      entityId: row.id,
      changes: { scope, targetId, from: existing?.holding_limit ?? null, to: holdingLimit },
    });
    return presentOverride(row);
  });
}

export async function removeHoldingLimit(
  db: Db,
  actor: Actor,
  scope: LimitScope,
  targetId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const column = sql.raw(scope === 'team' ? 'team_id' : 'user_id');
    const [row] = await queryRows<OverrideRow>(
      tx,
      sql`delete from holding_limits where org_id = ${actor.orgId} and ${column} = ${targetId}
        returning id, team_id, user_id, holding_limit, version`,
    );
    if (!row) throw notFound('Holding limit');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'delete',
      entity: 'holding_limit',
      entityId: row.id,
      changes: { scope, targetId, from: row.holding_limit },
    });
  });
}

/** A user's holding limit: their own override, else their team's, else the org default. */
export async function holdingLimitOf(
  db: Db,
  orgId: string,
  userId: string,
  orgDefault: number,
): Promise<HoldingLimit> {
  const [row] = await queryRows<{ rep_limit: number | null; team_limit: number | null }>(
    db,
    sql`select
        (select h.holding_limit from holding_limits h
          where h.org_id = u.org_id and h.user_id = u.id) as rep_limit,
        (select h.holding_limit from holding_limits h
          where h.org_id = u.org_id and h.team_id = u.team_id) as team_limit
      from users u where u.org_id = ${orgId} and u.id = ${userId}`,
  );
  if (!row) throw validationFailed([{ field: 'ownerId', message: 'no such user' }]);
  return resolveHoldingLimit({ orgDefault, teamLimit: row.team_limit, repLimit: row.rep_limit });
}
