import type { Command } from 'commander';
import { loadConfig } from '../server/config';
import { bootstrapDatabase } from '../server/db/bootstrap';
import { openDatabase } from '../server/db/client';
import { BENCH_PASSWORD, benchShape } from './seedBench/benchPeople';
import { seedBench } from './seedBench/seedBench';

export function seedCommands(program: Command): void {
  const seed = program.command('seed').description('fill the database with generated data');
  seed
    .command('bench')
    .description(
      'a large org for benchmarks in DATABASE_URL or DATA_DIR: per customer 3 contacts, 10 follow-ups, 1 deal with ~5 stage moves, 5 sales lines',
    )
    .requiredOption('--customers <number>', 'how many customers, e.g. 1000000')
    .option('--chunk <number>', 'customers written per statement', '20000')
    .action(async (options: { customers: string; chunk: string }) => {
      const customers = Number(options.customers);
      const chunk = Number(options.chunk);
      if (!Number.isInteger(customers) || customers < 1) {
        throw new Error('--customers must be a positive whole number');
      }
      if (!Number.isInteger(chunk) || chunk < 1)
        throw new Error('--chunk must be a positive whole number');
      const config = loadConfig();
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      });
      try {
        await database.migrate();
        const boot = await bootstrapDatabase(database.db, config);
        if (boot.generatedPassword) {
          console.log(`Admin ${boot.adminEmail}, password ${boot.generatedPassword} (shown once)`);
        }
        const where = database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
        console.log(`Seeding ${customers.toLocaleString('en')} customers into ${where}…`);
        const result = await seedBench(database, boot.orgId, {
          customers,
          chunk,
          now: new Date(),
          log: (line) => console.log(`  ${line}`),
        });
        console.log(`Done in ${result.seconds.toFixed(1)} s:`);
        for (const [table, count] of Object.entries(result.counts)) {
          console.log(`  ${table.padEnd(17)} ${count.toLocaleString('en').padStart(12)}`);
        }
        const shape = benchShape(customers);
        console.log(
          `Log in as rep1@bench.crm … rep${shape.reps}@bench.crm or manager1@bench.crm … manager${shape.teams}@bench.crm, password ${BENCH_PASSWORD}`,
        );
      } finally {
        await database.close();
      }
    });
}
