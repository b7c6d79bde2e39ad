import { type SQL, sql } from 'drizzle-orm';
import { addDays, daysBetween, zonedDay, zonedDayStart } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { findUpcomingBirthdays } from '../contacts/contacts.service';
import type { Viewer } from '../customers/customers.service';
import { findLapseWarnings } from '../lapseRules/lapsePreview';
import type { OrgInfo } from '../orgs/orgs.service';
import type { MyDay, Task, TaskListQuery } from './tasks.schema';
import { presentTask, TASK_COLUMNS, TASK_JOINS, type TaskRow, visibleTasks } from './tasks.service';

/** "My day" looks this many days ahead for upcoming tasks and birthdays (today included for birthdays). */
const LOOKAHEAD_DAYS = 7;
const MY_DAY_LIMIT = 100;

/** The due windows of the task filters and "My day", in the org's time zone. */
function dueWindows(now: Date, timeZone: string) {
  const today = zonedDay(now, timeZone);
  return {
    today,
    endOfToday: zonedDayStart(addDays(today, 1), timeZone),
    endOfUpcoming: zonedDayStart(addDays(today, 1 + LOOKAHEAD_DAYS), timeZone),
  };
}

function dueCondition(due: 'overdue' | 'today' | 'upcoming', now: Date, timeZone: string): SQL {
  const windows = dueWindows(now, timeZone);
  if (due === 'overdue') return sql`t.due_at < ${now}`;
  if (due === 'today') return sql`t.due_at >= ${now} and t.due_at < ${windows.endOfToday}`;
  return sql`t.due_at >= ${windows.endOfToday} and t.due_at < ${windows.endOfUpcoming}`;
}

async function selectTasks(db: Db, where: SQL[], limit: number, now: Date) {
  const rows = await queryRows<TaskRow>(
    db,
    sql`select ${TASK_COLUMNS} from tasks t ${TASK_JOINS}
      where ${sql.join(where, sql` and `)}
      order by t.due_at, t.id limit ${limit + 1}`,
  );
  return { rows, items: rows.slice(0, limit).map((row) => presentTask(row, now)) };
}

/** Tasks the viewer may see, earliest due first, keyset-paged. */
export async function findTasks(
  db: Db,
  viewer: Viewer,
  query: TaskListQuery,
  context: { now: Date; timeZone: string },
) {
  const where: SQL[] = [sql`t.org_id = ${viewer.orgId}`, visibleTasks(viewer)];
  if (query.status !== 'all') where.push(sql`t.status = ${query.status}`);
  if (query.assigneeId) where.push(sql`t.assignee_id = ${query.assigneeId}`);
  if (query.customerId) where.push(sql`t.customer_id = ${query.customerId}`);
  if (query.due) where.push(dueCondition(query.due, context.now, context.timeZone));
  if (query.cursor) {
    const [dueKey, id] = decodeCursor(query.cursor, 2) as [string, string];
    where.push(sql`(t.due_at, t.id) > (${dueKey}::timestamptz, ${id}::uuid)`);
  }
  const { rows } = await selectTasks(db, where, query.limit, context.now);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentTask(row, context.now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.due_key, last.id]) : null,
  };
}

/** The header badge: the caller's open tasks due now or earlier. */
export async function findReminders(db: Db, viewer: Viewer, now: Date) {
  const where = [
    sql`t.org_id = ${viewer.orgId}`,
    sql`t.assignee_id = ${viewer.id}`,
    sql`t.status = 'open'`,
    sql`t.due_at <= ${now}`,
  ];
  const [counted] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from tasks t where ${sql.join(where, sql` and `)}`,
  );
  const { items } = await selectTasks(db, where, 50, now);
  const lapsing = await findLapseWarnings(db, viewer, now);
  return { count: counted?.count ?? 0, items, lapseWarnings: lapsing.length };
}

/**
 * Customers the user owns with no follow-up for `afterDays` whole days (org time zone);
 * a customer never contacted counts from the day it was created.
 */
async function findNeglectedCustomers(
  db: Db,
  viewer: Viewer,
  today: string,
  afterDays: number,
  timeZone: string,
) {
  const before = zonedDayStart(addDays(today, 1 - afterDays), timeZone);
  const rows = await queryRows<{
    id: string;
    name: string;
    last_contact_at: Date | string | null;
    since: Date | string;
  }>(
    db,
    sql`select c.id, c.name, c.last_contact_at, coalesce(c.last_contact_at, c.created_at) as since
      from customers c
      where c.org_id = ${viewer.orgId} and c.owner_id = ${viewer.id} and c.archived_at is null
        and coalesce(c.last_contact_at, c.created_at) < ${before}
      order by since, c.id limit ${MY_DAY_LIMIT}`,
  );
  return rows.map((row) => ({
    customerId: row.id,
    customerName: row.name,
    lastContactAt:
      row.last_contact_at === null ? null : new Date(row.last_contact_at).toISOString(),
    daysSince: daysBetween(zonedDay(new Date(row.since), timeZone), today),
  }));
}

/** "My day" (工作台): the caller's tasks by due window, birthdays soon, neglected customers. */
export async function getMyDay(db: Db, viewer: Viewer, org: OrgInfo, now: Date): Promise<MyDay> {
  const { today } = dueWindows(now, org.timeZone);
  const mine = [
    sql`t.org_id = ${viewer.orgId}`,
    sql`t.assignee_id = ${viewer.id}`,
    sql`t.status = 'open'`,
  ];
  const tasksDue = async (due: 'overdue' | 'today' | 'upcoming'): Promise<Task[]> =>
    (await selectTasks(db, [...mine, dueCondition(due, now, org.timeZone)], MY_DAY_LIMIT, now))
      .items;
  const afterDays = org.settings.neglectedAfterDays;
  // Side by side, each on its own pooled connection: the page waits for the slowest, not the sum.
  const [overdue, dueToday, upcoming, birthdays, neglected, lapseWarnings] = await Promise.all([
    tasksDue('overdue'),
    tasksDue('today'),
    tasksDue('upcoming'),
    findUpcomingBirthdays(db, viewer.orgId, viewer.id, today, LOOKAHEAD_DAYS),
    findNeglectedCustomers(db, viewer, today, afterDays, org.timeZone),
    findLapseWarnings(db, viewer, now),
  ]);
  return {
    date: today,
    timeZone: org.timeZone,
    overdue,
    today: dueToday,
    upcoming,
    birthdays,
    neglected: { afterDays, items: neglected },
    lapseWarnings,
  };
}
