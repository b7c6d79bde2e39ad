import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { OWNERSHIP_EVENT_KINDS } from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import { decodeCursor, encodeCursor, ListQuery, listOf } from '../../http/pagination';
import { Activity } from '../activities/activities.schema';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_JOINS,
  type ActivityRow,
  presentActivity,
} from '../activities/activities.service';
import { stageMovesTimelineSource } from '../funnels/stageHistory';
import { guardCustomer } from './customers.guard';
import type { Viewer } from './customers.service';

// One timeline of a customer, newest first, from one UNION ALL query. To add a kind: add a
// branch to TIMELINE_SOURCES selecting (kind, id, at, user_id, payload jsonb) for the
// customer, a variant to TimelineItem, and a case in presentItem.

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
  z.object({
    kind: z.literal('stage_move'),
    ...Base,
    /** Null for a move of the customer's lifecycle. */
    dealId: z.string().nullable(),
    dealName: z.string().nullable(),
    funnelId: z.string(),
    fromStageKey: z.string().nullable(),
    /** Stage names in both languages; the key when the stage was removed since. */
    fromStageName: z.record(z.string(), z.string()).nullable(),
    toStageKey: z.string(),
    toStageName: z.record(z.string(), z.string()).nullable(),
    direction: z.enum(['initial', 'forward', 'backward', 'terminal']),
    overrideReason: z.string().nullable(),
    lostReason: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('ownership'),
    ...Base,
    event: z.enum(OWNERSHIP_EVENT_KINDS),
    fromOwnerName: z.string().nullable(),
    toOwnerName: z.string().nullable(),
    reason: z.string().nullable(),
    /** The lapse rule as it was when it fired or warned. */
    rule: z
      .object({ name: z.string(), triggers: z.array(z.string()).optional() })
      .passthrough()
      .nullable(),
    deadline: z.string().nullable(),
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
  // Field changes of the customer itself, from the audit log; changes of owner show as
  // ownership events, which say why; lifecycle moves as stage moves; lifecycle checklist ticks
  // are the gate's bookkeeping, shown on the lifecycle card with who and when.
  change: (orgId, customerId) => sql`select 'change' as kind, l.id::text as id, l.at, l.user_id,
      jsonb_build_object('action', l.action, 'changes', coalesce(l.changes, '{}'::jsonb)) as payload
    from audit_log l
    where l.org_id = ${orgId} and l.entity = 'customer' and l.entity_id = ${customerId}
      and l.action not in ('claim', 'release', 'assign', 'lapse', 'check', 'uncheck',
        'lifecycle_move', 'lifecycle_override')`,
  stage_move: stageMovesTimelineSource,
  // Claims, releases, assignments, lapses and their warnings, pool moves. 'created' repeats
  // the archive's own create entry, so it is left out.
  ownership: (orgId, customerId) => sql`select 'ownership' as kind, e.id::text as id, e.at,
      e.actor_id as user_id,
      jsonb_build_object('event', e.kind, 'fromOwnerName', f.name, 'toOwnerName', o.name,
        'reason', e.reason, 'rule', e.rule, 'deadline', e.deadline::text) as payload
    from ownership_events e
    left join users f on f.org_id = e.org_id and f.id = e.from_owner_id
    left join users o on o.org_id = e.org_id and o.id = e.to_owner_id
    where e.org_id = ${orgId} and e.customer_id = ${customerId} and e.kind <> 'created'`,
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

const text = (value: unknown) => (typeof value === 'string' ? value : null);

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
    case 'stage_move': {
      const p = row.payload;
      const name = (value: unknown, key: string | null) =>
        value && typeof value === 'object'
          ? (value as Record<string, string>)
          : key === null
            ? null
            : { 'zh-CN': key, en: key };
      const fromStageKey = text(p.fromStageKey);
      const toStageKey = String(p.toStageKey);
      return {
        kind: 'stage_move',
        ...base,
        dealId: text(p.dealId),
        dealName: text(p.dealName),
        funnelId: String(p.funnelId),
        fromStageKey,
        fromStageName: name(p.fromStageName, fromStageKey),
        toStageKey,
        toStageName: name(p.toStageName, toStageKey),
        direction: p.direction as 'initial' | 'forward' | 'backward' | 'terminal',
        overrideReason: text(p.overrideReason),
        lostReason: text(p.lostReason),
      };
    }
    case 'ownership': {
      const p = row.payload;
      return {
        kind: 'ownership',
        ...base,
        event: p.event as (typeof OWNERSHIP_EVENT_KINDS)[number],
        fromOwnerName: text(p.fromOwnerName),
        toOwnerName: text(p.toOwnerName),
        reason: text(p.reason),
        rule: (p.rule ?? null) as { name: string; triggers?: string[] } | null,
        deadline: text(p.deadline),
      };
    }
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
