import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { buildDeal, buildDealCustomer, buildFunnel } from '../../../../tests/setup/factories-deals';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

// A manager opening, from the team table, the report of a rep who has not opened it yet: team
// East (manager M, rep R with one open deal on customer X), team West (manager M2, rep R3).
// Today is 2026-03-20 in Asia/Shanghai: 2026-03-H1 is due (by the 16th), H2 is current,
// 2026-04-H1 has not started.

const H1 = '2026-03-H1';
let t: TestApp;
let m: Awaited<ReturnType<typeof buildUser>>;
let m2: Awaited<ReturnType<typeof buildUser>>;
let r: Awaited<ReturnType<typeof buildUser>>;
let r3: Awaited<ReturnType<typeof buildUser>>;
let customerX: string;

const openRep = (token: string, userId: string, period = H1) =>
  t.call('POST', `/api/v1/funnel-reviews/team/${userId}/${period}`, { token });

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-20T04:00:00Z'));
  m = await buildUser(t, { role: 'manager', name: 'Manager M' });
  m2 = await buildUser(t, { role: 'manager', name: 'Manager M2' });
  const east = (await buildTeam(t, { name: 'East', managerId: m.id })).id;
  const west = (await buildTeam(t, { name: 'West', managerId: m2.id })).id;
  r = await buildUser(t, { role: 'rep', teamId: east, name: 'Rep R' });
  r3 = await buildUser(t, { role: 'rep', teamId: west, name: 'Rep Three' });
  const funnel = await buildFunnel(t);
  customerX = (await buildDealCustomer(t, r.token, { name: 'Customer X' })).id;
  await buildDeal(t, r.token, { customerId: customerX, funnelId: funnel.id, amount: 5000 });
});

afterAll(async () => {
  await t?.close();
});

describe('POST /funnel-reviews/team/{userId}/{period}', () => {
  it("is for the rep's manager or an admin, for a started period", async () => {
    expect((await openRep(r.token, r.id)).statusCode).toBe(403);
    expect((await openRep(m2.token, r.id)).statusCode).toBe(404);
    expect((await openRep(m.token, r3.id)).statusCode).toBe(404);
    expect((await openRep(m.token, m.id)).statusCode).toBe(404);
    const bad = await openRep(m.token, r.id, '2026-3-H1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('params.period');
    const future = await openRep(m.token, r.id, '2026-04-H1');
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('params.period');
    // None of these created a report.
    const row = (
      await t.call('GET', `/api/v1/funnel-reviews/team?period=${H1}`, { token: m.token })
    )
      .json()
      .rows.find((x: { userId: string }) => x.userId === r.id);
    expect(row).toMatchObject({ status: 'missing', reviewId: null });
  });

  it("opens the rep's prefilled draft read-only, the same one the rep then gets", async () => {
    const opened = await openRep(m.token, r.id);
    expect(opened.statusCode, opened.body).toBe(200);
    const review = opened.json();
    expect(review).toMatchObject({
      userId: r.id,
      userName: 'Rep R',
      status: 'draft',
      canEdit: false,
      canReview: false,
      period: { key: H1 },
    });
    expect(review.lines).toMatchObject([{ customerId: customerX, amount: 5000 }]);
    expect((await openRep(m.token, r.id)).json().id).toBe(review.id);
    expect((await openRep(t.adminToken, r.id)).json().id).toBe(review.id);
    const row = (
      await t.call('GET', `/api/v1/funnel-reviews/team?period=${H1}`, { token: m.token })
    )
      .json()
      .rows.find((x: { userId: string }) => x.userId === r.id);
    expect(row).toMatchObject({ status: 'missing', reviewId: review.id });
    const mine = await t.call('POST', `/api/v1/funnel-reviews/mine/${H1}`, { token: r.token });
    expect(mine.json()).toMatchObject({ id: review.id, canEdit: true, status: 'draft' });
    // The manager cannot edit it.
    const edit = await t.call('PATCH', `/api/v1/funnel-reviews/${review.id}`, {
      token: m.token,
      body: { version: review.version, note: 'not mine' },
    });
    expect(edit.statusCode).toBe(403);
  });
});
