import { sql } from 'drizzle-orm';
import { addDays, zonedDay } from '../../src/domain/format/dates';
import { newId } from '../../src/server/db/ids';
import type { TestApp } from './test-app';

let sequence = 0;

/** Creates a customer through the API and returns the answer. */
export async function buildCustomer(
  t: TestApp,
  token: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; score: number | null; grade: string | null; ownerId: string | null }> {
  sequence += 1;
  const response = await t.call('POST', '/api/v1/customers', {
    token,
    body: { name: `Qualification Customer ${sequence} ${newId().slice(-6)}`, ...fields },
  });
  if (response.statusCode !== 201) {
    throw new Error(`buildCustomer: ${response.statusCode} ${response.body}`);
  }
  return response.json();
}

export interface SalesLineFixture {
  amountCents: number;
  orderDate: string;
  product?: string | null;
  paidCents?: number | null;
  paidAt?: string | null;
  dueDate?: string | null;
  orderNo?: string | null;
}

/** Sales records straight into sales_lines, as the sales import would leave them. */
export async function insertSalesLines(
  t: TestApp,
  customerId: string,
  lines: SalesLineFixture[],
): Promise<void> {
  for (const line of lines) {
    const id = newId();
    await t.database.query(sql`insert into sales_lines
      (org_id, id, customer_id, product, amount_cents, order_date, order_no, paid_cents, paid_at,
       due_date, natural_key)
      values (${t.orgId}, ${id}, ${customerId}, ${line.product ?? null}, ${line.amountCents},
        ${line.orderDate}, ${line.orderNo ?? null}, ${line.paidCents ?? null}, ${line.paidAt ?? null},
        ${line.dueDate ?? null}, ${id})`);
  }
}

/** The org's day (Asia/Shanghai, the default zone) on the test clock, shifted by `days`. */
export function dayFromNow(t: TestApp, days: number): string {
  return addDays(zonedDay(t.clock.now(), 'Asia/Shanghai'), days);
}
