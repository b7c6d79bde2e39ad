import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { ListQuery, listOf } from '../../http/pagination';
import { getFunnelRow, resolveLocale } from '../funnels/funnels.service';
import { findStageHistory } from '../funnels/stageHistory';
import {
  Checklist,
  ChecklistRequest,
  GatePreview,
  GateQuery,
  MoveRequest,
  StageMove,
} from '../funnels/stages.schema';
import { Id } from '../users/users.schema';
import { addDealDocument, findDealDocuments } from './dealDocuments.service';
import { dealBoard, findDeals } from './deals.query';
import {
  Board,
  BoardQuery,
  CreateDealRequest,
  CreateDocumentRequest,
  DealDetail,
  DealDocument,
  DealListItem,
  DealListQuery,
  UpdateDealRequest,
} from './deals.schema';
import { createDeal, getDealDetail, getDealRow, updateDeal } from './deals.service';
import { moveDealStage, previewDealGate, setDealCheck } from './moveDealStage';

const IdParams = z.object({ id: Id });
const LocaleQuery = z.object({ locale: z.enum(LOCALES).optional() });

export async function dealsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: FastifyRequest) => ({ ...authOf(request), ip: request.ip });
  const context = async (request: FastifyRequest, locale?: (typeof LOCALES)[number]) => ({
    now: ctx.clock.now(),
    locale: await resolveLocale(db, authOf(request), locale),
  });

  r.post(
    '/deals',
    {
      schema: {
        tags: ['deals'],
        body: CreateDealRequest,
        querystring: LocaleQuery,
        response: { 201: DealDetail },
      },
    },
    async (request, reply) => {
      const deal = await createDeal(
        db,
        actor(request),
        request.body,
        await context(request, request.query.locale),
      );
      return reply.status(201).send(deal);
    },
  );

  r.get(
    '/deals',
    {
      schema: {
        tags: ['deals'],
        querystring: DealListQuery,
        response: { 200: listOf(DealListItem) },
      },
    },
    async (request) =>
      findDeals(db, authOf(request), request.query, await context(request, request.query.locale)),
  );

  r.get(
    '/deals/board',
    { schema: { tags: ['deals'], querystring: BoardQuery, response: { 200: Board } } },
    async (request) =>
      dealBoard(db, authOf(request), request.query, await context(request, request.query.locale)),
  );

  r.get(
    '/deals/:id',
    {
      schema: {
        tags: ['deals'],
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: DealDetail },
      },
    },
    async (request) =>
      getDealDetail(
        db,
        authOf(request),
        request.params.id,
        await context(request, request.query.locale),
      ),
  );

  r.patch(
    '/deals/:id',
    {
      schema: {
        tags: ['deals'],
        params: IdParams,
        body: UpdateDealRequest,
        querystring: LocaleQuery,
        response: { 200: DealDetail },
      },
    },
    async (request) =>
      updateDeal(
        db,
        actor(request),
        request.params.id,
        request.body,
        await context(request, request.query.locale),
      ),
  );

  r.post(
    '/deals/:id/move',
    {
      schema: {
        tags: ['deals'],
        params: IdParams,
        body: MoveRequest,
        querystring: LocaleQuery,
        response: { 200: DealDetail },
      },
    },
    async (request) =>
      moveDealStage(
        db,
        actor(request),
        request.params.id,
        request.body,
        await context(request, request.query.locale),
      ),
  );

  r.get(
    '/deals/:id/gate',
    {
      schema: {
        tags: ['deals'],
        params: IdParams,
        querystring: GateQuery,
        response: { 200: GatePreview },
      },
    },
    async (request) =>
      previewDealGate(
        db,
        authOf(request),
        request.params.id,
        request.query.toStageKey,
        await context(request, request.query.locale),
      ),
  );

  r.post(
    '/deals/:id/checklist',
    {
      schema: {
        tags: ['deals'],
        params: IdParams,
        body: ChecklistRequest,
        querystring: LocaleQuery,
        response: { 200: Checklist },
      },
    },
    async (request) =>
      setDealCheck(
        db,
        actor(request),
        request.params.id,
        request.body,
        await context(request, request.query.locale),
      ),
  );

  r.get(
    '/deals/:id/history',
    {
      schema: {
        tags: ['deals'],
        params: IdParams,
        querystring: ListQuery.extend(LocaleQuery.shape),
        response: { 200: listOf(StageMove) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const deal = await getDealRow(db, auth, request.params.id);
      const funnel = await getFunnelRow(db, auth.orgId, deal.funnel_id);
      const { locale } = await context(request, request.query.locale);
      return findStageHistory(
        db,
        { orgId: auth.orgId, dealId: deal.id },
        funnel.stages,
        request.query,
        locale,
      );
    },
  );

  r.post(
    '/deals/:id/documents',
    {
      schema: {
        tags: ['deals'],
        params: IdParams,
        body: CreateDocumentRequest,
        response: { 201: DealDocument },
      },
    },
    async (request, reply) => {
      const document = await addDealDocument(
        db,
        actor(request),
        request.params.id,
        request.body,
        ctx.clock.now(),
      );
      return reply.status(201).send(document);
    },
  );

  r.get(
    '/deals/:id/documents',
    {
      schema: {
        tags: ['deals'],
        params: IdParams,
        querystring: ListQuery,
        response: { 200: listOf(DealDocument) },
      },
    },
    async (request) => findDealDocuments(db, authOf(request), request.params.id, request.query),
  );
}
