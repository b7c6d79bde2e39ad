import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, CONTACT_ROLES } from '../vocabulary';
import { countKeyActions } from './countKeyActions';
import { evaluateStageGate, type StageGateResult } from './evaluateStageGate';
import { FUNNEL_TEMPLATES } from './templates';
import { ENTERED_AT, NOW, SMALL_FUNNEL } from './testFixtures';
import {
  type ActivityFact,
  type DealFacts,
  DOCUMENT_KINDS,
  type DocumentFact,
  type FunnelStage,
} from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
const FIELDS = ['industry', 'headcount', 'amount', 'budget', 'expectedCloseDate'];
const FUNNELS: readonly (readonly FunnelStage[])[] = [
  SMALL_FUNNEL,
  ...FUNNEL_TEMPLATES.map((template) => template.stages),
];

// Dates from a month before the stage began to three weeks after `now`.
const dateArb = fc
  .integer({ min: -30, max: 40 })
  .map((days) => new Date(ENTERED_AT.getTime() + days * DAY_MS));

const activityArb: fc.Arbitrary<ActivityFact> = fc.record({
  type: fc.constantFrom(...ACTIVITY_TYPES),
  effective: fc.boolean(),
  occurredAt: dateArb,
  contactRole: fc.option(fc.constantFrom(...CONTACT_ROLES), { nil: null }),
});

const documentArb: fc.Arbitrary<DocumentFact> = fc.record({
  kind: fc.constantFrom(...DOCUMENT_KINDS),
  addedAt: dateArb,
});

const factsArb: fc.Arbitrary<DealFacts> = fc
  .record({
    activities: fc.array(activityArb, { maxLength: 15 }),
    documents: fc.array(documentArb, { maxLength: 10 }),
    fields: fc.subarray(FIELDS),
  })
  .map(({ activities, documents, fields }) => ({
    activities,
    documents,
    fieldsPresent: new Set(fields),
    stageEnteredAt: ENTERED_AT,
    now: NOW,
  }));

type ExtraFact = { activity: ActivityFact } | { document: DocumentFact } | { field: string };
const extraFactArb: fc.Arbitrary<ExtraFact> = fc.oneof(
  activityArb.map((activity) => ({ activity })),
  documentArb.map((document) => ({ document })),
  fc.constantFrom(...FIELDS).map((field) => ({ field })),
);

function withFact(facts: DealFacts, extra: ExtraFact): DealFacts {
  if ('activity' in extra) return { ...facts, activities: [...facts.activities, extra.activity] };
  if ('document' in extra) return { ...facts, documents: [...facts.documents, extra.document] };
  return { ...facts, fieldsPresent: new Set([...facts.fieldsPresent, extra.field]) };
}

/** Per stage, a random subset of its criteria, or all of them so that some gates open. */
function checkedArb(stages: readonly FunnelStage[]): fc.Arbitrary<Record<string, string[]>> {
  const perStage = stages.map((stage) => {
    const ids = stage.criteria.map((criterion) => criterion.id);
    return fc.oneof(fc.subarray(ids), fc.constant(ids));
  });
  return fc
    .tuple(...perStage)
    .map((lists) =>
      Object.fromEntries(stages.map((stage, index) => [stage.key, lists[index] ?? []])),
    );
}

const openKeys = (stages: readonly FunnelStage[]) =>
  stages.filter((stage) => stage.terminal === null).map((stage) => stage.key);

const anyMoveArb = fc.constantFrom(...FUNNELS).chain((stages) => {
  const keys = stages.map((stage) => stage.key);
  return fc.record({
    stages: fc.constant(stages),
    fromKey: fc.constantFrom(...keys),
    toKey: fc.constantFrom(...keys),
    checkedCriteria: checkedArb(stages),
    facts: factsArb,
  });
});

