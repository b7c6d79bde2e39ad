// Distinct customers contacted, as the work data report reads them from customer_contact_blocks
// (whole months plus loose days, each customer once per rep and once for the org), against
// hand-computed answers; and the kept blocks against a recount after every kind of write.
// Asia/Shanghai (UTC+8) until the last test; the clock stands at 10 June 2026.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptAndRecountedBlocks } from '../../../../tests/setup/contactBlocks';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { buildCustomer, logActivity } from '../../../../tests/setup/factories-customer-archive';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
type User = Awaited<ReturnType<typeof buildUser>>;
let manager: User;
let repA: User;
let repB: User;
let x: string;
let y: string;
let z: string;
/** Activity ids by the name used in the comments below. */
const act: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-10T04:00:00Z'));
  manager = await buildUser(t, { role: 'manager', name: 'Manager M' });
  const team = (await buildTeam(t, { name: 'North', managerId: manager.id })).id;
  repA = await buildUser(t, { teamId: team, name: 'Rep A' });
  repB = await buildUser(t, { teamId: team, name: 'Rep B' });
  [x, y, z] = [
    (await buildCustomer(t, repA.token)).id,
    (await buildCustomer(t, repA.token)).id,
    (await buildCustomer(t, repA.token)).id,
  ];
  for (const customer of [x, z]) {
    const share = await t.call('PUT', `/api/v1/customers/${customer}/collaborators/${repB.id}`, {
      token: repA.token,
      body: { access: 'write' },
    });
    expect(share.statusCode, share.body).toBeLessThan(300);
  }
  const log = async (name: string, token: string, customer: string, occurredAt: string) => {
    act[name] = (await logActivity(t, token, customer, { occurredAt })).id;
  };
  // Local (Shanghai) days in the names.
  await log('A-X Feb 28', repA.token, x, '2026-02-27T20:00:00Z');
  await log('A-X Mar 10', repA.token, x, '2026-03-10T02:00:00Z');
  await log('B-X Apr 1', repB.token, x, '2026-03-31T17:00:00Z');
  await log('A-Y Mar 20', repA.token, y, '2026-03-20T02:00:00Z');
  await log('A-Y Mar 21', repA.token, y, '2026-03-21T02:00:00Z');
  await log('B-Z May 2', repB.token, z, '2026-05-02T02:00:00Z');
  await log('A-Z Jan 15', repA.token, z, '2026-01-15T02:00:00Z');
});
afterAll(async () => {
  await t.close();
});

/** Customers contacted per rep (A, B) and in total, as the report shows them. */
async function contacted(from: string, to: string, token = t.adminToken) {
  const response = await t.call('GET', `/api/v1/reports/work-data?from=${from}&to=${to}`, {
    token,
  });
  expect(response.statusCode, response.body).toBe(200);
  const report = response.json();
  const of = (user: User) =>
    report.rows.find((row: { userId: string }) => row.userId === user.id)?.customersContacted ?? 0;
  return { a: of(repA), b: of(repB), total: report.totals.customersContacted };
}

async function expectNoDrift() {
  const { kept, recounted } = await keptAndRecountedBlocks(t.database, t.orgId);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(recounted);
}

