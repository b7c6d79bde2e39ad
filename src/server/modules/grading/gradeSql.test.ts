// The SQL grading (gradeSql.ts) must give what gradeCustomer gives: the same grade, the same
// unpaid downgrade and the same metrics document, on generated customers and rule sets.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import {
  buildCustomer,
  dayFromNow,
  insertSalesLines,
  type SalesLineFixture,
} from '../../../../tests/setup/factories-qualification';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import {
  ABCD_GRADING,
  type GradeDefinition,
  type GradingMetrics,
  type GradingRuleSet,
  gradeCustomer,
  VIP_ABC_GRADING,
} from '../../../domain/grading';
import { newId } from '../../db/ids';
import { gradeIndexSql, gradeKeySql, metricsJsonSql } from './gradeSql';
import { type GradingConfig, gradingOptions } from './grading.service';
import { type MetricsRow, metricsOfCustomer, toGradingMetrics } from './gradingMetrics';
import { gradeOrg } from './gradingRun';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)] as T;
  return { next, int, pick };
}

const WAN = 1_000_000;

const policyOf = (index: number): GradeDefinition => {
  const grade = VIP_ABC_GRADING.grades[index];
  if (!grade) throw new Error(`no grade at ${index}`);
  return structuredClone(grade);
};

// Lte conditions, a ratio, unpaid days and money bounds a cent apart exercise every clause.
const CUSTOM: GradingRuleSet = {
  ...structuredClone(ABCD_GRADING),
  id: 'custom',
  grades: [
    {
      ...policyOf(0),
      grade: 'TOP',
      conditions: [
        { metric: 'onTimePaymentRatio', op: 'gte', value: 0.75 },
        { metric: 'outstandingCents', op: 'lte', value: 5 * WAN },
        { metric: 'oldestUnpaidDays', op: 'lte', value: 10 },
      ],
    },
    {
      ...policyOf(1),
      grade: 'MID',
      conditions: [
        { metric: 'paidCents', op: 'gte', value: 3 * WAN + 1 },
        { metric: 'onTimePaymentRatio', op: 'lte', value: 1 / 3 },
      ],
    },
    { ...policyOf(3), grade: 'LOW', conditions: [] },
  ],
};

const CONFIGS: GradingConfig[] = [
  { ruleSet: VIP_ABC_GRADING, unpaidDowngradeDays: 30, trailingMonths: 3 },
  { ruleSet: VIP_ABC_GRADING, unpaidDowngradeDays: 0, trailingMonths: 4 },
  { ruleSet: ABCD_GRADING, unpaidDowngradeDays: null, trailingMonths: 3 },
  { ruleSet: ABCD_GRADING, unpaidDowngradeDays: 45, trailingMonths: 12 },
  { ruleSet: CUSTOM, unpaidDowngradeDays: 7, trailingMonths: 1 },
];

/** Metric rows around every bound of the rule sets, negative revenue (returns) included. */
function metricRows(count: number, seed: number): MetricsRow[] {
  const g = generator(seed);
  const money = () =>
    g.pick([
      () => g.int(-2 * WAN, 80 * WAN),
      () => g.pick([1, 5, 10, 20]) * WAN * g.pick([1, 3, 4, 12]) + g.int(-2, 2),
      () => 0,
    ])();
  return Array.from({ length: count }, () => {
    const judged = g.pick([0, 0, g.int(1, 12)]);
    return {
      customer_id: newId(),
      trailing_revenue_cents: money(),
      revenue_12m_cents: money(),
      paid_cents: money(),
      outstanding_cents: g.pick([0, g.int(0, 10 * WAN), 5 * WAN]),
      oldest_unpaid_days: g.pick([null, g.int(0, 120), 7, 8, 30, 31, 45, 46]),
      product_lines: g.int(0, 12),
      orders_12m: g.int(0, 30),
      on_time: g.int(0, judged),
      payments_judged: judged,
    };
  });
}

