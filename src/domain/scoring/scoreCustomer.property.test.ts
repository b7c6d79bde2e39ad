import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_RULES } from './defaultScoringRules';
import { type ScoringCriterion, type ScoringRuleSet, scoreCustomer } from './scoreCustomer';

const keys = ['a', 'b', 'c', 'd'];
const label = { 'zh-CN': '条件', en: 'criterion' };

const fieldValue = fc.oneof(
  fc.boolean(),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom('yes', '否', '50', 'x'),
);

const customer = fc.record({
  headcount: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  custom: fc.dictionary(fc.constantFrom(...keys), fieldValue),
  tags: fc.array(fc.constantFrom('财务软件', '局域网', 'vip')),
});

const criterion: fc.Arbitrary<ScoringCriterion> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  label: fc.constant(label),
  field: fc.constantFrom('headcount', 'tags', ...keys.map((k) => `custom.${k}`)),
  op: fc.constantFrom('eq', 'in', 'gte', 'lte', 'present', 'tag'),
  value: fc.oneof(fieldValue, fc.array(fc.constantFrom('yes', 'x', '局域网'))),
  points: fc.integer({ min: 0, max: 30 }),
});

const ruleSet: fc.Arbitrary<ScoringRuleSet> = fc.record({
  criteria: fc.array(criterion, { maxLength: 8 }),
  threshold: fc.integer({ min: 0, max: 100 }),
});

describe('scoreCustomer properties', () => {
  it('adding a matching criterion never lowers the score or the verdict', () => {
    fc.assert(
      fc.property(customer, ruleSet, fc.integer({ min: 0, max: 30 }), (c, rules, points) => {
        const before = scoreCustomer(c, rules);
        const extra: ScoringCriterion = {
          id: 'extra',
          label,
          field: 'tags',
          op: 'present',
          points,
        };
        const after = scoreCustomer(c, { ...rules, criteria: [...rules.criteria, extra] });
        const matched = c.tags.length > 0;
        expect(after.score).toBe(before.score + (matched ? points : 0));
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        if (before.qualified) expect(after.qualified).toBe(true);
      }),
    );
  });

  it('the score is the sum of the matched reasons, whatever the order of criteria', () => {
    fc.assert(
      fc.property(customer, ruleSet, (c, rules) => {
        const result = scoreCustomer(c, rules);
        const sum = result.reasons.filter((r) => r.matched).reduce((s, r) => s + r.points, 0);
        expect(result.score).toBe(sum);
        expect(result.qualified).toBe(result.score >= rules.threshold);
        const reversed = scoreCustomer(c, { ...rules, criteria: [...rules.criteria].reverse() });
        expect(reversed.score).toBe(result.score);
      }),
    );
  });

  it('turning a default yes/no field on never lowers the default score', () => {
    const flags = DEFAULT_SCORING_RULES.criteria
      .map((c) => c.field)
      .filter((f) => f.startsWith('custom.'))
      .map((f) => f.slice('custom.'.length));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...flags), fc.boolean()),
        fc.constantFrom(...flags),
        (custom, flag) => {
          const before = scoreCustomer({ custom }, DEFAULT_SCORING_RULES).score;
          const after = scoreCustomer(
            { custom: { ...custom, [flag]: true } },
            DEFAULT_SCORING_RULES,
          );
          expect(after.score).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});
