import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { Id } from '../users/users.schema';
import {
  Collaborator,
  CollaboratorParams,
  CustomerCollaborators,
  Share,
  ShareListQuery,
  ShareRequest,
} from './collaborators.schema';
import {
  findCustomerCollaborators,
  findShares,
  shareCustomer,
  unshareCustomer,
} from './collaborators.service';

const tags = ['collaborators'];

export async function collaboratorsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.get(
    '/customers/:id/collaborators',
    {
      schema: {
        tags,
        summary: 'Colleagues a customer is shared with (协同), and what the caller may do with it',
        params: z.object({ id: Id }),
        response: { 200: CustomerCollaborators },
      },
    },
    async (request) => findCustomerCollaborators(db, authOf(request), request.params.id),
  );

  r.put(
    '/customers/:id/collaborators/:userId',
    {
      schema: {
        tags,
        summary:
          'Shares the customer with a colleague (read, or read and write), or changes their access. The owner, their manager or an admin; audited.',
        params: CollaboratorParams,
        body: ShareRequest,
        response: { 200: Collaborator },
      },
    },
    async (request) =>
      shareCustomer(
        db,
        { ...authOf(request), ip: request.ip },
        request.params.id,
        request.params.userId,
        request.body.access,
        ctx.clock.now(),
      ),
  );

  r.delete(
    '/customers/:id/collaborators/:userId',
    {
      schema: {
        tags,
        summary: 'Stops sharing the customer with a colleague; audited.',
        params: CollaboratorParams,
      },
    },
    async (request, reply) => {
      await unshareCustomer(
        db,
        { ...authOf(request), ip: request.ip },
        request.params.id,
        request.params.userId,
      );
      return reply.status(204).send();
    },
  );

  r.get(
    '/collaborators',
    {
      config: { roles: ['admin', 'manager'] },
      schema: {
        tags,
        summary: 'Who shares what: shares on the customers a manager oversees (admins: all)',
        querystring: ShareListQuery,
        response: { 200: listOf(Share) },
      },
    },
    async (request) => findShares(db, authOf(request), request.query),
  );
}
