// Method 1 of the forecast: the weighted pipeline of the open deals closing in a period.
import { daysBetween } from '../format/dates';
import type { ForecastPeriod } from './historyForecast';
import { weightedAmountCents } from './weightedPipeline';

export interface WeightedOpenDeal {
  amountCents: number;
  /** Whole percent 0..100: the deal's effective probability. */
  probability: number;
  expectedCloseDate?: string | null;
}

/**
 * Σ amount × probability over open deals whose close day falls in the period. The close day
 * is the expected close date, or today when that date has passed (a slipped deal can only
 * close from today on) — the same rule as historyForecast. Deals without a date add nothing.
 */
export function weightedForecastCents(
  deals: readonly WeightedOpenDeal[],
  period: ForecastPeriod,
  today: string,
): number {
  let total = 0;
  for (const deal of deals) {
    if (!deal.expectedCloseDate) continue;
    const close = daysBetween(deal.expectedCloseDate, today) > 0 ? today : deal.expectedCloseDate;
    if (daysBetween(period.from, close) < 0 || daysBetween(close, period.to) < 0) continue;
    total += weightedAmountCents(deal.amountCents, deal.probability);
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('weighted forecast overflows');
  return total;
}
