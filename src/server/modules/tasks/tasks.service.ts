import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { tasks, users } from '../../db/schema';
import { forbidden, notFound, validationFailed, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { managedOwners } from '../customers/customers.access';
import { guardCustomer } from '../customers/customers.guard';
import type { Viewer } from '../customers/customers.service';
import type { CreateTaskRequest, Task, UpdateTaskRequest } from './tasks.schema';

type Actor = Viewer & { ip?: string | null };

/**
 * The customer's next follow-up is its earliest open task. The ONE place that keeps
 * customers.next_follow_up_at true: call it after any change to a customer's tasks, in
 * the same transaction. The row lock first, so the second statement's snapshot sees
 * every task committed by a writer that held the lock before us.
 */
export async function refreshNextFollowUp(tx: Db, orgId: string, customerId: string) {
  await queryRows(
    tx,
    sql`select 1 from customers where org_id = ${orgId} and id = ${customerId} for update`,
  );
  await queryRows(
    tx,
    sql`update customers c set next_follow_up_at = (
        select min(t.due_at) from tasks t
        where t.org_id = c.org_id and t.customer_id = c.id and t.status = 'open')
      where c.org_id = ${orgId} and c.id = ${customerId}`,
  );
}

/** Tasks a user may see and change: their own (assigned or made), their team's for managers, all for admins. */
export function visibleTasks(viewer: Viewer, alias = 't') {
  const assignee = sql.raw(`${alias}.assignee_id`);
  const creator = sql.raw(`${alias}.created_by`);
  if (viewer.role === 'admin') return sql`true`;
  const own = sql`(${assignee} = ${viewer.id} or ${creator} = ${viewer.id})`;
  if (viewer.role === 'manager') return sql`(${own} or ${assignee} in ${managedOwners(viewer)})`;
  return own;
}

export const TASK_COLUMNS = sql`t.id, t.title, t.notes, t.due_at, t.status, t.completed_at,
  t.customer_id, c.name as customer_name, t.contact_id, ct.name as contact_name, t.deal_id,
  t.activity_id, t.assignee_id, a.name as assignee_name, t.created_by, t.version,
  t.created_at, t.updated_at, t.due_at::text as due_key`;

export const TASK_JOINS = sql`join users a on a.org_id = t.org_id and a.id = t.assignee_id
  left join customers c on c.org_id = t.org_id and c.id = t.customer_id
  left join contacts ct on ct.org_id = t.org_id and ct.id = t.contact_id`;

export interface TaskRow {
  id: string;
  title: string;
  notes: string | null;
  due_at: Date | string;
  status: Task['status'];
  completed_at: Date | string | null;
  customer_id: string | null;
  customer_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
  deal_id: string | null;
  activity_id: string | null;
  assignee_id: string;
  assignee_name: string;
  created_by: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  /** due_at as Postgres prints it, full precision, for cursors. */
  due_key: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentTask(row: TaskRow, now: Date): Task {
  const dueAt = new Date(row.due_at);
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    dueAt: dueAt.toISOString(),
    status: row.status,
    overdue: row.status === 'open' && dueAt < now,
    completedAt: row.completed_at === null ? null : iso(row.completed_at),
    customerId: row.customer_id,
    customerName: row.customer_name,
    contactId: row.contact_id,
    contactName: row.contact_name,
    dealId: row.deal_id,
    activityId: row.activity_id,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    createdBy: row.created_by,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function getTask(db: Db, viewer: Viewer, id: string, now: Date): Promise<Task> {
  const [row] = await queryRows<TaskRow>(
    db,
    sql`select ${TASK_COLUMNS} from tasks t ${TASK_JOINS}
      where t.org_id = ${viewer.orgId} and t.id = ${id} and ${visibleTasks(viewer)}`,
  );
  if (!row) throw notFound('Task');
  return presentTask(row, now);
}

/** Reps assign only themselves; managers themselves and their teams; admins any active user. */
async function assertAssignable(tx: Db, actor: Actor, assigneeId: string) {
  if (assigneeId === actor.id) return;
  if (actor.role === 'rep') throw forbidden('A rep can only assign tasks to themselves');
  const [user] = await tx
    .select({ active: users.active })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, assigneeId)));
  if (!user?.active) {
    throw validationFailed([{ field: 'assigneeId', message: 'no such active user' }]);
  }
  if (actor.role === 'manager') {
    const [inTeam] = await queryRows(
      tx,
      sql`select 1 where ${assigneeId}::uuid in ${managedOwners(actor)}`,
    );
    if (!inTeam) throw forbidden('A manager can only assign tasks within their team');
  }
}

