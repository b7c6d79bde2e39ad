// The work data report's totals count customers once however many reps worked on them, and
// activity_day_counts (the per-rep, per-local-day counts the reports add up) stays equal to the
// activities through inserts, updates, deletes and a change of the org's time zone.
// Asia/Shanghai until the last test; the clock stands at Monday 20 April 2026.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { buildCustomer, logActivity } from '../../../../tests/setup/factories-customer-archive';
import { buildFunnel } from '../../../../tests/setup/factories-deals';
import { insertDeal } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
type User = Awaited<ReturnType<typeof buildUser>>;
let repA: User;
let repB: User;
let shared: string;
let own: string;
let east: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-20T04:00:00Z'));
  const manager = await buildUser(t, { role: 'manager', name: 'Manager M' });
  east = (await buildTeam(t, { name: 'East', managerId: manager.id })).id;
  repA = await buildUser(t, { teamId: east, name: 'Rep A' });
  repB = await buildUser(t, { teamId: east, name: 'Rep B' });
  shared = (await buildCustomer(t, repA.token)).id;
  own = (await buildCustomer(t, repA.token)).id;
  const share = await t.call('PUT', `/api/v1/customers/${shared}/collaborators/${repB.id}`, {
    token: repA.token,
    body: { access: 'write' },
  });
  expect(share.statusCode, share.body).toBeLessThan(300);
  await logActivity(t, repA.token, shared, { occurredAt: '2026-04-10T02:00:00Z' });
  await logActivity(t, repB.token, shared, {
    occurredAt: '2026-04-12T02:00:00Z',
    type: 'visit',
    channel: 'cold_visit',
  });
  await logActivity(t, repA.token, own, { occurredAt: '2026-04-13T02:00:00Z', effective: false });
  // Monday 20 April 01:00 in Shanghai, Sunday 19 April 18:00 in London.
  await logActivity(t, repA.token, own, { occurredAt: '2026-04-19T17:00:00Z' });
  const funnel = await buildFunnel(t);
  // Both reps move the shared customer forward; A's deal is won after both contacts.
  await insertDeal(t, {
    customerId: shared,
    ownerId: repA.id,
    funnelId: funnel.id,
    amountCents: 100_000,
    probability: 100,
    path: [
      ['qualify', '2026-04-09T02:00:00Z'],
      ['propose', '2026-04-11T02:00:00Z'],
      ['won', '2026-04-15T02:00:00Z'],
    ],
  });
  await insertDeal(t, {
    customerId: shared,
    ownerId: repB.id,
    funnelId: funnel.id,
    amountCents: 20_000,
    probability: 40,
    path: [
      ['qualify', '2026-04-11T02:00:00Z'],
      ['propose', '2026-04-13T02:00:00Z'],
    ],
  });
});
afterAll(async () => {
  await t.close();
});

