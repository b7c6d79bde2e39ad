import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { newId } from '../../db/ids';
import { teams, users } from '../../db/schema';
import { AppError, notFound, validationFailed, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import type { Actor } from '../users/users.service';
import type { CreateTeamRequest, Team, UpdateTeamRequest } from './teams.schema';

type TeamRow = typeof teams.$inferSelect;

function presentTeam(row: TeamRow, memberCount: number): Team {
  return {
    id: row.id,
    name: row.name,
    managerId: row.managerId,
    memberCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

async function assertManager(tx: Db, orgId: string, managerId: string | null | undefined) {
  if (!managerId) return;
  const [user] = await tx
    .select({ role: users.role })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, managerId)));
  if (!user) throw validationFailed([{ field: 'managerId', message: 'no such user' }]);
  if (user.role === 'rep') {
    throw validationFailed([{ field: 'managerId', message: 'must be a manager or an admin' }]);
  }
}

async function assertNameFree(tx: Db, orgId: string, name: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), sql`lower(${teams.name}) = ${name.toLowerCase()}`));
  if (taken && taken.id !== exceptId) {
    throw new AppError('conflict', 'A team with this name already exists', [
      { field: 'name', message: 'is already used' },
    ]);
  }
}

export async function createTeam(db: Db, actor: Actor, input: CreateTeamRequest): Promise<Team> {
  return db.transaction(async (tx) => {
    await assertNameFree(tx, actor.orgId, input.name);
    await assertManager(tx, actor.orgId, input.managerId);
    const [row] = await tx
      .insert(teams)
      .values({
        orgId: actor.orgId,
        id: newId(),
        name: input.name,
        managerId: input.managerId ?? null,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      ...actor,
      action: 'create',
      entity: 'team',
      entityId: row.id,
      changes: { name: row.name, managerId: row.managerId },
    });
    return presentTeam(row, 0);
  });
}

export async function findTeams(db: Db, orgId: string, onlyId?: string): Promise<Team[]> {
  const rows = await db
    .select({
      team: teams,
      // Qualified by hand: drizzle leaves single-table columns unqualified, which the subquery would capture.
      memberCount: sql<number>`(select count(*)::int from users u
        where u.org_id = "teams"."org_id" and u.team_id = "teams"."id" and u.active)`,
    })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), onlyId ? eq(teams.id, onlyId) : undefined))
    .orderBy(asc(teams.name));
  return rows.map((row) => presentTeam(row.team, Number(row.memberCount)));
}

async function getTeamRow(db: Db, orgId: string, id: string): Promise<TeamRow> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
  if (!row) throw notFound('Team');
  return row;
}

export async function getTeam(db: Db, orgId: string, id: string): Promise<Team> {
  const [team] = await findTeams(db, orgId, id);
  if (!team) throw notFound('Team');
  return team;
}

export async function updateTeam(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateTeamRequest,
): Promise<Team> {
  return db.transaction(async (tx) => {
    const before = await getTeamRow(tx, actor.orgId, id);
    if (input.name) await assertNameFree(tx, actor.orgId, input.name, id);
    await assertManager(tx, actor.orgId, input.managerId);
    const { version, ...fields } = input;
    const [row] = await tx
      .update(teams)
      .set({ ...fields, version: sql`${teams.version} + 1`, updatedAt: new Date() })
      .where(and(eq(teams.orgId, actor.orgId), eq(teams.id, id), eq(teams.version, version)))
      .returning();
    if (!row) {
      const [current] = await findTeams(tx, actor.orgId, id);
      throw versionConflict(current ?? presentTeam(before, 0));
    }
    await recordAudit(tx, {
      ...actor,
      action: 'update',
      entity: 'team',
      entityId: id,
      changes: diffFields(before, fields),
    });
    return presentTeam(row, (await findTeams(tx, actor.orgId, id))[0]?.memberCount ?? 0);
  });
}
