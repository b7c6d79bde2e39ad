// Deals of pool customers are nobody's pipeline: a manager (who sees the org pool) and an admin
// forecast without them, both in the open deals and in the history the rates come from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDealCustomer } from '../../../../tests/setup/factories-deals';
import { ownerOf, release } from '../../../../tests/setup/factories-pool';
import { buildFunnelWorld, insertDeal } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof buildFunnelWorld>>;
let poolCustomerId: string;
let poolDealId: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildFunnelWorld(t);
  // r1's customer with an open deal closing in April and a deal won from qualify in March,
  // released to the org pool: the deals keep r1 as their owner, the customer has none.
  const pooled = await buildDealCustomer(t, world.r1.token);
  poolCustomerId = pooled.id;
  poolDealId = await insertDeal(t, {
    customerId: pooled.id,
    ownerId: world.r1.id,
    funnelId: world.funnelId,
    amountCents: 900_000,
    probability: 70,
    expectedCloseDate: '2026-04-25',
    path: [
      ['qualify', '2026-03-09T02:00:00Z'],
      ['negotiate', '2026-03-19T02:00:00Z'],
    ],
  });
  await insertDeal(t, {
    customerId: pooled.id,
    ownerId: world.r1.id,
    funnelId: world.funnelId,
    amountCents: 800_000,
    probability: 100,
    path: [
      ['qualify', '2026-03-03T02:00:00Z'],
      ['won', '2026-03-13T02:00:00Z'],
    ],
  });
  const released = await release(t, world.r1.token, pooled.id, 'no budget this year');
  expect(released.statusCode, released.body).toBe(200);
  expect(await ownerOf(t, pooled.id)).toBeNull();
  t.clock.set(new Date('2026-04-10T04:00:00Z'));
});
afterAll(async () => {
  await t.close();
});

async function get(path: string, token: string) {
  const response = await t.call('GET', `/api/v1${path}`, { token });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const methods = (forecast: { methods: { method: string; expected: number }[] }) =>
  Object.fromEntries(forecast.methods.map((m) => [m.method, m.expected]));
const rates = (forecast: {
  stageRates: { key: string; entered: number; won: number; lost: number }[];
}) => forecast.stageRates.map((r) => [r.key, r.entered, r.won, r.lost]);

describe('GET /forecast leaves pool customers’ deals out', () => {
  it('for a manager, who sees the pool customer and its deals elsewhere', async () => {
    const customer = await t.call('GET', `/api/v1/customers/${poolCustomerId}`, {
      token: world.manager.token,
    });
    expect(customer.statusCode).toBe(200);
    const deal = await t.call('GET', `/api/v1/deals/${poolDealId}`, { token: world.manager.token });
    expect(deal.statusCode).toBe(200);

    const forecast = await get(`/forecast?funnelId=${world.funnelId}`, world.manager.token);
    // Team T's deals only: d3 propose 3000 × 40 % (d4 closes in May); history d3 × 1/2.
    // With the pool deal it would add 9000 × 70 % and 9000 × 1/1.
    expect(methods(forecast)).toEqual({ weighted: 1200, history: 1500, committed: 0 });
    const deals = await get(`/forecast/deals?funnelId=${world.funnelId}`, world.manager.token);
    expect(deals.total).toBe(2);
    expect(deals.items.map((d: { id: string }) => d.id)).toEqual([world.ids.d3, world.ids.d4]);
    // qualify: d1 won, d2 and d6 lost, d3 and d4 open (the pooled won deal would make it 6/2/2);
    // propose: d1 won, d2 lost, d3 open; negotiate: d1 won, d3 open (the pooled one would be 3).
    expect(rates(forecast)).toEqual([
      ['qualify', 5, 1, 2],
      ['propose', 3, 1, 1],
      ['negotiate', 2, 1, 0],
    ]);
    expect(forecast.stageRates[0].medianDaysToClose).toBe(15);
  });

  it('for an admin: the org’s held customers, as before the pool deals were added', async () => {
    const forecast = await get(`/forecast?funnelId=${world.funnelId}`, t.adminToken);
    expect(methods(forecast)).toEqual({ weighted: 4000, history: 5500, committed: 0 });
    expect(rates(forecast)).toEqual([
      ['qualify', 6, 1, 2],
      ['propose', 3, 1, 1],
      ['negotiate', 3, 1, 0],
    ]);
    const deals = await get(`/forecast/deals?funnelId=${world.funnelId}`, t.adminToken);
    expect(deals.total).toBe(3);
    expect(deals.items.map((d: { id: string }) => d.id)).toEqual([
      world.ids.d5,
      world.ids.d3,
      world.ids.d4,
    ]);
  });

  it('and counts them again once the customer is claimed', async () => {
    const claimed = await t.call('POST', `/api/v1/customers/${poolCustomerId}/claim`, {
      token: world.r2.token,
    });
    expect(claimed.statusCode, claimed.body).toBe(200);
    const forecast = await get(`/forecast?funnelId=${world.funnelId}`, world.manager.token);
    // + the pool deal 9000 × 70 % = 6300; history: negotiate 2 won of 2 → 9000 × 1.
    expect(methods(forecast)).toEqual({ weighted: 7500, history: 10500, committed: 0 });
    const deals = await get(`/forecast/deals?funnelId=${world.funnelId}`, world.manager.token);
    expect(deals.items.map((d: { id: string }) => d.id)).toEqual([
      poolDealId,
      world.ids.d3,
      world.ids.d4,
    ]);
    expect(rates(forecast)).toEqual([
      ['qualify', 7, 2, 2],
      ['propose', 3, 1, 1],
      ['negotiate', 3, 1, 0],
    ]);
  });
});
