export { DEFAULT_SCORING_RULES } from './defaultScoringRules';
export {
  matchesCriterion,
  readField,
  SCORING_OPS,
  type ScorableCustomer,
  type ScoreResult,
  type ScoringCriterion,
  type ScoringOp,
  type ScoringReason,
  type ScoringRuleSet,
  scoreCustomer,
} from './scoreCustomer';
export { validateScoringRules } from './validateScoringRules';
