import pino from 'pino';
import { buildApp } from './app';
import { AdjustableClock, systemClock } from './clock';
import { type Config, loadConfig } from './config';
import { bootstrapDatabase } from './db/bootstrap';
import { openDatabase } from './db/client';
import { JOBS } from './jobs';
import { importRunnerFor } from './jobs/importRunner';
import { finishInterruptedJobs, startScheduler } from './jobs/scheduler';

/** Opens the database, migrates, creates the first admin if needed, and serves. */
export async function startServer(config: Config = loadConfig()) {
  const log = pino({ level: config.logLevel });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  await bootstrapDatabase(database.db, config, log);
  const clock = config.testMode ? new AdjustableClock() : systemClock;
  const ctx = { database, clock, config, log };
  const app = await buildApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  // Background imports: queued ones, and those a stopped server left running.
  importRunnerFor(ctx, { staleAfterMs: config.importStaleAfterMs }).start();
  // The daily jobs (grid pools, lapses, grading): hourly ticks, each org's work once a day,
  // once across all servers (advisory lock).
  const scheduler = startScheduler(ctx, JOBS);
  // Runs a killed server left unfinished are reported and done again now, not at the next tick.
  finishInterruptedJobs(ctx, JOBS).catch((error) =>
    log.error({ err: error }, 'could not finish the jobs a stopped server left'),
  );
  log.info(
    {
      port: config.port,
      db: database.kind,
      dataDir: database.kind === 'pglite' ? config.dataDir : undefined,
    },
    `CRM listening on http://localhost:${config.port}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    scheduler.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return { app, database };
}
