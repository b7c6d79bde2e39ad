import { describe, expect, it } from 'vitest';
import { ABCD_GRADING, VIP_ABC_GRADING } from './gradingRuleSets';
import { validateGradingOptions, validateGradingRules } from './validateGradingRules';

const text = { 'zh-CN': '文字', en: 'text' };
const policy = { paymentTermsDays: 15, supportLevel: text, description: text };

describe('validateGradingRules', () => {
  it('accepts both seed rule sets', () => {
    expect(validateGradingRules(VIP_ABC_GRADING)).toEqual([]);
    expect(validateGradingRules(ABCD_GRADING)).toEqual([]);
  });

  it('rejects what is not a rule set', () => {
    expect(validateGradingRules('VIP')).toEqual(['ruleSet: must be an object']);
    expect(validateGradingRules({ id: 'x', name: text, grades: [] })).toEqual([
      'grades: must be a non-empty list',
    ]);
  });

  it('names each broken field by its path', () => {
    const problems = validateGradingRules({
      id: '',
      name: { en: 'x' },
      grades: [
        {
          grade: 'A',
          label: text,
          policy: { ...policy, paymentTermsDays: 7.5, creditLimitCents: -1 },
          conditions: [
            { metric: 'revenue', op: 'gte', value: 1 },
            { metric: 'paidCents', op: 'gt', value: 0.5 },
            { metric: 'onTimePaymentRatio', op: 'gte', value: 90 },
          ],
        },
        { grade: 'A', label: text, policy: null, conditions: 'none' },
        {
          grade: 'C',
          label: text,
          policy,
          conditions: [{ metric: 'productLines', op: 'gte', value: Number.NaN }],
        },
      ],
    });
    expect(problems).toEqual([
      'id: must be a non-empty string',
      'name.zh-CN: must be a non-empty string',
      'grades[0].policy.paymentTermsDays: must be a whole number of days, 0 or more',
      'grades[0].policy.creditLimitCents: must be whole cents, 0 or more',
      expect.stringMatching(
        /^grades\[0\]\.conditions\[0\]\.metric: must be one of trailingMonthly/,
      ),
      'grades[0].conditions[1].op: must be one of gte, lte',
      'grades[0].conditions[1].value: money is whole cents',
      'grades[0].conditions[2].value: a ratio is between 0 and 1',
      "grades[1].grade: duplicate grade 'A'",
      'grades[1].policy: must be an object',
      'grades[1].conditions: must be a list',
      'grades[2].conditions[0].value: must be a finite number',
      'grades[2].conditions: the last grade must have no conditions',
    ]);
  });
});

describe('validateGradingOptions', () => {
  it('accepts defaults, whole days and Infinity', () => {
    expect(validateGradingOptions({})).toEqual([]);
    expect(validateGradingOptions({ unpaidDowngradeDays: 0 })).toEqual([]);
    expect(validateGradingOptions({ unpaidDowngradeDays: Number.POSITIVE_INFINITY })).toEqual([]);
  });

  it('rejects negative or non-numeric days', () => {
    const problem = ['unpaidDowngradeDays: must be a number of days, 0 or more'];
    expect(validateGradingOptions({ unpaidDowngradeDays: -1 })).toEqual(problem);
    expect(validateGradingOptions({ unpaidDowngradeDays: '30' })).toEqual(problem);
    expect(validateGradingOptions(null)).toEqual(['options: must be an object']);
  });
});
