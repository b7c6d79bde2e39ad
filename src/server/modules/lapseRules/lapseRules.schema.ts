import { z } from 'zod';
import { LAPSE_REASONS, MAX_LAPSE_DAYS } from '../../../domain/pool';
import { Id } from '../users/users.schema';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const Days = z.number().int().min(1).max(MAX_LAPSE_DAYS);
const Keys = z.array(z.string().trim().min(1).max(50)).max(50);

const RuleFields = {
  name: z.string().trim().min(1, 'is required').max(100),
  teamId: Id.nullish(),
  funnelId: Id.nullish(),
  /** Lapse after this many days without an effective communication by the owner. */
  noActivityDays: Days.nullish(),
  /** Lapse after this many days without a stage move of a deal or of the customer's lifecycle. */
  noProgressDays: Days.nullish(),
  warnDays: z.number().int().min(0).max(MAX_LAPSE_DAYS).optional(),
  exemptWon: z.boolean().optional(),
  exemptStageKeys: Keys.optional(),
  exemptGrades: Keys.optional(),
  active: z.boolean().optional(),
};

export const CreateLapseRuleRequest = z.object(RuleFields);
export type CreateLapseRuleRequest = z.infer<typeof CreateLapseRuleRequest>;

export const UpdateLapseRuleRequest = z.object({
  version: z.number().int(),
  name: RuleFields.name.optional(),
  noActivityDays: RuleFields.noActivityDays,
  noProgressDays: RuleFields.noProgressDays,
  warnDays: RuleFields.warnDays,
  exemptWon: RuleFields.exemptWon,
  exemptStageKeys: RuleFields.exemptStageKeys,
  exemptGrades: RuleFields.exemptGrades,
  active: RuleFields.active,
});
export type UpdateLapseRuleRequest = z.infer<typeof UpdateLapseRuleRequest>;

export const LapseRule = z.object({
  id: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  funnelId: z.string().nullable(),
  noActivityDays: z.number().int().nullable(),
  noProgressDays: z.number().int().nullable(),
  warnDays: z.number().int(),
  exemptWon: z.boolean(),
  exemptStageKeys: z.array(z.string()),
  exemptGrades: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LapseRule = z.infer<typeof LapseRule>;

export const PreviewRequest = z.object({
  /** Draft rules to try instead of the saved ones; the saved ones when left out. */
  rules: z.array(CreateLapseRuleRequest).max(100).optional(),
  /** The org day to evaluate; tomorrow when left out. */
  day: Day.optional(),
});
export type PreviewRequest = z.infer<typeof PreviewRequest>;

const Trigger = z.enum(LAPSE_REASONS);

export const PreviewResult = z.object({
  day: z.string(),
  /** Customers the job would return to the pool on that day. */
  lapsing: z.number().int(),
  /** Customers whose owners would be warned on that day. */
  warning: z.number().int(),
  byRule: z.array(
    z.object({
      index: z.number().int(),
      name: z.string(),
      lapsing: z.number().int(),
      warning: z.number().int(),
    }),
  ),
  byOwner: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      lapsing: z.number().int(),
      warning: z.number().int(),
    }),
  ),
  sample: z.array(
    z.object({
      customerId: z.string(),
      customerName: z.string(),
      ownerId: z.string(),
      status: z.enum(['lapsed', 'warning']),
      ruleName: z.string(),
      triggers: z.array(Trigger),
      deadline: z.string(),
    }),
  ),
});
export type PreviewResult = z.infer<typeof PreviewResult>;

export const LapseWarning = z.object({
  customerId: z.string(),
  customerName: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  /** warning: the deadline is near; lapsed: the next run returns it to the pool. */
  status: z.enum(['warning', 'lapsed']),
  triggers: z.array(Trigger),
  deadline: z.string(),
  daysLeft: z.number().int(),
  lastEffectiveAt: z.string().nullable(),
  lastProgressAt: z.string().nullable(),
});
export type LapseWarning = z.infer<typeof LapseWarning>;
