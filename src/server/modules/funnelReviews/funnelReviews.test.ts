import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import {
  buildDeal,
  buildDealCustomer,
  buildFunnel,
  insertActivity,
} from '../../../../tests/setup/factories-deals';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

// One team (manager M, reps R1, R2) and another (manager M2, rep R3), Asia/Shanghai.
// Period 2026-03-H1 runs 2026-03-01 00:00 to 2026-03-16 00:00 Shanghai = 2026-02-28T16:00Z to
// 2026-03-15T16:00Z; its report is due by the end of the 16th (2026-03-16T16:00Z).
//
// R1's effective contacts in H1, and whether the customer is at the potential stage or beyond:
//   A  open deal, contacted 23:30 on the 15th (15:30Z)         → counted
//   B  open deal, contacted on the 2nd; again 00:10 on the 16th → counted (the 16th is H2)
//   E  lifecycle stage 'potential', no deal                     → counted
//   C  no deal, lifecycle 'list' (before potential)              → not counted
//   D  its only deal lost in February                            → not counted
//   N  open deal, but the contact was not effective              → not counted
// So R1 contacted 3; the prefilled report lists A and B (R1's open deals) and N → E is missing:
// 1 / 3 = 33.3%. R2 contacted 1 (F, open deal) and has not filed yet.
// Until a report is due (the end of the 16th) an unfiled one is pending: it has no leak rate
// and the team's rate counts only the reports that are due. On the due day, R1 filed and R2
// pending: team (1) / (3) = 33.3%. After it, R2 filed late with F on it: (1 + 0) / (3 + 1) = 25.0%.

const H1 = '2026-03-H1';
let t: TestApp;
let m: Awaited<ReturnType<typeof buildUser>>;
let m2: Awaited<ReturnType<typeof buildUser>>;
let r1: Awaited<ReturnType<typeof buildUser>>;
let r2: Awaited<ReturnType<typeof buildUser>>;
let r3: Awaited<ReturnType<typeof buildUser>>;
let teamId: string;
const ids: Record<string, string> = {};

const at = (iso: string) => t.clock.set(new Date(iso));
const openMine = (token: string, period = H1) =>
  t.call('POST', `/api/v1/funnel-reviews/mine/${period}`, { token });
const team = (token: string, query = `period=${H1}`) =>
  t.call('GET', `/api/v1/funnel-reviews/team?${query}`, { token });
const rowOf = (body: { rows: { userId: string }[] }, userId: string) =>
  body.rows.find((row) => row.userId === userId) as Record<string, unknown>;

