import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam } from '../../../../tests/setup/factories';
import {
  buildCustomer,
  buildMember,
  claim,
  release,
  seedPoolCustomers,
} from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildMember>>;
let colleague: Awaited<ReturnType<typeof buildMember>>;
let manager: Awaited<ReturnType<typeof buildMember>>;
let customer: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-10T04:00:00Z'));
  const team = await buildTeam(t);
  manager = await buildMember(t, { role: 'manager', teamId: team.id, name: '王经理' });
  rep = await buildMember(t, { teamId: team.id, name: '李销售' });
  colleague = await buildMember(t, { teamId: team.id, name: '张销售' });
  customer = (await buildCustomer(t, rep.token, { name: '绍兴纺织' })).id;
  await release(t, rep.token, customer, '需求不明确');
  await claim(t, colleague.token, customer);
  await t.call('POST', `/api/v1/customers/${customer}/assign`, {
    token: manager.token,
    body: { ownerId: rep.id, moveOpenWork: true },
  });
  const [other] = await seedPoolCustomers(t, 1);
  await claim(t, rep.token, other as string);
});
afterAll(async () => {
  await t.close();
});

describe('GET /customers/:id/ownership-history', () => {
  it('needs a session and a visible customer', async () => {
    expect(
      (await t.call('GET', `/api/v1/customers/${customer}/ownership-history`)).statusCode,
    ).toBe(401);
    const outsider = await buildMember(t);
    const hidden = await t.call('GET', `/api/v1/customers/${customer}/ownership-history`, {
      token: outsider.token,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('tells who held it and why it changed hands, newest first', async () => {
    const response = await t.call('GET', `/api/v1/customers/${customer}/ownership-history`, {
      token: rep.token,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((e: { kind: string }) => e.kind)).toEqual([
      'assigned',
      'claimed',
      'released',
      'created',
    ]);
    expect(response.json().items[0]).toMatchObject({
      customerName: '绍兴纺织',
      actorName: '王经理',
      fromOwnerName: '张销售',
      toOwnerName: '李销售',
    });
    expect(response.json().items[2]).toMatchObject({
      reason: '需求不明确',
      fromOwnerName: '李销售',
    });
  });
});

describe('GET /pool/history', () => {
  it('refuses a bad kind or date with the field named', async () => {
    const response = await t.call('GET', '/api/v1/pool/history?kind=stolen&from=June', {
      token: rep.token,
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['querystring.from', 'querystring.kind']);
  });

  it("shows a rep their own events, a manager the team's, paged", async () => {
    const mine = (
      await t.call('GET', '/api/v1/pool/history?limit=100', { token: colleague.token })
    ).json();
    expect(mine.items.map((e: { kind: string }) => e.kind)).toEqual(['assigned', 'claimed']);
    const page1 = (
      await t.call('GET', '/api/v1/pool/history?limit=2', { token: manager.token })
    ).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (
      await t.call('GET', `/api/v1/pool/history?limit=100&cursor=${page1.nextCursor}`, {
        token: manager.token,
      })
    ).json();
    expect(page1.items.length + page2.items.length).toBe(5);
    const claims = (
      await t.call('GET', `/api/v1/pool/history?kind=claimed&userId=${rep.id}`, {
        token: manager.token,
      })
    ).json();
    expect(claims.items).toHaveLength(1);
  });
});

describe('GET /pool/report', () => {
  it('needs from and to, in order', async () => {
    expect((await t.call('GET', '/api/v1/pool/report', { token: manager.token })).statusCode).toBe(
      400,
    );
    const reversed = await t.call('GET', '/api/v1/pool/report?from=2026-06-30&to=2026-06-01', {
      token: manager.token,
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('querystring.to');
  });

  it('counts each rep’s registrations, claims, assignments, releases and lapses in the period', async () => {
    const response = await t.call('GET', '/api/v1/pool/report?from=2026-06-10&to=2026-06-10', {
      token: manager.token,
    });
    const rows = response.json().rows;
    expect(rows.find((row: { userId: string }) => row.userId === rep.id)).toMatchObject({
      created: 1,
      claimed: 1,
      assignedIn: 1,
      assignedOut: 0,
      released: 1,
      lapsed: 0,
      holding: 2,
    });
    expect(rows.find((row: { userId: string }) => row.userId === colleague.id)).toMatchObject({
      claimed: 1,
      assignedOut: 1,
      holding: 0,
    });
    const before = await t.call('GET', '/api/v1/pool/report?from=2026-06-01&to=2026-06-09', {
      token: rep.token,
    });
    expect(before.json().rows).toEqual([
      expect.objectContaining({ userId: rep.id, claimed: 0, holding: 2 }),
    ]);
  });
});
