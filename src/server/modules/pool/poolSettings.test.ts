import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam } from '../../../../tests/setup/factories';
import {
  buildCustomer,
  buildMember,
  claim,
  seedDeal,
  seedFunnel,
  seedPoolCustomers,
  setPoolSettings,
} from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let team: { id: string };
let rep: Awaited<ReturnType<typeof buildMember>>;
let manager: Awaited<ReturnType<typeof buildMember>>;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t);
  rep = await buildMember(t, { teamId: team.id });
  manager = await buildMember(t, { role: 'manager', teamId: team.id });
});
afterAll(async () => {
  await t.close();
});

describe('/pool/settings', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/pool/settings')).statusCode).toBe(401);
  });

  it("starts with the seed's defaults: 50 customers, 30 days' cool-down", async () => {
    const response = await t.call('GET', '/api/v1/pool/settings', { token: rep.token });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      holdingLimit: 50,
      wonDealsExempt: false,
      cooldownDays: 30,
      dailyClaimQuota: null,
      releaseReasonRequired: false,
      gridSpillDays: 7,
      version: 1,
      guidance: { min: 30, typical: 50, max: 70 },
    });
  });

  it('refuses a manager (403) and bad values (400, field named, nothing saved)', async () => {
    expect(
      (
        await t.call('PATCH', '/api/v1/pool/settings', {
          token: manager.token,
          body: { version: 1 },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await t.call('PATCH', '/api/v1/pool/settings', {
      token: t.adminToken,
      body: { version: 1, holdingLimit: -1, cooldownDays: 1.5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.cooldownDays', 'body.holdingLimit']);
    expect(
      (await t.call('GET', '/api/v1/pool/settings', { token: rep.token })).json().version,
    ).toBe(1);
  });

  it('saves with the version and refuses a stale one', async () => {
    const ok = await t.call('PATCH', '/api/v1/pool/settings', {
      token: t.adminToken,
      body: { version: 1, holdingLimit: 40, dailyClaimQuota: 10 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ holdingLimit: 40, dailyClaimQuota: 10, version: 2 });
    const stale = await t.call('PATCH', '/api/v1/pool/settings', {
      token: t.adminToken,
      body: { version: 1, holdingLimit: 60 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { holdingLimit: 40 } });
    const cleared = await setPoolSettings(t, { dailyClaimQuota: null, holdingLimit: 50 });
    expect(cleared).toMatchObject({ dailyClaimQuota: null, holdingLimit: 50, version: 3 });
  });
});

describe('holding-limit overrides', () => {
  it('refuses a rep (403), an unknown target (404) and a negative limit (400)', async () => {
    const put = (token: string, url: string, body: unknown) => t.call('PUT', url, { token, body });
    expect(
      (await put(rep.token, `/api/v1/pool/holding-limits/users/${rep.id}`, { holdingLimit: 99 }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await put(
          t.adminToken,
          '/api/v1/pool/holding-limits/teams/0190c0de-0000-7000-8000-000000000000',
          { holdingLimit: 9 },
        )
      ).statusCode,
    ).toBe(404);
    const negative = await put(t.adminToken, `/api/v1/pool/holding-limits/users/${rep.id}`, {
      holdingLimit: -5,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('body.holdingLimit');
  });

  it('resolves rep over team over org, as "my list" shows', async () => {
    const mine = () => t.call('GET', '/api/v1/me/holdings', { token: rep.token });
    await buildCustomer(t, rep.token);
    expect((await mine()).json()).toMatchObject({
      count: 1,
      limit: 50,
      limitSource: 'org',
      remaining: 49,
      guidance: 'within',
    });
    await t.call('PUT', `/api/v1/pool/holding-limits/teams/${team.id}`, {
      token: t.adminToken,
      body: { holdingLimit: 30 },
    });
    expect((await mine()).json()).toMatchObject({ limit: 30, limitSource: 'team' });
    const repLimit = await t.call('PUT', `/api/v1/pool/holding-limits/users/${rep.id}`, {
      token: t.adminToken,
      body: { holdingLimit: 80 },
    });
    expect(repLimit.json()).toMatchObject({ scope: 'user', userId: rep.id, holdingLimit: 80 });
    expect((await mine()).json()).toMatchObject({
      limit: 80,
      limitSource: 'rep',
      guidance: 'above',
    });
    const list = (await t.call('GET', '/api/v1/pool/holding-limits', { token: rep.token })).json();
    expect(list.items).toHaveLength(2);
    const removed = await t.call('DELETE', `/api/v1/pool/holding-limits/users/${rep.id}`, {
      token: t.adminToken,
    });
    expect(removed.statusCode).toBe(204);
    expect((await mine()).json()).toMatchObject({ limit: 30, limitSource: 'team' });
    await t.call('DELETE', `/api/v1/pool/holding-limits/teams/${team.id}`, { token: t.adminToken });
  });

  it('optionally leaves customers with a won deal out of the count', async () => {
    const winner = await buildMember(t, { teamId: team.id });
    await t.call('PUT', `/api/v1/pool/holding-limits/users/${winner.id}`, {
      token: t.adminToken,
      body: { holdingLimit: 1 },
    });
    const signed = await buildCustomer(t, winner.token);
    await seedDeal(t, {
      customerId: signed.id,
      funnelId: await seedFunnel(t),
      ownerId: winner.id,
      status: 'won',
    });
    const [next] = await seedPoolCustomers(t, 1);
    expect((await claim(t, winner.token, next as string)).json().code).toBe(
      'holding_limit_reached',
    );
    await setPoolSettings(t, { wonDealsExempt: true });
    expect((await claim(t, winner.token, next as string)).statusCode).toBe(200);
    const holdings = (await t.call('GET', '/api/v1/me/holdings', { token: winner.token })).json();
    expect(holdings).toMatchObject({ count: 1, limit: 1, wonDealsExempt: true, claimsToday: 1 });
    await setPoolSettings(t, { wonDealsExempt: false });
  });

  it("shows a manager each team member's count against their limit", async () => {
    const response = await t.call('GET', `/api/v1/pool/holdings?teamId=${team.id}`, {
      token: manager.token,
    });
    expect(response.statusCode).toBe(200);
    const row = response.json().items.find((item: { userId: string }) => item.userId === rep.id);
    expect(row).toMatchObject({ count: 1, limit: 50, limitSource: 'org', teamId: team.id });
  });
});
