// Forecast benchmark (issue 8): GET /forecast as a rep and as a team manager — the totals, the
// call of both the dashboard and the forecast page — and the page's first page of deals (GET
// /forecast/deals, 20 by amount and by expected close date), and GET /reports/funnel
// with a creation period, over the scale benchmark's PostgreSQL org (1,000,000 customers,
// 1,000,000 deals with their stage history from `crm seed bench`).
// Run: npm run bench -- forecast
//      (or: npx tsx bench/forecast.ts [--url postgres://postgres@127.0.0.1:5432/postgres]
//       [--db crm_scale_bench] [--runs 5] [--only 'text in the measure'])
// It needs a finished seed (`npm run bench -- work-data` makes one) and changes nothing in it.
// Each measure is warmed up once, then timed `runs` times one after another.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { benchSeedMarker } from '../src/cli/seedBench/seedBench';
import { openDatabase } from '../src/server/db/client';
import { databaseUrlWithName } from '../tests/setup/databases';
import { login, percentile, request, startServer } from './scale/http';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD } from './scale/table';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    db: { type: 'string', default: 'crm_scale_bench' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: '' },
  },
});
const load = () => loadavg()[0]?.toFixed(1) ?? '?';
const url = databaseUrlWithName(values.url, values.db);
const runs = Number(values.runs);
const PASSWORD = 'bench-2026-pass';

const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
const marker = await benchSeedMarker(database).catch(() => null);
await database.close();
if (!marker) {
  console.error(`${values.db} holds no finished bench seed: run npm run bench -- work-data first`);
  process.exit(2);
}
console.log(`reusing ${values.db}: ${marker.customers.toLocaleString('en')} customers`);

interface Measure {
  measure: string;
  path: string;
  token: string;
  target: number;
}

/**
 * Periods where the seed's deals are: three whole months in the middle of their creation
 * dates (totals only), and from the 15th of the first month to the 14th of the last (whole
 * months from the totals, two half-months of edge days from the deals).
 */
function periods(first: Date, last: Date) {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth();
  return {
    'three whole months': {
      from: iso(new Date(Date.UTC(y, m + 3, 1))),
      to: iso(new Date(Date.UTC(y, m + 6, 0))),
    },
    'first to last month, 15th to 14th': {
      from: iso(new Date(Date.UTC(y, m, 15))),
      to: iso(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 14))),
    },
  };
}
const probe = await openDatabase({ databaseUrl: url, poolSize: 1 });
const [span] = await probe.query<{ first: Date; last: Date }>(
  sql`select min(created_at) as first, max(created_at) as last from deals`,
);
await probe.close();
if (!span) throw new Error('no deals');

const server = await startServer({ DATABASE_URL: url, BENCH_POOL_SIZE: '10' });
try {
  const base = server.base;
  const api = '/api/v1';
  const tokens = {
    admin: await login(base, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD),
    manager1: await login(base, 'manager1@bench.crm', PASSWORD),
    rep1: await login(base, 'rep1@bench.crm', PASSWORD),
  };
  const measures: Measure[] = [];
  for (const who of ['rep1', 'manager1'] as const) {
    measures.push({
      measure: `GET /forecast (dashboard and page totals), ${who}`,
      path: `${api}/forecast`,
      token: tokens[who],
      target: 1000,
    });
    for (const sort of ['amount', 'expectedCloseDate']) {
      const order = sort === 'amount' ? 'desc' : 'asc';
      measures.push({
        measure: `GET /forecast/deals (page's list, 20 by ${sort} ${order}), ${who}`,
        path: `${api}/forecast/deals?limit=20&sort=${sort}&order=${order}`,
        token: tokens[who],
        target: 1000,
      });
    }
  }
  for (const [label, period] of Object.entries(
    periods(new Date(span.first), new Date(span.last)),
  )) {
    for (const who of ['admin', 'manager1'] as const) {
      measures.push({
        measure: `GET /reports/funnel, ${who}, created ${label} (${period.from}…${period.to})`,
        path: `${api}/reports/funnel?from=${period.from}&to=${period.to}`,
        token: tokens[who],
        target: 500,
      });
    }
  }
  const table: string[][] = [];
  for (const m of measures) {
    if (values.only && !m.measure.includes(values.only)) continue;
    const times: number[] = [];
    for (let run = 0; run <= runs; run += 1) {
      const answer = await request(base, m.path, { token: m.token });
      if (answer.status !== 200)
        throw new Error(`${m.measure}: ${answer.status} ${answer.body.slice(0, 300)}`);
      if (run > 0) times.push(answer.ms); // run 0 warms plans, caches and connections
    }
    const median = percentile(times, 50);
    table.push([
      m.measure,
      `${median.toFixed(0)} ms`,
      `${percentile(times, 95).toFixed(0)} ms`,
      `< ${m.target.toLocaleString('en')} ms ${median < m.target ? 'met' : 'MISSED'}`,
      load(),
    ]);
    console.log(`  ${m.measure}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  }
  const header = ['measure', 'median', 'p95', 'target', 'load'];
  console.log(`\nPostgreSQL ${values.db}, ${runs} runs after one warm-up each; 2 shared cores`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of table) console.log(`| ${row.join(' | ')} |`);
} finally {
  await server.stop();
}
