import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '../domain/vocabulary';
import { loadConfig } from '../server/config';
import { bootstrapDatabase } from '../server/db/bootstrap';
import { type Database, openDatabase } from '../server/db/client';
import { generatePassword } from '../server/modules/auth/password';
import { CreateUserRequest, Password } from '../server/modules/users/users.schema';
import { createUser, findUsers, setPassword } from '../server/modules/users/users.service';

type UserAction =
  | { kind: 'add'; email: string; name: string; role: string; password?: string; teamId?: string }
  | { kind: 'list' }
  | { kind: 'set-password'; email: string; password?: string };

/** Opens the configured database, migrated and bootstrapped, for one CLI job. */
async function withDatabase<T>(job: (database: Database, orgId: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const { orgId } = await bootstrapDatabase(database.db, config);
    return await job(database, orgId);
  } finally {
    await database.close();
  }
}

export async function runUserCommand(action: UserAction): Promise<void> {
  await withDatabase(async (database, orgId) => {
    const actor = { orgId, userId: null, ip: 'cli' };
    if (action.kind === 'add') {
      const generated = action.password ? undefined : generatePassword();
      const parsed = CreateUserRequest.safeParse({
        email: action.email,
        name: action.name,
        role: action.role,
        password: action.password ?? generated,
        teamId: action.teamId,
      });
      if (!parsed.success) {
        throw new Error(
          parsed.error.issues
            .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
            .join('; '),
        );
      }
      const user = await createUser(database.db, actor, parsed.data);
      console.log(`Created ${user.role} ${user.email} (${user.id})`);
      if (generated) console.log(`Password: ${generated}`);
      return;
    }
    if (action.kind === 'list') {
      let cursor: string | null = null;
      console.log(['id', 'email', 'name', 'role', 'active'].join('\t'));
      do {
        const page = await findUsers(database.db, orgId, { limit: 500, cursor });
        for (const user of page.items) {
          console.log([user.id, user.email, user.name, user.role, user.active].join('\t'));
        }
        cursor = page.nextCursor;
      } while (cursor);
      return;
    }
    const password = action.password ?? generatePassword();
    const checked = Password.safeParse(password);
    if (!checked.success) throw new Error(`password: ${checked.error.issues[0]?.message}`);
    const rows = await database.query<{ id: string }>(
      sql`select id from users where org_id = ${orgId} and lower(email) = ${action.email.toLowerCase()}`,
    );
    const user = rows[0];
    if (!user) throw new Error(`No user with email ${action.email}`);
    await setPassword(database.db, actor, user.id, password);
    console.log(`Password set for ${action.email}`);
    if (!action.password) console.log(`Password: ${password}`);
  });
}

export function userCommands(program: Command, run: (action: UserAction) => Promise<void>) {
  const user = program.command('user').description('manage user accounts');
  user
    .command('add')
    .description('create a user (prints a generated password when --password is omitted)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'rep')
    .option('--password <password>')
    .option('--team <teamId>')
    .action((options) =>
      run({ kind: 'add', ...options, role: options.role as Role, teamId: options.team }),
    );
  user
    .command('list')
    .description('list the users of the org')
    .action(() => run({ kind: 'list' }));
  user
    .command('set-password <email>')
    .description('set a new password (prints a generated one when --password is omitted)')
    .option('--password <password>')
    .action((email, options) => run({ kind: 'set-password', email, password: options.password }));
}
