// Dashboard ready (navigation → chart drawn) for two web builds side by side, alternating, on
// the scale benchmark's PostgreSQL database, with the API calls of one visit and their times:
// for judging a front-end change under the same load.
// Run: npx tsx bench/dashboard-ab.ts --a /tmp/web-before --b /tmp/web-after [--rounds 6]
//      [--url postgres://postgres@127.0.0.1:5432/postgres] [--db crm_scale_bench]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { databaseUrlWithName } from '../tests/setup/databases';
import { dashboardReadyMs, launchBrowser, newContext } from './scale/browser';
import { percentile, startServer } from './scale/http';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    rounds: { type: 'string', default: '6' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    db: { type: 'string', default: 'crm_scale_bench' },
  },
});
if (!values.a || !values.b) throw new Error('--a and --b: two web build directories');
const url = databaseUrlWithName(values.url, values.db);
const builds = { a: values.a, b: values.b };
const servers = {
  a: await startServer({ DATABASE_URL: url, WEB_DIST_DIR: builds.a }),
  b: await startServer({ DATABASE_URL: url, WEB_DIST_DIR: builds.b }),
};
const browser = await launchBrowser();
try {
  for (const email of ['manager1@bench.crm', 'rep1@bench.crm']) {
    const times: Record<'a' | 'b', number[]> = { a: [], b: [] };
    const pages = {
      a: await (
        await newContext(browser, servers.a.base, { email, password: 'bench-2026-pass' })
      ).newPage(),
      b: await (
        await newContext(browser, servers.b.base, { email, password: 'bench-2026-pass' })
      ).newPage(),
    };
    for (const side of ['a', 'b'] as const) {
      // A visit to warm the cache, with its API calls timed.
      const started = new Map<string, number>();
      const calls: string[] = [];
      pages[side].on('request', (r) => started.set(r.url(), performance.now()));
      pages[side].on('requestfinished', (r) => {
        const path = new URL(r.url()).pathname;
        const at = started.get(r.url()) ?? 0;
        calls.push(
          `${path} ${(performance.now() - at).toFixed(0)} ms (started +${(at - t0).toFixed(0)})`,
        );
      });
      const t0 = performance.now();
      await dashboardReadyMs(pages[side]);
      pages[side].removeAllListeners('request');
      pages[side].removeAllListeners('requestfinished');
      console.log(`${email} ${side} first visit:\n  ${calls.join('\n  ')}`);
    }
    for (let round = 0; round < Number(values.rounds); round += 1) {
      for (const side of round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
        times[side].push(await dashboardReadyMs(pages[side]));
      }
    }
    for (const side of ['a', 'b'] as const) {
      console.log(
        `${email} ${side} (${builds[side]}): median ${percentile(times[side], 50).toFixed(0)} ms [${times[side].map((t) => t.toFixed(0)).join(', ')}] load ${loadavg()[0]?.toFixed(1)}`,
      );
    }
  }
} finally {
  await browser.close();
  await servers.a.stop();
  await servers.b.stop();
}
