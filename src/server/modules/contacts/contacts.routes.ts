import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { Id } from '../users/users.schema';
import {
  Contact,
  ContactListQuery,
  CreateContactRequest,
  DecisionChain,
  UpdateContactRequest,
} from './contacts.schema';
import {
  createContact,
  findContacts,
  getContact,
  getDecisionChain,
  updateContact,
} from './contacts.service';

const IdParams = z.object({ id: Id });

export async function contactsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: Parameters<typeof authOf>[0]) => ({ ...authOf(request), ip: request.ip });

  r.get(
    '/customers/:id/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: "A customer's contacts, the primary one first",
        params: IdParams,
        querystring: ContactListQuery,
        response: { 200: listOf(Contact) },
      },
    },
    async (request) => findContacts(db, authOf(request), request.params.id, request.query),
  );

  r.get(
    '/customers/:id/decision-chain',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Active contacts grouped by decision-chain role, with warnings',
        params: IdParams,
        response: { 200: DecisionChain },
      },
    },
    async (request) => getDecisionChain(db, authOf(request), request.params.id),
  );

  r.post(
    '/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Add a contact to a customer the caller may edit',
        body: CreateContactRequest,
        response: { 201: Contact },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createContact(db, actor(request), request.body)),
  );

  r.get(
    '/contacts/:id',
    { schema: { tags: ['contacts'], params: IdParams, response: { 200: Contact } } },
    async (request) => getContact(db, authOf(request), request.params.id),
  );

  r.patch(
    '/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Edit or archive a contact (with its version)',
        params: IdParams,
        body: UpdateContactRequest,
        response: { 200: Contact },
      },
    },
    async (request) => updateContact(db, actor(request), request.params.id, request.body),
  );
}
