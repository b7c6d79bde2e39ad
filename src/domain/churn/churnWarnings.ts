import { localizedYuan } from '../grading/formatMoney';
import type { Localized } from '../vocabulary';

/** Seed 001: 在网客户 need "及时的客户预警" so the second sale (二次销售) is not lost. */
export type ChurnWarningCode =
  | 'no_order_overdue'
  | 'revenue_drop'
  | 'payment_overdue'
  | 'contract_ending';

export type ChurnSeverity = 'warning' | 'critical';

export interface ChurnWarning {
  code: ChurnWarningCode;
  severity: ChurnSeverity;
  label: Localized;
  detail: Record<string, number>;
}

export interface ChurnInput {
  /** Order days as YYYY-MM-DD, any order; days after `today` are ignored. */
  orderDates: string[];
  revenueLast90Cents: number;
  revenuePrev90Cents: number;
  overdueCents: number;
  contractEndDate?: string | null;
  today: string;
}

export interface ChurnOptions {
  /** Flag when the gap since the last order exceeds this × the customer's median interval. */
  intervalFactor?: number;
  /** Flag when the last 90 days' revenue fell by at least this percentage. */
  dropPercent?: number;
  /** Flag a contract ending within this many days (or already ended). */
  contractDays?: number;
  /** Distinct order days needed before the customer's own rhythm is trusted. */
  minOrders?: number;
}

export const DEFAULT_CHURN_OPTIONS: Required<ChurnOptions> = {
  intervalFactor: 1.5,
  dropPercent: 30,
  contractDays: 30,
  minOrders: 3,
};

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD date; throws on anything else. */
export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: '${date}'`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2024-02-30 over to March; a round trip catches it.
  if (new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date: '${date}'`);
  }
  return ms / DAY_MS;
}

// Several orders on one day are one buying occasion; counting them would shrink the interval.
function distinctOrderDays(orderDates: string[], upTo = Number.POSITIVE_INFINITY): number[] {
  const days = new Set(orderDates.map(dayNumber).filter((d) => d <= upTo));
  return [...days].sort((a, b) => a - b);
}

// Median gap between consecutive sorted days; null with fewer than two days.
function medianGap(days: number[]): number | null {
  const gaps = days.slice(1).map((day, i) => day - (days[i] ?? day));
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const mid = Math.floor(gaps.length / 2);
  const upper = gaps[mid] ?? 0;
  return gaps.length % 2 === 1 ? upper : ((gaps[mid - 1] ?? 0) + upper) / 2;
}

/** Median days between consecutive distinct order days; null with fewer than two. */
export function medianOrderIntervalDays(orderDates: string[]): number | null {
  return medianGap(distinctOrderDays(orderDates));
}

function noOrderWarning(
  orderDates: string[],
  today: number,
  options: Required<ChurnOptions>,
): ChurnWarning | null {
  const days = distinctOrderDays(orderDates, today);
  const last = days.at(-1);
  if (days.length < options.minOrders || last === undefined) return null;
  const medianInterval = medianGap(days);
  if (medianInterval === null) return null;
  const allowedDays = options.intervalFactor * medianInterval;
  const daysSinceLastOrder = today - last;
  if (daysSinceLastOrder <= allowedDays) return null;
  return {
    code: 'no_order_overdue',
    severity: daysSinceLastOrder > 2 * allowedDays ? 'critical' : 'warning',
    label: {
      'zh-CN': `已${daysSinceLastOrder}天未下单(通常约${medianInterval}天一单)`,
      en: `No order for ${daysSinceLastOrder} days (usually one every ${medianInterval} days)`,
    },
    detail: {
      daysSinceLastOrder,
      medianIntervalDays: medianInterval,
      allowedDays,
      orderCount: days.length,
    },
  };
}

function revenueDropWarning(input: ChurnInput, dropPercent: number): ChurnWarning | null {
  const last = input.revenueLast90Cents;
  const prev = input.revenuePrev90Cents;
  // Cross-multiplied so whole cents compare exactly, with no rounded percentage in between.
  if (prev <= 0 || last >= prev || (prev - last) * 100 < dropPercent * prev) return null;
  const dropped = Math.round(((prev - last) * 1000) / prev) / 10;
  return {
    code: 'revenue_drop',
    severity: (prev - last) * 100 >= 2 * dropPercent * prev ? 'critical' : 'warning',
    label: {
      'zh-CN': `近90天销售额较前90天下降${dropped}%`,
      en: `Revenue in the last 90 days fell ${dropped}% from the 90 days before`,
    },
    detail: { revenueLast90Cents: last, revenuePrev90Cents: prev, dropPercent: dropped },
  };
}

function paymentWarning(overdueCents: number): ChurnWarning | null {
  if (overdueCents <= 0) return null;
  const amount = localizedYuan(overdueCents);
  return {
    code: 'payment_overdue',
    severity: 'warning',
    label: { 'zh-CN': `逾期未付款${amount['zh-CN']}`, en: `${amount.en} overdue` },
    detail: { overdueCents },
  };
}

function contractWarning(
  endDate: string | null | undefined,
  today: number,
  contractDays: number,
): ChurnWarning | null {
  if (!endDate) return null;
  const daysLeft = dayNumber(endDate) - today;
  if (daysLeft > contractDays) return null;
  // An ended contract stays flagged until someone records the renewal.
  if (daysLeft < 0) {
    return {
      code: 'contract_ending',
      severity: 'critical',
      label: {
        'zh-CN': `合同已于${-daysLeft}天前到期`,
        en: `Contract ended ${-daysLeft} days ago`,
      },
      detail: { daysLeft },
    };
  }
  return {
    code: 'contract_ending',
    severity: 'warning',
    label: { 'zh-CN': `合同${daysLeft}天后到期`, en: `Contract ends in ${daysLeft} days` },
    detail: { daysLeft },
  };
}

/** Early warnings (预警) for an active customer, in a fixed order of codes. */
export function churnWarnings(input: ChurnInput, options: ChurnOptions = {}): ChurnWarning[] {
  const settings: Required<ChurnOptions> = {
    intervalFactor: options.intervalFactor ?? DEFAULT_CHURN_OPTIONS.intervalFactor,
    dropPercent: options.dropPercent ?? DEFAULT_CHURN_OPTIONS.dropPercent,
    contractDays: options.contractDays ?? DEFAULT_CHURN_OPTIONS.contractDays,
    minOrders: options.minOrders ?? DEFAULT_CHURN_OPTIONS.minOrders,
  };
  const today = dayNumber(input.today);
  const warnings = [
    noOrderWarning(input.orderDates, today, settings),
    revenueDropWarning(input, settings.dropPercent),
    paymentWarning(input.overdueCents),
    contractWarning(input.contractEndDate, today, settings.contractDays),
  ];
  return warnings.filter((w): w is ChurnWarning => w !== null);
}
