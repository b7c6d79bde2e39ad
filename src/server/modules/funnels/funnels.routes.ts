import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { ListQuery, listOf } from '../../http/pagination';
import { Id } from '../users/users.schema';
import {
  CreateFunnelRequest,
  FUNNEL_PURPOSES,
  Funnel,
  FunnelTemplateOut,
  LocaleQuery,
  UpdateFunnelRequest,
} from './funnels.schema';
import {
  createFunnel,
  findFunnels,
  getFunnel,
  listTemplates,
  presentFunnel,
  resolveLocale,
  updateFunnel,
} from './funnels.service';

const IdParams = z.object({ id: Id });

export async function funnelsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: Parameters<typeof authOf>[0]) => ({ ...authOf(request), ip: request.ip });

  r.get(
    '/funnel-templates',
    {
      schema: {
        tags: ['funnels'],
        querystring: LocaleQuery,
        response: { 200: z.array(FunnelTemplateOut) },
      },
    },
    async (request) =>
      listTemplates(await resolveLocale(db, authOf(request), request.query.locale)),
  );

  r.post(
    '/funnels',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['funnels'], body: CreateFunnelRequest, response: { 201: Funnel } },
    },
    async (request, reply) => {
      const locale = await resolveLocale(db, authOf(request), request.body.locale);
      const row = await createFunnel(db, actor(request), request.body, locale);
      return reply.status(201).send(presentFunnel(row, locale));
    },
  );

  r.get(
    '/funnels',
    {
      schema: {
        tags: ['funnels'],
        querystring: ListQuery.extend(LocaleQuery.shape).extend({
          purpose: z.enum(FUNNEL_PURPOSES).optional(),
        }),
        response: { 200: listOf(Funnel) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const locale = await resolveLocale(db, auth, request.query.locale);
      return findFunnels(db, auth.orgId, request.query, locale);
    },
  );

  r.get(
    '/funnels/:id',
    {
      schema: {
        tags: ['funnels'],
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: Funnel },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const locale = await resolveLocale(db, auth, request.query.locale);
      return getFunnel(db, auth.orgId, request.params.id, locale);
    },
  );

  r.patch(
    '/funnels/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['funnels'],
        params: IdParams,
        body: UpdateFunnelRequest,
        response: { 200: Funnel },
      },
    },
    async (request) => {
      const locale = await resolveLocale(db, authOf(request), request.body.locale);
      const row = await updateFunnel(db, actor(request), request.params.id, request.body, locale);
      return presentFunnel(row, locale);
    },
  );
}
