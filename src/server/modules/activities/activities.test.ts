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

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let manager: Awaited<ReturnType<typeof buildUser>>;
let customer: Awaited<ReturnType<typeof buildCustomer>>;

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(t.clock.now().getTime() - hours * HOUR).toISOString();
const ahead = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  otherRep = await buildUser(t);
  customer = await buildCustomer(t, rep.token, { name: '宁波海达贸易有限公司' });
});
afterAll(async () => {
  await t.close();
});

const post = (token: string | null, body: Record<string, unknown>) =>
  t.call('POST', '/api/v1/activities', { token, body });
const getCustomer = async (id: string, token = rep.token) =>
  (await t.call('GET', `/api/v1/customers/${id}`, { token })).json();

describe('POST /activities', () => {
  it('needs a session', async () => {
    const response = await post(null, { customerId: customer.id });
    expect(response.statusCode).toBe(401);
  });

  it("hides a colleague's customer (404) and refuses a rep on a pool customer (403)", async () => {
    const theirs = await buildCustomer(t, otherRep.token);
    const base = { type: 'call', effective: true, summary: 'x' };
    expect((await post(rep.token, { ...base, customerId: theirs.id })).statusCode).toBe(404);
    const pooled = await buildCustomer(t, t.adminToken);
    expect((await post(rep.token, { ...base, customerId: pooled.id })).statusCode).toBe(403);
    expect(await countRows(t, 'activities')).toBe(0);
  });

  it('refuses bad input by field and writes nothing', async () => {
    const missing = await post(rep.token, {
      customerId: customer.id,
      type: 'fax',
      summary: '',
      nextActionAt: ahead(24),
    });
    expect(missing.statusCode).toBe(400);
    const fields = missing.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.type', 'body.effective', 'body.summary']));
    const dateless = await post(rep.token, {
      customerId: customer.id,
      type: 'call',
      effective: false,
      summary: 'x',
      nextActionAt: ahead(24),
    });
    expect(dateless.statusCode).toBe(400);
    expect(dateless.json().errors[0].field).toBe('body.nextAction');
    const future = await post(rep.token, {
      customerId: customer.id,
      type: 'call',
      effective: true,
      summary: 'x',
      occurredAt: ahead(3),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('occurredAt');
    const other = await buildCustomer(t, rep.token);
    const strangerContact = await buildContact(t, rep.token, other.id);
    const wrongContact = await post(rep.token, {
      customerId: customer.id,
      contactId: strangerContact.id,
      type: 'call',
      effective: true,
      summary: 'x',
    });
    expect(wrongContact.statusCode).toBe(400);
    expect(wrongContact.json().errors[0].field).toBe('contactId');
    const wrongTopic = await post(rep.token, {
      customerId: customer.id,
      topicId: '0190f0f0-0000-7000-8000-000000000000',
      type: 'call',
      effective: true,
      summary: 'x',
    });
    expect(wrongTopic.statusCode).toBe(400);
    expect(wrongTopic.json().errors[0].field).toBe('topicId');
    const funnel = await buildFunnel(t);
    const otherDeal = await buildDeal(t, rep.token, { customerId: other.id, funnelId: funnel.id });
    for (const dealId of [otherDeal.id, '0190f0f0-0000-7000-8000-000000000000']) {
      const wrongDeal = await post(rep.token, {
        customerId: customer.id,
        dealId,
        type: 'call',
        effective: true,
        summary: 'x',
      });
      expect(wrongDeal.statusCode).toBe(400);
      expect(wrongDeal.json().errors[0].field).toBe('dealId');
    }
    expect(await countRows(t, 'activities')).toBe(0);
    expect(await countRows(t, 'tasks')).toBe(0);
  });

  it('logs a visit, moves the last contact and turns the next action into a task for the owner', async () => {
    const contact = await buildContact(t, rep.token, customer.id, { name: '陈总' });
    const topics = (
      await t.call('GET', '/api/v1/topics?category=product_news', { token: rep.token })
    ).json();
    const occurredAt = ago(2);
    const nextActionAt = ahead(48);
    const deal = await buildDeal(t, rep.token, {
      customerId: customer.id,
      funnelId: (await buildFunnel(t)).id,
    });
    const response = await post(rep.token, {
      customerId: customer.id,
      contactId: contact.id,
      dealId: deal.id,
      type: 'visit',
      effective: true,
      summary: '拜访陈总,介绍新品',
      feedback: '对价格敏感',
      objections: '交期太长',
      nextAction: '发送报价单',
      nextActionAt,
      occurredAt,
      topicId: topics.items[0].id,
    });
    expect(response.statusCode).toBe(201);
    const activity = response.json();
    expect(activity).toMatchObject({
      customerId: customer.id,
      customerName: '宁波海达贸易有限公司',
      contactId: contact.id,
      contactName: '陈总',
      dealId: deal.id,
      userId: rep.id,
      type: 'visit',
      effective: true,
      summary: '拜访陈总,介绍新品',
      feedback: '对价格敏感',
      objections: '交期太长',
      nextAction: '发送报价单',
      nextActionAt,
      occurredAt,
      topicId: topics.items[0].id,
      topicTitle: topics.items[0].title,
    });
    expect(activity.taskId).toEqual(expect.any(String));
    const task = (
      await t.call('GET', `/api/v1/tasks/${activity.taskId}`, { token: rep.token })
    ).json();
    expect(task).toMatchObject({
      title: '发送报价单',
      dueAt: nextActionAt,
      assigneeId: rep.id,
      customerId: customer.id,
      contactId: contact.id,
      activityId: activity.id,
      status: 'open',
    });
    expect(await getCustomer(customer.id)).toMatchObject({
      lastContactAt: occurredAt,
      nextFollowUpAt: nextActionAt,
      version: 1,
    });
  });

  it('keeps the latest contact and the earliest open task when an older visit is logged later', async () => {
    const before = await getCustomer(customer.id);
    const sooner = ahead(5);
    await logActivity(t, rep.token, customer.id, {
      occurredAt: ago(72),
      nextAction: '电话回访',
      nextActionAt: sooner,
    });
    expect(await getCustomer(customer.id)).toMatchObject({
      lastContactAt: before.lastContactAt,
      nextFollowUpAt: sooner,
    });
  });

  it("gives the task to the customer's owner when a manager logs, and to the logger for a pool customer", async () => {
    const byManager = await logActivity(t, manager.token, customer.id, {
      nextAction: '安排演示',
      nextActionAt: ahead(30),
    });
    const task = (
      await t.call('GET', `/api/v1/tasks/${byManager.taskId}`, { token: rep.token })
    ).json();
    expect(task.assigneeId).toBe(rep.id);
    const pooled = await buildCustomer(t, t.adminToken);
    const byAdmin = await logActivity(t, t.adminToken, pooled.id, {
      nextAction: '分配销售',
      nextActionAt: ahead(30),
    });
    const adminTask = (
      await t.call('GET', `/api/v1/tasks/${byAdmin.taskId}`, { token: t.adminToken })
    ).json();
    const me = (await t.call('GET', '/api/v1/me', { token: t.adminToken })).json();
    expect(adminTask.assigneeId).toBe(me.id);
  });
});

describe('GET /customers/:id/activities', () => {
  it('lists newest first and pages without gaps', async () => {
    const all = (
      await t.call('GET', `/api/v1/customers/${customer.id}/activities?limit=500`, {
        token: rep.token,
      })
    ).json();
    expect(all.items.length).toBe(3);
    const times = all.items.map((a: { occurredAt: string }) => a.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customers/${customer.id}/activities?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.call('GET', url, { token: manager.token })).json();
      seen.push(...page.items.map((a: { id: string }) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((a: { id: string }) => a.id));
  });

  it("is 404 for a rep who can't see the customer", async () => {
    const response = await t.call('GET', `/api/v1/customers/${customer.id}/activities`, {
      token: otherRep.token,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('GET /activities', () => {
  it('refuses a bad date or type by name', async () => {
    const response = await t.call('GET', '/api/v1/activities?from=2026-13-01&type=fax', {
      token: rep.token,
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['querystring.from', 'querystring.type']));
  });

  it("filters by user, type and days, and never shows a colleague's customers", async () => {
    const mine = (
      await t.call('GET', `/api/v1/activities?userId=${rep.id}`, { token: rep.token })
    ).json();
    expect(mine.items).toHaveLength(2);
    const visits = (
      await t.call('GET', '/api/v1/activities?type=visit', { token: rep.token })
    ).json();
    expect(visits.items.map((a: { type: string }) => a.type)).toEqual(['visit']);
    // otherRep sees the pool customer's activity, never rep's customer's.
    const hidden = (await t.call('GET', '/api/v1/activities', { token: otherRep.token })).json();
    expect(hidden.items.map((a: { customerId: string }) => a.customerId)).not.toContain(
      customer.id,
    );
    expect(hidden.items).toHaveLength(1);
    const today = new Date(t.clock.now().getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const threeDaysAgo = new Date(t.clock.now().getTime() + 8 * HOUR - 72 * HOUR)
      .toISOString()
      .slice(0, 10);
    const oldOnes = (
      await t.call('GET', `/api/v1/activities?from=${threeDaysAgo}&to=${threeDaysAgo}`, {
        token: rep.token,
      })
    ).json();
    expect(oldOnes.items.map((a: { summary: string }) => a.summary)).toEqual(['Called']);
    const reversed = await t.call('GET', `/api/v1/activities?from=${today}&to=${threeDaysAgo}`, {
      token: rep.token,
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('to');
  });
});
