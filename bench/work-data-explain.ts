// EXPLAIN (ANALYZE, BUFFERS) of every statement the work data report runs (issue 11), one at a
// time, for the admin's whole org or a team over a period, on the bench database.
// Run: npx tsx bench/work-data-explain.ts [--db crm_scale_bench] [--from 2026-09-01]
//      [--to 2026-11-30] [--team <team id>] [--plans]
// Prints each statement's execution time (its first words name it) and, with --plans, the
// plan. The report itself still runs: every statement is explained, then run for its rows.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openDatabase, queryRows } from '../src/server/db/client';
import { workDataReport } from '../src/server/modules/workData/workDataReport.service';
import { databaseUrlWithName } from '../tests/setup/databases';
import { BENCH_ADMIN_EMAIL } from './scale/table';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    db: { type: 'string', default: 'crm_scale_bench' },
    from: { type: 'string', default: '2026-09-01' },
    to: { type: 'string', default: '2026-11-30' },
    team: { type: 'string' },
    plans: { type: 'boolean', default: false },
  },
});

const dialect = new PgDialect();
const database = await openDatabase({
  databaseUrl: databaseUrlWithName(values.url, values.db),
  poolSize: 2,
});
try {
  const [admin] = await database.query<{ id: string; org_id: string; time_zone: string }>(
    sql`select u.id, u.org_id, o.time_zone from users u join orgs o on o.id = u.org_id
      where u.email = ${BENCH_ADMIN_EMAIL}`,
  );
  if (!admin) throw new Error(`no ${BENCH_ADMIN_EMAIL} in ${values.db}`);
  const real = database.db;
  const timings: { ms: number; statement: string }[] = [];
  // One statement at a time: the report fires them together, their plans are read alone.
  let turn = Promise.resolve();
  const explaining = new Proxy(real, {
    get(target, key, receiver) {
      if (key !== 'execute') return Reflect.get(target, key, receiver);
      return (statement: Parameters<typeof real.execute>[0]) => {
        const run = turn.then(async () => {
          const plan = await queryRows<{ 'QUERY PLAN': string }>(
            real,
            sql`explain (analyze, buffers) ${statement}`,
          );
          const lines = plan.map((row) => row['QUERY PLAN']);
          const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.at(-1) ?? '')?.[1] ?? 'NaN');
          const text = dialect.sqlToQuery(statement as never).sql;
          timings.push({ ms, statement: text.replace(/\s+/g, ' ').slice(0, 100) });
          if (values.plans) console.log(`\n${text.slice(0, 300)}\n${lines.join('\n')}`);
          return real.execute(statement);
        });
        turn = run.then(
          () => undefined,
          () => undefined,
        );
        return run;
      };
    },
  });
  const started = performance.now();
  await workDataReport(
    explaining,
    { id: admin.id, orgId: admin.org_id, role: 'admin', teamId: null },
    { from: values.from, to: values.to, teamId: values.team },
    admin.time_zone,
  );
  console.log(
    `\n${values.db}, ${values.team ? `team ${values.team}` : 'whole org'}, ${values.from}…${values.to}` +
      ` (explained and run one by one in ${Math.round(performance.now() - started)} ms)`,
  );
  for (const { ms, statement } of timings.sort((a, b) => b.ms - a.ms)) {
    console.log(`${ms.toFixed(1).padStart(9)} ms  ${statement}`);
  }
} finally {
  await database.close();
}
