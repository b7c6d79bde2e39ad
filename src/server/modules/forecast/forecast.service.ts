// The forecast of a month or quarter by three methods, held against the target, and the
// backtest: what each method would have said at the start of past periods against what won.
import { sql } from 'drizzle-orm';
import { forecastError, historicalStageWinRates, historyForecast } from '../../../domain/forecast';
import {
  type CalendarPeriod,
  parsePeriodKey,
  periodOfDay,
  previousPeriods,
} from '../../../domain/forecast/forecastPeriod';
import { weightedForecastCents } from '../../../domain/forecast/weightedForecast';
import { addDays, zonedDay, zonedDayStart } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import type { ReportContext } from '../reports/funnelReport.service';
import {
  dealConditions,
  ratio,
  reportFunnel,
  type StageInfo,
  stageInfos,
} from '../reports/funnelScope';
import type {
  Backtest,
  BacktestQuery,
  Forecast,
  ForecastMethodKey,
  ForecastQuery,
  ForecastScope,
} from './forecast.schema';
import {
  committedAt,
  historyFactsAt,
  openDealsAt,
  type ScopeSql,
  wonBetween,
} from './forecastFacts';

const yuan = (cents: number) => cents / 100;

async function scopeOf(db: Db, context: ReportContext, query: ForecastScope) {
  const funnel = await reportFunnel(db, context.viewer.orgId, query.funnelId);
  const stages = stageInfos(funnel, context.locale);
  const scope: ScopeSql = {
    viewer: context.viewer,
    funnelId: funnel.id,
    where: dealConditions(context.viewer, query, funnel.id, {
      timeZone: context.timeZone,
      cohort: false,
    }),
    ownerId: query.ownerId,
    teamId: query.teamId,
    timeZone: context.timeZone,
  };
  return { stages, scope };
}

