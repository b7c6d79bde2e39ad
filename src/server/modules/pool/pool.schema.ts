import { z } from 'zod';
import { MAX_HOLDING_LIMIT, OWNERSHIP_EVENT_KINDS } from '../../../domain/pool';
import { ListQuery } from '../../http/listSchema';
import { Customer } from '../customers/customers.schema';
import { Id } from '../users/users.schema';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const HoldingLimitValue = z.number().int().min(0).max(MAX_HOLDING_LIMIT);

export const ReleaseRequest = z.object({
  reason: z.string().trim().min(1, 'is required').max(500).nullish(),
});
export type ReleaseRequest = z.infer<typeof ReleaseRequest>;

export const AssignRequest = z.object({
  ownerId: Id,
  /**
   * Also hand the previous owner's open tasks and deals on this customer to the new owner.
   * Left out while there is open work: 409 with the counts, so the user can confirm.
   */
  moveOpenWork: z.boolean().optional(),
});
export type AssignRequest = z.infer<typeof AssignRequest>;

export const BulkAssignRequest = AssignRequest.extend({
  ids: z.array(Id).min(1, 'give at least one customer').max(500),
});
export type BulkAssignRequest = z.infer<typeof BulkAssignRequest>;

export const MovedWork = z.object({ tasks: z.number().int(), deals: z.number().int() });
export type MovedWork = z.infer<typeof MovedWork>;

export const AssignResult = z.object({ customer: Customer, moved: MovedWork });
export const BulkAssignResult = z.object({ assigned: z.number().int(), moved: MovedWork });

export const OwnershipSettings = z.object({
  holdingLimit: z.number().int(),
  wonDealsExempt: z.boolean(),
  cooldownDays: z.number().int(),
  dailyClaimQuota: z.number().int().nullable(),
  releaseReasonRequired: z.boolean(),
  gridSpillDays: z.number().int(),
  version: z.number().int(),
  /** The seed's advice for the holding limit, shown beside the field. */
  guidance: z.object({ min: z.number(), typical: z.number(), max: z.number() }),
});
export type OwnershipSettings = z.infer<typeof OwnershipSettings>;

export const UpdateOwnershipSettingsRequest = z.object({
  version: z.number().int(),
  holdingLimit: HoldingLimitValue.optional(),
  wonDealsExempt: z.boolean().optional(),
  cooldownDays: z.number().int().min(0).max(3650).optional(),
  dailyClaimQuota: z.number().int().min(1).max(10_000).nullable().optional(),
  releaseReasonRequired: z.boolean().optional(),
  gridSpillDays: z.number().int().min(0).max(3650).optional(),
});
export type UpdateOwnershipSettingsRequest = z.infer<typeof UpdateOwnershipSettingsRequest>;

export const HoldingLimitOverride = z.object({
  id: z.string(),
  scope: z.enum(['team', 'user']),
  teamId: z.string().nullable(),
  userId: z.string().nullable(),
  holdingLimit: z.number().int(),
  version: z.number().int(),
});
export type HoldingLimitOverride = z.infer<typeof HoldingLimitOverride>;

export const SetHoldingLimitRequest = z.object({ holdingLimit: HoldingLimitValue });

export const Holdings = z.object({
  userId: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  count: z.number().int(),
  limit: z.number().int(),
  limitSource: z.enum(['org', 'team', 'rep']),
  remaining: z.number().int(),
});
export type Holdings = z.infer<typeof Holdings>;

export const MyHoldings = Holdings.extend({
  wonDealsExempt: z.boolean(),
  claimsToday: z.number().int(),
  dailyClaimQuota: z.number().int().nullable(),
  cooldownDays: z.number().int(),
  guidance: z.enum(['below', 'within', 'above']),
});

export const Territory = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  tag: z.string().nullable(),
});
export type Territory = z.infer<typeof Territory>;

