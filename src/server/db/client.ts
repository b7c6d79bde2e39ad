import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs a raw SQL statement and returns its rows (one path for both drivers). */
  query<Row = Record<string, unknown>>(statement: SQL): Promise<Row[]>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance when embedded (for dumps and backups). */
  pglite: PGlite | null;
  /** The pg pool when on a server (for COPY and advisory locks). */
  pool: pg.Pool | null;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK_KEY = 7_214_001;

// bigint (count(*), cents) arrives as a string from pg and as a number from PGlite:
// parse it once here so callers always get numbers. Amounts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Runs a raw SQL statement on a database or transaction and returns its rows. */
export async function queryRows<Row = Record<string, unknown>>(
  executor: Db,
  statement: SQL,
): Promise<Row[]> {
  const result = await executor.execute(statement);
  return (result as unknown as { rows: Row[] }).rows;
}

const dialect = new PgDialect();

/**
 * queryRows as a named prepared statement (`${prefix}_` and a hash of its text): on PostgreSQL
 * each pooled connection parses it once, and after five runs keeps a generic plan instead of
 * planning every call. Only for statements whose best plan does not depend on the values (the
 * plain customers list, not its searches and filters), and of few distinct texts: each stays
 * prepared on every connection. Rows are parsed as queryRows parses them; PGlite ignores the
 * name.
 */
export async function queryRowsPrepared<Row = Record<string, unknown>>(
  executor: Db,
  statement: SQL,
  prefix: string,
): Promise<Row[]> {
  const query = dialect.sqlToQuery(statement);
  const name = `${prefix}_${createHash('sha1').update(query.sql).digest('base64url').slice(0, 20)}`;
  const result = await executor._.session.prepareQuery(query, undefined, name, false).execute();
  return (result as unknown as { rows: Row[] }).rows;
}

export interface OpenOptions {
  databaseUrl?: string | null;
  dataDir?: string;
  /** A gzip dump made by PGlite's dumpDataDir, to start from a migrated template. */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  let dataDir: string | undefined;
  if (options.dataDir && !options.dataDir.startsWith('memory://')) {
    mkdirSync(options.dataDir, { recursive: true });
    dataDir = options.dataDir;
  }
  const client = await PGlite.create(dataDir ?? 'memory://', {
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    pool: null,
    query: (statement) => queryRows(db, statement),
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  let closing = false;
  // An idle connection can be ended by the server (a restart, pg_terminate_backend, a dropped
  // database). The pool has already discarded it and the next query opens another; without a
  // listener the pool's 'error' event would crash the process.
  pool.on('error', (error) => {
    if (!closing) console.warn(`PostgreSQL ended an idle connection: ${error.message}`);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pglite: null,
    pool,
    query: (statement) => queryRows(db, statement),
    async migrate() {
      // Several servers may start at once: one migrates, the others wait on the lock.
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        lockClient.release();
      }
    },
    async close() {
      closing = true;
      await pool.end();
    },
  };
}
