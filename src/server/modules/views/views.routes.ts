import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { Id } from '../users/users.schema';
import { CreateSavedViewRequest, SavedView, SavedViewListQuery } from './views.schema';
import { createSavedView, deleteSavedView, findSavedViews } from './views.service';

export async function viewsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: Parameters<typeof authOf>[0]) => ({ ...authOf(request), ip: request.ip });

  r.get(
    '/views',
    {
      schema: {
        tags: ['views'],
        summary: "The caller's saved views of a list, by name (nextCursor is always null)",
        querystring: SavedViewListQuery,
        response: { 200: listOf(SavedView) },
      },
    },
    async (request) => ({
      items: await findSavedViews(db, actor(request), request.query.entity),
      nextCursor: null,
    }),
  );

  r.post(
    '/views',
    {
      schema: {
        tags: ['views'],
        summary: "Save the list's current filters under a name",
        body: CreateSavedViewRequest,
        response: { 201: SavedView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSavedView(db, actor(request), request.body)),
  );

  r.delete(
    '/views/:id',
    {
      schema: {
        tags: ['views'],
        params: z.object({ id: Id }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteSavedView(db, actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
