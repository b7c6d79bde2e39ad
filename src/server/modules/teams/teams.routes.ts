import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { actorOf, authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { Id } from '../users/users.schema';
import { CreateTeamRequest, Team, UpdateTeamRequest } from './teams.schema';
import { createTeam, findTeams, getTeam, updateTeam } from './teams.service';

const IdParams = z.object({ id: Id });

export async function teamsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  r.post(
    '/teams',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['teams'], body: CreateTeamRequest, response: { 201: Team } },
    },
    async (request, reply) =>
      reply.status(201).send(await createTeam(db, actorOf(request), request.body)),
  );

  // Teams are few per org, so the list is one page.
  r.get(
    '/teams',
    { schema: { tags: ['teams'], response: { 200: listOf(Team) } } },
    async (request) => ({
      items: await findTeams(db, authOf(request).orgId),
      nextCursor: null,
    }),
  );

  r.get(
    '/teams/:id',
    { schema: { tags: ['teams'], params: IdParams, response: { 200: Team } } },
    async (request) => getTeam(db, authOf(request).orgId, request.params.id),
  );

  r.patch(
    '/teams/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['teams'],
        params: IdParams,
        body: UpdateTeamRequest,
        response: { 200: Team },
      },
    },
    async (request) => updateTeam(db, actorOf(request), request.params.id, request.body),
  );
}
