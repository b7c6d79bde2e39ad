// Account assessment and revenue distribution (issue 9): GET /reports/account-assessment and
// GET /reports/revenue-buckets as the admin, manager1 and rep1, each as the pages ask them (no
// parameters: the last 12 months, all sales), over a `crm seed bench` database.
// Run: npm run bench -- account-reports
//      (or: npx tsx bench/account-reports.ts [--dir /tmp/crm-scale-pglite] [--url postgres://…]
//       [--runs 5])
// --dir: a PGlite directory (opened by this bench's server alone); --url: a PostgreSQL
// database instead. It changes nothing. Each measure is warmed up once, then timed `runs`
// times one after another.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { login, percentile, request, startServer } from './scale/http';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD } from './scale/table';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/crm-scale-pglite' },
    url: { type: 'string' },
    runs: { type: 'string', default: '5' },
  },
});
const load = () => loadavg()[0]?.toFixed(1) ?? '?';
const runs = Number(values.runs);
const PASSWORD = 'bench-2026-pass';
const TARGET_MS = 200;

/** CPU ms the server process has used: on a busy shared machine wall time mostly measures the
 * wait for a core, CPU time the work itself (PGlite runs inside the server process). */
function serverCpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const server = await startServer(
  values.url ? { DATABASE_URL: values.url } : { DATA_DIR: values.dir, DATABASE_URL: '' },
);
try {
  const base = server.base;
  const tokens = {
    admin: await login(base, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD),
    manager1: await login(base, 'manager1@bench.crm', PASSWORD),
    rep1: await login(base, 'rep1@bench.crm', PASSWORD),
  };
  const table: string[][] = [];
  for (const path of ['/reports/account-assessment', '/reports/revenue-buckets']) {
    for (const [who, token] of Object.entries(tokens)) {
      const times: number[] = [];
      const cpu: number[] = [];
      for (let run = 0; run <= runs; run += 1) {
        const cpuBefore = serverCpuMs(server.child.pid);
        const answer = await request(base, `/api/v1${path}`, { token });
        if (run > 0) cpu.push(serverCpuMs(server.child.pid) - cpuBefore);
        if (answer.status !== 200) {
          throw new Error(`${path} as ${who}: ${answer.status} ${answer.body.slice(0, 300)}`);
        }
        if (run > 0) times.push(answer.ms); // run 0 warms plans, caches and connections
      }
      const median = percentile(times, 50);
      table.push([
        `GET ${path}, ${who}`,
        `${median.toFixed(0)} ms`,
        `${percentile(times, 95).toFixed(0)} ms`,
        `${percentile(cpu, 50).toFixed(0)} ms`,
        `< ${TARGET_MS} ms ${median < TARGET_MS ? 'met' : 'MISSED'}`,
        load(),
      ]);
      console.log(`  ${path}, ${who}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    }
  }
  const header = ['measure', 'median', 'p95', 'server CPU (median)', 'target', 'load'];
  console.log(
    `\n${values.url ? 'PostgreSQL' : `PGlite ${values.dir}`}, ${runs} runs after one warm-up each`,
  );
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of table) console.log(`| ${row.join(' | ')} |`);
} finally {
  await server.stop();
}
