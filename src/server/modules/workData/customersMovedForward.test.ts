// Customers moved forward, as the work data report reads them for the whole org from
// customer_forward_blocks (migration 0028), against hand-computed answers, against the
// statement a team's report still runs over stage_history, and the kept blocks against a
// recount after moves, reopened and deleted deals, moves given to another rep and a new time
// zone. Asia/Shanghai (UTC+8) until the last test; Monday 30 March to Sunday 5 April is a week.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptAndRecountedForwardBlocks } from '../../../../tests/setup/contactBlocks';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { buildCustomer } from '../../../../tests/setup/factories-customer-archive';
import { buildFunnel, SMALL_FUNNEL_STAGES } from '../../../../tests/setup/factories-deals';
import { insertDeal } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
type User = Awaited<ReturnType<typeof buildUser>>;
let manager: User;
let repA: User;
let repB: User;
let funnelId: string;
let x: string;
let y: string;
/** Deals by the name used in the comments below. */
const deal = { D1: '', D2: '', D3: '' };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-20T04:00:00Z'));
  manager = await buildUser(t, { role: 'manager', name: 'Manager M' });
  const team = (await buildTeam(t, { name: 'North', managerId: manager.id })).id;
  repA = await buildUser(t, { teamId: team, name: 'Rep A' });
  repB = await buildUser(t, { teamId: team, name: 'Rep B' });
  [x, y] = [(await buildCustomer(t, repA.token)).id, (await buildCustomer(t, repB.token)).id];
  // The small funnel without its gates: these tests move deals, dealMoves.test.ts the gates.
  funnelId = (
    await buildFunnel(t, {
      name: 'Plain funnel',
      stages: SMALL_FUNNEL_STAGES.map(({ key, name, probability }) => ({ key, name, probability })),
    })
  ).id;
  const common = { funnelId, amountCents: 100_000, probability: 10 };
  // Local (Shanghai) times in the comments.
  // D1, A's deal on X: propose 31 March 23:30, won 1 April 00:30.
  deal.D1 = await insertDeal(t, {
    ...common,
    customerId: x,
    ownerId: repA.id,
    path: [
      ['qualify', '2026-03-02T02:00:00Z'],
      ['propose', '2026-03-31T15:30:00Z'],
      ['won', '2026-03-31T16:30:00Z'],
    ],
  });
  // D2, B's deal on Y: propose 2 April, negotiate Monday 6 April.
  deal.D2 = await insertDeal(t, {
    ...common,
    customerId: y,
    ownerId: repB.id,
    path: [
      ['qualify', '2026-03-10T02:00:00Z'],
      ['propose', '2026-04-02T02:00:00Z'],
      ['negotiate', '2026-04-06T02:00:00Z'],
    ],
  });
  // D3, B's deal on X: propose 20 March, lost 3 April (a loss never counts).
  deal.D3 = await insertDeal(t, {
    ...common,
    customerId: x,
    ownerId: repB.id,
    path: [
      ['qualify', '2026-03-05T02:00:00Z'],
      ['propose', '2026-03-20T02:00:00Z'],
      ['lost', '2026-04-03T02:00:00Z'],
    ],
  });
});
afterAll(async () => {
  await t.close();
});

type Figures = { a: number; b: number; m: number; total: number };

async function movedForward(from: string, to: string, token: string): Promise<Figures> {
  const response = await t.call('GET', `/api/v1/reports/work-data?from=${from}&to=${to}`, {
    token,
  });
  expect(response.statusCode, response.body).toBe(200);
  const report = response.json();
  const of = (user: User) =>
    report.rows.find((row: { userId: string }) => row.userId === user.id)?.customersMovedForward ??
    0;
  return { a: of(repA), b: of(repB), m: of(manager), total: report.totals.customersMovedForward };
}

/**
 * The admin's figures (the whole org: the blocks) for the period, checked against the
 * manager's (the team, where everyone here works: stage_history itself) and the blocks
 * against their recount.
 */
async function expectMoved(from: string, to: string, expected: Figures) {
  const wholeOrg = await movedForward(from, to, t.adminToken);
  expect([from, to, wholeOrg]).toEqual([from, to, expected]);
  expect([from, to, await movedForward(from, to, manager.token)]).toEqual([from, to, expected]);
}

async function expectNoDrift() {
  const { kept, recounted } = await keptAndRecountedForwardBlocks(t.database, t.orgId);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(recounted);
}

