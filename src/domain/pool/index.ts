export {
  claimDayWindow,
  cooldownEndsAt,
  cooldownStart,
  DEFAULT_COOLDOWN_DAYS,
  DEFAULT_GRID_SPILL_DAYS,
  gridSpillCutoff,
} from './claimRules';
export {
  canHoldMore,
  DEFAULT_HOLDING_LIMIT,
  HOLDING_LIMIT_GUIDANCE,
  type HoldingLimit,
  type HoldingLimitInput,
  type HoldingLimitSource,
  holdingLimitGuidance,
  isValidHoldingLimit,
  MAX_HOLDING_LIMIT,
  resolveHoldingLimit,
} from './holdingLimit';
export {
  evaluateLapse,
  type LapseEvaluation,
  type LapseFacts,
  type LapseStatus,
  lapseDeadline,
  type TriggerCutoffs,
  type TriggerStatus,
  triggerCutoffs,
  triggerStatus,
} from './lapseDeadline';
export {
  type Exemption,
  type ExemptionFacts,
  LAPSE_REASONS,
  type LapseReason,
  type LapseRule,
  type LapseScope,
  lapseExemption,
  MAX_LAPSE_DAYS,
  type RuleProblem,
  rankLapseRules,
  ruleMatches,
  ruleSpecificity,
  selectLapseRule,
  validateLapseRule,
} from './lapseRules';
export { OWNERSHIP_EVENT_KINDS, type OwnershipEventKind, RETURN_KINDS } from './ownershipEvents';
export {
  normalizeTerritory,
  type PlacedCustomer,
  pickTerritory,
  type Territory,
  type TerritoryProblem,
  territoryMatches,
  territorySpecificity,
  validateTerritory,
} from './territories';
