// customer_sales_pipeline (kept by triggers on sales_lines, deals and customers) against a
// recount after every kind of write — a sales import and its lines taken back, line edits,
// deal moves, closes and deletes, customers changing hands — and the reports that read it,
// hand-computed.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, importFile } from '../../../../tests/setup/factories-imports';
import { insertSalesLines } from '../../../../tests/setup/factories-qualification';
import { buildFunnelWorld } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

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

interface PipelineRow {
  customer_id: string;
  owner_id: string | null;
  pool_team_id: string | null;
  sales: string;
  lines: number;
  first_on: string | null;
  last_on: string | null;
  open_deals: number;
  potential: string;
}

/** The table as kept, and as recounted from the customers, their lines and open deals. */
async function keptAndRecounted() {
  const kept = await t.database.query<PipelineRow>(sql`select customer_id, owner_id, pool_team_id,
      sales_cents::text as sales, sales_lines as lines, first_order_on::text as first_on,
      last_order_on::text as last_on, open_deals, potential_cents::text as potential
    from customer_sales_pipeline where org_id = ${t.orgId} order by customer_id`);
  const recounted = await t.database.query<PipelineRow>(sql`select * from (
      select c.id as customer_id, c.owner_id, c.pool_team_id,
        (select coalesce(sum(s.amount_cents), 0)::text from sales_lines s
          where s.org_id = c.org_id and s.customer_id = c.id) as sales,
        (select count(*)::int from sales_lines s
          where s.org_id = c.org_id and s.customer_id = c.id) as lines,
        (select min(s.order_date)::text from sales_lines s
          where s.org_id = c.org_id and s.customer_id = c.id) as first_on,
        (select max(s.order_date)::text from sales_lines s
          where s.org_id = c.org_id and s.customer_id = c.id) as last_on,
        (select count(*)::int from deals d
          where d.org_id = c.org_id and d.customer_id = c.id and d.status = 'open') as open_deals,
        (select coalesce(sum(round(d.amount_cents * d.probability / 100.0)), 0)::text from deals d
          where d.org_id = c.org_id and d.customer_id = c.id and d.status = 'open') as potential
      from customers c where c.org_id = ${t.orgId}) r
    where r.lines > 0 or r.open_deals > 0
    order by customer_id`);
  return { kept, recounted };
}

async function expectInStep() {
  const state = await keptAndRecounted();
  expect(state.kept).toEqual(state.recounted);
  return new Map(state.kept.map((row) => [row.customer_id, row]));
}

async function nameOf(id: string): Promise<string> {
  const [row] = await t.database.query<{ name: string }>(
    sql`select name from customers where org_id = ${t.orgId} and id = ${id}`,
  );
  return row?.name as string;
}

