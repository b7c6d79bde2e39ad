import { describe, expect, it } from 'vitest';
import { type GradingMetrics, type GradingRuleSet, gradeCustomer } from './gradeCustomer';
import { ABCD_GRADING, VIP_ABC_GRADING } from './gradingRuleSets';

const WAN = 1_000_000; // cents

const none: GradingMetrics = {
  trailingMonthlyRevenueCents: 0,
  trailing12mRevenueCents: 0,
  paidCents: 0,
  outstandingCents: 0,
  oldestUnpaidDays: null,
  productLines: 0,
  ordersLast12m: 0,
  onTimePaymentRatio: null,
};

function vip(metrics: Partial<GradingMetrics>, unpaidDowngradeDays?: number) {
  return gradeCustomer({ ...none, ...metrics }, VIP_ABC_GRADING, { unpaidDowngradeDays });
}

describe('gradeCustomer with the VIP/A/B/C table', () => {
  it('makes VIP at exactly 7 product lines and 20万 a month', () => {
    const result = vip({ productLines: 7, trailingMonthlyRevenueCents: 20 * WAN });
    expect(result.grade).toBe('VIP');
    expect(result.policy.paymentTermsDays).toBe(30);
    expect(result.reasons).toEqual([
      { 'zh-CN': 'VIP:合作品项数 7(要求≥ 7)', en: 'VIP: product lines 7 (needs ≥ 7)' },
      {
        'zh-CN': 'VIP:月均回款 200,000.00元(要求≥ 200,000.00元)',
        en: 'VIP: average monthly revenue ¥200,000.00 (needs ≥ ¥200,000.00)',
      },
    ]);
  });

  it('keeps 6 product lines or a cent under 20万 at A, saying why', () => {
    expect(vip({ productLines: 6, trailingMonthlyRevenueCents: 30 * WAN }).grade).toBe('A');
    const short = vip({ productLines: 9, trailingMonthlyRevenueCents: 20 * WAN - 1 });
    expect(short.grade).toBe('A');
    expect(short.reasons[0]).toEqual({
      'zh-CN': '未达VIP:月均回款 199,999.99元(要求≥ 200,000.00元)',
      en: 'Not VIP: average monthly revenue ¥199,999.99 (needs ≥ ¥200,000.00)',
    });
  });

  it('puts the A, B and C edges on 10万 and 5万 a month', () => {
    expect(vip({ trailingMonthlyRevenueCents: 10 * WAN }).grade).toBe('A');
    expect(vip({ trailingMonthlyRevenueCents: 10 * WAN - 1 }).grade).toBe('B');
    expect(vip({ trailingMonthlyRevenueCents: 5 * WAN }).grade).toBe('B');
    expect(vip({ trailingMonthlyRevenueCents: 5 * WAN - 1 }).grade).toBe('C');
  });

  it('grades an empty history C with 0-7 day terms', () => {
    const result = vip({});
    expect(result.grade).toBe('C');
    expect(result.policy.paymentTermsDays).toBe(7);
    expect(result.downgradedForUnpaid).toBe(false);
    // VIP misses two conditions, A and B one each.
    expect(result.reasons).toHaveLength(4);
  });

  it('returns the B policy from the seed', () => {
    const result = vip({ trailingMonthlyRevenueCents: 6 * WAN });
    expect(result.policy.paymentTermsDays).toBe(15);
    expect(result.policy.supportLevel['zh-CN']).toContain('只支持常规品牌推广活动');
  });
});

