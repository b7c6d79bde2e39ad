import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_RULES } from './defaultScoringRules';
import { validateScoringRules } from './validateScoringRules';

const label = { 'zh-CN': '规模', en: 'Size' };

describe('validateScoringRules', () => {
  it('accepts the default rules', () => {
    expect(validateScoringRules(DEFAULT_SCORING_RULES)).toEqual([]);
  });

  it('rejects what is not a rule set', () => {
    expect(validateScoringRules(null)).toEqual(['rules: must be an object']);
    expect(validateScoringRules({ threshold: 'high' })).toEqual([
      'threshold: must be a finite number',
      'criteria: must be a list',
    ]);
  });

  it('names each broken field by its path', () => {
    const problems = validateScoringRules({
      threshold: 10,
      criteria: [
        { id: 'a', label, field: 'headcount', op: 'gte', value: '50', points: 1.5 },
        { id: 'a', label: { 'zh-CN': '' }, field: 'custom.', op: 'eq', points: 1 },
        { id: 'c', label, field: 'tags', op: 'like', value: 'x', points: 1 },
        { id: 'd', label, field: 'province', op: 'in', value: [], points: 1 },
        { id: 'e', label, field: 'tags', op: 'tag', value: ' ', points: 1 },
        'oops',
      ],
    });
    expect(problems).toEqual([
      'criteria[0].points: must be an integer',
      'criteria[0].value: must be a finite number for gte',
      "criteria[1].id: duplicate id 'a'",
      'criteria[1].label.zh-CN: must be a non-empty string',
      'criteria[1].label.en: must be a non-empty string',
      'criteria[1].field: must be a field name such as headcount or custom.hasLan',
      'criteria[1].value: must be a string, number or boolean for eq',
      'criteria[2].op: must be one of eq, in, gte, lte, present, tag',
      'criteria[3].value: must be a non-empty list of strings for in',
      'criteria[4].value: must be a non-empty tag for tag',
      'criteria[5]: must be an object',
    ]);
  });

  it('needs no value for present', () => {
    const rules = {
      threshold: 1,
      criteria: [{ id: 'w', label, field: 'website', op: 'present', points: 1 }],
    };
    expect(validateScoringRules(rules)).toEqual([]);
  });
});
