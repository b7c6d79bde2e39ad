import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { Id } from '../users/users.schema';
import {
  createCustomFieldDef,
  findCustomFieldDefinitions,
  updateCustomFieldDef,
} from './customFieldDefs.service';
import { getOrgSettings, updateOrgSettings } from './orgSettings.service';
import {
  CreateCustomFieldDefRequest,
  CreateSourceChannelRequest,
  CustomFieldDef,
  OrgSettingsView,
  ReorderSourceChannelsRequest,
  SourceChannel,
  SourceChannelListQuery,
  UpdateCustomFieldDefRequest,
  UpdateOrgSettingsRequest,
  UpdateSourceChannelRequest,
} from './settings.schema';
import {
  createSourceChannel,
  findSourceChannels,
  reorderSourceChannels,
  updateSourceChannel,
} from './sourceChannels.service';

const IdParams = z.object({ id: Id });
const ADMIN = { roles: ['admin' as const] };
const ActiveQuery = z.object({ active: z.enum(['true', 'all']).default('true') });

export async function settingsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: Parameters<typeof authOf>[0]) => ({ ...authOf(request), ip: request.ip });

  // Everyone reads the lists: the customer form offers them.
  r.get(
    '/settings/source-channels',
    {
      schema: {
        tags: ['settings'],
        summary: 'Source channels (来源渠道) in order, complete (nextCursor is always null)',
        querystring: SourceChannelListQuery,
        response: { 200: listOf(SourceChannel) },
      },
    },
    async (request) => ({
      items: await findSourceChannels(db, authOf(request).orgId, request.query.active === 'true'),
      nextCursor: null,
    }),
  );

  r.post(
    '/settings/source-channels',
    {
      config: ADMIN,
      schema: {
        tags: ['settings'],
        summary: 'Add a source channel at the end (admin)',
        body: CreateSourceChannelRequest,
        response: { 201: SourceChannel },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSourceChannel(db, actor(request), request.body.name)),
  );

  r.patch(
    '/settings/source-channels/:id',
    {
      config: ADMIN,
      schema: {
        tags: ['settings'],
        summary: 'Rename or (de)activate a source channel (admin, with its version)',
        params: IdParams,
        body: UpdateSourceChannelRequest,
        response: { 200: SourceChannel },
      },
    },
    async (request) => updateSourceChannel(db, actor(request), request.params.id, request.body),
  );

  r.put(
    '/settings/source-channels/order',
    {
      config: ADMIN,
      schema: {
        tags: ['settings'],
        summary: 'Reorder the source channels (admin): every id once, in the new order',
        body: ReorderSourceChannelsRequest,
        response: { 200: listOf(SourceChannel) },
      },
    },
    async (request) => ({
      items: await reorderSourceChannels(db, actor(request), request.body.ids),
      nextCursor: null,
    }),
  );

  r.get(
    '/settings/custom-fields',
    {
      schema: {
        tags: ['settings'],
        summary: 'Custom customer fields, complete (nextCursor is always null)',
        querystring: ActiveQuery,
        response: { 200: listOf(CustomFieldDef) },
      },
    },
    async (request) => ({
      items: await findCustomFieldDefinitions(
        db,
        authOf(request).orgId,
        request.query.active === 'true',
      ),
      nextCursor: null,
    }),
  );

  r.post(
    '/settings/custom-fields',
    {
      config: ADMIN,
      schema: {
        tags: ['settings'],
        summary: 'Define a custom customer field (admin)',
        body: CreateCustomFieldDefRequest,
        response: { 201: CustomFieldDef },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCustomFieldDef(db, actor(request), request.body)),
  );

  r.patch(
    '/settings/custom-fields/:id',
    {
      config: ADMIN,
      schema: {
        tags: ['settings'],
        summary: 'Relabel, reorder, change options or deactivate a custom field (admin)',
        params: IdParams,
        body: UpdateCustomFieldDefRequest,
        response: { 200: CustomFieldDef },
      },
    },
    async (request) => updateCustomFieldDef(db, actor(request), request.params.id, request.body),
  );

  r.get(
    '/settings/org',
    {
      schema: {
        tags: ['settings'],
        summary: "The organisation's name, time zone and follow-up settings",
        response: { 200: OrgSettingsView },
      },
    },
    async (request) => getOrgSettings(db, authOf(request).orgId),
  );

  r.patch(
    '/settings/org',
    {
      config: ADMIN,
      schema: {
        tags: ['settings'],
        summary: 'Change the organisation settings (admin, with their version)',
        body: UpdateOrgSettingsRequest,
        response: { 200: OrgSettingsView },
      },
    },
    async (request) => updateOrgSettings(db, actor(request), request.body),
  );
}
