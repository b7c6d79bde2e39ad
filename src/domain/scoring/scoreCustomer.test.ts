import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_RULES } from './defaultScoringRules';
import {
  readField,
  type ScoringCriterion,
  type ScoringRuleSet,
  scoreCustomer,
} from './scoreCustomer';

const label = { 'zh-CN': '标签', en: 'label' };

function rule(criterion: Omit<ScoringCriterion, 'id' | 'label' | 'points'>): ScoringRuleSet {
  return { threshold: 1, criteria: [{ id: 'c', label, points: 1, ...criterion }] };
}

function matches(customer: Record<string, unknown>, criterion: Parameters<typeof rule>[0]) {
  return scoreCustomer(customer, rule(criterion)).qualified;
}

const ideal = {
  headcount: 50,
  custom: {
    multiSite: true,
    hasFinanceSoftware: 'yes',
    hasLan: '是',
    managementFocus: 'true',
    knowledgeIntensive: 1,
    nicheLeader: true,
    soundFinances: 'Yes',
  },
};

describe('scoreCustomer with the seed target-customer rules', () => {
  it('gives 100 to a customer meeting every criterion, headcount exactly 50', () => {
    const result = scoreCustomer(ideal, DEFAULT_SCORING_RULES);
    expect(result.score).toBe(100);
    expect(result.qualified).toBe(true);
    expect(result.reasons.every((r) => r.matched)).toBe(true);
  });

  it('does not count 49 employees', () => {
    const result = scoreCustomer({ ...ideal, headcount: 49 }, DEFAULT_SCORING_RULES);
    expect(result.score).toBe(80);
    expect(result.reasons[0]).toEqual({
      criterionId: 'headcount',
      label: { 'zh-CN': '人员规模50人以上', en: 'At least 50 employees' },
      points: 20,
      matched: false,
    });
  });

  it('qualifies at exactly the threshold of 60 and not at 50', () => {
    // headcount 20 + nicheLeader 15 + soundFinances 15 + hasLan 10 = 60
    const at60 = {
      headcount: 80,
      custom: { nicheLeader: true, soundFinances: true, hasLan: 'yes' },
    };
    expect(scoreCustomer(at60, DEFAULT_SCORING_RULES)).toMatchObject({
      score: 60,
      qualified: true,
    });
    const at50 = {
      headcount: 80,
      custom: { nicheLeader: true, soundFinances: true, hasLan: '否' },
    };
    expect(scoreCustomer(at50, DEFAULT_SCORING_RULES)).toMatchObject({
      score: 50,
      qualified: false,
    });
  });

  it('scores an empty customer 0 with every criterion listed as unmatched', () => {
    const result = scoreCustomer({}, DEFAULT_SCORING_RULES);
    expect(result.score).toBe(0);
    expect(result.qualified).toBe(false);
    expect(result.reasons.map((r) => r.criterionId)).toEqual([
      'headcount',
      'multi_site',
      'finance_software',
      'lan',
      'management_focus',
      'knowledge_intensive',
      'niche_leader',
      'sound_finances',
    ]);
    expect(result.reasons.some((r) => r.matched)).toBe(false);
  });

  it('reads a headcount typed as text', () => {
    expect(scoreCustomer({ headcount: ' 120 ' }, DEFAULT_SCORING_RULES).score).toBe(20);
    expect(scoreCustomer({ headcount: 'many' }, DEFAULT_SCORING_RULES).score).toBe(0);
  });
});

describe('scoreCustomer operators', () => {
  it('eq compares booleans leniently, strings after trimming and numbers numerically', () => {
    expect(matches({ custom: { x: 'no' } }, { field: 'custom.x', op: 'eq', value: false })).toBe(
      true,
    );
    expect(matches({ custom: { x: 'maybe' } }, { field: 'custom.x', op: 'eq', value: true })).toBe(
      false,
    );
    expect(
      matches({ industry: ' 制造业 ' }, { field: 'industry', op: 'eq', value: '制造业' }),
    ).toBe(true);
    expect(matches({ headcount: '50' }, { field: 'headcount', op: 'eq', value: 50 })).toBe(true);
    expect(matches({ headcount: 50 }, { field: 'headcount', op: 'eq', value: '50' })).toBe(false);
  });

  it('in matches any listed string', () => {
    const criterion = { field: 'province', op: 'in' as const, value: ['浙江', '四川'] };
    expect(matches({ province: '四川' }, criterion)).toBe(true);
    expect(matches({ province: '广东' }, criterion)).toBe(false);
    expect(matches({}, criterion)).toBe(false);
  });

  it('gte and lte include the bound', () => {
    expect(matches({ headcount: 50 }, { field: 'headcount', op: 'gte', value: 50 })).toBe(true);
    expect(matches({ headcount: 50 }, { field: 'headcount', op: 'lte', value: 50 })).toBe(true);
    expect(matches({ headcount: 51 }, { field: 'headcount', op: 'lte', value: 50 })).toBe(false);
    expect(matches({}, { field: 'headcount', op: 'gte', value: 0 })).toBe(false);
  });

  it('present rejects missing, null, blank text and empty lists but accepts 0 and false', () => {
    const present = (value: unknown) => matches({ v: value }, { field: 'v', op: 'present' });
    expect([undefined, null, '  ', []].map(present)).toEqual([false, false, false, false]);
    expect([0, false, 'x', ['a']].map(present)).toEqual([true, true, true, true]);
  });

  it('tag looks for the tag in the named list', () => {
    const criterion = { field: 'tags', op: 'tag' as const, value: '局域网' };
    expect(matches({ tags: ['财务软件', '局域网'] }, criterion)).toBe(true);
    expect(matches({ tags: ['财务软件'] }, criterion)).toBe(false);
    expect(matches({ tags: '局域网' }, criterion)).toBe(false);
  });

  it('never matches a criterion whose value does not fit its op', () => {
    expect(matches({ headcount: 60 }, { field: 'headcount', op: 'gte', value: '50' })).toBe(false);
    expect(matches({ x: 'a' }, { field: 'x', op: 'eq', value: ['a'] })).toBe(false);
    expect(matches({ x: 'a' }, { field: 'x', op: 'in', value: 'a' })).toBe(false);
  });

  it('adds negative points as a penalty and qualifies an empty rule set at threshold 0', () => {
    const rules: ScoringRuleSet = {
      threshold: 0,
      criteria: [{ id: 'p', label, field: 'flag', op: 'present', points: -5 }],
    };
    expect(scoreCustomer({ flag: 'x' }, rules)).toMatchObject({ score: -5, qualified: false });
    expect(scoreCustomer({}, { threshold: 0, criteria: [] })).toEqual({
      score: 0,
      qualified: true,
      reasons: [],
    });
  });
});

describe('readField', () => {
  it('walks dotted paths and stops at non-objects', () => {
    const record = { custom: { a: { b: 1 } }, name: 'x', list: [1] };
    expect(readField(record, 'custom.a.b')).toBe(1);
    expect(readField(record, 'name.length')).toBeUndefined();
    expect(readField(record, 'list.0')).toBeUndefined();
    expect(readField(record, 'custom.missing.b')).toBeUndefined();
  });
});
