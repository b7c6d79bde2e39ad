import { z } from 'zod';
import { GRADE_CONDITION_OPS, GRADING_METRICS } from '../../../domain/grading';

const LocalizedText = z.object({
  'zh-CN': z.string().trim().min(1, 'is required').max(1000),
  en: z.string().trim().min(1, 'is required').max(1000),
});

/**
 * A grading rule set as src/domain/grading defines it. Conditions on the *Cents metrics and
 * creditLimitCents are in cents (分), so the document round-trips exactly.
 */
export const GradingRuleSet = z.object({
  id: z.string().trim().min(1, 'is required').max(64),
  name: LocalizedText,
  grades: z
    .array(
      z.object({
        grade: z.string().trim().min(1, 'is required').max(20),
        label: LocalizedText,
        conditions: z
          .array(
            z.object({
              metric: z.enum(GRADING_METRICS),
              op: z.enum(GRADE_CONDITION_OPS),
              value: z.number(),
            }),
          )
          .max(20),
        policy: z.object({
          paymentTermsDays: z.number().int().min(0).max(3650),
          creditLimitCents: z.number().int().min(0).optional(),
          supportLevel: LocalizedText,
          description: LocalizedText,
        }),
      }),
    )
    .min(1)
    .max(20),
});

export const PRESET_KEYS = ['vip-abc', 'abcd'] as const;

const GradingOptionFields = {
  /** Days an amount may stay unpaid before the customer drops a grade; null turns it off. */
  unpaidDowngradeDays: z.number().int().min(0).max(3650).nullable(),
  /** Months averaged for the trailing monthly revenue (月回款). */
  trailingMonths: z.number().int().min(1).max(24),
};

export const GradingSettings = z.object({
  ruleSet: GradingRuleSet,
  ...GradingOptionFields,
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** The shipped rule sets: seed 003's VIP/A/B/C table and its A–D template. */
  presets: z.array(GradingRuleSet),
});
export type GradingSettings = z.infer<typeof GradingSettings>;

export const UpdateGradingSettingsRequest = z.object({
  version: z.number().int(),
  /** Either a rule set of the org's own, or `preset` for a shipped one. */
  ruleSet: GradingRuleSet.optional(),
  preset: z.enum(PRESET_KEYS).optional(),
  unpaidDowngradeDays: GradingOptionFields.unpaidDowngradeDays.optional(),
  trailingMonths: GradingOptionFields.trailingMonths.optional(),
});
export type UpdateGradingSettingsRequest = z.infer<typeof UpdateGradingSettingsRequest>;

export const GradingRun = z.object({
  id: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  ruleSetId: z.string(),
  /** Customers with sales records that were graded. */
  graded: z.number().int(),
  /** Of them, those whose grade changed (each with a history entry). */
  changed: z.number().int(),
  /** Of them, those dropped a grade for an amount unpaid too long. */
  downgraded: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().int(),
});
export type GradingRun = z.infer<typeof GradingRun>;

const Policy = z.object({
  paymentTermsDays: z.number().int(),
  /** 元; null when the grade sets no limit. */
  creditLimit: z.number().nullable(),
  supportLevel: z.string(),
  description: z.string(),
});

export const CustomerGrade = z.object({
  customerId: z.string(),
  /** The grade on record (from the last grading run); null until graded. */
  grade: z.string().nullable(),
  label: z.string().nullable(),
  /** The policy of the grade on record under the current rule set. */
  policy: Policy.nullable(),
  ruleSetId: z.string(),
  /** The grade from today's sales records; differs from `grade` until the next run. */
  current: z
    .object({
      grade: z.string(),
      reasons: z.array(z.string()),
      downgradedForUnpaid: z.boolean(),
      metrics: z.object({
        /** 元 */
        trailingMonthlyRevenue: z.number(),
        trailing12mRevenue: z.number(),
        paid: z.number(),
        outstanding: z.number(),
        oldestUnpaidDays: z.number().int().nullable(),
        productLines: z.number().int(),
        ordersLast12m: z.number().int(),
        onTimePaymentRatio: z.number().nullable(),
      }),
    })
    .nullable(),
  history: z.array(
    z.object({
      fromGrade: z.string().nullable(),
      toGrade: z.string(),
      ruleSetId: z.string(),
      reasons: z.array(z.string()),
      downgradedForUnpaid: z.boolean(),
      changedAt: z.string(),
    }),
  ),
});
export type CustomerGrade = z.infer<typeof CustomerGrade>;
