import { describe, expect, it } from 'vitest';
import { countKeyAction, countKeyActions } from './countKeyActions';
import {
  buildActivity,
  buildDocument,
  buildFacts,
  daysAfterEntry,
  ENTERED_AT,
  NOW,
} from './testFixtures';
import type { KeyAction } from './types';

const label = { 'zh-CN': '动作', en: 'Action' };

describe('countKeyAction', () => {
  it('counts every activity when no filter is set', () => {
    const action: KeyAction = { id: 'any', label, kind: 'activity', minCount: 1 };
    const facts = buildFacts({
      activities: [buildActivity({ type: 'email', effective: false }), buildActivity()],
    });
    expect(countKeyAction(action, facts)).toBe(2);
  });

  it('counts only the listed activity types', () => {
    const action: KeyAction = {
      id: 'visits',
      label,
      kind: 'activity',
      activityTypes: ['visit', 'meeting'],
      minCount: 1,
    };
    const facts = buildFacts({
      activities: [
        buildActivity({ type: 'visit' }),
        buildActivity({ type: 'meeting' }),
        buildActivity({ type: 'call' }),
      ],
    });
    expect(countKeyAction(action, facts)).toBe(2);
  });

  it('counts only effective activities when effectiveOnly is set', () => {
    const action: KeyAction = {
      id: 'e',
      label,
      kind: 'activity',
      effectiveOnly: true,
      minCount: 3,
    };
    const facts = buildFacts({
      activities: [buildActivity(), buildActivity({ effective: false }), buildActivity()],
    });
    expect(countKeyAction(action, facts)).toBe(2);
  });

  it('counts only activities with contacts in the given roles, never those without a contact', () => {
    const action: KeyAction = {
      id: 'dm',
      label,
      kind: 'activity',
      contactRoles: ['decision_maker', 'approver'],
      minCount: 1,
    };
    const facts = buildFacts({
      activities: [
        buildActivity({ contactRole: 'decision_maker' }),
        buildActivity({ contactRole: 'approver' }),
        buildActivity({ contactRole: 'user' }),
        buildActivity({ contactRole: null }),
      ],
    });
    expect(countKeyAction(action, facts)).toBe(2);
  });

  it('counts from the moment the deal entered its stage up to now', () => {
    const action: KeyAction = { id: 'a', label, kind: 'activity', minCount: 1 };
    const facts = buildFacts({
      activities: [
        buildActivity({ occurredAt: new Date(ENTERED_AT.getTime() - 1) }),
        buildActivity({ occurredAt: ENTERED_AT }),
        buildActivity({ occurredAt: NOW }),
        buildActivity({ occurredAt: new Date(NOW.getTime() + 1) }),
      ],
    });
    expect(countKeyAction(action, facts)).toBe(2);
  });

  it('counts the last windowDays days instead of the stage when a window is set', () => {
    // NOW is 19 days after entry: a 30-day window reaches back before the stage began.
    const action: KeyAction = { id: 'w', label, kind: 'activity', windowDays: 30, minCount: 1 };
    const facts = buildFacts({
      activities: [
        buildActivity({ occurredAt: daysAfterEntry(-10) }),
        buildActivity({ occurredAt: daysAfterEntry(-12) }),
        buildActivity({ occurredAt: daysAfterEntry(5) }),
      ],
    });
    expect(countKeyAction(action, facts)).toBe(2);
    const shortWindow: KeyAction = { ...action, windowDays: 7 };
    expect(countKeyAction(shortWindow, facts)).toBe(0);
  });

  it('counts documents of the requested kind inside the window', () => {
    const action: KeyAction = {
      id: 'q',
      label,
      kind: 'document',
      documentKind: 'quote',
      minCount: 1,
    };
    const facts = buildFacts({
      documents: [
        buildDocument({ kind: 'quote' }),
        buildDocument({ kind: 'proposal' }),
        buildDocument({ kind: 'quote', addedAt: daysAfterEntry(-1) }),
      ],
    });
    expect(countKeyAction(action, facts)).toBe(1);
  });

  it('counts a field as 1 when it has a value, whatever the dates', () => {
    const action: KeyAction = { id: 'f', label, kind: 'field', field: 'budget', minCount: 1 };
    expect(countKeyAction(action, buildFacts({ fieldsPresent: new Set(['budget']) }))).toBe(1);
    expect(countKeyAction(action, buildFacts({ fieldsPresent: new Set(['amount']) }))).toBe(0);
  });
});

describe('countKeyActions', () => {
  it('reports have, need and met for each key action in order', () => {
    const actions: KeyAction[] = [
      { id: 'talks', label, kind: 'activity', effectiveOnly: true, minCount: 3 },
      { id: 'proposal', label, kind: 'document', documentKind: 'proposal', minCount: 1 },
    ];
    const facts = buildFacts({
      activities: [buildActivity(), buildActivity()],
      documents: [buildDocument()],
    });
    expect(countKeyActions(actions, facts)).toEqual([
      { id: 'talks', label, have: 2, need: 3, met: false },
      { id: 'proposal', label, have: 1, need: 1, met: true },
    ]);
  });

  it('gives an empty list for a stage without key actions', () => {
    expect(countKeyActions([], buildFacts())).toEqual([]);
  });
});
