export {
  DEFAULT_UNPAID_DOWNGRADE_DAYS,
  GRADE_CONDITION_OPS,
  GRADING_METRICS,
  type GradeCondition,
  type GradeDefinition,
  type GradePolicy,
  type GradeResult,
  type GradingMetric,
  type GradingMetrics,
  type GradingOptions,
  type GradingRuleSet,
  gradeCustomer,
} from './gradeCustomer';
export { ABCD_GRADING, VIP_ABC_GRADING } from './gradingRuleSets';
export { validateGradingOptions, validateGradingRules } from './validateGradingRules';
