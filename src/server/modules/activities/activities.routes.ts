import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { getOrg } from '../orgs/orgs.service';
import { Id } from '../users/users.schema';
import {
  Activity,
  ActivityListQuery,
  CreateActivityRequest,
  CustomerActivitiesQuery,
} from './activities.schema';
import {
  createActivity,
  findActivities,
  findCustomerActivities,
  getActivity,
} from './activities.service';

const IdParams = z.object({ id: Id });

export async function activitiesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.post(
    '/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'Log a follow-up (跟进记录) on a customer the caller may edit',
        body: CreateActivityRequest,
        response: { 201: Activity },
      },
    },
    async (request, reply) => {
      const actor = { ...authOf(request), ip: request.ip };
      const activity = await createActivity(db, actor, request.body, ctx.clock.now());
      return reply.status(201).send(activity);
    },
  );

  r.get(
    '/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'Follow-ups on the customers the caller may see, newest first',
        querystring: ActivityListQuery,
        response: { 200: listOf(Activity) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const org = await getOrg(db, auth.orgId);
      return findActivities(db, auth, request.query, org.timeZone);
    },
  );

  r.get(
    '/activities/:id',
    { schema: { tags: ['activities'], params: IdParams, response: { 200: Activity } } },
    async (request) => getActivity(db, authOf(request), request.params.id),
  );

  r.get(
    '/customers/:id/activities',
    {
      schema: {
        tags: ['activities'],
        summary: "A customer's follow-ups, newest first",
        params: IdParams,
        querystring: CustomerActivitiesQuery,
        response: { 200: listOf(Activity) },
      },
    },
    async (request) =>
      findCustomerActivities(db, authOf(request), request.params.id, request.query),
  );
}
