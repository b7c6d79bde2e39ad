import { z } from 'zod';
import { LOCALES } from '../../../domain/vocabulary';
import { ListQuery } from '../../http/listSchema';
import { Id } from '../users/users.schema';

export const CHURN_CODES = [
  'no_order_overdue',
  'revenue_drop',
  'payment_overdue',
  'contract_ending',
] as const;

const ChurnOptionFields = {
  /** Flag when the days since the last order exceed this × the customer's median interval. */
  intervalFactor: z.number().min(1).max(10),
  /** Flag when the last 90 days' revenue fell at least this many percent from the 90 before. */
  dropPercent: z.number().int().min(1).max(100),
  /** Flag a contract (custom field contractEndDate) ending within this many days. */
  contractDays: z.number().int().min(0).max(365),
  /** Distinct order days needed before a customer's own rhythm is trusted. */
  minOrders: z.number().int().min(2).max(100),
  /** A sales record without a due date is due this many days after its order date. */
  defaultPaymentTermsDays: z.number().int().min(0).max(365),
};

export const ChurnSettings = z.object({
  ...ChurnOptionFields,
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type ChurnSettings = z.infer<typeof ChurnSettings>;

export const UpdateChurnSettingsRequest = z
  .object(ChurnOptionFields)
  .partial()
  .extend({ version: z.number().int() });
export type UpdateChurnSettingsRequest = z.infer<typeof UpdateChurnSettingsRequest>;

export const ChurnWarningOut = z.object({
  code: z.enum(CHURN_CODES),
  severity: z.enum(['warning', 'critical']),
  label: z.string(),
  /** The figures behind the flag (days, cents, percent), by name. */
  detail: z.record(z.string(), z.number()),
});

export const FlaggedCustomer = z.object({
  customerId: z.string(),
  customerName: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.string().nullable(),
  grade: z.string().nullable(),
  warnings: z.array(ChurnWarningOut),
});
export type FlaggedCustomer = z.infer<typeof FlaggedCustomer>;

export const ChurnReportQuery = ListQuery.extend({
  ownerId: Id.optional(),
  teamId: Id.optional(),
  code: z.enum(CHURN_CODES).optional(),
  severity: z.enum(['warning', 'critical']).optional(),
  locale: z.enum(LOCALES).optional(),
});
export type ChurnReportQuery = z.infer<typeof ChurnReportQuery>;

export const ChurnReport = z.object({
  /** Critical first, then the most flags, then by name. */
  items: z.array(FlaggedCustomer),
  nextCursor: z.string().nullable(),
  /** Flagged customers per code over the whole result, not just this page. */
  counts: z.record(z.enum(CHURN_CODES), z.number().int()),
  /** The org's day the warnings are computed for. */
  asOf: z.string(),
});
export type ChurnReport = z.infer<typeof ChurnReport>;

export const CustomerWarnings = z.object({
  customerId: z.string(),
  asOf: z.string(),
  warnings: z.array(ChurnWarningOut),
});

export const WarningTaskParams = z.object({ id: Id, code: z.enum(CHURN_CODES) });
