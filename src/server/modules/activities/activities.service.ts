import { sql } from 'drizzle-orm';
import { addDays, zonedDayStart } from '../../../domain/format/dates';
import type { ActivityType } from '../../../domain/vocabulary';
import type { ContactChannel, OpportunitySignal } from '../../../domain/workData';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { activities } from '../../db/schema';
import { notFound, validationFailed } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { visibleCustomers } from '../customers/customers.access';
import { guardCustomer } from '../customers/customers.guard';
import type { Viewer } from '../customers/customers.service';
import { isDealOfCustomer } from '../deals/deals.service';
import { insertTask } from '../tasks/tasks.service';
import type { Activity, ActivityListQuery, CreateActivityRequest } from './activities.schema';

type Actor = Viewer & { ip?: string | null };

/** Logging later than this past the server's clock is refused as "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/** One activity with the names it points to, aliased a; the timeline selects the same row. */
export const ACTIVITY_COLUMNS = sql`a.id, a.customer_id, c.name as customer_name, a.contact_id,
  ct.name as contact_name, a.deal_id, a.user_id, u.name as user_name, a.type, a.effective,
  a.summary, a.feedback, a.objections, a.next_action, a.next_action_at, a.topic_id,
  tp.title as topic_title, a.channel, a.signals,
  (select t.id from tasks t where t.org_id = a.org_id and t.activity_id = a.id
    order by t.id limit 1) as task_id,
  a.occurred_at, a.created_at, a.occurred_at::text as at_key`;

export const ACTIVITY_JOINS = sql`join customers c on c.org_id = a.org_id and c.id = a.customer_id
  join users u on u.org_id = a.org_id and u.id = a.user_id
  left join contacts ct on ct.org_id = a.org_id and ct.id = a.contact_id
  left join follow_up_topics tp on tp.org_id = a.org_id and tp.id = a.topic_id`;

export interface ActivityRow {
  id: string;
  customer_id: string;
  customer_name: string;
  contact_id: string | null;
  contact_name: string | null;
  deal_id: string | null;
  user_id: string;
  user_name: string;
  type: ActivityType;
  effective: boolean;
  summary: string;
  feedback: string | null;
  objections: string | null;
  next_action: string | null;
  next_action_at: Date | string | null;
  topic_id: string | null;
  topic_title: string | null;
  channel: ContactChannel | null;
  signals: OpportunitySignal[];
  task_id: string | null;
  occurred_at: Date | string;
  created_at: Date | string;
  at_key: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    contactId: row.contact_id,
    contactName: row.contact_name,
    dealId: row.deal_id,
    userId: row.user_id,
    userName: row.user_name,
    type: row.type,
    effective: row.effective,
    summary: row.summary,
    feedback: row.feedback,
    objections: row.objections,
    nextAction: row.next_action,
    nextActionAt: row.next_action_at === null ? null : iso(row.next_action_at),
    topicId: row.topic_id,
    topicTitle: row.topic_title,
    channel: row.channel,
    signals: row.signals ?? [],
    taskId: row.task_id,
    occurredAt: iso(row.occurred_at),
    createdAt: iso(row.created_at),
  };
}

export async function getActivity(db: Db, viewer: Viewer, id: string): Promise<Activity> {
  const [row] = await queryRows<ActivityRow>(
    db,
    sql`select ${ACTIVITY_COLUMNS} from activities a ${ACTIVITY_JOINS}
      where a.org_id = ${viewer.orgId} and a.id = ${id} and ${visibleCustomers(viewer)}`,
  );
  if (!row) throw notFound('Activity');
  return presentActivity(row);
}

async function assertReferences(tx: Db, orgId: string, input: CreateActivityRequest) {
  if (input.contactId) {
    const [contact] = await queryRows(
      tx,
      sql`select 1 from contacts where org_id = ${orgId} and id = ${input.contactId}
        and customer_id = ${input.customerId}`,
    );
    if (!contact) {
      throw validationFailed([
        { field: 'contactId', message: 'is not a contact of this customer' },
      ]);
    }
  }
  if (input.dealId && !(await isDealOfCustomer(tx, orgId, input.dealId, input.customerId))) {
    throw validationFailed([{ field: 'dealId', message: 'is not a deal of this customer' }]);
  }
  if (input.topicId) {
    const [topic] = await queryRows(
      tx,
      sql`select 1 from follow_up_topics where org_id = ${orgId} and id = ${input.topicId}`,
    );
    if (!topic) throw validationFailed([{ field: 'topicId', message: 'no such topic' }]);
  }
}

