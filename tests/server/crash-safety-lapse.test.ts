import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/client';
import {
  callProcess,
  PROCESS_ADMIN,
  type ServerProcess,
  scratchDatabase,
  startServerProcess,
} from '../setup/serverProcess';

// Crash safety (issue 10): a server SIGKILLed while the lapse job takes a large batch of
// customers back into the pool leaves every customer either lapsed with its ownership event,
// audit row and cancelled tasks, or untouched; the next server to start says the run was left
// unfinished and finishes it. On PostgreSQL (server-pg project).
const onPostgres = Boolean(process.env.TEST_DATABASE_URL) && inject('dbKind') === 'postgres';
// Enough rows that the job's statements run for a while on a loaded two-core machine.
const DUE = 60_000;
const RECENT = 2_000;

describe.runIf(onPostgres)('a server killed during a large lapse run', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let first: ServerProcess;
  let second: ServerProcess | undefined;
  let database: Database;
  let dbName: string;

  beforeAll(async () => {
    scratch = await scratchDatabase('lapsecrash');
    first = await startServerProcess(scratch.url);
    await first.ready();
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    dbName = new URL(scratch.url).pathname.slice(1);
  }, 120_000);
  afterAll(async () => {
    await first?.kill();
    await second?.stop();
    await database?.close();
    await scratch?.drop();
  });

  /** Per customer of the seed: its owner, and the events, audit rows and open tasks it has. */
  const states = () =>
    database.query<{
      recent: boolean;
      owned: boolean;
      events: number;
      audits: number;
      open_tasks: number;
      version: number;
    }>(
      sql`with events as (
          select customer_id, count(*)::int as n from ownership_events where kind = 'lapsed'
          group by customer_id),
        audits as (
          select entity_id, count(*)::int as n from audit_log where action = 'lapse'
          group by entity_id),
        open_tasks as (
          select customer_id, count(*)::int as n from tasks where status = 'open'
          group by customer_id)
        select c.name like '最近客户%' as recent, c.owner_id is not null as owned, c.version,
          coalesce(e.n, 0) as events, coalesce(a.n, 0) as audits, coalesce(t.n, 0) as open_tasks
        from customers c left join events e on e.customer_id = c.id
          left join audits a on a.entity_id = c.id::text
          left join open_tasks t on t.customer_id = c.id
        where c.name like '回收客户%' or c.name like '最近客户%'`,
    );
  /** Counts of each distinct state: a lapse is all of its parts or none of them. */
  const tally = async () => {
    const counts = new Map<string, number>();
    for (const row of await states()) {
      const key = JSON.stringify(row);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return Object.fromEntries(counts);
  };
  const key = (state: Record<string, unknown>) =>
    JSON.stringify({
      recent: state.recent,
      owned: state.owned,
      version: state.version,
      events: state.events,
      audits: state.audits,
      open_tasks: state.open_tasks,
    });
  const untouched = (recent: boolean) =>
    key({ recent, owned: true, version: 1, events: 0, audits: 0, open_tasks: 1 });
  const lapsed = key({
    recent: false,
    owned: false,
    version: 2,
    events: 1,
    audits: 1,
    open_tasks: 0,
  });

  it('leaves no customer half lapsed, and the next start finishes the run', async () => {
    const login = await callProcess(first, 'POST', '/auth/login', { body: PROCESS_ADMIN });
    const token = (login.json() as { token: string }).token;
    const rule = await callProcess(first, 'POST', '/pool/lapse-rules', {
      token,
      body: { name: '30 天未有效沟通', noActivityDays: 30, warnDays: 3 },
    });
    expect(rule.status, rule.text).toBe(201);

    // One rep holding DUE customers claimed 200 days ago (past the rule) and RECENT claimed
    // yesterday, each with an open task: the seed goes straight into the database.
    const [org] = await database.query<{ id: string }>(sql`select id from orgs limit 1`);
    const orgId = org?.id as string;
    const [rep] = await database.query<{ id: string }>(
      sql`insert into users (org_id, id, email, name, role, password_hash)
        values (${orgId}, gen_random_uuid(), 'rep@crash.local', '回收测试销售', 'rep', 'x')
        returning id`,
    );
    await database.db.execute(
      sql`insert into customers (org_id, id, name, name_key, tags, owner_id, claimed_at, created_at)
        select ${orgId}, gen_random_uuid(),
          case when g <= ${DUE} then '回收客户' else '最近客户' end || g, 'kh' || g, '{}',
          ${rep?.id}::uuid,
          now() - case when g <= ${DUE} then interval '200 days' else interval '1 day' end,
          now() - interval '300 days'
        from generate_series(1, ${DUE + RECENT}) g`,
    );
    await database.db.execute(
      sql`insert into tasks (org_id, id, title, due_at, customer_id, assignee_id, created_by)
        select c.org_id, gen_random_uuid(), '回访', now() + interval '1 day', c.id, c.owner_id,
          c.owner_id
        from customers c where c.owner_id = ${rep?.id}::uuid`,
    );
    await database.db.execute(sql`analyze`);
    expect(await tally()).toEqual({ [untouched(false)]: DUE, [untouched(true)]: RECENT });

    // Start the run, and kill the server once the job's statement taking customers back is
    // under way in the database.
    const run = callProcess(first, 'POST', '/test/jobs/lapse/run?force=true', { token }).catch(
      () => null,
    );
    const deadline = Date.now() + 120_000;
    let jobBackend: number | undefined;
    while (jobBackend === undefined && Date.now() < deadline) {
      const [active] = await database.query<{ pid: number }>(
        sql`select pid from pg_stat_activity
          where datname = ${dbName} and state = 'active' and query like '%with lapsed as%'
            and pid <> pg_backend_pid()`,
      );
      jobBackend = active?.pid;
      if (jobBackend === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(jobBackend).toBeDefined();
    await first.kill();
    await run;

    // The backend rolls the job's transaction back once it finds its client gone.
    const gone = Date.now() + 120_000;
    let alive = true;
    while (alive && Date.now() < gone) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [row] = await database.query<{ alive: boolean }>(
        sql`select exists (select 1 from pg_stat_activity where pid = ${jobBackend}) as alive`,
      );
      alive = row?.alive ?? false;
    }
    expect(alive).toBe(false);
    const afterKill = await tally();
    // Nothing but the two whole states: untouched, or lapsed with its event, audit and tasks.
    const whole = [untouched(false), untouched(true), lapsed];
    expect(Object.keys(afterKill).filter((state) => !whole.includes(state))).toEqual([]);
    expect(afterKill[untouched(true)]).toBe(RECENT);
    const [left] = await database.query<{ finished: boolean }>(
      sql`select finished_at is not null as finished from job_runs where job = 'lapse'`,
    );
    expect(left).toEqual({ finished: false });

    second = await startServerProcess(scratch.url);
    await second.ready();
    const finishBy = Date.now() + 180_000;
    let finished = false;
    while (!finished && Date.now() < finishBy) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const [row] = await database.query<{ finished: boolean }>(
        sql`select finished_at is not null as finished from job_runs where job = 'lapse'`,
      );
      finished = row?.finished ?? false;
    }
    expect(finished).toBe(true);
    expect(await tally()).toEqual({ [lapsed]: DUE, [untouched(true)]: RECENT });
    const log = second.log();
    expect(log).toContain('found a scheduled job left unfinished by a stopped server');
    expect(log).toContain('finished a scheduled job a stopped server left unfinished');
  }, 600_000); // a 62,000-customer seed, two server starts and two lapse runs
});
