import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDealCustomer } from '../../../../tests/setup/factories-deals';
import { buildFunnelWorld, insertDeal } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

// deal_stage_totals is kept by triggers for every writer of deals and customers. Two checks:
// the table equals its definition recomputed from deals after each kind of write, and the
// report read from it equals the report of creation periods that hold every deal, whose
// edge days are read from the deals, for each viewer and filter.

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

/** Non-zero totals, and the same grouping recomputed from deals and their customers. */
async function totalsAndTruth() {
  const key = `org_id, funnel_id, deal_owner_id, owner_id, pool_team_id, stage_key, status,
    furthest_stage_key, created_month`;
  const stored = await t.database.query(
    sql.raw(`select ${key.replace('created_month', 'created_month::text')}, deals,
        amount_cents::text as amount, weighted_cents::text as weighted
      from deal_stage_totals where deals <> 0 or amount_cents <> 0 or weighted_cents <> 0
      order by ${key}`),
  );
  const truth = await t.database.query(
    sql.raw(`select * from (select d.org_id, d.funnel_id, d.owner_id as deal_owner_id, c.owner_id,
        c.pool_team_id, d.stage_key, d.status, coalesce(d.furthest_stage_key, '') as furthest_stage_key,
        to_char(d.created_at at time zone o.time_zone, 'YYYY-MM-01') as created_month,
        count(*)::int as deals, sum(d.amount_cents)::text as amount,
        sum(case when d.amount_cents * d.probability < 0
          then -((-(d.amount_cents * d.probability) + 50) / 100)
          else (d.amount_cents * d.probability + 50) / 100 end)::text as weighted
      from deals d join customers c on c.org_id = d.org_id and c.id = d.customer_id
        join orgs o on o.id = d.org_id
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9) x order by ${key}`),
  );
  return { stored, truth };
}

async function expectTotalsTrue() {
  const { stored, truth } = await totalsAndTruth();
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(truth);
}

