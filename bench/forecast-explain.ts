// Plans of GET /forecast's statements (and the funnel report's with a creation period) on the
// scale benchmark's database, for docs/performance.md. Reads only.
// Run: npx tsx bench/forecast-explain.ts [--who manager1] [--db crm_scale_bench]
//        [--funnel-from 2025-12-15 --funnel-to 2026-12-14] [--deals amount|expectedCloseDate]
//        [--data-dir /tmp/pglite-copy] [--time 5]
// --deals: the forecast page's first 20 deals (GET /forecast/deals) instead of the totals.
// --data-dir: a PGlite directory instead of PostgreSQL (a copy: PGlite opens in one process).
// --time N: no plans; the call N times after a warm-up, each statement's time and the total.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Db, openDatabase } from '../src/server/db/client';
import { getForecast } from '../src/server/modules/forecast/forecast.service';
import { getForecastDeals } from '../src/server/modules/forecast/forecastDeals';
import { getFunnelReport } from '../src/server/modules/reports/funnelReport.service';
import { databaseUrlWithName } from '../tests/setup/databases';
import { BENCH_ADMIN_EMAIL } from './scale/table';

const { values } = parseArgs({
  options: {
    who: { type: 'string', default: 'manager1' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    db: { type: 'string', default: 'crm_scale_bench' },
    'funnel-from': { type: 'string' },
    'funnel-to': { type: 'string' },
    deals: { type: 'string' },
    'data-dir': { type: 'string' },
    time: { type: 'string' },
  },
});
const database = values['data-dir']
  ? await openDatabase({ dataDir: values['data-dir'] })
  : await openDatabase({ databaseUrl: databaseUrlWithName(values.url, values.db), poolSize: 1 });

/** Every statement timed, its first words and milliseconds printed (in transactions too). */
function timing(db: Db, lines: string[]): Db {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'transaction') {
        return (fn: (tx: Db) => Promise<unknown>) =>
          target.transaction((tx) => fn(timing(tx as unknown as Db, lines)));
      }
      if (key !== 'execute') return Reflect.get(target, key, receiver);
      return async (statement: SQL) => {
        const started = performance.now();
        const result = await target.execute(statement);
        const text = new PgDialect().sqlToQuery(statement).sql.trim().replace(/\s+/g, ' ');
        lines.push(
          `  ${(performance.now() - started).toFixed(1).padStart(7)} ms  ${text.slice(0, 80)}`,
        );
        return result;
      };
    },
  });
}

/** The report statements (they start with `with`) under EXPLAIN, in transactions too. */
function explaining(db: Db): Db {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'transaction') {
        return (fn: (tx: Db) => Promise<unknown>) =>
          target.transaction((tx) => fn(explaining(tx as unknown as Db)));
      }
      if (key !== 'execute') return Reflect.get(target, key, receiver);
      return async (statement: SQL) => {
        const text = new PgDialect().sqlToQuery(statement).sql.trim();
        if (!/^with\b/.test(text)) return target.execute(statement);
        const started = performance.now();
        const result = await target.execute(sql`explain (analyze, buffers) ${statement}`);
        const label = text.slice(0, 90).replace(/\s+/g, ' ');
        console.log(`\n=== ${label}… (${(performance.now() - started).toFixed(0)} ms)`);
        for (const row of (result as unknown as { rows: { 'QUERY PLAN': string }[] }).rows)
          console.log(row['QUERY PLAN']);
        return { rows: [] };
      };
    },
  });
}

try {
  const email = values.who === 'admin' ? BENCH_ADMIN_EMAIL : `${values.who}@bench.crm`;
  const [user] = await database.query<{
    id: string;
    org_id: string;
    role: 'admin' | 'manager' | 'rep';
    team_id: string | null;
    time_zone: string;
  }>(sql`select u.id, u.org_id, u.role, u.team_id, o.time_zone from users u
    join orgs o on o.id = u.org_id where u.email = ${email}`);
  if (!user) throw new Error(`no user ${email}`);
  const context = {
    viewer: { id: user.id, orgId: user.org_id, role: user.role, teamId: user.team_id },
    locale: 'zh-CN' as const,
    timeZone: user.time_zone,
  };
  const call = async (db: Db) => {
    if (values['funnel-from'] || values['funnel-to']) {
      await getFunnelReport(db, context, { from: values['funnel-from'], to: values['funnel-to'] });
    } else if (values.deals) {
      const sort = values.deals === 'expectedCloseDate' ? 'expectedCloseDate' : 'amount';
      const order = sort === 'amount' ? 'desc' : 'asc';
      const page = { limit: 20, offset: 0 };
      await getForecastDeals(
        db,
        context,
        { lookbackMonths: 12 },
        { sort, order },
        page,
        new Date(),
      );
    } else {
      await getForecast(db, context, { lookbackMonths: 12 }, new Date());
    }
  };
  if (values.time) {
    for (let run = 0; run <= Number(values.time); run += 1) {
      const lines: string[] = [];
      const started = performance.now();
      await call(timing(database.db, lines));
      const total = (performance.now() - started).toFixed(0);
      console.log(
        `${run === 0 ? 'warm-up' : `run ${run}`}: ${total} ms (load ${loadavg()[0]?.toFixed(1)})`,
      );
      if (run > 0) console.log(lines.join('\n'));
    }
  } else {
    await call(explaining(database.db));
  }
} finally {
  await database.close();
}
