// Weighted pipeline (销售漏斗加权金额): amount × stage probability.
import { assertSafeInteger, divideRounded, toSafeNumber } from '../format/decimal';

export interface WeightedDeal {
  amountCents: number;
  /** Win probability in percent, a whole number 0..100 (the stage's setting). */
  probability: number;
}

/**
 * One deal's weighted amount, rounded half away from zero to the cent — the same as
 * `round(amount_cents * probability / 100.0)` in PostgreSQL.
 */
export function weightedAmountCents(amountCents: number, probability: number): number {
  assertSafeInteger(amountCents, 'amountCents');
  if (!Number.isInteger(probability) || probability < 0 || probability > 100) {
    throw new RangeError(`probability must be a whole percent 0..100, got ${probability}`);
  }
  return toSafeNumber(divideRounded(BigInt(amountCents) * BigInt(probability), 100n));
}

/**
 * Rounds per deal, not on the total: then the weighted amounts of stages, reps and
 * teams add up exactly to the grand total and to the per-deal column of an export.
 * The cost is at most half a cent per deal against rounding once.
 */
export function weightedPipelineCents(deals: readonly WeightedDeal[]): number {
  let total = 0n;
  for (const deal of deals) {
    total += BigInt(weightedAmountCents(deal.amountCents, deal.probability));
  }
  return toSafeNumber(total);
}
