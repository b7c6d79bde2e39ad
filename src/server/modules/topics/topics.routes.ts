import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { Id } from '../users/users.schema';
import { CreateTopicRequest, Topic, TopicListQuery, UpdateTopicRequest } from './topics.schema';
import { createTopic, deleteTopic, findTopics, getTopic, updateTopic } from './topics.service';

const IdParams = z.object({ id: Id });
const EDITORS = { roles: ['admin' as const, 'manager' as const] };

export async function topicsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: Parameters<typeof authOf>[0]) => ({ ...authOf(request), ip: request.ip });

  r.get(
    '/topics',
    {
      schema: {
        tags: ['topics'],
        summary: 'The follow-up topic library (跟进话题), complete (nextCursor is always null)',
        querystring: TopicListQuery,
        response: { 200: listOf(Topic) },
      },
    },
    async (request) => ({
      items: await findTopics(db, authOf(request).orgId, request.query),
      nextCursor: null,
    }),
  );

  r.get(
    '/topics/:id',
    { schema: { tags: ['topics'], params: IdParams, response: { 200: Topic } } },
    async (request) => getTopic(db, authOf(request).orgId, request.params.id),
  );

  r.post(
    '/topics',
    {
      config: EDITORS,
      schema: {
        tags: ['topics'],
        summary: 'Add a topic (admins and managers)',
        body: CreateTopicRequest,
        response: { 201: Topic },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTopic(db, actor(request), request.body)),
  );

  r.patch(
    '/topics/:id',
    {
      config: EDITORS,
      schema: {
        tags: ['topics'],
        summary: 'Edit, move or deactivate a topic (admins and managers, with its version)',
        params: IdParams,
        body: UpdateTopicRequest,
        response: { 200: Topic },
      },
    },
    async (request) => updateTopic(db, actor(request), request.params.id, request.body),
  );

  r.delete(
    '/topics/:id',
    {
      config: EDITORS,
      schema: {
        tags: ['topics'],
        summary: 'Delete a topic (admins and managers)',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteTopic(db, actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
