import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { buildContact, buildCustomer } from '../../../../tests/setup/factories-customer-archive';
import { buildFunnel } from '../../../../tests/setup/factories-deals';
import { insertDeal } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

// A small world with hand-computed answers, in the org's zone (Asia/Shanghai, UTC+8):
// seminar A starts 2026-03-10 (= 2026-03-09T16:00Z), roadshow B 2026-03-20 (= 03-19T16:00Z),
// both from the channel 展会及研讨会; exhibition C on 2026-04-01 from 互联网.
// C1, C2 (rep R1) and C3 (rep R2) are the manager's team's; C4 belongs to R3, outside it.
let t: TestApp;
let manager: Awaited<ReturnType<typeof buildUser>>;
let r1: Awaited<ReturnType<typeof buildUser>>;
const ids: Record<string, string> = {};

async function campaign(body: Record<string, unknown>): Promise<string> {
  const response = await t.call('POST', '/api/v1/campaigns', { token: t.adminToken, body });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function invite(campaignId: string, invitees: { customerId: string; contactId?: string }[]) {
  const response = await t.call('POST', `/api/v1/campaigns/${campaignId}/invitees`, {
    token: t.adminToken,
    body: { invitees },
  });
  expect(response.json().added).toBe(invitees.length);
}

/** Marks the invitee of this customer (and contact) as attended, as the admin. */
async function attend(campaignId: string, customerId: string, contactId: string | null = null) {
  const list = await t.call('GET', `/api/v1/campaigns/${campaignId}/invitees`, {
    token: t.adminToken,
  });
  const invitee = list
    .json()
    .items.find(
      (i: { customerId: string; contactId: string | null }) =>
        i.customerId === customerId && i.contactId === contactId,
    );
  const response = await t.call(
    'POST',
    `/api/v1/campaigns/${campaignId}/invitees/${invitee.id}/attendance`,
    { token: t.adminToken, body: {} },
  );
  expect(response.statusCode).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-10T02:00:00Z'));
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  r1 = await buildUser(t, { teamId: team.id });
  const r2 = await buildUser(t, { teamId: team.id });
  const r3 = await buildUser(t);
  const funnel = (await buildFunnel(t)).id;
  const c1 = (await buildCustomer(t, r1.token, { name: 'C1 明达' })).id;
  const c2 = (await buildCustomer(t, r1.token, { name: 'C2 远航' })).id;
  const c3 = (await buildCustomer(t, r2.token, { name: 'C3 华星' })).id;
  const c4 = (await buildCustomer(t, r3.token, { name: 'C4 青禾' })).id;
  const x = (await buildContact(t, r1.token, c1, { name: '陈经理' })).id;
  Object.assign(ids, { c1, c2, c3, c4 });

  // C1: forward to propose after A's start, won after B's start (¥3,000).
  await insertDeal(t, {
    customerId: c1,
    ownerId: r1.id,
    funnelId: funnel,
    amountCents: 300_000,
    probability: 100,
    path: [
      ['qualify', '2026-03-01T02:00:00Z'],
      ['propose', '2026-03-12T02:00:00Z'],
      ['won', '2026-03-25T02:00:00Z'],
    ],
  });
  // C2: both forward moves at 23:00 and 23:30 on 03-09 in Shanghai, before A starts; after
  // it only a move back and a loss, which are not progress.
  await insertDeal(t, {
    customerId: c2,
    ownerId: r1.id,
    funnelId: funnel,
    amountCents: 900_000,
    probability: 0,
    path: [
      ['qualify', '2026-03-09T15:00:00Z'],
      ['propose', '2026-03-09T15:30:00Z'],
      ['qualify', '2026-03-12T02:00:00Z'],
      ['lost', '2026-03-15T02:00:00Z'],
    ],
  });
  // C3: opened 00:30 on 03-10 in Shanghai (after A's start, but C3 skips A), won after B's
  // start (¥5,000).
  await insertDeal(t, {
    customerId: c3,
    ownerId: r2.id,
    funnelId: funnel,
    amountCents: 500_000,
    probability: 100,
    path: [
      ['qualify', '2026-03-09T16:30:00Z'],
      ['won', '2026-03-21T02:00:00Z'],
    ],
  });
  // C4 (outside the manager's teams): opened and won during A (¥1,000).
  await insertDeal(t, {
    customerId: c4,
    ownerId: r3.id,
    funnelId: funnel,
    amountCents: 100_000,
    probability: 100,
    path: [
      ['qualify', '2026-03-11T02:00:00Z'],
      ['won', '2026-03-15T02:00:00Z'],
    ],
  });

  const source = '展会及研讨会';
  const a = await campaign({
    type: 'seminar',
    name: 'A 研讨会',
    startsOn: '2026-03-10',
    endsOn: '2026-03-11',
    cost: '5000.50',
    source,
  });
  const b = await campaign({
    type: 'roadshow',
    name: 'B 路演',
    startsOn: '2026-03-20',
    endsOn: '2026-03-20',
    cost: 1200,
    source,
  });
  const c = await campaign({
    type: 'exhibition',
    name: 'C 展会',
    startsOn: '2026-04-01',
    endsOn: '2026-04-02',
    source: '互联网',
  });
  Object.assign(ids, { a, b, c });
  await invite(a, [
    { customerId: c1 },
    { customerId: c1, contactId: x },
    { customerId: c2 },
    { customerId: c3 },
    { customerId: c4 },
  ]);
  await attend(a, c1, x);
  await attend(a, c2);
  await attend(a, c4);
  await invite(b, [{ customerId: c1 }, { customerId: c3 }]);
  await attend(b, c1);
  await attend(b, c3);
  await invite(c, [{ customerId: c2 }]);
});
afterAll(async () => {
  await t.close();
});

