import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, queryRows } from '../../db/client';
import { decodeCursor, encodeCursor, ListQuery, listOf } from '../../http/pagination';
import { Activity } from '../activities/activities.schema';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_JOINS,
  type ActivityRow,
  presentActivity,
} from '../activities/activities.service';
import { guardCustomer } from './customers.guard';
import type { Viewer } from './customers.service';

// One timeline of a customer, newest first, from one UNION ALL query. To add a kind (stage
// moves, claims, …): add a branch to TIMELINE_SOURCES selecting (kind, id, at, user_id,
// payload jsonb) for the customer, a variant to TimelineItem, and a case in presentItem.

const Base = {
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
};

export const TimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('activity'), ...Base, activity: Activity }),
  z.object({
    kind: z.literal('change'),
    ...Base,
    /** create, update, archive, … as the audit log has it. */
    action: z.string(),
    /** Per field {from, to} for edits; the initial values for a create. */
    changes: z.record(z.string(), z.unknown()),
  }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;
export const Timeline = listOf(TimelineItem);
export const TimelineQuery = ListQuery;

type Kind = TimelineItem['kind'];

const TIMELINE_SOURCES: Record<Kind, (orgId: string, customerId: string) => SQL> = {
  // The activity row as the activities feature presents it, carried whole in the payload.
  activity: (orgId, customerId) => sql`select 'activity' as kind, r.id::text as id,
      r.occurred_at as at, r.user_id, to_jsonb(r) as payload
    from (select ${ACTIVITY_COLUMNS} from activities a ${ACTIVITY_JOINS}
      where a.org_id = ${orgId} and a.customer_id = ${customerId}) r`,
  // Field changes of the customer itself, from the audit log.
  change: (orgId, customerId) => sql`select 'change' as kind, l.id::text as id, l.at, l.user_id,
      jsonb_build_object('action', l.action, 'changes', coalesce(l.changes, '{}'::jsonb)) as payload
    from audit_log l
    where l.org_id = ${orgId} and l.entity = 'customer' and l.entity_id = ${customerId}`,
};

interface TimelineRow {
  kind: Kind;
  id: string;
  at: Date | string;
  at_key: string;
  user_id: string | null;
  user_name: string | null;
  payload: Record<string, unknown>;
}

function presentItem(row: TimelineRow): TimelineItem {
  const base = {
    id: row.id,
    at: new Date(row.at).toISOString(),
    userId: row.user_id,
    userName: row.user_name,
  };
  switch (row.kind) {
    case 'activity':
      return {
        kind: 'activity',
        ...base,
        activity: presentActivity(row.payload as unknown as ActivityRow),
      };
    case 'change':
      return {
        kind: 'change',
        ...base,
        action: String(row.payload.action),
        changes: (row.payload.changes ?? {}) as Record<string, unknown>,
      };
  }
}

export async function findCustomerTimeline(
  db: Db,
  viewer: Viewer,
  customerId: string,
  query: { limit: number; cursor?: string },
) {
  await guardCustomer(db, viewer, customerId, 'see');
  const sources = Object.values(TIMELINE_SOURCES).map((source) => source(viewer.orgId, customerId));
  let after = sql`true`;
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
    after = sql`(t.at, t.id) < (${at}::timestamptz, ${id}::text)`;
  }
  const rows = await queryRows<TimelineRow>(
    db,
    sql`select t.kind, t.id, t.at, t.at::text as at_key, t.user_id, u.name as user_name, t.payload
      from (${sql.join(sources, sql` union all `)}) t
      left join users u on u.org_id = ${viewer.orgId} and u.id = t.user_id
      where ${after}
      order by t.at desc, t.id desc limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentItem),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.at_key, last.id]) : null,
  };
}
