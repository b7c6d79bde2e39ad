// The slowest page calls of the PGlite crawl (bench/scale/pageMeasures.ts), timed alone on a
// copy of its 100k-customer database: each call median of 3 after a warm-up, as the crawl does,
// without the browser. For before/after pairs on one copy (docs/performance.md, issue 9).
// Run: cp -r /tmp/crm-scale-pglite /tmp/pglite-mine &&
//      flock /tmp/crm-bench.lock npx tsx bench/page-calls.ts /tmp/pglite-mine [runs=3]
// A PGlite directory opens in one process at a time: not the shared one while a bench runs.
import { loadavg } from 'node:os';
import { zonedDay } from '../src/domain/format/dates';
import { periodContaining } from '../src/domain/reports/leakRate';
import { login, percentile, request, sequential, startServer } from './scale/http';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD } from './scale/table';

const dataDir = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
if (!dataDir) throw new Error('usage: tsx bench/page-calls.ts <PGlite data dir> [runs]');

const VIEWERS = [
  ['admin', BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD],
  ['manager', 'manager1@bench.crm', 'bench-2026-pass'],
  ['rep', 'rep1@bench.crm', 'bench-2026-pass'],
] as const;

async function getJson(base: string, token: string, path: string) {
  const answer = await request(base, path, { token });
  if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body);
}

const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
try {
  const tokens = Object.fromEntries(
    await Promise.all(
      VIEWERS.map(async ([who, email, password]) => [
        who,
        await login(server.base, email, password),
      ]),
    ),
  ) as Record<(typeof VIEWERS)[number][0], string>;
  // As the pages pick them: the board's first deal funnel, the rep's first listed customer
  // (the crawl's customer page), the semi-monthly period of today (UTC day; the seed's zone).
  const funnels = await getJson(
    server.base,
    tokens.admin,
    '/api/v1/funnels?limit=500&purpose=deals',
  );
  const funnelId = funnels.items[0].id;
  const customer = (await getJson(server.base, tokens.rep, '/api/v1/customers?limit=1')).items[0];
  const period = periodContaining(zonedDay(new Date(), 'Asia/Shanghai')).key;
  const board = `/api/v1/deals/board?funnelId=${funnelId}&limit=20&locale=zh-CN`;
  const calls: [keyof typeof tokens, string][] = [
    ['rep', '/api/v1/me/day'],
    ['rep', `/api/v1/customers/${customer.id}/timeline?limit=30`],
    ['admin', board],
    ['manager', board],
    ['rep', board],
    ['admin', '/api/v1/pool/customers?limit=50'],
    ['manager', '/api/v1/pool/customers?limit=50'],
    ['rep', '/api/v1/pool/customers?limit=50'],
    ['admin', `/api/v1/funnel-reviews/team?period=${period}`],
    ['manager', `/api/v1/funnel-reviews/team?period=${period}`],
    // The forecast page: its totals (also My day's card) and its first page of deals.
    ...(['admin', 'manager', 'rep'] as const).flatMap((who): [typeof who, string][] => [
      [who, '/api/v1/forecast?lookbackMonths=12'],
      [who, '/api/v1/forecast/deals?lookbackMonths=12&sort=amount&order=desc&limit=20&offset=0'],
    ]),
  ];
  const only = process.env.ONLY;
  for (const [who, call] of calls) {
    if (only && !call.includes(only)) continue;
    // A call an older server does not have (a before/after pair from a worktree) is skipped.
    const first = await request(server.base, call, { token: tokens[who] }); // warm-up
    if (first.status === 404 && first.body.includes('No route GET')) {
      console.log(`${who} ${call}: not served by this version`);
      continue;
    }
    const times = await sequential(server.base, call, tokens[who], runs);
    console.log(
      `${who} ${call}: median ${percentile(times, 50).toFixed(0)} ms (${times.map((ms) => ms.toFixed(0)).join(', ')}; load ${loadavg()[0]?.toFixed(1)})`,
    );
  }
} finally {
  await server.stop();
}
