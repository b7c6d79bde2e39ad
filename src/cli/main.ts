import { Command } from 'commander';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { backupCommands } from './backup.command';
import { demoCommands } from './demo.command';
import { importCommands, runImportCommand } from './import.command';
import { seedCommands } from './seedBench.command';
import { runUserCommand, userCommands } from './user.command';

const program = new Command()
  .name('crm')
  .description('Funnel CRM: serve, migrate and manage users (settings come from the environment)');

program
  .command('start')
  .description('migrate the database and serve the API and web app on PORT')
  .action(async () => {
    const { startServer } = await import('../server/main');
    await startServer();
  });

program
  .command('migrate')
  .description('apply pending migrations to DATABASE_URL or the embedded database in DATA_DIR')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
    });
    try {
      await database.migrate();
      console.log(`Migrations applied (${database.kind}).`);
    } finally {
      await database.close();
    }
  });

userCommands(program, runUserCommand);
importCommands(program, runImportCommand);
demoCommands(program);
backupCommands(program);
seedCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