async function report(token: string, query: string) {
  const response = await t.call(
    'GET',
    `/api/v1/reports/funnel?funnelId=${world.funnelId}${query}`,
    {
      token,
    },
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/**
 * The whole funnel from the totals against creation periods holding every deal (all created
 * 1 March – 3 April, Shanghai): whole months only, February and April's edges from the deals
 * with March from the totals, and March and April entirely from the deals.
 */
async function expectSameReport(token: string, filter = '') {
  const fromTotals = await report(token, filter);
  for (const period of [
    '&from=2000-01-01&to=2099-12-31',
    '&from=2026-02-15&to=2026-04-14',
    '&from=2026-03-01&to=2026-04-29',
    '&from=2026-02-28&to=2026-04-03',
  ]) {
    expect(await report(token, `${filter}${period}`)).toEqual(fromTotals);
  }
  return fromTotals;
}

describe('deal_stage_totals', () => {
  it('is backfilled and kept on insert', async () => {
    await expectTotalsTrue();
  });

  it('follows moves, edits of amount and owner, and a customer changing hands', async () => {
    const { d3, d5 } = world.ids;
    const move = await t.call('POST', `/api/v1/deals/${d3}/move`, {
      token: t.adminToken,
      body: { toStageKey: 'negotiate', overrideReason: 'totals test' },
    });
    expect(move.statusCode, move.body).toBe(200);
    const edit = await t.call('PATCH', `/api/v1/deals/${d5}`, {
      token: t.adminToken,
      body: {
        amount: 4321.09,
        ownerId: world.r1.id,
        version: (await t.call('GET', `/api/v1/deals/${d5}`, { token: t.adminToken })).json()
          .version,
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    await expectTotalsTrue();
    // Rep Three's customer handed to Rep Two (the manager now sees it), then to the pool.
    await t.database.query(
      sql`update customers set owner_id = ${world.r2.id} where id = ${world.customers.c3.id}`,
    );
    await expectTotalsTrue();
    await t.database.query(
      sql`update customers set owner_id = null, pool_team_id = ${world.team.id}
        where id = ${world.customers.c3.id}`,
    );
    await expectTotalsTrue();
    // One statement over every customer: two swap owners, the rest keep theirs.
    await t.database.query(
      sql`update customers c set owner_id = case
          when c.id = ${world.customers.c1.id} then (select owner_id from customers where id = ${world.customers.c2.id})
          when c.id = ${world.customers.c2.id} then (select owner_id from customers where id = ${world.customers.c1.id})
          else c.owner_id end, updated_at = c.updated_at`,
    );
    await expectTotalsTrue();
    // A bulk statement over several deals and a deleted deal.
    await t.database.query(
      sql`update deals set probability = probability + 1 where funnel_id = ${world.funnelId}
        and status = 'open'`,
    );
    const extra = await insertDeal(t, {
      customerId: world.customers.c2.id,
      ownerId: world.r2.id,
      funnelId: world.funnelId,
      amountCents: 12_345,
      probability: 10,
      path: [['qualify', '2026-04-02T02:00:00Z']],
    });
    await expectTotalsTrue();
    await t.database.query(sql`delete from stage_history where deal_id = ${extra}`);
    await t.database.query(sql`delete from deals where id = ${extra}`);
    await expectTotalsTrue();
  });

  it('gives the report the same figures as the deals, for every viewer and filter', async () => {
    await expectSameReport(t.adminToken);
    await expectSameReport(t.adminToken, `&ownerId=${world.r1.id}`);
    await expectSameReport(t.adminToken, `&teamId=${world.team.id}`);
    const manager = await expectSameReport(world.manager.token);
    await expectSameReport(world.manager.token, `&ownerId=${world.r2.id}`);
    await expectSameReport(world.r1.token);
    // The manager sees the pool customer of the team's grid (c3 with d5, moved to Rep One).
    const negotiate = manager.stages.find((s: { key: string }) => s.key === 'negotiate');
    expect(negotiate.count).toBe(2);
    expect(negotiate.amount).toBeCloseTo(3000 + 4321.09, 2);
  });

  it('adds customers shared with the viewer once, not twice', async () => {
    // A customer of someone outside the team, shared with the manager, with one open deal.
    const outsider = await buildDealCustomer(t, world.r3.token, { name: 'Shared Co' });
    await insertDeal(t, {
      customerId: outsider.id,
      ownerId: world.r3.id,
      funnelId: world.funnelId,
      amountCents: 70_000,
      probability: 10,
      path: [['qualify', '2026-04-03T02:00:00Z']],
    });
    const before = await report(world.manager.token, '');
    const share = await t.call(
      'PUT',
      `/api/v1/customers/${outsider.id}/collaborators/${world.manager.id}`,
      { token: t.adminToken, body: { access: 'read' } },
    );
    expect(share.statusCode, share.body).toBe(200);
    // Shared with Rep One too, who already sees c1 by ownership: still counted once.
    await t.call(
      'PUT',
      `/api/v1/customers/${world.customers.c1.id}/collaborators/${world.manager.id}`,
      {
        token: t.adminToken,
        body: { access: 'read' },
      },
    );
    const after = await expectSameReport(world.manager.token);
    const qualify = (r: { stages: { key: string; count: number; amount: number }[] }) =>
      r.stages.find((s) => s.key === 'qualify');
    expect(qualify(after)?.count).toBe((qualify(before)?.count ?? 0) + 1);
    expect(qualify(after)?.amount).toBeCloseTo((qualify(before)?.amount ?? 0) + 700, 2);
    await expectSameReport(world.r3.token);
    await expectTotalsTrue();
  });

  it('regroups the months when the org changes its time zone', async () => {
    const march = '&from=2026-03-01&to=2026-03-31';
    const before = await report(t.adminToken, march);
    const lostBefore = before.stages.find((s: { key: string }) => s.key === 'lost').count;
    await t.database.query(sql`update orgs set time_zone = 'UTC' where id = ${t.orgId}`);
    await expectTotalsTrue();
    // In UTC d6 was created on 28 February (lost, out of March) and d4 on 31 March (in).
    const after = await report(t.adminToken, march);
    const count = (r: typeof after, key: string) =>
      r.stages.find((s: { key: string }) => s.key === key).count;
    expect(count(after, 'lost')).toBe(lostBefore - 1);
    expect(count(after, 'qualify')).toBe(count(before, 'qualify') + 1);
    await t.database.query(sql`update orgs set time_zone = 'Asia/Shanghai' where id = ${t.orgId}`);
    await expectTotalsTrue();
    expect(await report(t.adminToken, march)).toEqual(before);
  });
});
