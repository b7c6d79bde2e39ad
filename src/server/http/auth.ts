import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../domain/vocabulary';
import type { AppContext } from '../context';
import { type AuthUser, resolveSession } from '../modules/auth/auth.service';
import { AppError, forbidden, unauthenticated } from './errors';
import { sessionCacheOf } from './sessionCache';

export const SESSION_COOKIE = 'crm_session';

export interface AuthContext extends AuthUser {
  sessionId: string;
  locale: string | null;
  via: 'cookie' | 'bearer';
  token: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (login, health). */
    public?: boolean;
    /** Only these roles may call the route. */
    roles?: Role[];
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** The signed-in user of a route that is not public (the hook has already checked). */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}

function tokenFrom(request: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookies ride along on cross-site requests; a state change must come from our own origin. */
function checkOrigin(request: FastifyRequest, allowedOrigins: string[]): void {
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) throw new AppError('csrf_rejected', 'Missing Origin header on a cookie request');
  let origin: URL;
  try {
    origin = new URL(source);
  } catch {
    throw new AppError('csrf_rejected', 'Malformed Origin header');
  }
  if (origin.host === request.headers.host) return;
  if (allowedOrigins.includes(origin.origin)) return;
  throw new AppError('csrf_rejected', `Requests from ${origin.origin} are not allowed`);
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  const cache = sessionCacheOf(ctx);
  app.addHook('onClose', () => cache.close());
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const config = request.routeOptions.config;
    const found = tokenFrom(request);
    if (found?.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      checkOrigin(request, ctx.config.allowedOrigins);
    }
    if (found) {
      const now = ctx.clock.now();
      let session = cache.get(found.token, now);
      if (!session) {
        const resolved = await resolveSession(ctx.database.db, found.token, now);
        if (resolved) {
          const { expiresAt, ...user } = resolved;
          session = user;
          cache.set(found.token, user, now, expiresAt);
        }
      }
      if (session) request.auth = { ...session, via: found.via, token: found.token };
    }
    if (config.public) return;
    if (!request.auth) throw unauthenticated();
    if (config.roles && !config.roles.includes(request.auth.role)) throw forbidden();
  });
}

/** Who is acting, for services and the audit log. */
export function actorOf(request: FastifyRequest): { orgId: string; userId: string; ip: string } {
  const auth = authOf(request);
  return { orgId: auth.orgId, userId: auth.id, ip: request.ip };
}
