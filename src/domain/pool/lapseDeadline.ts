import { addDays, daysBetween, zonedDay, zonedDayStart } from '../format/dates';
import type { LapseReason, LapseRule } from './lapseRules';

// A claim's clock starts at a baseline (the claim, or the last effective activity / progress
// after it). With N days allowed, the owner may still act on the deadline day, baseline day + N,
// and the customer lapses from the next day on. Days are the org's calendar days.

export type LapseStatus = 'ok' | 'warning' | 'lapsed';

/** The last day (YYYY-MM-DD) on which the owner can still keep the customer. */
export function lapseDeadline(baselineDay: string, days: number): string {
  return addDays(baselineDay, days);
}

export interface TriggerStatus {
  status: LapseStatus;
  deadline: string;
  /** Days from today to the deadline; negative once lapsed. */
  daysLeft: number;
}

/** One trigger on one day: lapsed after the deadline, warning within `warnDays` of it. */
export function triggerStatus(
  baselineDay: string,
  days: number,
  warnDays: number,
  today: string,
): TriggerStatus {
  const deadline = lapseDeadline(baselineDay, days);
  const daysLeft = daysBetween(today, deadline);
  const status: LapseStatus = daysLeft < 0 ? 'lapsed' : daysLeft <= warnDays ? 'warning' : 'ok';
  return { status, deadline, daysLeft };
}

export interface TriggerCutoffs {
  /** A baseline before this instant means the customer lapses today. */
  lapseBefore: Date;
  /** A baseline before this instant (and not before lapseBefore) means a warning today. */
  warnBefore: Date;
}

/**
 * The same test as triggerStatus, as two instants, so SQL can compare timestamps over millions
 * of rows without converting each one to the org's calendar day.
 */
export function triggerCutoffs(
  days: number,
  warnDays: number,
  today: string,
  timeZone: string,
): TriggerCutoffs {
  return {
    lapseBefore: zonedDayStart(addDays(today, -days), timeZone),
    warnBefore: zonedDayStart(addDays(today, warnDays + 1 - days), timeZone),
  };
}

export interface LapseFacts {
  /** When the owner got the customer. */
  claimedAt: Date;
  /** The owner's last effective activity with the customer, if any. */
  lastEffectiveAt: Date | null;
  /** The last stage move of one of the customer's deals or of its lifecycle stage, if any. */
  lastProgressAt: Date | null;
}

export interface LapseEvaluation {
  status: LapseStatus;
  /** Triggers that fired (lapsed) or will fire soonest (warning). */
  reasons: LapseReason[];
  /** The earliest deadline among the rule's triggers. */
  deadline: string | null;
  daysLeft: number | null;
}

const latest = (a: Date, b: Date | null) => (b && b > a ? b : a);

/** Where a claim stands under a rule on `today` (exemptions are checked before this). */
export function evaluateLapse(
  rule: Pick<LapseRule, 'noActivityDays' | 'noProgressDays' | 'warnDays'>,
  facts: LapseFacts,
  today: string,
  timeZone: string,
): LapseEvaluation {
  const triggers: { reason: LapseReason; result: TriggerStatus }[] = [];
  const check = (reason: LapseReason, days: number | null, since: Date | null) => {
    if (days === null) return;
    const baselineDay = zonedDay(latest(facts.claimedAt, since), timeZone);
    triggers.push({ reason, result: triggerStatus(baselineDay, days, rule.warnDays, today) });
  };
  check('no_activity', rule.noActivityDays, facts.lastEffectiveAt);
  check('no_progress', rule.noProgressDays, facts.lastProgressAt);
  if (triggers.length === 0) return { status: 'ok', reasons: [], deadline: null, daysLeft: null };
  const soonest = Math.min(...triggers.map((trigger) => trigger.result.daysLeft));
  const firing = triggers.filter((trigger) => trigger.result.status === 'lapsed');
  const warning = triggers.filter((trigger) => trigger.result.status === 'warning');
  const status: LapseStatus = firing.length > 0 ? 'lapsed' : warning.length > 0 ? 'warning' : 'ok';
  const chosen =
    status === 'lapsed'
      ? firing
      : triggers.filter((trigger) => trigger.result.daysLeft === soonest);
  return {
    status,
    reasons: status === 'ok' ? [] : chosen.map((trigger) => trigger.reason),
    deadline: chosen[0] ? addDays(today, soonest) : null,
    daysLeft: soonest,
  };
}
