import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam } from '../../../../tests/setup/factories';
import { buildCustomer, buildMember } from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

// Who may see and change which customer, across two teams and their grid pools
// (SPEC §7): another team's rows are 404, reaching above one's role is 403.
let t: TestApp;
type Member = Awaited<ReturnType<typeof buildMember>>;
let repA: Member;
let repA2: Member;
let managerA: Member;
let repB: Member;
let managerB: Member;
let customerA: string;
let customerB: string;
let poolOrg: string;
let poolA: string;
let poolB: string;

beforeAll(async () => {
  t = await createTestApp();
  const teamA = await buildTeam(t, { name: 'Team A' });
  const teamB = await buildTeam(t, { name: 'Team B' });
  managerA = await buildMember(t, { role: 'manager', teamId: teamA.id });
  managerB = await buildMember(t, { role: 'manager', teamId: teamB.id });
  repA = await buildMember(t, { teamId: teamA.id });
  repA2 = await buildMember(t, { teamId: teamA.id });
  repB = await buildMember(t, { teamId: teamB.id });
  for (const [teamId, province] of [
    [teamA.id, '浙江'],
    [teamB.id, '江苏'],
  ]) {
    const response = await t.call('POST', '/api/v1/pool/territories', {
      token: t.adminToken,
      body: { teamId, province },
    });
    expect(response.statusCode).toBe(201);
  }
  customerA = (await buildCustomer(t, repA.token, { phone: '0571-1111', email: 'a@a-corp.cn' })).id;
  customerB = (await buildCustomer(t, repB.token, { phone: '025-2222', email: 'b@b-corp.cn' })).id;
  poolOrg = (
    await buildCustomer(t, t.adminToken, {
      province: '广东',
      phone: '020-87654321',
      email: 'buyer@pool-org.cn',
      address: '天河路 1 号',
      website: 'pool-org.cn',
    })
  ).id;
  poolA = (await buildCustomer(t, t.adminToken, { province: '浙江' })).id;
  poolB = (await buildCustomer(t, t.adminToken, { province: '江苏' })).id;
});
afterAll(async () => {
  await t.close();
});

const status = async (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  token: string,
  body?: unknown,
) => (await t.call(method, url, { token, body })).statusCode;

describe('a rep of team A against what belongs to team B', () => {
  const cases: [string, 'GET' | 'POST' | 'PATCH', (id: string) => string, unknown][] = [
    ['read', 'GET', (id) => `/api/v1/customers/${id}`, undefined],
    ['edit', 'PATCH', (id) => `/api/v1/customers/${id}`, { version: 1, city: 'X' }],
    ['claim', 'POST', (id) => `/api/v1/customers/${id}/claim`, undefined],
    ['release', 'POST', (id) => `/api/v1/customers/${id}/release`, { reason: 'x' }],
    ['history', 'GET', (id) => `/api/v1/customers/${id}/ownership-history`, undefined],
  ];

  for (const [what, method, url, body] of cases) {
    it(`cannot ${what} team B's customer or team B's grid pool customer (404)`, async () => {
      expect(await status(method, url(customerB), repA.token, body)).toBe(404);
      expect(await status(method, url(poolB), repA.token, body)).toBe(404);
    });
    it(`cannot ${what} a teammate's customer either (404)`, async () => {
      expect(await status(method, url(customerB), repA2.token, body)).toBe(404);
      expect(await status(method, url(customerA), repA2.token, body)).toBe(404);
    });
  }

  it('does not find them in lists, by owner filter, or in the pool page', async () => {
    const list = (await t.call('GET', '/api/v1/customers?limit=500', { token: repA.token })).json();
    const ids = list.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([customerA, poolOrg, poolA]));
    expect(ids).not.toContain(customerB);
    expect(ids).not.toContain(poolB);
    const byOwner = await t.call('GET', `/api/v1/customers?ownerId=${repB.id}`, {
      token: repA.token,
    });
    expect(byOwner.json().items).toEqual([]);
    const pool = (await t.call('GET', '/api/v1/pool/customers', { token: repA.token })).json();
    expect(pool.items.map((c: { id: string }) => c.id).sort()).toEqual([poolA, poolOrg].sort());
  });

  it('cannot escalate: assigning, settings, limits, rules, territories and team views are 403', async () => {
    const attempts: [string, 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', unknown][] = [
      [`/api/v1/customers/${customerA}/assign`, 'POST', { ownerId: repA.id }],
      ['/api/v1/customers/assign', 'POST', { ids: [poolA], ownerId: repA.id }],
      ['/api/v1/pool/settings', 'PATCH', { version: 1, holdingLimit: 500 }],
      [`/api/v1/pool/holding-limits/users/${repA.id}`, 'PUT', { holdingLimit: 500 }],
      [`/api/v1/pool/holding-limits/users/${repA.id}`, 'DELETE', undefined],
      ['/api/v1/pool/lapse-rules', 'POST', { name: 'x', noActivityDays: 9999 }],
      ['/api/v1/pool/lapse-rules/preview', 'POST', {}],
      ['/api/v1/pool/territories', 'POST', { teamId: repA.teamId, province: '广东' }],
      ['/api/v1/pool/holdings', 'GET', undefined],
    ];
    for (const [url, method, body] of attempts) {
      const response = await t.call(method, url, { token: repA.token, body });
      expect([url, response.statusCode]).toEqual([url, 403]);
    }
  });
});

