import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import {
  buildContact,
  buildCustomer,
  logActivity,
} from '../../../../tests/setup/factories-customer-archive';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createTestApp,
  type TestApp,
} from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
const ids: Record<string, string> = {};

// 10:00 in Shanghai (the org's default zone) on 29 December 2026.
const NOW = new Date('2026-12-29T02:00:00Z');

/** Sets when a customer was created: the database stamps real time, the test needs fixed days. */
async function createdAt(customerId: string, at: string) {
  await t.database.query(
    sql`update customers set created_at = ${at}::timestamptz where id = ${customerId}`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  t.adminToken = await t.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  rep = await buildUser(t);
  otherRep = await buildUser(t);
  const named = async (name: string, created: string, token = rep.token) => {
    const customer = await buildCustomer(t, token, { name });
    await createdAt(customer.id, created);
    ids[name] = customer.id;
    return customer.id;
  };
  await named('Never contacted, old', '2026-11-01T00:00:00Z');
  await named('Never contacted, new', '2026-12-20T00:00:00Z');
  for (const [name, occurredAt] of [
    ['Contacted two days ago', '2026-12-27T02:00:00Z'],
    ['Contacted 19 days ago', '2026-12-10T02:00:00Z'],
    // 23:00 on 15 Dec in Shanghai: 14 calendar days before the 29th, so neglected.
    ['Contacted 14 days ago', '2026-12-15T15:00:00Z'],
    // 00:30 on 16 Dec in Shanghai: 13 days.
    ['Contacted 13 days ago', '2026-12-15T16:30:00Z'],
  ] as const) {
    const id = await named(name, '2026-10-01T00:00:00Z');
    await logActivity(t, rep.token, id, { occurredAt });
  }
  await named('Colleague customer', '2026-01-01T00:00:00Z', otherRep.token);
});
afterAll(async () => {
  await t.close();
});

