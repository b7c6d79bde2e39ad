export {
  type ChurnInput,
  type ChurnOptions,
  type ChurnSeverity,
  type ChurnWarning,
  type ChurnWarningCode,
  churnWarnings,
  DEFAULT_CHURN_OPTIONS,
  dayNumber,
  medianOrderIntervalDays,
} from './churnWarnings';
