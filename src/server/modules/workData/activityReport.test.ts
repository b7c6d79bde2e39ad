// GET /reports/activity on a small world with hand-computed answers; the org is in
// Asia/Shanghai (UTC+8), so local day, ISO week and month boundaries differ from UTC's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { buildCustomer, logActivity } from '../../../../tests/setup/factories-customer-archive';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
type User = Awaited<ReturnType<typeof buildUser>>;
let manager: User;
let repA: User;
let repB: User;
let repC: User;
let east: string;
let west: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-20T04:00:00Z'));
  manager = await buildUser(t, { role: 'manager', name: 'Manager M' });
  east = (await buildTeam(t, { name: 'East', managerId: manager.id })).id;
  west = (await buildTeam(t, { name: 'West' })).id;
  repA = await buildUser(t, { teamId: east, name: 'Rep A' });
  repB = await buildUser(t, { teamId: east, name: 'Rep B' });
  repC = await buildUser(t, { teamId: west, name: 'Rep C' });
  const c1 = (await buildCustomer(t, repA.token)).id;
  const c2 = (await buildCustomer(t, repA.token)).id;
  const c3 = (await buildCustomer(t, repB.token)).id;
  const c4 = (await buildCustomer(t, repC.token)).id;
  const log = (
    token: string,
    customerId: string,
    occurredAt: string,
    effective: boolean,
    type = 'call',
  ) => logActivity(t, token, customerId, { occurredAt, effective, type });
  // 1 March 00:30 local, still 28 February in UTC.
  await log(repA.token, c1, '2026-02-28T16:30:00Z', true);
  await log(repA.token, c1, '2026-03-02T02:00:00Z', false, 'visit');
  // The last second of March local, then the first of April local.
  await log(repA.token, c2, '2026-03-31T15:59:59Z', true);
  await log(repA.token, c2, '2026-03-31T16:00:00Z', true);
  // The manager reaches c3 first, in February, so c3 is not new for rep B in March.
  await log(manager.token, c3, '2026-02-20T03:00:00Z', true);
  await log(repB.token, c3, '2026-03-10T03:00:00Z', true);
  await log(repC.token, c4, '2026-03-15T03:00:00Z', false);
});
afterAll(async () => {
  await t.close();
});

const report = (token: string, query: string) =>
  t.call('GET', `/api/v1/reports/activity?${query}`, { token });

async function rowsOf(token: string, query: string) {
  const response = await report(token, query);
  expect(response.statusCode, response.body).toBe(200);
  const rows = response.json().rows as { userId: string; newCustomersContacted: number }[];
  return Object.fromEntries(rows.map(({ userId, ...rest }) => [userId, rest]));
}

const row = (activities: number, effective: number, customers: number, fresh: number) => ({
  activities,
  effective,
  customersContacted: customers,
  newCustomersContacted: fresh,
});

