import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { generatePassword, hashPassword } from '../modules/auth/password';
import { ensureOrgDefaults } from '../modules/orgs/orgDefaults';
import type { Db } from './client';
import { newId } from './ids';
import { orgs, users } from './schema';

export interface BootstrapResult {
  created: boolean;
  orgId: string;
  adminEmail?: string;
  generatedPassword?: string;
}

/**
 * On the first start of an empty database: one default org and its first admin,
 * from CRM_ADMIN_EMAIL/CRM_ADMIN_PASSWORD or with a generated password printed once.
 */
export async function bootstrapDatabase(
  db: Db,
  config: Pick<Config, 'adminEmail' | 'adminPassword'>,
  log?: Logger,
): Promise<BootstrapResult> {
  return db.transaction(async (tx) => {
    // Serialise concurrent first starts of several servers.
    await tx.execute(sql`select pg_advisory_xact_lock(7214002)`);
    const [existing] = await tx.select({ id: orgs.id }).from(orgs).limit(1);
    if (existing) return { created: false, orgId: existing.id };

    const orgId = newId();
    await tx.insert(orgs).values({ id: orgId, name: 'Default' });
    await ensureOrgDefaults(tx, orgId);
    const email = (config.adminEmail ?? 'admin@example.com').trim().toLowerCase();
    const generatedPassword = config.adminPassword ? undefined : generatePassword();
    const password = config.adminPassword ?? generatedPassword ?? '';
    await tx.insert(users).values({
      orgId,
      id: newId(),
      email,
      name: 'Admin',
      role: 'admin',
      passwordHash: await hashPassword(password),
    });
    if (generatedPassword) {
      const banner = `First admin created: ${email} with password ${generatedPassword} (shown only this once; change it after logging in)`;
      // Plain text on stdout so a person reading the start-up output sees it.
      console.log(`\n${banner}\n`);
    } else {
      log?.info({ email }, 'first admin created from CRM_ADMIN_EMAIL / CRM_ADMIN_PASSWORD');
    }
    return { created: true, orgId, adminEmail: email, generatedPassword };
  });
}
