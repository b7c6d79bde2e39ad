// Plans of the lapse job's statements on the kept bench database (BENCH_KEEP=1 npm run bench -- lapse),
// in a transaction rolled back at the end, so it can be run again on the same data.
// Run: npx tsx bench/lapse-explain.ts [--day 2026-09-03] [--nested] [--db crm_bench_lapse]
//   --nested also prints the plans of statements run inside triggers (auto_explain).
//   --apply runs the job for that day for real (committed, no plans): to reach the next day's state.
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Db, openDatabase } from '../src/server/db/client';
import { lapseOrg } from '../src/server/jobs/lapseJob';
import { databaseUrlWithName } from '../tests/setup/databases';

const { values } = parseArgs({
  options: {
    day: { type: 'string', default: '2026-09-03' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    nested: { type: 'boolean', default: false },
    db: { type: 'string', default: 'crm_bench_lapse' },
    apply: { type: 'boolean', default: false },
    /** Prints each statement with its parameters inlined (for psql) instead of its plan. */
    print: { type: 'boolean', default: false },
  },
});
const now = new Date(`${values.day}T01:00:00Z`);
const database = await openDatabase({
  databaseUrl: databaseUrlWithName(values.url, values.db),
  poolSize: 1,
});
database.pool?.on('connect', (client) => {
  client.on('notice', (notice) => console.log(notice.message));
});
class RolledBack extends Error {}

/** The statement with its $n parameters as SQL literals. */
function inlined(text: string, params: unknown[]): string {
  const literal = (value: unknown): string => {
    if (value === null || value === undefined) return 'null';
    if (value instanceof Date) return `'${value.toISOString()}'`;
    if (Array.isArray(value)) return `array[${value.map(literal).join(', ')}]::text[]`;
    return `'${String(value).replaceAll("'", "''")}'`;
  };
  return text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

/** The job's transaction, with each statement (not the settings) run under EXPLAIN ANALYZE. */
function explaining(tx: Db): Db {
  return new Proxy(tx, {
    get(target, key, receiver) {
      if (key !== 'execute') return Reflect.get(target, key, receiver);
      return async (statement: SQL) => {
        const query = new PgDialect().sqlToQuery(statement);
        const text = query.sql.trimStart();
        if (text.startsWith('set ') || text.startsWith('analyze '))
          return target.execute(statement);
        if (values.print) {
          console.log(`${inlined(text, query.params)};\n`);
          return target.execute(statement);
        }
        const started = performance.now();
        const result = await target.execute(sql`explain (analyze, buffers) ${statement}`);
        console.log(
          `\n=== ${text.slice(0, 60).replace(/\s+/g, ' ')}… (${((performance.now() - started) / 1000).toFixed(2)} s)`,
        );
        for (const row of (result as unknown as { rows: { 'QUERY PLAN': string }[] }).rows)
          console.log(row['QUERY PLAN']);
        return { rows: [] };
      };
    },
  });
}

try {
  const [org] = await database.query<{ id: string; time_zone: string }>(
    sql`select id, time_zone from orgs limit 1`,
  );
  if (!org) throw new Error('no org: run the bench with BENCH_KEEP=1 first');
  if (values.apply) {
    const started = performance.now();
    const summary = await lapseOrg(database.db, { id: org.id, timeZone: 'Asia/Shanghai' }, now);
    console.log(summary, `${((performance.now() - started) / 1000).toFixed(2)} s`);
    process.exit(0);
  }
  const wrapped = new Proxy(database.db, {
    get(target, key, receiver) {
      if (key !== 'transaction') return Reflect.get(target, key, receiver);
      return (fn: (tx: Db) => Promise<unknown>) =>
        target.transaction(async (tx) => {
          if (values.nested) {
            await tx.execute(sql`load 'auto_explain'`);
            await tx.execute(sql`set local auto_explain.log_min_duration = 0`);
            await tx.execute(sql`set local auto_explain.log_analyze = on`);
            await tx.execute(sql`set local auto_explain.log_nested_statements = on`);
            await tx.execute(sql`set local auto_explain.log_level = notice`);
          }
          await fn(explaining(tx));
          throw new RolledBack();
        });
    },
  }) as Db;
  await lapseOrg(wrapped, { id: org.id, timeZone: 'Asia/Shanghai' }, now).catch((error) => {
    if (!(error instanceof RolledBack)) throw error;
  });
} finally {
  await database.close();
}
