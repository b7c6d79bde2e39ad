import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/client';
import { insertMember } from '../setup/members';
import {
  callProcess,
  PROCESS_ADMIN,
  type ServerProcess,
  scratchDatabase,
  startServerProcess,
} from '../setup/serverProcess';

// Several servers (issue 10): two real `crm start` processes on different ports against one
// PostgreSQL database behave as one. Runs in the server-pg project (TEST_DATABASE_URL set, as
// in CI); PGlite is one process by nature.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL) && inject('dbKind') === 'postgres';

describe.runIf(onPostgres)('two server processes on one PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let database: Database;
  let orgId: string;
  let adminToken: string;

  beforeAll(async () => {
    scratch = await scratchDatabase('multi');
    // Started together: migrations and the first admin are each taken under an advisory lock.
    [a, b] = await Promise.all([startServerProcess(scratch.url), startServerProcess(scratch.url)]);
    await Promise.all([a.ready(), b.ready()]);
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 3 });
    const [org] = await database.query<{ id: string }>(sql`select id from orgs`);
    orgId = org?.id as string;
    const login = await callProcess(a, 'POST', '/auth/login', { body: PROCESS_ADMIN });
    expect(login.status).toBe(200);
    adminToken = (login.json() as { token: string }).token;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
    await scratch?.drop();
  });

  it('made one org and one admin, though both started at once', async () => {
    const [counts] = await database.query<{ orgs: number; admins: number }>(
      sql`select (select count(*)::int from orgs) as orgs,
        (select count(*)::int from users where role = 'admin') as admins`,
    );
    expect(counts).toEqual({ orgs: 1, admins: 1 });
  });

  it('takes a session made on one server on the other, by token and by cookie', async () => {
    const onB = await callProcess(b, 'GET', '/me', { token: adminToken });
    expect(onB.status).toBe(200);
    expect((onB.json() as { email: string }).email).toBe(PROCESS_ADMIN.email);

    const login = await callProcess(b, 'POST', '/auth/login', { body: PROCESS_ADMIN });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^crm_session=/);
    expect((await callProcess(a, 'GET', '/me', { headers: { cookie } })).status).toBe(200);
    // Logged out on A: gone on B too.
    const logout = await callProcess(a, 'POST', '/auth/logout', {
      headers: { cookie, origin: a.url },
    });
    expect(logout.status).toBe(204);
    expect((await callProcess(b, 'GET', '/me', { headers: { cookie } })).status).toBe(401);
  });

  it('gives one pool customer to exactly one of 20 reps claiming at once on both', async () => {
    const [customer] = await database.query<{ id: string }>(
      sql`insert into customers (org_id, id, name, name_key, pooled_at)
        values (${orgId}, gen_random_uuid(), '抢手客户', 'qiangshou', now()) returning id`,
    );
    const reps: { id: string; token: string }[] = [];
    for (let i = 0; i < 20; i += 1) {
      const { id, token } = await insertMember(database.db, orgId, {
        email: `rep${i}@multi.local`,
        name: `销售${i}`,
        now: new Date(),
      });
      reps.push({ id, token });
    }
    const statuses = await Promise.all(
      reps.map(async (rep, i) => {
        const server = i % 2 === 0 ? a : b;
        const response = await callProcess(server, 'POST', `/customers/${customer?.id}/claim`, {
          token: rep.token,
        });
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const [after] = await database.query<{ owner_id: string; claims: number; audited: number }>(
      sql`select c.owner_id,
          (select count(*)::int from ownership_events e
            where e.customer_id = c.id and e.kind = 'claimed') as claims,
          (select count(*)::int from audit_log l
            where l.entity_id = c.id::text and l.action = 'claim') as audited
        from customers c where c.id = ${customer?.id}`,
    );
    const winner = reps[statuses.indexOf(200)];
    expect(after).toEqual({ owner_id: winner?.id, claims: 1, audited: 1 });
  });

  it('runs a scheduled job once for the day, though asked on both at once', async () => {
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        callProcess(i % 2 === 0 ? a : b, 'POST', '/test/jobs/lapse/run?force=false', {
          token: adminToken,
        }),
      ),
    );
    expect(runs.map((run) => run.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const worked = runs
      .flatMap((run) => (run.json() as { orgs: { skipped: boolean }[] }).orgs)
      .filter((org) => !org.skipped);
    expect(worked).toHaveLength(1);
    const [recorded] = await database.query<{ count: number }>(
      sql`select count(*)::int as count from job_runs where job = 'lapse'`,
    );
    expect(recorded?.count).toBe(1);
  });
});
