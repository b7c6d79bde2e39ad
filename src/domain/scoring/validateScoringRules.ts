import { LOCALES } from '../vocabulary';
import { SCORING_OPS, type ScoringOp } from './scoreCustomer';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems with a `Localized` text at `path`: both locales must be non-empty strings. */
export function localizedProblems(value: unknown, path: string): string[] {
  if (!isRecord(value)) return [`${path}: must be an object with ${LOCALES.join(' and ')} texts`];
  return LOCALES.filter((locale) => {
    const text = value[locale];
    return typeof text !== 'string' || text.trim() === '';
  }).map((locale) => `${path}.${locale}: must be a non-empty string`);
}

function valueProblem(op: ScoringOp, value: unknown): string | undefined {
  switch (op) {
    case 'present':
      return undefined;
    case 'eq':
      return ['string', 'number', 'boolean'].includes(typeof value)
        ? undefined
        : 'must be a string, number or boolean for eq';
    case 'in':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')
        ? undefined
        : 'must be a non-empty list of strings for in';
    case 'gte':
    case 'lte':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `must be a finite number for ${op}`;
    case 'tag':
      return typeof value === 'string' && value.trim() !== ''
        ? undefined
        : 'must be a non-empty tag for tag';
  }
}

/**
 * Lists what is wrong with a rule set, each problem prefixed with the field's path
 * (`criteria[2].points: …`); an empty list means the rules are usable. Takes unknown
 * so it can check stored or submitted JSON as well as typed values.
 */
export function validateScoringRules(rules: unknown): string[] {
  if (!isRecord(rules)) return ['rules: must be an object'];
  const problems: string[] = [];
  if (typeof rules.threshold !== 'number' || !Number.isFinite(rules.threshold)) {
    problems.push('threshold: must be a finite number');
  }
  if (!Array.isArray(rules.criteria)) return [...problems, 'criteria: must be a list'];

  const seenIds = new Set<string>();
  rules.criteria.forEach((criterion: unknown, index) => {
    const at = `criteria[${index}]`;
    if (!isRecord(criterion)) {
      problems.push(`${at}: must be an object`);
      return;
    }
    if (typeof criterion.id !== 'string' || criterion.id.trim() === '') {
      problems.push(`${at}.id: must be a non-empty string`);
    } else if (seenIds.has(criterion.id)) {
      problems.push(`${at}.id: duplicate id '${criterion.id}'`);
    } else {
      seenIds.add(criterion.id);
    }
    problems.push(...localizedProblems(criterion.label, `${at}.label`));
    if (
      typeof criterion.field !== 'string' ||
      !/^[A-Za-z_][\w]*(\.[\w]+)*$/.test(criterion.field)
    ) {
      problems.push(`${at}.field: must be a field name such as headcount or custom.hasLan`);
    }
    // Whole points keep the sum exact whatever the order of criteria.
    if (typeof criterion.points !== 'number' || !Number.isInteger(criterion.points)) {
      problems.push(`${at}.points: must be an integer`);
    }
    if (!SCORING_OPS.includes(criterion.op as ScoringOp)) {
      problems.push(`${at}.op: must be one of ${SCORING_OPS.join(', ')}`);
      return;
    }
    const problem = valueProblem(criterion.op as ScoringOp, criterion.value);
    if (problem) problems.push(`${at}.value: ${problem}`);
  });
  return problems;
}
