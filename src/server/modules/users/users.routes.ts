import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { actorOf, authOf } from '../../http/auth';
import { AppError, forbidden } from '../../http/errors';
import { ListQuery, listOf } from '../../http/pagination';
import { sessionsChanged } from '../../http/sessionCache';
import { verifyPassword } from '../auth/password';
import { CreateUserRequest, Id, SetPasswordRequest, UpdateUserRequest, User } from './users.schema';
import {
  createUser,
  findUsers,
  getUserRow,
  presentUser,
  setPassword,
  updateUser,
} from './users.service';

const IdParams = z.object({ id: Id });

export async function usersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.post(
    '/users',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['users'], body: CreateUserRequest, response: { 201: User } },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(db, actorOf(request), request.body)),
  );

  // Everyone may list colleagues: owner pickers and names on records need them.
  r.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        querystring: ListQuery.extend({
          role: z.enum(ROLES).optional(),
          teamId: Id.optional(),
        }),
        response: { 200: listOf(User) },
      },
    },
    async (request) => findUsers(db, authOf(request).orgId, request.query),
  );

  r.get(
    '/users/:id',
    { schema: { tags: ['users'], params: IdParams, response: { 200: User } } },
    async (request) => presentUser(await getUserRow(db, authOf(request).orgId, request.params.id)),
  );

  r.patch(
    '/users/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['users'],
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: User },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.params.id === actor.userId) {
        const self = await getUserRow(db, actor.orgId, actor.userId);
        const roleChange = request.body.role !== undefined && request.body.role !== self.role;
        if (roleChange || request.body.active === false) {
          throw forbidden('You cannot change your own role or deactivate yourself');
        }
      }
      const user = await updateUser(db, actor, request.params.id, request.body);
      // Sessions carry the role, team and name; a deactivated user's are gone.
      await sessionsChanged(ctx, request.params.id);
      return user;
    },
  );

  r.post(
    '/users/:id/password',
    {
      schema: {
        tags: ['users'],
        params: IdParams,
        body: SetPasswordRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const self = request.params.id === auth.id;
      if (!self && auth.role !== 'admin') throw forbidden();
      // Changing one's own password always needs the current one, admins included.
      if (self) {
        const row = await getUserRow(db, auth.orgId, auth.id);
        const current = request.body.currentPassword ?? '';
        if (!(await verifyPassword(current, row.passwordHash))) {
          throw new AppError('validation_failed', 'Current password is wrong', [
            { field: 'currentPassword', message: 'is wrong' },
          ]);
        }
      }
      await setPassword(db, actorOf(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );
}
