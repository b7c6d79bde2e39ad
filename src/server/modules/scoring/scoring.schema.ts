import { z } from 'zod';
import { SCORING_OPS } from '../../../domain/scoring';
import { LOCALES } from '../../../domain/vocabulary';

const LocalizedText = z.object({
  'zh-CN': z.string().trim().min(1, 'is required').max(200),
  en: z.string().trim().min(1, 'is required').max(200),
});

export const ScoringCriterion = z.object({
  id: z.string().trim().min(1, 'is required').max(64),
  label: LocalizedText,
  /** A customer field (headcount, industry, tags, …) or custom.<key> of a custom field. */
  field: z.string().trim().min(1, 'is required').max(100),
  op: z.enum(SCORING_OPS),
  value: z
    .union([z.string().max(200), z.number(), z.boolean(), z.array(z.string().max(200)).max(100)])
    .optional(),
  points: z.number().int('must be an integer').min(-1000).max(1000),
});

export const ScoringRules = z.object({
  threshold: z.number().int('must be an integer').min(-10_000).max(10_000),
  criteria: z.array(ScoringCriterion).max(100),
});

export const UpdateScoringRulesRequest = ScoringRules.extend({ version: z.number().int() });
export type UpdateScoringRulesRequest = z.infer<typeof UpdateScoringRulesRequest>;

export const ScoringSettings = ScoringRules.extend({
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** True while the customers' scores are still being recomputed for this version. */
  recomputing: z.boolean(),
});
export type ScoringSettings = z.infer<typeof ScoringSettings>;

export const UpdateScoringRulesResponse = ScoringSettings.extend({
  /** done: every score is already recomputed; background: a large org is being recomputed. */
  recompute: z.enum(['done', 'background']),
});

export const LocaleQuery = z.object({ locale: z.enum(LOCALES).optional() });

export const CustomerScore = z.object({
  customerId: z.string(),
  score: z.number().int(),
  qualified: z.boolean(),
  threshold: z.number().int(),
  /** Every criterion, matched or not, with its label in the caller's language. */
  reasons: z.array(
    z.object({
      criterionId: z.string(),
      label: z.string(),
      points: z.number().int(),
      matched: z.boolean(),
    }),
  ),
  rulesVersion: z.number().int(),
});
export type CustomerScore = z.infer<typeof CustomerScore>;
