// Grading, rescoring and the churn-warning report over many customers on PostgreSQL.
// Run: npx tsx bench/grading.ts [customers=100000]
// Uses BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) to create a
// scratch database crm_bench_grading, fills it with set-based SQL, and drops it at the end
// (BENCH_KEEP=1 keeps it for EXPLAIN ANALYZE).
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { bootstrapDatabase } from '../src/server/db/bootstrap';
import { type Database, openDatabase } from '../src/server/db/client';
import { findChurnWarnings } from '../src/server/modules/churn/churn.service';
import { gradeOrg } from '../src/server/modules/grading/gradingRun';
import { recomputeScores } from '../src/server/modules/scoring/scoring.service';

const CUSTOMERS = Number(process.argv[2] ?? 100_000);
const LINES_PER_CUSTOMER = 6;
const TARGET_MS = 10_000;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'crm_bench_grading';

async function withAdmin(statement: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

// CPU time of this process and of the database's server processes (same host only): on a
// busy machine wall time mostly measures waiting for a core, CPU time the work itself.
async function cpuMs(db: { query: Database['query'] }): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  const own = process.cpuUsage();
  times.set('node', (own.user + own.system) / 1000);
  const backends = await db.query<{ pid: number }>(
    sql`select pid from pg_stat_activity where datname = ${NAME}`,
  );
  for (const { pid } of backends) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      times.set(String(pid), (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // a backend on another host or already gone
    }
  }
  return times;
}

let measuredDb: Database;
async function timed<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const before = await cpuMs(measuredDb);
  const start = performance.now();
  const result = await fn();
  const wall = Math.round(performance.now() - start);
  const after = await cpuMs(measuredDb);
  let cpu = 0;
  for (const [key, value] of after) cpu += value - (before.get(key) ?? 0);
  return [result, wall, Math.round(cpu)];
}

await withAdmin(`drop database if exists ${NAME} with (force)`);
await withAdmin(`create database ${NAME}`);
const url = new URL(adminUrl);
url.pathname = `/${NAME}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
measuredDb = database;
try {
  await database.migrate();
  const { orgId } = await bootstrapDatabase(database.db, {
    ...loadConfig({}),
    adminPassword: 'bench-password-1',
  });
  const [, fillMs] = await timed(async () => {
    await database.query(sql`insert into customers (org_id, id, name, name_key, headcount, custom)
      select ${orgId}, gen_random_uuid(), 'Bench customer ' || n, 'bench customer ' || n,
        (n % 300), jsonb_build_object('hasLan', n % 2 = 0, 'soundFinances', n % 3 = 0)
      from generate_series(1, ${CUSTOMERS}) as n`);
    // Revenue spread so every grade occurs; some lines unpaid, some long ago.
    await database.query(sql`insert into sales_lines (org_id, id, customer_id, product, amount_cents,
        order_date, paid_cents, paid_at, due_date, natural_key)
      select ${orgId}, gen_random_uuid(), c.id, 'P' || (k % 9),
        a.amount, a.ordered,
        case when (c.rn + k) % 11 = 0 then 0 else a.amount end,
        case when (c.rn + k) % 11 = 0 then null else a.ordered + 20 end,
        a.ordered + 30,
        c.id::text || '-' || k
      from (select id, row_number() over (order by id) as rn from customers where org_id = ${orgId}) c,
        generate_series(1, ${LINES_PER_CUSTOMER}) as k,
        lateral (select ((c.rn * 7919 + k * 104729) % 400000 + 1000) * 100 as amount,
          current_date - ((k * 37 + c.rn) % 400)::int as ordered) a`);
    await database.query(sql`analyze`);
  });

  const [firstRun, firstMs, firstCpu] = await timed(() =>
    gradeOrg(database.db, orgId, { trigger: 'manual', now: new Date() }),
  );
  const [secondRun, secondMs, secondCpu] = await timed(() =>
    gradeOrg(database.db, orgId, { trigger: 'manual', now: new Date() }),
  );
  const [scores, scoreMs, scoreCpu] = await timed(() => recomputeScores(database.db, orgId));
  const viewer = { id: orgId, orgId, role: 'admin' as const, teamId: null };
  const [churn, churnMs, churnCpu] = await timed(() =>
    findChurnWarnings(
      database.db,
      viewer,
      { limit: 50 },
      { now: new Date(), timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
    ),
  );

  const load = loadavg()[0]?.toFixed(1);
  const rows: [string, string, string, string][] = [
    ['measure', 'wall', 'cpu (node+pg)', 'note'],
    [
      'fill',
      `${fillMs} ms`,
      '',
      `${CUSTOMERS} customers, ${CUSTOMERS * LINES_PER_CUSTOMER} sales lines`,
    ],
    [
      'grading, first run (every grade written, with history)',
      `${firstMs} ms`,
      `${firstCpu} ms`,
      `target < ${TARGET_MS} ms; graded ${firstRun.graded}, changed ${firstRun.changed}, downgraded ${firstRun.downgraded}`,
    ],
    [
      'grading, second run (nothing changes)',
      `${secondMs} ms`,
      `${secondCpu} ms`,
      `changed ${secondRun.changed}`,
    ],
    ['rescoring every customer', `${scoreMs} ms`, `${scoreCpu} ms`, `changed ${scores.changed}`],
    [
      'churn-warning report, admin, first page',
      `${churnMs} ms`,
      `${churnCpu} ms`,
      `flagged per code ${JSON.stringify(churn.counts)}`,
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [measure, wall, cpu, note] of rows) {
    console.log(`${measure.padEnd(width)}  ${wall.padStart(9)}  ${cpu.padStart(13)}  ${note}`);
  }
  console.log(`load average at the end: ${load} on ${cpus().length} cores`);
  const grades = await database.query<{ grade: string; n: number }>(
    sql`select grade, count(*)::int as n from customer_grades group by grade order by grade`,
  );
  console.log('grades:', grades.map((g) => `${g.grade}=${g.n}`).join(' '));
  if (firstMs > TARGET_MS) process.exitCode = 1;
} finally {
  await database.close();
  if (!process.env.BENCH_KEEP) await withAdmin(`drop database if exists ${NAME} with (force)`);
}
