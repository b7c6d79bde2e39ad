import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import {
  buildContact,
  buildCustomer,
  countRows,
} from '../../../../tests/setup/factories-customer-archive';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createTestApp,
  type TestApp,
} from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let teammate: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let manager: Awaited<ReturnType<typeof buildUser>>;
let customer: Awaited<ReturnType<typeof buildCustomer>>;

// 10:00 in Shanghai (the org's default zone) on 29 December 2026.
const NOW = new Date('2026-12-29T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  // Sessions expire by the same clock: move it before anyone logs in.
  t.clock.set(NOW);
  t.adminToken = await t.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  teammate = await buildUser(t, { teamId: team.id });
  otherRep = await buildUser(t);
  customer = await buildCustomer(t, rep.token);
});
afterAll(async () => {
  await t.close();
});

const create = (token: string | null, body: Record<string, unknown>) =>
  t.call('POST', '/api/v1/tasks', { token, body });
const customerNext = async () =>
  (await t.call('GET', `/api/v1/customers/${customer.id}`, { token: rep.token })).json()
    .nextFollowUpAt;

describe('POST /tasks', () => {
  it('needs a session', async () => {
    expect((await create(null, { title: 'x' })).statusCode).toBe(401);
  });

  it('lets reps assign only themselves and managers only their team', async () => {
    const dueAt = '2026-12-30T02:00:00.000Z';
    const byRep = await create(rep.token, { title: 'x', dueAt, assigneeId: teammate.id });
    expect(byRep.statusCode).toBe(403);
    const outside = await create(manager.token, { title: 'x', dueAt, assigneeId: otherRep.id });
    expect(outside.statusCode).toBe(403);
    const unknown = await create(t.adminToken, {
      title: 'x',
      dueAt,
      assigneeId: '0190f0f0-0000-7000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('assigneeId');
    expect(await countRows(t, 'tasks')).toBe(0);
  });

  it('refuses bad input by field and a contact of another customer, writing nothing', async () => {
    const bad = await create(rep.token, { title: '', dueAt: 'tomorrow' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.dueAt']));
    const other = await buildCustomer(t, rep.token);
    const contact = await buildContact(t, rep.token, other.id);
    const wrong = await create(rep.token, {
      title: 'x',
      dueAt: '2026-12-30T02:00:00Z',
      customerId: customer.id,
      contactId: contact.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('contactId');
    const hidden = await buildCustomer(t, otherRep.token);
    const invisible = await create(rep.token, {
      title: 'x',
      dueAt: '2026-12-30T02:00:00Z',
      customerId: hidden.id,
    });
    expect(invisible.statusCode).toBe(404);
    expect(await countRows(t, 'tasks')).toBe(0);
  });

  it("makes a task and moves the customer's next follow-up to the earliest open one", async () => {
    const later = await create(rep.token, {
      title: '寄样品',
      notes: '两件',
      dueAt: '2027-01-05T02:00:00+08:00',
      customerId: customer.id,
    });
    expect(later.statusCode).toBe(201);
    expect(later.json()).toMatchObject({
      title: '寄样品',
      notes: '两件',
      dueAt: '2027-01-04T18:00:00.000Z',
      status: 'open',
      overdue: false,
      assigneeId: rep.id,
      customerId: customer.id,
      customerName: customer.name,
      createdBy: rep.id,
      version: 1,
    });
    expect(await customerNext()).toBe('2027-01-04T18:00:00.000Z');
    const sooner = await create(manager.token, {
      title: '电话确认',
      dueAt: '2026-12-29T09:00:00Z',
      customerId: customer.id,
      assigneeId: rep.id,
    });
    expect(sooner.statusCode).toBe(201);
    expect(await customerNext()).toBe('2026-12-29T09:00:00.000Z');
  });
});

describe('PATCH /tasks/:id', () => {
  it('refuses a stale version, a colleague (404) and a rep reassigning (403)', async () => {
    const task = (await create(rep.token, { title: 'y', dueAt: '2027-01-02T00:00:00Z' })).json();
    const stale = await t.call('PATCH', `/api/v1/tasks/${task.id}`, {
      token: rep.token,
      body: { version: 0, status: 'done' },
    });
    expect(stale.statusCode).toBe(409);
    const colleague = await t.call('PATCH', `/api/v1/tasks/${task.id}`, {
      token: otherRep.token,
      body: { version: 1, status: 'done' },
    });
    expect(colleague.statusCode).toBe(404);
    const reassign = await t.call('PATCH', `/api/v1/tasks/${task.id}`, {
      token: rep.token,
      body: { version: 1, assigneeId: teammate.id },
    });
    expect(reassign.statusCode).toBe(403);
    const badStatus = await t.call('PATCH', `/api/v1/tasks/${task.id}`, {
      token: rep.token,
      body: { version: 1, status: 'finished' },
    });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().errors[0].field).toBe('body.status');
  });

  it('completes a task and the next follow-up falls to the next open one', async () => {
    const list = (
      await t.call('GET', `/api/v1/tasks?customerId=${customer.id}`, { token: rep.token })
    ).json();
    const first = list.items[0];
    expect(first.title).toBe('电话确认');
    const done = await t.call('PATCH', `/api/v1/tasks/${first.id}`, {
      token: rep.token,
      body: { version: first.version, status: 'done' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', version: 2 });
    expect(Date.parse(done.json().completedAt) - NOW.getTime()).toBeLessThan(60_000);
    expect(await customerNext()).toBe('2027-01-04T18:00:00.000Z');
    const second = list.items[1];
    await t.call('PATCH', `/api/v1/tasks/${second.id}`, {
      token: manager.token,
      body: { version: second.version, status: 'cancelled' },
    });
    expect(await customerNext()).toBeNull();
  });

  it('lets a manager reassign within the team', async () => {
    const task = (await create(rep.token, { title: 'z', dueAt: '2027-01-02T00:00:00Z' })).json();
    const response = await t.call('PATCH', `/api/v1/tasks/${task.id}`, {
      token: manager.token,
      body: { version: 1, assigneeId: teammate.id, dueAt: '2027-01-03T00:00:00Z' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      assigneeId: teammate.id,
      dueAt: '2027-01-03T00:00:00.000Z',
    });
  });
});

describe('GET /tasks and /me/reminders', () => {
  it('filters by due window in the org time zone and pages', async () => {
    // overdue: 09:00 today; today: 18:00 today; upcoming: in 5 days; beyond: in 9 days.
    for (const [title, dueAt] of [
      ['overdue', '2026-12-29T01:00:00Z'],
      ['today', '2026-12-29T10:00:00Z'],
      ['upcoming', '2027-01-03T02:00:00Z'],
      ['beyond', '2027-01-07T02:00:00Z'],
    ]) {
      expect((await create(otherRep.token, { title, dueAt })).statusCode).toBe(201);
    }
    const titles = async (query: string) =>
      (await t.call('GET', `/api/v1/tasks?${query}`, { token: otherRep.token }))
        .json()
        .items.map((task: { title: string }) => task.title);
    expect(await titles('due=overdue')).toEqual(['overdue']);
    expect(await titles('due=today')).toEqual(['today']);
    expect(await titles('due=upcoming')).toEqual(['upcoming']);
    expect(await titles('')).toEqual(['overdue', 'today', 'upcoming', 'beyond']);
    const page = (await t.call('GET', '/api/v1/tasks?limit=3', { token: otherRep.token })).json();
    const rest = (
      await t.call('GET', `/api/v1/tasks?limit=3&cursor=${page.nextCursor}`, {
        token: otherRep.token,
      })
    ).json();
    expect(rest.items.map((task: { title: string }) => task.title)).toEqual(['beyond']);
    const bad = await t.call('GET', '/api/v1/tasks?due=someday', { token: otherRep.token });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.due');
  });

  it("shows a manager the team's tasks but a rep only their own", async () => {
    const repView = (
      await t.call('GET', '/api/v1/tasks?status=all&limit=500', { token: rep.token })
    ).json();
    expect(
      repView.items.every(
        (task: { assigneeId: string; createdBy: string }) =>
          task.assigneeId === rep.id || task.createdBy === rep.id,
      ),
    ).toBe(true);
    const managerView = (
      await t.call(`GET`, `/api/v1/tasks?status=all&assigneeId=${teammate.id}`, {
        token: manager.token,
      })
    ).json();
    expect(managerView.items).toHaveLength(1);
    const foreign = (
      await t.call('GET', `/api/v1/tasks?assigneeId=${otherRep.id}`, { token: manager.token })
    ).json();
    expect(foreign.items).toHaveLength(0);
  });

  it('counts what is due now for the badge', async () => {
    const response = await t.call('GET', '/api/v1/me/reminders', { token: otherRep.token });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      count: 1,
      items: [expect.objectContaining({ title: 'overdue', overdue: true })],
    });
    t.clock.set(new Date('2026-12-29T12:00:00Z'));
    const later = (await t.call('GET', '/api/v1/me/reminders', { token: otherRep.token })).json();
    expect(later.count).toBe(2);
    t.clock.set(NOW);
  });
});
