import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { fastSerializerCompiler } from '../../http/fastSerializer';
import { listOf } from '../../http/pagination';
import { getOrg } from '../orgs/orgs.service';
import { Id } from '../users/users.schema';
import { findCustomers } from './customers.query';
import {
  CreateCustomerRequest,
  Customer,
  CustomerListQuery,
  DuplicateCheckQuery,
  DuplicateMatch,
  UpdateCustomerRequest,
} from './customers.schema';
import { createCustomer, findDuplicates, getCustomer, updateCustomer } from './customers.service';
import { findCustomerTimeline, Timeline, TimelineQuery } from './customers.timeline';

const IdParams = z.object({ id: Id });

export async function customersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: Parameters<typeof authOf>[0]) => ({ ...authOf(request), ip: request.ip });

  r.post(
    '/customers',
    {
      schema: {
        tags: ['customers'],
        body: CreateCustomerRequest,
        response: { 201: Customer },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createCustomer(db, actor(request), request.body, ctx.clock.now())),
  );

  r.get(
    '/customers',
    {
      schema: {
        tags: ['customers'],
        querystring: CustomerListQuery,
        response: { 200: listOf(Customer) },
      },
      // The busiest call: its page is presentCustomer's, so it skips zod's encode.
      serializerCompiler: fastSerializerCompiler,
    },
    async (request) => {
      const auth = authOf(request);
      // Only the follow-up filter's day bounds need the org's time zone: the list is the
      // busiest call, so it spares the lookup otherwise (one query in three per request).
      const timeZone = request.query.followUp ? (await getOrg(db, auth.orgId)).timeZone : 'UTC';
      return findCustomers(db, auth, request.query, { now: ctx.clock.now(), timeZone });
    },
  );

  // The form asks before saving, so the user sees a possible duplicate while typing.
  r.get(
    '/customers/duplicates',
    {
      schema: {
        tags: ['customers'],
        querystring: DuplicateCheckQuery,
        response: { 200: z.object({ matches: z.array(DuplicateMatch) }) },
      },
    },
    async (request) => ({
      matches: await findDuplicates(
        db,
        authOf(request).orgId,
        request.query,
        request.query.excludeId,
      ),
    }),
  );

  r.get(
    '/customers/:id',
    { schema: { tags: ['customers'], params: IdParams, response: { 200: Customer } } },
    async (request) => getCustomer(db, authOf(request), request.params.id),
  );

  r.get(
    '/customers/:id/timeline',
    {
      schema: {
        tags: ['customers'],
        summary: "The customer's timeline: activities and field changes, newest first",
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: Timeline },
      },
    },
    async (request) => findCustomerTimeline(db, authOf(request), request.params.id, request.query),
  );

  r.patch(
    '/customers/:id',
    {
      schema: {
        tags: ['customers'],
        params: IdParams,
        body: UpdateCustomerRequest,
        response: { 200: Customer },
      },
    },
    async (request) => updateCustomer(db, actor(request), request.params.id, request.body),
  );
}