async function gradeInSql(config: GradingConfig, rows: MetricsRow[]) {
  const { index, downgraded } = gradeIndexSql(config);
  const values = rows.map(
    (r) =>
      sql`(${r.customer_id}::uuid, ${r.trailing_revenue_cents}::bigint, ${r.revenue_12m_cents}::bigint,
        ${r.paid_cents}::bigint, ${r.outstanding_cents}::bigint, ${r.oldest_unpaid_days}::int,
        ${r.product_lines}::int, ${r.orders_12m}::int, ${r.on_time}::int, ${r.payments_judged}::int)`,
  );
  return t.database.query<{
    customer_id: string;
    grade: string;
    downgraded: boolean;
    metrics: GradingMetrics;
  }>(
    sql`select m.customer_id, ${gradeKeySql(config, index)} as grade, ${downgraded} as downgraded,
        ${metricsJsonSql(config.trailingMonths)} as metrics
      from (values ${sql.join(values, sql`, `)}) as m(customer_id, trailing_revenue_cents,
        revenue_12m_cents, paid_cents, outstanding_cents, oldest_unpaid_days, product_lines,
        orders_12m, on_time, payments_judged)`,
  );
}

describe('grading in SQL', () => {
  it('gives gradeCustomer’s grade, downgrade and metrics on generated metric rows', async () => {
    for (const [n, config] of CONFIGS.entries()) {
      const rows = metricRows(300, 17 + n);
      const graded = new Map((await gradeInSql(config, rows)).map((row) => [row.customer_id, row]));
      expect(graded.size).toBe(rows.length);
      const grades = new Set<string>();
      for (const row of rows) {
        const metrics = toGradingMetrics(row, config.trailingMonths);
        const expected = gradeCustomer(metrics, config.ruleSet, gradingOptions(config));
        const actual = graded.get(row.customer_id);
        expect(
          { grade: actual?.grade, downgraded: actual?.downgraded, metrics: actual?.metrics },
          JSON.stringify({ config: config.ruleSet.id, row }),
        ).toEqual({
          grade: expected.grade,
          downgraded: expected.downgradedForUnpaid,
          metrics,
        });
        grades.add(expected.grade);
      }
      // The generated rows reach every grade of the rule set, so no clause goes untested.
      expect([...grades].sort()).toEqual(config.ruleSet.grades.map((g) => g.grade).sort());
    }
    // Generated customers each with their own sales: 21 s at CI load 14.
  }, 120_000);

  it('grades generated customers from their sales records as gradeCustomer does', async () => {
    const rep = await buildUser(t);
    const g = generator(99);
    const customers: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const id = (await buildCustomer(t, rep.token)).id;
      customers.push(id);
      const lines: SalesLineFixture[] = Array.from({ length: g.int(1, 9) }, () => {
        const ago = g.int(-5, 420);
        const amount = g.pick([g.int(1, 40) * WAN, g.int(1, 300) * 10_000, -g.int(1, 5) * WAN]);
        const paid = g.pick([amount, amount, 0, Math.floor(amount / 2), null]);
        return {
          amountCents: amount,
          product: g.pick([null, 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']),
          orderDate: dayFromNow(t, -ago),
          orderNo: g.pick([null, `SO-${g.int(1, 6)}`]),
          paidCents: paid,
          paidAt: paid ? dayFromNow(t, -ago + g.int(0, 40)) : null,
          dueDate: g.pick([null, dayFromNow(t, -ago + 30)]),
        };
      });
      await insertSalesLines(t, id, lines);
    }
    const config: GradingConfig = CONFIGS[0] as GradingConfig;
    const run = await gradeOrg(t.database.db, t.orgId, { trigger: 'manual', now: t.clock.now() });
    expect(run.graded).toBe(customers.length);
    const today = dayFromNow(t, 0);
    const stored = await t.database.query<{ id: string; grade: string }>(
      sql`select customer_id as id, grade from customer_grades
        where org_id = ${t.orgId} and customer_id in ${customers}`,
    );
    for (const customer of customers) {
      const metrics = await metricsOfCustomer(t.database.db, t.orgId, customer, today, 3);
      if (!metrics) throw new Error('a generated customer has no metrics');
      const expected = gradeCustomer(metrics, config.ruleSet, gradingOptions(config));
      expect(stored.find((row) => row.id === customer)?.grade).toBe(expected.grade);
      // The history's reasons are gradeCustomer's over its stored metrics and the run's config.
      const grade = await t.call('GET', `/api/v1/customers/${customer}/grade?locale=en`, {
        token: t.adminToken,
      });
      expect(grade.json().history[0]).toMatchObject({
        toGrade: expected.grade,
        downgradedForUnpaid: expected.downgradedForUnpaid,
        reasons: expected.reasons.map((reason) => reason.en),
      });
    }
  });
});
