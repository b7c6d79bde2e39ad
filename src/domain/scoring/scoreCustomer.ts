import type { Localized } from '../vocabulary';

export const SCORING_OPS = ['eq', 'in', 'gte', 'lte', 'present', 'tag'] as const;
export type ScoringOp = (typeof SCORING_OPS)[number];

/**
 * One weighted rule over a customer field. `field` is a dotted path into the customer
 * record; custom fields live under `custom`, so `custom.hasLan` reads `customer.custom.hasLan`.
 * For `tag`, `field` names the array to look in (normally `tags`) and `value` the tag.
 */
export interface ScoringCriterion {
  id: string;
  label: Localized;
  field: string;
  op: ScoringOp;
  value?: string | number | boolean | string[];
  /** Added to the score when the criterion matches; may be negative for a penalty. */
  points: number;
}

export interface ScoringRuleSet {
  criteria: ScoringCriterion[];
  /** A customer is qualified when the score reaches this (inclusive). */
  threshold: number;
}

export interface ScoringReason {
  criterionId: string;
  label: Localized;
  /** The criterion's weight; it counts towards the score only when `matched`. */
  points: number;
  matched: boolean;
}

export interface ScoreResult {
  score: number;
  qualified: boolean;
  reasons: ScoringReason[];
}

export type ScorableCustomer = Record<string, unknown> & { tags?: string[] };

/** Reads a dotted path; a missing step gives undefined rather than throwing. */
export function readField(record: Record<string, unknown>, path: string): unknown {
  let current: unknown = record;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

// Custom fields come from forms and imports as strings, so '是'/'yes'/'true' count as true.
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '有']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '无', '没有']);

function asBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (typeof raw !== 'string') return undefined;
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

function asNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const parsed = Number(raw.trim());
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function isPresent(raw: unknown): boolean {
  if (raw === undefined || raw === null) return false;
  if (typeof raw === 'string') return raw.trim() !== '';
  if (Array.isArray(raw)) return raw.length > 0;
  return true;
}

function equals(raw: unknown, expected: string | number | boolean): boolean {
  if (typeof expected === 'boolean') return asBoolean(raw) === expected;
  if (typeof expected === 'number') return asNumber(raw) === expected;
  return typeof raw === 'string' && raw.trim() === expected.trim();
}

/** Whether one criterion holds for the customer; a malformed criterion never matches. */
export function matchesCriterion(customer: ScorableCustomer, criterion: ScoringCriterion): boolean {
  const raw = readField(customer, criterion.field);
  const { value } = criterion;
  switch (criterion.op) {
    case 'present':
      return isPresent(raw);
    case 'eq':
      return value !== undefined && !Array.isArray(value) && equals(raw, value);
    case 'in':
      return Array.isArray(value) && value.some((option) => equals(raw, option));
    case 'gte':
    case 'lte': {
      const actual = asNumber(raw);
      if (actual === undefined || typeof value !== 'number') return false;
      return criterion.op === 'gte' ? actual >= value : actual <= value;
    }
    case 'tag':
      return typeof value === 'string' && Array.isArray(raw) && raw.includes(value);
  }
}

/** Sums the points of every matching criterion and compares the total with the threshold. */
export function scoreCustomer(customer: ScorableCustomer, rules: ScoringRuleSet): ScoreResult {
  let score = 0;
  const reasons = rules.criteria.map((criterion): ScoringReason => {
    const matched = matchesCriterion(customer, criterion);
    if (matched) score += criterion.points;
    return { criterionId: criterion.id, label: criterion.label, points: criterion.points, matched };
  });
  return { score, qualified: score >= rules.threshold, reasons };
}
