import type { Localized } from '../vocabulary';
import { localizedYuan } from './formatMoney';

/** Sales metrics of one customer, computed by the caller from sales records. */
export interface GradingMetrics {
  /** Average monthly revenue over the caller's trailing window (the seed's 月回款). */
  trailingMonthlyRevenueCents: number;
  trailing12mRevenueCents: number;
  paidCents: number;
  outstandingCents: number;
  /** Days the oldest unpaid signed amount has been open; null when nothing is unpaid. */
  oldestUnpaidDays: number | null;
  /** Distinct products bought (合作品项). */
  productLines: number;
  ordersLast12m: number;
  /** Share of invoices paid on time, 0..1; null when there is no payment history. */
  onTimePaymentRatio: number | null;
}

export type GradingMetric = keyof GradingMetrics;

export const GRADING_METRICS = [
  'trailingMonthlyRevenueCents',
  'trailing12mRevenueCents',
  'paidCents',
  'outstandingCents',
  'oldestUnpaidDays',
  'productLines',
  'ordersLast12m',
  'onTimePaymentRatio',
] as const satisfies readonly GradingMetric[];

export const GRADE_CONDITION_OPS = ['gte', 'lte'] as const;

export interface GradeCondition {
  metric: GradingMetric;
  op: (typeof GRADE_CONDITION_OPS)[number];
  value: number;
}

export interface GradePolicy {
  /** 账期: days of credit granted on an invoice. */
  paymentTermsDays: number;
  creditLimitCents?: number;
  supportLevel: Localized;
  description: Localized;
}

export interface GradeDefinition {
  grade: string;
  label: Localized;
  /** All must hold; the last grade has none and catches everyone else. */
  conditions: GradeCondition[];
  policy: GradePolicy;
}

export interface GradingRuleSet {
  id: string;
  name: Localized;
  /** Best grade first; a customer gets the first grade whose conditions all hold. */
  grades: GradeDefinition[];
}

export interface GradingOptions {
  /** A customer with an amount unpaid for more than this many days drops one grade. */
  unpaidDowngradeDays?: number;
}

export interface GradeResult {
  grade: string;
  policy: GradePolicy;
  reasons: Localized[];
  downgradedForUnpaid: boolean;
}

export const DEFAULT_UNPAID_DOWNGRADE_DAYS = 30;

const METRIC_LABELS: Record<GradingMetric, Localized> = {
  trailingMonthlyRevenueCents: { 'zh-CN': '月均回款', en: 'average monthly revenue' },
  trailing12mRevenueCents: { 'zh-CN': '近12个月销售额', en: 'revenue in the last 12 months' },
  paidCents: { 'zh-CN': '已回款', en: 'amount paid' },
  outstandingCents: { 'zh-CN': '未回款', en: 'amount outstanding' },
  oldestUnpaidDays: { 'zh-CN': '最久未付款天数', en: 'days the oldest amount is unpaid' },
  productLines: { 'zh-CN': '合作品项数', en: 'product lines' },
  ordersLast12m: { 'zh-CN': '近12个月订单数', en: 'orders in the last 12 months' },
  onTimePaymentRatio: { 'zh-CN': '按时付款比例', en: 'on-time payment ratio' },
};

function formatMetric(metric: GradingMetric, value: number | null): Localized {
  if (value === null) return { 'zh-CN': '无记录', en: 'no record' };
  if (metric.endsWith('Cents')) return localizedYuan(value);
  if (metric === 'onTimePaymentRatio') {
    const percent = `${Math.round(value * 1000) / 10}%`;
    return { 'zh-CN': percent, en: percent };
  }
  if (metric === 'oldestUnpaidDays') return { 'zh-CN': `${value}天`, en: `${value} days` };
  return { 'zh-CN': String(value), en: String(value) };
}

// Nothing unpaid is 0 days open; a missing on-time ratio stays unknown and meets no condition.
function metricValue(metrics: GradingMetrics, metric: GradingMetric): number | null {
  if (metric === 'oldestUnpaidDays') return metrics.oldestUnpaidDays ?? 0;
  return metrics[metric];
}

