import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { resolveLocale } from '../funnels/funnels.service';
import { Id } from '../users/users.schema';
import {
  CustomerScore,
  LocaleQuery,
  ScoringSettings,
  UpdateScoringRulesRequest,
  UpdateScoringRulesResponse,
} from './scoring.schema';
import {
  applyScoringRules,
  getCustomerScore,
  getScoringSettings,
  updateScoringRules,
} from './scoring.service';

const IdParams = z.object({ id: Id });

export async function scoringRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  // Everyone may read the criteria: the customer page explains a score with them.
  r.get(
    '/settings/scoring',
    {
      schema: {
        tags: ['scoring'],
        summary: 'The lead-scoring rules (weighted criteria and the qualification threshold)',
        response: { 200: ScoringSettings },
      },
    },
    async (request) => getScoringSettings(db, authOf(request).orgId),
  );

  r.put(
    '/settings/scoring',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['scoring'],
        summary: 'Replace the scoring rules (admin, with their version); rescoring follows',
        body: UpdateScoringRulesRequest,
        response: { 200: UpdateScoringRulesResponse },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const settings = await updateScoringRules(db, { ...auth, ip: request.ip }, request.body);
      const recompute = await applyScoringRules(db, auth.orgId, (error) =>
        ctx.log.error({ err: error, orgId: auth.orgId }, 'background rescoring failed'),
      );
      return { ...settings, recomputing: recompute === 'background', recompute };
    },
  );

  r.get(
    '/customers/:id/score',
    {
      schema: {
        tags: ['scoring'],
        summary: "A customer's score, whether it qualifies, and the criteria behind it",
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: CustomerScore },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const locale = await resolveLocale(db, auth, request.query.locale);
      return getCustomerScore(db, auth, request.params.id, locale);
    },
  );
}
