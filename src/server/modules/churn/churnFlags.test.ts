// customer_churn_inputs kept up to date by the sales_lines triggers and churn_inputs_refresh
// (hand-computed), and the report's SQL rule (churnFlags.ts) against churnWarnings itself:
// every customer of a generated world, under several settings, flagged alike and in the same
// order as the per-customer path (GET /customers/:id/warnings, which runs churnWarnings).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCustomer,
  dayFromNow,
  insertSalesLines,
  type SalesLineFixture,
} from '../../../../tests/setup/factories-qualification';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { addDays } from '../../../domain/format/dates';
import { readChurnConfig } from './churn.service';
import { refreshChurnInputs } from './churnFlags';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-15T04:00:00Z')); // 2026-06-15 in Asia/Shanghai
  await t.call('GET', '/api/v1/settings/churn-warnings', { token: t.adminToken });
});
afterAll(async () => {
  await t.close();
});

const inputsOf = async (customerId: string) =>
  (
    await t.database.query(sql`select name, archived, as_of::text, inputs_until::text,
        valid_until::text, payment_terms_days, changes, order_days, last_order::text,
        median_gap_days, last90_cents::int, prev90_cents::int, overdue_cents::int,
        no_order_overdue, revenue_drop, payment_overdue, critical, warnings
      from customer_churn_inputs where org_id = ${t.orgId} and customer_id = ${customerId}`)
  )[0];
const refresh = async (today: string) =>
  refreshChurnInputs(
    t.database.db,
    t.orgId,
    today,
    (await readChurnConfig(t.database.db, t.orgId)).value,
  );

describe('customer_churn_inputs', () => {
  it('is marked stale by every write of the sales records and recomputed for the day', async () => {
    const customer = (await buildCustomer(t, t.adminToken, { name: 'Inputs Co' })).id;
    await insertSalesLines(t, customer, [
      { amountCents: 10_000, orderDate: '2026-03-01' }, // unpaid, due 03-31 by the default terms
      { amountCents: 20_000, orderDate: '2026-04-01', paidCents: 20_000 },
      { amountCents: 30_000, orderDate: '2026-05-01', paidCents: 30_000 },
      { amountCents: 5_000, orderDate: '2026-07-01' }, // not ordered yet on 06-15
    ]);
    // Four single-row inserts: the first makes the stale row, each later one counts a change.
    expect(await inputsOf(customer)).toMatchObject({ valid_until: '-infinity', changes: 3 });
    expect(await refresh('2026-06-15')).toBe(1);
    expect(await inputsOf(customer)).toEqual({
      name: 'Inputs Co',
      archived: false,
      as_of: '2026-06-15',
      // 04-01 leaves the last 90 days on 06-30, before the 07-01 order arrives.
      inputs_until: '2026-06-30',
      // 1.5 × 30.5 = 45.75 days allowed: 46 days after 05-01 is 06-16.
      valid_until: '2026-06-16',
      payment_terms_days: 30,
      changes: 3,
      order_days: 3,
      last_order: '2026-05-01',
      median_gap_days: 30.5, // gaps 31 and 30
      last90_cents: 50_000, // 04-01 and 05-01: after 2026-03-17
      prev90_cents: 10_000, // 03-01
      overdue_cents: 10_000,
      no_order_overdue: 0,
      revenue_drop: 0,
      payment_overdue: 1,
      critical: 0,
      warnings: 1,
    });
    expect(await refresh('2026-06-15')).toBe(0); // nothing stale

    // The next day the no-order flag rises, from the figures alone (no lines read).
    expect(await refresh('2026-06-16')).toBe(0);
    expect(await inputsOf(customer)).toMatchObject({
      as_of: '2026-06-15',
      valid_until: '2026-06-30', // 2 × 45.75 would be passed only on 08-01
      no_order_overdue: 1,
      warnings: 2,
    });
    // A day inside the range reuses the row; the range's end recomputes it.
    expect(await refresh('2026-06-29')).toBe(0);
    expect(await refresh('2026-06-30')).toBe(1);
    expect(await inputsOf(customer)).toMatchObject({
      as_of: '2026-06-30',
      inputs_until: '2026-07-01',
      valid_until: '2026-07-01',
      last90_cents: 30_000,
      prev90_cents: 30_000,
      no_order_overdue: 1,
    });

    // The customer's own fields follow the customer.
    await t.database.query(sql`update customers set name = 'Inputs Renamed', archived_at = now()
      where org_id = ${t.orgId} and id = ${customer}`);
    expect(await inputsOf(customer)).toMatchObject({ name: 'Inputs Renamed', archived: true });
    await t.database.query(sql`update customers set name = 'Inputs Co', archived_at = null
      where org_id = ${t.orgId} and id = ${customer}`);
    expect(await inputsOf(customer)).toMatchObject({ name: 'Inputs Co', archived: false });

    // Marking the line paid (an update, as the import does) clears the overdue amount.
    await t.database.query(sql`update sales_lines set paid_cents = amount_cents
      where org_id = ${t.orgId} and customer_id = ${customer} and order_date = '2026-03-01'`);
    expect(await inputsOf(customer)).toMatchObject({ valid_until: '-infinity', changes: 4 });
    await refresh('2026-06-30');
    expect(await inputsOf(customer)).toMatchObject({
      overdue_cents: 0,
      payment_overdue: 0,
      changes: 4,
    });

    // Other default terms make every row stale: 07-01's line is not ordered by 06-30 either way.
    await t.database.query(sql`update qualification_settings
      set value = jsonb_set(value, '{defaultPaymentTermsDays}', '0')
      where org_id = ${t.orgId} and kind = 'churn'`);
    expect(await refresh('2026-06-30')).toBeGreaterThanOrEqual(1);
    expect(await inputsOf(customer)).toMatchObject({ payment_terms_days: 0 });
    await t.database.query(sql`update qualification_settings
      set value = jsonb_set(value, '{defaultPaymentTermsDays}', '30')
      where org_id = ${t.orgId} and kind = 'churn'`);

    // Undoing the import (a delete of its lines) takes the row away with the last line.
    await t.database.query(sql`delete from sales_lines
      where org_id = ${t.orgId} and customer_id = ${customer} and order_date < '2026-07-01'`);
    await refresh('2026-06-30');
    expect(await inputsOf(customer)).toMatchObject({ order_days: 0, last90_cents: 0 });
    await t.database.query(sql`delete from sales_lines
      where org_id = ${t.orgId} and customer_id = ${customer}`);
    expect(await inputsOf(customer)).toMatchObject({ valid_until: '-infinity' });
    await refresh('2026-06-30');
    expect(await inputsOf(customer)).toBeUndefined();
  });
});

