import { z } from 'zod';
import { CAMPAIGN_TYPES, type CampaignType } from '../../../domain/campaigns/campaignTypes';
import { isValidDay } from '../../../domain/format/dates';
import { ListQuery } from '../../http/listSchema';
import { Yuan } from '../deals/deals.schema';
import { Id } from '../users/users.schema';

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isValidDay, 'is not a calendar date');
const optionalText = (max: number) => z.string().trim().max(max).nullish();

const CampaignFields = {
  type: z.enum(CAMPAIGN_TYPES),
  name: z.string().trim().min(1, 'is required').max(200),
  startsOn: Day,
  endsOn: Day,
  place: optionalText(300),
  /** Who runs it; default the caller. */
  ownerId: Id.optional(),
  /** What it cost, in 元 (stored as integer cents). */
  cost: Yuan.nullish(),
  /** One of the org's active source channels (来源渠道). */
  source: optionalText(100),
  notes: optionalText(5000),
};

function endsAfterStart(value: { startsOn?: string; endsOn?: string }, ctx: z.RefinementCtx) {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before startsOn' });
  }
}

export const CreateCampaignRequest = z.object(CampaignFields).superRefine(endsAfterStart);
export type CreateCampaignRequest = z.infer<typeof CreateCampaignRequest>;

export const UpdateCampaignRequest = z
  .object({
    type: CampaignFields.type.optional(),
    name: CampaignFields.name.optional(),
    startsOn: Day.optional(),
    endsOn: Day.optional(),
    place: CampaignFields.place,
    ownerId: Id.optional(),
    cost: CampaignFields.cost,
    source: CampaignFields.source,
    notes: CampaignFields.notes,
    version: z.number().int(),
  })
  .superRefine(endsAfterStart);
export type UpdateCampaignRequest = z.infer<typeof UpdateCampaignRequest>;

export const Campaign = z.object({
  id: z.string(),
  type: z.enum(CAMPAIGN_TYPES),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  /** 元, null when not recorded. */
  cost: z.number().nullable(),
  source: z.string().nullable(),
  notes: z.string().nullable(),
  /** Invited and attending customers among those the caller may see. */
  invited: z.number().int(),
  attended: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignListQuery = ListQuery.extend({
  type: z.enum(CAMPAIGN_TYPES).optional(),
  /** Campaigns starting on or after this day. */
  from: Day.optional(),
  /** Campaigns starting on or before this day. */
  to: Day.optional(),
  q: z.string().trim().max(100).optional(),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;

export const AddInviteesRequest = z.object({
  invitees: z
    .array(z.object({ customerId: Id, contactId: Id.nullish() }))
    .min(1, 'must name at least one customer')
    .max(200),
});
export type AddInviteesRequest = z.infer<typeof AddInviteesRequest>;

export const Invitee = z.object({
  id: z.string(),
  campaignId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  ownerName: z.string().nullable(),
  invitedAt: z.string(),
  attended: z.boolean(),
  attendedAt: z.string().nullable(),
  /** The follow-up record the attendance logged on the customer. */
  activityId: z.string().nullable(),
});
export type Invitee = z.infer<typeof Invitee>;

export const AttendRequest = z.object({
  /** The day they came, within the campaign's dates; default today or the first day. */
  attendedOn: Day.optional(),
});
export type AttendRequest = z.infer<typeof AttendRequest>;

export const CampaignReportQuery = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    type: z.enum(CAMPAIGN_TYPES).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    }
  });
export type CampaignReportQuery = z.infer<typeof CampaignReportQuery>;

const Figures = {
  /** Distinct invited customers the caller may see. */
  invited: z.number().int(),
  /** Distinct customers with at least one attending invitee. */
  attended: z.number().int(),
  /** Attending customers with a forward stage move (lifecycle or deal) since the start day. */
  movedForward: z.number().int(),
  /** Distinct won deals of attending customers, closed since the start day, and their amount (元). */
  dealsWon: z.number().int(),
  wonAmount: z.number(),
  /** 元; campaigns without a recorded cost add nothing. */
  cost: z.number(),
};

export const CampaignReport = z.object({
  rows: z.array(
    z.object({
      campaignId: z.string(),
      name: z.string(),
      type: z.enum(CAMPAIGN_TYPES),
      source: z.string().nullable(),
      startsOn: z.string(),
      endsOn: z.string(),
      ...Figures,
    }),
  ),
  /** Per source channel; a customer or deal counted once per channel however many campaigns. */
  bySource: z.array(
    z.object({ source: z.string().nullable(), campaigns: z.number().int(), ...Figures }),
  ),
  total: z.object({ campaigns: z.number().int(), ...Figures }),
});
export type CampaignReport = z.infer<typeof CampaignReport>;
export type { CampaignType };
