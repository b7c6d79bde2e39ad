import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { Id } from '../users/users.schema';
import {
  CreateTargetRequest,
  DeleteTargetQuery,
  Target,
  TargetsQuery,
  UpdateTargetRequest,
} from './forecast.schema';
import { createTarget, deleteTarget, listTargets, updateTarget } from './targets.service';

const IdParams = z.object({ id: Id });

export async function targetsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['forecast'];

  r.get(
    '/forecast/targets',
    {
      schema: {
        tags,
        description:
          'Sales targets (quotas) the caller may read: reps their own and their team’s, managers their teams’ and members’, admins all.',
        querystring: TargetsQuery,
        response: { 200: z.object({ items: z.array(Target) }) },
      },
    },
    async (request) => ({ items: await listTargets(db, authOf(request), request.query.period) }),
  );

  r.post(
    '/forecast/targets',
    {
      schema: {
        tags,
        description:
          'Sets the target of one user or one team for a month (YYYY-MM) or quarter (YYYY-Qn); amount in 元. Admins, or managers for their teams and members. 409 conflict when one exists.',
        body: CreateTargetRequest,
        response: { 201: Target },
      },
    },
    async (request, reply) => {
      const target = await createTarget(db, { ...authOf(request), ip: request.ip }, request.body);
      return reply.code(201).send(target);
    },
  );

  r.patch(
    '/forecast/targets/:id',
    {
      schema: {
        tags,
        description: 'Changes a target’s amount; 409 version_conflict when `version` is stale.',
        params: IdParams,
        body: UpdateTargetRequest,
        response: { 200: Target },
      },
    },
    async (request) =>
      updateTarget(db, { ...authOf(request), ip: request.ip }, request.params.id, request.body),
  );

  r.delete(
    '/forecast/targets/:id',
    {
      schema: {
        tags,
        description: 'Removes a target; 409 version_conflict when `version` is stale.',
        params: IdParams,
        querystring: DeleteTargetQuery,
      },
    },
    async (request, reply) => {
      await deleteTarget(
        db,
        { ...authOf(request), ip: request.ip },
        request.params.id,
        request.query.version,
      );
      return reply.code(204).send();
    },
  );
}
