import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { buildCustomer } from '../../../../tests/setup/factories-customer-archive';
import { release } from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { newId } from '../../db/ids';
import { salesLines } from '../../db/schema';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let customerId: string;

async function addLine(
  id: string,
  line: { product: string; cents: number; day: string; paidCents?: number; due?: string },
) {
  await t.database.db.insert(salesLines).values({
    orgId: t.orgId,
    id: newId(),
    customerId: id,
    product: line.product,
    quantity: '2',
    amountCents: line.cents,
    orderDate: line.day,
    orderNo: `SO-${line.day}`,
    paidCents: line.paidCents ?? null,
    dueDate: line.due ?? null,
    ownerId: rep.id,
    naturalKey: `test:${newId()}`,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-10T04:00:00Z'));
  rep = await buildUser(t, { name: '王芳' });
  otherRep = await buildUser(t);
  customerId = (await buildCustomer(t, rep.token, { name: '苏州华远精密机械有限公司' })).id;
  // 1,000.10 paid; 2,500.00 half paid and overdue; 300.05 unpaid, not yet due.
  await addLine(customerId, {
    product: '财务软件',
    cents: 100_010,
    day: '2026-03-01',
    paidCents: 100_010,
  });
  await addLine(customerId, {
    product: 'ERP 实施',
    cents: 250_000,
    day: '2026-04-15',
    paidCents: 125_000,
    due: '2026-05-15',
  });
  await addLine(customerId, {
    product: '财务软件',
    cents: 30_005,
    day: '2026-06-01',
    due: '2026-07-01',
  });
});
afterAll(async () => {
  await t.close();
});

const sales = (id: string, token: string, query = '') =>
  t.call('GET', `/api/v1/customers/${id}/sales${query}`, { token });

describe('GET /customers/{id}/sales', () => {
  it('needs a session, hides another rep’s customer and refuses a forged cursor by name', async () => {
    expect((await t.call('GET', `/api/v1/customers/${customerId}/sales`)).statusCode).toBe(401);
    expect((await sales(customerId, otherRep.token)).statusCode).toBe(404);
    const forged = await sales(customerId, rep.token, '?cursor=abc');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors[0].field).toBe('cursor');
  });

  it('sums totals, paid, outstanding, overdue and product lines in the org’s day', async () => {
    const body = (await sales(customerId, rep.token)).json();
    expect(body.summary).toEqual({
      lines: 3,
      total: 3800.15,
      paid: 2250.1,
      outstanding: 1550.05,
      overdue: 1250,
      firstOrderDate: '2026-03-01',
      lastOrderDate: '2026-06-01',
      products: [
        { product: 'ERP 实施', amount: 2500, lines: 1, lastOrderDate: '2026-04-15' },
        { product: '财务软件', amount: 1300.15, lines: 2, lastOrderDate: '2026-06-01' },
      ],
    });
    expect(body.items.map((line: { orderDate: string }) => line.orderDate)).toEqual([
      '2026-06-01',
      '2026-04-15',
      '2026-03-01',
    ]);
    expect(body.items[1]).toMatchObject({
      overdue: true,
      paid: 1250,
      quantity: '2.000',
      ownerName: '王芳',
    });
    expect(body.items[0].overdue).toBe(false);
  });

  it('pages newest first without gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await sales(customerId, rep.token, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((line) => line.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it('shows a pool customer’s history to managers and admins, not to reps until claimed', async () => {
    const pooled = (await buildCustomer(t, rep.token, { name: '杭州远达贸易有限公司' })).id;
    await addLine(pooled, { product: '服务器', cents: 500_000, day: '2026-05-01' });
    expect((await release(t, rep.token, pooled, '暂无需求')).statusCode).toBe(200);
    const asRep = await sales(pooled, rep.token);
    expect(asRep.statusCode).toBe(403);
    const asAdmin = await sales(pooled, t.adminToken);
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().summary.total).toBe(5000);
  });
});
