import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { openTestDatabase } from '../../../tests/setup/databases';
import type { Database } from './client';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe.runIf(inject('dbKind') === 'postgres')('the PostgreSQL pool', () => {
  it('outlives an idle connection the server ends, and answers the next query', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const uncaught = vi.fn();
    process.on('uncaughtException', uncaught);
    try {
      const pool = database.pool as NonNullable<Database['pool']>;
      const held = await pool.connect();
      const pid = (await held.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]
        ?.pid;
      held.release(); // idle in the pool now
      const other = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await other.connect();
      try {
        await other.query('select pg_terminate_backend($1)', [pid]);
      } finally {
        await other.end();
      }
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('idle')));
      const rows = await database.query<{ one: number }>(sql`select 1 as one`);
      expect(rows).toEqual([{ one: 1 }]);
      expect(uncaught).not.toHaveBeenCalled();
    } finally {
      process.off('uncaughtException', uncaught);
      warn.mockRestore();
    }
  });
});
