import { countKeyActions } from './countKeyActions';
import type { DealFacts, FunnelStage } from './types';

export type StageMoveDirection = 'forward' | 'backward' | 'same' | 'terminal';

/** One thing standing between the deal and the target stage. */
export interface UnmetRequirement<Text> {
  /** `terminal`: the deal is won or lost and must be reopened before it can move. */
  kind: 'criterion' | 'keyAction' | 'terminal';
  /** The stage the item belongs to: the entered stage for criteria, the left one for key actions. */
  stageKey: string;
  id: string;
  label: Text;
  have?: number;
  need?: number;
}

export interface StageGateInput<Text> {
  stages: readonly FunnelStage<Text>[];
  fromKey: string;
  toKey: string;
  /** Checked criterion ids per stage key; only the stages being entered are read. */
  checkedCriteria: Readonly<Record<string, readonly string[]>>;
  facts: DealFacts;
}

export interface StageGateResult<Text> {
  allowed: boolean;
  direction: StageMoveDirection;
  unmet: UnmetRequirement<Text>[];
}

export class UnknownStageError extends Error {
  constructor(readonly stageKey: string) {
    super(`Unknown funnel stage '${stageKey}'`);
    this.name = 'UnknownStageError';
  }
}

function findStage<Text>(stages: readonly FunnelStage<Text>[], key: string): FunnelStage<Text> {
  const stage = stages.find((candidate) => candidate.key === key);
  if (!stage) throw new UnknownStageError(key);
  return stage;
}

/** What entering `entered` from the stage just before it (`left`) still lacks. */
function unmetForStep<Text>(
  left: FunnelStage<Text>,
  entered: FunnelStage<Text>,
  input: StageGateInput<Text>,
): UnmetRequirement<Text>[] {
  const missingActions = countKeyActions(left.keyActions, input.facts)
    .filter((progress) => !progress.met)
    .map(({ id, label, have, need }) => ({
      kind: 'keyAction' as const,
      stageKey: left.key,
      id,
      label,
      have,
      need,
    }));
  const checked = new Set(input.checkedCriteria[entered.key] ?? []);
  const missingCriteria = entered.criteria
    .filter((criterion) => criterion.required && !checked.has(criterion.id))
    .map(({ id, label }) => ({ kind: 'criterion' as const, stageKey: entered.key, id, label }));
  return [...missingActions, ...missingCriteria];
}

/**
 * Decides whether a deal may move from `fromKey` to `toKey`.
 *
 * - Same stage: not allowed, nothing unmet; the caller treats it as a no-op.
 * - Out of `won` or `lost`: not allowed (unmet kind `terminal`); reopening is its own command.
 * - Into `lost`: always allowed; the loss reason is required elsewhere.
 * - Backwards: always allowed, no gate.
 * - Forwards (and into `won`, which comes after the last non-terminal stage): every stage
 *   entered on the way must be qualified, so a jump collects the unmet items of each step:
 *   the key actions of the stage left and the required criteria of the stage entered.
 *   Key actions of skipped stages count the facts gathered in the current stage, since that
 *   is the only time the deal spent before the jump.
 */
export function evaluateStageGate<Text>(input: StageGateInput<Text>): StageGateResult<Text> {
  const from = findStage(input.stages, input.fromKey);
  const to = findStage(input.stages, input.toKey);

  if (from.key === to.key) return { allowed: false, direction: 'same', unmet: [] };
  if (from.terminal !== null) {
    return {
      allowed: false,
      direction: 'terminal',
      unmet: [{ kind: 'terminal', stageKey: from.key, id: from.key, label: from.name }],
    };
  }
  if (to.terminal === 'lost') return { allowed: true, direction: 'terminal', unmet: [] };

  const path = [
    ...input.stages.filter((stage) => stage.terminal === null),
    ...input.stages.filter((stage) => stage.terminal === 'won'),
  ];
  const fromIndex = path.indexOf(from);
  const toIndex = path.indexOf(to);
  if (toIndex < fromIndex) return { allowed: true, direction: 'backward', unmet: [] };

  const unmet: UnmetRequirement<Text>[] = [];
  for (let index = fromIndex + 1; index <= toIndex; index += 1) {
    const left = path[index - 1];
    const entered = path[index];
    if (left && entered) unmet.push(...unmetForStep(left, entered, input));
  }
  return {
    allowed: unmet.length === 0,
    direction: to.terminal === 'won' ? 'terminal' : 'forward',
    unmet,
  };
}
