import { z } from 'zod';
import { Id } from '../users/users.schema';

export const SourceChannel = z.object({
  id: z.string(),
  /** Stored in the org's language (zh-CN for the seeded channels); customers.source holds this name. */
  name: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type SourceChannel = z.infer<typeof SourceChannel>;

const ChannelName = z.string().trim().min(1, 'is required').max(100);

export const CreateSourceChannelRequest = z.object({ name: ChannelName });

export const UpdateSourceChannelRequest = z.object({
  version: z.number().int(),
  /** Renaming also renames the source of every customer that had the old name. */
  name: ChannelName.optional(),
  active: z.boolean().optional(),
});
export type UpdateSourceChannelRequest = z.infer<typeof UpdateSourceChannelRequest>;

export const ReorderSourceChannelsRequest = z.object({
  /** Every channel id of the org, in the new order. */
  ids: z.array(Id).min(1).max(500),
});

export const SourceChannelListQuery = z.object({
  /** Default true: the customer form offers active channels; `all` for the settings page. */
  active: z.enum(['true', 'all']).default('true'),
});

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'boolean', 'date', 'select'] as const;

export const CustomFieldDef = z.object({
  id: z.string(),
  /** The key under customers.custom. */
  key: z.string(),
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  /** The choices of a select field. */
  options: z.array(z.string()),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type CustomFieldDef = z.infer<typeof CustomFieldDef>;

const Options = z.array(z.string().trim().min(1).max(100)).max(200);

export const CreateCustomFieldDefRequest = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9_]{0,63}$/, 'must start with a-z and hold only letters, digits, _'),
    label: z.string().trim().min(1, 'is required').max(100),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: Options.optional(),
    sort: z.number().int().min(0).max(100_000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type === 'select' && !value.options?.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select field needs options' });
    }
  });
export type CreateCustomFieldDefRequest = z.infer<typeof CreateCustomFieldDefRequest>;

/** The key and type stay: customers' stored values depend on them. */
export const UpdateCustomFieldDefRequest = z.object({
  version: z.number().int(),
  label: z.string().trim().min(1, 'is required').max(100).optional(),
  options: Options.optional(),
  sort: z.number().int().min(0).max(100_000).optional(),
  /** Deactivated fields leave the form; values already saved stay valid. */
  active: z.boolean().optional(),
});
export type UpdateCustomFieldDefRequest = z.infer<typeof UpdateCustomFieldDefRequest>;

/** The zone's canonical IANA name ('asia/shanghai' → 'Asia/Shanghai'), or null when unknown. */
function canonicalTimeZone(value: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const OrgSettingsView = z.object({
  id: z.string(),
  name: z.string(),
  /** IANA zone used for "today", "this month" and every day-based rule. */
  timeZone: z.string(),
  currency: z.string(),
  /** "My day" lists customers with no follow-up for this many days. */
  neglectedAfterDays: z.number().int(),
  /** Customer rows a rep or manager may export per day; admins are not held to it. */
  exportDailyRowQuota: z.number().int(),
  /** A rep's export of at least this many rows raises a reminder for their manager. */
  exportWarningRows: z.number().int(),
  version: z.number().int(),
});
export type OrgSettingsView = z.infer<typeof OrgSettingsView>;

export const UpdateOrgSettingsRequest = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1, 'is required').max(200).optional(),
  timeZone: z
    .string()
    .trim()
    .max(100)
    .refine((value) => canonicalTimeZone(value) !== null, 'is not a known time zone')
    .transform((value) => canonicalTimeZone(value) as string)
    .optional(),
  neglectedAfterDays: z.number().int().min(1).max(365).optional(),
  exportDailyRowQuota: z.number().int().min(1).max(1_000_000).optional(),
  exportWarningRows: z.number().int().min(1).max(1_000_000).optional(),
});
export type UpdateOrgSettingsRequest = z.infer<typeof UpdateOrgSettingsRequest>;
