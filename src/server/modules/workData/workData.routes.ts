import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { resolveLocale } from '../funnels/funnels.service';
import { getOrg } from '../orgs/orgs.service';
import { sendTables } from '../reports/reportExport';
import { Id } from '../users/users.schema';
import { activityReport } from './activityReport.service';
import {
  createActivityTarget,
  deleteActivityTarget,
  listActivityTargets,
  updateActivityTarget,
} from './activityTargets.service';
import { signalSuggestions, signalsReport } from './signals.service';
import { myProgress } from './targetProgress.service';
import {
  ActivityReport,
  ActivityReportQuery,
  ActivityTarget,
  CreateActivityTargetRequest,
  DeleteActivityTargetQuery,
  MyProgress,
  SignalSuggestions,
  SignalsReport,
  UpdateActivityTargetRequest,
  WorkDataQuery,
  WorkDataReport,
} from './workData.schema';
import { workDataTables } from './workDataExport';
import { workDataReport } from './workDataReport.service';

const IdParams = z.object({ id: Id });
const SCOPE =
  'Reps see their own work, managers their teams’ and their own, admins everyone’s; asking for someone outside that is 403. Days are inclusive, in the org’s time zone.';

export async function workDataRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['work data'];
  const timeZoneOf = async (orgId: string) => (await getOrg(db, orgId)).timeZone;

  r.get(
    '/reports/activity',
    {
      schema: {
        tags,
        description: `Per user: activities logged in the period, the effective ones, distinct customers among them and those with no earlier activity by anyone. ${SCOPE}`,
        querystring: ActivityReportQuery,
        response: { 200: ActivityReport },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return activityReport(db, auth, request.query, await timeZoneOf(auth.orgId));
    },
  );

  r.get(
    '/reports/work-data',
    {
      schema: {
        tags,
        description: `工作数据: per user, activities by type and channel, effective ratio, new customers, customers moved forward, contacted → won against seed 001's 15%, follow-ups before a win, inquiry reply time; the calendar and the trend against targets. ${SCOPE}`,
        querystring: WorkDataQuery,
        response: { 200: WorkDataReport },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return workDataReport(db, auth, request.query, await timeZoneOf(auth.orgId));
    },
  );

  r.get(
    '/reports/work-data/export',
    {
      schema: {
        tags,
        description:
          'The work data report and the signals report as .xlsx (one sheet each) or CSV; text cells starting with =, +, -, @ get a leading apostrophe.',
        querystring: WorkDataQuery.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const { format, ...query } = request.query;
      const [timeZone, locale] = await Promise.all([
        timeZoneOf(auth.orgId),
        resolveLocale(db, auth, query.locale),
      ]);
      const report = await workDataReport(db, auth, query, timeZone);
      const signals = await signalsReport(db, auth, query, timeZone);
      return sendTables(reply, db, {
        format,
        fileBase: `work-data-${query.from}-${query.to}`,
        tables: workDataTables(report, signals, locale),
        audit: {
          orgId: auth.orgId,
          userId: auth.id,
          ip: request.ip,
          entity: 'work_data_report',
          filters: query,
        },
      });
    },
  );

  r.get(
    '/reports/signals',
    {
      schema: {
        tags,
        description: `商机信号: per signal, activities tagged in the period, the customers tagged, and those that won a deal after their first such tag. ${SCOPE}`,
        querystring: ActivityReportQuery,
        response: { 200: SignalsReport },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return signalsReport(db, auth, request.query, await timeZoneOf(auth.orgId));
    },
  );

  r.get(
    '/work-data/signal-suggestions',
    {
      schema: {
        tags,
        description:
          'Visible customers at the list stage (清单) of the lifecycle with an opportunity signal logged since they entered it: suggested for the next stage (潜在).',
        querystring: z.object({
          customerId: Id.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: SignalSuggestions },
      },
    },
    async (request) => signalSuggestions(db, authOf(request), request.query),
  );

  r.get(
    '/me/activity-progress',
    {
      schema: {
        tags,
        description:
          'The caller’s activity targets (their own and their team’s) against the work done so far in the current day, week (Monday first) or month, in the org’s time zone.',
        response: { 200: MyProgress },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return myProgress(db, auth, await timeZoneOf(auth.orgId), ctx.clock.now());
    },
  );

  r.get(
    '/activity-targets',
    {
      schema: {
        tags,
        description:
          'Activity targets the caller may read: reps their own and their team’s, managers their teams’ and members’, admins all.',
        response: { 200: z.object({ items: z.array(ActivityTarget) }) },
      },
    },
    async (request) => ({ items: await listActivityTargets(db, authOf(request)) }),
  );

  r.post(
    '/activity-targets',
    {
      schema: {
        tags,
        description:
          'Sets a standing target of one user or one team: `target` of `metric` per day, week or month. Admins, or managers for their teams and members. 409 conflict when it exists.',
        body: CreateActivityTargetRequest,
        response: { 201: ActivityTarget },
      },
    },
    async (request, reply) => {
      const target = await createActivityTarget(
        db,
        { ...authOf(request), ip: request.ip },
        request.body,
      );
      return reply.code(201).send(target);
    },
  );

  r.patch(
    '/activity-targets/:id',
    {
      schema: {
        tags,
        description: 'Changes a target; 409 version_conflict when `version` is stale.',
        params: IdParams,
        body: UpdateActivityTargetRequest,
        response: { 200: ActivityTarget },
      },
    },
    async (request) =>
      updateActivityTarget(
        db,
        { ...authOf(request), ip: request.ip },
        request.params.id,
        request.body,
      ),
  );

  r.delete(
    '/activity-targets/:id',
    {
      schema: {
        tags,
        description: 'Removes a target; 409 version_conflict when `version` is stale.',
        params: IdParams,
        querystring: DeleteActivityTargetQuery,
      },
    },
    async (request, reply) => {
      await deleteActivityTarget(
        db,
        { ...authOf(request), ip: request.ip },
        request.params.id,
        request.query.version,
      );
      return reply.code(204).send();
    },
  );
}
