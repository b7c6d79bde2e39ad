import { z } from 'zod';
import { isValidDay, parseYuanToCents } from '../../../domain/format';
import { DOCUMENT_KINDS } from '../../../domain/funnels';
import { LOCALES } from '../../../domain/vocabulary';
import { ListQuery } from '../../http/listSchema';
import { Stage } from '../funnels/funnels.schema';
import { Checklist, Evidence, KeyActionProgress } from '../funnels/stages.schema';
import { Id } from '../users/users.schema';

const MAX_CENTS = 1_000_000_000_000_00; // one trillion yuan

/** An amount in yuan (元), number or decimal string, at most 2 decimals; becomes cents. */
export const Yuan = z.union([z.number(), z.string().trim().max(30)]).transform((value, ctx) => {
  const parsed = parseYuanToCents(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  if (parsed.cents < 0 || parsed.cents > MAX_CENTS) {
    ctx.addIssue({ code: 'custom', message: 'must be between 0 and 1000000000000' });
    return z.NEVER;
  }
  return parsed.cents;
});

export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isValidDay, 'is not a calendar date');

const Names = z.array(z.string().trim().min(1).max(200)).max(50);

const DealFields = {
  budget: Yuan.nullish(),
  expectedCloseDate: Day.nullish(),
  products: Names.optional(),
  competitors: Names.optional(),
  nextStep: z.string().trim().max(1000).nullish(),
  /** Overrides the stage's default win probability; null goes back to the default. */
  probability: z.number().int().min(0).max(100).nullish(),
  ownerId: Id.optional(),
};

export const CreateDealRequest = z.object({
  customerId: Id,
  funnelId: Id,
  name: z.string().trim().min(1, 'is required').max(200),
  amount: Yuan,
  /** The first stage when left out; a later open stage is for managers and admins. */
  stageKey: z.string().trim().min(1).max(64).optional(),
  ...DealFields,
});
export type CreateDealRequest = z.infer<typeof CreateDealRequest>;

export const UpdateDealRequest = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1, 'is required').max(200).optional(),
  amount: Yuan.optional(),
  ...DealFields,
});
export type UpdateDealRequest = z.infer<typeof UpdateDealRequest>;

export const Deal = z.object({
  id: z.string(),
  name: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  funnelId: z.string(),
  stageKey: z.string(),
  stageName: z.string(),
  stageEnteredAt: z.string(),
  daysInStage: z.number().int(),
  stale: z.boolean(),
  staleAt: z.string().nullable(),
  status: z.enum(['open', 'won', 'lost']),
  /** 元, at most 2 decimals. */
  amount: z.number(),
  budget: z.number().nullable(),
  probability: z.number().int(),
  probabilityOverridden: z.boolean(),
  /** amount × probability, rounded to the cent. */
  weightedAmount: z.number(),
  expectedCloseDate: z.string().nullable(),
  products: z.array(z.string()),
  competitors: z.array(z.string()),
  nextStep: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  lostReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deal = z.infer<typeof Deal>;

/** A deal in a list or on the board, with how many of its stage's key actions are met. */
export const DealListItem = Deal.extend({
  /** Null when the deal is closed or its stage asks for no key action. */
  keyActionProgress: z.object({ met: z.number().int(), total: z.number().int() }).nullable(),
});
export type DealListItem = z.infer<typeof DealListItem>;

export const DealDetail = Deal.extend({
  funnelName: z.string(),
  /** The current stage in full: definition, scripts (话术), objection answers (异议处理)… */
  stage: Stage,
  nextStage: z.object({ key: z.string(), name: z.string() }).nullable(),
  /** Work of the current stage counted against its key actions: "2/3". */
  keyActions: z.array(KeyActionProgress),
  checklist: z.object({ current: Checklist, next: Checklist.nullable() }),
});
export type DealDetail = z.infer<typeof DealDetail>;

export const DEAL_SORTS = [
  '-updatedAt',
  '-amount',
  'expectedCloseDate',
  'stageEnteredAt',
  '-createdAt',
] as const;
export type DealSort = (typeof DEAL_SORTS)[number];

const Flag = z.enum(['true', 'false']);

export const DealFilters = z.object({
  funnelId: Id.optional(),
  ownerId: Id.optional(),
  teamId: Id.optional(),
  stale: Flag.optional(),
  /** Expected close month, YYYY-MM. */
  closeMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
    .optional(),
  customerId: Id.optional(),
});
export type DealFilters = z.infer<typeof DealFilters>;

export const DealListQuery = ListQuery.extend(DealFilters.shape).extend({
  stageKey: z.string().trim().max(64).optional(),
  status: z.enum(['open', 'won', 'lost']).optional(),
  sort: z.enum(DEAL_SORTS).default('-updatedAt'),
  locale: z.enum(LOCALES).optional(),
});
export type DealListQuery = z.infer<typeof DealListQuery>;

export const BoardQuery = DealFilters.extend({
  funnelId: Id,
  /** Cards per column; the rest through GET /deals with the column's nextCursor. */
  limit: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(DEAL_SORTS).default('-updatedAt'),
  locale: z.enum(LOCALES).optional(),
});
export type BoardQuery = z.infer<typeof BoardQuery>;

const Totals = { count: z.number().int(), amount: z.number(), weightedAmount: z.number() };

export const Board = z.object({
  funnel: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  stages: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      probability: z.number().int(),
      terminal: z.enum(['won', 'lost']).nullable(),
      staleAfterDays: z.number().int().nullable(),
      ...Totals,
      staleCount: z.number().int(),
      deals: z.array(DealListItem),
      /** For GET /deals?funnelId=&stageKey=&cursor= with the same filters and sort. */
      nextCursor: z.string().nullable(),
    }),
  ),
  /** Open deals only: the pipeline. */
  open: z.object(Totals),
});

export const CreateDocumentRequest = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  name: z.string().trim().min(1, 'is required').max(300),
  url: Evidence.shape.url,
  note: z.string().trim().max(2000).nullish(),
});

export const DealDocument = z.object({
  id: z.string(),
  dealId: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  name: z.string(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  addedBy: z.string(),
  addedByName: z.string().nullable(),
  addedAt: z.string(),
});
