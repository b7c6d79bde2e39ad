import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Locale, Role } from '../../../domain/vocabulary';
import type { Db } from '../../db/client';
import { newId } from '../../db/ids';
import { teams, users } from '../../db/schema';
import { AppError, notFound, validationFailed, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import type { CreateUserRequest, UpdateUserRequest, User } from './users.schema';

type UserRow = typeof users.$inferSelect;

/** Which fields of a user leave the server. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    teamId: row.teamId,
    locale: (row.locale as Locale | null) ?? null,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

export interface Actor {
  orgId: string;
  userId: string | null;
  ip?: string | null;
}

async function assertTeamExists(tx: Db, orgId: string, teamId: string | null | undefined) {
  if (!teamId) return;
  const [team] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
  if (!team) throw validationFailed([{ field: 'teamId', message: 'no such team' }]);
}

async function assertEmailFree(tx: Db, orgId: string, email: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), sql`lower(${users.email}) = ${email.toLowerCase()}`));
  if (taken && taken.id !== exceptId) {
    throw new AppError('conflict', 'A user with this email already exists', [
      { field: 'email', message: 'is already used' },
    ]);
  }
}

export async function createUser(db: Db, actor: Actor, input: CreateUserRequest): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await assertEmailFree(tx, actor.orgId, input.email);
    await assertTeamExists(tx, actor.orgId, input.teamId);
    const [row] = await tx
      .insert(users)
      .values({
        orgId: actor.orgId,
        id: newId(),
        email: input.email,
        name: input.name,
        role: input.role,
        teamId: input.teamId ?? null,
        locale: input.locale ?? null,
        passwordHash,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      ...actor,
      action: 'create',
      entity: 'user',
      entityId: row.id,
      changes: { email: row.email, name: row.name, role: row.role, teamId: row.teamId },
    });
    return presentUser(row);
  });
}

export async function findUsers(
  db: Db,
  orgId: string,
  options: { limit: number; cursor?: string | null; role?: Role; teamId?: string },
): Promise<{ items: User[]; nextCursor: string | null }> {
  const conditions = [eq(users.orgId, orgId)];
  if (options.cursor) conditions.push(gt(users.id, options.cursor));
  if (options.role) conditions.push(eq(users.role, options.role));
  if (options.teamId) conditions.push(eq(users.teamId, options.teamId));
  const rows = await db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return {
    items: page.map(presentUser),
    nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function getUserRow(db: Db, orgId: string, id: string): Promise<UserRow> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  if (!row) throw notFound('User');
  return row;
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateUserRequest,
): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await getUserRow(tx, actor.orgId, id);
    if (input.email) await assertEmailFree(tx, actor.orgId, input.email, id);
    await assertTeamExists(tx, actor.orgId, input.teamId);
    const { version, ...fields } = input;
    const [row] = await tx
      .update(users)
      .set({ ...fields, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, id), eq(users.version, version)))
      .returning();
    if (!row) throw versionConflict(presentUser(before));
    if (fields.active === false) {
      await tx.execute(sql`delete from sessions where org_id = ${actor.orgId} and user_id = ${id}`);
    }
    await recordAudit(tx, {
      ...actor,
      action: 'update',
      entity: 'user',
      entityId: id,
      changes: diffFields(before, fields),
    });
    return presentUser(row);
  });
}

export async function setPassword(db: Db, actor: Actor, id: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await getUserRow(tx, actor.orgId, id);
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, id)));
    await recordAudit(tx, { ...actor, action: 'set_password', entity: 'user', entityId: id });
  });
}

export async function updateOwnProfile(
  db: Db,
  actor: Actor & { userId: string },
  input: { locale?: Locale; name?: string },
): Promise<User> {
  return db.transaction(async (tx) => {
    const before = presentUser(await getUserRow(tx, actor.orgId, actor.userId));
    const [row] = await tx
      .update(users)
      .set({ ...input, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)))
      .returning();
    if (!row) throw notFound('User');
    await recordAudit(tx, {
      ...actor,
      action: 'update',
      entity: 'user',
      entityId: actor.userId,
      changes: diffFields(before, input),
    });
    return presentUser(row);
  });
}
