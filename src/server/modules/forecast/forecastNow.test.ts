// The forecast made now reads deal_stage_visits, stage_visit_totals and forecast_open_deals
// (migration 0029). Hand-computed rows as the moves leave them; the same forecast as from the
// stage history for every viewer and filter; the rows kept in step by moves, reassignment,
// release to the pool, deletion and a time zone change, equal to a rebuild.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFunnel } from '../../../../tests/setup/factories-deals';
import { buildFunnelWorld, insertDeal } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { newId } from '../../db/ids';

let t: TestApp;
let world: Awaited<ReturnType<typeof buildFunnelWorld>>;
let d8: string;
let d9: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildFunnelWorld(t);
  // No expected close date: closes by history on 1 April + propose's median 10 days.
  d8 = await insertDeal(t, {
    customerId: world.customers.c3.id,
    ownerId: world.r3.id,
    funnelId: world.funnelId,
    amountCents: 100_001,
    probability: 40,
    path: [
      ['qualify', '2026-03-25T02:00:00Z'],
      ['propose', '2026-04-01T02:00:00Z'],
    ],
  });
  // Expected on 31 March, still open: it has slipped to today.
  d9 = await insertDeal(t, {
    customerId: world.customers.c3.id,
    ownerId: world.r3.id,
    funnelId: world.funnelId,
    amountCents: 200_000,
    probability: 70,
    expectedCloseDate: '2026-03-31',
    path: [
      ['qualify', '2026-03-20T02:00:00Z'],
      ['negotiate', '2026-03-22T02:00:00Z'],
    ],
  });
  // c3 (Rep Three's) shared with Rep One.
  await t.database.query(sql`insert into customer_collaborators (org_id, id, customer_id, user_id,
      access, added_by)
    values (${t.orgId}, ${newId()}, ${world.customers.c3.id}, ${world.r1.id}, 'read', ${world.r3.id})`);
  t.clock.set(new Date('2026-04-10T04:00:00Z'));
});
afterAll(async () => {
  await t.close();
});

