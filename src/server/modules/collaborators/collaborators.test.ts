import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import {
  buildContact,
  buildCustomer,
  countRows,
  logActivity,
} from '../../../../tests/setup/factories-customer-archive';
import { buildDeal, buildFunnel } from '../../../../tests/setup/factories-deals';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

type User = Awaited<ReturnType<typeof buildUser>>;
let t: TestApp;
let manager: User;
let owner: User;
let presales: User;
let stranger: User;
let customer: Awaited<ReturnType<typeof buildCustomer>>;
let dealId: string;

const share = (token: string | null, userId: string, body: unknown, id = customer.id) =>
  t.call('PUT', `/api/v1/customers/${id}/collaborators/${userId}`, { token, body });

async function auditActions(entityId: string): Promise<{ action: string; changes: unknown }[]> {
  return t.database.query(
    sql`select action, changes from audit_log
      where entity = 'customer' and entity_id = ${entityId} and action in ('share', 'unshare')
      order by at, id`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  owner = await buildUser(t, { teamId: team.id, name: '王销售' });
  presales = await buildUser(t, { name: '李售前' });
  stranger = await buildUser(t, { name: '赵旁人' });
  customer = await buildCustomer(t, owner.token, {
    name: '苏州协同测试有限公司',
    phone: '0512-1234',
  });
  await buildContact(t, owner.token, customer.id, { name: '陈经理' });
  await logActivity(t, owner.token, customer.id, { summary: '首次拜访' });
  const funnel = await buildFunnel(t);
  dealId = (await buildDeal(t, owner.token, { customerId: customer.id, funnelId: funnel.id })).id;
});
afterAll(async () => {
  await t.close();
});

