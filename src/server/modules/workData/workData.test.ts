// Activity targets, My day progress, the work data report, signals and the export on one
// small world in Asia/Shanghai; the clock stands at Monday 20 April 2026, 12:00 local.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { buildCustomer, logActivity } from '../../../../tests/setup/factories-customer-archive';
import { buildFunnel } from '../../../../tests/setup/factories-deals';
import { insertDeal } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { newId } from '../../db/ids';

let t: TestApp;
type User = Awaited<ReturnType<typeof buildUser>>;
let manager: User;
let repA: User;
let repB: User;
let repC: User;
let east: string;
const c: Record<string, string> = {};

async function putAtListStage(customerId: string, enteredAt: string) {
  await t.call('GET', `/api/v1/customers/${customerId}/lifecycle`, { token: t.adminToken });
  await t.database.query(sql`update customers set lifecycle_funnel_id =
      (select id from funnels where org_id = ${t.orgId} and purpose = 'customers'),
      lifecycle_stage_key = 'list', lifecycle_entered_at = ${enteredAt}::timestamptz
    where org_id = ${t.orgId} and id = ${customerId}`);
}

async function insertInquiry(receivedAt: string, repliedAt: string, by: string) {
  await t.database.query(sql`insert into inquiries (org_id, id, channel, body, received_at,
      classification, confidence, signals, scores, first_response_at, first_response_by)
    values (${t.orgId}, ${newId()}, 'email', 'Need a quote', ${receivedAt}::timestamptz, 'precise',
      0.9, '[]'::jsonb, '{}'::jsonb, ${repliedAt}::timestamptz, ${by})`);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-20T04:00:00Z'));
  manager = await buildUser(t, { role: 'manager', name: 'Manager M' });
  east = (await buildTeam(t, { name: 'East', managerId: manager.id })).id;
  const west = (await buildTeam(t, { name: 'West' })).id;
  repA = await buildUser(t, { teamId: east, name: 'Rep A' });
  repB = await buildUser(t, { teamId: east, name: 'Rep B' });
  repC = await buildUser(t, { teamId: west, name: 'Rep C' });
  for (const [key, token] of [
    ['c5', repA.token],
    ['c6', repA.token],
    ['c7', repB.token],
  ] as const) {
    c[key] = (await buildCustomer(t, token)).id;
  }
  const { c5, c6, c7 } = c as Record<'c5' | 'c6' | 'c7', string>;
  // Sunday 19 April 23:30 local: last week, yesterday.
  await logActivity(t, repA.token, c5, {
    occurredAt: '2026-04-19T15:30:00Z',
    channel: 'phone',
    signals: ['supplier_complaint'],
  });
  // Monday 00:30 local.
  await logActivity(t, repA.token, c5, { occurredAt: '2026-04-19T16:30:00Z', channel: 'phone' });
  await logActivity(t, repA.token, c6, {
    occurredAt: '2026-04-20T03:00:00Z',
    type: 'visit',
    effective: false,
    channel: 'cold_visit',
    signals: ['new_need'],
  });
  await logActivity(t, repB.token, c7, { occurredAt: '2026-04-20T02:00:00Z', type: 'quote' });
  const funnel = await buildFunnel(t);
  await insertDeal(t, {
    customerId: c5,
    ownerId: repA.id,
    funnelId: funnel.id,
    amountCents: 100_000,
    probability: 100,
    path: [
      ['qualify', '2026-04-19T16:00:00Z'],
      ['propose', '2026-04-20T01:00:00Z'],
      ['won', '2026-04-20T03:30:00Z'],
    ],
  });
  await insertDeal(t, {
    customerId: c7,
    ownerId: repB.id,
    funnelId: funnel.id,
    amountCents: 50_000,
    probability: 0,
    path: [
      ['qualify', '2026-04-20T01:00:00Z'],
      ['lost', '2026-04-20T02:30:00Z'],
    ],
  });
  await insertInquiry('2026-04-18T01:00:00Z', '2026-04-18T01:45:00Z', repA.id);
  // 23:00 on 31 March local: outside April.
  await insertInquiry('2026-03-31T15:00:00Z', '2026-03-31T15:30:00Z', repA.id);
  // c6 entered the list stage before its signal; c5 only after its signal.
  await putAtListStage(c6, '2026-04-01T00:00:00Z');
  await putAtListStage(c5, '2026-04-20T00:00:00Z');
  void repC;
});
afterAll(async () => {
  await t.close();
});

