// Forecast from the org's history: each open deal is worth its amount × its stage's
// historical win rate, and counts in the period it is expected to close in.

import { addDays, daysBetween } from '../format/dates';
import { divideRounded, toSafeNumber } from '../format/decimal';
import type { StageWinRate } from './stageWinRates';
import { weightedAmountCents } from './weightedPipeline';

export interface OpenDeal {
  id: string;
  amountCents: number;
  stageKey: string;
  /** Day the deal entered its current stage. */
  stageEnteredAt: string;
  expectedCloseDate?: string | null;
  /** The stage's configured win percent, used while the stage has no closed history. */
  stageProbability?: number | null;
}

export interface ForecastPeriod {
  /** Inclusive days. */
  from: string;
  to: string;
}

export interface DealForecast {
  id: string;
  amountCents: number;
  stageKey: string;
  /** Estimated close day, never before today; null when neither source gives one. */
  closeDate: string | null;
  closeDateSource: 'expected' | 'history' | null;
  /** Ratio 0..1; null when neither the history nor the stage gives one. */
  probability: number | null;
  probabilitySource: 'history' | 'stage' | null;
  inPeriod: boolean;
  /** Expected amount counted in the period (0 when outside it), rounded per deal. */
  expectedCents: number;
}

export interface HistoryForecast {
  expectedCents: number;
  deals: DealForecast[];
}

function estimateClose(
  deal: OpenDeal,
  rate: StageWinRate | undefined,
  today: string,
): Pick<DealForecast, 'closeDate' | 'closeDateSource'> {
  let estimate: Pick<DealForecast, 'closeDate' | 'closeDateSource'>;
  if (deal.expectedCloseDate) {
    estimate = { closeDate: deal.expectedCloseDate, closeDateSource: 'expected' };
  } else if (rate?.medianDaysToClose != null) {
    estimate = {
      closeDate: addDays(deal.stageEnteredAt, rate.medianDaysToClose),
      closeDateSource: 'history',
    };
  } else {
    return { closeDate: null, closeDateSource: null };
  }
  // A deal still open past its date has slipped: it can only close from today on.
  if (estimate.closeDate && daysBetween(estimate.closeDate, today) > 0) {
    estimate.closeDate = today;
  }
  return estimate;
}

function expectedAmount(
  deal: OpenDeal,
  rate: StageWinRate | undefined,
): Pick<DealForecast, 'probability' | 'probabilitySource'> & { cents: number } {
  if (rate && rate.won + rate.lost > 0) {
    // Exact won / (won + lost), rounded once per deal like the weighted pipeline.
    const cents = divideRounded(
      BigInt(deal.amountCents) * BigInt(rate.won),
      BigInt(rate.won + rate.lost),
    );
    return {
      probability: rate.won / (rate.won + rate.lost),
      probabilitySource: 'history',
      cents: toSafeNumber(cents),
    };
  }
  if (deal.stageProbability != null) {
    return {
      probability: deal.stageProbability / 100,
      probabilitySource: 'stage',
      cents: weightedAmountCents(deal.amountCents, deal.stageProbability),
    };
  }
  return { probability: null, probabilitySource: null, cents: 0 };
}

/**
 * Expected revenue closing in `period`. A deal's close day is its expected close
 * date, else the day it entered its stage plus the stage's median days to close; a
 * day already past becomes `today`. Every deal is in the breakdown, counted or not.
 */
export function historyForecast(
  openDeals: readonly OpenDeal[],
  rates: readonly StageWinRate[],
  period: ForecastPeriod,
  today: string,
): HistoryForecast {
  const rateByStage = new Map(rates.map((rate) => [rate.stageKey, rate]));
  let total = 0n;
  const deals = openDeals.map((deal): DealForecast => {
    const rate = rateByStage.get(deal.stageKey);
    const close = estimateClose(deal, rate, today);
    const { cents, ...probability } = expectedAmount(deal, rate);
    const inPeriod =
      close.closeDate !== null &&
      daysBetween(period.from, close.closeDate) >= 0 &&
      daysBetween(close.closeDate, period.to) >= 0;
    const expectedCents = inPeriod ? cents : 0;
    total += BigInt(expectedCents);
    return {
      id: deal.id,
      amountCents: deal.amountCents,
      stageKey: deal.stageKey,
      ...close,
      ...probability,
      inPeriod,
      expectedCents,
    };
  });
  return { expectedCents: toSafeNumber(total), deals };
}