async function lifecycleTo(customerId: string, stageKey: string) {
  const response = await t.call('POST', `/api/v1/customers/${customerId}/lifecycle/move`, {
    token: t.adminToken,
    body: { toStageKey: stageKey, overrideReason: 'set up for the leak-rate test' },
  });
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  at('2026-03-05T04:00:00Z');
  m = await buildUser(t, { role: 'manager', name: 'Manager M' });
  m2 = await buildUser(t, { role: 'manager', name: 'Manager M2' });
  teamId = (await buildTeam(t, { name: 'East', managerId: m.id })).id;
  const team2 = (await buildTeam(t, { name: 'West', managerId: m2.id })).id;
  r1 = await buildUser(t, { role: 'rep', teamId, name: 'Rep One' });
  r2 = await buildUser(t, { role: 'rep', teamId, name: 'Rep Two' });
  r3 = await buildUser(t, { role: 'rep', teamId: team2, name: 'Rep Three' });
  const funnel = await buildFunnel(t);
  for (const name of ['A', 'B', 'C', 'D', 'E', 'N']) {
    ids[name] = (await buildDealCustomer(t, r1.token, { name: `Leak ${name}` })).id;
  }
  ids.F = (await buildDealCustomer(t, r2.token, { name: 'Leak F' })).id;
  for (const name of ['A', 'B', 'N']) {
    const deal = await buildDeal(t, r1.token, {
      customerId: ids[name] as string,
      funnelId: funnel.id,
      amount: 20000,
      products: ['OA'],
    });
    ids[`deal${name}`] = deal.id;
  }
  await buildDeal(t, r2.token, { customerId: ids.F as string, funnelId: funnel.id });
  const lost = await buildDeal(t, r1.token, { customerId: ids.D as string, funnelId: funnel.id });
  await t.database.query(
    sql`update deals set status = 'lost', closed_at = '2026-02-20T00:00:00Z',
      created_at = '2026-02-01T00:00:00Z' where id = ${lost.id}`,
  );
  await lifecycleTo(ids.E as string, 'potential');
  await lifecycleTo(ids.C as string, 'list');
  const contact = (customer: string, userId: string, iso: string, effective = true) =>
    insertActivity(t, {
      customerId: ids[customer] as string,
      userId,
      effective,
      occurredAt: new Date(iso),
    });
  await contact('A', r1.id, '2026-03-15T15:30:00Z'); // 23:30 on the 15th in Shanghai: H1
  await contact('B', r1.id, '2026-03-02T02:00:00Z');
  await contact('B', r1.id, '2026-03-15T16:10:00Z'); // 00:10 on the 16th: H2
  await contact('E', r1.id, '2026-03-03T02:00:00Z');
  await contact('C', r1.id, '2026-03-04T02:00:00Z');
  await contact('D', r1.id, '2026-03-04T03:00:00Z');
  await contact('N', r1.id, '2026-03-04T04:00:00Z', false);
  await contact('A', r1.id, '2026-02-28T15:59:00Z'); // 23:59 on Feb 28: the period before
  await contact('F', r2.id, '2026-03-06T02:00:00Z');
});

afterAll(async () => {
  await t.close();
});

describe('POST /funnel-reviews/mine/{period}', () => {
  it('needs a login and a real, started period', async () => {
    expect((await t.call('POST', `/api/v1/funnel-reviews/mine/${H1}`)).statusCode).toBe(401);
    const bad = await openMine(r1.token, '2026-03-H3');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('params.period');
    const future = await openMine(r1.token, '2026-04-H1');
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('params.period');
  });

  it('creates a draft prefilled from the open deals, once', async () => {
    const response = await openMine(r1.token);
    expect(response.statusCode, response.body).toBe(200);
    const review = response.json();
    ids.review1 = review.id;
    expect(review.status).toBe('draft');
    expect(review.period).toEqual({
      key: H1,
      from: '2026-03-01',
      to: '2026-03-15',
      dueDate: '2026-03-16',
    });
    expect(review.lines.map((l: { customerName: string }) => l.customerName).sort()).toEqual([
      'Leak A',
      'Leak B',
      'Leak N',
    ]);
    expect(review.lines[0]).toMatchObject({ amount: 20000, successRate: 10, products: ['OA'] });
    // A draft counts as nothing reported: all three contacted potential customers are missing.
    expect(review.leak).toEqual({ contacted: 3, missing: 3, leakRate: 100 });
    expect(review.contacted.map((c: { customerName: string }) => c.customerName).sort()).toEqual([
      'Leak A',
      'Leak B',
      'Leak E',
    ]);
    const byName = Object.fromEntries(
      review.contacted.map((c: { customerName: string }) => [c.customerName, c]),
    );
    expect(byName['Leak A']).toMatchObject({ onReport: true, reported: false });
    expect(byName['Leak E']).toMatchObject({ onReport: false, reported: false });
    const again = await openMine(r1.token);
    expect(again.json().id).toBe(review.id);
  });
});