async function get(path: string, token = t.adminToken) {
  const response = await t.call('GET', `/api/v1${path}`, { token });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const methods = (forecast: { methods: { method: string; expected: number }[] }) =>
  Object.fromEntries(forecast.methods.map((m) => [m.method, m.expected]));

async function visits(dealId: string) {
  return t.database.query<{
    stage_key: string;
    outcome: string;
    last_day: string;
    won_days: number | null;
  }>(
    sql`select stage_key, outcome, last_day::text, won_days from deal_stage_visits
      where org_id = ${t.orgId} and deal_id = ${dealId} order by stage_key`,
  );
}
async function openDeals() {
  return t.database.query<{ deal_id: string; stage_key: string; owner_id: string | null }>(
    sql`select deal_id, stage_key, owner_id from forecast_open_deals where org_id = ${t.orgId}
      order by deal_id`,
  );
}
async function totals() {
  return t.database.query<{ stage_key: string; outcome: string; deals: number }>(
    sql`select stage_key, outcome, sum(deals)::int as deals from stage_visit_totals
      where org_id = ${t.orgId} group by 1, 2 having sum(deals) <> 0 order by 1, 2`,
  );
}
/** Every fact row of the org, to compare what the triggers kept with a rebuild. */
async function everything() {
  const rows = await t.database.query(
    sql`select 'v' as t, deal_id::text as k, stage_key, owner_id::text as owner, outcome,
        last_day::text as day, won_days::text as n from deal_stage_visits where org_id = ${t.orgId}
      union all
      select 'o', deal_id::text, stage_key, owner_id::text, deal_stage_key,
        entered_at::text, amount_cents::text from forecast_open_deals where org_id = ${t.orgId}
      union all
      select 't', funnel_id::text, stage_key, null, outcome, last_day::text,
        won_days::text || ':' || deals from stage_visit_totals where org_id = ${t.orgId} and deals <> 0
      order by 1, 2, 3, 5, 6, 7`,
  );
  return rows;
}

describe('the forecast facts', () => {
  it('hold each deal’s last entry per stage, its outcome and days to win', async () => {
    // d1: qualify 5 → propose 10 → negotiate 15 → won 20 March (Shanghai).
    expect(await visits(world.ids.d1)).toEqual([
      { stage_key: 'negotiate', outcome: 'won', last_day: '2026-03-15', won_days: 5 },
      { stage_key: 'propose', outcome: 'won', last_day: '2026-03-10', won_days: 10 },
      { stage_key: 'qualify', outcome: 'won', last_day: '2026-03-05', won_days: 15 },
      { stage_key: 'won', outcome: 'won', last_day: '2026-03-20', won_days: 0 },
    ]);
    // d3 went back from negotiate to propose: propose's last entry is the 18th.
    expect(await visits(world.ids.d3)).toEqual([
      { stage_key: 'negotiate', outcome: 'open', last_day: '2026-03-16', won_days: null },
      { stage_key: 'propose', outcome: 'open', last_day: '2026-03-18', won_days: null },
      { stage_key: 'qualify', outcome: 'open', last_day: '2026-03-07', won_days: null },
    ]);
    // d4 entered qualify at 00:30 on 1 April in Shanghai (31 March in UTC).
    expect(await visits(world.ids.d4)).toEqual([
      { stage_key: 'qualify', outcome: 'open', last_day: '2026-04-01', won_days: null },
    ]);
    const open = new Map((await openDeals()).map((row) => [row.deal_id, row.stage_key]));
    expect(Object.fromEntries(open)).toEqual({
      [world.ids.d3]: 'propose',
      [world.ids.d4]: 'qualify',
      [world.ids.d5]: 'negotiate',
      [d8]: 'propose',
      [d9]: 'negotiate',
    });
    // Held customers only, and all of them are: qualify won d1, lost d2 d6, open d3 d4 d5 d8 d9.
    expect(await totals()).toEqual([
      { stage_key: 'lost', outcome: 'lost', deals: 2 },
      { stage_key: 'negotiate', outcome: 'open', deals: 3 },
      { stage_key: 'negotiate', outcome: 'won', deals: 1 },
      { stage_key: 'propose', outcome: 'lost', deals: 1 },
      { stage_key: 'propose', outcome: 'open', deals: 2 },
      { stage_key: 'propose', outcome: 'won', deals: 1 },
      { stage_key: 'qualify', outcome: 'lost', deals: 2 },
      { stage_key: 'qualify', outcome: 'open', deals: 5 },
      { stage_key: 'qualify', outcome: 'won', deals: 1 },
      { stage_key: 'won', outcome: 'won', deals: 1 },
    ]);
  });

  it('give the totals by hand: a close day from the median, a slipped one today', async () => {
    const lean = await get(`/forecast?funnelId=${world.funnelId}`);
    const deals = await get(`/forecast/deals?funnelId=${world.funnelId}`);
    // weighted: d3 3000 × 40 % + d5 4000 × 70 % + d9 2000 × 70 % (slipped to 10 April); d8
    // has no date. history: d3 3000 × 1/2 + d5 4000 + d9 2000 + d8 1000.01 × 1/2 = 500.005,
    // rounded half away from zero to 500.01 (it closes 1 April + 10 days = 11 April).
    expect(methods(lean)).toEqual({ weighted: 5400, history: 8000.01, committed: 0 });
    // Each deal's own share adds up to the totals summed in SQL.
    const sum = (key: 'weighted' | 'historyExpected') =>
      Math.round(
        deals.items.reduce(
          (n: number, d: { weighted: number; historyExpected: number }) => n + d[key] * 100,
          0,
        ),
      ) / 100;
    expect([sum('weighted'), sum('historyExpected')]).toEqual([5400, 8000.01]);
    expect(deals.items.find((d: { id: string }) => d.id === d8)).toMatchObject({
      historyCloseDate: '2026-04-11',
      historyExpected: 500.01,
    });
  });

  it('answer as the stage history does, for every viewer and filter', async () => {
    const queries = [
      `/forecast?funnelId=${world.funnelId}`,
      `/forecast/deals?funnelId=${world.funnelId}`,
      `/forecast?funnelId=${world.funnelId}&period=2026-Q2&lookbackMonths=1`,
      `/forecast?funnelId=${world.funnelId}&ownerId=${world.r1.id}`,
      `/forecast?funnelId=${world.funnelId}&teamId=${world.team.id}`,
      `/forecast/deals?funnelId=${world.funnelId}&period=2026-Q2&lookbackMonths=1&limit=2&offset=1`,
      `/forecast/deals?funnelId=${world.funnelId}&sort=expectedCloseDate&order=asc&limit=3`,
      `/forecast/deals?funnelId=${world.funnelId}&sort=expectedCloseDate&order=desc&offset=2`,
      `/forecast/deals?funnelId=${world.funnelId}&sort=amount&order=asc&ownerId=${world.r3.id}`,
    ];
    const tokens = [t.adminToken, world.manager.token, world.r1.token, world.r3.token];
    const answers = async () => {
      const all = [];
      for (const token of tokens) for (const query of queries) all.push(await get(query, token));
      return all;
    };
    const fromFacts = await answers();
    // Rep One sees the shared c3's deals: d5, d8 and d9 besides d3.
    expect(methods(fromFacts[18] as never)).toEqual({
      weighted: 1200 + 2800 + 1400,
      history: 1500 + 4000 + 2000 + 500.01,
      committed: 0,
    });
    // A move after the clock (in another funnel) sends the forecast to the stage history.
    const other = await buildFunnel(t);
    const later = await insertDeal(t, {
      customerId: world.customers.c1.id,
      ownerId: world.r1.id,
      funnelId: other.id,
      amountCents: 1,
      probability: 10,
      path: [['qualify', '2026-05-01T00:00:00Z']],
    });
    const fromHistory = await answers();
    expect(fromHistory).toEqual(fromFacts);
    await t.database.query(
      sql`delete from stage_history where org_id = ${t.orgId} and deal_id = ${later}`,
    );
    await t.database.query(sql`delete from deals where org_id = ${t.orgId} and id = ${later}`);
  });

  it('are kept in step by moves, reassignment, release, deletion and a new time zone', async () => {
    t.clock.set(new Date('2026-04-12T02:00:00Z'));
    const moved = await t.call('POST', `/api/v1/deals/${world.ids.d3}/move`, {
      token: world.manager.token,
      body: { toStageKey: 'negotiate', overrideReason: 'the customer asked for terms' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await visits(world.ids.d3)).find((v) => v.stage_key === 'negotiate')).toEqual({
      stage_key: 'negotiate',
      outcome: 'open',
      last_day: '2026-04-12',
      won_days: null,
    });
    const won = await t.call('POST', `/api/v1/deals/${world.ids.d3}/move`, {
      token: world.manager.token,
      body: { toStageKey: 'won', overrideReason: 'signed' },
    });
    expect(won.statusCode, won.body).toBe(200);
    // Won on 12 April: qualify 7 March + 36 days, propose 18 March + 25, negotiate the same day.
    expect(await visits(world.ids.d3)).toEqual([
      { stage_key: 'negotiate', outcome: 'won', last_day: '2026-04-12', won_days: 0 },
      { stage_key: 'propose', outcome: 'won', last_day: '2026-03-18', won_days: 25 },
      { stage_key: 'qualify', outcome: 'won', last_day: '2026-03-07', won_days: 36 },
      { stage_key: 'won', outcome: 'won', last_day: '2026-04-12', won_days: 0 },
    ]);
    expect((await openDeals()).map((row) => row.deal_id)).not.toContain(world.ids.d3);

    // c3 handed to Rep Two, c2 released to the pool: d4 and d6 leave the org's totals.
    await t.database.query(sql`update customers set owner_id = ${world.r2.id}
      where org_id = ${t.orgId} and id = ${world.customers.c3.id}`);
    await t.database.query(sql`update customers set owner_id = null
      where org_id = ${t.orgId} and id = ${world.customers.c2.id}`);
    const owners = new Map((await openDeals()).map((row) => [row.deal_id, row.owner_id]));
    expect(owners.get(world.ids.d5)).toBe(world.r2.id);
    expect(owners.get(world.ids.d4)).toBeNull();
    const qualify = (await totals()).filter((row) => row.stage_key === 'qualify');
    // qualify: won d1 d3; lost d2 (d6 pooled); open d5 d8 d9 (d4 pooled).
    expect(qualify).toEqual([
      { stage_key: 'qualify', outcome: 'lost', deals: 1 },
      { stage_key: 'qualify', outcome: 'open', deals: 3 },
      { stage_key: 'qualify', outcome: 'won', deals: 2 },
    ]);

    // d2 deleted with its moves.
    await t.database.query(
      sql`delete from stage_history where org_id = ${t.orgId} and deal_id = ${world.ids.d2}`,
    );
    await t.database.query(
      sql`delete from deals where org_id = ${t.orgId} and id = ${world.ids.d2}`,
    );
    expect(await visits(world.ids.d2)).toEqual([]);

    // In UTC d4 entered qualify on 31 March.
    await t.database.query(sql`update orgs set time_zone = 'UTC' where id = ${t.orgId}`);
    expect(await visits(world.ids.d4)).toEqual([
      { stage_key: 'qualify', outcome: 'open', last_day: '2026-03-31', won_days: null },
    ]);
    await t.database.query(sql`update orgs set time_zone = 'Asia/Shanghai' where id = ${t.orgId}`);

    // What the triggers kept is what a rebuild from the tables gives.
    const kept = await everything();
    await t.database.query(sql`select forecast_facts_refresh(${t.orgId}::uuid, null)`);
    expect(await everything()).toEqual(kept);
  });
});
