import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type LapseRule,
  lapseExemption,
  rankLapseRules,
  ruleMatches,
  selectLapseRule,
  validateLapseRule,
} from './lapseRules';

const rule = (fields: Partial<LapseRule> & { id: string }): LapseRule => ({
  teamId: null,
  funnelId: null,
  noActivityDays: 30,
  noProgressDays: null,
  warnDays: 3,
  exemptWon: true,
  exemptStageKeys: [],
  exemptGrades: [],
  ...fields,
});

describe('selectLapseRule', () => {
  const org = rule({ id: 'org' });
  const teamA = rule({ id: 'teamA', teamId: 'A' });
  const funnel1 = rule({ id: 'funnel1', funnelId: 'F1' });
  const teamAFunnel1 = rule({ id: 'teamA-funnel1', teamId: 'A', funnelId: 'F1' });
  const all = [org, teamA, funnel1, teamAFunnel1];

  it('picks the most specific matching rule', () => {
    expect(selectLapseRule(all, { teamId: 'A', funnelIds: ['F1'] })?.id).toBe('teamA-funnel1');
    expect(selectLapseRule(all, { teamId: 'B', funnelIds: ['F1'] })?.id).toBe('funnel1');
    expect(selectLapseRule(all, { teamId: 'A', funnelIds: [] })?.id).toBe('teamA');
    expect(selectLapseRule(all, { teamId: null, funnelIds: ['F2'] })?.id).toBe('org');
  });

  it('answers null when no rule applies', () => {
    expect(selectLapseRule([teamA], { teamId: 'B', funnelIds: [] })).toBeNull();
  });

  it('breaks ties between equally specific rules by their given order', () => {
    const f2 = rule({ id: 'funnel2', funnelId: 'F2' });
    expect(selectLapseRule([f2, funnel1], { teamId: null, funnelIds: ['F1', 'F2'] })?.id).toBe(
      'funnel2',
    );
  });

  it('always returns a matching rule no less specific than any other match', () => {
    const ids = fc.constantFrom(null, 'A', 'B');
    const funnels = fc.constantFrom(null, 'F1', 'F2');
    const arbitraryRule = fc
      .record({ teamId: ids, funnelId: funnels, n: fc.nat(1000) })
      .map(({ teamId, funnelId, n }) => rule({ id: `r${n}`, teamId, funnelId }));
    fc.assert(
      fc.property(
        fc.array(arbitraryRule, { maxLength: 8 }),
        ids,
        fc.subarray(['F1', 'F2']),
        (rules, teamId, funnelIds) => {
          const scope = { teamId, funnelIds };
          const chosen = selectLapseRule(rules, scope);
          const matching = rules.filter((r) => ruleMatches(r, scope));
          if (matching.length === 0) {
            expect(chosen).toBeNull();
            return;
          }
          expect(chosen && ruleMatches(chosen, scope)).toBe(true);
          expect(rankLapseRules(matching)[0]).toBe(chosen);
        },
      ),
    );
  });
});

describe('lapseExemption', () => {
  const r = rule({ id: 'x', exemptStageKeys: ['order', 'active'], exemptGrades: ['A', 'VIP'] });

  it('spares customers with a won deal, in chosen stages or of chosen grades', () => {
    expect(lapseExemption(r, { hasWonDeal: true, stageKeys: [], grade: null })).toBe('won_deal');
    expect(
      lapseExemption(r, { hasWonDeal: false, stageKeys: ['intent', 'order'], grade: 'C' }),
    ).toBe('stage');
    expect(lapseExemption(r, { hasWonDeal: false, stageKeys: [], grade: 'VIP' })).toBe('grade');
    expect(lapseExemption(r, { hasWonDeal: false, stageKeys: ['intent'], grade: 'C' })).toBeNull();
  });

  it('does not spare a won customer when the rule says so', () => {
    const strict = { ...r, exemptWon: false };
    expect(lapseExemption(strict, { hasWonDeal: true, stageKeys: [], grade: null })).toBeNull();
  });
});

describe('validateLapseRule', () => {
  it('needs at least one trigger', () => {
    expect(validateLapseRule({ noActivityDays: null, noProgressDays: null, warnDays: 0 })).toEqual([
      { field: 'noActivityDays', message: expect.stringContaining('set') },
    ]);
  });

  it('keeps days whole and in range, and the warning shorter than the rule', () => {
    expect(validateLapseRule({ noActivityDays: 0, noProgressDays: 1.5, warnDays: 1 })).toEqual([
      expect.objectContaining({ field: 'noActivityDays' }),
      expect.objectContaining({ field: 'noProgressDays' }),
    ]);
    expect(validateLapseRule({ noActivityDays: 7, noProgressDays: 60, warnDays: 7 })).toEqual([
      expect.objectContaining({ field: 'warnDays' }),
    ]);
    expect(validateLapseRule({ noActivityDays: 30, noProgressDays: 60, warnDays: 3 })).toEqual([]);
  });
});
