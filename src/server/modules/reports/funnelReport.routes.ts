import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { zonedDay } from '../../../domain/format/dates';
import type { Locale } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { resolveLocale } from '../funnels/funnels.service';
import { getOrg } from '../orgs/orgs.service';
import { funnelReportTables } from './funnelExport';
import {
  BreakdownQuery,
  FunnelBreakdown,
  FunnelFlow,
  FunnelReport,
  FunnelReportQuery,
  FunnelTrend,
  FunnelVelocity,
  LostReasons,
  ReportExportQuery,
  StaleDeals,
  TrendQuery,
  WonBySource,
} from './funnelReport.schema';
import { getFunnelReport, type ReportContext } from './funnelReport.service';
import {
  getFunnelBreakdown,
  getFunnelFlow,
  getFunnelTrend,
  getFunnelVelocity,
  getLostReasons,
  getStaleDeals,
  getWonBySource,
} from './funnelViews.service';
import { sendTables } from './reportExport';

export async function reportContext(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<ReportContext> {
  const auth = authOf(request);
  const db = ctx.database.db;
  const requested = (request.query as { locale?: Locale } | undefined)?.locale;
  const [org, locale] = await Promise.all([
    getOrg(db, auth.orgId),
    resolveLocale(db, auth, requested),
  ]);
  return { viewer: auth, locale, timeZone: org.timeZone };
}

export async function funnelReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['reports'];
  const scope =
    'Deals of one funnel (default: the first deal funnel) the caller may see, optionally of one owner or team.';

  r.get(
    '/reports/funnel',
    {
      schema: {
        tags,
        description: `${scope} count/amount/weightedAmount: deals in each stage now (won and lost at their terminal stage); reached: deals that ever entered the stage or a later one; conversionToNext = next reached ÷ reached; winRate = won ÷ (won + lost). from/to (inclusive days, org time zone) keep the deals created in the period.`,
        querystring: FunnelReportQuery,
        response: { 200: FunnelReport },
      },
    },
    async (request) => getFunnelReport(db, await reportContext(ctx, request), request.query),
  );

  r.get(
    '/reports/funnel/breakdown',
    {
      schema: {
        tags,
        description: `${scope} The snapshot side by side per owner, team, product or source (same from/to as /reports/funnel).`,
        querystring: BreakdownQuery,
        response: { 200: FunnelBreakdown },
      },
    },
    async (request) => getFunnelBreakdown(db, await reportContext(ctx, request), request.query),
  );

  r.get(
    '/reports/funnel/flow',
    {
      schema: {
        tags,
        description: `${scope} Flow in the period (default: this month): distinct deals that entered each stage in it.`,
        querystring: FunnelReportQuery,
        response: { 200: FunnelFlow },
      },
    },
    async (request) =>
      getFunnelFlow(db, await reportContext(ctx, request), request.query, ctx.clock.now()),
  );

  r.get(
    '/reports/funnel/trend',
    {
      schema: {
        tags,
        description: `${scope} Deals entering each stage per month of a year (default: this year).`,
        querystring: TrendQuery,
        response: { 200: FunnelTrend },
      },
    },
    async (request) =>
      getFunnelTrend(db, await reportContext(ctx, request), request.query, ctx.clock.now()),
  );

  r.get(
    '/reports/funnel/velocity',
    {
      schema: {
        tags,
        description: `${scope} Median and p80 whole days in each stage over the stays that ended in the period.`,
        querystring: FunnelReportQuery,
        response: { 200: FunnelVelocity },
      },
    },
    async (request) => getFunnelVelocity(db, await reportContext(ctx, request), request.query),
  );

  r.get(
    '/reports/funnel/stale',
    {
      schema: {
        tags,
        description: `${scope} Open deals past their stage's stale threshold, most overdue first (200 at most).`,
        querystring: FunnelReportQuery,
        response: { 200: StaleDeals },
      },
    },
    async (request) =>
      getStaleDeals(db, await reportContext(ctx, request), request.query, ctx.clock.now()),
  );

  r.get(
    '/reports/funnel/won-by-source',
    {
      schema: {
        tags,
        description: `${scope} Deals won in the period by the customer's source channel.`,
        querystring: FunnelReportQuery,
        response: { 200: WonBySource },
      },
    },
    async (request) => getWonBySource(db, await reportContext(ctx, request), request.query),
  );

  r.get(
    '/reports/funnel/lost-reasons',
    {
      schema: {
        tags,
        description: `${scope} Deals lost in the period by lost reason.`,
        querystring: FunnelReportQuery,
        response: { 200: LostReasons },
      },
    },
    async (request) => getLostReasons(db, await reportContext(ctx, request), request.query),
  );

  r.get(
    '/reports/funnel/export',
    {
      schema: {
        tags,
        description:
          'The funnel report and its views as .xlsx (one sheet each, numbers as numbers) or CSV (sections one after another); text cells starting with =, +, -, @ get a leading apostrophe.',
        querystring: ReportExportQuery,
      },
    },
    async (request, reply) => {
      const context = await reportContext(ctx, request);
      const { format, ...query } = request.query;
      const now = ctx.clock.now();
      const tables = await funnelReportTables(db, context, query, now);
      return sendTables(reply, db, {
        format,
        fileBase: `funnel-report-${zonedDay(now, context.timeZone)}`,
        tables,
        audit: {
          orgId: context.viewer.orgId,
          userId: context.viewer.id,
          ip: request.ip,
          entity: 'funnel_report',
          filters: query,
        },
      });
    },
  );
}
