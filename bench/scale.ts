// Scale benchmark (issue 9): builds or reuses a 1,000,000-customer org on PostgreSQL and a
// 100,000-customer one on PGlite (`crm seed bench`), warms up, and prints one table.
// Run: npm run bench -- scale      (or: npx vite build --outDir /tmp/web-scale &&
//      WEB_DIST_DIR=/tmp/web-scale npx tsx bench/scale.ts [--customers 1000000] [--pglite-customers 100000]
//      [--url postgres://postgres@127.0.0.1:5432/postgres] [--db crm_scale_bench]
//      [--pglite-dir /tmp/crm-scale-pglite] [--clients 50] [--seconds 20] [--skip pg,pglite,web,api] [--plans])
// --skip api: on PostgreSQL only the web measures (bundle, dashboard), not the list and search runs.
// The databases are kept for the next run (a marker on the customers table says a seed
// finished); drop them with: dropdb -h 127.0.0.1 -U postgres crm_scale_bench; rm -rf /tmp/crm-scale-pglite
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchSeedMarker, seedBench } from '../src/cli/seedBench/seedBench';
import { bootstrapDatabase } from '../src/server/db/bootstrap';
import { openDatabase } from '../src/server/db/client';
import { databaseUrlWithName } from '../tests/setup/databases';
import { dashboardReadyMs, javascriptKb, launchBrowser, newContext } from './scale/browser';
import { percentile, startServer } from './scale/http';
import { pageMeasures } from './scale/pageMeasures';
import { postgresMeasures } from './scale/postgresMeasures';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, printTable, type Row } from './scale/table';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    'pglite-customers': { type: 'string', default: '100000' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    db: { type: 'string', default: 'crm_scale_bench' },
    'pglite-dir': { type: 'string', default: '/tmp/crm-scale-pglite' },
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    skip: { type: 'string', default: '' },
    plans: { type: 'boolean', default: false },
  },
});
const skip = new Set(values.skip.split(',').filter(Boolean));
const webDistDir = process.env.WEB_DIST_DIR ? path.resolve(process.env.WEB_DIST_DIR) : undefined;
const load = () => loadavg()[0]?.toFixed(1) ?? '?';
const log = (line: string) => console.log(`  ${line}`);

/** Opens the database, and seeds it unless a finished seed of the same size is there. */
async function ensureSeeded(
  open: () => Promise<Awaited<ReturnType<typeof openDatabase>>>,
  customers: number,
  reset: () => Promise<void>,
  label: string,
): Promise<void> {
  let database = await open();
  try {
    // The pool connects on first use: a missing database (a new machine) shows up here.
    const marker = await database
      .migrate()
      .then(() => benchSeedMarker(database))
      .catch(() => null);
    if (marker?.customers === customers) {
      console.log(
        `${label}: reusing ${customers.toLocaleString('en')} customers seeded ${marker.seededAt}`,
      );
      return;
    }
    await database.close();
    await reset();
    database = await open();
    await database.migrate();
    const { orgId } = await bootstrapDatabase(database.db, {
      adminEmail: BENCH_ADMIN_EMAIL,
      adminPassword: BENCH_ADMIN_PASSWORD,
    });
    console.log(`${label}: seeding ${customers.toLocaleString('en')} customers (load ${load()})`);
    const result = await seedBench(database, orgId, { customers, now: new Date(), log });
    console.log(
      `${label}: seeded in ${result.seconds.toFixed(0)} s: ${JSON.stringify(result.counts)}`,
    );
  } finally {
    await database.close();
  }
}

const rows: Row[] = [];
const customers = Number(values.customers);
const pgliteCustomers = Number(values['pglite-customers']);
const pgUrl = databaseUrlWithName(values.url, values.db);

