/** Why a claim lapses (回收): the owner stopped working the customer. */
export const LAPSE_REASONS = ['no_activity', 'no_progress'] as const;
export type LapseReason = (typeof LAPSE_REASONS)[number];

/**
 * A lapse rule (回收规则) for the org, a team, a funnel, or a team within a funnel.
 * At least one of the two triggers is set.
 */
export interface LapseRule {
  id: string;
  teamId: string | null;
  funnelId: string | null;
  /** Lapse when the owner logged no effective communication (有效沟通) for this many days. */
  noActivityDays: number | null;
  /** Lapse when neither the customer's deals nor its lifecycle stage moved for this many days. */
  noProgressDays: number | null;
  /** Warn the owner this many days before the deadline (0: on the last day only). */
  warnDays: number;
  /** Customers with a won deal never lapse under this rule. */
  exemptWon: boolean;
  /** Customers with an open deal (or lifecycle stage) at one of these stage keys never lapse. */
  exemptStageKeys: readonly string[];
  exemptGrades: readonly string[];
}

export interface LapseScope {
  /** The owner's team. */
  teamId: string | null;
  /** Funnels of the customer's open deals. */
  funnelIds: readonly string[];
}

export const MAX_LAPSE_DAYS = 3650;

/** Team-in-funnel beats funnel, funnel beats team, team beats the org-wide rule. */
export function ruleSpecificity(rule: Pick<LapseRule, 'teamId' | 'funnelId'>): number {
  return (rule.funnelId ? 2 : 0) + (rule.teamId ? 1 : 0);
}

/**
 * Rules in the order they are tried: most specific first; among equally specific ones the
 * given order (oldest first) decides, so the outcome never depends on the database's whim.
 */
export function rankLapseRules<R extends Pick<LapseRule, 'teamId' | 'funnelId'>>(
  rules: readonly R[],
): R[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => ruleSpecificity(b.rule) - ruleSpecificity(a.rule) || a.index - b.index)
    .map(({ rule }) => rule);
}

export function ruleMatches(
  rule: Pick<LapseRule, 'teamId' | 'funnelId'>,
  scope: LapseScope,
): boolean {
  if (rule.teamId && rule.teamId !== scope.teamId) return false;
  if (rule.funnelId && !scope.funnelIds.includes(rule.funnelId)) return false;
  return true;
}

/** The one rule that governs a customer, or null when none matches. */
export function selectLapseRule<R extends Pick<LapseRule, 'teamId' | 'funnelId'>>(
  rules: readonly R[],
  scope: LapseScope,
): R | null {
  return rankLapseRules(rules).find((rule) => ruleMatches(rule, scope)) ?? null;
}

export interface ExemptionFacts {
  hasWonDeal: boolean;
  /** Stage keys of the customer's open deals and its lifecycle stage. */
  stageKeys: readonly string[];
  grade: string | null;
}

export type Exemption = 'won_deal' | 'stage' | 'grade';

/** Why a rule spares this customer, or null when it does not. */
export function lapseExemption(
  rule: Pick<LapseRule, 'exemptWon' | 'exemptStageKeys' | 'exemptGrades'>,
  facts: ExemptionFacts,
): Exemption | null {
  if (rule.exemptWon && facts.hasWonDeal) return 'won_deal';
  if (facts.stageKeys.some((key) => rule.exemptStageKeys.includes(key))) return 'stage';
  if (facts.grade !== null && rule.exemptGrades.includes(facts.grade)) return 'grade';
  return null;
}

export interface RuleProblem {
  field: string;
  message: string;
}

const inDayRange = (value: number) =>
  Number.isInteger(value) && value >= 1 && value <= MAX_LAPSE_DAYS;

/** What is wrong with a rule's numbers; an empty list means it can be saved. */
export function validateLapseRule(
  rule: Pick<LapseRule, 'noActivityDays' | 'noProgressDays' | 'warnDays'>,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (rule.noActivityDays === null && rule.noProgressDays === null) {
    problems.push({
      field: 'noActivityDays',
      message: 'set noActivityDays, noProgressDays or both',
    });
  }
  for (const field of ['noActivityDays', 'noProgressDays'] as const) {
    const value = rule[field];
    if (value !== null && !inDayRange(value)) {
      problems.push({ field, message: `must be a whole number from 1 to ${MAX_LAPSE_DAYS}` });
    }
  }
  const validDays = [rule.noActivityDays, rule.noProgressDays].filter(
    (value): value is number => value !== null && inDayRange(value),
  );
  const shortest = Math.min(...validDays);
  if (!Number.isInteger(rule.warnDays) || rule.warnDays < 0) {
    problems.push({ field: 'warnDays', message: 'must be a whole number of days, 0 or more' });
  } else if (Number.isFinite(shortest) && rule.warnDays >= shortest) {
    problems.push({ field: 'warnDays', message: 'must be fewer days than the rule allows' });
  }
  return problems;
}