describe('GET /funnel-reviews/team', () => {
  it('is for managers and admins, and validates the period', async () => {
    expect((await team(r1.token)).statusCode).toBe(403);
    const bad = await team(m.token, 'period=2026-3-H1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.period');
  });

  it('shows pending drafts mid-period without a leak rate', async () => {
    const body = (await team(m.token)).json();
    expect(body.rows.map((r: { userId: string }) => r.userId).sort()).toEqual(
      [r1.id, r2.id].sort(),
    );
    // Contacts so far are shown; the rate waits for the report to be filed or overdue.
    expect(rowOf(body, r1.id)).toMatchObject({
      status: 'pending',
      contacted: 3,
      missing: 3,
      leakRate: null,
      leakRateStatus: 'notDue',
    });
    expect(rowOf(body, r2.id)).toMatchObject({
      status: 'pending',
      contacted: 1,
      leakRate: null,
      leakRateStatus: 'notDue',
    });
    expect(body.total).toMatchObject({
      reps: 2,
      pending: 2,
      missing: 0,
      contacted: 0,
      missingCustomers: 0,
      leakRate: null,
      leakRateStatus: 'notDue',
    });
  });
});

describe('PATCH /funnel-reviews/{id} and submit', () => {
  it('lets only the owner edit, naming bad fields, with a version', async () => {
    const url = `/api/v1/funnel-reviews/${ids.review1}`;
    const current = (await t.call('GET', url, { token: r1.token })).json();
    const line = { customerId: ids.A, amount: 100, successRate: 150 };
    const invalid = await t.call('PATCH', url, {
      token: r1.token,
      body: { version: current.version, lines: [line] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].field).toBe('body.lines.0.successRate');
    const foreign = await t.call('PATCH', url, {
      token: r1.token,
      body: { version: current.version, lines: [{ ...line, customerId: ids.F, successRate: 50 }] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('body.lines.0.customerId');
    const byManager = await t.call('PATCH', url, {
      token: m.token,
      body: { version: current.version, note: 'x' },
    });
    expect(byManager.statusCode).toBe(403);
    expect((await t.call('GET', url, { token: r2.token })).statusCode).toBe(404);
    expect((await t.call('GET', url, { token: m2.token })).statusCode).toBe(404);

    const saved = await t.call('PATCH', url, {
      token: r1.token,
      body: { version: current.version, note: '本期重点跟进A' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ note: '本期重点跟进A', version: current.version + 1 });
    const stale = await t.call('PATCH', url, {
      token: r1.token,
      body: { version: current.version, note: 'lost update' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });

  it('counts the submitted lines: E missing of A, B, E is 33.3%', async () => {
    at('2026-03-16T10:00:00Z'); // 18:00 on the due day
    const url = `/api/v1/funnel-reviews/${ids.review1}`;
    const { version } = (await t.call('GET', url, { token: r1.token })).json();
    expect(
      (await t.call('POST', `${url}/submit`, { token: m.token, body: { version } })).statusCode,
    ).toBe(403);
    const submitted = await t.call('POST', `${url}/submit`, { token: r1.token, body: { version } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      late: false,
      leak: { contacted: 3, missing: 1, leakRate: 33.3 },
    });
    const again = await t.call('POST', `${url}/submit`, {
      token: r1.token,
      body: { version: version + 1 },
    });
    expect(again.statusCode).toBe(409);

    const body = (await team(m.token)).json();
    expect(rowOf(body, r1.id)).toMatchObject({
      status: 'submitted',
      missing: 1,
      leakRate: 33.3,
      leakRateStatus: 'counted',
    });
    // R2 has not submitted, but the due day is not over: pending, not missing, no rate yet,
    // and the team's rate is R1's alone: 1 / 3.
    expect(rowOf(body, r2.id)).toMatchObject({
      status: 'pending',
      contacted: 1,
      leakRate: null,
      leakRateStatus: 'notDue',
    });
    expect(body.total).toMatchObject({
      pending: 1,
      missing: 0,
      contacted: 3,
      missingCustomers: 1,
      leakRate: 33.3,
      leakRateStatus: 'counted',
    });
    // On the filing day a rep who has not filed the ended period is pointed at it.
    const mine = async (token: string) =>
      (await t.call('GET', '/api/v1/funnel-reviews/mine', { token })).json();
    expect((await mine(r2.token)).suggested.key).toBe(H1);
    expect((await mine(r1.token)).suggested.key).toBe('2026-03-H2');
    expect((await mine(r1.token)).current.key).toBe('2026-03-H2');
  });

  it('marks a submission after the due day late and an absent one missing', async () => {
    at('2026-03-16T16:00:00Z'); // 00:00 on the 17th in Shanghai
    const opened = (await openMine(r2.token)).json();
    const late = await t.call('POST', `/api/v1/funnel-reviews/${opened.id}/submit`, {
      token: r2.token,
      body: { version: opened.version },
    });
    expect(late.json()).toMatchObject({ status: 'submitted', late: true });
    const body = (await team(t.adminToken)).json();
    expect(rowOf(body, r2.id)).toMatchObject({ status: 'late', late: true });
    expect(rowOf(body, r2.id)).toMatchObject({ contacted: 1, missing: 0, leakRate: 0 });
    expect(rowOf(body, r3.id)).toMatchObject({
      status: 'missing',
      contacted: 0,
      leakRate: null,
      leakRateStatus: 'noContacts',
    });
    const east = body.teams.find((g: { teamId: string }) => g.teamId === teamId);
    expect(east).toMatchObject({ reps: 2, submitted: 2, late: 1, missing: 0, pending: 0 });
    // Each team counts its own reps only, whichever team's rows come first.
    const west = body.teams.find((g: { teamName: string }) => g.teamName === 'West');
    expect(west).toMatchObject({ reps: 1, submitted: 0, late: 0, missing: 1, pending: 0 });
    expect(west).toMatchObject({ contacted: 0, missingCustomers: 0, leakRate: null });
    // Every report is due now: (1 + 0 + 0) / (3 + 1 + 0) = 25.0%.
    expect(body.total).toMatchObject({
      reps: 3,
      missing: 1,
      pending: 0,
      contacted: 4,
      missingCustomers: 1,
      leakRate: 25,
      leakRateStatus: 'counted',
    });
    // The manager of the other team sees only their rep.
    const westOnly = (await team(m2.token)).json();
    expect(westOnly.rows.map((r: { userId: string }) => r.userId)).toEqual([r3.id]);
  });

  it('puts a contact at 00:10 on the 16th into the second half', async () => {
    const body = (await team(m.token, 'period=2026-03-H2')).json();
    expect(rowOf(body, r1.id)).toMatchObject({
      contacted: 1,
      missing: 1,
      status: 'pending',
      leakRate: null,
      leakRateStatus: 'notDue',
    });
    // A was contacted at 23:59 on Feb 28, but its deal was only opened in March: in February
    // it was not yet a potential customer, so nothing was to be reported.
    const february = (await team(m.token, 'period=2026-02-H2')).json();
    expect(rowOf(february, r1.id)).toMatchObject({
      status: 'missing',
      contacted: 0,
      leakRate: null,
      leakRateStatus: 'noContacts',
    });
  });

  it('drops to 0.0% when the rep adds the missing customer', async () => {
    const url = `/api/v1/funnel-reviews/${ids.review1}`;
    const current = (await t.call('GET', url, { token: r1.token })).json();
    const lines = current.lines.map((l: Record<string, unknown>) => ({
      customerId: l.customerId,
      dealId: l.dealId,
      products: l.products,
      amount: l.amount,
      expectedCloseDate: l.expectedCloseDate,
      successRate: l.successRate,
      comment: l.comment,
    }));
    lines.push({ customerId: ids.E, amount: '5000.50', successRate: 5, comment: '新潜在客户' });
    const saved = await t.call('PATCH', url, {
      token: r1.token,
      body: { version: current.version, lines },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().leak).toEqual({ contacted: 3, missing: 0, leakRate: 0 });
    expect(saved.json().lines.at(-1)).toMatchObject({ amount: 5000.5, successRate: 5 });
  });
});

describe('review and comments', () => {
  it('lets the manager comment and mark reviewed, then locks the report', async () => {
    const url = `/api/v1/funnel-reviews/${ids.review1}`;
    expect(
      (await t.call('POST', `${url}/comments`, { token: m2.token, body: { body: 'hi' } }))
        .statusCode,
    ).toBe(404);
    const empty = await t.call('POST', `${url}/comments`, { token: m.token, body: { body: ' ' } });
    expect(empty.json().errors[0].field).toBe('body.body');
    const commented = await t.call('POST', `${url}/comments`, {
      token: m.token,
      body: { body: 'E 要尽快立项' },
    });
    expect(commented.statusCode).toBe(201);
    expect(commented.json().comments).toMatchObject([
      { authorName: 'Manager M', body: 'E 要尽快立项' },
    ]);
    const { version } = commented.json();
    const own = await t.call('POST', `${url}/review`, { token: r1.token, body: { version } });
    expect(own.statusCode).toBe(403);
    const reviewed = await t.call('POST', `${url}/review`, { token: m.token, body: { version } });
    expect(reviewed.json()).toMatchObject({ status: 'reviewed', reviewedByName: 'Manager M' });
    const locked = await t.call('PATCH', url, {
      token: r1.token,
      body: { version: version + 1, note: 'too late' },
    });
    expect(locked.statusCode).toBe(409);
    expect(rowOf((await team(m.token)).json(), r1.id)).toMatchObject({ status: 'reviewed' });
    const audit = await t.database.query<{ action: string }>(
      sql`select action from audit_log where entity = 'funnel_review' and entity_id = ${ids.review1} order by at, id`,
    );
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['create', 'update', 'submit', 'comment', 'review']),
    );
  });

  it("lists the rep's reports", async () => {
    const body = (await t.call('GET', '/api/v1/funnel-reviews/mine', { token: r1.token })).json();
    expect(body.today).toBe('2026-03-17');
    expect(body.current.key).toBe('2026-03-H2');
    expect(body.suggested.key).toBe('2026-03-H2');
    expect(body.items).toMatchObject([{ id: ids.review1, status: 'reviewed', lines: 4 }]);
  });
});

describe('GET /funnel-reviews/team/export', () => {
  it('writes the table with numbers to .xlsx and CSV', async () => {
    const xlsx = await t.call('GET', `/api/v1/funnel-reviews/team/export?period=${H1}`, {
      token: m.token,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(9).value).toBe('漏网率(%)');
    // R1 (3 contacted, E added since), R2 (F on the prefilled report), then the total.
    const column = (n: number) => [2, 3, 4].map((row) => sheet?.getRow(row).getCell(n).value);
    expect(column(3)).toEqual(['Rep One', 'Rep Two', null]);
    expect(column(4)).toEqual(['已审阅', '逾期提交', null]);
    expect(column(7)).toEqual([3, 1, 4]);
    expect(column(9)).toEqual([0, 0, 0]);
    const csv = await t.call(
      'GET',
      `/api/v1/funnel-reviews/team/export?period=${H1}&format=csv&lang=en`,
      {
        token: m.token,
      },
    );
    expect(csv.body).toContain('Leak rate (%)');
    // Submitted at 2026-03-16T16:00Z: 00:00 on the 17th in Shanghai, as the page shows it.
    expect(csv.body).toContain('Rep Two,Late,2026-03-17 00:00,');
    expect(
      (await t.call('GET', '/api/v1/funnel-reviews/team/export', { token: r1.token })).statusCode,
    ).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents the funnel-review paths under their tag', async () => {
    const paths = (await t.call('GET', '/api/openapi.json')).json().paths;
    expect(paths['/api/v1/funnel-reviews/team'].get.tags).toEqual(['funnel-reviews']);
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/funnel-reviews/mine/{period}',
        '/api/v1/funnel-reviews/{id}/submit',
        '/api/v1/funnel-reviews/{id}/review',
        '/api/v1/funnel-reviews/{id}/comments',
      ]),
    );
  });
});
