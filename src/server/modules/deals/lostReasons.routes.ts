import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { Id } from '../users/users.schema';
import {
  CreateLostReasonRequest,
  createLostReason,
  findLostReasons,
  LostReason,
  UpdateLostReasonRequest,
  updateLostReason,
} from './lostReasons.service';

export async function lostReasonsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get(
    '/settings/lost-reasons',
    {
      schema: {
        tags: ['deals'],
        querystring: z.object({ includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: listOf(LostReason) },
      },
    },
    async (request) =>
      findLostReasons(db, authOf(request).orgId, request.query.includeInactive === 'true'),
  );

  r.post(
    '/settings/lost-reasons',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['deals'], body: CreateLostReasonRequest, response: { 201: LostReason } },
    },
    async (request, reply) => {
      const reason = await createLostReason(
        db,
        { ...authOf(request), ip: request.ip },
        request.body,
      );
      return reply.status(201).send(reason);
    },
  );

  r.patch(
    '/settings/lost-reasons/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['deals'],
        params: z.object({ id: Id }),
        body: UpdateLostReasonRequest,
        response: { 200: LostReason },
      },
    },
    async (request) =>
      updateLostReason(db, { ...authOf(request), ip: request.ip }, request.params.id, request.body),
  );
}
