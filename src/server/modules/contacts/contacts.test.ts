import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import {
  buildContact,
  buildCustomer,
  countRows,
} from '../../../../tests/setup/factories-customer-archive';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let manager: Awaited<ReturnType<typeof buildUser>>;
let customer: Awaited<ReturnType<typeof buildCustomer>>;

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  otherRep = await buildUser(t);
  customer = await buildCustomer(t, rep.token, { name: '杭州明达机械有限公司' });
});
afterAll(async () => {
  await t.close();
});

describe('POST /contacts', () => {
  it('needs a session', async () => {
    const response = await t.call('POST', '/api/v1/contacts', {
      body: { customerId: customer.id, name: 'x' },
    });
    expect(response.statusCode).toBe(401);
  });

  it("hides a colleague's customer (404) and refuses a pool customer to a rep (403)", async () => {
    const theirs = await buildCustomer(t, otherRep.token);
    const hidden = await t.call('POST', '/api/v1/contacts', {
      token: rep.token,
      body: { customerId: theirs.id, name: '王经理' },
    });
    expect(hidden.statusCode).toBe(404);
    const pooled = await buildCustomer(t, t.adminToken);
    const pool = await t.call('POST', '/api/v1/contacts', {
      token: rep.token,
      body: { customerId: pooled.id, name: '王经理' },
    });
    expect(pool.statusCode).toBe(403);
    expect(await countRows(t, 'contacts')).toBe(0);
  });

  it('refuses bad fields by name and writes nothing', async () => {
    const response = await t.call('POST', '/api/v1/contacts', {
      token: rep.token,
      body: {
        customerId: customer.id,
        name: '',
        role: 'boss',
        decisionWeight: 6,
        birthday: '1980-02-30',
        email: 'nope',
      },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.name',
        'body.role',
        'body.decisionWeight',
        'body.birthday',
        'body.email',
      ]),
    );
    expect(await countRows(t, 'contacts')).toBe(0);
  });

  it('adds a contact with its decision-chain place and logs it', async () => {
    const response = await t.call('POST', '/api/v1/contacts', {
      token: rep.token,
      body: {
        customerId: customer.id,
        name: '张总',
        title: '总经理',
        mobile: '13800138000',
        wechat: 'zhang_zong',
        role: 'decision_maker',
        decisionWeight: 5,
        personalStyle: '果断,重数据',
        birthday: '1975-08-08',
        interests: '高尔夫',
        isPrimary: true,
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      customerId: customer.id,
      name: '张总',
      role: 'decision_maker',
      decisionWeight: 5,
      birthday: '1975-08-08',
      isPrimary: true,
      archived: false,
      version: 1,
    });
    const [audit] = await t.database.query<{ action: string }>(
      sql`select action from audit_log
        where entity = 'contact' and entity_id = ${response.json().id}`,
    );
    expect(audit?.action).toBe('create');
  });
});

