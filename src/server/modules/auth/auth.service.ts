import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Role } from '../../../domain/vocabulary';
import type { Db } from '../../db/client';
import { newId } from '../../db/ids';
import { sessions, users } from '../../db/schema';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { presentUser } from '../users/users.service';
import { verifyPassword } from './password';

const MAX_FAILED_LOGINS = 10;
const LOCKOUT_MINUTES = 15;

export interface AuthUser {
  id: string;
  orgId: string;
  role: Role;
  teamId: string | null;
  name: string;
  email: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  user: { orgId: string; id: string },
  options: { now: Date; ttlHours: number | null; kind?: 'session' | 'api'; label?: string },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    orgId: user.orgId,
    id: newId(),
    tokenHash: hashToken(token),
    userId: user.id,
    kind: options.kind ?? 'session',
    label: options.label ?? null,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt:
      options.ttlHours === null
        ? null
        : new Date(options.now.getTime() + options.ttlHours * 3_600_000),
  });
  return token;
}

export async function login(
  db: Db,
  input: { email: string; password: string; ip: string | null; now: Date; ttlHours: number },
) {
  const candidates = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${input.email.toLowerCase()}`, eq(users.active, true)));
  // The same email may exist in several orgs; the password decides which account it is.
  for (const user of candidates) {
    if (user.lockedUntil && user.lockedUntil > input.now) {
      throw new AppError(
        'account_locked',
        `Too many failed logins; try again after ${user.lockedUntil.toISOString()}`,
        undefined,
        { lockedUntil: user.lockedUntil.toISOString() },
      );
    }
    if (await verifyPassword(input.password, user.passwordHash)) {
      return db.transaction(async (tx) => {
        const [updated] = await tx
          .update(users)
          .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: input.now })
          .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)))
          .returning();
        const token = await createSession(tx, user, { now: input.now, ttlHours: input.ttlHours });
        await recordAudit(tx, {
          orgId: user.orgId,
          userId: user.id,
          action: 'login',
          entity: 'user',
          entityId: user.id,
          ip: input.ip,
        });
        return { token, user: presentUser(updated ?? user) };
      });
    }
  }
  await db.transaction(async (tx) => {
    for (const user of candidates) {
      const failed = user.failedLogins + 1;
      await tx
        .update(users)
        .set({
          failedLogins: failed,
          lockedUntil:
            failed >= MAX_FAILED_LOGINS
              ? new Date(input.now.getTime() + LOCKOUT_MINUTES * 60_000)
              : user.lockedUntil,
        })
        .where(and(eq(users.orgId, user.orgId), eq(users.id, user.id)));
      await recordAudit(tx, {
        orgId: user.orgId,
        userId: user.id,
        action: 'login_failed',
        entity: 'user',
        entityId: user.id,
        ip: input.ip,
      });
    }
  });
  throw new AppError('invalid_credentials', 'Email or password is wrong');
}

export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
): Promise<
  (AuthUser & { sessionId: string; locale: string | null; expiresAt: Date | null }) | null
> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      id: users.id,
      orgId: users.orgId,
      role: users.role,
      teamId: users.teamId,
      name: users.name,
      email: users.email,
      locale: users.locale,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.orgId, sessions.orgId), eq(users.id, sessions.userId)))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        eq(users.active, true),
        or(isNull(sessions.expiresAt), gt(sessions.expiresAt, now)),
      ),
    );
  if (!row) return null;
  // Touch at most once a minute so reads do not turn into writes.
  if (!row.lastSeenAt || now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.orgId, row.orgId), eq(sessions.id, row.sessionId)));
  }
  const { lastSeenAt: _lastSeenAt, ...user } = row;
  return user;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
