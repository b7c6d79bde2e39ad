// The forecast of a month or quarter by three methods, held against the target, and the
// backtest: what each method would have said at the start of past periods against what won.
import { sql } from 'drizzle-orm';
import { forecastError, historyForecast } from '../../../domain/forecast';
import {
  type CalendarPeriod,
  parsePeriodKey,
  periodOfDay,
  previousPeriods,
} from '../../../domain/forecast/forecastPeriod';
import { weightedForecastCents } from '../../../domain/forecast/weightedForecast';
import { addDays, zonedDay, zonedDayStart } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import { heldDealBranches, managedOwnerIds } from '../deals/deals.access';
import type { ReportContext } from '../reports/funnelReport.service';
import { ratio, reportFunnel, type StageInfo, stageInfos } from '../reports/funnelScope';
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
  openDealsAt,
  type ScopeSql,
  stageWinRatesAt,
  wonBetween,
} from './forecastFacts';
import { nowFactsHold, openDealTotalsNow, stageWinRatesNow } from './forecastNow';

const yuan = (cents: number) => cents / 100;

export async function scopeOf(db: Db, context: ReportContext, query: ForecastScope) {
  const [funnel, managed] = await Promise.all([
    reportFunnel(db, context.viewer.orgId, query.funnelId),
    managedOwnerIds(db, context.viewer),
  ]);
  const stages = stageInfos(funnel, context.locale);
  const viewer = context.viewer;
  // dealConditions without its visibility, which comes as branches: the visible deals of
  // customers someone holds (heldDealBranches); pool customers' deals are no one's forecast.
  const where = [sql`d.org_id = ${viewer.orgId}`, sql`d.funnel_id = ${funnel.id}`];
  if (query.ownerId) where.push(sql`d.owner_id = ${query.ownerId}`);
  if (query.teamId) {
    where.push(sql`d.owner_id in (select u.id from users u
      where u.org_id = ${viewer.orgId} and u.team_id = ${query.teamId})`);
  }
  const scope: ScopeSql = {
    viewer,
    funnelId: funnel.id,
    where,
    visible: heldDealBranches(viewer, managed),
    heldBy: viewer.role === 'admin' ? null : [...new Set([viewer.id, ...managed])],
    ownerId: query.ownerId,
    teamId: query.teamId,
    timeZone: context.timeZone,
  };
  return { stages, scope };
}

/** The look-back window's first instant: `months` calendar months before asOf's day. */
export function windowStart(asOfDay: string, months: number, timeZone: string): Date {
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
export async function forecastAt(
  db: Db,
  scope: ScopeSql,
  stages: readonly StageInfo[],
  period: CalendarPeriod,
  asOf: Date,
  lookbackMonths: number,
  withNames = false,
) {
  const today = zonedDay(asOf, scope.timeZone);
  const [openDeals, rates, committed] = await Promise.all([
    openDealsAt(db, scope, stages, asOf, withNames),
    stageWinRatesAt(db, scope, stages, windowStart(today, lookbackMonths, scope.timeZone), asOf),
    committedAt(db, scope, period, asOf),
  ]);
  const history = historyForecast(openDeals, rates, period, today);
  const figures: MethodFigures = {
    weighted: weightedForecastCents(openDeals, period, today),
    history: history.expectedCents,
    committed,
  };
  return { today, openDeals, rates, history, figures };
}

/**
 * forecastAt from the facts the triggers keep, for an instant after every fact of the org
 * (nowFactsHold): the same figures, the open deals summed in SQL.
 */
async function forecastNow(
  db: Db,
  scope: ScopeSql,
  stages: readonly StageInfo[],
  period: CalendarPeriod,
  asOf: Date,
  lookbackMonths: number,
) {
  const today = zonedDay(asOf, scope.timeZone);
  const [rates, committed] = await Promise.all([
    stageWinRatesNow(db, scope, stages, windowStart(today, lookbackMonths, scope.timeZone)),
    committedAt(db, scope, period, asOf),
  ]);
  const totals = await openDealTotalsNow(db, scope, stages, rates, period, today);
  const figures: MethodFigures = { ...totals, committed };
  return { today, rates, figures };
}

/** The period asked for (default: this month) and the instant it is forecast at. */
export function forecastInstant(context: ReportContext, query: ForecastQuery, now: Date) {
  const period =
    (query.period && parsePeriodKey(query.period)) ||
    periodOfDay(zonedDay(now, context.timeZone), 'month');
  const periodStart = zonedDayStart(period.from, context.timeZone);
  const periodEnd = zonedDayStart(addDays(period.to, 1), context.timeZone);
  // A past period is forecast no more: what was open at its end.
  const asOf = now < periodEnd ? now : periodEnd;
  return { period, periodStart, asOf };
}

/**
 * The scope's target: an owner's own; for a team its own target, else the sum of its members'
 * quotas (a manager who set each rep a quota has set the team's too); for a manager their
 * teams, for an admin every team counted that way plus the quotas of reps in no team.
 */
async function targetCents(
  db: Db,
  context: ReportContext,
  query: ForecastScope,
  periodKey: string,
): Promise<number | null> {
  const viewer = context.viewer;
  const ownerId = query.ownerId ?? (viewer.role === 'rep' && !query.teamId ? viewer.id : null);
  if (ownerId) {
    const [row] = await queryRows<{ total: string | null }>(
      db,
      sql`select sum(t.amount_cents)::bigint as total from sales_targets t
        where t.org_id = ${viewer.orgId} and t.period_key = ${periodKey} and t.user_id = ${ownerId}`,
    );
    return row?.total == null ? null : Number(row.total);
  }
  let teams = sql`true`;
  if (query.teamId) teams = sql`tm.id = ${query.teamId}`;
  else if (viewer.role === 'manager') {
    teams = sql`(tm.id = ${viewer.teamId} or tm.manager_id = ${viewer.id})`;
  }
  // The whole org also counts the quotas of reps in no team.
  const teamless =
    query.teamId || viewer.role === 'manager'
      ? sql``
      : sql`union all
        select t.amount_cents from sales_targets t
        join users u on u.org_id = t.org_id and u.id = t.user_id
        where t.org_id = ${viewer.orgId} and t.period_key = ${periodKey} and u.team_id is null`;
  const [row] = await queryRows<{ total: string | null }>(
    db,
    sql`select sum(part)::bigint as total from (
        select coalesce(
          (select sum(t.amount_cents) from sales_targets t
            where t.org_id = tm.org_id and t.period_key = ${periodKey} and t.team_id = tm.id),
          (select sum(t.amount_cents) from sales_targets t
            join users u on u.org_id = t.org_id and u.id = t.user_id
            where t.org_id = tm.org_id and t.period_key = ${periodKey} and u.team_id = tm.id)
        ) as part
        from teams tm where tm.org_id = ${viewer.orgId} and ${teams}
        ${teamless}
      ) parts`,
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
  const { period, periodStart, asOf } = forecastInstant(context, query, now);
  const [at, won, target] = await Promise.all([
    (await nowFactsHold(db, context.viewer.orgId, asOf))
      ? forecastNow(db, scope, stages, period, asOf, query.lookbackMonths)
      : forecastAt(db, scope, stages, period, asOf, query.lookbackMonths),
    periodStart < asOf ? wonBetween(db, scope, periodStart, asOf) : Promise.resolve(0),
    targetCents(db, context, query, period.key),
  ]);
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
