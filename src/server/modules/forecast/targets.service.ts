// Sales targets (quotas) per rep or team and period. Admins set any; managers those of the
// teams they belong to or manage and of those teams' members; reps read their own.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import {
  AppError,
  forbidden,
  notFound,
  validationFailed,
  versionConflict,
} from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import type { Viewer } from '../deals/deals.access';
import { maySetTargetOf, readableTargets } from '../teams/targetScope';
import type { CreateTargetRequest, Target, UpdateTargetRequest } from './forecast.schema';

export type TargetActor = Viewer & { ip?: string | null };

interface TargetRow {
  id: string;
  period_key: string;
  user_id: string | null;
  user_name: string | null;
  team_id: string | null;
  team_name: string | null;
  amount_cents: string;
  version: number;
}

const SELECT = sql`select t.id, t.period_key, t.user_id, u.name as user_name, t.team_id,
    tm.name as team_name, t.amount_cents, t.version
  from sales_targets t
  left join users u on u.org_id = t.org_id and u.id = t.user_id
  left join teams tm on tm.org_id = t.org_id and tm.id = t.team_id`;

function present(row: TargetRow): Target {
  return {
    id: row.id,
    periodKey: row.period_key,
    userId: row.user_id,
    userName: row.user_name,
    teamId: row.team_id,
    teamName: row.team_name,
    amount: Number(row.amount_cents) / 100,
    version: row.version,
  };
}

export async function listTargets(db: Db, viewer: Viewer, period?: string): Promise<Target[]> {
  const rows = await queryRows<TargetRow>(
    db,
    sql`${SELECT} where t.org_id = ${viewer.orgId} and ${readableTargets(viewer)}
      ${period ? sql`and t.period_key = ${period}` : sql``}
      order by t.period_key, t.team_id nulls last, tm.name, u.name, t.id`,
  );
  return rows.map(present);
}

async function findTarget(db: Db, viewer: Viewer, id: string): Promise<TargetRow> {
  const [row] = await queryRows<TargetRow>(
    db,
    sql`${SELECT} where t.org_id = ${viewer.orgId} and t.id = ${id} and ${readableTargets(viewer)}`,
  );
  if (!row) throw notFound('Target');
  return row;
}

export async function createTarget(
  db: Db,
  actor: TargetActor,
  input: CreateTargetRequest,
): Promise<Target> {
  const field = input.userId ? 'body.userId' : 'body.teamId';
  const [exists] = await queryRows<{ ok: number }>(
    db,
    input.userId
      ? sql`select 1 as ok from users where org_id = ${actor.orgId} and id = ${input.userId}`
      : sql`select 1 as ok from teams where org_id = ${actor.orgId} and id = ${input.teamId ?? null}`,
  );
  if (!exists) throw validationFailed([{ field, message: 'no such user or team' }]);
  if (!(await maySetTargetOf(db, actor, input)))
    throw forbidden('Only admins and their managers set targets');
  return db.transaction(async (tx) => {
    const [clash] = await queryRows<{ id: string }>(
      tx,
      sql`select id from sales_targets where org_id = ${actor.orgId} and period_key = ${input.periodKey}
        and ${input.userId ? sql`user_id = ${input.userId}` : sql`team_id = ${input.teamId ?? null}`}`,
    );
    if (clash) {
      throw new AppError('conflict', 'A target for this period already exists', [
        { field, message: 'already has a target for this period', id: clash.id },
      ]);
    }
    const id = newId();
    await queryRows(
      tx,
      sql`insert into sales_targets (org_id, id, period_key, user_id, team_id, amount_cents, created_by)
        values (${actor.orgId}, ${id}, ${input.periodKey}, ${input.userId ?? null},
          ${input.teamId ?? null}, ${input.amount}, ${actor.id})`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'sales_target',
      entityId: id,
      changes: {
        periodKey: input.periodKey,
        userId: input.userId,
        teamId: input.teamId,
        amountCents: input.amount,
      },
    });
    return present(await findTarget(tx, actor, id));
  });
}

export async function updateTarget(
  db: Db,
  actor: TargetActor,
  id: string,
  input: UpdateTargetRequest,
): Promise<Target> {
  const before = await findTarget(db, actor, id);
  if (!(await maySetTargetOf(db, actor, { userId: before.user_id, teamId: before.team_id }))) {
    throw forbidden('Only admins and their managers set targets');
  }
  return db.transaction(async (tx) => {
    const updated = await queryRows<{ id: string }>(
      tx,
      sql`update sales_targets set amount_cents = ${input.amount}, version = version + 1,
          updated_at = now()
        where org_id = ${actor.orgId} and id = ${id} and version = ${input.version}
        returning id`,
    );
    if (updated.length === 0) throw versionConflict(present(await findTarget(tx, actor, id)));
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'sales_target',
      entityId: id,
      changes: { amountCents: { from: Number(before.amount_cents), to: input.amount } },
    });
    return present(await findTarget(tx, actor, id));
  });
}

export async function deleteTarget(db: Db, actor: TargetActor, id: string, version: number) {
  const before = await findTarget(db, actor, id);
  if (!(await maySetTargetOf(db, actor, { userId: before.user_id, teamId: before.team_id }))) {
    throw forbidden('Only admins and their managers set targets');
  }
  await db.transaction(async (tx) => {
    const deleted = await queryRows<{ id: string }>(
      tx,
      sql`delete from sales_targets where org_id = ${actor.orgId} and id = ${id}
        and version = ${version} returning id`,
    );
    if (deleted.length === 0) throw versionConflict(present(before));
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'delete',
      entity: 'sales_target',
      entityId: id,
      changes: { periodKey: before.period_key, amountCents: Number(before.amount_cents) },
    });
  });
}