describe('PUT /customers/{id}/collaborators/{userId}', () => {
  it('needs a session', async () => {
    expect((await share(null, presales.id, { access: 'read' })).statusCode).toBe(401);
  });

  it('hides the customer from a rep it is not shared with (404) and writes nothing', async () => {
    const response = await share(stranger.token, presales.id, { access: 'read' });
    expect(response.statusCode).toBe(404);
    expect(await countRows(t, 'customer_collaborators')).toBe(0);
  });

  it('refuses bad input by field and writes nothing', async () => {
    const badAccess = await share(owner.token, presales.id, { access: 'admin' });
    expect(badAccess.statusCode).toBe(400);
    expect(badAccess.json().errors.map((e: { field: string }) => e.field)).toContain('body.access');
    const badId = await t.call('PUT', `/api/v1/customers/${customer.id}/collaborators/nope`, {
      token: owner.token,
      body: { access: 'read' },
    });
    expect(badId.statusCode).toBe(400);
    const self = await share(owner.token, owner.id, { access: 'write' });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('params.userId');
    const unknown = await share(owner.token, '0190d1e4-0000-7000-8000-000000000000', {
      access: 'read',
    });
    expect(unknown.statusCode).toBe(400);
    expect(await countRows(t, 'customer_collaborators')).toBe(0);
    expect(await auditActions(customer.id)).toEqual([]);
  });

  it('lets the owner share read-only: the colleague sees everything and changes nothing', async () => {
    const response = await share(owner.token, presales.id, { access: 'read' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      userId: presales.id,
      userName: '李售前',
      access: 'read',
      addedById: owner.id,
    });
    expect(await auditActions(customer.id)).toEqual([
      {
        action: 'share',
        changes: { userId: presales.id, userName: '李售前', access: { from: null, to: 'read' } },
      },
    ]);

    const token = presales.token;
    const detail = await t.call('GET', `/api/v1/customers/${customer.id}`, { token });
    expect(detail.statusCode).toBe(200);
    // Shown in full, unlike a pool customer.
    expect(detail.json().phone).toBe('0512-1234');
    const list = await t.call('GET', '/api/v1/customers?limit=50', { token });
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(customer.id);
    const contacts = await t.call('GET', `/api/v1/customers/${customer.id}/contacts`, { token });
    expect(contacts.json().items.map((c: { name: string }) => c.name)).toEqual(['陈经理']);
    const timeline = await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, { token });
    expect(timeline.statusCode).toBe(200);
    const activities = await t.call('GET', `/api/v1/customers/${customer.id}/activities`, {
      token,
    });
    expect(activities.json().items.map((a: { summary: string }) => a.summary)).toEqual([
      '首次拜访',
    ]);
    expect((await t.call('GET', `/api/v1/deals/${dealId}`, { token })).statusCode).toBe(200);
    const deals = await t.call('GET', `/api/v1/deals?customerId=${customer.id}`, { token });
    expect(deals.json().items.map((d: { id: string }) => d.id)).toEqual([dealId]);

    const mine = await t.call('GET', `/api/v1/customers/${customer.id}/collaborators`, { token });
    expect(mine.json().myAccess).toBe('read');

    // Every change answers 403.
    const edit = await t.call('PATCH', `/api/v1/customers/${customer.id}`, {
      token,
      body: { version: detail.json().version, industry: '机械' },
    });
    expect(edit.statusCode).toBe(403);
    const activity = await t.call('POST', '/api/v1/activities', {
      token,
      body: { customerId: customer.id, type: 'call', effective: true, summary: 'x' },
    });
    expect(activity.statusCode).toBe(403);
    const contact = await t.call('POST', '/api/v1/contacts', {
      token,
      body: { customerId: customer.id, name: '新联系人' },
    });
    expect(contact.statusCode).toBe(403);
    const deal = await t.call('PATCH', `/api/v1/deals/${dealId}`, {
      token,
      body: { version: 1, nextStep: 'x' },
    });
    expect(deal.statusCode).toBe(403);
    const reshare = await share(token, stranger.id, { access: 'read' });
    expect(reshare.statusCode).toBe(403);
  });

  it('keeps a rep it is not shared with at 404 on every path', async () => {
    const token = stranger.token;
    expect((await t.call('GET', `/api/v1/customers/${customer.id}`, { token })).statusCode).toBe(
      404,
    );
    const edit = await t.call('PATCH', `/api/v1/customers/${customer.id}`, {
      token,
      body: { version: 1, industry: '机械' },
    });
    expect(edit.statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/deals/${dealId}`, { token })).statusCode).toBe(404);
    const collaborators = await t.call('GET', `/api/v1/customers/${customer.id}/collaborators`, {
      token,
    });
    expect(collaborators.statusCode).toBe(404);
    const list = await t.call('GET', '/api/v1/customers?limit=50', { token });
    expect(list.json().items).toEqual([]);
  });

  it('lets a write collaborator work the customer but not archive, release or share it', async () => {
    const response = await share(owner.token, presales.id, { access: 'write' });
    expect(response.json().access).toBe('write');
    const token = presales.token;
    const before = (await t.call('GET', `/api/v1/customers/${customer.id}`, { token })).json();
    const edit = await t.call('PATCH', `/api/v1/customers/${customer.id}`, {
      token,
      body: { version: before.version, industry: '机械' },
    });
    expect(edit.statusCode).toBe(200);
    expect((await logActivity(t, token, customer.id, { summary: '技术交流' })).id).toBeTruthy();
    const archive = await t.call('PATCH', `/api/v1/customers/${customer.id}`, {
      token,
      body: { version: edit.json().version, archived: true },
    });
    expect(archive.statusCode).toBe(403);
    const release = await t.call('POST', `/api/v1/customers/${customer.id}/release`, {
      token,
      body: {},
    });
    expect(release.statusCode).toBe(403);
    expect((await share(token, stranger.id, { access: 'read' })).statusCode).toBe(403);
    const owned = await t.call('GET', `/api/v1/customers/${customer.id}`, { token: owner.token });
    expect(owned.json().ownerId).toBe(owner.id);
  });

  it('lets a manager of another team, shared with, list and export the customer', async () => {
    const elsewhere = await buildUser(t, { role: 'manager' });
    const before = await t.call('GET', '/api/v1/customers/export?format=csv', {
      token: elsewhere.token,
    });
    expect(before.body).not.toContain('苏州协同测试有限公司');
    expect((await share(owner.token, elsewhere.id, { access: 'read' })).statusCode).toBe(200);
    const exported = await t.call('GET', '/api/v1/customers/export?format=csv', {
      token: elsewhere.token,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('苏州协同测试有限公司');
    expect(exported.body).toContain('0512-1234');
    const edit = await t.call('PATCH', `/api/v1/customers/${customer.id}`, {
      token: elsewhere.token,
      body: { version: 1, industry: 'x' },
    });
    expect(edit.statusCode).toBe(403);
    const off = `/api/v1/customers/${customer.id}/collaborators/${elsewhere.id}`;
    expect((await t.call('DELETE', off, { token: owner.token })).statusCode).toBe(204);
  });

  it("lets the owner's manager share, and sharing the same access again logs nothing", async () => {
    const first = await share(manager.token, stranger.id, { access: 'read' });
    expect(first.statusCode).toBe(200);
    expect(first.json().addedById).toBe(manager.id);
    const again = await share(manager.token, stranger.id, { access: 'read' });
    expect(again.statusCode).toBe(200);
    const shares = (await auditActions(customer.id)).filter(
      (entry) => (entry.changes as { userId: string }).userId === stranger.id,
    );
    expect(shares).toHaveLength(1);
  });
});

describe('DELETE /customers/{id}/collaborators/{userId}', () => {
  it('needs a session, and answers 404 to a rep who cannot see the customer', async () => {
    const url = `/api/v1/customers/${customer.id}/collaborators/${presales.id}`;
    expect((await t.call('DELETE', url)).statusCode).toBe(401);
    const outsider = await buildUser(t);
    expect((await t.call('DELETE', url, { token: outsider.token })).statusCode).toBe(404);
  });

  it('refuses a collaborator (403) and takes a colleague off for the owner, audited', async () => {
    const url = `/api/v1/customers/${customer.id}/collaborators/${stranger.id}`;
    expect((await t.call('DELETE', url, { token: presales.token })).statusCode).toBe(403);
    expect((await t.call('DELETE', url, { token: owner.token })).statusCode).toBe(204);
    expect((await t.call('DELETE', url, { token: owner.token })).statusCode).toBe(404);
    const detail = await t.call('GET', `/api/v1/customers/${customer.id}`, {
      token: stranger.token,
    });
    expect(detail.statusCode).toBe(404);
    const last = (await auditActions(customer.id)).at(-1);
    expect(last).toEqual({
      action: 'unshare',
      changes: { userId: stranger.id, userName: '赵旁人', access: { from: 'read', to: null } },
    });
  });
});

describe('GET /collaborators', () => {
  it('is for managers and admins', async () => {
    expect((await t.call('GET', '/api/v1/collaborators')).statusCode).toBe(401);
    const rep = await t.call('GET', '/api/v1/collaborators', { token: owner.token });
    expect(rep.statusCode).toBe(403);
    const bad = await t.call('GET', '/api/v1/collaborators?access=owner', { token: manager.token });
    expect(bad.statusCode).toBe(400);
  });

  it("shows a manager who shares their team's customers with whom", async () => {
    const response = await t.call('GET', '/api/v1/collaborators', { token: manager.token });
    expect(response.statusCode).toBe(200);
    expect(
      response.json().items.map((s: Record<string, unknown>) => ({
        customerName: s.customerName,
        ownerName: s.ownerName,
        userName: s.userName,
        access: s.access,
      })),
    ).toEqual([
      {
        customerName: '苏州协同测试有限公司',
        ownerName: '王销售',
        userName: '李售前',
        access: 'write',
      },
    ]);
    // Another manager's view holds none of them.
    const other = await buildUser(t, { role: 'manager' });
    const theirs = await t.call('GET', '/api/v1/collaborators', { token: other.token });
    expect(theirs.json().items).toEqual([]);
  });
});
