// Standing activity targets (工作量目标) per rep or team and day/week/month. Admins set any;
// managers those of their teams and their members; everyone reads the ones about them.
import { sql } from 'drizzle-orm';
import type { TargetMetric, TargetPeriod } from '../../../domain/workData';
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
import { maySetTargetOf, readableTargets } from '../teams/targetScope';
import type { ActivityTarget, CreateActivityTargetRequest } from './workData.schema';
import type { Viewer } from './workData.scope';

type Actor = Viewer & { ip?: string | null };

interface TargetRow {
  id: string;
  user_id: string | null;
  user_name: string | null;
  team_id: string | null;
  team_name: string | null;
  period: TargetPeriod;
  metric: TargetMetric;
  target: number;
  version: number;
}

const SELECT = sql`select t.id, t.user_id, u.name as user_name, t.team_id, tm.name as team_name,
    t.period, t.metric, t.target, t.version
  from activity_targets t
  left join users u on u.org_id = t.org_id and u.id = t.user_id
  left join teams tm on tm.org_id = t.org_id and tm.id = t.team_id`;

function present(row: TargetRow): ActivityTarget {
  return {
    id: row.id,
    userId: row.user_id,
    userName: row.user_name,
    teamId: row.team_id,
    teamName: row.team_name,
    period: row.period,
    metric: row.metric,
    target: row.target,
    version: row.version,
  };
}

export async function listActivityTargets(db: Db, viewer: Viewer): Promise<ActivityTarget[]> {
  const rows = await queryRows<TargetRow>(
    db,
    sql`${SELECT} where t.org_id = ${viewer.orgId} and ${readableTargets(viewer)}
      order by t.team_id nulls last, tm.name, u.name, t.period, t.metric, t.id`,
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

const DENIED = 'Only admins and the managers of a team set its targets';

export async function createActivityTarget(
  db: Db,
  actor: Actor,
  input: CreateActivityTargetRequest,
): Promise<ActivityTarget> {
  const field = input.userId ? 'body.userId' : 'body.teamId';
  const [exists] = await queryRows<{ ok: number }>(
    db,
    input.userId
      ? sql`select 1 as ok from users where org_id = ${actor.orgId} and id = ${input.userId}`
      : sql`select 1 as ok from teams where org_id = ${actor.orgId} and id = ${input.teamId ?? null}`,
  );
  if (!exists) throw validationFailed([{ field, message: 'no such user or team' }]);
  if (!(await maySetTargetOf(db, actor, input))) throw forbidden(DENIED);
  return db.transaction(async (tx) => {
    const [clash] = await queryRows<{ id: string }>(
      tx,
      sql`select id from activity_targets where org_id = ${actor.orgId}
        and period = ${input.period} and metric = ${input.metric}
        and ${input.userId ? sql`user_id = ${input.userId}` : sql`team_id = ${input.teamId ?? null}`}`,
    );
    if (clash) {
      throw new AppError('conflict', 'This target already exists; change it instead', [
        { field, message: 'already has this target', id: clash.id },
      ]);
    }
    const id = newId();
    await queryRows(
      tx,
      sql`insert into activity_targets (org_id, id, user_id, team_id, period, metric, target, created_by)
        values (${actor.orgId}, ${id}, ${input.userId ?? null}, ${input.teamId ?? null},
          ${input.period}, ${input.metric}, ${input.target}, ${actor.id})`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'activity_target',
      entityId: id,
      changes: { ...input },
    });
    return present(await findTarget(tx, actor, id));
  });
}

export async function updateActivityTarget(
  db: Db,
  actor: Actor,
  id: string,
  input: { target: number; version: number },
): Promise<ActivityTarget> {
  const before = await findTarget(db, actor, id);
  if (!(await maySetTargetOf(db, actor, { userId: before.user_id, teamId: before.team_id }))) {
    throw forbidden(DENIED);
  }
  return db.transaction(async (tx) => {
    const updated = await queryRows<{ id: string }>(
      tx,
      sql`update activity_targets set target = ${input.target}, version = version + 1,
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
      entity: 'activity_target',
      entityId: id,
      changes: { target: { from: before.target, to: input.target } },
    });
    return present(await findTarget(tx, actor, id));
  });
}

export async function deleteActivityTarget(db: Db, actor: Actor, id: string, version: number) {
  const before = await findTarget(db, actor, id);
  if (!(await maySetTargetOf(db, actor, { userId: before.user_id, teamId: before.team_id }))) {
    throw forbidden(DENIED);
  }
  await db.transaction(async (tx) => {
    const deleted = await queryRows<{ id: string }>(
      tx,
      sql`delete from activity_targets where org_id = ${actor.orgId} and id = ${id}
        and version = ${version} returning id`,
    );
    if (deleted.length === 0) throw versionConflict(present(before));
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'delete',
      entity: 'activity_target',
      entityId: id,
      changes: { period: before.period, metric: before.metric, target: before.target },
    });
  });
}