// A small deterministic generator (mulberry32), so a failure can be replayed.
function random(seed: number) {
  let a = seed;
  return (below: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * below);
  };
}

interface Flagged {
  customerId: string;
  customerName: string;
  warnings: { code: string; severity: string }[];
}

describe('the report against churnWarnings', () => {
  it('flags, counts and orders every customer as churnWarnings does, under several settings', async () => {
    const next = random(9);
    const today = dayFromNow(t, 0);
    const ids: string[] = [];
    const add = async (name: string, lines: SalesLineFixture[], contract?: string) => {
      const { id } = await buildCustomer(t, t.adminToken);
      // The name afterwards: customers alike in name are refused as duplicates.
      await t.database.query(
        sql`update customers set name = ${name} where org_id = ${t.orgId} and id = ${id}`,
      );
      await insertSalesLines(t, id, lines);
      if (contract !== undefined) {
        // Straight into custom, so values the API would refuse are there too.
        await t.database.query(sql`update customers
          set custom = jsonb_build_object('contractEndDate', ${contract}::text)
          where org_id = ${t.orgId} and id = ${id}`);
      }
      ids.push(id);
    };
    const day = (offset: number) => addDays(today, offset);
    const line = (offset: number, amountCents = 10_000): SalesLineFixture => ({
      amountCents,
      orderDate: day(offset),
      paidCents: amountCents,
    });
    // Edges: 1.14 × 50 is 56.99… in floating point, so 57 days is overdue at that factor.
    await add('Edge float', [line(-157), line(-107), line(-57)]);
    await add('Edge equal', [line(-90), line(-60), line(-45)]); // median 22.5, 45 days
    await add('Edge drop', [line(-100, 10_000), line(-10, 7_000)]); // exactly 30% down
    await add('Edge old', [line(-1200), line(-1100), line(-1000), line(-900)]);
    await add('Edge future', [line(-60), line(-30), line(5), line(10)]);
    await add('Edge contract invalid', [], '2026-02-30');
    await add('Edge contract text', [], 'next spring');
    await add('Edge contract ended', [], day(-3));
    await add('Edge contract today', [], day(0));
    await add('Edge contract far', [], day(200));
    await add('Edge credit', [line(-100, 5_000), line(-20, -2_000)]);
    for (let n = 0; n < 36; n += 1) {
      const lines: SalesLineFixture[] = [];
      for (let k = next(9); k > 0; k -= 1) {
        const offset = next(10) === 0 ? 1 + next(20) : -next(next(3) === 0 ? 1300 : 300);
        const amountCents = 1 + next(100_000);
        const paid = next(4);
        lines.push({
          amountCents,
          orderDate: day(offset),
          paidCents: paid === 0 ? null : paid === 1 ? next(amountCents) : amountCents,
          dueDate: next(3) === 0 ? day(offset + next(90)) : null,
        });
      }
      const contract = next(5) === 0 ? day(next(120) - 40) : undefined;
      // Names that sort differently by case and by collation, and some alike.
      await add(`${['alpha', 'Beta', 'beta', '华远', 'Zeta'][next(5)]} ${n % 7}`, lines, contract);
    }

    const settings = [
      { intervalFactor: 1.5, dropPercent: 30, contractDays: 30, minOrders: 3 },
      { intervalFactor: 1.14, dropPercent: 10, contractDays: 0, minOrders: 2 },
      { intervalFactor: 3, dropPercent: 75, contractDays: 365, minOrders: 5 },
    ].map((s, i) => ({ ...s, defaultPaymentTermsDays: [30, 0, 90][i] }));
    for (const setting of settings) {
      const current = await t.call('GET', '/api/v1/settings/churn-warnings', {
        token: t.adminToken,
      });
      const saved = await t.call('PUT', '/api/v1/settings/churn-warnings', {
        token: t.adminToken,
        body: { ...setting, version: current.json().version },
      });
      expect(saved.statusCode).toBe(200);

      // What churnWarnings says of each customer, one at a time.
      const expected: Flagged[] = [];
      for (const id of ids) {
        const one = await t.call('GET', `/api/v1/customers/${id}/warnings?locale=en`, {
          token: t.adminToken,
        });
        const name = (
          await t.database.query<{ name: string }>(
            sql`select name from customers where org_id = ${t.orgId} and id = ${id}`,
          )
        )[0]?.name as string;
        if (one.json().warnings.length > 0) {
          expected.push({ customerId: id, customerName: name, warnings: one.json().warnings });
        }
      }
      const key = (c: Flagged) => [
        -c.warnings.filter((w) => w.severity === 'critical').length,
        -c.warnings.length,
        c.customerName,
        c.customerId,
      ];
      expected.sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        for (let i = 0; i < x.length; i++) {
          if ((x[i] as string) < (y[i] as string)) return -1;
          if ((x[i] as string) > (y[i] as string)) return 1;
        }
        return 0;
      });
      expect(expected.length).toBeGreaterThan(5);

      const query = async (filter: string) => {
        const seen: Flagged[] = [];
        let cursor: string | null = null;
        let counts: Record<string, number> = {};
        do {
          const page: {
            items: Flagged[];
            counts: Record<string, number>;
            nextCursor: string | null;
          } = (
            await t.call(
              'GET',
              `/api/v1/reports/churn-warnings?locale=en&limit=10${filter}${cursor ? `&cursor=${cursor}` : ''}`,
              { token: t.adminToken },
            )
          ).json();
          seen.push(...page.items);
          counts = page.counts;
          cursor = page.nextCursor;
        } while (cursor);
        return { seen, counts };
      };
      const strip = (list: Flagged[]) =>
        list.map((c) => ({
          customerId: c.customerId,
          warnings: c.warnings.map((w) => ({ code: w.code, severity: w.severity })),
        }));
      const all = await query('');
      expect(strip(all.seen)).toEqual(strip(expected));
      for (const code of Object.keys(all.counts)) {
        const having = expected.filter((c) => c.warnings.some((w) => w.code === code));
        expect(all.counts[code]).toBe(having.length);
        expect(strip((await query(`&code=${code}`)).seen)).toEqual(strip(having));
      }
      for (const severity of ['warning', 'critical']) {
        const having = expected.filter((c) => c.warnings.some((w) => w.severity === severity));
        expect(strip((await query(`&severity=${severity}`)).seen)).toEqual(strip(having));
      }
    }
  }, 180_000);
});
