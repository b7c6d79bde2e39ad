import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { resolveLocale } from '../funnels/funnels.service';
import { LocaleQuery } from '../scoring/scoring.schema';
import { Id } from '../users/users.schema';
import {
  CustomerGrade,
  GradingRun,
  GradingSettings,
  UpdateGradingSettingsRequest,
} from './grading.schema';
import { getCustomerGrade, getGradingSettings, updateGradingSettings } from './grading.service';
import { gradeOrg } from './gradingRun';

const IdParams = z.object({ id: Id });

export async function gradingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  // Everyone reads the grades and policies: reps quote payment terms from them.
  r.get(
    '/settings/grading',
    {
      schema: {
        tags: ['grading'],
        summary: 'The grading rule set (客户分级及政策), its options and the shipped presets',
        response: { 200: GradingSettings },
      },
    },
    async (request) => getGradingSettings(db, authOf(request).orgId),
  );

  r.put(
    '/settings/grading',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['grading'],
        summary: 'Change the rule set (own or a preset) and options (admin, with the version)',
        body: UpdateGradingSettingsRequest,
        response: { 200: GradingSettings },
      },
    },
    async (request) =>
      updateGradingSettings(db, { ...authOf(request), ip: request.ip }, request.body),
  );

  r.post(
    '/grading/run',
    {
      config: { roles: ['admin', 'manager'] },
      schema: {
        tags: ['grading'],
        summary: 'Grade every customer with sales records now; 409 while a run is in progress',
        response: { 200: GradingRun },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return gradeOrg(db, auth.orgId, {
        trigger: 'manual',
        now: ctx.clock.now(),
        startedBy: auth.id,
        ip: request.ip,
      });
    },
  );

  r.get(
    '/customers/:id/grade',
    {
      schema: {
        tags: ['grading'],
        summary: "A customer's grade, its policy (账期, support), today's reasons and the history",
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: CustomerGrade },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const locale = await resolveLocale(db, auth, request.query.locale);
      return getCustomerGrade(db, auth, request.params.id, { now: ctx.clock.now(), locale });
    },
  );
}