if (!skip.has('pg')) {
  await ensureSeeded(
    () => openDatabase({ databaseUrl: pgUrl, poolSize: 2 }),
    customers,
    async () => {
      const admin = new pg.Client({ connectionString: values.url });
      await admin.connect();
      await admin.query(`drop database if exists ${values.db} with (force)`);
      await admin.query(`create database ${values.db}`);
      await admin.end();
    },
    `PostgreSQL ${values.db}`,
  );
  const measured = skip.has('api')
    ? await startServer({
        DATABASE_URL: pgUrl,
        ...(webDistDir ? { WEB_DIST_DIR: webDistDir } : {}),
      }).then((server) => ({ rows: [], plans: {}, base: server.base, stop: server.stop }))
    : await postgresMeasures(pgUrl, {
        clients: Number(values.clients),
        seconds: Number(values.seconds),
        webDistDir,
      });
  rows.push(
    ...measured.rows.map((row) => ({ ...row, measure: `PG ${customers / 1e6}M: ${row.measure}` })),
  );
  if (values.plans) {
    for (const [name, plan] of Object.entries(measured.plans)) console.log(`\n-- ${name}\n${plan}`);
  }
  if (!skip.has('web') && webDistDir) {
    const browser = await launchBrowser();
    try {
      const loginPage = await (await newContext(browser, measured.base)).newPage();
      const loginKb = await javascriptKb(loginPage, '/login', 'form');
      const home = await (
        await newContext(browser, measured.base, {
          email: 'manager1@bench.crm',
          password: 'bench-2026-pass',
        })
      ).newPage();
      const homeKb = await javascriptKb(home, '/my-day', '[data-drawn="true"]');
      for (const [label, kb] of [
        ['login page', loginKb],
        ['dashboard (My day)', homeKb],
      ] as const) {
        rows.push({
          measure: `web: JavaScript loaded for the ${label}, gzipped`,
          value: `${kb.toFixed(0)} KB`,
          target: '< 350 KB',
          ratio: kb / 350,
          load: load(),
        });
      }
      for (const email of ['manager1@bench.crm', 'rep1@bench.crm']) {
        const page = await (
          await newContext(browser, measured.base, { email, password: 'bench-2026-pass' })
        ).newPage();
        await dashboardReadyMs(page);
        const times: number[] = [];
        for (let run = 0; run < 5; run += 1) times.push(await dashboardReadyMs(page));
        console.log(`dashboard ${email}: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`);
        const drawn = times.filter((ms) => !Number.isNaN(ms));
        const median = percentile(drawn, 50);
        rows.push({
          measure: `web: dashboard ready (navigation → chart drawn), ${email.split('@')[0]}, PG ${customers / 1e6}M, median of ${drawn.length} drawn of 5`,
          value: drawn.length > 0 ? `${median.toFixed(0)} ms` : 'not drawn in 30 s',
          target: '< 1,500 ms',
          ratio: drawn.length > 0 ? median / 1500 : Number.POSITIVE_INFINITY,
          load: load(),
        });
      }
    } finally {
      await browser.close();
      // Also when a measure throws: a server left running keeps load on the shared machine.
      await measured.stop();
    }
  } else {
    await measured.stop();
  }
}

if (!skip.has('pglite')) {
  const dataDir = path.resolve(values['pglite-dir']);
  await ensureSeeded(
    () => openDatabase({ dataDir }),
    pgliteCustomers,
    async () => rmSync(dataDir, { recursive: true, force: true }),
    `PGlite ${dataDir}`,
  );
  if (webDistDir) rows.push(...(await pageMeasures(dataDir, webDistDir, pgliteCustomers)));
  else console.log('PGlite pages: skipped, they need WEB_DIST_DIR (a web build)');
}

printTable(rows);
console.log(
  '\nMeasured elsewhere: funnel report (npm run bench -- funnel-report), lapse job (-- lapse),',
  'grading (-- grading), sales import (-- import-sales). docs/performance.md has the figures.',
);
if (rows.some((row) => row.ratio !== null && row.ratio > 1)) process.exitCode = 1;
