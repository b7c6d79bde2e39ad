import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdjustableClock } from '../../clock';
import type { AppContext } from '../../context';
import { AppError, notFound, validationFailed } from '../../http/errors';
import { findJob, JOBS } from '../../jobs';
import { runJob } from '../../jobs/scheduler';

const DAY_MS = 86_400_000;
const tags = ['testing'];

const ClockRequest = z
  .object({
    advanceDays: z.number().min(-3650).max(3650).optional(),
    advanceMs: z.number().int().optional(),
    to: z.string().datetime({ offset: true }).optional(),
  })
  .refine(
    (body) =>
      [body.advanceDays, body.advanceMs, body.to].filter((v) => v !== undefined).length === 1,
    {
      message: 'give exactly one of advanceDays, advanceMs or to',
    },
  );

/**
 * Only in test mode (CRM_TEST_MODE=true): move the server's clock and run a scheduled job
 * now, so a browser test can let a claim lapse without waiting a month. Admins only.
 */
export async function testingRoutes(app: FastifyInstance, ctx: AppContext) {
  if (!ctx.config.testMode) return;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { roles: ['admin' as const] };

  r.post(
    '/test/clock',
    {
      config: admin,
      schema: {
        tags,
        body: ClockRequest,
        response: { 200: z.object({ now: z.string() }) },
      },
    },
    async (request) => {
      const clock = ctx.clock;
      if (!(clock instanceof AdjustableClock)) {
        throw new AppError('conflict', 'This server runs on the system clock');
      }
      const { advanceDays, advanceMs, to } = request.body;
      if (to !== undefined) clock.set(new Date(to));
      else clock.advance(advanceMs ?? (advanceDays ?? 0) * DAY_MS);
      return { now: clock.now().toISOString() };
    },
  );

  r.post(
    '/test/jobs/:name/run',
    {
      config: admin,
      schema: {
        tags,
        params: z.object({ name: z.string().max(50) }),
        // force=false runs it as the scheduler does: skipped for orgs whose day is done.
        querystring: z.object({ force: z.enum(['true', 'false']).default('true') }),
        response: {
          200: z.object({
            job: z.string(),
            ran: z.boolean(),
            orgs: z.array(
              z.object({
                orgId: z.string(),
                day: z.string(),
                skipped: z.boolean(),
                summary: z.record(z.string(), z.number()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const job = findJob(request.params.name);
      if (!job) {
        if (!/^[a-z-]+$/.test(request.params.name)) {
          throw validationFailed([{ field: 'params.name', message: 'is not a job name' }]);
        }
        throw notFound(
          `Job '${request.params.name}' (jobs: ${JOBS.map((j) => j.name).join(', ')})`,
        );
      }
      return runJob(ctx, job, { force: request.query.force === 'true' });
    },
  );
}
