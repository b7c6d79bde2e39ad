import {
  type DealFacts,
  evaluateStageGate,
  type FunnelStage,
  type UnmetRequirement,
} from '../../../domain/funnels';
import type { Locale, Localized, Role } from '../../../domain/vocabulary';
import { AppError, forbidden, validationFailed } from '../../http/errors';

export type MoveDirection = 'initial' | 'forward' | 'backward' | 'terminal';

export interface MoveOutcome {
  /** 'same': already there, nothing to do. */
  direction: MoveDirection | 'same';
  /** A manager or admin moved past unmet requirements with a reason. */
  overridden: boolean;
  /** What the override bypassed (empty when the gate was met). */
  unmet: UnmetRequirement<Localized>[];
}

export interface PresentedUnmet {
  kind: UnmetRequirement<Localized>['kind'];
  stageKey: string;
  id: string;
  label: string;
  have?: number;
  need?: number;
}

export function presentUnmet(
  unmet: readonly UnmetRequirement<Localized>[],
  locale: Locale,
): PresentedUnmet[] {
  return unmet.map((item) => ({ ...item, label: item.label[locale] }));
}

export function stageGateUnmet(
  unmet: readonly UnmetRequirement<Localized>[],
  locale: Locale,
): AppError {
  const terminal = unmet.some((item) => item.kind === 'terminal');
  return new AppError(
    'stage_gate_unmet',
    terminal
      ? 'Won and lost are final: a closed deal does not move'
      : `${unmet.length} requirement(s) of the stage gate are not met`,
    presentUnmet(unmet, locale),
  );
}

// Not a slug, so it never collides with a real stage key.
const OUTSIDE_KEY = '(outside)';

/** Where a customer stands before it enters the lifecycle funnel: nothing to do, nothing to check. */
function outsideStage(): FunnelStage {
  const empty: Localized = { 'zh-CN': '', en: '' };
  return {
    key: OUTSIDE_KEY,
    name: empty,
    definition: empty,
    signatureOutput: empty,
    probability: 0,
    goalMetric: empty,
    keyActions: [],
    criteria: [],
    staleAfterDays: null,
    terminal: null,
    scripts: [],
    objections: [],
  };
}

export interface GateInput {
  stages: readonly FunnelStage[];
  /** null: not in the funnel yet (a customer's first lifecycle stage). */
  fromKey: string | null;
  toKey: string;
  checkedCriteria: Readonly<Record<string, readonly string[]>>;
  facts: DealFacts;
}

export interface GateEvaluation {
  direction: MoveDirection | 'same';
  allowed: boolean;
  /** Won or lost: nothing moves out, not even with an override. */
  closed: boolean;
  unmet: UnmetRequirement<Localized>[];
}

/** The pure gate, also for a subject outside the funnel; an unknown target names `field`. */
export function evaluateMove(input: GateInput, field = 'body.toStageKey'): GateEvaluation {
  if (!input.stages.some((stage) => stage.key === input.toKey)) {
    throw validationFailed([{ field, message: `no stage '${input.toKey}' in this funnel` }]);
  }
  const result = evaluateStageGate({
    stages: input.fromKey === null ? [outsideStage(), ...input.stages] : input.stages,
    fromKey: input.fromKey ?? OUTSIDE_KEY,
    toKey: input.toKey,
    checkedCriteria: input.checkedCriteria,
    facts: input.facts,
  });
  return {
    direction: input.fromKey === null ? 'initial' : result.direction,
    allowed: result.allowed,
    closed: result.unmet.some((item) => item.kind === 'terminal'),
    unmet: result.unmet,
  };
}

export interface MoveInput extends GateInput {
  role: Role;
  overrideReason?: string;
  locale: Locale;
}

/**
 * The rules of a stage move around the pure gate: an unknown target is bad input, a rep may
 * not override, a closed subject never moves, and an unmet gate is 422 listing every item
 * unless a manager or admin gave an override reason.
 */
export function decideMove(input: MoveInput): MoveOutcome {
  if (input.overrideReason !== undefined && input.role === 'rep') {
    throw forbidden('Only a manager or an admin may override a stage gate');
  }
  const gate = evaluateMove(input);
  if (gate.direction === 'same') return { direction: 'same', overridden: false, unmet: [] };
  if (gate.closed) throw stageGateUnmet(gate.unmet, input.locale);
  if (gate.allowed) return { direction: gate.direction, overridden: false, unmet: [] };
  if (input.overrideReason !== undefined) {
    return { direction: gate.direction, overridden: true, unmet: gate.unmet };
  }
  throw stageGateUnmet(gate.unmet, input.locale);
}

/** What a move would lack right now, for a dialog before the move; changes nothing. */
export function previewMove(input: GateInput, role: Role, locale: Locale) {
  const gate = evaluateMove(input, 'querystring.toStageKey');
  return {
    allowed: gate.allowed || gate.direction === 'same',
    direction: gate.direction,
    unmet: presentUnmet(gate.unmet, locale),
    canOverride: !gate.allowed && !gate.closed && gate.direction !== 'same' && role !== 'rep',
  };
}
