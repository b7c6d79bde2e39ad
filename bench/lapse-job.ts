// Times the daily lapse job (回收) over a large org on PostgreSQL.
// Run: npx tsx bench/lapse-job.ts [--customers 1000000] [--url postgres://postgres@127.0.0.1:5432/postgres]
// Creates (and afterwards drops) its own database, crm_bench_lapse, on that server.
// BENCH_KEEP=1 (or --keep) keeps it afterwards, as the last run left it, for EXPLAIN.
// BENCH_REUSE=1 also keeps a copy of the seeded database before any run (crm_bench_lapse_seed)
// and, when that copy exists for the same size, clones it instead of seeding (migrations still
// run on the clone, so a new migration is measured without the minutes of seeding).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { bootstrapDatabase } from '../src/server/db/bootstrap';
import { openDatabase } from '../src/server/db/client';
import { lapseOrg } from '../src/server/jobs/lapseJob';
import {
  rebuildActivityDayCounts,
  rebuildCustomerContactBlocks,
  rebuildFirstActivities,
} from '../src/server/modules/workData/activityDerived';
import { databaseUrlWithName } from '../tests/setup/databases';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    keep: { type: 'boolean', default: false },
    /** No parallel workers, so the CPU time measured on the one backend is the whole cost. */
    serial: { type: 'boolean', default: false },
  },
});
const CUSTOMERS = Number(values.customers);
const REPS = 400;
const TEAMS = 20;
const NAME = 'crm_bench_lapse';
const SEED_COPY = `${NAME}_seed`;
const REUSE = Boolean(process.env.BENCH_REUSE);
const KEEP = values.keep || REUSE || Boolean(process.env.BENCH_KEEP);
const DAY = 86_400_000;
const now = new Date('2026-09-01T01:00:00Z'); // 09:00 in Shanghai

