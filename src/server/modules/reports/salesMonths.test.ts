// customer_sales_months (kept by triggers on sales_lines) against a recount after every kind of
// write, and the account assessment's period split into whole months and edge days.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSalesLines } from '../../../../tests/setup/factories-qualification';
import { buildFunnelWorld } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { splitPeriod } from './salesMonths';

let t: TestApp;
let world: Awaited<ReturnType<typeof buildFunnelWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildFunnelWorld(t);
  t.clock.set(new Date('2026-04-10T04:00:00Z'));
});
afterAll(async () => {
  await t.close();
});

interface MonthRow {
  customer_id: string;
  month: string;
  amount: string;
  lines: number;
}

/** The rollup as kept, and as recounted from the lines. */
async function keptAndRecounted() {
  const order = sql`order by customer_id, month`;
  const kept = await t.database.query<MonthRow>(sql`select customer_id, month::text as month,
      amount_cents::text as amount, lines from customer_sales_months where org_id = ${t.orgId} ${order}`);
  const recounted = await t.database.query<MonthRow>(sql`select customer_id,
      date_trunc('month', order_date)::date::text as month, sum(amount_cents)::text as amount,
      count(*)::int as lines
    from sales_lines where org_id = ${t.orgId} group by 1, 2 ${order}`);
  return { kept, recounted };
}

describe('customer_sales_months', () => {
  it('stays equal to a recount after inserts, updates, moves and deletes', async () => {
    const { c1, c2, c3 } = world.customers;
    await insertSalesLines(t, c1.id, [
      { amountCents: 100_000, orderDate: '2026-01-31' },
      { amountCents: 50_000, orderDate: '2026-01-01' },
      { amountCents: 7_000, orderDate: '2026-02-01' },
    ]);
    await insertSalesLines(t, c2.id, [{ amountCents: 20_000, orderDate: '2026-03-15' }]);
    let state = await keptAndRecounted();
    expect(state.kept).toEqual([
      { customer_id: c1.id, month: '2026-01-01', amount: '150000', lines: 2 },
      { customer_id: c1.id, month: '2026-02-01', amount: '7000', lines: 1 },
      { customer_id: c2.id, month: '2026-03-01', amount: '20000', lines: 1 },
    ]);
    // One statement changing amounts, moving a line to another month and another customer,
    // and one that changes none of the summed columns (as the import marking lines paid).
    await t.database.query(sql`update sales_lines set amount_cents = amount_cents + 1
      where org_id = ${t.orgId} and customer_id = ${c1.id}`);
    await t.database.query(sql`update sales_lines set order_date = '2026-02-28', customer_id = ${c3.id}
      where org_id = ${t.orgId} and customer_id = ${c1.id} and order_date = '2026-01-31'`);
    await t.database.query(sql`update sales_lines set paid_cents = amount_cents
      where org_id = ${t.orgId}`);
    state = await keptAndRecounted();
    expect(state.kept).toEqual(state.recounted);
    expect(state.kept.find((row) => row.customer_id === c3.id)).toEqual({
      customer_id: c3.id,
      month: '2026-02-01',
      amount: '100001',
      lines: 1,
    });
    // Deleting a month's last line removes its row; a whole delete empties the org's rows.
    await t.database.query(
      sql`delete from sales_lines where org_id = ${t.orgId} and customer_id = ${c2.id}`,
    );
    state = await keptAndRecounted();
    expect(state.kept).toEqual(state.recounted);
    expect(state.kept.some((row) => row.customer_id === c2.id)).toBe(false);
    await t.database.query(sql`delete from sales_lines where org_id = ${t.orgId}`);
    state = await keptAndRecounted();
    expect(state.kept).toEqual([]);
  });

  it('gives the account assessment whole months from the rollup and edge days from the lines', async () => {
    const { c1, c2 } = world.customers;
    await insertSalesLines(t, c1.id, [
      { amountCents: 100, orderDate: '2026-01-09' }, // before the period
      { amountCents: 200, orderDate: '2026-01-10' }, // first day
      { amountCents: 400, orderDate: '2026-02-14' }, // a whole month
      { amountCents: 800, orderDate: '2026-03-20' }, // last day
      { amountCents: 1_600, orderDate: '2026-03-21' }, // after
    ]);
    await insertSalesLines(t, c2.id, [{ amountCents: 3_200, orderDate: '2026-02-01' }]);
    const report = await t.call(
      'GET',
      '/api/v1/reports/account-assessment?from=2026-01-10&to=2026-03-20',
      { token: t.adminToken },
    );
    expect(report.statusCode, report.body).toBe(200);
    const current = Object.fromEntries(
      report
        .json()
        .customers.map((c: { customerId: string; current: number }) => [c.customerId, c.current]),
    );
    // c1: 2 + 4 + 8 元; c2: 32 元 (the whole month of February).
    expect(current[c1.id]).toBe(14);
    expect(current[c2.id]).toBe(32);
    // Within one month: the lines alone.
    const inside = await t.call(
      'GET',
      '/api/v1/reports/account-assessment?from=2026-01-10&to=2026-01-31',
      { token: t.adminToken },
    );
    const c1Inside = inside
      .json()
      .customers.find((c: { customerId: string }) => c.customerId === c1.id);
    expect(c1Inside.current).toBe(2);
    // The revenue distribution sums the same way, and with an open end (all before `to`):
    // c1 1 + 2 + 4 + 8 = 15 元 and c2 32 元 fall in [0, 20) and [20, 50).
    const buckets = await t.call(
      'GET',
      '/api/v1/reports/revenue-buckets?to=2026-03-20&edges=20,50',
      { token: t.adminToken },
    );
    expect(buckets.statusCode, buckets.body).toBe(200);
    expect(
      buckets
        .json()
        .buckets.map((b: { customers: number; amount: number }) => [b.customers, b.amount]),
    ).toEqual([
      [1, 15],
      [1, 32],
      [0, 0],
    ]);
  });

  it('splits a period into whole months and the days at its edges', () => {
    expect(splitPeriod('2025-12-08', '2026-12-07')).toEqual({
      months: { from: '2026-01-01', to: '2026-11-01' },
      days: [
        { from: '2025-12-08', to: '2025-12-31' },
        { from: '2026-12-01', to: '2026-12-07' },
      ],
    });
    expect(splitPeriod('2026-02-01', '2026-02-28')).toEqual({
      months: { from: '2026-02-01', to: '2026-02-01' },
      days: [],
    });
    expect(splitPeriod('2026-01-05', '2026-01-31')).toEqual({
      months: null,
      days: [{ from: '2026-01-05', to: '2026-01-31' }],
    });
    expect(splitPeriod(null, '2026-03-20')).toEqual({
      months: { from: null, to: '2026-02-01' },
      days: [{ from: '2026-03-01', to: '2026-03-20' }],
    });
    expect(splitPeriod('2026-01-10', null)).toEqual({
      months: { from: '2026-02-01', to: null },
      days: [{ from: '2026-01-10', to: '2026-01-31' }],
    });
    expect(splitPeriod(null, null)).toEqual({ months: { from: null, to: null }, days: [] });
    expect(splitPeriod('2024-02-01', '2024-03-01')).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      days: [{ from: '2024-03-01', to: '2024-03-01' }],
    });
  });
});