const none = { movedForward: 0, dealsWon: 0, wonAmount: 0 };

describe('GET /campaigns/report', () => {
  it('needs a session and checks its filters', async () => {
    expect((await t.call('GET', '/api/v1/campaigns/report')).statusCode).toBe(401);
    const bad = await t.call('GET', '/api/v1/campaigns/report?from=2026-04-01&to=2026-03-01', {
      token: manager.token,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.to');
    const type = await t.call('GET', '/api/v1/campaigns/report?type=party', {
      token: manager.token,
    });
    expect(type.statusCode).toBe(400);
  });

  it("counts for a manager only their teams' customers, each customer and deal once per channel", async () => {
    const response = await t.call('GET', '/api/v1/campaigns/report', { token: manager.token });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.rows).toEqual([
      expect.objectContaining({ name: 'C 展会', invited: 1, attended: 0, ...none, cost: 0 }),
      expect.objectContaining({
        name: 'B 路演',
        type: 'roadshow',
        source: '展会及研讨会',
        invited: 2,
        attended: 2,
        movedForward: 2,
        dealsWon: 2,
        wonAmount: 8000,
        cost: 1200,
      }),
      expect.objectContaining({
        name: 'A 研讨会',
        startsOn: '2026-03-10',
        invited: 3,
        attended: 2,
        movedForward: 1,
        dealsWon: 1,
        wonAmount: 3000,
        cost: 5000.5,
      }),
    ]);
    expect(report.bySource).toEqual([
      {
        source: '互联网',
        campaigns: 1,
        invited: 1,
        attended: 0,
        ...none,
        cost: 0,
      },
      {
        source: '展会及研讨会',
        campaigns: 2,
        invited: 3,
        attended: 3,
        movedForward: 2,
        dealsWon: 2,
        wonAmount: 8000,
        cost: 6200.5,
      },
    ]);
    expect(report.total).toEqual({
      campaigns: 3,
      invited: 3,
      attended: 3,
      movedForward: 2,
      dealsWon: 2,
      wonAmount: 8000,
      cost: 6200.5,
    });
  });

  it('counts everything for an admin, and only their own customers for a rep', async () => {
    const admin = (await t.call('GET', '/api/v1/campaigns/report', { token: t.adminToken })).json();
    expect(admin.rows.find((r: { name: string }) => r.name === 'A 研讨会')).toMatchObject({
      invited: 4,
      attended: 3,
      movedForward: 2,
      dealsWon: 2,
      wonAmount: 4000,
    });
    expect(admin.total).toMatchObject({
      invited: 4,
      attended: 4,
      movedForward: 3,
      dealsWon: 3,
      wonAmount: 9000,
    });
    const rep = (await t.call('GET', '/api/v1/campaigns/report', { token: r1.token })).json();
    expect(rep.total).toMatchObject({
      campaigns: 3,
      invited: 2,
      attended: 2,
      movedForward: 1,
      dealsWon: 1,
      wonAmount: 3000,
    });
  });

  it('filters by start day and type', async () => {
    const march = await t.call(
      'GET',
      '/api/v1/campaigns/report?from=2026-03-10&to=2026-03-20&type=roadshow',
      { token: manager.token },
    );
    expect(march.json().rows.map((r: { name: string }) => r.name)).toEqual(['B 路演']);
    expect(march.json().total).toMatchObject({ campaigns: 1, invited: 2, wonAmount: 8000 });
  });
});