let backendPid = 0;
/** CPU seconds the database backend has used (the server runs on this machine). */
function backendCpu(): number {
  if (!backendPid) return 0;
  const fields = readFileSync(`/proc/${backendPid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const cpuBefore = backendCpu();
  const result = await fn();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const cpu = (backendCpu() - cpuBefore).toFixed(2);
  // Other processes share this machine's cores: the load says how much of them we had, and
  // the backend's CPU time what the work itself cost.
  console.log(
    `${label.padEnd(44)} ${seconds.padStart(8)} s wall  ${cpu.padStart(7)} s db cpu  (load ${loadavg()[0]?.toFixed(1)})`,
  );
  return result;
}

const admin = new pg.Client({ connectionString: values.url });
await admin.connect();
const url = databaseUrlWithName(values.url, NAME);

/** The seeded copy's customer count, or null when there is none to reuse. */
async function seededCopySize(): Promise<number | null> {
  const found = await admin.query('select 1 from pg_database where datname = $1', [SEED_COPY]);
  if (found.rowCount === 0) return null;
  const copy = new pg.Client({ connectionString: databaseUrlWithName(values.url, SEED_COPY) });
  await copy.connect();
  try {
    const { rows } = await copy.query('select count(*)::int as n from customers');
    return rows[0]?.n ?? null;
  } finally {
    await copy.end();
  }
}

/** A file copy, not WAL-logged: a million customers copy in seconds. */
const cloneDatabase = (from: string, to: string) =>
  admin.query(`create database ${to} template ${from} strategy file_copy`);

await admin.query(`drop database if exists ${NAME} with (force)`);
const reuse = REUSE && (await seededCopySize()) === CUSTOMERS;
if (reuse) {
  await timed(`clone ${SEED_COPY}`, () => cloneDatabase(SEED_COPY, NAME));
} else {
  await admin.query(`create database ${NAME}`);
  if (values.serial)
    await admin.query(`alter database ${NAME} set max_parallel_workers_per_gather = 0`);
}
const migrator = await openDatabase({ databaseUrl: url });
await migrator.migrate();
await migrator.close();
if (!reuse) {
  // One connection, so every statement runs on the backend whose CPU time is measured.
  const seeder = await openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    await seed(seeder);
  } finally {
    await seeder.close();
  }
  backendPid = 0; // the seeding backend has gone
  if (REUSE) {
    await admin.query(`drop database if exists ${SEED_COPY} with (force)`);
    await timed(`copy to ${SEED_COPY}`, () => cloneDatabase(NAME, SEED_COPY));
  }
}

/** The org, teams, reps, customers and their facts; settled as autovacuum would leave them. */
async function seed(database: Awaited<ReturnType<typeof openDatabase>>) {
  const [backend] = await database.query<{ pid: number }>(sql`select pg_backend_pid() as pid`);
  backendPid = backend?.pid ?? 0;
  const { orgId } = await bootstrapDatabase(database.db, {
    adminEmail: 'bench@example.com',
    adminPassword: 'bench-password',
  });
  const q = (statement: ReturnType<typeof sql>) => database.query(statement);

  // Seeding a million rows through the trigram and other secondary indexes takes many minutes;
  // drop them for the seed and build them afterwards, so the job runs on the real schema.
  const secondary = await q(sql`select i.relname as name, pg_get_indexdef(i.oid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    where t.relname in ('customers', 'customer_search', 'activities', 'deals', 'stage_history',
        'ownership_events')
      and not x.indisprimary
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`);
  for (const index of secondary) await q(sql.raw(`drop index "${index.name}"`));

  await timed(`seed ${TEAMS} teams, ${REPS} reps`, async () => {
    await q(sql`insert into teams (org_id, id, name)
      select ${orgId}, gen_random_uuid(), 'Team ' || g from generate_series(1, ${TEAMS}) g`);
    await q(sql`insert into users (org_id, id, email, name, role, team_id, password_hash)
      select ${orgId}, gen_random_uuid(), 'rep' || g || '@bench.local', 'Rep ' || g, 'rep',
        (select id from teams order by id offset (g % ${TEAMS}) limit 1), 'x'
      from generate_series(1, ${REPS}) g`);
  });

  // 90% owned, claimed 0–120 days ago; the rest in the pool.
  await timed(`seed ${CUSTOMERS.toLocaleString('en')} customers`, () =>
    q(sql`with reps as (select id, row_number() over (order by id) - 1 as n from users where role = 'rep')
      insert into customers (org_id, id, name, name_key, province, city, tags, owner_id, team_id,
        claimed_at, created_at)
      select ${orgId}, gen_random_uuid(), '客户 ' || g, 'kh' || g,
        (array['浙江','江苏','广东','上海'])[1 + g % 4], null, '{}',
        case when g % 10 <> 0 then r.id end,
        case when g % 10 <> 0 then u.team_id end,
        case when g % 10 <> 0 then ${now}::timestamptz - (g % 120) * interval '1 day' end,
        ${now}::timestamptz - interval '200 days'
      from generate_series(1, ${CUSTOMERS}) g
      join reps r on r.n = g % ${REPS}
      join users u on u.id = r.id`),
  );
  // Grades A–D on four customers in five (customer g's from its name '客户 g').
  await timed('seed grades', () =>
    q(sql`insert into customer_grades (org_id, customer_id, grade)
      select org_id, id, (array['A','B','C','D'])[1 + split_part(name, ' ', 2)::int % 5]
      from customers where split_part(name, ' ', 2)::int % 5 <> 4`),
  );

  // Most owners worked their customers lately: one effective call each, 0–45 days ago,
  // plus a non-effective note on every third customer.
  // Loaded with the activity triggers off (their per-statement upkeep of 1.2 M rows at once
  // takes far longer than the rebuild), then what they keep is rebuilt for the org.
  await timed('seed activities', async () => {
    await q(sql`alter table activities disable trigger user`);
    await q(sql`insert into activities (org_id, id, customer_id, user_id, type, occurred_at, summary, effective)
      select c.org_id, gen_random_uuid(), c.id, c.owner_id, 'call',
        ${now}::timestamptz - ((abs(hashtext(c.id::text)) % 46) * interval '1 day'), 'call', true
      from customers c where c.owner_id is not null
      union all
      select c.org_id, gen_random_uuid(), c.id, c.owner_id, 'wechat', ${now}::timestamptz, 'note', false
      from customers c where c.owner_id is not null and abs(hashtext(c.id::text)) % 3 = 0`);
    await q(sql`alter table activities enable trigger user`);
    await q(rebuildFirstActivities(orgId));
    for (const statement of rebuildActivityDayCounts(orgId)) await q(statement);
    await q(rebuildCustomerContactBlocks(orgId));
  });

  // A fifth of owned customers have a deal in one funnel: most open, some won, with history.
  const [funnel] = await q(sql`insert into funnels (org_id, id, name, stages)
    values (${orgId}, gen_random_uuid(), '{"zh-CN":"六步","en":"Six step"}', '[]') returning id`);
  await timed('seed deals and stage history', async () => {
    await q(sql`insert into deals (org_id, id, customer_id, funnel_id, name, amount_cents, stage_key,
        stage_entered_at, probability, status, owner_id)
      select c.org_id, gen_random_uuid(), c.id, ${funnel?.id}, 'deal', 1000000,
        (array['potential','intent','order'])[1 + abs(hashtext(c.id::text)) % 3],
        ${now}::timestamptz - interval '30 days', 40,
        case when abs(hashtext(c.id::text)) % 7 = 0 then 'won' else 'open' end, c.owner_id
      from customers c where c.owner_id is not null and abs(hashtext(c.id::text)) % 5 = 0`);
    await q(sql`insert into stage_history (org_id, id, customer_id, deal_id, funnel_id, to_stage_key,
        direction, at, by_user_id)
      select d.org_id, gen_random_uuid(), d.customer_id, d.id, d.funnel_id, d.stage_key, 'forward',
        ${now}::timestamptz - ((abs(hashtext(d.id::text)) % 90) * interval '1 day'), d.owner_id
      from deals d`);
  });

  await timed('rules: org, two teams, one funnel', async () => {
    await q(sql`insert into lapse_rules (org_id, id, name, no_activity_days, warn_days)
      values (${orgId}, gen_random_uuid(), '30 天未有效沟通', 30, 3)`);
    await q(sql`insert into lapse_rules (org_id, id, name, team_id, no_activity_days, warn_days, exempt_grades)
      select ${orgId}, gen_random_uuid(), 'Team rule ' || t.name, t.id, 40, 5, '{A}'
      from (select * from teams order by id limit 2) t`);
    await q(sql`insert into lapse_rules (org_id, id, name, funnel_id, no_activity_days, no_progress_days,
        warn_days, exempt_stage_keys)
      values (${orgId}, gen_random_uuid(), 'Funnel: 60 days without progress', ${funnel?.id}, 45, 60, 7, '{order}')`);
  });
  await timed(`rebuild ${secondary.length} secondary indexes`, async () => {
    for (const index of secondary) await q(sql.raw(String(index.definition)));
  });
  // A settled table, as autovacuum would leave it (hint bits set, statistics fresh).
  await timed('vacuum analyze', () => q(sql`vacuum analyze`));
}

// One connection, so every statement runs on the backend whose CPU time is measured.
const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
try {
  const [backend] = await database.query<{ pid: number }>(sql`select pg_backend_pid() as pid`);
  backendPid = backend?.pid ?? 0;
  const [found] = await database.query<{ id: string }>(sql`select id from orgs limit 1`);
  const orgId = String(found?.id);
  const org = { id: orgId, timeZone: 'Asia/Shanghai' };
  const first = await timed('lapse job, first run', () => lapseOrg(database.db, org, now));
  console.log('   ', first);
  const second = await timed('lapse job, second run (nothing left to do)', () =>
    lapseOrg(database.db, org, now),
  );
  console.log('   ', second);
  const tomorrow = new Date(now.getTime() + DAY);
  const third = await timed('lapse job, next day', () => lapseOrg(database.db, org, tomorrow));
  console.log('   ', third);
} finally {
  await database.close();
  if (!KEEP) await admin.query(`drop database if exists ${NAME} with (force)`);
  await admin.end();
}
