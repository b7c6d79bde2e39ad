import { describe, expect, it } from 'vitest';
import { criterion, text } from './templates/common';
import { SMALL_FUNNEL } from './testFixtures';
import type { FunnelStage } from './types';
import { validateFunnelStages } from './validateFunnelStages';

function replaceStage(key: string, change: Partial<FunnelStage>): FunnelStage[] {
  return SMALL_FUNNEL.map((stage) => (stage.key === key ? { ...stage, ...change } : stage));
}

describe('validateFunnelStages', () => {
  it('accepts a well-formed funnel', () => {
    expect(validateFunnelStages(SMALL_FUNNEL)).toEqual([]);
  });

  it('rejects probabilities that fall along the open stages', () => {
    expect(validateFunnelStages(replaceStage('negotiate', { probability: 30 }))).toEqual([
      "stages.negotiate.probability: must not be below propose's",
    ]);
  });

  it('rejects probabilities that are not whole percentages', () => {
    expect(validateFunnelStages(replaceStage('qualify', { probability: 10.5 }))).toEqual([
      'stages[0].probability: must be an integer from 0 to 100',
    ]);
    expect(validateFunnelStages(replaceStage('lost', { probability: 5 }))).toContain(
      'stages[4].probability: must be 0 for lost',
    );
  });

  it('rejects duplicate criterion ids within a stage', () => {
    const criteria = [criterion('same', text('一', 'One')), criterion('same', text('二', 'Two'))];
    expect(validateFunnelStages(replaceStage('propose', { criteria }))).toEqual([
      "stages[1].criteria: duplicate id 'same'",
    ]);
  });

  it('rejects a missing translation', () => {
    expect(
      validateFunnelStages(replaceStage('propose', { name: { 'zh-CN': '方案', en: ' ' } })),
    ).toEqual(['stages[1].name.en: must be a non-empty string']);
  });

  it('requires exactly one won and one lost stage, after the open ones', () => {
    const withoutWon = SMALL_FUNNEL.filter((stage) => stage.terminal !== 'won');
    expect(validateFunnelStages(withoutWon)).toEqual(['stages: must have exactly one won stage']);
    const [qualify, propose, negotiate, won, lost] = SMALL_FUNNEL;
    if (!qualify || !propose || !negotiate || !won || !lost) throw new Error('fixture changed');
    expect(validateFunnelStages([qualify, propose, won, negotiate, lost])).toEqual([
      'stages: terminal stages must come after every non-terminal stage',
    ]);
  });

  it('rejects duplicate or malformed stage keys', () => {
    expect(validateFunnelStages(replaceStage('propose', { key: 'qualify' }))).toEqual([
      "stages: duplicate id 'qualify'",
    ]);
    expect(validateFunnelStages(replaceStage('propose', { key: 'Propose Stage' }))).toEqual([
      'stages[1].key: must be a lowercase slug',
    ]);
  });

  it('rejects key actions that cannot be met or counted', () => {
    const keyActions: FunnelStage['keyActions'] = [
      { id: 'zero', label: text('零', 'Zero'), kind: 'activity', minCount: 0 },
      { id: 'two', label: text('二', 'Two'), kind: 'field', field: 'budget', minCount: 2 },
    ];
    expect(validateFunnelStages(replaceStage('qualify', { keyActions }))).toEqual([
      'stages[0].keyActions[0].minCount: must be a positive integer',
      'stages[0].keyActions[1].minCount: must be 1 for a field',
    ]);
  });
});
