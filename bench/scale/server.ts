// The app server for the scale benchmark, in a process of its own so the load generator does
// not share its event loop: the real app (buildApp) without the daily-job scheduler, whose first
// tick would otherwise run the lapse job over the whole org in the middle of the measurement.
// Env: DATABASE_URL or DATA_DIR, PORT (0: any), WEB_DIST_DIR. Prints "listening <port>".
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { buildApp } from '../../src/server/app';
import { systemClock } from '../../src/server/clock';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/client';

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10),
});
const app = await buildApp({
  database,
  clock: systemClock,
  config: { ...config, loginRateLimitPerMinute: 10_000 },
  log: pino({ level: 'warn' }),
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(`listening ${(app.server.address() as AddressInfo).port}`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
