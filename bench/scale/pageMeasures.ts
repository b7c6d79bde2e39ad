// Every page's API calls on PGlite at 100k customers: Chromium visits each page of
// navigation.tsx its role may open (and the detail pages under the list pages: a customer, a
// funnel, a campaign when the seed has one) as the admin, a manager and a rep, records the GET
// /api/ calls it makes, and each call is then timed on its own (median of 3 after a warm-up).
// A page's main call is its slowest; calls every page makes (the frame's) are reported once.
// The audit log has an API but no page yet: its first page is timed as the admin's.
import { loadavg } from 'node:os';
import { apiCallsOf, appPages, launchBrowser, newContext } from './browser';
import { login, percentile, request, sequential, startServer } from './http';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, type Row } from './table';

const VIEWERS = [
  ['admin', { email: BENCH_ADMIN_EMAIL, password: BENCH_ADMIN_PASSWORD }],
  ['manager', { email: 'manager1@bench.crm', password: 'bench-2026-pass' }],
  ['rep', { email: 'rep1@bench.crm', password: 'bench-2026-pass' }],
] as const;
/** API calls with no page in the web app yet, timed for the roles that may make them. */
const API_ONLY: Record<string, string[]> = { admin: ['/api/v1/audit?limit=50'] };

/** The first item's id of a list call, or null when the list is empty. */
async function firstId(base: string, token: string, call: string): Promise<string | null> {
  const answer = await request(base, call, { token });
  if (answer.status !== 200) return null;
  return JSON.parse(answer.body).items?.[0]?.id ?? null;
}

/** Detail pages under the wildcard routes, for what the seed holds. */
async function detailPaths(base: string, token: string, wildcards: string[]): Promise<string[]> {
  const lists: Record<string, string> = {
    '/customers': '/api/v1/customers?limit=1',
    '/campaigns': '/api/v1/campaigns?limit=1',
    '/settings/funnels': '/api/v1/funnels?limit=1',
  };
  const paths: string[] = [];
  for (const wildcard of wildcards) {
    const list = lists[wildcard];
    const id = list ? await firstId(base, token, list) : null;
    if (id) paths.push(`${wildcard}/${id}`);
    else console.log(`PGlite pages: no page under ${wildcard} to visit (none in the seed)`);
  }
  return paths;
}

export async function pageMeasures(
  dataDir: string,
  webDistDir: string,
  customers: number,
): Promise<Row[]> {
  const server = await startServer({
    DATA_DIR: dataDir,
    WEB_DIST_DIR: webDistDir,
    DATABASE_URL: '',
  });
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    for (const [who, credentials] of VIEWERS) {
      const token = await login(server.base, credentials.email, credentials.password);
      const pages = appPages().filter((page) => page.roles.includes(who));
      const paths = pages.map((page) => page.path);
      const wildcards = pages.filter((page) => page.detail).map((page) => page.path);
      paths.push(...(await detailPaths(server.base, token, wildcards)));
      const page = await (await newContext(browser, server.base, credentials)).newPage();
      const callsByPage = new Map<string, string[]>();
      for (const path of paths) {
        const started = performance.now();
        callsByPage.set(path, await apiCallsOf(page, path));
        console.log(
          `PGlite pages: ${who} ${path} crawled in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      // Calls every page makes belong to the frame (who am I, reminders …).
      const all = [...callsByPage.values()];
      const frame = (all[0] ?? []).filter((call) => all.every((calls) => calls.includes(call)));
      for (const call of API_ONLY[who] ?? []) callsByPage.set(`(API only) ${call}`, [call]);
      const timings = new Map<string, number>();
      for (const call of new Set([...callsByPage.values()].flat())) {
        if (call.startsWith('(')) continue;
        const answer = await request(server.base, call, { token });
        if (answer.status !== 200) {
          console.log(`PGlite pages: ${who} ${call} answered ${answer.status}`);
          timings.set(call, Number.NaN);
          continue;
        }
        const times = await sequential(server.base, call, token, 3);
        timings.set(call, percentile(times, 50));
        console.log(
          `PGlite pages: ${who} ${call}: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms (load ${loadavg()[0]?.toFixed(1)})`,
        );
      }
      const entries: [string, string[]][] = [['(app frame, every page)', frame], ...callsByPage];
      for (const [path, calls] of entries) {
        const own = path.startsWith('(') ? calls : calls.filter((call) => !frame.includes(call));
        const slowest = own.sort((a, b) => (timings.get(b) ?? 0) - (timings.get(a) ?? 0))[0];
        if (!slowest) continue;
        const ms = timings.get(slowest) ?? Number.NaN;
        rows.push({
          measure: `PGlite ${customers / 1000}k, ${who}, ${path}: ${slowest.length > 70 ? `${slowest.slice(0, 70)}…` : slowest}${own.length > 1 ? ` (slowest of ${own.length})` : ''}`,
          value: Number.isNaN(ms) ? 'error' : `${ms.toFixed(0)} ms`,
          target: '< 200 ms',
          ratio: Number.isNaN(ms) ? null : ms / 200,
          load: loadavg()[0]?.toFixed(1) ?? '?',
        });
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return rows;
}
