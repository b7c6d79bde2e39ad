import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/client';

export function databaseUrlWithName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A fresh, migrated database of its own for one test file (PGlite, or PostgreSQL when asked). */
export async function openTestDatabase(): Promise<Database> {
  if (!process.env.VITEST) {
    // Outside Vitest (the browser-driven benchmarks): an in-memory PGlite migrated here.
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return database;
  }
  if (inject('dbKind') === 'postgres') {
    const url = process.env.TEST_DATABASE_URL as string;
    const name = `${inject('pgTemplate')}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({
      databaseUrl: databaseUrlWithName(url, name),
      poolSize: 5,
    });
    const close = database.close;
    return {
      ...database,
      async close() {
        await close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([dump]) });
}
