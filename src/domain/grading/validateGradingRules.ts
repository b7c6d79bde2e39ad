import { isRecord, localizedProblems } from '../scoring/validateScoringRules';
import { GRADE_CONDITION_OPS, GRADING_METRICS } from './gradeCustomer';

function isNonNegativeInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function policyProblems(policy: unknown, at: string): string[] {
  if (!isRecord(policy)) return [`${at}: must be an object`];
  const problems: string[] = [];
  if (!isNonNegativeInteger(policy.paymentTermsDays)) {
    problems.push(`${at}.paymentTermsDays: must be a whole number of days, 0 or more`);
  }
  if (policy.creditLimitCents !== undefined && !isNonNegativeInteger(policy.creditLimitCents)) {
    problems.push(`${at}.creditLimitCents: must be whole cents, 0 or more`);
  }
  problems.push(...localizedProblems(policy.supportLevel, `${at}.supportLevel`));
  problems.push(...localizedProblems(policy.description, `${at}.description`));
  return problems;
}

function conditionProblems(condition: unknown, at: string): string[] {
  if (!isRecord(condition)) return [`${at}: must be an object`];
  const problems: string[] = [];
  const metric = condition.metric;
  if (!GRADING_METRICS.some((m) => m === metric)) {
    problems.push(`${at}.metric: must be one of ${GRADING_METRICS.join(', ')}`);
  }
  if (!GRADE_CONDITION_OPS.some((op) => op === condition.op)) {
    problems.push(`${at}.op: must be one of ${GRADE_CONDITION_OPS.join(', ')}`);
  }
  const value = condition.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push(`${at}.value: must be a finite number`);
  } else if (typeof metric === 'string' && metric.endsWith('Cents') && !Number.isInteger(value)) {
    problems.push(`${at}.value: money is whole cents`);
  } else if (metric === 'onTimePaymentRatio' && (value < 0 || value > 1)) {
    problems.push(`${at}.value: a ratio is between 0 and 1`);
  }
  return problems;
}

/** Lists what is wrong with a grading rule set, each problem prefixed with the field's path. */
export function validateGradingRules(ruleSet: unknown): string[] {
  if (!isRecord(ruleSet)) return ['ruleSet: must be an object'];
  const problems: string[] = [];
  if (typeof ruleSet.id !== 'string' || ruleSet.id.trim() === '') {
    problems.push('id: must be a non-empty string');
  }
  problems.push(...localizedProblems(ruleSet.name, 'name'));
  const grades = ruleSet.grades;
  if (!Array.isArray(grades) || grades.length === 0) {
    return [...problems, 'grades: must be a non-empty list'];
  }

  const seen = new Set<string>();
  grades.forEach((grade: unknown, index) => {
    const at = `grades[${index}]`;
    if (!isRecord(grade)) {
      problems.push(`${at}: must be an object`);
      return;
    }
    if (typeof grade.grade !== 'string' || grade.grade.trim() === '') {
      problems.push(`${at}.grade: must be a non-empty string`);
    } else if (seen.has(grade.grade)) {
      problems.push(`${at}.grade: duplicate grade '${grade.grade}'`);
    } else {
      seen.add(grade.grade);
    }
    problems.push(...localizedProblems(grade.label, `${at}.label`));
    problems.push(...policyProblems(grade.policy, `${at}.policy`));
    if (!Array.isArray(grade.conditions)) {
      problems.push(`${at}.conditions: must be a list`);
      return;
    }
    grade.conditions.forEach((condition: unknown, i) => {
      problems.push(...conditionProblems(condition, `${at}.conditions[${i}]`));
    });
    // Without a catch-all last grade some customers would have no grade at all.
    if (index === grades.length - 1 && grade.conditions.length > 0) {
      problems.push(`${at}.conditions: the last grade must have no conditions`);
    }
  });
  return problems;
}

/** Problems with grading options; unpaidDowngradeDays may be Infinity to turn the rule off. */
export function validateGradingOptions(options: unknown): string[] {
  if (!isRecord(options)) return ['options: must be an object'];
  const days = options.unpaidDowngradeDays;
  if (days === undefined) return [];
  if (typeof days !== 'number' || Number.isNaN(days) || days < 0) {
    return ['unpaidDowngradeDays: must be a number of days, 0 or more'];
  }
  return [];
}
