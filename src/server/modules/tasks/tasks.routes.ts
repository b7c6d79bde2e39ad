import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../http/auth';
import { listOf } from '../../http/pagination';
import { getOrg } from '../orgs/orgs.service';
import { Id } from '../users/users.schema';
import { findReminders, findTasks, getMyDay } from './tasks.query';
import {
  CreateTaskRequest,
  MyDay,
  Reminders,
  Task,
  TaskListQuery,
  UpdateTaskRequest,
} from './tasks.schema';
import { createTask, getTask, updateTask } from './tasks.service';

const IdParams = z.object({ id: Id });

export async function tasksRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const actor = (request: Parameters<typeof authOf>[0]) => ({ ...authOf(request), ip: request.ip });

  r.post(
    '/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Make a task (reps for themselves, managers within their team, admins anyone)',
        body: CreateTaskRequest,
        response: { 201: Task },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTask(db, actor(request), request.body, ctx.clock.now())),
  );

  r.get(
    '/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Tasks the caller may see, earliest due first',
        querystring: TaskListQuery,
        response: { 200: listOf(Task) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const org = await getOrg(db, auth.orgId);
      return findTasks(db, auth, request.query, { now: ctx.clock.now(), timeZone: org.timeZone });
    },
  );

  r.get(
    '/tasks/:id',
    { schema: { tags: ['tasks'], params: IdParams, response: { 200: Task } } },
    async (request) => getTask(db, authOf(request), request.params.id, ctx.clock.now()),
  );

  r.patch(
    '/tasks/:id',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Complete, cancel, reschedule, rename or reassign a task (with its version)',
        params: IdParams,
        body: UpdateTaskRequest,
        response: { 200: Task },
      },
    },
    async (request) =>
      updateTask(db, actor(request), request.params.id, request.body, ctx.clock.now()),
  );

  r.get(
    '/me/day',
    {
      schema: {
        tags: ['tasks'],
        summary: 'My day: tasks overdue, today and upcoming; birthdays; neglected customers',
        response: { 200: MyDay },
      },
    },
    async (request) => {
      const auth = authOf(request);
      return getMyDay(db, auth, await getOrg(db, auth.orgId), ctx.clock.now());
    },
  );

  r.get(
    '/me/reminders',
    {
      schema: {
        tags: ['tasks'],
        summary: "The caller's open tasks due now or earlier (header badge)",
        response: { 200: Reminders },
      },
    },
    async (request) => findReminders(db, authOf(request), ctx.clock.now()),
  );
}
