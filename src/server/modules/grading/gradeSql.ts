// The grading rule set compiled into SQL over metricsQuery's columns, so a run grades every
// customer in the database instead of shipping rows to Node. gradeCustomer in
// src/domain/grading stays the one definition of the rules: this file mirrors it clause by
// clause, and gradeSql.test.ts checks both give the same grade, downgrade and metrics on
// generated customers.
import { type SQL, sql } from 'drizzle-orm';
import type { GradeCondition, GradingMetric } from '../../../domain/grading';
import type { GradingConfig } from './grading.service';

/**
 * GradingMetrics from a metricsQuery row `m`, as toGradingMetrics computes them: float8
 * arithmetic where JavaScript uses doubles (the average per month, the on-time ratio).
 */
export function metricSql(metric: GradingMetric, months: number): SQL {
  switch (metric) {
    case 'trailingMonthlyRevenueCents':
      return sql`floor(m.trailing_revenue_cents::float8 / ${months}::int)`;
    case 'trailing12mRevenueCents':
      return sql`m.revenue_12m_cents`;
    case 'paidCents':
      return sql`m.paid_cents`;
    case 'outstandingCents':
      return sql`m.outstanding_cents`;
    case 'oldestUnpaidDays':
      return sql`m.oldest_unpaid_days`;
    case 'productLines':
      return sql`m.product_lines`;
    case 'ordersLast12m':
      return sql`m.orders_12m`;
    case 'onTimePaymentRatio':
      return sql`(case when m.payments_judged = 0 then null
        else m.on_time::float8 / m.payments_judged end)`;
  }
}

/** The metrics as the JSON document grade_history keeps (GradingMetrics' keys). */
export function metricsJsonSql(months: number): SQL {
  return sql`jsonb_build_object(
    'trailingMonthlyRevenueCents', ${metricSql('trailingMonthlyRevenueCents', months)}::bigint,
    'trailing12mRevenueCents', m.revenue_12m_cents::bigint,
    'paidCents', m.paid_cents::bigint,
    'outstandingCents', m.outstanding_cents::bigint,
    'oldestUnpaidDays', m.oldest_unpaid_days,
    'productLines', m.product_lines,
    'ordersLast12m', m.orders_12m,
    'onTimePaymentRatio', ${metricSql('onTimePaymentRatio', months)})`;
}

// holds(): nothing unpaid counts as 0 days; an unknown ratio meets no condition (null is not
// true in a CASE). Both sides as float8, the way JavaScript compares numbers.
function conditionSql(condition: GradeCondition, months: number): SQL {
  const actual =
    condition.metric === 'oldestUnpaidDays'
      ? sql`coalesce(m.oldest_unpaid_days, 0)`
      : metricSql(condition.metric, months);
  const op = condition.op === 'gte' ? sql.raw('>=') : sql.raw('<=');
  return sql`(${actual})::float8 ${op} ${condition.value}::float8`;
}

/**
 * The 0-based index of the grade gradeCustomer gives a row `m` and whether the unpaid rule
 * lowered it: the first grade whose conditions all hold (the last one otherwise), one lower
 * when the oldest unpaid amount is older than the limit and a lower grade exists.
 */
export function gradeIndexSql(config: GradingConfig): { index: SQL; downgraded: SQL } {
  const { grades } = config.ruleSet;
  const last = grades.length - 1;
  const whens = grades.slice(0, last).map((grade, index) => {
    const all =
      grade.conditions.length === 0
        ? sql`true`
        : sql.join(
            grade.conditions.map((c) => conditionSql(c, config.trailingMonths)),
            sql` and `,
          );
    return sql`when ${all} then ${index}::int`;
  });
  const found =
    whens.length === 0
      ? sql`${last}::int`
      : sql`(case ${sql.join(whens, sql` `)} else ${last}::int end)`;
  const limit = config.unpaidDowngradeDays;
  const overdue =
    limit === null || !Number.isFinite(limit)
      ? sql`false`
      : sql`coalesce(m.oldest_unpaid_days, 0)::float8 > ${limit}::float8`;
  const downgraded = sql`(${overdue} and ${found} < ${last}::int)`;
  return {
    index: sql`(${found} + case when ${downgraded} then 1 else 0 end)`,
    downgraded,
  };
}

/** The grade key at a gradeIndexSql index. */
export function gradeKeySql(config: GradingConfig, index: SQL): SQL {
  const keys = config.ruleSet.grades.map((grade) => grade.grade);
  return sql`(${sql.param(keys)}::text[])[${index} + 1]`;
}