const report = async (from: string, to: string) => {
  const response = await t.call('GET', `/api/v1/reports/work-data?from=${from}&to=${to}`, {
    token: t.adminToken,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

/** The day counts as kept, and as computed from the activities in the org's zone now. */
async function keptAndComputed() {
  const kept = await t.database.query(sql`select user_id, day::text as day, type, channel,
      activities, effective from activity_day_counts where org_id = ${t.orgId}
    order by 1, 2, 3, 4`);
  const computed = await t.database.query(sql`select a.user_id,
      (a.occurred_at at time zone o.time_zone)::date::text as day, a.type,
      coalesce(a.channel, '') as channel, count(*)::int as activities,
      (count(*) filter (where a.effective))::int as effective
    from activities a join orgs o on o.id = a.org_id where a.org_id = ${t.orgId}
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  return { kept, computed };
}

describe('work data totals', () => {
  it('count a customer two reps worked on once, and each rep once', async () => {
    const april = await report('2026-04-01', '2026-04-30');
    const byUser = Object.fromEntries(
      april.rows.map((row: { userId: string }) => [row.userId, row]),
    );
    expect(byUser[repA.id]).toMatchObject({
      activities: 3,
      customersContacted: 2,
      contactedWon: 1,
      customersMovedForward: 1,
    });
    expect(byUser[repB.id]).toMatchObject({
      activities: 1,
      customersContacted: 1,
      contactedWon: 1,
      customersMovedForward: 1,
    });
    // The sums of the rows would be 3, 2 and 2.
    expect(april.totals).toMatchObject({
      activities: 4,
      effective: 3,
      customersContacted: 2,
      contactedWon: 1,
      conversion: 0.5,
      customersMovedForward: 1,
    });
  });

  it('leave out a contact after the win, and a win before the period', async () => {
    // 14–30 April: only A's late contact of a customer with no win.
    const late = await report('2026-04-14', '2026-04-30');
    expect(late.totals).toMatchObject({ customersContacted: 1, contactedWon: 0 });
    // 12–30 April: B's contact (12th) precedes the win (15th); A's are of the other customer.
    const mid = await report('2026-04-12', '2026-04-30');
    const b = mid.rows.find((row: { userId: string }) => row.userId === repB.id);
    expect(b).toMatchObject({ customersContacted: 1, contactedWon: 1 });
    expect(mid.totals).toMatchObject({ customersContacted: 2, contactedWon: 1 });
  });
});

describe('the trend against targets', () => {
  it('counts a team by its team target where it has one, one rep by their own', async () => {
    for (const body of [
      { teamId: east, period: 'day', metric: 'calls', target: 4 },
      { userId: repA.id, period: 'day', metric: 'calls', target: 1 },
      { userId: repB.id, period: 'day', metric: 'visits', target: 2 },
      { userId: repB.id, period: 'week', metric: 'visits', target: 9 },
    ]) {
      const created = await t.call('POST', '/api/v1/activity-targets', {
        token: t.adminToken,
        body,
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const april = await report('2026-04-01', '2026-04-30');
    expect(april.trendTargets).toEqual({
      calls: 4,
      visits: 2,
      effective: null,
      new_customers: null,
      proposals: null,
    });
    const mine = await t.call(
      'GET',
      `/api/v1/reports/work-data?from=2026-04-01&to=2026-04-30&ownerId=${repA.id}`,
      { token: t.adminToken },
    );
    expect(mine.json().trendTargets).toMatchObject({ calls: 1, visits: null });
  });
});

describe('activity_day_counts', () => {
  it('follows updates and deletes of activities', async () => {
    expect((await keptAndComputed()).kept).toHaveLength(4);
    await t.database.query(sql`update activities set type = 'visit', channel = 'phone'
      where org_id = ${t.orgId} and occurred_at = '2026-04-13T02:00:00Z'`);
    await t.database.query(sql`delete from activities
      where org_id = ${t.orgId} and occurred_at = '2026-04-10T02:00:00Z'`);
    const { kept, computed } = await keptAndComputed();
    expect(kept).toEqual(computed);
    expect(kept).toHaveLength(3);
    const april = await report('2026-04-01', '2026-04-30');
    expect(april.totals).toMatchObject({ activities: 3, visits: 2, calls: 1 });
    expect(april.totals.byChannel).toMatchObject({ phone: 1, cold_visit: 1, none: 1 });
  });

  it('moves activities to the days of a new org time zone', async () => {
    const monday = await report('2026-04-20', '2026-04-20');
    expect(monday.totals.activities).toBe(1);
    expect(monday.calendar).toEqual([{ userId: repA.id, day: '2026-04-20', count: 1 }]);
    const settings = (await t.call('GET', '/api/v1/settings/org', { token: t.adminToken })).json();
    const changed = await t.call('PATCH', '/api/v1/settings/org', {
      token: t.adminToken,
      body: { version: settings.version, timeZone: 'Europe/London' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const { kept, computed } = await keptAndComputed();
    expect(kept).toEqual(computed);
    expect((await report('2026-04-20', '2026-04-20')).totals.activities).toBe(0);
    const sunday = await report('2026-04-19', '2026-04-19');
    expect(sunday.totals.activities).toBe(1);
    expect(sunday.calendar).toEqual([{ userId: repA.id, day: '2026-04-19', count: 1 }]);
    // A new activity lands on its London day.
    await logActivity(t, repA.token, own, { occurredAt: '2026-04-19T23:30:00Z' });
    expect((await report('2026-04-20', '2026-04-20')).totals.activities).toBe(1);
  });
});
