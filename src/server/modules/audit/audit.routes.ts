import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { queryRows } from '../../db/client';
import { authOf } from '../../http/auth';
import { decodeCursor, encodeCursor, ListQuery, listOf } from '../../http/pagination';

const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.unknown(),
  ip: z.string().nullable(),
});

const AuditQuery = ListQuery.extend({
  userId: z.string().uuid().optional(),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Admins search who did what; newest first, keyset-paged on (at, id).
  r.get(
    '/audit',
    {
      config: { roles: ['admin'] },
      schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: listOf(AuditEntry) } },
    },
    async (request) => {
      const q = request.query;
      const where = [sql`a.org_id = ${authOf(request).orgId}`];
      if (q.userId) where.push(sql`a.user_id = ${q.userId}`);
      if (q.entity) where.push(sql`a.entity = ${q.entity}`);
      if (q.entityId) where.push(sql`a.entity_id = ${q.entityId}`);
      if (q.action) where.push(sql`a.action = ${q.action}`);
      if (q.from) where.push(sql`a.at >= ${q.from}::timestamptz`);
      if (q.to) where.push(sql`a.at < ${q.to}::timestamptz`);
      if (q.cursor) {
        const [at, id] = decodeCursor(q.cursor, 2) as [string, string];
        where.push(sql`(a.at, a.id) < (${at}::timestamptz, ${id}::uuid)`);
      }
      const rows = await queryRows<{
        id: string;
        at: Date | string;
        user_id: string | null;
        user_name: string | null;
        action: string;
        entity: string;
        entity_id: string | null;
        changes: unknown;
        ip: string | null;
      }>(
        ctx.database.db,
        sql`select a.id, a.at, a.user_id, u.name as user_name, a.action, a.entity, a.entity_id, a.changes, a.ip
          from audit_log a left join users u on u.org_id = a.org_id and u.id = a.user_id
          where ${sql.join(where, sql` and `)}
          order by a.at desc, a.id desc limit ${q.limit + 1}`,
      );
      const page = rows.slice(0, q.limit).map((row) => ({
        id: row.id,
        at: new Date(row.at).toISOString(),
        userId: row.user_id,
        userName: row.user_name,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        changes: row.changes,
        ip: row.ip,
      }));
      const last = page.at(-1);
      return {
        items: page,
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.at, last.id]) : null,
      };
    },
  );
}
