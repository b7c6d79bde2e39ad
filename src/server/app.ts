import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './context';
import { registerAuth } from './http/auth';
import { registerErrorHandling } from './http/errors';
import { registerRequestScope } from './http/requestScope';
import { registerSecurityHeaders } from './http/securityHeaders';
import { activitiesRoutes } from './modules/activities/activities.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes';
import { churnRoutes } from './modules/churn/churn.routes';
import { collaboratorsRoutes } from './modules/collaborators/collaborators.routes';
import { contactsRoutes } from './modules/contacts/contacts.routes';
import { customersRoutes } from './modules/customers/customers.routes';
import { dealsRoutes } from './modules/deals/deals.routes';
import { lostReasonsRoutes } from './modules/deals/lostReasons.routes';
import { exportsRoutes } from './modules/exports/exports.routes';
import { forecastRoutes } from './modules/forecast/forecast.routes';
import { targetsRoutes } from './modules/forecast/targets.routes';
import { funnelReviewsRoutes } from './modules/funnelReviews/funnelReviews.routes';
import { funnelsRoutes } from './modules/funnels/funnels.routes';
import { gradingRoutes } from './modules/grading/grading.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { inquiriesRoutes } from './modules/inquiries/inquiries.routes';
import { lapseRulesRoutes } from './modules/lapseRules/lapseRules.routes';
import { lifecycleRoutes } from './modules/lifecycle/lifecycle.routes';
import { poolRoutes } from './modules/pool/pool.routes';
import { poolSettingsRoutes } from './modules/pool/poolSettings.routes';
import { accountAssessmentRoutes } from './modules/reports/accountAssessment.routes';
import { funnelReportRoutes } from './modules/reports/funnelReport.routes';
import { revenueBucketsRoutes } from './modules/reports/revenueBuckets.routes';
import { salesRoutes } from './modules/sales/sales.routes';
import { scoringRoutes } from './modules/scoring/scoring.routes';
import { settingsRoutes } from './modules/settings/settings.routes';
import { tasksRoutes } from './modules/tasks/tasks.routes';
import { teamsRoutes } from './modules/teams/teams.routes';
import { testingRoutes } from './modules/testing/testing.routes';
import { topicsRoutes } from './modules/topics/topics.routes';
import { usersRoutes } from './modules/users/users.routes';
import { viewsRoutes } from './modules/views/views.routes';
import { workDataRoutes } from './modules/workData/workData.routes';

/** Every feature's routes, mounted under /api/v1 behind the session check. */
const FEATURE_ROUTES = [
  authRoutes,
  importsRoutes,
  exportsRoutes,
  revenueBucketsRoutes,
  salesRoutes,
  funnelReportRoutes,
  forecastRoutes,
  targetsRoutes,
  accountAssessmentRoutes,
  auditRoutes,
  usersRoutes,
  teamsRoutes,
  customersRoutes,
  collaboratorsRoutes,
  poolRoutes,
  poolSettingsRoutes,
  lapseRulesRoutes,
  testingRoutes,
  contactsRoutes,
  activitiesRoutes,
  tasksRoutes,
  topicsRoutes,
  settingsRoutes,
  viewsRoutes,
  scoringRoutes,
  inquiriesRoutes,
  gradingRoutes,
  churnRoutes,
  funnelsRoutes,
  dealsRoutes,
  lostReasonsRoutes,
  lifecycleRoutes,
  funnelReviewsRoutes,
  campaignsRoutes,
  workDataRoutes,
];

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: 'x-request-id',
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, { spaIndex: existsSync(`${ctx.config.webDistDir}/index.html`) });

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Funnel CRM API', version: '1.0.0' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'crm_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }),
        },
      },
    },
    async () => {
      await ctx.database.query(sql`select 1`);
      return { status: 'ok' as const, db: ctx.database.kind };
    },
  );

  await app.register(
    async (v1) => {
      registerRequestScope(v1);
      registerAuth(v1, ctx);
      for (const routes of FEATURE_ROUTES) await routes(v1, ctx);
    },
    { prefix: '/api/v1' },
  );

  if (existsSync(ctx.config.webDistDir)) {
    await app.register(fastifyStatic, { root: ctx.config.webDistDir, wildcard: false });
  }
  return app;
}
