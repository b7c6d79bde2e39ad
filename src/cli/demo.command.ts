import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { bootstrapDatabase } from '../server/db/bootstrap';
import { openDatabase } from '../server/db/client';
import { DEMO_PASSWORD } from './demo/demoTeam';
import { orgHasCustomers, seedDemo } from './demo/seedDemo';

const ADMIN_EMAIL = 'admin@demo.crm';

export function demoCommands(program: Command): void {
  program
    .command('demo')
    .description(
      'start the server on its own embedded database (./demo-data) filled with a demo sales team',
    )
    .option('--seed <number>', 'random seed: the same seed gives the same demo', '2026')
    .option('--data-dir <dir>', 'where the demo database lives', './demo-data')
    .option('--no-start', 'only fill the database')
    .action(async (options: { seed: string; dataDir: string; start: boolean }) => {
      const seed = Number(options.seed);
      if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
      // The demo never touches a configured PostgreSQL: it has its own embedded database.
      process.env.DATA_DIR = path.resolve(options.dataDir);
      process.env.DATABASE_URL = '';
      process.env.CRM_ADMIN_EMAIL = ADMIN_EMAIL;
      process.env.CRM_ADMIN_PASSWORD = DEMO_PASSWORD;
      const config = loadConfig();
      const database = await openDatabase({ dataDir: config.dataDir });
      try {
        await database.migrate();
        const { orgId } = await bootstrapDatabase(database.db, config);
        if (await orgHasCustomers(database.db, orgId)) {
          console.log(`Demo data already in ${config.dataDir}; starting as it is.`);
          console.log(
            `Log in as ${ADMIN_EMAIL}, manager1@demo.crm or rep1@demo.crm (… rep8), password ${DEMO_PASSWORD}.`,
          );
        } else {
          const started = Date.now();
          const { team, counts } = await seedDemo(database.db, orgId, { seed, now: new Date() });
          console.log(
            `Demo data (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
          );
          console.log(
            Object.entries(counts)
              .map(([name, count]) => `${count} ${name}`)
              .join(', '),
          );
          console.log(`\nLog in with any of these, password ${DEMO_PASSWORD}:`);
          console.log(`  admin    ${ADMIN_EMAIL}`);
          for (const user of [...team.managers, ...team.reps]) {
            console.log(`  ${user.role.padEnd(8)} ${user.email.padEnd(20)} ${user.name}`);
          }
        }
      } finally {
        await database.close();
      }
      if (options.start) {
        const { startServer } = await import('../server/main');
        await startServer(loadConfig());
      }
    });
}
