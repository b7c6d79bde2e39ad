import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { recordAudit } from '../audit/audit.service';
import { getOrg } from '../orgs/orgs.service';
import { overviewCsv, overviewXlsx } from './funnelReviews.export';
import {
  CommentRequest,
  ExportQuery,
  FunnelReview,
  IdParams,
  MyReviews,
  PeriodParams,
  RepPeriodParams,
  TeamOverview,
  TeamQuery,
  UpdateReviewRequest,
  VersionRequest,
} from './funnelReviews.schema';
import {
  addComment,
  changeStatus,
  findMyReviews,
  getReview,
  openMyReview,
  openRepReview,
  updateReview,
} from './funnelReviews.service';
import { getTeamOverview } from './funnelReviews.team';

const TAGS = ['funnel-reviews'];

export async function funnelReviewsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actorOf = (request: FastifyRequest) => ({ ...authOf(request), ip: request.ip });
  const clocked = async (request: FastifyRequest) => ({
    now: ctx.clock.now(),
    timeZone: (await getOrg(db, authOf(request).orgId)).timeZone,
  });

  r.get(
    '/funnel-reviews/mine',
    {
      schema: {
        tags: TAGS,
        summary:
          "The caller's semi-monthly funnel reports (半月漏斗报表) and the period to file now",
        response: { 200: MyReviews },
      },
    },
    async (request) => findMyReviews(db, actorOf(request), await clocked(request)),
  );

  r.post(
    '/funnel-reviews/mine/:period',
    {
      schema: {
        tags: TAGS,
        summary:
          "Open the caller's report for a period (2026-03-H1 = 1st–15th, H2 = 16th–end); created as a draft prefilled from their open deals on first open",
        params: PeriodParams,
        response: { 200: FunnelReview },
      },
    },
    async (request) =>
      openMyReview(db, actorOf(request), request.params.period, await clocked(request)),
  );

  r.get(
    '/funnel-reviews/team',
    {
      schema: {
        tags: TAGS,
        summary:
          "Managers and admins: each rep's report status (pending/submitted/late/missing/reviewed) and leak rate (漏网率) for a period, per team and in total",
        querystring: TeamQuery,
        response: { 200: TeamOverview },
      },
    },
    async (request) => getTeamOverview(db, actorOf(request), request.query, await clocked(request)),
  );

  r.post(
    '/funnel-reviews/team/:userId/:period',
    {
      schema: {
        tags: TAGS,
        summary:
          "Managers and admins: open a rep's report for a period from the team table (read-only); a rep who has not opened it yet gets it created as the draft prefilled from their open deals",
        params: RepPeriodParams,
        response: { 200: FunnelReview },
      },
    },
    async (request) =>
      openRepReview(
        db,
        actorOf(request),
        request.params.userId,
        request.params.period,
        await clocked(request),
      ),
  );

  r.get(
    '/funnel-reviews/team/export',
    {
      schema: {
        tags: TAGS,
        summary: 'The team table of a period as .xlsx or CSV (UTF-8 with BOM)',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format, lang, ...query } = request.query;
      const clock = await clocked(request);
      const overview = await getTeamOverview(db, actor, query, clock);
      const locale = lang ?? (actor.locale === 'en' ? 'en' : 'zh-CN');
      await recordAudit(db, {
        orgId: actor.orgId,
        userId: actor.id,
        ip: actor.ip,
        action: 'export',
        entity: 'funnel_review',
        changes: { format, period: overview.period.key, rows: overview.rows.length },
      });
      const fileName = `funnel-reviews-${overview.period.key}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store');
      return format === 'csv'
        ? reply
            .header('content-type', 'text/csv; charset=utf-8')
            .send(overviewCsv(overview, locale, clock.timeZone))
        : reply
            .header(
              'content-type',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            )
            .send(await overviewXlsx(overview, locale, clock.timeZone));
    },
  );

  r.get(
    '/funnel-reviews/:id',
    {
      schema: {
        tags: TAGS,
        summary:
          'One report with its lines, comments and the contacted customers behind its leak rate',
        params: IdParams,
        response: { 200: FunnelReview },
      },
    },
    async (request) => getReview(db, actorOf(request), request.params.id, await clocked(request)),
  );

  r.patch(
    '/funnel-reviews/:id',
    {
      schema: {
        tags: TAGS,
        summary:
          'Edit the note and/or replace the lines (owner only, until reviewed), with version',
        params: IdParams,
        body: UpdateReviewRequest,
        response: { 200: FunnelReview },
      },
    },
    async (request) =>
      updateReview(db, actorOf(request), request.params.id, request.body, await clocked(request)),
  );

  r.post(
    '/funnel-reviews/:id/submit',
    {
      schema: {
        tags: TAGS,
        summary: 'Submit a draft report (owner only); after the end of the due day it is late',
        params: IdParams,
        body: VersionRequest,
        response: { 200: FunnelReview },
      },
    },
    async (request) =>
      changeStatus(
        db,
        actorOf(request),
        request.params.id,
        { to: 'submitted', version: request.body.version },
        await clocked(request),
      ),
  );

  r.post(
    '/funnel-reviews/:id/review',
    {
      schema: {
        tags: TAGS,
        summary: "Mark a submitted report reviewed (the rep's manager or an admin)",
        params: IdParams,
        body: VersionRequest,
        response: { 200: FunnelReview },
      },
    },
    async (request) =>
      changeStatus(
        db,
        actorOf(request),
        request.params.id,
        { to: 'reviewed', version: request.body.version },
        await clocked(request),
      ),
  );

  r.post(
    '/funnel-reviews/:id/comments',
    {
      schema: {
        tags: TAGS,
        summary: 'Comment on a report (its rep, their manager or an admin)',
        params: IdParams,
        body: CommentRequest,
        response: { 201: FunnelReview },
      },
    },
    async (request, reply) => {
      const review = await addComment(
        db,
        actorOf(request),
        request.params.id,
        request.body.body,
        await clocked(request),
      );
      return reply.status(201).send(review);
    },
  );
}
