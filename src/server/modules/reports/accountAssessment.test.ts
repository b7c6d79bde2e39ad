import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSalesLines } from '../../../../tests/setup/factories-qualification';
import { buildFunnelWorld } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { accountQuadrant } from '../../../domain/reports/accountQuadrant';

let t: TestApp;
let world: Awaited<ReturnType<typeof buildFunnelWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildFunnelWorld(t);
  // Open pipeline (weighted): c1 1200 (d3), c2 50.06 (d4), c3 2800 (d5).
  await insertSalesLines(t, world.customers.c1.id, [
    { amountCents: 1_000_000, orderDate: '2026-01-15' },
    { amountCents: 500_000, orderDate: '2025-04-10' }, // the day before the last 12 months
  ]);
  await insertSalesLines(t, world.customers.c2.id, [
    { amountCents: 200_000, orderDate: '2026-04-10' },
  ]);
  t.clock.set(new Date('2026-04-10T04:00:00Z'));
});
afterAll(async () => {
  await t.close();
});

async function get(query = '', token = t.adminToken) {
  const response = await t.call('GET', `/api/v1/reports/account-assessment${query}`, { token });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('GET /reports/account-assessment', () => {
  it('places customers by current revenue and potential around the averages', async () => {
    const report = await get();
    expect([report.from, report.to]).toEqual(['2025-04-11', '2026-04-10']);
    // Averages: current (10000 + 2000 + 0) / 3 = 4000; potential (1200 + 50.06 + 2800) / 3 = 1350.02.
    expect(report.currentBenchmark).toBe(4000);
    expect(report.potentialBenchmark).toBe(1350.02);
    const byId = Object.fromEntries(
      report.customers.map((c: { customerId: string }) => [c.customerId, c]),
    );
    expect(byId[world.customers.c1.id]).toMatchObject({
      current: 10000,
      potential: 1200,
      value: 11200,
      quadrant: 'key',
      openDeals: 1,
    });
    expect(byId[world.customers.c2.id]).toMatchObject({
      current: 2000,
      potential: 50.06,
      value: 2050.06,
      quadrant: 'general',
    });
    expect(byId[world.customers.c3.id]).toMatchObject({
      current: 0,
      potential: 2800,
      quadrant: 'potential',
    });
    expect(report.customers.map((c: { value: number }) => c.value)).toEqual([11200, 2800, 2050.06]);
    expect(
      report.quadrants.map((q: { label: string; customers: number }) => [q.label, q.customers]),
    ).toEqual([
      ['战略客户', 0],
      ['重点客户', 1],
      ['潜在客户', 1],
      ['一般客户', 1],
    ]);
    // The SQL split agrees with the domain rule.
    for (const c of report.customers) {
      expect(
        accountQuadrant(Math.round(c.current * 100), Math.round(c.potential * 100), {
          currentCents: 400_000,
          potentialCents: 135_002,
        }),
      ).toBe(c.quadrant);
    }
  });

  it('takes benchmarks and a period, and validates them', async () => {
    const report = await get(
      '?currentBenchmark=2000&potentialBenchmark=1200&from=2026-04-10&to=2026-04-10',
    );
    const quadrantOf = (id: string) =>
      report.customers.find((c: { customerId: string }) => c.customerId === id)?.quadrant;
    // Only c2's sale of 10 April counts: c2 2000 ≥ 2000 but 50.06 < 1200 → key; c1 0 and 1200 → potential.
    expect(quadrantOf(world.customers.c2.id)).toBe('key');
    expect(quadrantOf(world.customers.c1.id)).toBe('potential');
    // No sales in the period: the revenue benchmark is 0, and no customer without revenue is
    // a high-revenue one. Potential average (1200 + 50.06 + 2800) / 3 = 1350.02: only c3 is high.
    const noSales = await get('?from=2020-01-01&to=2020-01-31');
    expect(noSales.currentBenchmark).toBe(0);
    expect(noSales.potentialBenchmark).toBe(1350.02);
    const placedIn = (id: string) =>
      noSales.customers.find((c: { customerId: string }) => c.customerId === id)?.quadrant;
    expect(placedIn(world.customers.c3.id)).toBe('potential');
    expect(placedIn(world.customers.c1.id)).toBe('general');
    expect(placedIn(world.customers.c2.id)).toBe('general');
    const bad = await t.call('GET', '/api/v1/reports/account-assessment?currentBenchmark=-1', {
      token: t.adminToken,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.currentBenchmark');
  });

  it('shows a rep their own customers and the pool only', async () => {
    const rep = await get('', world.r2.token);
    expect(rep.customers.map((c: { customerId: string }) => c.customerId)).toEqual([
      world.customers.c2.id,
    ]);
    expect(rep.total).toBe(1);
  });

  it('exports to .xlsx and CSV', async () => {
    const csv = await t.call('GET', '/api/v1/reports/account-assessment/export?format=csv', {
      token: t.adminToken,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('重点客户,1,10000,1200,11200');
    const xlsx = await t.call('GET', '/api/v1/reports/account-assessment/export', {
      token: t.adminToken,
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
