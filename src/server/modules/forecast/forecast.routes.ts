import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { zonedDay } from '../../../domain/format/dates';
import type { AppContext } from '../../context';
import { reportContext } from '../reports/funnelReport.routes';
import { sendTables } from '../reports/reportExport';
import {
  Backtest,
  BacktestQuery,
  Forecast,
  ForecastDeals,
  ForecastDealsQuery,
  ForecastExportQuery,
  ForecastQuery,
} from './forecast.schema';
import { getBacktest, getForecast } from './forecast.service';
import { getForecastDeals } from './forecastDeals';
import { forecastTables } from './forecastExport';

export async function forecastRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['forecast'];

  r.get(
    '/forecast',
    {
      schema: {
        tags,
        description:
          'Forecast of a month or quarter (default: this month) over the deals the caller may see whose customer someone holds (deals of pool customers are nobody’s pipeline and are left out): weighted pipeline (Σ amount × probability of open deals closing in the period), history (each stage’s observed win ratio and median days to close over the look-back window, applied to the open deals) and committed (Σ amount × success rate of each rep’s latest submitted semi-monthly report), each plus what has already been won, against the target, and each stage’s history. The totals are over every open deal; the deals themselves are listed a page at a time by GET /forecast/deals.',
        querystring: ForecastQuery,
        response: { 200: Forecast },
      },
    },
    async (request) =>
      getForecast(db, await reportContext(ctx, request), request.query, ctx.clock.now()),
  );

  r.get(
    '/forecast/deals',
    {
      schema: {
        tags,
        description:
          'The open deals of the same forecast (same scope, period and look-back as GET /forecast), a page at a time: `limit` deals (default 50, at most 500) after the first `offset`, sorted by `sort` (amount, or expectedCloseDate with deals without a date last) in `order` (default: amount, largest first); ties are broken by the deal id, so pages never overlap. Each deal carries what the weighted and history methods count of it in the period. `total` is the number of open deals in the scope. The export (GET /forecast/export) lists every deal, not a page.',
        querystring: ForecastDealsQuery,
        response: { 200: ForecastDeals },
      },
    },
    async (request) => {
      const { sort, order, limit, offset, ...query } = request.query;
      return getForecastDeals(
        db,
        await reportContext(ctx, request),
        query,
        { sort, order },
        { limit, offset },
        ctx.clock.now(),
      );
    },
  );

  r.get(
    '/forecast/backtest',
    {
      schema: {
        tags,
        description:
          'For the past whole months or quarters: what each method would have forecast at the period’s start, against what was won in it; error = forecast − actual.',
        querystring: BacktestQuery,
        response: { 200: Backtest },
      },
    },
    async (request) =>
      getBacktest(db, await reportContext(ctx, request), request.query, ctx.clock.now()),
  );

  r.get(
    '/forecast/export',
    {
      schema: {
        tags,
        description:
          'The forecast, all its open deals (every one, not a page; largest amount first), stage rates and the backtest as .xlsx (one sheet each) or CSV.',
        querystring: ForecastExportQuery,
      },
    },
    async (request, reply) => {
      const context = await reportContext(ctx, request);
      const { format, unit, periods, ...query } = request.query;
      const now = ctx.clock.now();
      const [forecast, deals, backtest] = await Promise.all([
        getForecast(db, context, query, now),
        getForecastDeals(db, context, query, { sort: 'amount', order: 'desc' }, null, now),
        getBacktest(db, context, { ...query, unit, periods }, now),
      ]);
      return sendTables(reply, db, {
        format,
        fileBase: `forecast-${forecast.period.key}-${zonedDay(now, context.timeZone)}`,
        tables: forecastTables(context.locale, forecast, deals.items, backtest),
        audit: {
          orgId: context.viewer.orgId,
          userId: context.viewer.id,
          ip: request.ip,
          entity: 'forecast',
          filters: request.query,
        },
      });
    },
  );
}
