import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GradingMetrics, type GradingRuleSet, gradeCustomer } from './gradeCustomer';
import { ABCD_GRADING, VIP_ABC_GRADING } from './gradingRuleSets';

const cents = fc.integer({ min: 0, max: 50_000_000 });

const metrics: fc.Arbitrary<GradingMetrics> = fc.record({
  trailingMonthlyRevenueCents: cents,
  trailing12mRevenueCents: cents,
  paidCents: cents,
  outstandingCents: cents,
  oldestUnpaidDays: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  productLines: fc.integer({ min: 0, max: 12 }),
  ordersLast12m: fc.integer({ min: 0, max: 30 }),
  onTimePaymentRatio: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});

const ruleSet = fc.constantFrom(VIP_ABC_GRADING, ABCD_GRADING);

function rank(ruleSet: GradingRuleSet, m: GradingMetrics, unpaidDowngradeDays?: number): number {
  const { grade } = gradeCustomer(m, ruleSet, { unpaidDowngradeDays });
  return ruleSet.grades.findIndex((g) => g.grade === grade);
}

// Lower rank is a better grade.
describe('gradeCustomer properties', () => {
  it('more revenue never lowers a grade when nothing else changes', () => {
    fc.assert(
      fc.property(ruleSet, metrics, cents, cents, (rules, m, monthly, yearly) => {
        const richer = {
          ...m,
          trailingMonthlyRevenueCents: m.trailingMonthlyRevenueCents + monthly,
          trailing12mRevenueCents: m.trailing12mRevenueCents + yearly,
        };
        expect(rank(rules, richer)).toBeLessThanOrEqual(rank(rules, m));
      }),
    );
  });

  it('more product lines or orders never lower a grade', () => {
    fc.assert(
      fc.property(ruleSet, metrics, fc.nat(5), fc.nat(10), (rules, m, lines, orders) => {
        const broader = {
          ...m,
          productLines: m.productLines + lines,
          ordersLast12m: m.ordersLast12m + orders,
        };
        expect(rank(rules, broader)).toBeLessThanOrEqual(rank(rules, m));
      }),
    );
  });

  it('a longer unpaid time never raises a grade', () => {
    fc.assert(
      fc.property(ruleSet, metrics, fc.nat(90), (rules, m, extra) => {
        const later = { ...m, oldestUnpaidDays: (m.oldestUnpaidDays ?? 0) + extra };
        expect(rank(rules, later)).toBeGreaterThanOrEqual(rank(rules, m));
      }),
    );
  });

  it('the unpaid rule moves exactly one grade down, and only past the limit', () => {
    fc.assert(
      fc.property(ruleSet, metrics, fc.nat(60), (rules, m, limit) => {
        const result = gradeCustomer(m, rules, { unpaidDowngradeDays: limit });
        const earned = rank(rules, m, Number.POSITIVE_INFINITY);
        const last = rules.grades.length - 1;
        const late = (m.oldestUnpaidDays ?? 0) > limit;
        expect(result.downgradedForUnpaid).toBe(late && earned < last);
        expect(rank(rules, m, limit)).toBe(result.downgradedForUnpaid ? earned + 1 : earned);
      }),
    );
  });
});
