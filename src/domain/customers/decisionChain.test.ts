import { describe, expect, it } from 'vitest';
import { type ChainContact, decisionChainWarnings, groupDecisionChain } from './decisionChain';

const contact = (id: string, role: ChainContact['role'], decisionWeight: number | null = null) => ({
  id,
  role,
  decisionWeight,
});

describe('decisionChainWarnings', () => {
  it('warns that nobody is known and so no decision maker either', () => {
    expect(decisionChainWarnings([])).toEqual(['no_contacts', 'no_decision_maker']);
  });

  it('warns when contacts exist but none decides', () => {
    expect(
      decisionChainWarnings([
        contact('a', 'influencer', 3),
        contact('b', null),
        contact('c', 'approver'),
      ]),
    ).toEqual(['no_decision_maker']);
  });

  it('is quiet once a decision maker is known', () => {
    expect(decisionChainWarnings([contact('a', 'decision_maker'), contact('b', 'user')])).toEqual(
      [],
    );
  });
});

describe('groupDecisionChain', () => {
  it('lists every role in the chain order, heaviest first, with the weight sum', () => {
    const { groups, unassigned } = groupDecisionChain([
      contact('light', 'influencer', 2),
      contact('boss', 'decision_maker', 5),
      contact('heavy', 'influencer', 4),
      contact('unknown', 'influencer'),
      contact('nobody', null, 1),
    ]);
    expect(groups.map((group) => group.role)).toEqual([
      'decision_maker',
      'approver',
      'influencer',
      'user',
      'technical_evaluator',
      'gatekeeper',
      'champion',
    ]);
    const influencers = groups.find((group) => group.role === 'influencer');
    expect(influencers?.contacts.map((c) => c.id)).toEqual(['heavy', 'light', 'unknown']);
    expect(influencers?.totalWeight).toBe(6);
    expect(groups.find((group) => group.role === 'approver')?.contacts).toEqual([]);
    expect(unassigned.map((c) => c.id)).toEqual(['nobody']);
  });
});