/** The customer a task is about: given, or the contact's; the contact must belong to it. */
async function resolveTaskCustomer(
  tx: Db,
  actor: Actor,
  customerId: string | null | undefined,
  contactId: string | null | undefined,
): Promise<string | null> {
  if (!contactId) {
    if (customerId) await guardCustomer(tx, actor, customerId, 'see');
    return customerId ?? null;
  }
  const [contact] = await queryRows<{ customer_id: string }>(
    tx,
    sql`select customer_id from contacts where org_id = ${actor.orgId} and id = ${contactId}`,
  );
  if (!contact || (customerId && contact.customer_id !== customerId)) {
    throw validationFailed([{ field: 'contactId', message: 'is not a contact of this customer' }]);
  }
  await guardCustomer(tx, actor, contact.customer_id, 'see');
  return contact.customer_id;
}

export interface NewTask {
  title: string;
  notes?: string | null;
  dueAt: Date;
  customerId: string | null;
  contactId?: string | null;
  dealId?: string | null;
  activityId?: string | null;
  assigneeId: string;
}

/** Inserts an already-checked task, logs it and refreshes its customer's next follow-up. */
export async function insertTask(tx: Db, actor: Actor, task: NewTask): Promise<string> {
  const id = newId();
  await tx.insert(tasks).values({
    orgId: actor.orgId,
    id,
    title: task.title,
    notes: task.notes ?? null,
    dueAt: task.dueAt,
    customerId: task.customerId,
    contactId: task.contactId ?? null,
    dealId: task.dealId ?? null,
    activityId: task.activityId ?? null,
    assigneeId: task.assigneeId,
    createdBy: actor.id,
  });
  await recordAudit(tx, {
    orgId: actor.orgId,
    userId: actor.id,
    ip: actor.ip,
    action: 'create',
    entity: 'task',
    entityId: id,
    changes: {
      title: task.title,
      dueAt: task.dueAt.toISOString(),
      assigneeId: task.assigneeId,
      customerId: task.customerId,
      activityId: task.activityId ?? null,
    },
  });
  if (task.customerId) await refreshNextFollowUp(tx, actor.orgId, task.customerId);
  return id;
}

export async function createTask(
  db: Db,
  actor: Actor,
  input: CreateTaskRequest,
  now: Date,
): Promise<Task> {
  return db.transaction(async (tx) => {
    const assigneeId = input.assigneeId ?? actor.id;
    await assertAssignable(tx, actor, assigneeId);
    const customerId = await resolveTaskCustomer(tx, actor, input.customerId, input.contactId);
    const id = await insertTask(tx, actor, {
      title: input.title,
      notes: input.notes,
      dueAt: new Date(input.dueAt),
      customerId,
      contactId: input.contactId,
      assigneeId,
    });
    return getTask(tx, { ...actor, role: 'admin' }, id, now);
  });
}

export async function updateTask(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateTaskRequest,
  now: Date,
): Promise<Task> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<TaskRow>(
      tx,
      sql`select ${TASK_COLUMNS} from tasks t ${TASK_JOINS}
        where t.org_id = ${actor.orgId} and t.id = ${id} and ${visibleTasks(actor)}
        for update of t`,
    );
    if (!row) throw notFound('Task');
    const before = presentTask(row, now);
    if (before.version !== input.version) throw versionConflict(before);
    if (input.assigneeId && input.assigneeId !== before.assigneeId) {
      await assertAssignable(tx, actor, input.assigneeId);
    }
    const { version: _version, ...fields } = input;
    const statusChanged = fields.status !== undefined && fields.status !== before.status;
    await tx
      .update(tasks)
      .set({
        title: fields.title,
        notes: fields.notes,
        dueAt: fields.dueAt ? new Date(fields.dueAt) : undefined,
        status: fields.status,
        assigneeId: fields.assigneeId,
        ...(statusChanged ? { completedAt: fields.status === 'done' ? now : null } : {}),
        version: sql`${tasks.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(tasks.orgId, actor.orgId), eq(tasks.id, id)));
    const dueAt = fields.dueAt ? new Date(fields.dueAt).toISOString() : undefined;
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: statusChanged && fields.status === 'done' ? 'complete' : 'update',
      entity: 'task',
      entityId: id,
      changes: diffFields(before, { ...fields, dueAt }),
    });
    if (before.customerId) await refreshNextFollowUp(tx, actor.orgId, before.customerId);
    return getTask(tx, { ...actor, role: 'admin' }, id, now);
  });
}
