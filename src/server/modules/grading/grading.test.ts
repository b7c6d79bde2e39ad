import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import {
  buildCustomer,
  dayFromNow,
  insertSalesLines,
} from '../../../../tests/setup/factories-qualification';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { ABCD_GRADING, VIP_ABC_GRADING } from '../../../domain/grading';
import { gradeOrg } from './gradingRun';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let manager: Awaited<ReturnType<typeof buildUser>>;
const WAN = 1_000_000; // 1万元 in cents

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t);
  otherRep = await buildUser(t);
  manager = await buildUser(t, { role: 'manager' });
});
afterAll(async () => {
  await t.close();
});

const run = (token: string) => t.call('POST', '/api/v1/grading/run', { token });
const gradeOf = async (id: string, locale = 'en', token = t.adminToken) =>
  (await t.call('GET', `/api/v1/customers/${id}/grade?locale=${locale}`, { token })).json();
const paidLine = (amountCents: number, daysAgo: number, product: string) => ({
  amountCents,
  product,
  orderDate: dayFromNow(t, -daysAgo),
  paidCents: amountCents,
  paidAt: dayFromNow(t, -daysAgo + 5),
  dueDate: dayFromNow(t, -daysAgo + 15),
});

describe('GET /settings/grading', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/settings/grading')).statusCode).toBe(401);
  });

  it("ships seed 003's VIP/A/B/C table, with the A–D template as a preset", async () => {
    const response = await t.call('GET', '/api/v1/settings/grading', { token: rep.token });
    expect(response.json()).toMatchObject({
      ruleSet: VIP_ABC_GRADING,
      unpaidDowngradeDays: 30,
      trailingMonths: 3,
      version: 1,
      presets: [VIP_ABC_GRADING, ABCD_GRADING],
    });
  });
});

