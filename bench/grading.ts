// Grading, rescoring and the churn-warning report over many customers on PostgreSQL.
// Run: npx tsx bench/grading.ts [customers=100000]
// Uses BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) to create a
// scratch database crm_bench_grading, fills it with set-based SQL, and drops it at the end
// (BENCH_KEEP=1 keeps it for EXPLAIN ANALYZE).
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { bootstrapDatabase } from '../src/server/db/bootstrap';
import { openDatabase } from '../src/server/db/client';
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

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, Math.round(performance.now() - start)];
}

await withAdmin(`drop database if exists ${NAME} with (force)`);
await withAdmin(`create database ${NAME}`);
const url = new URL(adminUrl);
url.pathname = `/${NAME}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
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

  const [firstRun, firstMs] = await timed(() =>
    gradeOrg(database.db, orgId, { trigger: 'manual', now: new Date() }),
  );
  const [secondRun, secondMs] = await timed(() =>
    gradeOrg(database.db, orgId, { trigger: 'manual', now: new Date() }),
  );
  const [scores, scoreMs] = await timed(() => recomputeScores(database.db, orgId));
  const viewer = { id: orgId, orgId, role: 'admin' as const, teamId: null };
  const [churn, churnMs] = await timed(() =>
    findChurnWarnings(
      database.db,
      viewer,
      { limit: 50 },
      { now: new Date(), timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
    ),
  );

  const rows: [string, string, string][] = [
    [
      'data',
      `${CUSTOMERS} customers, ${CUSTOMERS * LINES_PER_CUSTOMER} sales lines`,
      `${fillMs} ms to fill`,
    ],
    [
      'grading, first run (every grade written, with history)',
      `${firstMs} ms`,
      `target < ${TARGET_MS} ms; graded ${firstRun.graded}, changed ${firstRun.changed}, downgraded ${firstRun.downgraded}`,
    ],
    ['grading, second run (nothing changes)', `${secondMs} ms`, `changed ${secondRun.changed}`],
    [
      'rescoring every customer',
      `${scoreMs} ms`,
      `scored ${scores.scored}, changed ${scores.changed}`,
    ],
    [
      'churn-warning report, admin, first page',
      `${churnMs} ms`,
      `flagged per code ${JSON.stringify(churn.counts)}`,
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [measure, value, note] of rows) {
    console.log(`${measure.padEnd(width)}  ${value.padStart(10)}  ${note}`);
  }
  const grades = await database.query<{ grade: string; n: number }>(
    sql`select grade, count(*)::int as n from customers group by grade order by grade`,
  );
  console.log('grades:', grades.map((g) => `${g.grade}=${g.n}`).join(' '));
  if (firstMs > TARGET_MS) process.exitCode = 1;
} finally {
  await database.close();
  if (!process.env.BENCH_KEEP) await withAdmin(`drop database if exists ${NAME} with (force)`);
}
