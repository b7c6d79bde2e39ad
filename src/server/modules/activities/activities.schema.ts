import { z } from 'zod';
import { ACTIVITY_TYPES } from '../../../domain/vocabulary';
import { CONTACT_CHANNELS, OPPORTUNITY_SIGNALS } from '../../../domain/workData';
import { ListQuery } from '../../http/listSchema';
import { Day } from '../contacts/contacts.schema';
import { Instant } from '../tasks/tasks.schema';
import { Id } from '../users/users.schema';

const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const CreateActivityRequest = z
  .object({
    customerId: Id,
    /** Stored as given; the deals feature checks it. */
    dealId: Id.nullish(),
    /** A contact of this customer. */
    contactId: Id.nullish(),
    type: z.enum(ACTIVITY_TYPES),
    /** 有效沟通: an effective communication. */
    effective: z.boolean(),
    summary: z.string().trim().min(1, 'is required').max(5000),
    /** The customer's feedback. */
    feedback: optionalText(5000),
    /** Objections the customer raised (异议). */
    objections: optionalText(5000),
    /** With nextActionAt, becomes a task for the customer's owner (or the caller when pooled). */
    nextAction: optionalText(500),
    nextActionAt: Instant.nullish(),
    /** When it happened; default now, never in the future. */
    occurredAt: Instant.optional(),
    /** The follow-up topic (跟进话题) used. */
    topicId: Id.nullish(),
    /** How the customer was reached (接触方式: 电话拜访、扫楼扫街、扫社区、路演、摆台展卖). */
    channel: z.enum(CONTACT_CHANNELS).nullish(),
    /** Opportunity signals (商机信号) heard; each at most once. */
    signals: z
      .array(z.enum(OPPORTUNITY_SIGNALS))
      .max(OPPORTUNITY_SIGNALS.length)
      .refine((list) => new Set(list).size === list.length, 'must not repeat a signal')
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.nextActionAt && !value.nextAction) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextAction'],
        message: 'is required with nextActionAt',
      });
    }
    if (
      value.nextActionAt &&
      value.occurredAt &&
      new Date(value.nextActionAt) < new Date(value.occurredAt)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextActionAt'],
        message: 'must not be before occurredAt',
      });
    }
  });
export type CreateActivityRequest = z.infer<typeof CreateActivityRequest>;

export const Activity = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  dealId: z.string().nullable(),
  userId: z.string(),
  userName: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  effective: z.boolean(),
  summary: z.string(),
  feedback: z.string().nullable(),
  objections: z.string().nullable(),
  nextAction: z.string().nullable(),
  nextActionAt: z.string().nullable(),
  topicId: z.string().nullable(),
  topicTitle: z.string().nullable(),
  channel: z.enum(CONTACT_CHANNELS).nullable(),
  signals: z.array(z.enum(OPPORTUNITY_SIGNALS)),
  /** The task its next action became, if any. */
  taskId: z.string().nullable(),
  occurredAt: z.string(),
  createdAt: z.string(),
});
export type Activity = z.infer<typeof Activity>;

export const CustomerActivitiesQuery = ListQuery;

export const ActivityListQuery = ListQuery.extend({
  /** Who logged them. */
  userId: Id.optional(),
  customerId: Id.optional(),
  /** Inclusive days in the org's time zone. */
  from: Day.optional(),
  to: Day.optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  effective: z.enum(['true', 'false']).optional(),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
