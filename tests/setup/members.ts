import type { Role } from '../../src/domain/vocabulary';
import type { Db } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { users } from '../../src/server/db/schema';
import { createSession } from '../../src/server/modules/auth/auth.service';

export interface Member {
  id: string;
  token: string;
  teamId: string | null;
  role: Role;
}

/**
 * A user written straight into the table, with a non-expiring API token: quick enough for
 * hundreds of reps, and still valid after a test moves the clock by months. The user cannot
 * log in with a password; tests that need a login create users through the API.
 */
export async function insertMember(
  db: Db,
  orgId: string,
  fields: { email: string; name: string; role?: Role; teamId?: string | null; now: Date },
): Promise<Member> {
  const id = newId();
  const role = fields.role ?? 'rep';
  const teamId = fields.teamId ?? null;
  await db.insert(users).values({
    orgId,
    id,
    email: fields.email,
    name: fields.name,
    role,
    teamId,
    passwordHash: 'not-used',
  });
  const token = await createSession(
    db,
    { orgId, id },
    { now: fields.now, ttlHours: null, kind: 'api' },
  );
  return { id, token, teamId, role };
}