describe('customers contacted from the contact blocks', () => {
  it('counts whole months, loose days and both, each customer once', async () => {
    await expectNoDrift();
    // March: A saw X and Y; B's contact of X was 1 April in Shanghai (31 March UTC).
    expect(await contacted('2026-03-01', '2026-03-31')).toEqual({ a: 2, b: 0, total: 2 });
    // 15–31 March (loose days) and April: A's Y on the 20th (X's 10th is before), B's X.
    expect(await contacted('2026-03-15', '2026-04-30')).toEqual({ a: 1, b: 1, total: 2 });
    // 28 February – 9 March, loose days of two months: A's X once.
    expect(await contacted('2026-02-28', '2026-03-09')).toEqual({ a: 1, b: 0, total: 1 });
    // February–May: the reps' rows add up to 4, the org saw X, Y and Z.
    expect(await contacted('2026-02-01', '2026-05-31')).toEqual({ a: 2, b: 2, total: 3 });
    // January, February and 1–15 March: X's contacts in February and March count once.
    expect(await contacted('2026-01-01', '2026-03-15')).toEqual({ a: 2, b: 0, total: 2 });
    // One day.
    expect(await contacted('2026-04-01', '2026-04-01')).toEqual({ a: 0, b: 1, total: 1 });
  });

  it('gives a manager the same figures for the team, and the activity report the same', async () => {
    expect(await contacted('2026-02-01', '2026-05-31', manager.token)).toEqual({
      a: 2,
      b: 2,
      total: 3,
    });
    const activity = await t.call('GET', '/api/v1/reports/activity?from=2026-03-15&to=2026-04-30', {
      token: t.adminToken,
    });
    expect(activity.statusCode, activity.body).toBe(200);
    const rows = activity.json().rows as { userId: string; customersContacted: number }[];
    expect(rows.find((row) => row.userId === repA.id)?.customersContacted).toBe(1);
    expect(rows.find((row) => row.userId === repB.id)?.customersContacted).toBe(1);
    // Open-ended periods: all time, from 15 March on, up to 28 February.
    for (const [query, a, b] of [
      ['', 3, 2],
      ['from=2026-03-15', 1, 2],
      ['to=2026-02-28', 2, 0],
    ] as const) {
      const open = await t.call('GET', `/api/v1/reports/activity?${query}`, {
        token: t.adminToken,
      });
      expect(open.statusCode, open.body).toBe(200);
      const of = (user: User) =>
        (open.json().rows as { userId: string; customersContacted: number }[]).find(
          (row) => row.userId === user.id,
        )?.customersContacted;
      expect([query, of(repA), of(repB)]).toEqual([query, a, b]);
    }
  });

  it('follows edits that move an activity to another customer, rep or day, and deletes', async () => {
    // A's 10 March contact moves from X to Y: in March A saw only Y.
    await t.database.query(sql`update activities set customer_id = ${y}
      where org_id = ${t.orgId} and id = ${act['A-X Mar 10']}`);
    await expectNoDrift();
    expect(await contacted('2026-03-01', '2026-03-31')).toEqual({ a: 1, b: 0, total: 1 });
    // A's 21 March contact of Y becomes B's.
    await t.database.query(sql`update activities set user_id = ${repB.id}
      where org_id = ${t.orgId} and id = ${act['A-Y Mar 21']}`);
    await expectNoDrift();
    expect(await contacted('2026-03-01', '2026-03-31')).toEqual({ a: 1, b: 1, total: 1 });
    // B's contact of X moves to 31 March 23:00 in Shanghai.
    await t.database.query(sql`update activities set occurred_at = '2026-03-31T15:00:00Z'
      where org_id = ${t.orgId} and id = ${act['B-X Apr 1']}`);
    await expectNoDrift();
    expect(await contacted('2026-03-01', '2026-03-31')).toEqual({ a: 1, b: 2, total: 2 });
    expect(await contacted('2026-04-01', '2026-04-30')).toEqual({ a: 0, b: 0, total: 0 });
    // An edit of the summary alone changes nothing.
    await t.database.query(sql`update activities set summary = 'Called back'
      where org_id = ${t.orgId}`);
    await expectNoDrift();
    // A's 20 March contact of Y is deleted: from the 15th A saw no one (the 10th is before).
    await t.database.query(sql`delete from activities
      where org_id = ${t.orgId} and id = ${act['A-Y Mar 20']}`);
    await expectNoDrift();
    expect(await contacted('2026-03-15', '2026-04-30')).toEqual({ a: 0, b: 2, total: 2 });
    expect(await contacted('2026-03-01', '2026-03-31')).toEqual({ a: 1, b: 2, total: 2 });
  });

  it('follows bulk statements over many customers, reps and days', async () => {
    // One insert: 60 contacts, customers X, Y, Z in turn, reps A and B, every 5 days from 1 Jan.
    await t.database.query(sql`insert into activities (org_id, id, customer_id, user_id, type,
        occurred_at, summary)
      select ${t.orgId}, gen_random_uuid(), (array[${x}, ${y}, ${z}]::uuid[])[1 + g % 3],
        (array[${repA.id}, ${repB.id}]::uuid[])[1 + g % 2], 'call',
        '2026-01-01T02:00:00Z'::timestamptz + g * interval '5 days' / 2, 'Bulk'
      from generate_series(0, 59) g`);
    await expectNoDrift();
    // One update moving a third of them a week on and another third to the other rep.
    await t.database.query(sql`update activities
      set occurred_at = occurred_at + case when extract(day from occurred_at)::int % 3 = 0
          then interval '7 days' else interval '0 days' end,
        user_id = case when extract(day from occurred_at)::int % 3 = 1
          then ${repA.id}::uuid else user_id end
      where org_id = ${t.orgId} and summary = 'Bulk'`);
    await expectNoDrift();
    // One delete of every bulk contact in February.
    await t.database.query(sql`delete from activities where org_id = ${t.orgId}
      and summary = 'Bulk' and occurred_at >= '2026-02-01T00:00:00+08' and occurred_at < '2026-03-01T00:00:00+08'`);
    await expectNoDrift();
    // And the report's figures equal a count of the activities themselves.
    for (const [from, to] of [
      ['2026-01-01', '2026-03-31'],
      ['2026-01-20', '2026-03-05'],
      ['2026-03-03', '2026-03-17'],
    ] as const) {
      const [truth] = await t.database.query<{ a: number; b: number; total: number }>(
        sql`select count(distinct customer_id) filter (where user_id = ${repA.id})::int as a,
          count(distinct customer_id) filter (where user_id = ${repB.id})::int as b,
          count(distinct customer_id)::int as total
        from activities where org_id = ${t.orgId}
          and (occurred_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date`,
      );
      expect(await contacted(from, to)).toEqual(truth);
    }
  });

  it('moves contact days to a new org time zone', async () => {
    const settings = (await t.call('GET', '/api/v1/settings/org', { token: t.adminToken })).json();
    const changed = await t.call('PATCH', '/api/v1/settings/org', {
      token: t.adminToken,
      body: { version: settings.version, timeZone: 'Europe/London' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await expectNoDrift();
    // A's first contact of X, 27 February 20:00 UTC, is now on the 27th.
    await t.database.query(
      sql`delete from activities where org_id = ${t.orgId} and summary = 'Bulk'`,
    );
    await expectNoDrift();
    expect(await contacted('2026-02-28', '2026-02-28')).toEqual({ a: 0, b: 0, total: 0 });
    expect(await contacted('2026-02-27', '2026-02-27')).toEqual({ a: 1, b: 0, total: 1 });
  });
});
