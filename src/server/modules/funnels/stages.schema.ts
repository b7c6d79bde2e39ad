import { z } from 'zod';
import { LOCALES } from '../../../domain/vocabulary';
import { Id } from '../users/users.schema';

// Schemas shared by the deal and the customer-lifecycle stage commands.

export const Evidence = z
  .object({
    note: z.string().trim().max(2000).nullish(),
    url: z
      .string()
      .trim()
      .max(2000)
      .url('must be a link')
      .refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) link')
      .nullish(),
    activityId: Id.nullish(),
  })
  .strict();

export const ChecklistItem = z.object({
  id: z.string(),
  label: z.string(),
  required: z.boolean(),
  checked: z.boolean(),
  checkedBy: z.string().nullable(),
  checkedByName: z.string().nullable(),
  checkedAt: z.string().nullable(),
  evidence: z
    .object({
      note: z.string().nullable(),
      url: z.string().nullable(),
      activityId: z.string().nullable(),
    })
    .nullable(),
});
export const Checklist = z.object({
  stageKey: z.string(),
  stageName: z.string(),
  items: z.array(ChecklistItem),
});

export const KeyActionProgress = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['activity', 'document', 'field']),
  have: z.number().int(),
  need: z.number().int(),
  met: z.boolean(),
});

export const MoveRequest = z.object({
  toStageKey: z.string().trim().min(1).max(64),
  /** Managers and admins: move although the gate is unmet; recorded with the move. */
  overrideReason: z.string().trim().min(1, 'is required').max(1000).optional(),
  /** Required for the lost stage: a lost reason's id or name from the org's list. */
  lostReason: z.string().trim().min(1).max(200).optional(),
  /** The deal's version as the caller saw it; a stale one is 409. */
  version: z.number().int().optional(),
});
export type MoveRequest = z.infer<typeof MoveRequest>;

export const GateQuery = z.object({
  toStageKey: z.string().trim().min(1).max(64),
  locale: z.enum(LOCALES).optional(),
});

export const Unmet = z.object({
  kind: z.enum(['criterion', 'keyAction', 'terminal']),
  stageKey: z.string(),
  id: z.string(),
  label: z.string(),
  have: z.number().int().optional(),
  need: z.number().int().optional(),
});

export const GatePreview = z.object({
  allowed: z.boolean(),
  direction: z.enum(['forward', 'backward', 'terminal', 'same', 'initial']),
  unmet: z.array(Unmet),
  canOverride: z.boolean(),
});

export const ChecklistRequest = z.object({
  stageKey: z.string().trim().min(1).max(64),
  itemId: z.string().trim().min(1).max(64),
  checked: z.boolean(),
  evidence: Evidence.optional(),
});

export const StageMove = z.object({
  id: z.string(),
  customerId: z.string(),
  /** null: a move of the customer's lifecycle. */
  dealId: z.string().nullable(),
  dealName: z.string().nullable(),
  funnelId: z.string(),
  fromStageKey: z.string().nullable(),
  fromStageName: z.string().nullable(),
  toStageKey: z.string(),
  toStageName: z.string(),
  direction: z.enum(['initial', 'forward', 'backward', 'terminal']),
  at: z.string(),
  byUserId: z.string(),
  byName: z.string().nullable(),
  overrideReason: z.string().nullable(),
  unmet: z.array(Unmet),
  lostReason: z.string().nullable(),
  checklist: z.record(
    z.string(),
    z.array(z.object({ id: z.string(), by: z.string(), at: z.string() })),
  ),
});
