import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf, SESSION_COOKIE } from '../../http/auth';
import { sessionsChanged } from '../../http/sessionCache';
import { recordAudit } from '../audit/audit.service';
import { UpdateMeRequest, User } from '../users/users.schema';
import { getUserRow, presentUser, updateOwnProfile } from '../users/users.service';
import { endSession, login } from './auth.service';

const LoginRequest = z.object({
  email: z.string().trim().min(1, 'is required').max(200),
  password: z.string().min(1, 'is required').max(200),
});

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/login',
    {
      config: {
        public: true,
        rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        body: LoginRequest,
        response: { 200: z.object({ token: z.string(), user: User }) },
      },
    },
    async (request, reply) => {
      // A fresh session id at every login; any session the browser carried is ended (no fixation).
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) {
        await endSession(ctx.database.db, previous);
        if (request.auth) await sessionsChanged(ctx, request.auth.id);
      }
      const result = await login(ctx.database.db, {
        ...request.body,
        ip: request.ip,
        now: ctx.clock.now(),
        ttlHours: ctx.config.sessionTtlHours,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: ctx.config.sessionTtlHours * 3600,
      });
      return result;
    },
  );

  r.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      const auth = request.auth;
      if (auth) {
        await ctx.database.db.transaction(async (tx) => {
          await endSession(tx, auth.token);
          await recordAudit(tx, {
            orgId: auth.orgId,
            userId: auth.id,
            ip: request.ip,
            action: 'logout',
            entity: 'user',
            entityId: auth.id,
          });
        });
        await sessionsChanged(ctx, auth.id);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get('/me', { schema: { tags: ['auth'], response: { 200: User } } }, async (request) => {
    const auth = authOf(request);
    return presentUser(await getUserRow(ctx.database.db, auth.orgId, auth.id));
  });

  r.patch(
    '/me',
    { schema: { tags: ['auth'], body: UpdateMeRequest, response: { 200: User } } },
    async (request) => {
      const auth = authOf(request);
      const user = await updateOwnProfile(
        ctx.database.db,
        { orgId: auth.orgId, userId: auth.id, ip: request.ip },
        request.body,
      );
      // The session carries the user's name and language.
      await sessionsChanged(ctx, auth.id);
      return user;
    },
  );
}
