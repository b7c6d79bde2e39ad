import { z } from 'zod';
import { DOCUMENT_KINDS, FUNNEL_TEMPLATE_KEYS } from '../../../domain/funnels';
import { ACTIVITY_TYPES, CONTACT_ROLES, LOCALES, TERMINALS } from '../../../domain/vocabulary';

/** Deal fields a 'field' key action may require (see gateFacts). */
export const DEAL_FACT_FIELDS = [
  'amount',
  'budget',
  'expectedCloseDate',
  'products',
  'competitors',
  'nextStep',
] as const;
/** Customer fields a 'field' key action may require; `custom.<key>` names a custom field. */
export const CUSTOMER_FACT_FIELDS = [
  'industry',
  'headcount',
  'province',
  'city',
  'address',
  'country',
  'website',
  'phone',
  'email',
  'source',
] as const;
const FACT_FIELD = new RegExp(
  `^(${[...DEAL_FACT_FIELDS, ...CUSTOMER_FACT_FIELDS].join('|')}|custom\\.[A-Za-z0-9_]{1,64})$`,
);

/**
 * A text of a funnel in the request: a plain string is in the caller's language (the other
 * language keeps its earlier text, or takes the same string on a new item); an object sets
 * each language given.
 */
export const TextInput = (max: number) =>
  z.union([
    z.string().trim().max(max),
    z.object({ 'zh-CN': z.string().trim().max(max), en: z.string().trim().max(max) }).partial(),
  ]);
export type TextInput = z.infer<ReturnType<typeof TextInput>>;

const ItemId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');
const Slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug')
  .max(64);

const KeyActionBase = {
  id: ItemId.optional(),
  label: TextInput(300),
  minCount: z.number().int().min(1).max(1000),
  windowDays: z.number().int().min(1).max(3650).optional(),
};

export const KeyActionInput = z.discriminatedUnion('kind', [
  z.object({
    ...KeyActionBase,
    kind: z.literal('activity'),
    activityTypes: z.array(z.enum(ACTIVITY_TYPES)).min(1).max(20).optional(),
    effectiveOnly: z.boolean().optional(),
    contactRoles: z.array(z.enum(CONTACT_ROLES)).min(1).max(20).optional(),
  }),
  z.object({ ...KeyActionBase, kind: z.literal('document'), documentKind: z.enum(DOCUMENT_KINDS) }),
  z.object({
    ...KeyActionBase,
    kind: z.literal('field'),
    minCount: z.literal(1).default(1),
    field: z.string().regex(FACT_FIELD, 'must be a deal or customer field, or custom.<key>'),
  }),
]);
export type KeyActionInput = z.infer<typeof KeyActionInput>;

export const CriterionInput = z.object({
  id: ItemId.optional(),
  label: TextInput(300),
  required: z.boolean().default(true),
});

export const StageInput = z.object({
  /** Identity of the stage: deals and history refer to it. Generated when absent. */
  key: Slug.optional(),
  name: TextInput(100),
  definition: TextInput(2000).optional(),
  signatureOutput: TextInput(300).optional(),
  /** Default win probability in percent; won is 100 and lost 0 when left out. */
  probability: z.number().int().min(0).max(100).optional(),
  goalMetric: TextInput(300).optional(),
  keyActions: z.array(KeyActionInput).max(30).optional(),
  criteria: z.array(CriterionInput).max(50).optional(),
  staleAfterDays: z.number().int().min(1).max(3650).nullable().optional(),
  terminal: z.enum(TERMINALS).nullable().optional(),
  scripts: z.array(TextInput(4000)).max(30).optional(),
  objections: z
    .array(z.object({ objection: TextInput(500), answer: TextInput(4000) }))
    .max(30)
    .optional(),
});
export type StageInput = z.infer<typeof StageInput>;

export const FUNNEL_PURPOSES = ['deals', 'customers'] as const;

export const CreateFunnelRequest = z
  .object({
    template: z.enum(FUNNEL_TEMPLATE_KEYS).optional(),
    name: TextInput(100).optional(),
    stages: z.array(StageInput).min(1).max(30).optional(),
    /** 'customers': the org's customer-lifecycle funnel (one per org). */
    purpose: z.enum(FUNNEL_PURPOSES).default('deals'),
    /** Language of plain-string texts; the caller's locale by default. */
    locale: z.enum(LOCALES).optional(),
  })
  .superRefine((body, issues) => {
    if (body.template && body.stages) {
      issues.addIssue({ code: 'custom', path: ['stages'], message: 'give a template or stages' });
    }
    if (!body.template && !body.stages) {
      issues.addIssue({ code: 'custom', path: ['template'], message: 'give a template or stages' });
    }
    if (!body.template && body.name === undefined) {
      issues.addIssue({ code: 'custom', path: ['name'], message: 'is required' });
    }
  });
export type CreateFunnelRequest = z.infer<typeof CreateFunnelRequest>;

export const UpdateFunnelRequest = z.object({
  version: z.number().int(),
  name: TextInput(100).optional(),
  /** The whole ordered list; stages are matched by key, items by id. */
  stages: z.array(StageInput).min(1).max(30).optional(),
  locale: z.enum(LOCALES).optional(),
});
export type UpdateFunnelRequest = z.infer<typeof UpdateFunnelRequest>;

export const LocaleQuery = z.object({ locale: z.enum(LOCALES).optional() });

const KeyActionBaseOut = {
  id: z.string(),
  label: z.string(),
  minCount: z.number().int(),
  windowDays: z.number().int().optional(),
};
export const KeyActionOut = z.discriminatedUnion('kind', [
  z.object({
    ...KeyActionBaseOut,
    kind: z.literal('activity'),
    activityTypes: z.array(z.string()).optional(),
    effectiveOnly: z.boolean().optional(),
    contactRoles: z.array(z.string()).optional(),
  }),
  z.object({ ...KeyActionBaseOut, kind: z.literal('document'), documentKind: z.string() }),
  z.object({ ...KeyActionBaseOut, kind: z.literal('field'), field: z.string() }),
]);

export const Stage = z.object({
  key: z.string(),
  name: z.string(),
  definition: z.string(),
  signatureOutput: z.string(),
  probability: z.number().int(),
  goalMetric: z.string(),
  keyActions: z.array(KeyActionOut),
  criteria: z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean() })),
  staleAfterDays: z.number().int().nullable(),
  terminal: z.enum(TERMINALS).nullable(),
  scripts: z.array(z.string()),
  objections: z.array(z.object({ objection: z.string(), answer: z.string() })),
});
export type Stage = z.infer<typeof Stage>;

export const Funnel = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.enum(FUNNEL_PURPOSES),
  templateKey: z.string().nullable(),
  locale: z.enum(LOCALES),
  stages: z.array(Stage),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Funnel = z.infer<typeof Funnel>;

export const FunnelTemplateOut = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  stages: z.array(Stage),
});