/**
 * Logs a follow-up and keeps the customer's derived dates true in the same transaction:
 * last contact = its latest activity; a dated next action becomes a task for the owner.
 */
export async function createActivity(
  db: Db,
  actor: Actor,
  input: CreateActivityRequest,
  now: Date,
): Promise<Activity> {
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw validationFailed([{ field: 'occurredAt', message: 'cannot be in the future' }]);
  }
  return db.transaction(async (tx) => {
    const customer = await guardCustomer(tx, actor, input.customerId, 'edit');
    await assertReferences(tx, actor.orgId, input);
    const id = newId();
    const nextActionAt = input.nextActionAt ? new Date(input.nextActionAt) : null;
    await tx.insert(activities).values({
      orgId: actor.orgId,
      id,
      customerId: input.customerId,
      contactId: input.contactId ?? null,
      dealId: input.dealId ?? null,
      userId: actor.id,
      type: input.type,
      occurredAt,
      summary: input.summary,
      feedback: input.feedback ?? null,
      objections: input.objections ?? null,
      effective: input.effective,
      nextAction: input.nextAction ?? null,
      nextActionAt,
      topicId: input.topicId ?? null,
      channel: input.channel ?? null,
      signals: input.signals ?? [],
    });
    await queryRows(
      tx,
      sql`update customers c set last_contact_at = (
          select max(a.occurred_at) from activities a
          where a.org_id = c.org_id and a.customer_id = c.id)
        where c.org_id = ${actor.orgId} and c.id = ${input.customerId}`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'activity',
      entityId: id,
      changes: {
        customerId: input.customerId,
        type: input.type,
        effective: input.effective,
        occurredAt: occurredAt.toISOString(),
        channel: input.channel ?? null,
        signals: input.signals ?? [],
      },
    });
    if (input.nextAction && nextActionAt) {
      await insertTask(tx, actor, {
        title: input.nextAction,
        dueAt: nextActionAt,
        customerId: input.customerId,
        contactId: input.contactId,
        dealId: input.dealId,
        activityId: id,
        assigneeId: customer.ownerId ?? actor.id,
      });
    }
    return getActivity(tx, { ...actor, role: 'admin' }, id);
  });
}

function afterCursor(cursor: string | undefined) {
  if (!cursor) return sql`true`;
  const [at, id] = decodeCursor(cursor, 2) as [string, string];
  return sql`(a.occurred_at, a.id) < (${at}::timestamptz, ${id}::uuid)`;
}

async function pageOfActivities(db: Db, where: ReturnType<typeof sql>[], limit: number) {
  const rows = await queryRows<ActivityRow>(
    db,
    sql`select ${ACTIVITY_COLUMNS} from activities a ${ACTIVITY_JOINS}
      where ${sql.join(where, sql` and `)}
      order by a.occurred_at desc, a.id desc limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(presentActivity),
    nextCursor: rows.length > limit && last ? encodeCursor([last.at_key, last.id]) : null,
  };
}

/** A customer's follow-ups, newest first. */
export async function findCustomerActivities(
  db: Db,
  viewer: Viewer,
  customerId: string,
  query: { limit: number; cursor?: string },
) {
  await guardCustomer(db, viewer, customerId, 'see');
  return pageOfActivities(
    db,
    [
      sql`a.org_id = ${viewer.orgId}`,
      sql`a.customer_id = ${customerId}`,
      afterCursor(query.cursor),
    ],
    query.limit,
  );
}

/** Follow-ups on the customers the viewer may see, newest first. */
export async function findActivities(
  db: Db,
  viewer: Viewer,
  query: ActivityListQuery,
  timeZone: string,
) {
  if (query.from && query.to && query.to < query.from) {
    throw validationFailed([{ field: 'to', message: 'must not be before from' }]);
  }
  const where = [
    sql`a.org_id = ${viewer.orgId}`,
    visibleCustomers(viewer),
    afterCursor(query.cursor),
  ];
  if (query.userId) where.push(sql`a.user_id = ${query.userId}`);
  if (query.customerId) where.push(sql`a.customer_id = ${query.customerId}`);
  if (query.type) where.push(sql`a.type = ${query.type}`);
  if (query.effective) where.push(sql`a.effective = ${query.effective === 'true'}`);
  if (query.from) where.push(sql`a.occurred_at >= ${zonedDayStart(query.from, timeZone)}`);
  if (query.to) {
    where.push(sql`a.occurred_at < ${zonedDayStart(addDays(query.to, 1), timeZone)}`);
  }
  return pageOfActivities(db, where, query.limit);
}
