import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { backupDatabase, restoreDatabase, tableDigests } from '../server/db/backup';
import { openDatabase } from '../server/db/client';

const totalRows = (digests: { rows: number }[]) => digests.reduce((sum, d) => sum + d.rows, 0);

export function backupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'write a backup of the database (PGlite data-dir dump, or pg_dump with DATABASE_URL)',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      });
      try {
        const target = path.resolve(file);
        await backupDatabase(database, { file: target, databaseUrl: config.databaseUrl });
        const digests = await tableDigests(database);
        console.log(
          `Backup of ${digests.length} tables (${totalRows(digests)} rows) written to ${target}`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('restore <file>')
    .description(
      'restore a backup: into an empty DATA_DIR, or over the DATABASE_URL database (pg_restore --clean)',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      await restoreDatabase(path.resolve(file), {
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
      });
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      });
      try {
        const digests = await tableDigests(database);
        console.log(`Restored ${digests.length} tables (${totalRows(digests)} rows) from ${file}`);
      } finally {
        await database.close();
      }
    });
}