/** The look-back window's first instant: `months` calendar months before asOf's day. */
function windowStart(asOfDay: string, months: number, timeZone: string): Date {
  const year = Number(asOfDay.slice(0, 4));
  const month = Number(asOfDay.slice(5, 7)) - 1 - months;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(Number(asOfDay.slice(8, 10)), lastDay);
  const start = `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return zonedDayStart(start, timeZone);
}

interface MethodFigures {
  weighted: number;
  history: number;
  committed: number;
}

/** What each method expects from the deals open at asOf to close in the period (cents). */
async function forecastAt(
  db: Db,
  scope: ScopeSql,
  stages: readonly StageInfo[],
  period: CalendarPeriod,
  asOf: Date,
  lookbackMonths: number,
) {
  const today = zonedDay(asOf, scope.timeZone);
  const [openDeals, facts, committed] = await Promise.all([
    openDealsAt(db, scope, stages, asOf),
    historyFactsAt(db, scope, stages, windowStart(today, lookbackMonths, scope.timeZone), asOf),
    committedAt(db, scope, period, asOf),
  ]);
  const rates = historicalStageWinRates(facts);
  const history = historyForecast(openDeals, rates, period, today);
  const figures: MethodFigures = {
    weighted: weightedForecastCents(openDeals, period, today),
    history: history.expectedCents,
    committed,
  };
  return { today, openDeals, rates, history, figures };
}

/** The scope's target: an owner's, a team's, else the viewer's own, team's or the org's teams'. */
async function targetCents(
  db: Db,
  context: ReportContext,
  query: ForecastScope,
  periodKey: string,
): Promise<number | null> {
  const viewer = context.viewer;
  let subject = sql`t.team_id is not null`;
  if (query.ownerId) subject = sql`t.user_id = ${query.ownerId}`;
  else if (query.teamId) subject = sql`t.team_id = ${query.teamId}`;
  else if (viewer.role === 'rep') subject = sql`t.user_id = ${viewer.id}`;
  else if (viewer.role === 'manager') {
    subject = sql`t.team_id in (select tm.id from teams tm where tm.org_id = ${viewer.orgId}
      and (tm.id = ${viewer.teamId} or tm.manager_id = ${viewer.id}))`;
  }
  const [row] = await queryRows<{ total: string | null }>(
    db,
    sql`select sum(t.amount_cents)::bigint as total from sales_targets t
      where t.org_id = ${viewer.orgId} and t.period_key = ${periodKey} and ${subject}`,
  );
  return row?.total == null ? null : Number(row.total);
}

const METHODS: ForecastMethodKey[] = ['weighted', 'history', 'committed'];

export async function getForecast(
  db: Db,
  context: ReportContext,
  query: ForecastQuery,
  now: Date,
): Promise<Forecast> {
  const { stages, scope } = await scopeOf(db, context, query);
  const period =
    (query.period && parsePeriodKey(query.period)) ||
    periodOfDay(zonedDay(now, context.timeZone), 'month');
  const periodStart = zonedDayStart(period.from, context.timeZone);
  const periodEnd = zonedDayStart(addDays(period.to, 1), context.timeZone);
  // A past period is forecast no more: what was open at its end.
  const asOf = now < periodEnd ? now : periodEnd;
  const [at, won, target] = await Promise.all([
    forecastAt(db, scope, stages, period, asOf, query.lookbackMonths),
    periodStart < asOf ? wonBetween(db, scope, periodStart, asOf) : Promise.resolve(0),
    targetCents(db, context, query, period.key),
  ]);
  const nameOf = (key: string) => stages.find((s) => s.key === key)?.name ?? key;
  const historyById = new Map(at.history.deals.map((deal) => [deal.id, deal]));
  return {
    period: { key: period.key, from: period.from, to: period.to },
    asOf: at.today,
    lookbackMonths: query.lookbackMonths,
    won: yuan(won),
    target: target === null ? null : yuan(target),
    methods: METHODS.map((method) => {
      const total = won + at.figures[method];
      return {
        method,
        expected: yuan(at.figures[method]),
        total: yuan(total),
        attainment: target === null ? null : ratio(total, target),
      };
    }),
    stageRates: stages
      .filter((stage) => stage.terminal === null)
      .map((stage) => {
        const rate = at.rates.find((r) => r.stageKey === stage.key);
        return {
          key: stage.key,
          name: stage.name,
          entered: rate?.entered ?? 0,
          won: rate?.won ?? 0,
          lost: rate?.lost ?? 0,
          winProbability: rate?.winProbability ?? null,
          medianDaysToClose: rate?.medianDaysToClose ?? null,
        };
      }),
    deals: (query.withDeals === 'false' ? [] : at.openDeals).map((deal) => {
      const history = historyById.get(deal.id);
      const weighted = weightedForecastCents([deal], period, at.today);
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
        weighted: yuan(weighted),
        historyProbability: history?.probability ?? null,
        historyCloseDate: history?.closeDate ?? null,
        historyExpected: yuan(history?.expectedCents ?? 0),
      };
    }),
  };
}

/**
 * For each of the `periods` whole periods before today's: each method's forecast made at the
 * period's first instant, against what was won in it, and the mean absolute error per method.
 */
export async function getBacktest(
  db: Db,
  context: ReportContext,
  query: BacktestQuery,
  now: Date,
): Promise<Backtest> {
  const { stages, scope } = await scopeOf(db, context, query);
  const periods = previousPeriods(zonedDay(now, context.timeZone), query.unit, query.periods);
  const rows: Backtest['rows'] = [];
  for (const period of periods) {
    const start = zonedDayStart(period.from, context.timeZone);
    const end = zonedDayStart(addDays(period.to, 1), context.timeZone);
    const [at, actual] = await Promise.all([
      forecastAt(db, scope, stages, period, start, query.lookbackMonths),
      wonBetween(db, scope, start, end),
    ]);
    rows.push({
      key: period.key,
      from: period.from,
      to: period.to,
      actual: yuan(actual),
      methods: METHODS.map((method) => {
        const error = forecastError(at.figures[method], actual);
        return {
          method,
          forecast: yuan(at.figures[method]),
          error: yuan(error.errorCents),
          errorPercent: error.errorPercent,
        };
      }),
    });
  }
  return {
    rows,
    summary: METHODS.map((method) => {
      const percents = rows
        .map((row) => row.methods.find((m) => m.method === method)?.errorPercent ?? null)
        .filter((value): value is number => value !== null);
      const mean =
        percents.length === 0
          ? null
          : Math.round((percents.reduce((sum, p) => sum + Math.abs(p), 0) / percents.length) * 10) /
            10;
      return { method, meanAbsErrorPercent: mean, periods: percents.length };
    }),
  };
}
