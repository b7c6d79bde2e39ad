import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { ListQuery, listOf } from '../../http/pagination';
import { resolveLocale } from '../funnels/funnels.service';
import { getOrg } from '../orgs/orgs.service';
import { LocaleParam } from '../reports/funnelReport.schema';
import { sendTables } from '../reports/reportExport';
import { Id } from '../users/users.schema';
import { addInvitees, findInvitees, markAttended, removeInvitee } from './campaigns.invitees';
import { campaignReport } from './campaigns.report';
import {
  AddInviteesRequest,
  AttendRequest,
  Campaign,
  CampaignListQuery,
  CampaignReport,
  CampaignReportQuery,
  CreateCampaignRequest,
  Invitee,
  UpdateCampaignRequest,
} from './campaigns.schema';
import {
  createCampaign,
  deleteCampaign,
  findCampaigns,
  getCampaign,
  updateCampaign,
} from './campaigns.service';
import { campaignReportTables } from './campaignsExport';

const tags = ['campaigns'];
const IdParams = z.object({ id: Id });
const InviteeParams = z.object({ id: Id, inviteeId: Id });
const VersionQuery = z.object({ version: z.coerce.number().int() });
/** Campaigns are run by managers and admins; reps read them. */
const EDITORS = { roles: ['admin', 'manager'] as ('admin' | 'manager')[] };

export async function campaignsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: Parameters<typeof authOf>[0]) => ({ ...authOf(request), ip: request.ip });

  r.get(
    '/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns (市场活动) of the org, newest first; counts cover visible invitees',
        querystring: CampaignListQuery,
        response: { 200: listOf(Campaign) },
      },
    },
    async (request) => findCampaigns(db, authOf(request), request.query),
  );

  r.post(
    '/campaigns',
    {
      config: EDITORS,
      schema: {
        tags,
        summary: 'Records a campaign: seminar, exhibition, user conference, roadshow or other',
        body: CreateCampaignRequest,
        response: { 201: Campaign },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCampaign(db, actor(request), request.body)),
  );

  r.get(
    '/campaigns/report',
    {
      schema: {
        tags,
        summary:
          'Per campaign and per source channel: invited, attended, customers moved forward since the start, deals won and their amount',
        querystring: CampaignReportQuery,
        response: { 200: CampaignReport },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const org = await getOrg(db, auth.orgId);
      return campaignReport(db, auth, request.query, org.timeZone);
    },
  );

  r.get(
    '/campaigns/report/export',
    {
      schema: {
        tags,
        description:
          'The campaign report as .xlsx (a sheet per campaign and per source channel) or CSV; text cells starting with =, +, -, @ get a leading apostrophe.',
        querystring: CampaignReportQuery.and(
          LocaleParam.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
        ),
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const { format, locale: asked, ...query } = request.query;
      const [org, locale] = await Promise.all([
        getOrg(db, auth.orgId),
        resolveLocale(db, auth, asked),
      ]);
      const report = await campaignReport(db, auth, query, org.timeZone);
      return sendTables(reply, db, {
        format,
        fileBase: `campaigns-${query.from ?? 'all'}-${query.to ?? 'all'}`,
        tables: campaignReportTables(report, locale),
        audit: {
          orgId: auth.orgId,
          userId: auth.id,
          ip: request.ip,
          entity: 'campaign_report',
          filters: query,
        },
      });
    },
  );

  r.get(
    '/campaigns/:id',
    { schema: { tags, params: IdParams, response: { 200: Campaign } } },
    async (request) => getCampaign(db, authOf(request), request.params.id),
  );

  r.patch(
    '/campaigns/:id',
    {
      config: EDITORS,
      schema: { tags, params: IdParams, body: UpdateCampaignRequest, response: { 200: Campaign } },
    },
    async (request) => updateCampaign(db, actor(request), request.params.id, request.body),
  );

  r.delete(
    '/campaigns/:id',
    {
      config: EDITORS,
      schema: {
        tags,
        summary: 'Deletes a campaign and its invitations at its version; 409 once anyone attended',
        params: IdParams,
        querystring: VersionQuery,
      },
    },
    async (request, reply) => {
      await deleteCampaign(db, actor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  r.get(
    '/campaigns/:id/invitees',
    {
      schema: {
        tags,
        summary: 'Invited customers and contacts the caller may see, by customer name',
        params: IdParams,
        querystring: ListQuery,
        response: { 200: listOf(Invitee) },
      },
    },
    async (request) => findInvitees(db, authOf(request), request.params.id, request.query),
  );

  r.post(
    '/campaigns/:id/invitees',
    {
      config: EDITORS,
      schema: {
        tags,
        summary: 'Invites customers (or their contacts); already invited ones are skipped',
        params: IdParams,
        body: AddInviteesRequest,
        response: { 200: z.object({ added: z.number().int() }) },
      },
    },
    async (request) =>
      addInvitees(db, actor(request), request.params.id, request.body, ctx.clock.now()),
  );

  r.delete(
    '/campaigns/:id/invitees/:inviteeId',
    { config: EDITORS, schema: { tags, params: InviteeParams } },
    async (request, reply) => {
      await removeInvitee(db, actor(request), request.params.id, request.params.inviteeId);
      return reply.status(204).send();
    },
  );

  r.post(
    '/campaigns/:id/invitees/:inviteeId/attendance',
    {
      config: EDITORS,
      schema: {
        tags,
        summary:
          'Marks an invitee as attended and logs an effective meeting on the customer (once)',
        params: InviteeParams,
        body: AttendRequest,
        response: { 200: Invitee },
      },
    },
    async (request) => {
      const auth = actor(request);
      const org = await getOrg(db, auth.orgId);
      return markAttended(db, auth, request.params.id, request.params.inviteeId, {
        attendedOn: request.body.attendedOn,
        now: ctx.clock.now(),
        timeZone: org.timeZone,
      });
    },
  );
}
