import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { Id } from '../users/users.schema';
import {
  findHoldingLimits,
  getOwnershipSettings,
  removeHoldingLimit,
  setHoldingLimit,
  updateOwnershipSettings,
} from './ownershipSettings.service';
import {
  CreateTerritoryRequest,
  HoldingLimitOverride,
  OwnershipSettings,
  SetHoldingLimitRequest,
  Territory,
  UpdateOwnershipSettingsRequest,
} from './pool.schema';
import { createTerritory, deleteTerritory, findTerritories } from './territories.service';

const tags = ['pool settings'];
const LimitParams = z.object({ scope: z.enum(['teams', 'users']), targetId: Id });
const IdParams = z.object({ id: Id });
const admin = { roles: ['admin' as const] };

/** The pool policy, holding-limit overrides and grid territories (admins change, all read). */
export async function poolSettingsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: FastifyRequest) => ({ ...authOf(request), ip: request.ip });
  const scopeOf = (scope: 'teams' | 'users') => (scope === 'teams' ? 'team' : 'user');

  r.get(
    '/pool/settings',
    { schema: { tags, response: { 200: OwnershipSettings } } },
    async (request) => getOwnershipSettings(db, authOf(request).orgId),
  );

  r.patch(
    '/pool/settings',
    {
      config: admin,
      schema: { tags, body: UpdateOwnershipSettingsRequest, response: { 200: OwnershipSettings } },
    },
    async (request) => updateOwnershipSettings(db, actor(request), request.body, ctx.clock.now()),
  );

  r.get(
    '/pool/holding-limits',
    { schema: { tags, response: { 200: z.object({ items: z.array(HoldingLimitOverride) }) } } },
    async (request) => ({ items: await findHoldingLimits(db, authOf(request).orgId) }),
  );

  r.put(
    '/pool/holding-limits/:scope/:targetId',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Set the holding limit of a team or a user (overrides the org default)',
        params: LimitParams,
        body: SetHoldingLimitRequest,
        response: { 200: HoldingLimitOverride },
      },
    },
    async (request) =>
      setHoldingLimit(
        db,
        actor(request),
        scopeOf(request.params.scope),
        request.params.targetId,
        request.body.holdingLimit,
        ctx.clock.now(),
      ),
  );

  r.delete(
    '/pool/holding-limits/:scope/:targetId',
    { config: admin, schema: { tags, params: LimitParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeHoldingLimit(
        db,
        actor(request),
        scopeOf(request.params.scope),
        request.params.targetId,
      );
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/pool/territories',
    { schema: { tags, response: { 200: z.object({ items: z.array(Territory) }) } } },
    async (request) => ({ items: await findTerritories(db, authOf(request).orgId) }),
  );

  r.post(
    '/pool/territories',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Give a grid team (网格) a province, a city or a tag for its pool',
        body: CreateTerritoryRequest,
        response: { 201: Territory },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createTerritory(db, actor(request), request.body, ctx.clock.now())),
  );

  r.delete(
    '/pool/territories/:id',
    { config: admin, schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteTerritory(db, actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
