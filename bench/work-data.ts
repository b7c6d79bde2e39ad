// Work data benchmark (issue 11): the HTTP calls the work data page makes, and
// GET /reports/activity, over the scale benchmark's PostgreSQL org (1,000,000 customers,
// 10,000,000 activities from `crm seed bench`), reused when its marker is there.
// Run: npm run bench -- work-data
//      (or: npx tsx bench/work-data.ts [--url postgres://postgres@127.0.0.1:5432/postgres]
//       [--db crm_scale_bench] [--customers 1000000] [--runs 5] [--month 2026-11] [--only 'text in the measure'])
// Each measure is warmed up once, then timed `runs` times.
// Without a finished seed it seeds one (`crm seed bench`, half an hour on 2 cores) and keeps it.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchSeedMarker, seedBench } from '../src/cli/seedBench/seedBench';
import { bootstrapDatabase } from '../src/server/db/bootstrap';
import { openDatabase } from '../src/server/db/client';
import { databaseUrlWithName } from '../tests/setup/databases';
import { login, percentile, request, startServer } from './scale/http';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD } from './scale/table';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    db: { type: 'string', default: 'crm_scale_bench' },
    customers: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    month: { type: 'string', default: '2026-11' },
    only: { type: 'string', default: '' },
  },
});
const load = () => loadavg()[0]?.toFixed(1) ?? '?';
const url = databaseUrlWithName(values.url, values.db);
const customers = Number(values.customers);
const runs = Number(values.runs);
const TARGET_MS = 1000;

/** Reuses the scale benchmark's seed of this size, or seeds one. */
async function ensureSeeded(): Promise<void> {
  let database = await openDatabase({ databaseUrl: url, poolSize: 2 }).catch(() => null);
  if (database) {
    const opened = database;
    // The pool connects on first use: a missing database shows up here.
    const marker = await opened
      .migrate()
      .then(() => benchSeedMarker(opened))
      .catch(() => null);
    if (marker?.customers === customers) {
      console.log(
        `reusing ${values.db}: ${customers.toLocaleString('en')} customers seeded ${marker.seededAt}`,
      );
      await database.close();
      return;
    }
    await database.close();
  }
  const admin = new pg.Client({ connectionString: values.url });
  await admin.connect();
  await admin.query(`drop database if exists ${values.db} with (force)`);
  await admin.query(`create database ${values.db}`);
  await admin.end();
  database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    await database.migrate();
    const { orgId } = await bootstrapDatabase(database.db, {
      adminEmail: BENCH_ADMIN_EMAIL,
      adminPassword: BENCH_ADMIN_PASSWORD,
    });
    console.log(`seeding ${customers.toLocaleString('en')} customers (load ${load()})`);
    await seedBench(database, orgId, {
      customers,
      now: new Date(),
      log: (l) => console.log(`  ${l}`),
    });
  } finally {
    await database.close();
  }
}

/** The first and last day of the month `yyyy-mm`, and of the quarter (three months) ending with it. */
function periods(month: string) {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const day = (y: number, mm: number, d: number) =>
    new Date(Date.UTC(y, mm - 1, d)).toISOString().slice(0, 10);
  const last = day(year, m + 1, 0);
  return {
    month: { from: day(year, m, 1), to: last },
    quarter: { from: day(year, m - 2, 1), to: last },
  };
}

const qs = (params: Record<string, string | undefined>) =>
  `?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString()}`;

interface Measure {
  measure: string;
  /** The calls made at once (the page fires its queries together); the figure is all of them. */
  paths: string[];
  token: string;
}

async function timeOnce(base: string, m: Measure): Promise<number> {
  const started = performance.now();
  const answers = await Promise.all(m.paths.map((path) => request(base, path, { token: m.token })));
  for (const answer of answers) {
    if (answer.status !== 200)
      throw new Error(`${m.measure}: ${answer.status} ${answer.body.slice(0, 300)}`);
  }
  return performance.now() - started;
}

await ensureSeeded();
const server = await startServer({ DATABASE_URL: url, BENCH_POOL_SIZE: '10' });
try {
  const base = server.base;
  const api = '/api/v1';
  const adminToken = await login(base, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
  const managerToken = await login(base, 'manager1@bench.crm', 'bench-2026-pass');
  const me = JSON.parse((await request(base, `${api}/me`, { token: managerToken })).body);
  const teamId: string | undefined = me.teamId ?? me.user?.teamId;
  if (!teamId) throw new Error(`manager1 has no team: ${JSON.stringify(me).slice(0, 200)}`);
  const measures: Measure[] = [];
  for (const [label, period] of Object.entries(periods(values.month))) {
    // What WorkDataPage fires on open: the report, the signals, the unfiltered report for the
    // people and team pickers (the same query as the first for an admin's whole org, so cached)
    // and the targets card.
    measures.push({
      measure: `work data page, admin, whole org, ${label} (${period.from}…${period.to})`,
      paths: [
        `${api}/reports/work-data${qs(period)}`,
        `${api}/reports/signals${qs(period)}`,
        `${api}/activity-targets`,
      ],
      token: adminToken,
    });
    measures.push({
      measure: `work data page, manager1, own team, ${label}`,
      paths: [
        `${api}/reports/work-data${qs({ ...period, teamId })}`,
        `${api}/reports/signals${qs({ ...period, teamId })}`,
        `${api}/reports/work-data${qs(period)}`,
        `${api}/activity-targets`,
      ],
      token: managerToken,
    });
    for (const [who, token, extra] of [
      ['admin, whole org', adminToken, {}],
      ['manager1, own team', managerToken, { teamId }],
    ] as const) {
      measures.push({
        measure: `  GET /reports/work-data, ${who}, ${label}`,
        paths: [`${api}/reports/work-data${qs({ ...period, ...extra })}`],
        token,
      });
      measures.push({
        measure: `  GET /reports/signals, ${who}, ${label}`,
        paths: [`${api}/reports/signals${qs({ ...period, ...extra })}`],
        token,
      });
      measures.push({
        measure: `GET /reports/activity, ${who}, ${label}`,
        paths: [`${api}/reports/activity${qs({ ...period, ...extra })}`],
        token,
      });
    }
  }
  const only = values.only;
  const table: string[][] = [];
  for (const m of measures) {
    if (only && !m.measure.includes(only)) continue;
    await timeOnce(base, m); // warm-up: plans, caches, the pool's connections
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) times.push(await timeOnce(base, m));
    const median = percentile(times, 50);
    const p95 = percentile(times, 95);
    table.push([
      m.measure,
      `${median.toFixed(0)} ms`,
      `${p95.toFixed(0)} ms`,
      `< 1,000 ms ${p95 < TARGET_MS ? 'met' : median < TARGET_MS ? 'median met, p95 MISSED' : 'MISSED'}`,
      load(),
    ]);
    console.log(`  ${m.measure}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  }
  const header = ['measure', 'median', 'p95', 'target', 'load'];
  console.log(
    `\nPostgreSQL ${values.db}, ${customers.toLocaleString('en')} customers, ${runs} runs after one warm-up each; 2 shared cores`,
  );
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of table) console.log(`| ${row.join(' | ')} |`);
} finally {
  await server.stop();
}