describe('GET /me/day', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/me/day')).statusCode).toBe(401);
  });

  it("sorts the caller's open tasks into overdue, today and the next 7 days", async () => {
    const customerId = ids['Contacted two days ago'] as string;
    for (const [title, dueAt] of [
      ['overdue', '2026-12-28T09:00:00Z'],
      ['today', '2026-12-29T15:59:00Z'],
      ['in 7 days', '2027-01-05T15:00:00Z'],
      ['in 8 days', '2027-01-06T02:00:00Z'],
    ]) {
      await t.call('POST', '/api/v1/tasks', {
        token: rep.token,
        body: { title, dueAt, customerId },
      });
    }
    await t.call('POST', '/api/v1/tasks', {
      token: otherRep.token,
      body: { title: 'not mine', dueAt: '2026-12-29T05:00:00Z' },
    });
    const response = await t.call('GET', '/api/v1/me/day', { token: rep.token });
    expect(response.statusCode).toBe(200);
    const day = response.json();
    expect(day).toMatchObject({ date: '2026-12-29', timeZone: 'Asia/Shanghai' });
    const titles = (tasks: { title: string }[]) => tasks.map((task) => task.title);
    expect(titles(day.overdue)).toEqual(['overdue']);
    expect(titles(day.today)).toEqual(['today']);
    expect(titles(day.upcoming)).toEqual(['in 7 days']);
  });

  it("lists the birthdays of the caller's customers' contacts within 7 days, across the new year", async () => {
    const customerId = ids['Contacted two days ago'] as string;
    await buildContact(t, rep.token, customerId, { name: '今天生日', birthday: '1980-12-29' });
    await buildContact(t, rep.token, customerId, { name: '第六天', birthday: '1990-01-04' });
    await buildContact(t, rep.token, customerId, { name: '第七天', birthday: '1990-01-05' });
    await buildContact(t, rep.token, customerId, { name: '昨天', birthday: '1985-12-28' });
    const archived = await buildContact(t, rep.token, customerId, {
      name: '已归档',
      birthday: '1980-12-29',
    });
    await t.call('PATCH', `/api/v1/contacts/${archived.id}`, {
      token: rep.token,
      body: { version: 1, archived: true },
    });
    await buildContact(t, otherRep.token, ids['Colleague customer'] as string, {
      name: '别人的',
      birthday: '1980-12-29',
    });
    const day = (await t.call('GET', '/api/v1/me/day', { token: rep.token })).json();
    expect(day.birthdays).toEqual([
      expect.objectContaining({
        contactName: '今天生日',
        customerId,
        birthday: '1980-12-29',
        date: '2026-12-29',
        daysAway: 0,
        turns: 46,
      }),
      expect.objectContaining({
        contactName: '第六天',
        date: '2027-01-04',
        daysAway: 6,
        turns: 37,
      }),
    ]);
  });

  it('celebrates a 29 February birthday on the 28th in a common year', async () => {
    await buildContact(t, rep.token, ids['Contacted 19 days ago'] as string, {
      name: '闰日',
      birthday: '1992-02-29',
    });
    t.clock.set(new Date('2027-02-26T02:00:00Z'));
    try {
      const token = await t.login(rep.email, rep.password);
      const day = (await t.call('GET', '/api/v1/me/day', { token })).json();
      expect(day.birthdays).toEqual([
        expect.objectContaining({ contactName: '闰日', date: '2027-02-28', daysAway: 2 }),
      ]);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('lists owned customers with no follow-up for the org’s N days, never-contacted ones from creation', async () => {
    const day = (await t.call('GET', '/api/v1/me/day', { token: rep.token })).json();
    expect(day.neglected.afterDays).toBe(14);
    expect(day.neglected.items).toEqual([
      {
        customerId: ids['Never contacted, old'],
        customerName: 'Never contacted, old',
        lastContactAt: null,
        daysSince: 58,
      },
      expect.objectContaining({
        customerName: 'Contacted 19 days ago',
        daysSince: 19,
        lastContactAt: '2026-12-10T02:00:00.000Z',
      }),
      expect.objectContaining({ customerName: 'Contacted 14 days ago', daysSince: 14 }),
    ]);
    const org = (await t.call('GET', '/api/v1/settings/org', { token: t.adminToken })).json();
    const patched = await t.call('PATCH', '/api/v1/settings/org', {
      token: t.adminToken,
      body: { version: org.version, neglectedAfterDays: 30 },
    });
    expect(patched.statusCode).toBe(200);
    const after = (await t.call('GET', '/api/v1/me/day', { token: rep.token })).json();
    expect(after.neglected).toMatchObject({
      afterDays: 30,
      items: [expect.objectContaining({ customerName: 'Never contacted, old' })],
    });
  });
});

describe('lapse warnings in My day and the reminders', () => {
  it('lists the caller’s customers within the rule’s warning window, with the rule and deadline', async () => {
    const before = (await t.call('GET', '/api/v1/me/day', { token: rep.token })).json();
    expect(before.lapseWarnings).toEqual([]);
    // Lapse after 3 days without an effective communication, warned 2 days before: the
    // customers claimed on 29 Dec keep to 1 Jan and are warned from 30 Dec.
    const rule = await t.call('POST', '/api/v1/pool/lapse-rules', {
      token: t.adminToken,
      body: { name: '三天未沟通', noActivityDays: 3, warnDays: 2 },
    });
    expect(rule.statusCode).toBe(201);
    try {
      t.clock.set(new Date('2026-12-30T02:00:00Z'));
      // Contacted today: its deadline moves to 2 Jan, 3 days away, outside the window.
      await logActivity(t, rep.token, ids['Contacted two days ago'] as string);
      const day = (await t.call('GET', '/api/v1/me/day', { token: rep.token })).json();
      expect(day.lapseWarnings).toHaveLength(5);
      expect(day.lapseWarnings.map((w: { customerId: string }) => w.customerId)).not.toContain(
        ids['Contacted two days ago'],
      );
      expect(day.lapseWarnings[0]).toMatchObject({
        ruleName: '三天未沟通',
        status: 'warning',
        triggers: ['no_activity'],
        deadline: '2027-01-01',
        daysLeft: 2,
      });
      const reminders = (await t.call('GET', '/api/v1/me/reminders', { token: rep.token })).json();
      expect(reminders.lapseWarnings).toBe(5);
      const colleague = (await t.call('GET', '/api/v1/me/day', { token: otherRep.token })).json();
      expect(colleague.lapseWarnings.map((w: { customerName: string }) => w.customerName)).toEqual([
        'Colleague customer',
      ]);
    } finally {
      t.clock.set(NOW);
    }
  });
});
