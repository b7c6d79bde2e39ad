import { z } from 'zod';
import { ListQuery } from '../../http/listSchema';
import { Id } from '../users/users.schema';

const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const CustomValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

const CustomerFields = {
  industry: optionalText(100),
  headcount: z.number().int().min(0).max(10_000_000).nullish(),
  province: optionalText(50),
  city: optionalText(50),
  address: optionalText(300),
  country: optionalText(100),
  website: optionalText(300),
  phone: optionalText(50),
  email: z.string().trim().email('must be an email address').max(200).nullish().or(z.literal('')),
  source: optionalText(100),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).optional(),
  custom: z.record(z.string().max(64), CustomValue).optional(),
};

export const CreateCustomerRequest = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  ...CustomerFields,
  ownerId: Id.nullish(),
  /** Save even though a possible duplicate exists (the user saw the match and confirmed). */
  confirmDuplicate: z.boolean().optional(),
});
export type CreateCustomerRequest = z.infer<typeof CreateCustomerRequest>;

export const UpdateCustomerRequest = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1, 'is required').max(200).optional(),
  ...CustomerFields,
  archived: z.boolean().optional(),
  confirmDuplicate: z.boolean().optional(),
});
export type UpdateCustomerRequest = z.infer<typeof UpdateCustomerRequest>;

export const Customer = z.object({
  id: z.string(),
  name: z.string(),
  industry: z.string().nullable(),
  headcount: z.number().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  country: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.string().nullable(),
  inPool: z.boolean(),
  grade: z.string().nullable(),
  score: z.number().nullable(),
  /** score ≥ the org's qualification threshold; null until scored. */
  qualified: z.boolean().nullable(),
  lastContactAt: z.string().nullable(),
  nextFollowUpAt: z.string().nullable(),
  custom: z.record(z.string(), CustomValue),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof Customer>;

export const CUSTOMER_SORTS = [
  'nextFollowUpAt',
  '-lastContactAt',
  '-createdAt',
  'name',
  '-score',
  'score',
  '-updatedAt',
] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

const csv = z
  .string()
  .max(2000)
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );

export const CustomerFilters = z.object({
  q: z.string().trim().max(100).optional(),
  ownerId: Id.optional(),
  inPool: z.enum(['true', 'false']).optional(),
  grade: csv.optional(),
  source: csv.optional(),
  tag: csv.optional(),
  province: z.string().trim().max(50).optional(),
  city: z.string().trim().max(50).optional(),
  teamId: Id.optional(),
  /** overdue: next follow-up before now; today: due by the end of today (org time zone); none: no follow-up planned. */
  followUp: z.enum(['overdue', 'today', 'week', 'none']).optional(),
  archived: z.enum(['true', 'false', 'all']).optional(),
  /** true: score at or above the org's qualification threshold; false: below it or unscored. */
  qualified: z.enum(['true', 'false']).optional(),
  /** Only customers scored at least this (unscored ones never match). */
  minScore: z.coerce.number().int('must be an integer').min(-100_000).max(100_000).optional(),
});
export type CustomerFilters = z.infer<typeof CustomerFilters>;

export const CustomerListQuery = ListQuery.extend(CustomerFilters.shape).extend({
  sort: z.enum(CUSTOMER_SORTS).default('nextFollowUpAt'),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const DuplicateMatch = z.object({
  id: z.string(),
  name: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  matchedOn: z.array(z.enum(['name', 'phone', 'domain'])),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

export const DuplicateCheckQuery = z.object({
  name: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(50).optional(),
  email: z.string().trim().max(200).optional(),
  website: z.string().trim().max(300).optional(),
  excludeId: Id.optional(),
});
