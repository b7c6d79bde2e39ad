import type { ActivityKeyAction, DealFacts, KeyAction } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface KeyActionProgress<Text> {
  id: string;
  label: Text;
  have: number;
  need: number;
  met: boolean;
}

/**
 * Facts count from the moment the deal entered its current stage (the work of this stage is
 * what qualifies it for the next), or over the last `windowDays` when the action sets one.
 * Facts dated after `now` are plans, not work done, so they never count.
 */
function countingFrom(action: KeyAction<unknown>, facts: DealFacts): number {
  return action.windowDays === undefined
    ? facts.stageEnteredAt.getTime()
    : facts.now.getTime() - action.windowDays * DAY_MS;
}

function activityMatches(
  action: ActivityKeyAction<unknown>,
  activity: DealFacts['activities'][number],
): boolean {
  if (action.activityTypes && !action.activityTypes.includes(activity.type)) return false;
  if (action.effectiveOnly && !activity.effective) return false;
  if (action.contactRoles) {
    return activity.contactRole !== null && action.contactRoles.includes(activity.contactRole);
  }
  return true;
}

/** How many facts count towards one key action. */
export function countKeyAction(action: KeyAction<unknown>, facts: DealFacts): number {
  const from = countingFrom(action, facts);
  const until = facts.now.getTime();
  const inWindow = (at: Date) => at.getTime() >= from && at.getTime() <= until;
  switch (action.kind) {
    case 'activity':
      return facts.activities.filter(
        (activity) => inWindow(activity.occurredAt) && activityMatches(action, activity),
      ).length;
    case 'document':
      return facts.documents.filter(
        (document) => document.kind === action.documentKind && inWindow(document.addedAt),
      ).length;
    case 'field':
      // A field's value is a state, not an event, so no window applies.
      return facts.fieldsPresent.has(action.field) ? 1 : 0;
  }
}

/** Progress on each key action of a stage, for the "2/3" display on a deal. */
export function countKeyActions<Text>(
  keyActions: readonly KeyAction<Text>[],
  facts: DealFacts,
): KeyActionProgress<Text>[] {
  return keyActions.map((action) => {
    const have = countKeyAction(action, facts);
    return {
      id: action.id,
      label: action.label,
      have,
      need: action.minCount,
      met: have >= action.minCount,
    };
  });
}
