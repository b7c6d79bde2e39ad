// The forecast's open deals, a page at a time for the forecast page and all of them for the
// export: each with what the weighted and history methods count of it in the period. The
// totals over every deal are getForecast's (summed in SQL); a page only names its own deals.
import { historyForecast, type StageWinRate } from '../../../domain/forecast';
import type { CalendarPeriod } from '../../../domain/forecast/forecastPeriod';
import { weightedForecastCents } from '../../../domain/forecast/weightedForecast';
import { zonedDay } from '../../../domain/format/dates';
import type { Db } from '../../db/client';
import type { ReportContext } from '../reports/funnelReport.service';
import type { StageInfo } from '../reports/funnelScope';
import type { ForecastDealRow, ForecastDeals, ForecastQuery } from './forecast.schema';
import { forecastAt, forecastInstant, scopeOf, windowStart } from './forecast.service';
import type { OpenDealThen } from './forecastFacts';
import {
  type DealOrder,
  type DealPage,
  nowFactsHold,
  openDealsPageNow,
  stageWinRatesNow,
} from './forecastNow';

const yuan = (cents: number) => cents / 100;

/** The same order as forecastNow's `orderBy`, for deals listed from the stage history. */
export function compareDeals({ sort, order }: DealOrder) {
  const sign = order === 'asc' ? 1 : -1;
  const byId = (a: OpenDealThen, b: OpenDealThen) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort === 'amount') {
    return (a: OpenDealThen, b: OpenDealThen) =>
      sign * (a.amountCents - b.amountCents) || byId(a, b);
  }
  return (a: OpenDealThen, b: OpenDealThen) => {
    const x = a.expectedCloseDate ?? null;
    const y = b.expectedCloseDate ?? null;
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (x < y ? -1 : 1);
    }
    return b.amountCents - a.amountCents || byId(a, b);
  };
}

/** Each listed deal with what each method counts of it in the period. */
function shapeDeals(
  deals: readonly OpenDealThen[],
  stages: readonly StageInfo[],
  rates: readonly StageWinRate[],
  period: CalendarPeriod,
  today: string,
): ForecastDealRow[] {
  const history = new Map(
    historyForecast(deals, rates, period, today).deals.map((deal) => [deal.id, deal]),
  );
  const nameOf = (key: string) => stages.find((s) => s.key === key)?.name ?? key;
  return deals.map((deal) => {
    const own = history.get(deal.id);
    return {
      id: deal.id,
      name: deal.name,
      customerName: deal.customerName,
      ownerName: deal.ownerName,
      stageKey: deal.stageKey,
      stageName: nameOf(deal.stageKey),
      amount: yuan(deal.amountCents),
      probability: deal.probability,
      expectedCloseDate: deal.expectedCloseDate ?? null,
      weighted: yuan(weightedForecastCents([deal], period, today)),
      historyProbability: own?.probability ?? null,
      historyCloseDate: own?.closeDate ?? null,
      historyExpected: yuan(own?.expectedCents ?? 0),
    };
  });
}

/**
 * The open deals of the forecast `query` asks for, in `order`: one page, or every deal when
 * `page` is null (the export). Made now, from the kept facts (only the page is read by name);
 * for a past period, from the stage history as of its end, sorted and cut here.
 */
export async function getForecastDeals(
  db: Db,
  context: ReportContext,
  query: ForecastQuery,
  order: DealOrder,
  page: DealPage | null,
  now: Date,
): Promise<ForecastDeals> {
  const { stages, scope } = await scopeOf(db, context, query);
  const { period, asOf } = forecastInstant(context, query, now);
  const today = zonedDay(asOf, context.timeZone);
  if (await nowFactsHold(db, context.viewer.orgId, asOf)) {
    const [rates, listed] = await Promise.all([
      stageWinRatesNow(
        db,
        scope,
        stages,
        windowStart(today, query.lookbackMonths, context.timeZone),
      ),
      openDealsPageNow(db, scope, stages, order, page),
    ]);
    return {
      items: shapeDeals(listed.deals, stages, rates, period, today),
      total: listed.total,
    };
  }
  const at = await forecastAt(db, scope, stages, period, asOf, query.lookbackMonths, true);
  const sorted = [...at.openDeals].sort(compareDeals(order));
  const shown = page ? sorted.slice(page.offset, page.offset + page.limit) : sorted;
  return {
    items: shapeDeals(shown, stages, at.rates, period, at.today),
    total: sorted.length,
  };
}
