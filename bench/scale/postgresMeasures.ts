// The PostgreSQL half of the scale benchmark: the customers list for one rep under 50
// concurrent clients, the same SQL run directly with `pg`, and substring search at 1M.
import { loadavg } from 'node:os';
import pg from 'pg';
import { BENCH_APPLICATION_NAME, cpuBetween, cpuSample } from './cpu';
import { closedLoop, login, percentile, sequential, startServer } from './http';
import { customerListSql } from './listSql';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, type Row } from './table';

const LIST = '/api/v1/customers?sort=nextFollowUpAt&limit=50';
/**
 * Chinese: a two-character brand part (no whole trigram), a three-character brand, city +
 * brand, a common two-character term (科技, in about 5% of the names) and a city (上海, 3%,
 * mostly pool customers, which sort last).
 */
const CHINESE_TERMS = ['华远', '恒鑫瑞', '苏州华远', '科技', '上海'];
/** Latin: a brand, a brand and the start of a trade, and a phone fragment. */
const LATIN_TERMS = ['northstar', 'goldenwave tra', '6688123'];

const load = () => loadavg()[0]?.toFixed(1) ?? '?';
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function viewerOf(url: string, email: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select id, org_id as "orgId", role, team_id as "teamId" from users where email = $1',
      [email],
    );
    if (!rows[0]) throw new Error(`no user ${email}`);
    return rows[0] as { id: string; orgId: string; role: 'rep'; teamId: string | null };
  } finally {
    await client.end();
  }
}

/** One statement's rows, on a connection of its own. */
async function runSql(url: string, text: string, values: unknown[]): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** `prepared`: as the server runs the plain list, a named statement (planned once, then reused). */
async function timeSql(
  url: string,
  text: string,
  values: unknown[],
  runs: number,
  prepared = false,
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const statement = prepared ? { name: 'timed_list', text } : { text };
  try {
    for (let run = 0; run < 20; run += 1) await client.query({ ...statement, values });
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await client.query({ ...statement, values });
      times.push(performance.now() - started);
    }
    const plan = await client.query(`explain (analyze, buffers) ${text}`, values);
    return { times, plan: plan.rows.map((row) => row['QUERY PLAN']).join('\n') };
  } finally {
    await client.end();
  }
}

export async function postgresMeasures(
  url: string,
  options: { clients: number; seconds: number; webDistDir?: string },
): Promise<{ rows: Row[]; plans: Record<string, string>; base: string; stop(): Promise<void> }> {
  const server = await startServer({
    DATABASE_URL: url,
    BENCH_POOL_SIZE: String(Math.min(20, options.clients)),
    PGAPPNAME: BENCH_APPLICATION_NAME,
    ...(options.webDistDir ? { WEB_DIST_DIR: options.webDistDir } : {}),
  });
  const rows: Row[] = [];
  const plans: Record<string, string> = {};
  const token = await login(server.base, 'rep1@bench.crm', 'bench-2026-pass');
  const adminToken = await login(server.base, BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD);
  const viewer = await viewerOf(url, 'rep1@bench.crm');

  // Warm up: caches, JIT, the pool's connections.
  await closedLoop(server.base, LIST, token, options.clients, 5);
  const sampler = new pg.Client({ connectionString: url });
  await sampler.connect();
  const cpuBefore = await cpuSample(server.child.pid, sampler);
  const loadRun = await closedLoop(server.base, LIST, token, options.clients, options.seconds);
  const cpuAfter = await cpuSample(server.child.pid, sampler);
  await sampler.end();
  const p99 = percentile(loadRun.latencies, 99);
  if (cpuBefore && cpuAfter) {
    const used = cpuBetween(cpuBefore, cpuAfter);
    const answers = loadRun.latencies.length + loadRun.errors;
    const perRequest = (seconds: number) => `${((seconds * 1000) / answers).toFixed(2)} ms`;
    console.log(
      `list under load: CPU per request ${perRequest(used.server)} server, ${perRequest(used.backends)} its PostgreSQL backends (load ${load()})`,
    );
  }
  rows.push({
    measure: `GET /customers, one rep, by next follow-up, ${options.clients} clients: p99`,
    value: ms(p99),
    target: '< 50 ms',
    ratio: p99 / 50,
    load: load(),
  });
  rows.push({
    measure: `… throughput (${loadRun.latencies.length} answers, ${loadRun.errors} errors)`,
    value: `${loadRun.perSecond.toFixed(0)} req/s`,
    target: '≥ 1,000 req/s',
    ratio: 1000 / loadRun.perSecond,
    load: load(),
  });

  // The same call one at a time, against its own SQL straight through `pg`.
  const apiTimes = await sequential(server.base, LIST, token, 200);
  const listSql = await customerListSql(viewer, { sort: 'nextFollowUpAt', limit: 50 }, new Date());
  const direct = await timeSql(url, listSql.text, listSql.values, 200, true);
  plans['customers list, one rep'] = direct.plan;
  const ratio = percentile(apiTimes, 50) / percentile(direct.times, 50);
  rows.push({
    measure: `… median API ${ms(percentile(apiTimes, 50))} ÷ median SQL via pg ${ms(percentile(direct.times, 50))}`,
    value: ratio.toFixed(2),
    target: '≤ 2.0',
    ratio: ratio / 2,
    load: load(),
  });

  // Substring search: as a rep (own + pools) and as the admin (every customer).
  for (const [label, terms] of [
    ['Chinese', CHINESE_TERMS],
    ['Latin', LATIN_TERMS],
  ] as const) {
    for (const [who, who_token, who_viewer] of [
      ['rep', token, viewer],
      ['admin (whole org)', adminToken, null],
    ] as const) {
      const times: number[] = [];
      for (const term of terms) {
        const path = `/api/v1/customers?q=${encodeURIComponent(term)}&limit=50`;
        await sequential(server.base, path, who_token, 3);
        times.push(...(await sequential(server.base, path, who_token, 20)));
        if (who_viewer) {
          const search = await customerListSql(
            who_viewer,
            { q: term, limit: 50 },
            new Date(),
            (text, values) => runSql(url, text, values),
          );
          const { plan } = await timeSql(url, search.text, search.values, 1);
          plans[`search "${term}" as a rep`] = plan;
        }
      }
      const p95 = percentile(times, 95);
      rows.push({
        measure: `search customers, ${label} substring (${terms.join(', ')}), as a ${who}: p95`,
        value: ms(p95),
        target: '< 100 ms',
        ratio: p95 / 100,
        load: load(),
      });
    }
  }
  const trigram = Object.entries(plans)
    .filter(([name]) => name.startsWith('search'))
    .map(
      ([name, plan]) =>
        `${name}: ${plan.includes('customers_search_trgm_idx') ? 'trigram index' : 'no trigram index'}`,
    );
  console.log(`search plans: ${trigram.join('; ')}`);
  return { rows, plans, base: server.base, stop: () => server.stop() };
}