describe('the unpaid downgrade', () => {
  const a = { trailingMonthlyRevenueCents: 12 * WAN };

  it('keeps the grade at exactly 30 days unpaid and drops one grade at 31', () => {
    expect(vip({ ...a, oldestUnpaidDays: 30 })).toMatchObject({
      grade: 'A',
      downgradedForUnpaid: false,
    });
    const late = vip({ ...a, oldestUnpaidDays: 31 });
    expect(late).toMatchObject({ grade: 'B', downgradedForUnpaid: true });
    expect(late.policy.paymentTermsDays).toBe(15);
    expect(late.reasons.at(-1)).toEqual({
      'zh-CN': '款项已31天未付(超过30天),由A类降为B类',
      en: 'Amount unpaid for 31 days (over 30), downgraded from A to B',
    });
  });

  it('applies to every grade, and the lowest grade stays', () => {
    const unpaidVip = vip({
      productLines: 8,
      trailingMonthlyRevenueCents: 25 * WAN,
      oldestUnpaidDays: 45,
    });
    expect(unpaidVip.grade).toBe('A');
    const unpaidC = vip({ oldestUnpaidDays: 400 });
    expect(unpaidC).toMatchObject({ grade: 'C', downgradedForUnpaid: false });
    expect(unpaidC.reasons.at(-1)?.en).toBe(
      'Amount unpaid for 400 days (over 30), already the lowest grade',
    );
  });

  it('follows the configured number of days, and Infinity turns it off', () => {
    expect(vip({ ...a, oldestUnpaidDays: 45 }, 60).grade).toBe('A');
    expect(vip({ ...a, oldestUnpaidDays: 61 }, 60).grade).toBe('B');
    expect(vip({ ...a, oldestUnpaidDays: 1 }, 0).grade).toBe('B');
    expect(vip({ ...a, oldestUnpaidDays: 10_000 }, Number.POSITIVE_INFINITY).grade).toBe('A');
  });
});

describe('gradeCustomer with the A–D template', () => {
  const a: GradingMetrics = {
    ...none,
    trailing12mRevenueCents: 20 * WAN,
    ordersLast12m: 12,
    onTimePaymentRatio: 0.9,
  };

  it('makes A exactly on its three bounds', () => {
    expect(gradeCustomer(a, ABCD_GRADING).grade).toBe('A');
    expect(gradeCustomer({ ...a, ordersLast12m: 11 }, ABCD_GRADING).grade).toBe('B');
    expect(gradeCustomer({ ...a, onTimePaymentRatio: 0.89 }, ABCD_GRADING).grade).toBe('B');
  });

  it('never gives A or B without a payment record', () => {
    const result = gradeCustomer({ ...a, onTimePaymentRatio: null }, ABCD_GRADING);
    expect(result.grade).toBe('C');
    expect(result.reasons[0]).toEqual({
      'zh-CN': '未达A级:按时付款比例 无记录(要求≥ 90%)',
      en: 'Not A: on-time payment ratio no record (needs ≥ 90%)',
    });
  });

  it('puts C at 1万 a year and two orders, and D below', () => {
    const c = { ...none, trailing12mRevenueCents: 1 * WAN, ordersLast12m: 2 };
    expect(gradeCustomer(c, ABCD_GRADING).grade).toBe('C');
    expect(gradeCustomer({ ...c, ordersLast12m: 1 }, ABCD_GRADING).grade).toBe('D');
    expect(gradeCustomer(none, ABCD_GRADING)).toMatchObject({
      grade: 'D',
      policy: { paymentTermsDays: 0 },
    });
  });
});

describe('gradeCustomer with other rule sets', () => {
  const policy = {
    paymentTermsDays: 0,
    supportLevel: { 'zh-CN': '标准', en: 'standard' },
    description: { 'zh-CN': '说明', en: 'note' },
  };
  const label = { 'zh-CN': '甲', en: 'X' };

  it('falls back to the last grade when no grade matches', () => {
    const strict: GradingRuleSet = {
      id: 'strict',
      name: label,
      grades: [
        {
          grade: 'X',
          label,
          policy,
          conditions: [{ metric: 'productLines', op: 'gte', value: 3 }],
        },
        {
          grade: 'Y',
          label,
          policy,
          conditions: [{ metric: 'productLines', op: 'gte', value: 2 }],
        },
      ],
    };
    expect(gradeCustomer(none, strict).grade).toBe('Y');
  });

  it('reads no unpaid amount as 0 days for lte conditions', () => {
    const prompt: GradingRuleSet = {
      id: 'prompt',
      name: label,
      grades: [
        {
          grade: 'P',
          label,
          policy,
          conditions: [{ metric: 'oldestUnpaidDays', op: 'lte', value: 0 }],
        },
        { grade: 'Q', label, policy, conditions: [] },
      ],
    };
    expect(gradeCustomer(none, prompt).grade).toBe('P');
    expect(gradeCustomer({ ...none, oldestUnpaidDays: 1 }, prompt).grade).toBe('Q');
  });

  it('refuses a rule set without grades', () => {
    expect(() => gradeCustomer(none, { id: 'empty', name: label, grades: [] })).toThrow(RangeError);
  });
});