/** From an open stage to a later open stage or to won. */
const forwardMoveArb = fc.constantFrom(...FUNNELS).chain((stages) => {
  const path = [...openKeys(stages), 'won'];
  return fc.integer({ min: 0, max: path.length - 2 }).chain((from) =>
    fc.record({
      stages: fc.constant(stages),
      fromKey: fc.constant(path[from] ?? ''),
      toKey: fc.integer({ min: from + 1, max: path.length - 1 }).map((to) => path[to] ?? ''),
      checkedCriteria: checkedArb(stages),
      facts: factsArb,
    }),
  );
});

const unmetKeys = (result: StageGateResult<unknown>) =>
  new Set(result.unmet.map((item) => `${item.kind}:${item.stageKey}.${item.id}`));

describe('evaluateStageGate properties', () => {
  // Forward moves are the only ones that read facts, so they are where a regression would show.
  it('adding a fact never makes a met requirement unmet', () => {
    fc.assert(
      fc.property(forwardMoveArb, extraFactArb, (move, extra) => {
        const before = evaluateStageGate(move);
        const after = evaluateStageGate({ ...move, facts: withFact(move.facts, extra) });
        const stillUnmet = unmetKeys(before);
        for (const key of unmetKeys(after)) expect(stillUnmet.has(key)).toBe(true);
        if (before.allowed) expect(after.allowed).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('adding a fact never lowers the progress on any key action', () => {
    const keyActions = FUNNELS.flatMap((stages) => stages.flatMap((stage) => stage.keyActions));
    fc.assert(
      fc.property(
        fc.constantFrom(...keyActions),
        factsArb,
        extraFactArb,
        (action, facts, extra) => {
          const [before] = countKeyActions([action], facts);
          const [after] = countKeyActions([action], withFact(facts, extra));
          expect(after?.have).toBeGreaterThanOrEqual(before?.have ?? 0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('checking more criteria never makes a met requirement unmet', () => {
    fc.assert(
      fc.property(anyMoveArb, (move) => {
        const allChecked = Object.fromEntries(
          move.stages.map((stage) => [stage.key, stage.criteria.map((criterion) => criterion.id)]),
        );
        const before = unmetKeys(evaluateStageGate(move));
        const after = evaluateStageGate({ ...move, checkedCriteria: allChecked });
        for (const key of unmetKeys(after)) expect(before.has(key)).toBe(true);
        expect(after.unmet.every((item) => item.kind !== 'criterion')).toBe(true);
      }),
    );
  });

  it('moving backwards never needs a gate', () => {
    const backwardArb = fc.constantFrom(...FUNNELS).chain((stages) => {
      const keys = openKeys(stages);
      return fc.integer({ min: 1, max: keys.length - 1 }).chain((from) =>
        fc.record({
          stages: fc.constant(stages),
          fromKey: fc.constant(keys[from] ?? ''),
          toKey: fc.integer({ min: 0, max: from - 1 }).map((to) => keys[to] ?? ''),
          checkedCriteria: checkedArb(stages),
          facts: factsArb,
        }),
      );
    });
    fc.assert(
      fc.property(backwardArb, (move) => {
        expect(evaluateStageGate(move)).toEqual({
          allowed: true,
          direction: 'backward',
          unmet: [],
        });
      }),
    );
  });

  it('a forward move is allowed exactly when nothing is unmet', () => {
    let allowedSeen = 0;
    fc.assert(
      fc.property(forwardMoveArb, (move) => {
        const result = evaluateStageGate(move);
        expect(result.direction).toBe(move.toKey === 'won' ? 'terminal' : 'forward');
        expect(result.allowed).toBe(result.unmet.length === 0);
        if (result.allowed) allowedSeen += 1;
      }),
      { numRuns: 300 },
    );
    // Guards against a generator that never opens a gate, which would make this test vacuous.
    expect(allowedSeen).toBeGreaterThan(0);
  });

  it('every move other than a same-stage no-op is allowed exactly when nothing is unmet', () => {
    fc.assert(
      fc.property(anyMoveArb, (move) => {
        const result = evaluateStageGate(move);
        expect(result.direction === 'same').toBe(move.fromKey === move.toKey);
        if (result.direction !== 'same') {
          expect(result.allowed).toBe(result.unmet.length === 0);
        }
      }),
    );
  });
});