const targets = (token: string, body: unknown) =>
  t.call('POST', '/api/v1/activity-targets', { token, body });

describe('activity targets', () => {
  it('validates naming the field, and lets only admins and the team’s managers set them', async () => {
    for (const [body, field] of [
      [{ period: 'day', metric: 'calls', target: 3 }, 'body.userId'],
      [{ userId: repA.id, period: 'hour', metric: 'calls', target: 3 }, 'body.period'],
      [{ userId: repA.id, period: 'day', metric: 'emails', target: 3 }, 'body.metric'],
      [{ userId: repA.id, period: 'day', metric: 'calls', target: 0 }, 'body.target'],
    ] as const) {
      const response = await targets(manager.token, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
    const mine = { userId: repA.id, period: 'day', metric: 'calls', target: 3 };
    expect((await targets(repA.token, mine)).statusCode).toBe(403);
    expect((await targets(manager.token, { ...mine, userId: repC.id })).statusCode).toBe(403);
    const before = await t.database.query<{ n: number }>(
      sql`select count(*)::int as n from activity_targets`,
    );
    expect(before[0]?.n).toBe(0);
  });

  it('sets, changes and removes a target with version checks, audited', async () => {
    const created = await targets(manager.token, {
      userId: repA.id,
      period: 'day',
      metric: 'new_customers',
      target: 5,
    });
    expect(created.statusCode, created.body).toBe(201);
    const target = created.json();
    expect(target).toMatchObject({ userName: 'Rep A', period: 'day', target: 5, version: 1 });
    const twice = await targets(manager.token, {
      userId: repA.id,
      period: 'day',
      metric: 'new_customers',
      target: 6,
    });
    expect(twice.statusCode).toBe(409);
    const changed = await t.call('PATCH', `/api/v1/activity-targets/${target.id}`, {
      token: manager.token,
      body: { target: 2, version: 1 },
    });
    expect(changed.json()).toMatchObject({ target: 2, version: 2 });
    const stale = await t.call('PATCH', `/api/v1/activity-targets/${target.id}`, {
      token: manager.token,
      body: { target: 9, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const [audit] = await t.database.query<{ n: number }>(sql`select count(*)::int as n
      from audit_log where entity = 'activity_target' and entity_id = ${target.id}`);
    expect(audit?.n).toBe(2);
    // Reps read their own; another team's rep does not see it.
    const listed = await t.call('GET', '/api/v1/activity-targets', { token: repA.token });
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([target.id]);
    const other = await t.call('GET', '/api/v1/activity-targets', { token: repC.token });
    expect(other.json().items).toEqual([]);
    const throwaway = (
      await targets(t.adminToken, { userId: repB.id, period: 'month', metric: 'visits', target: 1 })
    ).json();
    const removed = await t.call('DELETE', `/api/v1/activity-targets/${throwaway.id}?version=1`, {
      token: manager.token,
    });
    expect(removed.statusCode).toBe(204);
  });

  it('shows a rep the progress of the day, the ISO week and the month in the org’s zone', async () => {
    expect(
      (
        await targets(manager.token, {
          userId: repA.id,
          period: 'month',
          metric: 'calls',
          target: 10,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await targets(t.adminToken, {
          teamId: east,
          period: 'week',
          metric: 'effective',
          target: 5,
        })
      ).statusCode,
    ).toBe(201);
    const response = await t.call('GET', '/api/v1/me/activity-progress', { token: repA.token });
    expect(response.statusCode, response.body).toBe(200);
    const progress = response.json();
    expect(progress.date).toBe('2026-04-20');
    const brief = progress.items.map(
      (item: {
        period: string;
        metric: string;
        teamId: string | null;
        from: string;
        to: string;
        actual: number;
        target: number;
      }) => [item.period, item.metric, item.teamId, item.from, item.to, item.actual, item.target],
    );
    expect(brief).toEqual([
      // c5 was first reached on Sunday: only c6 is new today.
      ['day', 'new_customers', null, '2026-04-20', '2026-04-20', 1, 2],
      ['month', 'calls', null, '2026-04-01', '2026-04-30', 2, 10],
      // The team's effective follow-ups this week: A's Monday call and B's quote.
      ['week', 'effective', east, '2026-04-20', '2026-04-26', 2, 5],
    ]);
    // The manager leads East without belonging to it: they follow the team's target too.
    const lead = await t.call('GET', '/api/v1/me/activity-progress', { token: manager.token });
    expect(
      lead
        .json()
        .items.map((item: { teamId: string; actual: number; target: number }) => [
          item.teamId,
          item.actual,
          item.target,
        ]),
    ).toEqual([[east, 2, 5]]);
  });
});

describe('GET /reports/work-data', () => {
  it('answers the hand-computed April for the manager’s team', async () => {
    const response = await t.call(
      'GET',
      '/api/v1/reports/work-data?from=2026-04-01&to=2026-04-30',
      {
        token: manager.token,
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    const byUser = Object.fromEntries(
      report.rows.map((row: { userId: string }) => [row.userId, row]),
    );
    expect(Object.keys(byUser).sort()).toEqual([manager.id, repA.id, repB.id].sort());
    expect(byUser[repA.id]).toMatchObject({
      activities: 3,
      effective: 2,
      customersContacted: 2,
      newCustomersContacted: 2,
      visits: 1,
      calls: 2,
      proposals: 0,
      customersMovedForward: 1,
      contactedWon: 1,
      conversion: 0.5,
      dealsWon: 1,
      avgFollowUpsBeforeWin: 2,
      inquiriesAnswered: 1,
      avgFirstReplyMinutes: 45,
    });
    expect(byUser[repA.id].effectiveRatio).toBeCloseTo(2 / 3);
    expect(byUser[repA.id].byChannel).toEqual({
      phone: 2,
      cold_visit: 1,
      community: 0,
      roadshow: 0,
      stand: 0,
      none: 0,
    });
    expect(byUser[repA.id].byType).toMatchObject({ call: 2, visit: 1, quote: 0 });
    expect(byUser[repB.id]).toMatchObject({
      activities: 1,
      proposals: 1,
      newCustomersContacted: 1,
      customersMovedForward: 0,
      contactedWon: 0,
      conversion: 0,
      dealsWon: 0,
      avgFollowUpsBeforeWin: null,
    });
    expect(byUser[repB.id].byChannel.none).toBe(1);
    expect(report.totals).toMatchObject({ activities: 4, effective: 3, customersContacted: 3 });
    expect(report.totals.conversion).toBeCloseTo(1 / 3);
    expect(report.benchmark).toBe(0.15);
    expect(report.calendar).toEqual([
      { userId: repA.id, day: '2026-04-19', count: 1 },
      ...[
        { userId: repA.id, day: '2026-04-20', count: 2 },
        { userId: repB.id, day: '2026-04-20', count: 1 },
      ].sort((x, y) => x.userId.localeCompare(y.userId)),
    ]);
    expect(report.granularity).toBe('day');
    // Every day of April is a bucket; the two with work:
    expect(report.trend).toHaveLength(30);
    expect(report.trend[0]).toMatchObject({ bucket: '2026-04-01', activities: 0 });
    expect(report.trend.filter((p: { activities: number }) => p.activities > 0)).toEqual([
      {
        bucket: '2026-04-19',
        activities: 1,
        effective: 1,
        newCustomers: 1,
        visits: 0,
        calls: 1,
        proposals: 0,
      },
      {
        bucket: '2026-04-20',
        activities: 3,
        effective: 2,
        newCustomers: 2,
        visits: 1,
        calls: 1,
        proposals: 1,
      },
    ]);
    expect(report.trendTargets).toEqual({
      new_customers: 2,
      effective: null,
      visits: null,
      calls: null,
      proposals: null,
    });
  });

  it('buckets a long period by local ISO week, Sunday night in the week before', async () => {
    const response = await t.call(
      'GET',
      '/api/v1/reports/work-data?from=2026-03-01&to=2026-05-31',
      {
        token: t.adminToken,
      },
    );
    const report = response.json();
    expect(report.granularity).toBe('week');
    expect(report.trend[0].bucket).toBe('2026-02-23');
    expect(report.trend.at(-1).bucket).toBe('2026-05-25');
    const busy = report.trend.filter((p: { activities: number }) => p.activities > 0);
    expect(
      busy.map((p: { bucket: string; activities: number }) => [p.bucket, p.activities]),
    ).toEqual([
      ['2026-04-13', 1],
      ['2026-04-20', 3],
    ]);
  });

  it('shows a rep only their row and refuses bad periods', async () => {
    const mine = await t.call('GET', '/api/v1/reports/work-data?from=2026-04-01&to=2026-04-30', {
      token: repB.token,
    });
    expect(mine.json().rows.map((row: { userId: string }) => row.userId)).toEqual([repB.id]);
    for (const query of [
      'to=2026-04-30',
      'from=2026-04-01&to=2027-06-01',
      'from=2026-04-02&to=2026-04-01',
    ]) {
      const response = await t.call('GET', `/api/v1/reports/work-data?${query}`, {
        token: t.adminToken,
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors[0].field).toMatch(/querystring\.(from|to)/);
    }
  });

  it('exports the report as .xlsx with the same figures, and CSV with cells escaped', async () => {
    const odd = await buildUser(t, { teamId: east, name: '=HYPERLINK("x")' });
    const xlsx = await t.call(
      'GET',
      '/api/v1/reports/work-data/export?from=2026-04-01&to=2026-04-30&locale=en',
      { token: manager.token },
    );
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Work data');
    const rows = sheet?.getSheetValues().filter(Boolean) as unknown[][];
    const repRow = rows.find((row) => row[1] === 'Rep A') as unknown[];
    // Rep, team, activities, effective …
    expect(repRow.slice(1, 5)).toEqual(['Rep A', 'East', 3, 2]);
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      'Work data',
      'By type',
      'By channel',
      'Trend',
      'Signals',
    ]);
    const csv = await t.call(
      'GET',
      '/api/v1/reports/work-data/export?from=2026-04-01&to=2026-04-30&format=csv',
      { token: manager.token },
    );
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    void odd;
  });
});

describe('opportunity signals', () => {
  it('suggests list customers with a signal since they entered the stage', async () => {
    const forA = await t.call('GET', '/api/v1/work-data/signal-suggestions', { token: repA.token });
    expect(forA.json().items).toEqual([
      expect.objectContaining({
        customerId: c.c6,
        signals: ['new_need'],
        fromStageKey: 'list',
        toStageKey: 'potential',
      }),
    ]);
    const forB = await t.call('GET', '/api/v1/work-data/signal-suggestions', { token: repB.token });
    expect(forB.json().items).toEqual([]);
    const one = await t.call('GET', `/api/v1/work-data/signal-suggestions?customerId=${c.c5}`, {
      token: manager.token,
    });
    expect(one.json().items).toEqual([]);
  });

  it('reports which signals preceded wins', async () => {
    const response = await t.call('GET', '/api/v1/reports/signals?from=2026-04-01&to=2026-04-30', {
      token: t.adminToken,
    });
    const rows = Object.fromEntries(
      response.json().rows.map(({ signal, ...rest }: { signal: string }) => [signal, rest]),
    );
    expect(rows.supplier_complaint).toEqual({ tagged: 1, customers: 1, won: 1, winRate: 1 });
    expect(rows.new_need).toEqual({ tagged: 1, customers: 1, won: 0, winRate: 0 });
    expect(rows.relocation).toEqual({ tagged: 0, customers: 0, won: 0, winRate: null });
  });

  it('refuses an unknown or repeated signal and channel, naming the field', async () => {
    for (const [fields, field] of [
      [{ signals: ['gossip'] }, 'body.signals'],
      [{ signals: ['new_need', 'new_need'] }, 'body.signals'],
      [{ channel: 'fax' }, 'body.channel'],
    ] as const) {
      const response = await t.call('POST', '/api/v1/activities', {
        token: repA.token,
        body: { customerId: c.c6, type: 'call', effective: true, summary: 'x', ...fields },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toContain(field);
    }
  });
});