function holds(metrics: GradingMetrics, condition: GradeCondition): boolean {
  const actual = metricValue(metrics, condition.metric);
  if (actual === null) return false;
  return condition.op === 'gte' ? actual >= condition.value : actual <= condition.value;
}

function describe(metrics: GradingMetrics, condition: GradeCondition): Localized {
  const name = METRIC_LABELS[condition.metric];
  const actual = formatMetric(condition.metric, metricValue(metrics, condition.metric));
  const bound = formatMetric(condition.metric, condition.value);
  const sign = condition.op === 'gte' ? '≥' : '≤';
  return {
    'zh-CN': `${name['zh-CN']} ${actual['zh-CN']}(要求${sign} ${bound['zh-CN']})`,
    en: `${name.en} ${actual.en} (needs ${sign} ${bound.en})`,
  };
}

function gradeAt(ruleSet: GradingRuleSet, index: number): GradeDefinition {
  const grade = ruleSet.grades[index];
  if (!grade) throw new RangeError(`grading rule set '${ruleSet.id}' has no grade at ${index}`);
  return grade;
}

/**
 * Gives the first grade whose conditions all hold (the last grade when none does), then
 * applies the seed's unpaid rule: "对于签约超过1个月未付全款或有效预付金的客户…进行重新评估,
 * 降级处理". The seed says it of A-grade (signed) customers; here it applies to every grade,
 * because an unpaid VIP is no safer than an unpaid A, and the lowest grade simply stays.
 */
export function gradeCustomer(
  metrics: GradingMetrics,
  ruleSet: GradingRuleSet,
  options: GradingOptions = {},
): GradeResult {
  const limit = options.unpaidDowngradeDays ?? DEFAULT_UNPAID_DOWNGRADE_DAYS;
  const lastIndex = ruleSet.grades.length - 1;
  const found = ruleSet.grades.findIndex((g) => g.conditions.every((c) => holds(metrics, c)));
  let index = found === -1 ? lastIndex : found;
  const reached = gradeAt(ruleSet, index);

  const reasons: Localized[] = [];
  // Why each better grade was missed, so a rep sees what to grow.
  for (const better of ruleSet.grades.slice(0, index)) {
    for (const condition of better.conditions.filter((c) => !holds(metrics, c))) {
      const text = describe(metrics, condition);
      reasons.push({
        'zh-CN': `未达${better.label['zh-CN']}:${text['zh-CN']}`,
        en: `Not ${better.label.en}: ${text.en}`,
      });
    }
  }
  for (const condition of reached.conditions) {
    const text = describe(metrics, condition);
    reasons.push({
      'zh-CN': `${reached.label['zh-CN']}:${text['zh-CN']}`,
      en: `${reached.label.en}: ${text.en}`,
    });
  }

  const unpaidDays = metrics.oldestUnpaidDays ?? 0;
  let downgradedForUnpaid = false;
  if (unpaidDays > limit) {
    if (index < lastIndex) {
      index += 1;
      downgradedForUnpaid = true;
      const lower = gradeAt(ruleSet, index);
      reasons.push({
        'zh-CN': `款项已${unpaidDays}天未付(超过${limit}天),由${reached.label['zh-CN']}降为${lower.label['zh-CN']}`,
        en: `Amount unpaid for ${unpaidDays} days (over ${limit}), downgraded from ${reached.label.en} to ${lower.label.en}`,
      });
    } else {
      reasons.push({
        'zh-CN': `款项已${unpaidDays}天未付(超过${limit}天),已是最低级别`,
        en: `Amount unpaid for ${unpaidDays} days (over ${limit}), already the lowest grade`,
      });
    }
  }

  const final = gradeAt(ruleSet, index);
  return { grade: final.grade, policy: final.policy, reasons, downgradedForUnpaid };
}
