import { describe, expect, it } from 'vitest';
import { evaluateStageGate, type StageGateInput, UnknownStageError } from './evaluateStageGate';
import { getFunnelTemplate } from './templates';
import { buildActivity, buildDocument, buildFacts, SMALL_FUNNEL } from './testFixtures';
import type { DealFacts, FunnelStage } from './types';

function gate(
  fromKey: string,
  toKey: string,
  options: {
    checked?: Record<string, string[]>;
    facts?: DealFacts;
    stages?: readonly FunnelStage[];
  } = {},
) {
  const input: StageGateInput<FunnelStage['name']> = {
    stages: options.stages ?? SMALL_FUNNEL,
    fromKey,
    toKey,
    checkedCriteria: options.checked ?? {},
    facts: options.facts ?? buildFacts(),
  };
  return evaluateStageGate(input);
}

const unmetIds = (result: ReturnType<typeof gate>) =>
  result.unmet.map((item) => `${item.kind}:${item.stageKey}.${item.id}`);

const twoCalls = [buildActivity(), buildActivity()];

describe('evaluateStageGate', () => {
  it('treats a move to the same stage as a no-op that is not allowed', () => {
    expect(gate('propose', 'propose')).toEqual({ allowed: false, direction: 'same', unmet: [] });
  });

  it('refuses unknown stage keys', () => {
    expect(() => gate('qualify', 'nowhere')).toThrow(UnknownStageError);
    expect(() => gate('nowhere', 'qualify')).toThrow(/nowhere/);
  });

  describe('backwards', () => {
    it('allows a move back without any gate, even with nothing done', () => {
      expect(gate('negotiate', 'qualify')).toEqual({
        allowed: true,
        direction: 'backward',
        unmet: [],
      });
    });
  });

  describe('to lost', () => {
    it('allows losing a deal from any open stage without a gate', () => {
      for (const from of ['qualify', 'propose', 'negotiate']) {
        expect(gate(from, 'lost')).toEqual({ allowed: true, direction: 'terminal', unmet: [] });
      }
    });
  });

  describe('out of a terminal stage', () => {
    it('refuses to move a won deal anywhere and says it must be reopened', () => {
      const result = gate('won', 'negotiate');
      expect(result.allowed).toBe(false);
      expect(result.direction).toBe('terminal');
      expect(result.unmet).toEqual([
        { kind: 'terminal', stageKey: 'won', id: 'won', label: { 'zh-CN': '成交', en: 'Won' } },
      ]);
    });

    it('refuses to move a lost deal, even to won', () => {
      expect(unmetIds(gate('lost', 'qualify'))).toEqual(['terminal:lost.lost']);
      expect(unmetIds(gate('lost', 'won'))).toEqual(['terminal:lost.lost']);
      expect(gate('won', 'lost').allowed).toBe(false);
    });
  });

  describe('forwards by one stage', () => {
    it("lists the left stage's key actions and the entered stage's required criteria", () => {
      const result = gate('qualify', 'propose');
      expect(result.allowed).toBe(false);
      expect(result.direction).toBe('forward');
      expect(result.unmet).toEqual([
        {
          kind: 'keyAction',
          stageKey: 'qualify',
          id: 'calls',
          label: { 'zh-CN': '两次有效电话', en: 'Two effective calls' },
          have: 0,
          need: 2,
        },
        {
          kind: 'criterion',
          stageKey: 'propose',
          id: 'need_confirmed',
          label: { 'zh-CN': '需求已确认', en: 'Need confirmed' },
        },
      ]);
    });

    it('reports partial progress on a key action', () => {
      const result = gate('qualify', 'propose', {
        facts: buildFacts({ activities: [buildActivity()] }),
        checked: { propose: ['need_confirmed'] },
      });
      expect(result.unmet).toMatchObject([{ id: 'calls', have: 1, need: 2 }]);
    });

    it('allows the move once key actions are done and required criteria checked', () => {
      const result = gate('qualify', 'propose', {
        facts: buildFacts({ activities: twoCalls }),
        checked: { propose: ['need_confirmed'] },
      });
      expect(result).toEqual({ allowed: true, direction: 'forward', unmet: [] });
    });

    it('ignores optional criteria and ticks for other stages', () => {
      const result = gate('qualify', 'propose', {
        facts: buildFacts({ activities: twoCalls }),
        checked: { negotiate: ['need_confirmed'] },
      });
      expect(unmetIds(result)).toEqual(['criterion:propose.need_confirmed']);
    });

    it('does not count ineffective calls or calls from before the stage began', () => {
      const result = gate('qualify', 'propose', {
        facts: buildFacts({
          activities: [
            buildActivity({ effective: false }),
            buildActivity({ occurredAt: new Date('2025-02-01T00:00:00Z') }),
            buildActivity(),
          ],
        }),
        checked: { propose: ['need_confirmed'] },
      });
      expect(result.unmet).toMatchObject([{ id: 'calls', have: 1 }]);
    });
  });

  describe('forwards across several stages', () => {
    it('collects the gates of every stage entered on the way', () => {
      expect(unmetIds(gate('qualify', 'negotiate'))).toEqual([
        'keyAction:qualify.calls',
        'criterion:propose.need_confirmed',
        'keyAction:propose.proposal',
        'criterion:negotiate.shortlisted',
      ]);
    });

    it('allows the jump when every step is satisfied', () => {
      const result = gate('qualify', 'negotiate', {
        facts: buildFacts({ activities: twoCalls, documents: [buildDocument()] }),
        checked: { propose: ['need_confirmed'], negotiate: ['shortlisted'] },
      });
      expect(result).toEqual({ allowed: true, direction: 'forward', unmet: [] });
    });
  });

  describe('to won', () => {
    it("needs won's criteria and the last open stage's key actions", () => {
      const result = gate('negotiate', 'won');
      expect(result.direction).toBe('terminal');
      expect(unmetIds(result)).toEqual(['keyAction:negotiate.budget', 'criterion:won.signed']);
    });

    it('is allowed once signed and the budget is known', () => {
      const result = gate('negotiate', 'won', {
        facts: buildFacts({ fieldsPresent: new Set(['budget']) }),
        checked: { won: ['signed'] },
      });
      expect(result).toEqual({ allowed: true, direction: 'terminal', unmet: [] });
    });

    it('walks the whole chain when jumping from an early stage', () => {
      expect(unmetIds(gate('qualify', 'won'))).toEqual([
        'keyAction:qualify.calls',
        'criterion:propose.need_confirmed',
        'keyAction:propose.proposal',
        'criterion:negotiate.shortlisted',
        'keyAction:negotiate.budget',
        'criterion:won.signed',
      ]);
    });
  });

  describe('with a shipped template', () => {
    const sevenStage = getFunnelTemplate('seven-stage');
    if (!sevenStage) throw new Error('seven-stage template missing');

    it('gates target → potential with the seed’s screening assessment, not its optional standards', () => {
      const result = gate('target', 'potential', { stages: sevenStage.stages });
      expect(unmetIds(result)).toEqual([
        'keyAction:target.info_industry',
        'keyAction:target.info_headcount',
        'keyAction:target.first_contact',
        'criterion:potential.fits_target',
        'criterion:potential.needs_oa',
        'criterion:potential.profitable',
        'criterion:potential.no_adequate_system',
      ]);
    });

    it('gates accepted → negotiation with the 初步认可 assessment', () => {
      const result = gate('accepted', 'negotiation', {
        stages: sevenStage.stages,
        checked: { negotiation: ['product_accepted', 'sole_or_shortlisted'] },
      });
      expect(unmetIds(result)).toEqual(['criterion:negotiation.timetable_set']);
    });
  });
});
