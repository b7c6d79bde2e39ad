import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { ListQuery, listOf } from '../../http/pagination';
import { resolveLocale } from '../funnels/funnels.service';
import {
  Checklist,
  ChecklistRequest,
  GatePreview,
  GateQuery,
  StageMove,
} from '../funnels/stages.schema';
import { Id } from '../users/users.schema';
import { Lifecycle, LifecycleMoveRequest } from './lifecycle.schema';
import {
  findLifecycleHistory,
  getLifecycle,
  moveLifecycle,
  previewLifecycleGate,
  setLifecycleCheck,
} from './lifecycle.service';

const IdParams = z.object({ id: Id });
const LocaleQuery = z.object({ locale: z.enum(LOCALES).optional() });

export async function lifecycleRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: FastifyRequest) => ({ ...authOf(request), ip: request.ip });
  const context = async (request: FastifyRequest, locale?: (typeof LOCALES)[number]) => ({
    now: ctx.clock.now(),
    locale: await resolveLocale(db, authOf(request), locale),
  });

  r.get(
    '/customers/:id/lifecycle',
    {
      schema: {
        tags: ['lifecycle'],
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: Lifecycle },
      },
    },
    async (request) =>
      getLifecycle(
        db,
        actor(request),
        request.params.id,
        await context(request, request.query.locale),
      ),
  );

  r.post(
    '/customers/:id/lifecycle/move',
    {
      schema: {
        tags: ['lifecycle'],
        params: IdParams,
        body: LifecycleMoveRequest,
        querystring: LocaleQuery,
        response: { 200: Lifecycle },
      },
    },
    async (request) =>
      moveLifecycle(
        db,
        actor(request),
        request.params.id,
        request.body,
        await context(request, request.query.locale),
      ),
  );

  r.get(
    '/customers/:id/lifecycle/gate',
    {
      schema: {
        tags: ['lifecycle'],
        params: IdParams,
        querystring: GateQuery,
        response: { 200: GatePreview },
      },
    },
    async (request) =>
      previewLifecycleGate(
        db,
        actor(request),
        request.params.id,
        request.query.toStageKey,
        await context(request, request.query.locale),
      ),
  );

  r.post(
    '/customers/:id/lifecycle/checklist',
    {
      schema: {
        tags: ['lifecycle'],
        params: IdParams,
        body: ChecklistRequest,
        querystring: LocaleQuery,
        response: { 200: Checklist },
      },
    },
    async (request) =>
      setLifecycleCheck(
        db,
        actor(request),
        request.params.id,
        request.body,
        await context(request, request.query.locale),
      ),
  );

  r.get(
    '/customers/:id/lifecycle/history',
    {
      schema: {
        tags: ['lifecycle'],
        params: IdParams,
        querystring: ListQuery.extend(LocaleQuery.shape),
        response: { 200: listOf(StageMove) },
      },
    },
    async (request) =>
      findLifecycleHistory(
        db,
        actor(request),
        request.params.id,
        request.query,
        await context(request, request.query.locale),
      ),
  );
}
