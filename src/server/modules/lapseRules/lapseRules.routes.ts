import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { Id } from '../users/users.schema';
import { findLapseWarnings, previewLapses } from './lapsePreview';
import {
  CreateLapseRuleRequest,
  LapseRule,
  LapseWarning,
  PreviewRequest,
  PreviewResult,
  UpdateLapseRuleRequest,
} from './lapseRules.schema';
import {
  createLapseRule,
  deleteLapseRule,
  findLapseRules,
  updateLapseRule,
} from './lapseRules.service';

const tags = ['lapse rules'];
const IdParams = z.object({ id: Id });
const admin = { roles: ['admin' as const] };

/** Lapse rules (回收规则): the settings page with its preview, and the owner's warnings. */
export async function lapseRulesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: FastifyRequest) => ({ ...authOf(request), ip: request.ip });

  r.get(
    '/pool/lapse-rules',
    { schema: { tags, response: { 200: z.object({ items: z.array(LapseRule) }) } } },
    async (request) => ({ items: await findLapseRules(db, authOf(request).orgId) }),
  );

  r.post(
    '/pool/lapse-rules',
    {
      config: admin,
      schema: { tags, body: CreateLapseRuleRequest, response: { 201: LapseRule } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createLapseRule(db, actor(request), request.body, ctx.clock.now())),
  );

  r.patch(
    '/pool/lapse-rules/:id',
    {
      config: admin,
      schema: {
        tags,
        params: IdParams,
        body: UpdateLapseRuleRequest,
        response: { 200: LapseRule },
      },
    },
    async (request) =>
      updateLapseRule(db, actor(request), request.params.id, request.body, ctx.clock.now()),
  );

  r.delete(
    '/pool/lapse-rules/:id',
    { config: admin, schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteLapseRule(db, actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/pool/lapse-rules/preview',
    {
      config: { roles: ['admin', 'manager'] },
      schema: {
        tags,
        summary: 'How many customers these (saved or draft) rules would lapse on a day',
        body: PreviewRequest,
        response: { 200: PreviewResult },
      },
    },
    async (request) => previewLapses(db, authOf(request).orgId, request.body, ctx.clock.now()),
  );

  r.get(
    '/me/lapse-warnings',
    {
      schema: {
        tags,
        summary: 'My customers nearing their lapse deadline ("My day")',
        response: { 200: z.object({ items: z.array(LapseWarning) }) },
      },
    },
    async (request) => ({
      items: await findLapseWarnings(db, authOf(request), ctx.clock.now()),
    }),
  );
}
