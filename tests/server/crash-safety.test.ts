import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/client';
import { csvText, multipartBody } from '../setup/factories-imports';
import {
  callProcess,
  PROCESS_ADMIN,
  type ServerProcess,
  scratchDatabase,
  startServerProcess,
} from '../setup/serverProcess';

// Crash safety (issue 10): a server SIGKILLed in the middle of a large import leaves every
// committed batch with its progress record, and the next server to start says so and resumes
// the import from there to exactly the full row count. On PostgreSQL (server-pg project).
const onPostgres = Boolean(process.env.TEST_DATABASE_URL) && inject('dbKind') === 'postgres';
const ROWS = 12_000;
// A killed server's heartbeat is taken as stale after two seconds (30 by default).
const ENV = { IMPORT_STALE_AFTER_MS: '2000' };

describe.runIf(onPostgres)('a server killed during a large import', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let first: ServerProcess;
  let second: ServerProcess | undefined;
  let database: Database;

  beforeAll(async () => {
    scratch = await scratchDatabase('crash');
    first = await startServerProcess(scratch.url, ENV);
    await first.ready();
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
  }, 120_000);
  afterAll(async () => {
    await first?.kill();
    await second?.stop();
    await database?.close();
    await scratch?.drop();
  });

  const imported = async () =>
    (
      await database.query<{ count: number }>(
        sql`select count(*)::int as count from customers where name like '崩溃测试%'`,
      )
    )[0]?.count ?? 0;

  it('keeps each committed batch with its record, and the next start resumes to the full count', async () => {
    const login = await callProcess(first, 'POST', '/auth/login', { body: PROCESS_ADMIN });
    const token = (login.json() as { token: string }).token;
    const rows = Array.from({ length: ROWS }, (_, i) => [
      `崩溃测试客户${String(i).padStart(5, '0')}`,
      `1390000${String(i).padStart(4, '0')}`,
    ]);
    const { body, contentType } = multipartBody({
      file: Buffer.from(csvText([['公司名称', '电话'], ...rows])),
      fileName: 'big.csv',
      fields: { kind: 'customers' },
    });
    const started = await fetch(`${first.url}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: new Uint8Array(body),
    });
    expect(started.status).toBe(202);
    const id = ((await started.json()) as { id: string }).id;

    // Kill it once at least one batch is in, well before the end.
    const deadline = Date.now() + 60_000;
    let seen = { status: 'queued', processed: 0 };
    while (seen.processed === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = (await callProcess(first, 'GET', `/imports/${id}`, { token })).json() as typeof seen;
    }
    await first.kill();
    expect(seen.status).toBe('running');

    // What the database holds now: the rows of whole batches, and a record saying how many.
    const [record] = await database.query<{ status: string; processed: number; imported: number }>(
      sql`select status, processed, imported from imports where id = ${id}`,
    );
    expect(record?.status).toBe('running');
    expect(record?.processed).toBeGreaterThan(0);
    expect(record?.processed).toBeLessThan(ROWS);
    expect((record?.processed ?? 0) % 1000).toBe(0); // whole batches of 1,000
    expect(await imported()).toBe(record?.imported);

    second = await startServerProcess(scratch.url, ENV);
    await second.ready();
    const finishBy = Date.now() + 120_000;
    let job = { status: 'running', imported: 0, processed: 0, failed: 0 };
    while (job.status !== 'done' && job.status !== 'failed' && Date.now() < finishBy) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = (await callProcess(second, 'GET', `/imports/${id}`, { token })).json() as typeof job;
    }
    expect(job).toMatchObject({ status: 'done', processed: ROWS, imported: ROWS, failed: 0 });
    expect(await imported()).toBe(ROWS);
    const log = second.log();
    expect(log).toContain('found an import left running');
    expect(log).toContain('resuming an import its server left unfinished');
    expect(log).toContain(id);
  }, 240_000); // two server starts and a 12,000-row import: far past the 30 s default
});