describe('GET /customers/:id/contacts', () => {
  it('lists the primary first and pages without repeats', async () => {
    const extra = await buildContact(t, rep.token, customer.id, { name: '李工', role: 'user' });
    await buildContact(t, rep.token, customer.id, { name: '赵秘书', role: 'gatekeeper' });
    const first = await t.call('GET', `/api/v1/customers/${customer.id}/contacts?limit=2`, {
      token: manager.token,
    });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((c: { name: string }) => c.name)).toEqual(['张总', '李工']);
    const second = await t.call(
      'GET',
      `/api/v1/customers/${customer.id}/contacts?limit=2&cursor=${page1.nextCursor}`,
      { token: rep.token },
    );
    expect(second.json().items.map((c: { name: string }) => c.name)).toEqual(['赵秘书']);
    expect(second.json().nextCursor).toBeNull();
    expect(extra.version).toBe(1);
  });

  it("is 404 for a customer the caller can't see", async () => {
    const response = await t.call('GET', `/api/v1/customers/${customer.id}/contacts`, {
      token: otherRep.token,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('PATCH /contacts/:id', () => {
  it('refuses a stale version and a bad weight, then edits with the version', async () => {
    const contact = await buildContact(t, rep.token, customer.id, { name: '钱总监' });
    const bad = await t.call('PATCH', `/api/v1/contacts/${contact.id}`, {
      token: rep.token,
      body: { version: 1, decisionWeight: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.decisionWeight');
    const ok = await t.call('PATCH', `/api/v1/contacts/${contact.id}`, {
      token: rep.token,
      body: { version: 1, role: 'technical_evaluator', decisionWeight: 3 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'technical_evaluator', decisionWeight: 3, version: 2 });
    const stale = await t.call('PATCH', `/api/v1/contacts/${contact.id}`, {
      token: rep.token,
      body: { version: 1, title: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { version: 2 } });
  });

  it('moves the primary mark and archives', async () => {
    const contact = await buildContact(t, rep.token, customer.id, { name: '孙经理' });
    const primary = await t.call('PATCH', `/api/v1/contacts/${contact.id}`, {
      token: rep.token,
      body: { version: 1, isPrimary: true },
    });
    expect(primary.json().isPrimary).toBe(true);
    const list = await t.call('GET', `/api/v1/customers/${customer.id}/contacts?limit=500`, {
      token: rep.token,
    });
    const primaries = list.json().items.filter((c: { isPrimary: boolean }) => c.isPrimary);
    expect(primaries.map((c: { name: string }) => c.name)).toEqual(['孙经理']);
    const archived = await t.call('PATCH', `/api/v1/contacts/${contact.id}`, {
      token: rep.token,
      body: { version: 2, archived: true },
    });
    expect(archived.json().archived).toBe(true);
    const active = await t.call('GET', `/api/v1/customers/${customer.id}/contacts?limit=500`, {
      token: rep.token,
    });
    expect(active.json().items.map((c: { id: string }) => c.id)).not.toContain(contact.id);
  });

  it("is 404 for another rep, 403 for a rep on a pool customer; the owner's manager may edit", async () => {
    const pooled = await buildCustomer(t, t.adminToken);
    const poolContact = await buildContact(t, t.adminToken, pooled.id);
    const pool = await t.call('PATCH', `/api/v1/contacts/${poolContact.id}`, {
      token: rep.token,
      body: { version: 1, title: 'x' },
    });
    expect(pool.statusCode).toBe(403);
    const contact = await buildContact(t, rep.token, customer.id);
    const hidden = await t.call('PATCH', `/api/v1/contacts/${contact.id}`, {
      token: otherRep.token,
      body: { version: 1, title: 'x' },
    });
    expect(hidden.statusCode).toBe(404);
    const byManager = await t.call('PATCH', `/api/v1/contacts/${contact.id}`, {
      token: manager.token,
      body: { version: 1, title: '采购经理' },
    });
    expect(byManager.statusCode).toBe(200);
  });
});

describe('GET /customers/:id/decision-chain', () => {
  it('warns when nobody decides', async () => {
    const fresh = await buildCustomer(t, rep.token);
    await buildContact(t, rep.token, fresh.id, {
      name: 'A',
      role: 'influencer',
      decisionWeight: 2,
    });
    await buildContact(t, rep.token, fresh.id, {
      name: 'B',
      role: 'influencer',
      decisionWeight: 4,
    });
    await buildContact(t, rep.token, fresh.id, { name: 'C' });
    const response = await t.call('GET', `/api/v1/customers/${fresh.id}/decision-chain`, {
      token: rep.token,
    });
    expect(response.statusCode).toBe(200);
    const chain = response.json();
    expect(chain.warnings).toEqual(['no_decision_maker']);
    const influencers = chain.groups.find((g: { role: string }) => g.role === 'influencer');
    expect(influencers).toMatchObject({ totalWeight: 6 });
    expect(influencers.contacts.map((c: { name: string }) => c.name)).toEqual(['B', 'A']);
    expect(chain.unassigned.map((c: { name: string }) => c.name)).toEqual(['C']);
  });

  it('is quiet once a decision maker is known', async () => {
    const response = await t.call('GET', `/api/v1/customers/${customer.id}/decision-chain`, {
      token: rep.token,
    });
    expect(response.json().warnings).toEqual([]);
    expect(response.json().groups[0]).toMatchObject({
      role: 'decision_maker',
      contacts: [expect.objectContaining({ name: '张总', decisionWeight: 5 })],
    });
  });
});
