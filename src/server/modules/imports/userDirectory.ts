import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';

export interface DirectoryUser {
  id: string;
  teamId: string | null;
}

export type OwnerMatch = DirectoryUser | 'unknown' | 'ambiguous';

/** Active users by email or by name (业务员 columns hold either), for owner columns. */
export async function loadUserDirectory(db: Db, orgId: string) {
  const rows = await db
    .select({ id: users.id, teamId: users.teamId, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.active, true)));
  const byEmail = new Map<string, DirectoryUser>();
  const byName = new Map<string, DirectoryUser[]>();
  for (const row of rows) {
    const user = { id: row.id, teamId: row.teamId };
    byEmail.set(row.email.trim().toLowerCase(), user);
    const name = normalName(row.name);
    byName.set(name, [...(byName.get(name) ?? []), user]);
  }
  return {
    find(text: string): OwnerMatch {
      const key = normalName(text);
      const email = byEmail.get(key);
      if (email) return email;
      const named = byName.get(key) ?? [];
      if (named.length === 1 && named[0]) return named[0];
      return named.length > 1 ? 'ambiguous' : 'unknown';
    },
  };
}

export type UserDirectory = Awaited<ReturnType<typeof loadUserDirectory>>;

function normalName(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}
