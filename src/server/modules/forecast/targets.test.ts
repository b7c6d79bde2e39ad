import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let manager: Awaited<ReturnType<typeof buildUser>>;
let member: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;
let teamId: string;
let otherTeamId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  teamId = (await buildTeam(t, { name: 'East', managerId: manager.id })).id;
  otherTeamId = (await buildTeam(t, { name: 'West' })).id;
  member = await buildUser(t, { teamId, name: 'Member' });
  outsider = await buildUser(t, { teamId: otherTeamId, name: 'Outsider' });
});
afterAll(async () => {
  await t.close();
});

const post = (token: string, body: unknown) =>
  t.call('POST', '/api/v1/forecast/targets', { token, body });
const auditCount = async (id: string) => {
  const rows = await t.database.query<{ n: number }>(
    (await import('drizzle-orm')).sql`select count(*)::int as n from audit_log
      where entity = 'sales_target' and entity_id = ${id}`,
  );
  return rows[0]?.n ?? 0;
};

describe('sales targets', () => {
  it('validates the period, the subject and the amount, naming the field', async () => {
    for (const [body, field] of [
      [{ periodKey: '2026-4', teamId, amount: 1 }, 'body.periodKey'],
      [{ periodKey: '2026-04', amount: 1 }, 'body.userId'],
      [{ periodKey: '2026-04', teamId, userId: member.id, amount: 1 }, 'body.userId'],
      [{ periodKey: '2026-04', teamId, amount: -5 }, 'body.amount'],
      [{ periodKey: '2026-04', teamId, amount: '1.234' }, 'body.amount'],
      [
        { periodKey: '2026-04', teamId: '01900000-0000-7000-8000-000000000000', amount: 1 },
        'body.teamId',
      ],
    ] as const) {
      const response = await post(t.adminToken, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
  });

  it('lets an admin set, change and remove a target, audited, with version checks', async () => {
    const created = await post(t.adminToken, { periodKey: '2026-Q2', teamId, amount: '123456.78' });
    expect(created.statusCode).toBe(201);
    const target = created.json();
    expect(target).toMatchObject({
      periodKey: '2026-Q2',
      teamId,
      teamName: 'East',
      amount: 123456.78,
      version: 1,
    });
    const twice = await post(t.adminToken, { periodKey: '2026-Q2', teamId, amount: 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('conflict');

    const changed = await t.call('PATCH', `/api/v1/forecast/targets/${target.id}`, {
      token: t.adminToken,
      body: { amount: 200000, version: 1 },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ amount: 200000, version: 2 });
    const stale = await t.call('PATCH', `/api/v1/forecast/targets/${target.id}`, {
      token: t.adminToken,
      body: { amount: 1, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const staleDelete = await t.call('DELETE', `/api/v1/forecast/targets/${target.id}?version=1`, {
      token: t.adminToken,
    });
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await t.call('DELETE', `/api/v1/forecast/targets/${target.id}?version=2`, {
      token: t.adminToken,
    });
    expect(deleted.statusCode).toBe(204);
    expect(await auditCount(target.id)).toBe(3);
  });

  it('lets a manager set targets for their team and its members only', async () => {
    const own = await post(manager.token, { periodKey: '2026-05', teamId, amount: 5000 });
    expect(own.statusCode).toBe(201);
    const theirRep = await post(manager.token, {
      periodKey: '2026-05',
      userId: member.id,
      amount: 2000,
    });
    expect(theirRep.statusCode).toBe(201);
    expect(
      (await post(manager.token, { periodKey: '2026-05', teamId: otherTeamId, amount: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(manager.token, { periodKey: '2026-05', userId: outsider.id, amount: 1 }))
        .statusCode,
    ).toBe(403);
    const westTarget = (
      await post(t.adminToken, { periodKey: '2026-05', teamId: otherTeamId, amount: 9 })
    ).json();
    // Another team's target is invisible to the manager: 404, not 403.
    const patch = await t.call('PATCH', `/api/v1/forecast/targets/${westTarget.id}`, {
      token: manager.token,
      body: { amount: 1, version: 1 },
    });
    expect(patch.statusCode).toBe(404);

    const list = await t.call('GET', '/api/v1/forecast/targets?period=2026-05', {
      token: manager.token,
    });
    expect(
      list
        .json()
        .items.map((i: { amount: number }) => i.amount)
        .sort(),
    ).toEqual([2000, 5000]);
  });

  it('lets reps read their own and their team’s targets but change none', async () => {
    const list = await t.call('GET', '/api/v1/forecast/targets?period=2026-05', {
      token: member.token,
    });
    expect(
      list
        .json()
        .items.map((i: { amount: number }) => i.amount)
        .sort(),
    ).toEqual([2000, 5000]);
    const outsiderList = await t.call('GET', '/api/v1/forecast/targets?period=2026-05', {
      token: outsider.token,
    });
    expect(outsiderList.json().items.map((i: { amount: number }) => i.amount)).toEqual([9]);
    expect(
      (await post(member.token, { periodKey: '2026-06', userId: member.id, amount: 1 })).statusCode,
    ).toBe(403);
    const mine = list.json().items.find((i: { userId: string | null }) => i.userId === member.id);
    const patch = await t.call('PATCH', `/api/v1/forecast/targets/${mine.id}`, {
      token: member.token,
      body: { amount: 1, version: 1 },
    });
    expect(patch.statusCode).toBe(403);
  });
});