export const CreateTerritoryRequest = z.object({
  teamId: Id,
  province: z.string().trim().max(50).nullish(),
  city: z.string().trim().max(50).nullish(),
  tag: z.string().trim().max(50).nullish(),
});
export type CreateTerritoryRequest = z.infer<typeof CreateTerritoryRequest>;

const RuleSnapshot = z.object({
  id: z.string(),
  name: z.string(),
  noActivityDays: z.number().nullable(),
  noProgressDays: z.number().nullable(),
  triggers: z.array(z.enum(['no_activity', 'no_progress'])),
});

export const OwnershipEvent = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  kind: z.enum(OWNERSHIP_EVENT_KINDS),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  fromOwnerId: z.string().nullable(),
  fromOwnerName: z.string().nullable(),
  toOwnerId: z.string().nullable(),
  toOwnerName: z.string().nullable(),
  poolTeamId: z.string().nullable(),
  poolTeamName: z.string().nullable(),
  reason: z.string().nullable(),
  rule: RuleSnapshot.nullable(),
  deadline: z.string().nullable(),
});
export type OwnershipEvent = z.infer<typeof OwnershipEvent>;

export const OwnershipEventQuery = ListQuery.extend({
  userId: Id.optional(),
  kind: z.enum(OWNERSHIP_EVENT_KINDS).optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type OwnershipEventQuery = z.infer<typeof OwnershipEventQuery>;

/** Why a pool customer is in the pool: its last release, lapse or spill-over. */
export const PoolReturn = z.object({
  kind: z.enum(['released', 'lapsed', 'spilled']),
  at: z.string(),
  reason: z.string().nullable(),
  rule: RuleSnapshot.nullable(),
  fromOwnerId: z.string().nullable(),
  fromOwnerName: z.string().nullable(),
});

/** A pool customer as the pool page shows it: the basics, never the ways to reach it. */
export const PoolCustomer = z.object({
  id: z.string(),
  name: z.string(),
  industry: z.string().nullable(),
  headcount: z.number().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  source: z.string().nullable(),
  grade: z.string().nullable(),
  score: z.number().nullable(),
  tags: z.array(z.string()),
  poolTeamId: z.string().nullable(),
  poolTeamName: z.string().nullable(),
  pooledAt: z.string().nullable(),
  createdAt: z.string(),
  returned: PoolReturn.nullable(),
  /** Until when the caller may not claim it (they released it or let it lapse). */
  cooldownUntil: z.string().nullable(),
});
export type PoolCustomer = z.infer<typeof PoolCustomer>;

export const PoolQuery = ListQuery.extend({
  q: z.string().trim().max(100).optional(),
  province: z.string().trim().max(50).optional(),
  city: z.string().trim().max(50).optional(),
  industry: z.string().trim().max(100).optional(),
  source: z.string().trim().max(100).optional(),
  grade: z.string().trim().max(20).optional(),
  tag: z.string().trim().max(50).optional(),
  /** org: the org pool only; team: the grid pools the caller may claim from. */
  scope: z.enum(['org', 'team']).optional(),
  /** Why it came back: released, lapsed, spilled from a grid pool, or new (never owned). */
  returned: z.enum(['released', 'lapsed', 'spilled', 'new']).optional(),
});
export type PoolQuery = z.infer<typeof PoolQuery>;

export const OwnershipReportQuery = z.object({
  from: Day,
  to: Day,
  teamId: Id.optional(),
});
export type OwnershipReportQuery = z.infer<typeof OwnershipReportQuery>;

export const OwnershipReportRow = z.object({
  userId: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  created: z.number().int(),
  claimed: z.number().int(),
  assignedIn: z.number().int(),
  assignedOut: z.number().int(),
  released: z.number().int(),
  lapsed: z.number().int(),
  warnings: z.number().int(),
  holding: z.number().int(),
});
export type OwnershipReportRow = z.infer<typeof OwnershipReportRow>;
