import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

/** What the audit log needs to know about the request a change came from. */
interface RequestScope {
  ip: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** The calling request's address, when the code runs on behalf of one (null in jobs). */
export function currentRequestIp(): string | null {
  return scope.getStore()?.ip ?? null;
}

/**
 * Every service records its audit rows with the caller's address without each one threading
 * it through. Entered again before the handler: body parsing runs on the socket's callbacks,
 * which do not carry the context entered at onRequest.
 */
export function registerRequestScope(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => scope.run({ ip: request.ip }, done));
  app.addHook('preHandler', (request, _reply, done) => scope.run({ ip: request.ip }, done));
}
