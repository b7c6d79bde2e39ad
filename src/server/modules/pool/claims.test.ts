import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import {
  buildCustomer,
  claim,
  eventsOf,
  ownerOf,
  release,
  seedPoolCustomers,
  setPoolSettings,
} from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let manager: Awaited<ReturnType<typeof buildUser>>;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  otherRep = await buildUser(t, { teamId: team.id });
});
afterAll(async () => {
  await t.close();
});

describe('POST /customers/:id/claim', () => {
  it('needs a session', async () => {
    const [id] = await seedPoolCustomers(t, 1);
    expect((await t.call('POST', `/api/v1/customers/${id}/claim`)).statusCode).toBe(401);
  });

  it('refuses a malformed id with the parameter named', async () => {
    const response = await claim(t, rep.token, 'not-an-id');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('params.id');
  });

  it("answers 404 for an unknown id and for a colleague's registered customer", async () => {
    const theirs = await buildCustomer(t, otherRep.token);
    expect((await claim(t, rep.token, theirs.id)).statusCode).toBe(404);
    expect((await claim(t, rep.token, '0190c0de-0000-7000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect(await ownerOf(t, theirs.id)).toBe(otherRep.id);
  });

  it('gives a pool customer to the rep, records the claim and the audit entry', async () => {
    const pooled = await buildCustomer(t, t.adminToken);
    const response = await claim(t, rep.token, pooled.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: pooled.id,
      ownerId: rep.id,
      inPool: false,
      version: 2,
    });
    expect(await eventsOf(t, pooled.id)).toEqual([
      expect.objectContaining({ kind: 'claimed', to_owner_id: rep.id, from_owner_id: null }),
    ]);
    const [audit] = await t.database.query<{ action: string }>(
      sql`select action from audit_log where entity_id = ${pooled.id} and action = 'claim'`,
    );
    expect(audit?.action).toBe('claim');
    // Claiming again what one already holds changes nothing.
    const again = await claim(t, rep.token, pooled.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(2);
  });

  it('answers 409 already_claimed when a colleague was quicker', async () => {
    const pooled = await buildCustomer(t, t.adminToken);
    expect((await claim(t, otherRep.token, pooled.id)).statusCode).toBe(200);
    const late = await claim(t, rep.token, pooled.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('already_claimed');
    expect(await ownerOf(t, pooled.id)).toBe(otherRep.id);
  });

  it('refuses a claim over the holding limit, changing nothing', async () => {
    const limited = await buildUser(t);
    await t.call('PUT', `/api/v1/pool/holding-limits/users/${limited.id}`, {
      token: t.adminToken,
      body: { holdingLimit: 2 },
    });
    const ids = await seedPoolCustomers(t, 3);
    expect((await claim(t, limited.token, ids[0] as string)).statusCode).toBe(200);
    expect((await claim(t, limited.token, ids[1] as string)).statusCode).toBe(200);
    const over = await claim(t, limited.token, ids[2] as string);
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({
      code: 'holding_limit_reached',
      limit: 2,
      holding: 2,
      limitSource: 'rep',
    });
    expect(await ownerOf(t, ids[2] as string)).toBeNull();
    expect(await eventsOf(t, ids[2] as string)).toEqual([]);
  });

  it('counts registering a new customer against the limit too', async () => {
    const limited = await buildUser(t);
    await t.call('PUT', `/api/v1/pool/holding-limits/users/${limited.id}`, {
      token: t.adminToken,
      body: { holdingLimit: 1 },
    });
    expect((await buildCustomer(t, limited.token)).ownerId).toBe(limited.id);
    const second = await t.call('POST', '/api/v1/customers', {
      token: limited.token,
      body: { name: 'One Too Many Ltd' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('holding_limit_reached');
    const [row] = await t.database.query<{ n: number }>(
      sql`select count(*)::int as n from customers where name = 'One Too Many Ltd'`,
    );
    expect(row?.n).toBe(0);
  });

  it('keeps a rep who released a customer from reclaiming it during the cool-down', async () => {
    await setPoolSettings(t, { cooldownDays: 10 });
    const mine = await buildCustomer(t, rep.token);
    expect((await release(t, rep.token, mine.id, 'not a target customer')).statusCode).toBe(200);
    const soon = await claim(t, rep.token, mine.id);
    expect(soon.statusCode).toBe(409);
    expect(soon.json().code).toBe('claim_cooldown');
    expect(new Date(soon.json().until).getTime()).toBeGreaterThan(t.clock.now().getTime());
    // A colleague may take it at once, and the rep again once the cool-down is over.
    t.clock.advance(11 * DAY);
    expect((await claim(t, rep.token, mine.id)).statusCode).toBe(200);
  });

  it('keeps a rep from dodging the cool-down by registering the customer again', async () => {
    await setPoolSettings(t, { cooldownDays: 10 });
    const mine = await buildCustomer(t, rep.token, { name: '温州恒通阀门有限公司' });
    await release(t, rep.token, mine.id, 'no budget');
    const again = await t.call('POST', '/api/v1/customers', {
      token: rep.token,
      body: { name: '温州恒通阀门', confirmDuplicate: true },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('claim_cooldown');
  });

  it('enforces an optional daily claim quota in the org day', async () => {
    await setPoolSettings(t, { dailyClaimQuota: 2, cooldownDays: 0 });
    const quota = await buildUser(t);
    const ids = await seedPoolCustomers(t, 3);
    expect((await claim(t, quota.token, ids[0] as string)).statusCode).toBe(200);
    expect((await claim(t, quota.token, ids[1] as string)).statusCode).toBe(200);
    const third = await claim(t, quota.token, ids[2] as string);
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ code: 'claim_quota_reached', quota: 2, claimsToday: 2 });
    t.clock.advance(DAY);
    expect((await claim(t, quota.token, ids[2] as string)).statusCode).toBe(200);
    await setPoolSettings(t, { dailyClaimQuota: null });
  });
});

describe('POST /customers/:id/release', () => {
  it('needs a session', async () => {
    const mine = await buildCustomer(t, rep.token);
    expect((await t.call('POST', `/api/v1/customers/${mine.id}/release`)).statusCode).toBe(401);
  });

  it("refuses a colleague's customer (404) and one already in the pool (409)", async () => {
    const theirs = await buildCustomer(t, otherRep.token);
    expect((await release(t, rep.token, theirs.id, 'x')).statusCode).toBe(404);
    const pooled = await buildCustomer(t, t.adminToken);
    expect((await release(t, rep.token, pooled.id, 'x')).statusCode).toBe(409);
  });

  it('requires a reason when the org says so, naming the field and changing nothing', async () => {
    await setPoolSettings(t, { releaseReasonRequired: true });
    const mine = await buildCustomer(t, rep.token);
    const response = await release(t, rep.token, mine.id);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('body.reason');
    expect(await ownerOf(t, mine.id)).toBe(rep.id);
    const blank = await release(t, rep.token, mine.id, '   ');
    expect(blank.statusCode).toBe(400);
    await setPoolSettings(t, { releaseReasonRequired: false });
  });

  it('returns the customer to the pool with the reason, cancelling the owner’s open tasks', async () => {
    const mine = await buildCustomer(t, rep.token, { phone: '0571-88886666' });
    await t.database.query(
      sql`insert into tasks (org_id, id, title, customer_id, assignee_id, due_at)
        values (${t.orgId}, gen_random_uuid(), 'Call back', ${mine.id}, ${rep.id}, now())`,
    );
    const response = await release(t, rep.token, mine.id, '客户已选择竞争对手');
    expect(response.statusCode).toBe(200);
    // The rep now sees only the pool fields of it.
    expect(response.json()).toMatchObject({ ownerId: null, inPool: true, phone: null });
    expect(await eventsOf(t, mine.id)).toEqual([
      expect.objectContaining({ kind: 'created', to_owner_id: rep.id }),
      expect.objectContaining({
        kind: 'released',
        from_owner_id: rep.id,
        reason: '客户已选择竞争对手',
      }),
    ]);
    const [task] = await t.database.query<{ status: string }>(
      sql`select status from tasks where customer_id = ${mine.id}`,
    );
    expect(task?.status).toBe('cancelled');
  });

  it("lets a manager release a team member's customer", async () => {
    const theirs = await buildCustomer(t, otherRep.token);
    const response = await release(t, manager.token, theirs.id, 'rebalancing');
    expect(response.statusCode).toBe(200);
    expect(response.json().ownerId).toBeNull();
  });
});
