import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import {
  buildCustomer,
  dayFromNow,
  insertSalesLines,
} from '../../../../tests/setup/factories-qualification';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { addDays, zonedDay, zonedDayStart } from '../../../domain/format/dates';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let lapsing: string; // orders stopped and revenue fell
let owing: string; // payment overdue
let renewing: string; // contract ending, no sales
let colleagues: string; // another rep's, payment overdue
let healthy: string;
let pooled: string; // in the pool, payment overdue

const paid = (daysAgo: number, amountCents = 10_000) => ({
  amountCents,
  orderDate: dayFromNow(t, -daysAgo),
  paidCents: amountCents,
  paidAt: dayFromNow(t, -daysAgo + 3),
});

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t);
  otherRep = await buildUser(t);
  // Seeds the churn settings and their contractEndDate custom field.
  await t.call('GET', '/api/v1/settings/churn-warnings', { token: t.adminToken });

  lapsing = (await buildCustomer(t, rep.token, { name: 'Lapsing Co' })).id;
  await insertSalesLines(t, lapsing, [paid(150), paid(120), paid(90), paid(60)]);
  owing = (await buildCustomer(t, rep.token, { name: 'Owing Co' })).id;
  await insertSalesLines(t, owing, [
    { amountCents: 50_000, orderDate: dayFromNow(t, -40), dueDate: dayFromNow(t, -10) },
    { amountCents: 20_000, orderDate: dayFromNow(t, -40), paidCents: 5_000 },
    { amountCents: 70_000, orderDate: dayFromNow(t, -5), paidCents: 0 },
  ]);
  renewing = (
    await buildCustomer(t, rep.token, {
      name: 'Renewing Co',
      custom: { contractEndDate: dayFromNow(t, 10) },
    })
  ).id;
  colleagues = (await buildCustomer(t, otherRep.token, { name: 'Colleague Co' })).id;
  await insertSalesLines(t, colleagues, [
    { amountCents: 9_000, orderDate: dayFromNow(t, -60), dueDate: dayFromNow(t, -1) },
  ]);
  healthy = (await buildCustomer(t, rep.token, { name: 'Healthy Co' })).id;
  await insertSalesLines(t, healthy, [paid(100), paid(70), paid(40), paid(10)]);
  pooled = (await buildCustomer(t, t.adminToken, { name: 'Pooled Co' })).id;
  await insertSalesLines(t, pooled, [{ amountCents: 1_000, orderDate: dayFromNow(t, -35) }]);
});
afterAll(async () => {
  await t.close();
});

const report = async (token: string, query = '') =>
  (await t.call('GET', `/api/v1/reports/churn-warnings?locale=en${query}`, { token })).json();
const names = (body: { items: { customerName: string }[] }) =>
  body.items.map((item) => item.customerName);

