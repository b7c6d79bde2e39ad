// Every page's API calls on PGlite at 100k customers: Chromium visits each page of
// navigation.tsx (and a customer's detail page) as the admin and as a rep, records the GET
// /api/ calls it makes, and each call is then timed on its own (median of 3 after a warm-up).
// A page's main call is its slowest; calls every page makes (the frame's) are reported once.
import { loadavg } from 'node:os';
import { apiCallsOf, appPaths, launchBrowser, newContext } from './browser';
import { login, percentile, request, sequential, startServer } from './http';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_PASSWORD, type Row } from './table';

const REP = { email: 'rep1@bench.crm', password: 'bench-2026-pass' };
const ADMIN = { email: BENCH_ADMIN_EMAIL, password: BENCH_ADMIN_PASSWORD };
const REP_PAGES_END = '/settings/';

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
    for (const [who, credentials] of [
      ['admin', ADMIN],
      ['rep', REP],
    ] as const) {
      const token = await login(server.base, credentials.email, credentials.password);
      const list = JSON.parse(
        (await request(server.base, '/api/v1/customers?limit=1', { token })).body,
      );
      const paths = appPaths().filter((p) => who === 'admin' || !p.startsWith(REP_PAGES_END));
      paths.push(`/customers/${list.items[0].id}`);
      const page = await (await newContext(browser, server.base, credentials)).newPage();
      const callsByPage = new Map<string, string[]>();
      for (const path of paths) callsByPage.set(path, await apiCallsOf(page, path));
      // Calls every page makes belong to the frame (who am I, reminders …).
      const all = [...callsByPage.values()];
      const frame = (all[0] ?? []).filter((call) => all.every((calls) => calls.includes(call)));
      const timings = new Map<string, number>();
      for (const call of new Set(all.flat())) {
        if (call.startsWith('(')) continue;
        const answer = await request(server.base, call, { token });
        if (answer.status !== 200) {
          timings.set(call, Number.NaN);
          continue;
        }
        timings.set(call, percentile(await sequential(server.base, call, token, 3), 50));
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
