import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/client';

/** What every feature's routes and services need: the database, the clock, the settings. */
export interface AppContext {
  database: Database;
  clock: Clock;
  config: Config;
  log: Logger;
}