describe('churn-warning settings', () => {
  it('ship the defaults and change only by an admin with the version', async () => {
    const read = await t.call('GET', '/api/v1/settings/churn-warnings', { token: rep.token });
    expect(read.json()).toMatchObject({
      intervalFactor: 1.5,
      dropPercent: 30,
      contractDays: 30,
      minOrders: 3,
      defaultPaymentTermsDays: 30,
      version: 1,
    });
    const byRep = await t.call('PUT', '/api/v1/settings/churn-warnings', {
      token: rep.token,
      body: { version: 1, dropPercent: 50 },
    });
    expect(byRep.statusCode).toBe(403);
    const bad = await t.call('PUT', '/api/v1/settings/churn-warnings', {
      token: t.adminToken,
      body: { version: 1, dropPercent: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.dropPercent');
    const same = await t.call('PUT', '/api/v1/settings/churn-warnings', {
      token: t.adminToken,
      body: { version: 1, dropPercent: 30 },
    });
    expect(same.json()).toMatchObject({ version: 2, dropPercent: 30 });
  });
});

describe('GET /reports/churn-warnings', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/reports/churn-warnings')).statusCode).toBe(401);
  });

  it('flags the visible customers, most urgent first, with counts per code', async () => {
    const body = await report(rep.token);
    expect(names(body)).toEqual(['Lapsing Co', 'Owing Co', 'Pooled Co', 'Renewing Co']);
    expect(body.counts).toEqual({
      no_order_overdue: 1,
      revenue_drop: 1,
      payment_overdue: 2,
      contract_ending: 1,
    });
    const [lapsingRow, owingRow, , renewingRow] = body.items;
    expect(lapsingRow.warnings).toEqual([
      expect.objectContaining({
        code: 'no_order_overdue',
        severity: 'warning',
        detail: expect.objectContaining({ daysSinceLastOrder: 60, medianIntervalDays: 30 }),
      }),
      expect.objectContaining({ code: 'revenue_drop', severity: 'critical' }),
    ]);
    // ¥500 past its due date + ¥150 unpaid past the default 30-day terms; the fresh order is not due.
    expect(owingRow.warnings).toEqual([
      expect.objectContaining({ code: 'payment_overdue', detail: { overdueCents: 65_000 } }),
    ]);
    expect(renewingRow.customerId).toBe(renewing);
    expect(renewingRow.warnings[0]).toMatchObject({
      code: 'contract_ending',
      label: 'Contract ends in 10 days',
    });
    expect(body.asOf).toBe(dayFromNow(t, 0));
  });

  it('filters by code, owner and severity, and pages on the urgency order', async () => {
    expect(names(await report(rep.token, '&code=payment_overdue'))).toEqual([
      'Owing Co',
      'Pooled Co',
    ]);
    expect(names(await report(t.adminToken, `&ownerId=${otherRep.id}`))).toEqual(['Colleague Co']);
    expect(names(await report(t.adminToken, '&severity=critical'))).toEqual(['Lapsing Co']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { customerName: string }[]; nextCursor: string | null } = await report(
        t.adminToken,
        `&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...names(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names(await report(t.adminToken)));
    expect(seen).toHaveLength(5);
    const bad = await t.call('GET', '/api/v1/reports/churn-warnings?code=late', {
      token: rep.token,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.code');
  });
});

describe('GET /me/churn-warnings and /customers/:id/warnings', () => {
  it("lists only the caller's own customers for My day", async () => {
    const mine = (await t.call('GET', '/api/v1/me/churn-warnings', { token: rep.token })).json();
    expect(names(mine)).toEqual(['Lapsing Co', 'Owing Co', 'Renewing Co']);
  });

  it("shows one customer's warnings, and hides a colleague's customer", async () => {
    const response = await t.call('GET', `/api/v1/customers/${healthy}/warnings`, {
      token: rep.token,
    });
    expect(response.json()).toEqual({ customerId: healthy, asOf: dayFromNow(t, 0), warnings: [] });
    const zh = await t.call('GET', `/api/v1/customers/${lapsing}/warnings?locale=zh-CN`, {
      token: rep.token,
    });
    expect(zh.json().warnings[0].label).toBe('已60天未下单(通常约30天一单)');
    const hidden = await t.call('GET', `/api/v1/customers/${colleagues}/warnings`, {
      token: rep.token,
    });
    expect(hidden.statusCode).toBe(404);
  });
});

describe('POST /customers/:id/warnings/:code/task', () => {
  const makeTask = (token: string | null, id: string, code: string) =>
    t.call('POST', `/api/v1/customers/${id}/warnings/${code}/task`, { token, body: {} });

  it('needs a session, a known code, and a customer the caller may work', async () => {
    expect((await makeTask(null, owing, 'payment_overdue')).statusCode).toBe(401);
    const badCode = await makeTask(rep.token, owing, 'late');
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().errors[0].field).toBe('params.code');
    expect((await makeTask(rep.token, colleagues, 'payment_overdue')).statusCode).toBe(404);
    expect((await makeTask(rep.token, pooled, 'payment_overdue')).statusCode).toBe(403);
    expect((await makeTask(t.adminToken, pooled, 'payment_overdue')).statusCode).toBe(422);
    const notFlagged = await makeTask(rep.token, healthy, 'revenue_drop');
    expect(notFlagged.statusCode).toBe(422);
  });

  it('gives the owner a task due by the end of today, once', async () => {
    const first = await makeTask(t.adminToken, owing, 'payment_overdue');
    expect(first.statusCode).toBe(201);
    const today = zonedDay(t.clock.now(), 'Asia/Shanghai');
    const endOfToday = zonedDayStart(addDays(today, 1), 'Asia/Shanghai').getTime();
    expect(first.json()).toMatchObject({
      created: true,
      task: {
        assigneeId: rep.id,
        customerId: owing,
        status: 'open',
        overdue: false,
        notes: expect.stringContaining('逾期未付款'),
        dueAt: new Date(endOfToday - 60_000).toISOString(),
      },
    });
    const again = await makeTask(rep.token, owing, 'payment_overdue');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, task: { id: first.json().task.id } });
    const tasks = await t.call('GET', '/api/v1/tasks?status=open', { token: rep.token });
    expect(tasks.json().items.map((task: { id: string }) => task.id)).toContain(
      first.json().task.id,
    );
  });
});