const move = async (token: string, dealId: string, toStageKey: string) => {
  const moved = await t.call('POST', `/api/v1/deals/${dealId}/move`, {
    token,
    body: { toStageKey },
  });
  expect(moved.statusCode, moved.body).toBe(200);
};

describe('customers moved forward from the forward blocks', () => {
  it('counts months, weeks, single days and loose days, each customer once', async () => {
    await expectNoDrift();
    // March: A moved X on the 31st, B moved X on the 20th: one customer.
    await expectMoved('2026-03-01', '2026-03-31', { a: 1, b: 1, m: 0, total: 1 });
    // April: A's win of X on the 1st; B's Y twice (2nd, 6th); B's loss of X does not count.
    await expectMoved('2026-04-01', '2026-04-30', { a: 1, b: 1, m: 0, total: 2 });
    // The week of Monday 30 March: A's X (31st and 1st, once), B's Y (2nd).
    await expectMoved('2026-03-30', '2026-04-05', { a: 1, b: 1, m: 0, total: 2 });
    // The week of Monday 6 April: B's Y.
    await expectMoved('2026-04-06', '2026-04-12', { a: 0, b: 1, m: 0, total: 1 });
    // 31 March and 1 April in Shanghai, though both moves were on 31 March in UTC.
    await expectMoved('2026-03-31', '2026-03-31', { a: 1, b: 0, m: 0, total: 1 });
    await expectMoved('2026-04-01', '2026-04-01', { a: 1, b: 0, m: 0, total: 1 });
    // 15 March – 30 April (loose days, then a whole month): B moved X and Y.
    await expectMoved('2026-03-15', '2026-04-30', { a: 1, b: 2, m: 0, total: 2 });
  });

  it('follows a deal reopened and won again, and moves made through the API', async () => {
    // D1 reopened: its move into won no longer counts; the move to propose still does.
    await t.database.query(sql`update deals set status = 'open', stage_key = 'negotiate',
        closed_at = null where org_id = ${t.orgId} and id = ${deal.D1}`);
    await expectNoDrift();
    await expectMoved('2026-04-01', '2026-04-30', { a: 0, b: 1, m: 0, total: 1 });
    await expectMoved('2026-03-31', '2026-03-31', { a: 1, b: 0, m: 0, total: 1 });
    // Won again in the same stage: the 1 April move counts again.
    await t.database.query(sql`update deals set status = 'won', stage_key = 'won',
        closed_at = '2026-04-15T02:00:00Z' where org_id = ${t.orgId} and id = ${deal.D1}`);
    await expectNoDrift();
    await expectMoved('2026-04-01', '2026-04-30', { a: 1, b: 1, m: 0, total: 2 });
    // The manager wins B's D2 on 20 April; the move is the manager's.
    await move(manager.token, deal.D2, 'won');
    await expectNoDrift();
    await expectMoved('2026-04-20', '2026-04-20', { a: 0, b: 0, m: 1, total: 1 });
    await expectMoved('2026-04-01', '2026-04-30', { a: 1, b: 1, m: 1, total: 2 });
    // A new deal of B's on Y, moved forward the same day by B.
    const created = await t.call('POST', '/api/v1/deals', {
      token: repB.token,
      body: { name: 'Second order', amount: 5000, customerId: y, funnelId, ownerId: repB.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    await move(repB.token, created.json().id, 'propose');
    await expectNoDrift();
    await expectMoved('2026-04-20', '2026-04-20', { a: 0, b: 1, m: 1, total: 1 });
  });

  it('follows moves given to another rep, a deal given to another owner, and a deal deleted', async () => {
    // D3's move to propose (20 March) becomes A's: in March only A moved X.
    await t.database.query(sql`update stage_history set by_user_id = ${repA.id}
      where org_id = ${t.orgId} and deal_id = ${deal.D3} and to_stage_key = 'propose'`);
    await expectNoDrift();
    await expectMoved('2026-03-01', '2026-03-31', { a: 1, b: 0, m: 0, total: 1 });
    // Who owns the deal now does not change who moved it.
    await t.database.query(sql`update deals set owner_id = ${repA.id}
      where org_id = ${t.orgId} and id = ${deal.D2}`);
    await expectNoDrift();
    await expectMoved('2026-04-01', '2026-04-30', { a: 1, b: 1, m: 1, total: 2 });
    // D1 deleted with its moves: A moved nothing in April any more, nor on 31 March.
    await t.database.query(sql`delete from stage_history
      where org_id = ${t.orgId} and deal_id = ${deal.D1}`);
    await t.database.query(sql`delete from deals where org_id = ${t.orgId} and id = ${deal.D1}`);
    await expectNoDrift();
    await expectMoved('2026-04-01', '2026-04-30', { a: 0, b: 1, m: 1, total: 1 });
    await expectMoved('2026-03-01', '2026-03-31', { a: 1, b: 0, m: 0, total: 1 });
  });

  it('follows bulk statements over many moves', async () => {
    // One insert of 40 forward moves on D3 and D2, by A and B, every 3 days from 1 January.
    await t.database.query(sql`insert into stage_history (org_id, id, customer_id, deal_id,
        funnel_id, from_stage_key, to_stage_key, direction, at, by_user_id)
      select ${t.orgId}, gen_random_uuid(), (array[${x}, ${y}]::uuid[])[1 + g % 2],
        (array[${deal.D3}, ${deal.D2}]::uuid[])[1 + g % 2], ${funnelId}, 'qualify', 'propose',
        'forward', '2026-01-01T02:00:00Z'::timestamptz + g * interval '3 days',
        (array[${repA.id}, ${repB.id}]::uuid[])[1 + g / 20]
      from generate_series(0, 39) g`);
    await expectNoDrift();
    // One update moving every third of them a day on, another to the other rep.
    await t.database.query(sql`update stage_history
      set at = at + case when extract(day from at)::int % 3 = 0 then interval '1 day'
          else interval '0 days' end,
        by_user_id = case when extract(day from at)::int % 3 = 1 then ${repB.id}::uuid
          else by_user_id end
      where org_id = ${t.orgId} and at < '2026-03-01T00:00:00Z'`);
    await expectNoDrift();
    // One delete of every move in February.
    await t.database.query(sql`delete from stage_history where org_id = ${t.orgId}
      and at >= '2026-02-01T00:00:00+08' and at < '2026-03-01T00:00:00+08'`);
    await expectNoDrift();
    // And the report's figures equal a count of the moves themselves.
    for (const [from, to] of [
      ['2026-01-01', '2026-04-30'],
      ['2026-01-20', '2026-03-05'],
      ['2026-03-03', '2026-03-17'],
    ] as const) {
      const [truth] = await t.database.query<Figures>(
        sql`select count(distinct h.customer_id) filter (where h.by_user_id = ${repA.id})::int as a,
          count(distinct h.customer_id) filter (where h.by_user_id = ${repB.id})::int as b,
          count(distinct h.customer_id) filter (where h.by_user_id = ${manager.id})::int as m,
          count(distinct h.customer_id)::int as total
        from stage_history h left join deals d on d.org_id = h.org_id and d.id = h.deal_id
        where h.org_id = ${t.orgId}
          and (h.at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date
          and (h.direction = 'forward' or (h.direction = 'terminal' and d.status = 'won'
            and d.stage_key = h.to_stage_key))`,
      );
      await expectMoved(from, to, truth as Figures);
    }
  });

  it('moves the days to a new org time zone', async () => {
    // The manager moves D3 forward at 20:00 UTC on 31 May: 1 June in Shanghai.
    await t.database.query(sql`insert into stage_history (org_id, id, customer_id, deal_id,
        funnel_id, from_stage_key, to_stage_key, direction, at, by_user_id)
      values (${t.orgId}, gen_random_uuid(), ${x}, ${deal.D3}, ${funnelId}, 'qualify',
        'propose', 'forward', '2026-05-31T20:00:00Z', ${manager.id})`);
    await expectNoDrift();
    await expectMoved('2026-05-01', '2026-05-31', { a: 0, b: 0, m: 0, total: 0 });
    await expectMoved('2026-06-01', '2026-06-30', { a: 0, b: 0, m: 1, total: 1 });
    const settings = (await t.call('GET', '/api/v1/settings/org', { token: t.adminToken })).json();
    const changed = await t.call('PATCH', '/api/v1/settings/org', {
      token: t.adminToken,
      body: { version: settings.version, timeZone: 'Europe/London' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await expectNoDrift();
    // 21:00 on 31 May in London (summer time): May, not June.
    await expectMoved('2026-05-01', '2026-05-31', { a: 0, b: 0, m: 1, total: 1 });
    await expectMoved('2026-06-01', '2026-06-30', { a: 0, b: 0, m: 0, total: 0 });
    await expectMoved('2026-05-31', '2026-05-31', { a: 0, b: 0, m: 1, total: 1 });
  });
});