describe('GET /reports/activity', () => {
  it('counts a local month, its first and last second included', async () => {
    expect(await rowsOf(t.adminToken, 'from=2026-03-01&to=2026-03-31')).toEqual({
      [repA.id]: row(3, 2, 2, 2),
      [repB.id]: row(1, 1, 1, 0),
      [repC.id]: row(1, 0, 1, 1),
      [manager.id]: row(0, 0, 0, 0),
    });
  });

  it('puts the first second of April local in April, not new any more', async () => {
    const rows = await rowsOf(t.adminToken, 'from=2026-04-01&to=2026-04-30');
    expect(rows[repA.id]).toEqual(row(1, 1, 1, 0));
    expect(rows[repB.id]).toEqual(row(0, 0, 0, 0));
  });

  it('uses local ISO weeks and days', async () => {
    // Monday 23 February – Sunday 1 March local: only the 00:30 call of 1 March.
    let rows = await rowsOf(t.adminToken, 'from=2026-02-23&to=2026-03-01');
    expect(rows[repA.id]).toEqual(row(1, 1, 1, 1));
    expect(rows[manager.id]).toEqual(row(0, 0, 0, 0));
    // The next week: the visit on c1, which rep A had already reached.
    rows = await rowsOf(t.adminToken, 'from=2026-03-02&to=2026-03-08');
    expect(rows[repA.id]).toEqual(row(1, 0, 1, 0));
    rows = await rowsOf(t.adminToken, 'from=2026-03-31&to=2026-03-31');
    expect(rows[repA.id]).toEqual(row(1, 1, 1, 1));
    rows = await rowsOf(t.adminToken, 'from=2026-02-28&to=2026-02-28');
    expect(rows[repA.id]).toEqual(row(0, 0, 0, 0));
  });

  it('counts everything without dates, the manager’s first contact included', async () => {
    const rows = await rowsOf(t.adminToken, '');
    expect(rows[manager.id]).toEqual(row(1, 1, 1, 1));
    expect(rows[repA.id]).toEqual(row(4, 3, 2, 2));
  });

  it('shows reps only themselves and managers their teams', async () => {
    expect(Object.keys(await rowsOf(repA.token, 'from=2026-03-01&to=2026-03-31'))).toEqual([
      repA.id,
    ]);
    expect((await report(repA.token, `ownerId=${repB.id}`)).statusCode).toBe(403);
    expect((await report(repA.token, `teamId=${west}`)).statusCode).toBe(403);
    // Their own team narrows nothing: still only themselves.
    expect(Object.keys(await rowsOf(repA.token, `teamId=${east}`))).toEqual([repA.id]);
    const managed = await rowsOf(manager.token, 'from=2026-03-01&to=2026-03-31');
    expect(Object.keys(managed).sort()).toEqual([manager.id, repA.id, repB.id].sort());
    expect((await report(manager.token, `teamId=${west}`)).statusCode).toBe(403);
    expect((await report(manager.token, `ownerId=${repC.id}`)).statusCode).toBe(403);
    const team = await rowsOf(t.adminToken, `from=2026-03-01&to=2026-03-31&teamId=${west}`);
    expect(team).toEqual({ [repC.id]: row(1, 0, 1, 1) });
    const nobody = '01900000-0000-7000-8000-000000000000';
    expect((await report(t.adminToken, `ownerId=${nobody}`)).statusCode).toBe(404);
    expect((await report(manager.token, `teamId=${nobody}`)).statusCode).toBe(404);
    const one = await rowsOf(manager.token, `from=2026-03-01&to=2026-03-31&ownerId=${repB.id}`);
    expect(one).toEqual({ [repB.id]: row(1, 1, 1, 0) });
  });

  // Runs last: it adds January work that the undated counts above do not expect.
  it('moves "new" to a backdated first contact, and keeps it on a tie at the same instant', async () => {
    const c5 = (await buildCustomer(t, repB.token)).id;
    await logActivity(t, repB.token, c5, { occurredAt: '2026-01-20T03:00:00Z', effective: true });
    let rows = await rowsOf(t.adminToken, 'from=2026-01-01&to=2026-01-31');
    expect(rows[repB.id]).toEqual(row(1, 1, 1, 1));
    // The manager logs an earlier call afterwards: the customer was theirs first.
    await logActivity(t, manager.token, c5, {
      occurredAt: '2026-01-10T03:00:00Z',
      effective: false,
    });
    // The admin logs one at the very same instant, later: (occurred_at, id) keeps the manager's.
    await logActivity(t, t.adminToken, c5, {
      occurredAt: '2026-01-10T03:00:00Z',
      effective: false,
    });
    rows = await rowsOf(t.adminToken, 'from=2026-01-01&to=2026-01-31');
    expect(rows[repB.id]).toEqual(row(1, 1, 1, 0));
    expect(rows[manager.id]).toEqual(row(1, 0, 1, 1));
    expect(Object.values(rows).reduce((n, r) => n + r.newCustomersContacted, 0)).toBe(1);
    rows = await rowsOf(t.adminToken, 'from=2026-01-11&to=2026-01-31');
    expect(rows[repB.id]).toEqual(row(1, 1, 1, 0));
  });

  it('refuses bad dates naming the field', async () => {
    let response = await report(t.adminToken, 'from=2026-03-31&to=2026-03-01');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring.to');
    response = await report(t.adminToken, 'from=2026-02-30');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toContain('from');
  });
});
