import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { buildCustomer } from '../../../../tests/setup/factories-customer-archive';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

// Export watch: reps export only their own customers, reps and managers at most the org's
// daily row quota (each export logged with its row count), and a rep's large export puts a
// reminder on their manager's tasks.

let t: TestApp;
let manager: Awaited<ReturnType<typeof buildUser>>;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;

const exportAs = (token: string) => t.call('GET', '/api/v1/customers/export?format=csv', { token });
const dataRows = (body: string) => body.trim().split('\r\n').length - 1;

async function setOrg(fields: Record<string, number>) {
  const current = (await t.call('GET', '/api/v1/settings/org', { token: t.adminToken })).json();
  const response = await t.call('PATCH', '/api/v1/settings/org', {
    token: t.adminToken,
    body: { version: current.version, ...fields },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const remindersOf = async (token: string) =>
  (await t.call('GET', '/api/v1/me/reminders', { token })).json() as {
    count: number;
    items: { title: string }[];
  };

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager', name: '王经理' });
  const team = await buildTeam(t, { name: '导出队', managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id, name: '赵销售' });
  otherRep = await buildUser(t, { teamId: team.id, name: '钱销售' });
  for (let i = 0; i < 4; i += 1) await buildCustomer(t, rep.token, { name: `赵的客户${i}` });
  await buildCustomer(t, otherRep.token, { name: '钱的客户' });
  await buildCustomer(t, t.adminToken, { name: '公海里的客户' });
});
afterAll(async () => {
  await t.close();
});

describe('export watch', () => {
  it('has settings an admin configures, validated', async () => {
    const bad = await t.call('PATCH', '/api/v1/settings/org', {
      token: t.adminToken,
      body: { version: 1, exportDailyRowQuota: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.exportDailyRowQuota');
    const saved = await setOrg({ exportDailyRowQuota: 6, exportWarningRows: 3 });
    expect(saved).toMatchObject({ exportDailyRowQuota: 6, exportWarningRows: 3 });
  });

  it('gives a rep only their own customers and logs the row count', async () => {
    const response = await exportAs(rep.token);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('钱的客户');
    expect(response.body).not.toContain('公海里的客户');
    expect(dataRows(response.body)).toBe(4);
    const [logged] = await t.database.query<{ rows: number; ip: string }>(
      sql`select (changes->>'rows')::int as rows, ip from audit_log
        where action = 'export' and user_id = ${rep.id} order by at desc limit 1`,
    );
    expect(logged).toEqual({ rows: 4, ip: '127.0.0.1' });
  });

  it('warns the rep’s manager of a large export, and no one of a small one', async () => {
    const told = await remindersOf(manager.token);
    expect(told.count).toBe(1);
    expect(told.items[0]?.title).toBe('大量导出提醒：赵销售 导出了 4 个客户');
    expect((await exportAs(otherRep.token)).statusCode).toBe(200);
    expect((await remindersOf(manager.token)).count).toBe(1);
  });

  it('never exports a customer shared with a rep who does not own it', async () => {
    const [theirs] = await t.database.query<{ id: string }>(
      sql`select id from customers where name = '钱的客户'`,
    );
    const shared = await t.call('PUT', `/api/v1/customers/${theirs?.id}/collaborators/${rep.id}`, {
      token: otherRep.token,
      body: { access: 'write' },
    });
    expect(shared.statusCode, shared.body).toBe(200);
    // The rep sees it (协同) but may not take it away in a file.
    const seen = await t.call('GET', `/api/v1/customers/${theirs?.id}`, { token: rep.token });
    expect(seen.statusCode).toBe(200);
    const [before] = await t.database.query<{ rows: number }>(
      sql`select coalesce(sum((changes->>'rows')::int), 0)::int as rows from audit_log
        where action = 'export' and user_id = ${rep.id}`,
    );
    const response = await t.call(
      'GET',
      `/api/v1/customers/export?format=csv&q=${encodeURIComponent('钱的客户')}`,
      { token: rep.token },
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('钱的客户');
    expect(dataRows(response.body)).toBe(0);
    const [after] = await t.database.query<{ rows: number }>(
      sql`select coalesce(sum((changes->>'rows')::int), 0)::int as rows from audit_log
        where action = 'export' and user_id = ${rep.id}`,
    );
    expect(after?.rows).toBe(before?.rows);
  });

  it('refuses an export past the daily quota with what is left, and logs the attempt', async () => {
    // 4 of 6 used: another 4 would pass the quota.
    const refused = await exportAs(rep.token);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({
      code: 'export_quota_exceeded',
      quota: 6,
      used: 4,
      requested: 4,
    });
    const [attempt] = await t.database.query<{ count: number }>(
      sql`select count(*)::int as count from audit_log
        where action = 'export_refused' and user_id = ${rep.id}`,
    );
    expect(attempt?.count).toBe(1);
    // Refused before a byte of the file: no export logged, nothing but the error sent.
    expect(refused.headers['content-disposition']).toBeUndefined();
    expect(refused.body).not.toContain('赵的客户');
    const [logged] = await t.database.query<{ count: number }>(
      sql`select count(*)::int as count from audit_log where action = 'export' and user_id = ${rep.id}`,
    );
    expect(logged?.count).toBe(2); // the first export and the shared-customer one
    // A narrower export within what is left still goes.
    const narrow = await t.call('GET', '/api/v1/customers/export?format=csv&q=赵的客户1', {
      token: rep.token,
    });
    expect(narrow.statusCode).toBe(200);
    expect(dataRows(narrow.body)).toBe(1);
    // Admins are not held to the quota.
    const all = await exportAs(t.adminToken);
    expect(all.statusCode).toBe(200);
    expect(dataRows(all.body)).toBe(6);
  });

  it('starts afresh on the next day in the org’s time zone', async () => {
    t.clock.advance(86_400_000);
    expect((await exportAs(rep.token)).statusCode).toBe(200);
  });

  it('lets only one of two simultaneous exports through when together they pass the quota', async () => {
    // The next day: 4 rows each, at once, against a quota of 6. Each fits alone.
    t.clock.advance(86_400_000);
    const both = await Promise.all([exportAs(rep.token), exportAs(rep.token)]);
    expect(both.map((response) => response.statusCode).sort()).toEqual([200, 429]);
    const sent = both.find((response) => response.statusCode === 200);
    expect(dataRows(sent?.body ?? '')).toBe(4);
    const refused = both.find((response) => response.statusCode === 429);
    expect(refused?.json()).toMatchObject({ used: 4, requested: 4, quota: 6 });
  });
});
