import { sql } from 'drizzle-orm';
import { normalizeTerritory, validateTerritory } from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { AppError, notFound, validationFailed } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from './ownershipSettings.service';
import type { CreateTerritoryRequest, Territory } from './pool.schema';

interface TerritoryRow {
  id: string;
  team_id: string;
  team_name: string;
  province: string | null;
  city: string | null;
  tag: string | null;
}

const present = (row: TerritoryRow): Territory => ({
  id: row.id,
  teamId: row.team_id,
  teamName: row.team_name,
  province: row.province,
  city: row.city,
  tag: row.tag,
});

const SELECT = sql`select tt.id, tt.team_id, t.name as team_name, tt.province, tt.city, tt.tag
  from team_territories tt join teams t on t.org_id = tt.org_id and t.id = tt.team_id`;

export async function findTerritories(db: Db, orgId: string): Promise<Territory[]> {
  const rows = await queryRows<TerritoryRow>(
    db,
    sql`${SELECT} where tt.org_id = ${orgId}
      order by t.name, tt.province nulls last, tt.city nulls first, tt.tag`,
  );
  return rows.map(present);
}

/** Gives a grid team a territory; each place or tag belongs to one team only. */
export async function createTerritory(
  db: Db,
  actor: Actor,
  input: CreateTerritoryRequest,
  now: Date,
): Promise<Territory> {
  const territory = normalizeTerritory(input);
  const problems = validateTerritory(territory);
  if (problems.length > 0) {
    throw validationFailed(problems.map((p) => ({ field: `body.${p.field}`, message: p.message })));
  }
  return db.transaction(async (tx) => {
    const [team] = await queryRows(
      tx,
      sql`select 1 from teams where org_id = ${actor.orgId} and id = ${input.teamId}`,
    );
    if (!team) throw validationFailed([{ field: 'body.teamId', message: 'no such team' }]);
    const id = newId(now.getTime());
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql`insert into team_territories (org_id, id, team_id, province, city, tag, created_at)
        values (${actor.orgId}, ${id}, ${input.teamId}, ${territory.province}, ${territory.city},
          ${territory.tag}, ${now})
        on conflict do nothing returning id`,
    );
    if (inserted.length === 0) {
      throw new AppError('conflict', 'This territory already belongs to a team', [
        { field: territory.tag ? 'body.tag' : 'body.province', message: 'is taken' },
      ]);
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'territory',
      entityId: id,
      changes: { teamId: input.teamId, ...territory },
    });
    const [row] = await queryRows<TerritoryRow>(
      tx,
      sql`${SELECT} where tt.org_id = ${actor.orgId} and tt.id = ${id}`,
    );
    if (!row) throw notFound('Territory');
    return present(row);
  });
}

export async function deleteTerritory(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await queryRows<TerritoryRow>(
      tx,
      sql`delete from team_territories where org_id = ${actor.orgId} and id = ${id}
        returning id, team_id, '' as team_name, province, city, tag`,
    );
    if (!row) throw notFound('Territory');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'delete',
      entity: 'territory',
      entityId: id,
      changes: { teamId: row.team_id, province: row.province, city: row.city, tag: row.tag },
    });
  });
}