describe('PUT /settings/grading', () => {
  it('is for admins only', async () => {
    const response = await t.call('PUT', '/api/v1/settings/grading', {
      token: manager.token,
      body: { version: 1, preset: 'abcd' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a broken rule set with the fields named, changing nothing', async () => {
    const lastWithConditions = structuredClone(VIP_ABC_GRADING);
    lastWithConditions.grades[3]?.conditions.push({ metric: 'paidCents', op: 'gte', value: 1.5 });
    const response = await t.call('PUT', '/api/v1/settings/grading', {
      token: t.adminToken,
      body: { version: 1, ruleSet: lastWithConditions, trailingMonths: 0 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('body.trailingMonths');
    const semantic = await t.call('PUT', '/api/v1/settings/grading', {
      token: t.adminToken,
      body: { version: 1, ruleSet: lastWithConditions },
    });
    expect(semantic.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.ruleSet.grades.3.conditions.0.value',
      'body.ruleSet.grades.3.conditions',
    ]);
    const both = await t.call('PUT', '/api/v1/settings/grading', {
      token: t.adminToken,
      body: { version: 1, preset: 'abcd', ruleSet: VIP_ABC_GRADING },
    });
    expect(both.json().errors[0].field).toBe('body.preset');
    const after = await t.call('GET', '/api/v1/settings/grading', { token: t.adminToken });
    expect(after.json()).toMatchObject({ version: 1, ruleSet: { id: 'vip-abc' } });
  });
});

describe('POST /grading/run', () => {
  let vip: string;
  let keyAccount: string;
  let unpaid: string;
  let small: string;
  let noSales: string;

  beforeAll(async () => {
    vip = (await buildCustomer(t, rep.token)).id;
    // Seven product lines, ¥700,000 in the last three months: over ¥200,000 a month.
    await insertSalesLines(
      t,
      vip,
      Array.from({ length: 7 }, (_, i) => paidLine(10 * WAN, 10 + i * 10, `P${i}`)),
    );
    keyAccount = (await buildCustomer(t, rep.token)).id;
    await insertSalesLines(t, keyAccount, [paidLine(36 * WAN, 20, 'P1')]);
    unpaid = (await buildCustomer(t, rep.token)).id;
    await insertSalesLines(t, unpaid, [
      paidLine(30 * WAN, 20, 'P1'),
      { amountCents: 6 * WAN, product: 'P2', orderDate: dayFromNow(t, -45), paidCents: 0 },
    ]);
    small = (await buildCustomer(t, otherRep.token)).id;
    await insertSalesLines(t, small, [paidLine(1 * WAN, 30, 'P1')]);
    noSales = (await buildCustomer(t, rep.token)).id;
    const archived = await buildCustomer(t, rep.token);
    await insertSalesLines(t, archived.id, [paidLine(1 * WAN, 30, 'P1')]);
    await t.call('PATCH', `/api/v1/customers/${archived.id}`, {
      token: rep.token,
      body: { version: 1, archived: true },
    });
  });

  it('is for admins and managers', async () => {
    expect((await run(rep.token)).statusCode).toBe(403);
  });

  it('grades every customer with sales, downgrading one unpaid for over a month', async () => {
    const response = await run(manager.token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      trigger: 'manual',
      ruleSetId: 'vip-abc',
      graded: 4,
      changed: 4,
      downgraded: 1,
    });
    // The customer itself answers with its grade, as before grades moved to customer_grades.
    const grades = await Promise.all(
      [vip, keyAccount, unpaid, small, noSales].map(async (id) => {
        const customer = await t.call('GET', `/api/v1/customers/${id}`, { token: t.adminToken });
        return customer.json() as { id: string; grade: string | null };
      }),
    );
    expect(Object.fromEntries(grades.map((g) => [g.id, g.grade]))).toEqual({
      [vip]: 'VIP',
      [keyAccount]: 'A',
      [unpaid]: 'B',
      [small]: 'C',
      [noSales]: null,
    });
  });

  it('shows the grade with its policy, the reasons and the history', async () => {
    const grade = await gradeOf(unpaid);
    expect(grade).toMatchObject({
      grade: 'B',
      label: 'B',
      ruleSetId: 'vip-abc',
      policy: { paymentTermsDays: 15, creditLimit: null },
      current: {
        grade: 'B',
        downgradedForUnpaid: true,
        metrics: { trailingMonthlyRevenue: 120000, outstanding: 60000, oldestUnpaidDays: 45 },
      },
    });
    expect(grade.current.reasons.at(-1)).toContain('downgraded from A to B');
    expect(grade.history).toEqual([
      expect.objectContaining({ fromGrade: null, toGrade: 'B', downgradedForUnpaid: true }),
    ]);
    const zh = await gradeOf(unpaid, 'zh-CN');
    expect(zh.policy.supportLevel).toContain('常规品牌推广');
    expect(zh.history[0].reasons.at(-1)).toContain('降为B类');
    const none = await gradeOf(noSales);
    expect(none).toMatchObject({ grade: null, policy: null, current: null, history: [] });
  });

  it('filters the customer list by grade', async () => {
    const list = await t.call('GET', '/api/v1/customers?grade=VIP,C&limit=50', {
      token: t.adminToken,
    });
    const ids = list.json().items.map((c: { id: string }) => c.id);
    expect(ids.sort()).toEqual([vip, small].sort());
  });

  it("records each grade change in the audit log, shown on the customer's timeline", async () => {
    const audit = await t.call('GET', `/api/v1/audit?entity=customer&entityId=${unpaid}`, {
      token: t.adminToken,
    });
    const graded = audit.json().items.filter((e: { action: string }) => e.action === 'grade');
    expect(graded).toMatchObject([
      { userId: manager.id, entityId: unpaid, changes: { grade: { from: null, to: 'B' } } },
    ]);
    const timeline = await t.call('GET', `/api/v1/customers/${unpaid}/timeline`, {
      token: rep.token,
    });
    expect(
      timeline.json().items.filter((i: { kind: string; action?: string }) => i.action === 'grade'),
    ).toMatchObject([
      { kind: 'change', userId: manager.id, changes: { grade: { from: null, to: 'B' } } },
    ]);
  });

  it('changes nothing when run again, and upgrades once the amount is paid', async () => {
    expect((await run(t.adminToken)).json()).toMatchObject({ graded: 4, changed: 0 });
    await t.database.query(
      sql`update sales_lines set paid_cents = amount_cents, paid_at = order_date where customer_id = ${unpaid}`,
    );
    expect((await run(t.adminToken)).json()).toMatchObject({ changed: 1, downgraded: 0 });
    const audit = await t.call('GET', `/api/v1/audit?entity=customer&entityId=${unpaid}`, {
      token: t.adminToken,
    });
    expect(
      audit.json().items.filter((e: { action: string }) => e.action === 'grade')[0],
    ).toMatchObject({ userId: expect.any(String), changes: { grade: { from: 'B', to: 'A' } } });
    const grade = await gradeOf(unpaid);
    expect(grade.grade).toBe('A');
    expect(grade.history.map((h: { toGrade: string }) => h.toGrade)).toEqual(['A', 'B']);
  });

  it("hides a colleague's customer's grade (404)", async () => {
    const response = await t.call('GET', `/api/v1/customers/${small}/grade`, {
      token: rep.token,
    });
    expect(response.statusCode).toBe(404);
  });

  it('refuses to run twice at once, and takes over a run abandoned long ago', async () => {
    const insertRunning = (startedAt: Date) =>
      t.database.query(sql`insert into grading_runs (org_id, id, trigger, status, rule_set_id, started_at)
        values (${t.orgId}, gen_random_uuid(), 'schedule', 'running', 'vip-abc', ${startedAt})`);
    await insertRunning(t.clock.now());
    const busy = await run(t.adminToken);
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ status: 409, code: 'grading_in_progress' });
    await t.database.query(
      sql`update grading_runs set started_at = started_at - interval '31 minutes' where status = 'running'`,
    );
    expect((await run(t.adminToken)).statusCode).toBe(200);
  });

  it('answers 409 grading_in_progress to a run while another is still grading', async () => {
    let both: Awaited<ReturnType<typeof run>>[];
    const pool = t.database.pool;
    if (pool) {
      // PostgreSQL: hold the first run inside its first range (its grade writes wait for a
      // lock), so the second certainly starts while the first is running.
      const blocker = await pool.connect();
      try {
        await blocker.query('begin');
        await blocker.query('lock table customer_grades in exclusive mode');
        const first = run(t.adminToken);
        for (let i = 0; i < 200; i++) {
          const [row] = await t.database.query<{ n: number }>(
            sql`select count(*)::int as n from grading_runs where status = 'running'`,
          );
          if (row?.n) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        const second = await run(manager.token);
        await blocker.query('commit');
        both = [await first, second];
      } finally {
        blocker.release();
      }
    } else {
      // PGlite runs one statement at a time: the two requests interleave at every await.
      both = await Promise.all([run(t.adminToken), run(manager.token)]);
    }
    expect(both.map((r) => r.statusCode)).toEqual([200, 409]);
    expect(both[1]?.json()).toMatchObject({ status: 409, code: 'grading_in_progress' });
    const [running] = await t.database.query<{ n: number }>(
      sql`select count(*)::int as n from grading_runs where status = 'running'`,
    );
    expect(running?.n).toBe(0);
  });

  it('grades with the A–D template once an admin picks it', async () => {
    const picked = await t.call('PUT', '/api/v1/settings/grading', {
      token: t.adminToken,
      body: { version: 1, preset: 'abcd', unpaidDowngradeDays: null },
    });
    expect(picked.json()).toMatchObject({ version: 2, ruleSet: { id: 'abcd' } });
    const response = await run(t.adminToken);
    expect(response.json()).toMatchObject({ ruleSetId: 'abcd', graded: 4 });
    const grades = await t.database.query<{ grade: string }>(
      sql`select distinct grade from customer_grades`,
    );
    for (const { grade } of grades) expect(['A', 'B', 'C', 'D']).toContain(grade);
    const stale = await t.call('PUT', '/api/v1/settings/grading', {
      token: t.adminToken,
      body: { version: 1, preset: 'vip-abc' },
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('gradeOrg', () => {
  it('gives the same grades in small batches as in one', async () => {
    const gradesNow = () =>
      t.database.query<{ id: string; grade: string | null }>(
        sql`select customer_id as id, grade from customer_grades order by customer_id`,
      );
    const before = await gradesNow();
    await t.database.query(sql`delete from customer_grades`);
    const result = await gradeOrg(t.database.db, t.orgId, {
      trigger: 'schedule',
      now: t.clock.now(),
      batchSize: 2,
    });
    expect(result).toMatchObject({ graded: 4, changed: 4 });
    expect(await gradesNow()).toEqual(before);
    // A scheduled run has no user: its audit entries are the system's.
    const [entries] = await t.database.query<{ n: number; users: number }>(
      sql`select count(*)::int as n, count(user_id)::int as users from audit_log
        where action = 'grade' and entity = 'customer' and at = ${result.startedAt}`,
    );
    expect(entries).toEqual({ n: 4, users: 0 });
  });
});

describe('grading metrics', () => {
  it('computes revenue windows, payments, product lines, orders and punctuality from sales', async () => {
    const customer = (await buildCustomer(t, rep.token)).id;
    await insertSalesLines(t, customer, [
      {
        amountCents: 100_000,
        product: 'P1',
        orderDate: dayFromNow(t, -10),
        dueDate: dayFromNow(t, -5),
        paidCents: 100_000,
        paidAt: dayFromNow(t, -6),
      },
      {
        amountCents: 50_000,
        product: 'P2',
        orderDate: dayFromNow(t, -40),
        dueDate: dayFromNow(t, -20),
        paidCents: 50_000,
        paidAt: dayFromNow(t, -15),
      },
      {
        amountCents: 30_000,
        product: 'P1',
        orderNo: 'SO-1',
        orderDate: dayFromNow(t, -100),
        dueDate: dayFromNow(t, -70),
        paidCents: 0,
      },
      { amountCents: 20_000, product: 'P3', orderNo: 'SO-1', orderDate: dayFromNow(t, -100) },
      { amountCents: 999_999, product: 'P4', orderDate: dayFromNow(t, 5) },
      { amountCents: 10_000, orderDate: dayFromNow(t, -400), paidCents: 10_000 },
    ]);
    const grade = await gradeOf(customer);
    expect(grade.current.metrics).toEqual({
      trailingMonthlyRevenue: 500,
      trailing12mRevenue: 2000,
      paid: 1600,
      outstanding: 500,
      oldestUnpaidDays: 100,
      productLines: 3,
      ordersLast12m: 3,
      onTimePaymentRatio: 0.333,
    });
  });
});