describe('a manager of team A', () => {
  it("sees and reassigns team A's customers, never team B's (404) nor to team B (403)", async () => {
    expect(await status('GET', `/api/v1/customers/${customerA}`, managerA.token)).toBe(200);
    expect(await status('GET', `/api/v1/customers/${customerB}`, managerA.token)).toBe(404);
    expect(await status('GET', `/api/v1/customers/${poolB}`, managerA.token)).toBe(404);
    expect(
      await status('POST', `/api/v1/customers/${customerB}/assign`, managerA.token, {
        ownerId: repA.id,
      }),
    ).toBe(404);
    expect(
      await status('POST', `/api/v1/customers/${customerA}/assign`, managerA.token, {
        ownerId: repB.id,
      }),
    ).toBe(403);
    expect(await status('PATCH', '/api/v1/pool/settings', managerA.token, { version: 1 })).toBe(
      403,
    );
  });

  it("reports only team A's people", async () => {
    const holdings = (
      await t.call('GET', '/api/v1/pool/holdings', { token: managerA.token })
    ).json();
    const users = holdings.items.map((row: { userId: string }) => row.userId);
    expect(users).toEqual(expect.arrayContaining([repA.id, repA2.id, managerA.id]));
    expect(users).not.toContain(repB.id);
    const report = (
      await t.call('GET', '/api/v1/pool/report?from=2020-01-01&to=2030-12-31', {
        token: managerB.token,
      })
    ).json();
    expect(report.rows.map((row: { userId: string }) => row.userId).sort()).toEqual(
      [managerB.id, repB.id].sort(),
    );
  });
});

describe('pool customers show reps only their basics until claimed', () => {
  it('hides phone, email, address, website and custom fields from a rep in detail and list', async () => {
    const detail = (
      await t.call('GET', `/api/v1/customers/${poolOrg}`, { token: repA.token })
    ).json();
    expect(detail).toMatchObject({
      province: '广东',
      phone: null,
      email: null,
      address: null,
      website: null,
      custom: {},
      inPool: true,
    });
    const list = (
      await t.call('GET', '/api/v1/customers?inPool=true&limit=500', { token: repA.token })
    ).json();
    const row = list.items.find((c: { id: string }) => c.id === poolOrg);
    expect(row).toMatchObject({ phone: null, email: null });
    const forManager = (
      await t.call('GET', `/api/v1/customers/${poolOrg}`, { token: managerA.token })
    ).json();
    expect(forManager).toMatchObject({ phone: '020-87654321', email: 'buyer@pool-org.cn' });
  });

  it('does not let a rep find a pool customer by its hidden phone number', async () => {
    const byPhone = await t.call('GET', '/api/v1/customers?q=87654321', { token: repA.token });
    expect(byPhone.json().items).toEqual([]);
    const poolByPhone = await t.call('GET', '/api/v1/pool/customers?q=87654321', {
      token: repA.token,
    });
    expect(poolByPhone.json().items).toEqual([]);
    const byName = await t.call(
      'GET',
      `/api/v1/customers?q=${encodeURIComponent('Pool Test')}&inPool=true`,
      {
        token: repA.token,
      },
    );
    expect(byName.json().items.length).toBeGreaterThan(0);
    const manager = await t.call('GET', '/api/v1/customers?q=87654321', { token: managerA.token });
    expect(manager.json().items.map((c: { id: string }) => c.id)).toEqual([poolOrg]);
  });

  it('shows everything once the rep has claimed it', async () => {
    const claimed = await t.call('POST', `/api/v1/customers/${poolOrg}/claim`, {
      token: repA.token,
    });
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ phone: '020-87654321', website: 'pool-org.cn' });
  });
});
