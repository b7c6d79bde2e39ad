// The churn warnings' calls on a seeded bench database (`crm seed bench`): the report's first
// page and a later one, its code and severity filters, My day's list and one customer's
// warnings, as the admin, manager1 and rep1; each timed alone, median of 3 after a warm-up.
// --dir PATH (PGlite, default /tmp/crm-scale-pglite) or --url postgres://… ; --out FILE writes
// every answer's body, to check that two versions answer the same.
// The server is bench/scale/server.ts (no scheduler); nothing is written by the calls except
// what the server itself keeps up to date.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { login, percentile, request, sequential, startServer } from './scale/http';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD } from './scale/table';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/crm-scale-pglite' },
    url: { type: 'string' },
    out: { type: 'string' },
    runs: { type: 'string', default: '3' },
  },
});
const VIEWERS = [
  ['admin', BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD],
  ['manager1', 'manager1@bench.crm', 'bench-2026-pass'],
  ['rep1', 'rep1@bench.crm', 'bench-2026-pass'],
] as const;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

const server = await startServer(
  values.url ? { DATABASE_URL: values.url, BENCH_POOL_SIZE: '4' } : { DATA_DIR: values.dir },
);
const bodies: Record<string, unknown> = {};
try {
  console.log(`churn warnings on ${values.url ? 'PostgreSQL' : values.dir}, load ${load()}`);
  for (const [name, email, password] of VIEWERS) {
    const token = await login(server.base, email, password);
    const report = '/api/v1/reports/churn-warnings?limit=50&locale=en';
    const first = await request(server.base, report, { token });
    if (first.status !== 200) throw new Error(`${report}: ${first.status} ${first.body}`);
    console.log(`  ${name}: first call ${first.ms.toFixed(0)} ms (load ${load()})`);
    const firstPage = JSON.parse(first.body);
    const flagged = firstPage.items.at(-1)?.customerId;
    const calls = [
      report,
      ...(firstPage.nextCursor ? [`${report}&cursor=${firstPage.nextCursor}`] : []),
      `${report}&code=no_order_overdue`,
      `${report}&severity=critical`,
      '/api/v1/me/churn-warnings?limit=50&locale=en',
      ...(flagged ? [`/api/v1/customers/${flagged}/warnings?locale=en`] : []),
    ];
    for (const call of calls) {
      const times = await sequential(server.base, call, token, Number(values.runs));
      const answer = await request(server.base, call, { token });
      bodies[`${name} ${call}`] = JSON.parse(answer.body);
      const items = JSON.parse(answer.body).items?.length;
      console.log(
        `  ${name} ${call.replace(/cursor=[^&]+/, 'cursor=…')}: median ${percentile(times, 50).toFixed(0)} ms` +
          ` (${times.map((t) => t.toFixed(0)).join(', ')})${items === undefined ? '' : `, ${items} items`}, load ${load()}`,
      );
    }
  }
} finally {
  await server.stop();
}
if (values.out) writeFileSync(values.out, `${JSON.stringify(bodies, null, 1)}\n`);
