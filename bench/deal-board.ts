// The deal board with 2,000 open deals in one funnel: the board API's time and size, and the
// page in headless Chromium (time to the first cards, cards in the DOM, time to load more of
// a column). Columns are paginated, so the page holds a few dozen cards, never 2,000.
// Run: npx vite build --outDir /tmp/bench-web && WEB_DIST_DIR=/tmp/bench-web npx tsx bench/deal-board.ts [deals=2000]
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { startE2E } from '../tests/e2e/harness';
import { buildDealCustomer, buildFunnel } from '../tests/setup/factories-deals';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../tests/setup/test-app';

const DEALS = Number(process.argv[2] ?? 2000);
const RUNS = 15;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const e2e = await startE2E();
const { t } = e2e;
try {
  const funnelId = (await buildFunnel(t)).id;
  const customers = await Promise.all(
    Array.from({ length: 20 }, () => buildDealCustomer(t, t.adminToken)),
  );
  const now = t.clock.now();
  // Spread over three open stages, 20 customers, 40 days in stage, with their key-action facts.
  await t.database.query(sql`insert into deals (org_id, id, customer_id, funnel_id, name,
      amount_cents, stage_key, stage_entered_at, stale_at, probability, status, owner_id,
      expected_close_date, created_at, updated_at)
    select ${t.orgId}, gen_random_uuid(), (${sql.param(customers.map((c) => c.id))}::uuid[])[1 + g % 20],
      ${funnelId}, '商机 ' || g, (g * 7919) % 1000000 + 1, s.key,
      ${now}::timestamptz - (g % 40) * interval '1 day',
      ${now}::timestamptz - (g % 40) * interval '1 day' + s.stale_days * interval '1 day',
      s.probability, 'open', (select id from users where org_id = ${t.orgId} limit 1),
      date '2030-01-01' + (g % 90), ${now}::timestamptz, ${now}::timestamptz - g * interval '1 second'
    from generate_series(1, ${DEALS}) g
    join (values (0, 'qualify', 30, 10), (1, 'propose', 21, 40), (2, 'negotiate', 14, 70))
      as s(n, key, stale_days, probability) on s.n = g % 3`);
  await t.database.query(sql`insert into activities (org_id, id, customer_id, deal_id, user_id,
      type, occurred_at, summary, effective)
    select d.org_id, gen_random_uuid(), d.customer_id, d.id, d.owner_id, 'call',
      d.stage_entered_at + interval '1 hour', 'bench call', true
    from deals d, generate_series(1, 2) where d.org_id = ${t.orgId}`);
  await t.database.query(sql`analyze`);

  const api: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const response = await t.call('GET', `/api/v1/deals/board?funnelId=${funnelId}`, {
      token: t.adminToken,
    });
    api.push(performance.now() - started);
    bytes = response.body.length;
    if (response.statusCode !== 200) throw new Error(response.body);
  }

  const page = await e2e.newPage();
  await page.goto('/login');
  await page.getByLabel('邮箱', { exact: true }).fill(ADMIN_EMAIL);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  const loads: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    await page.goto('/deals');
    await page.getByRole('listitem', { name: '商机 1', exact: true }).waitFor();
    loads.push(performance.now() - started);
  }
  const cards = await page.locator('li[aria-label]').count();
  const column = page.getByRole('list', { name: /「.*」的商机/ }).first();
  const before = await column.locator('li[aria-label]').count();
  const started = performance.now();
  await page
    .getByRole('button', { name: /加载更多/ })
    .first()
    .click();
  await column.locator('li[aria-label]').nth(before).waitFor();
  const loadMore = performance.now() - started;
  await page.screenshot({ path: '/tmp/deal-board-bench.png' });

  console.log(`deal board, ${DEALS} open deals in one funnel (PGlite, in-process server)`);
  console.log(
    `  GET /deals/board: median ${median(api).toFixed(0)} ms over ${RUNS} runs, ${(bytes / 1024).toFixed(0)} KiB`,
  );
  console.log(`  /deals page to first cards: median ${median(loads).toFixed(0)} ms over 5 loads`);
  console.log(`  cards in the DOM: ${cards}; load more of one column: ${loadMore.toFixed(0)} ms`);
  if (e2e.pageErrors.length > 0) console.log(`  page errors: ${e2e.pageErrors.join('; ')}`);
} finally {
  await e2e.close();
}
