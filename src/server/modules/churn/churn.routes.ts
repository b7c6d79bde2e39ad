import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Locale } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { notFound } from '../../http/errors';
import { resolveLocale } from '../funnels/funnels.service';
import { getOrg } from '../orgs/orgs.service';
import { LocaleQuery } from '../scoring/scoring.schema';
import { Task } from '../tasks/tasks.schema';
import { Id } from '../users/users.schema';
import {
  ChurnReport,
  ChurnReportQuery,
  ChurnSettings,
  CustomerWarnings,
  UpdateChurnSettingsRequest,
  WarningTaskParams,
} from './churn.schema';
import {
  findChurnWarnings,
  getChurnSettings,
  updateChurnSettings,
  warningsOfCustomer,
} from './churn.service';
import { createWarningTask } from './churnTask';

const IdParams = z.object({ id: Id });
const WarningTask = z.object({ task: Task, created: z.boolean() });

export async function churnRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const context = async (request: FastifyRequest, locale?: Locale) => {
    const auth = authOf(request);
    const org = await getOrg(db, auth.orgId);
    return {
      now: ctx.clock.now(),
      timeZone: org.timeZone,
      locale: await resolveLocale(db, auth, locale),
    };
  };

  r.get(
    '/settings/churn-warnings',
    {
      schema: {
        tags: ['churn'],
        summary: 'Thresholds of the churn early warnings (预警)',
        response: { 200: ChurnSettings },
      },
    },
    async (request) => getChurnSettings(db, authOf(request).orgId),
  );

  r.put(
    '/settings/churn-warnings',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['churn'],
        summary: 'Change the churn-warning thresholds (admin, with the version)',
        body: UpdateChurnSettingsRequest,
        response: { 200: ChurnSettings },
      },
    },
    async (request) =>
      updateChurnSettings(db, { ...authOf(request), ip: request.ip }, request.body),
  );

  r.get(
    '/reports/churn-warnings',
    {
      schema: {
        tags: ['churn', 'reports'],
        summary: 'Active customers with churn warnings, most urgent first',
        querystring: ChurnReportQuery,
        response: { 200: ChurnReport },
      },
    },
    async (request) =>
      findChurnWarnings(
        db,
        authOf(request),
        request.query,
        await context(request, request.query.locale),
      ),
  );

  r.get(
    '/me/churn-warnings',
    {
      schema: {
        tags: ['churn'],
        summary: 'Churn warnings on my own customers, for "My day"',
        querystring: ChurnReportQuery.omit({ ownerId: true, teamId: true }),
        response: { 200: ChurnReport },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return findChurnWarnings(
        db,
        auth,
        { ...request.query, ownerId: auth.id },
        await context(request, request.query.locale),
      );
    },
  );

  r.get(
    '/customers/:id/warnings',
    {
      schema: {
        tags: ['churn'],
        summary: "A customer's churn warnings today",
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: CustomerWarnings },
      },
    },
    async (request) => {
      const found = await warningsOfCustomer(
        db,
        authOf(request),
        request.params.id,
        await context(request, request.query.locale),
      );
      if (!found) throw notFound('Customer');
      return { customerId: request.params.id, ...found };
    },
  );

  r.post(
    '/customers/:id/warnings/:code/task',
    {
      schema: {
        tags: ['churn'],
        summary:
          'A follow-up task for the owner from a current warning, due today (201; 200 if open)',
        params: WarningTaskParams,
        response: { 200: WarningTask, 201: WarningTask },
      },
    },
    async (request, reply) => {
      const result = await createWarningTask(
        db,
        { ...authOf(request), ip: request.ip },
        request.params.id,
        request.params.code,
        await context(request),
      );
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
}
