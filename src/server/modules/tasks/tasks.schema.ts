import { z } from 'zod';
import { ListQuery } from '../../http/listSchema';
import { LapseWarning } from '../lapseRules/lapseRules.schema';
import { Id } from '../users/users.schema';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export const CreateTaskRequest = z.object({
  title: z.string().trim().min(1, 'is required').max(200),
  notes: z.string().trim().max(5000).nullish(),
  dueAt: Instant,
  customerId: Id.nullish(),
  /** A contact of the customer; given alone, the task is linked to that contact's customer. */
  contactId: Id.nullish(),
  /** Omitted: the caller. Reps may assign only themselves, managers their team, admins anyone. */
  assigneeId: Id.optional(),
});
export type CreateTaskRequest = z.infer<typeof CreateTaskRequest>;

export const UpdateTaskRequest = z.object({
  version: z.number().int(),
  title: z.string().trim().min(1, 'is required').max(200).optional(),
  notes: z.string().trim().max(5000).nullish(),
  dueAt: Instant.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  assigneeId: Id.optional(),
});
export type UpdateTaskRequest = z.infer<typeof UpdateTaskRequest>;

export const Task = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.string().nullable(),
  dueAt: z.string(),
  status: z.enum(TASK_STATUSES),
  /** Open and due before now. */
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  dealId: z.string().nullable(),
  /** The follow-up record whose next action made this task. */
  activityId: z.string().nullable(),
  assigneeId: z.string(),
  assigneeName: z.string(),
  createdBy: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof Task>;

export const TaskListQuery = ListQuery.extend({
  /** Default open; `all` for every status. */
  status: z.enum([...TASK_STATUSES, 'all']).default('open'),
  assigneeId: Id.optional(),
  customerId: Id.optional(),
  /**
   * In the org's time zone: overdue = due before now; today = due from now to the end of
   * today; upcoming = due in the next 7 days after today.
   */
  due: z.enum(['overdue', 'today', 'upcoming']).optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const Reminders = z.object({
  /** Open tasks of the caller due now or earlier (the header badge). */
  count: z.number().int(),
  /** The earliest 50 of them. */
  items: z.array(Task),
  /** The caller's customers about to lapse back to the pool (a lapse rule's warning window). */
  lapseWarnings: z.number().int(),
});

export const BirthdaySoon = z.object({
  contactId: z.string(),
  contactName: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  birthday: z.string(),
  /** The day it is celebrated (29 Feb → 28 Feb in common years). */
  date: z.string(),
  daysAway: z.number().int(),
  turns: z.number().int(),
});

export const NeglectedCustomer = z.object({
  customerId: z.string(),
  customerName: z.string(),
  lastContactAt: z.string().nullable(),
  /** Whole days (org time zone) since the last contact, or since creation when never contacted. */
  daysSince: z.number().int(),
});

export const MyDay = z.object({
  /** Today in the org's time zone, YYYY-MM-DD. */
  date: z.string(),
  timeZone: z.string(),
  /** Each task list holds at most 100 tasks, earliest due first. */
  overdue: z.array(Task),
  today: z.array(Task),
  upcoming: z.array(Task),
  birthdays: z.array(BirthdaySoon),
  neglected: z.object({
    afterDays: z.number().int(),
    /** At most 100, longest neglected first. */
    items: z.array(NeglectedCustomer),
  }),
  /** The caller's customers within a lapse rule's warning window, soonest deadline first. */
  lapseWarnings: z.array(LapseWarning),
});
export type MyDay = z.infer<typeof MyDay>;
