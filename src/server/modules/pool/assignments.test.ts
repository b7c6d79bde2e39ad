import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam } from '../../../../tests/setup/factories';
import {
  buildCustomer,
  buildMember,
  eventsOf,
  ownerOf,
  seedDeal,
  seedFunnel,
  seedPoolCustomers,
} from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let manager: Awaited<ReturnType<typeof buildMember>>;
let rep: Awaited<ReturnType<typeof buildMember>>;
let teammate: Awaited<ReturnType<typeof buildMember>>;
let outsider: Awaited<ReturnType<typeof buildMember>>;

beforeAll(async () => {
  t = await createTestApp();
  const team = await buildTeam(t);
  const otherTeam = await buildTeam(t);
  manager = await buildMember(t, { role: 'manager', teamId: team.id });
  rep = await buildMember(t, { teamId: team.id });
  teammate = await buildMember(t, { teamId: team.id });
  outsider = await buildMember(t, { teamId: otherTeam.id });
});
afterAll(async () => {
  await t.close();
});

const assign = (token: string, id: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/v1/customers/${id}/assign`, { token, body });

async function openTask(customerId: string, assigneeId: string) {
  await t.database.query(
    sql`insert into tasks (org_id, id, title, customer_id, assignee_id, due_at)
      values (${t.orgId}, gen_random_uuid(), 'Follow up', ${customerId}, ${assigneeId}, now())`,
  );
}

describe('POST /customers/:id/assign', () => {
  it('needs a session, and a manager or admin (403 for a rep)', async () => {
    const [id] = await seedPoolCustomers(t, 1);
    expect(
      (await t.call('POST', `/api/v1/customers/${id}/assign`, { body: { ownerId: rep.id } }))
        .statusCode,
    ).toBe(401);
    const byRep = await assign(rep.token, id as string, { ownerId: rep.id });
    expect(byRep.statusCode).toBe(403);
    expect(await ownerOf(t, id as string)).toBeNull();
  });

  it('refuses a missing or inactive owner, naming the field', async () => {
    const [id] = await seedPoolCustomers(t, 1);
    const missing = await assign(manager.token, id as string, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('body.ownerId');
    const unknown = await assign(manager.token, id as string, {
      ownerId: '0190c0de-0000-7000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.ownerId');
  });

  it("refuses a manager assigning to another team's rep (403) or another team's customer (404)", async () => {
    const [id] = await seedPoolCustomers(t, 1);
    expect((await assign(manager.token, id as string, { ownerId: outsider.id })).statusCode).toBe(
      403,
    );
    const theirs = await buildCustomer(t, outsider.token);
    expect((await assign(manager.token, theirs.id, { ownerId: rep.id })).statusCode).toBe(404);
    expect(await ownerOf(t, theirs.id)).toBe(outsider.id);
  });

  it('assigns a pool customer to a team rep', async () => {
    const [id] = await seedPoolCustomers(t, 1);
    const response = await assign(manager.token, id as string, { ownerId: rep.id });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      customer: { id, ownerId: rep.id },
      moved: { tasks: 0, deals: 0 },
    });
    expect(await eventsOf(t, id as string)).toEqual([
      expect.objectContaining({ kind: 'assigned', from_owner_id: null, to_owner_id: rep.id }),
    ]);
  });

  it('asks before moving open work, then moves open tasks and deals with the customer', async () => {
    const mine = await buildCustomer(t, rep.token);
    await openTask(mine.id, rep.id);
    await openTask(mine.id, manager.id);
    const funnel = await seedFunnel(t);
    const deal = await seedDeal(t, { customerId: mine.id, funnelId: funnel, ownerId: rep.id });
    await seedDeal(t, { customerId: mine.id, funnelId: funnel, ownerId: rep.id, status: 'won' });

    const unconfirmed = await assign(manager.token, mine.id, { ownerId: teammate.id });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json()).toMatchObject({
      code: 'conflict',
      openWork: { tasks: 1, deals: 1 },
    });
    expect(await ownerOf(t, mine.id)).toBe(rep.id);

    const confirmed = await assign(manager.token, mine.id, {
      ownerId: teammate.id,
      moveOpenWork: true,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().moved).toEqual({ tasks: 1, deals: 1 });
    const tasks = await t.database.query<{ assignee_id: string }>(
      sql`select assignee_id from tasks where customer_id = ${mine.id} order by assignee_id`,
    );
    // The rep's task moved; the manager's own task stayed theirs.
    expect(tasks.map((task) => task.assignee_id).sort()).toEqual([manager.id, teammate.id].sort());
    const [moved] = await t.database.query<{ owner_id: string }>(
      sql`select owner_id from deals where id = ${deal}`,
    );
    expect(moved?.owner_id).toBe(teammate.id);
    expect(await eventsOf(t, mine.id)).toEqual([
      expect.objectContaining({ kind: 'created', to_owner_id: rep.id }),
      expect.objectContaining({
        kind: 'assigned',
        from_owner_id: rep.id,
        to_owner_id: teammate.id,
      }),
    ]);
  });

  it('reassigns without moving work when told so', async () => {
    const mine = await buildCustomer(t, rep.token);
    await openTask(mine.id, rep.id);
    const response = await assign(manager.token, mine.id, {
      ownerId: teammate.id,
      moveOpenWork: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().moved).toEqual({ tasks: 0, deals: 0 });
  });

  it("respects the new owner's holding limit", async () => {
    const full = await buildMember(t, { teamId: rep.teamId });
    await t.call('PUT', `/api/v1/pool/holding-limits/users/${full.id}`, {
      token: t.adminToken,
      body: { holdingLimit: 0 },
    });
    const [id] = await seedPoolCustomers(t, 1);
    const response = await assign(manager.token, id as string, { ownerId: full.id });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'holding_limit_reached', limit: 0 });
  });
});

describe('POST /customers/assign (bulk)', () => {
  it('refuses a rep (403) and an empty list (400, field named)', async () => {
    const [id] = await seedPoolCustomers(t, 1);
    expect(
      (
        await t.call('POST', '/api/v1/customers/assign', {
          token: rep.token,
          body: { ids: [id], ownerId: rep.id },
        })
      ).statusCode,
    ).toBe(403);
    const empty = await t.call('POST', '/api/v1/customers/assign', {
      token: manager.token,
      body: { ids: [], ownerId: rep.id },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('body.ids');
  });

  it('assigns all or none: one invisible customer fails the whole request', async () => {
    const ids = await seedPoolCustomers(t, 3);
    const theirs = await buildCustomer(t, outsider.token);
    const mixed = await t.call('POST', '/api/v1/customers/assign', {
      token: manager.token,
      body: { ids: [...ids, theirs.id], ownerId: rep.id },
    });
    expect(mixed.statusCode).toBe(404);
    for (const id of ids) expect(await ownerOf(t, id)).toBeNull();
    const ok = await t.call('POST', '/api/v1/customers/assign', {
      token: manager.token,
      body: { ids, ownerId: rep.id },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ assigned: 3, moved: { tasks: 0, deals: 0 } });
    for (const id of ids) expect(await ownerOf(t, id)).toBe(rep.id);
  });

  it('refuses the whole batch when it would pass the limit', async () => {
    const small = await buildMember(t, { teamId: rep.teamId });
    await t.call('PUT', `/api/v1/pool/holding-limits/users/${small.id}`, {
      token: t.adminToken,
      body: { holdingLimit: 2 },
    });
    const ids = await seedPoolCustomers(t, 3);
    const response = await t.call('POST', '/api/v1/customers/assign', {
      token: t.adminToken,
      body: { ids, ownerId: small.id },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('holding_limit_reached');
    for (const id of ids) expect(await ownerOf(t, id)).toBeNull();
  });
});
