/** Seed 001: a rep's list (清单) holds 30–70 customers, about 50 typically. */
export const HOLDING_LIMIT_GUIDANCE = { min: 30, typical: 50, max: 70 } as const;
export const DEFAULT_HOLDING_LIMIT = HOLDING_LIMIT_GUIDANCE.typical;
/** Upper bound an admin may configure; beyond it a "list" stops meaning focus. */
export const MAX_HOLDING_LIMIT = 10_000;

export type HoldingLimitSource = 'org' | 'team' | 'rep';

export interface HoldingLimitInput {
  orgDefault: number;
  /** Override for the rep's team, if any. */
  teamLimit?: number | null;
  /** Override for the rep personally, if any. */
  repLimit?: number | null;
}

export interface HoldingLimit {
  limit: number;
  source: HoldingLimitSource;
}

/** The most specific limit wins: the rep's own, else their team's, else the org default. */
export function resolveHoldingLimit(input: HoldingLimitInput): HoldingLimit {
  if (input.repLimit !== null && input.repLimit !== undefined) {
    return { limit: input.repLimit, source: 'rep' };
  }
  if (input.teamLimit !== null && input.teamLimit !== undefined) {
    return { limit: input.teamLimit, source: 'team' };
  }
  return { limit: input.orgDefault, source: 'org' };
}

/** Whether `adding` more customers keep a rep holding `count` within `limit`. */
export function canHoldMore(count: number, limit: number, adding = 1): boolean {
  return count + adding <= limit;
}

/** How a configured limit compares with the seed's advice, for a hint in the settings UI. */
export function holdingLimitGuidance(limit: number): 'below' | 'within' | 'above' {
  if (limit < HOLDING_LIMIT_GUIDANCE.min) return 'below';
  if (limit > HOLDING_LIMIT_GUIDANCE.max) return 'above';
  return 'within';
}

export function isValidHoldingLimit(limit: number): boolean {
  return Number.isInteger(limit) && limit >= 0 && limit <= MAX_HOLDING_LIMIT;
}