describe('customer_sales_pipeline', () => {
  it('stays equal to a recount after imports, line edits, deal writes and changes of hands', async () => {
    const { c1, c2, c3 } = world.customers;
    // The world's open deals: c1 d3 3,000 元 × 40 %, c2 d4 500.55 元 × 10 % (5,005.5 cents,
    // rounded half away from zero), c3 d5 4,000 元 × 70 %.
    let rows = await expectInStep();
    expect([...rows.values()].map((r) => [r.customer_id, r.open_deals, r.potential])).toEqual(
      [
        [c1.id, 1, '120000'],
        [c2.id, 1, '5006'],
        [c3.id, 1, '280000'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    // A sales import (the background job writes the lines), then its lines taken back.
    const job = await importFile(t, t.adminToken, {
      file: Buffer.from(
        csvText([
          ['客户', '金额', '日期'],
          [await nameOf(c1.id), '100.50', '2026-01-15'],
          [await nameOf(c1.id), '200', '2026-03-20'],
          [await nameOf(c2.id), '50', '2026-02-01'],
        ]),
      ),
      fileName: 'sales.csv',
      fields: { kind: 'sales' },
    });
    expect(job.status).toBe('done');
    rows = await expectInStep();
    expect(rows.get(c1.id)).toMatchObject({
      sales: '30050',
      lines: 2,
      first_on: '2026-01-15',
      last_on: '2026-03-20',
    });
    expect(rows.get(c2.id)).toMatchObject({ sales: '5000', lines: 1, first_on: '2026-02-01' });
    await t.database.query(
      sql`delete from sales_lines where org_id = ${t.orgId} and import_id = ${job.id}`,
    );
    rows = await expectInStep();
    expect(rows.get(c1.id)).toMatchObject({ sales: '0', lines: 0, first_on: null, open_deals: 1 });

    // Line edits: amounts, a line moved to another customer and day, paid-marking, deletes.
    await insertSalesLines(t, c1.id, [
      { amountCents: 1_000, orderDate: '2025-12-31' },
      { amountCents: 2_000, orderDate: '2026-02-14' },
      { amountCents: 4_000, orderDate: '2026-03-01' },
    ]);
    await t.database.query(sql`update sales_lines set amount_cents = amount_cents + 1
      where org_id = ${t.orgId} and customer_id = ${c1.id}`);
    await t.database.query(sql`update sales_lines set customer_id = ${c3.id}, order_date = '2026-04-01'
      where org_id = ${t.orgId} and customer_id = ${c1.id} and order_date = '2026-03-01'`);
    await t.database.query(
      sql`update sales_lines set paid_cents = amount_cents where org_id = ${t.orgId}`,
    );
    rows = await expectInStep();
    expect(rows.get(c1.id)).toMatchObject({
      sales: '3002',
      lines: 2,
      first_on: '2025-12-31',
      last_on: '2026-02-14',
    });
    expect(rows.get(c3.id)).toMatchObject({ sales: '4001', lines: 1, first_on: '2026-04-01' });
    await t.database.query(sql`delete from sales_lines
      where org_id = ${t.orgId} and customer_id = ${c1.id} and order_date = '2025-12-31'`);
    rows = await expectInStep();
    expect(rows.get(c1.id)).toMatchObject({ sales: '2001', lines: 1, first_on: '2026-02-14' });

    // Deals: a probability change, a close, a deal moved to another customer, a delete.
    const { d3, d4, d5 } = world.ids;
    await t.database.query(
      sql`update deals set probability = 70 where org_id = ${t.orgId} and id = ${d3}`,
    );
    rows = await expectInStep();
    expect(rows.get(c1.id)).toMatchObject({ open_deals: 1, potential: '210000' });
    await t.database.query(sql`update deals set status = 'won', stage_key = 'won', probability = 100,
        closed_at = now() where org_id = ${t.orgId} and id = ${d3}`);
    await t.database.query(
      sql`update deals set customer_id = ${c3.id} where org_id = ${t.orgId} and id = ${d4}`,
    );
    rows = await expectInStep();
    expect(rows.get(c1.id)).toMatchObject({ open_deals: 0, potential: '0', sales: '2001' });
    // c2: no sales left and no open deal, so no row.
    expect(rows.has(c2.id)).toBe(false);
    expect(rows.get(c3.id)).toMatchObject({ open_deals: 2, potential: '285006' });
    await t.database.query(
      sql`delete from stage_history where org_id = ${t.orgId} and deal_id = ${d5}`,
    );
    await t.database.query(sql`delete from deals where org_id = ${t.orgId} and id = ${d5}`);
    rows = await expectInStep();
    expect(rows.get(c3.id)).toMatchObject({ open_deals: 1, potential: '5006' });

    // Customers changing hands: c3 released to its team's grid pool, c1 handed to R3.
    await t.database.query(sql`update customers set owner_id = null, pool_team_id = ${world.team.id}
      where org_id = ${t.orgId} and id = ${c3.id}`);
    await t.database.query(
      sql`update customers set owner_id = ${world.r3.id} where org_id = ${t.orgId} and id = ${c1.id}`,
    );
    rows = await expectInStep();
    expect(rows.get(c3.id)).toMatchObject({ owner_id: null, pool_team_id: world.team.id });
    expect(rows.get(c1.id)).toMatchObject({ owner_id: world.r3.id });
  });

  it('gives each viewer the reports of the customers they see now, hand-computed', async () => {
    const { c1, c3 } = world.customers;
    // As the test above leaves them: c1 (R3's, outside the team) 20.01 元 on 14 February, no
    // open deal; c3 (the team's grid pool) 40.01 元 on 1 April and d4 open (50.06 元 weighted).
    const assessment = async (token: string, query = '') => {
      const response = await t.call('GET', `/api/v1/reports/account-assessment${query}`, {
        token,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as {
        customers: { customerId: string; current: number; potential: number; openDeals: number }[];
        total: number;
      };
    };
    const admin = await assessment(t.adminToken);
    expect(admin.total).toBe(2);
    expect(admin.customers.map((c) => [c.customerId, c.current, c.potential, c.openDeals])).toEqual(
      [
        [c3.id, 40.01, 50.06, 1],
        [c1.id, 20.01, 0, 0],
      ],
    );
    // The manager and R1 see their team's grid pool and no longer c1; R3 only c1 (another
    // team's grid pool is not theirs to see).
    const manager = await assessment(world.manager.token);
    expect(manager.customers.map((c) => c.customerId)).toEqual([c3.id]);
    expect((await assessment(world.r1.token)).customers.map((c) => c.customerId)).toEqual([c3.id]);
    expect((await assessment(world.r3.token)).customers.map((c) => c.customerId)).toEqual([c1.id]);
    // A period ending before c3's sale: c3 keeps its pipeline with no current revenue (its only
    // line is after the period); c1's line falls inside.
    const march = await assessment(t.adminToken, '?from=2026-02-01&to=2026-03-31');
    expect(march.customers.map((c) => [c.customerId, c.current, c.potential])).toEqual([
      [c3.id, 0, 50.06],
      [c1.id, 20.01, 0],
    ]);
    // The revenue distribution: all sales (c1 20.01, c3 40.01 元), then only up to 31 March.
    const buckets = async (query: string, token = t.adminToken) => {
      const response = await t.call('GET', `/api/v1/reports/revenue-buckets${query}`, { token });
      expect(response.statusCode, response.body).toBe(200);
      return response
        .json()
        .buckets.map((b: { customers: number; amount: number }) => [b.customers, b.amount]);
    };
    expect(await buckets('?edges=30')).toEqual([
      [1, 20.01],
      [1, 40.01],
    ]);
    expect(await buckets('?edges=30&to=2026-03-31')).toEqual([
      [1, 20.01],
      [0, 0],
    ]);
    expect(await buckets('?edges=30', world.manager.token)).toEqual([
      [0, 0],
      [1, 40.01],
    ]);
  });
});
