import { z } from 'zod';
import { INQUIRY_CLASSES } from '../../../domain/inquiries';
import { LOCALES } from '../../../domain/vocabulary';
import { ListQuery } from '../../http/listSchema';
import { Customer, DuplicateMatch } from '../customers/customers.schema';
import { Day, Yuan } from '../deals/deals.schema';
import { Id } from '../users/users.schema';

const optionalText = (max: number) => z.string().trim().max(max).nullish();
const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
export const InquiryClass = z.enum(INQUIRY_CLASSES);
export const INQUIRY_STATUSES = ['new', 'replied', 'converted', 'archived'] as const;

/** The fixed core call: POST /inquiries (API.md). */
export const CreateInquiryRequest = z.object({
  /** Where it came from: email, website, alibaba, whatsapp, wechat, phone, … */
  channel: z.string().trim().min(1, 'is required').max(50),
  body: z.string().trim().min(1, 'is required').max(50_000),
  subject: optionalText(500),
  senderName: optionalText(200),
  senderEmail: z.string().trim().email('must be an email address').max(200).nullish(),
  company: optionalText(200),
  country: optionalText(100),
  /** When the inquiry arrived; defaults to now. */
  receivedAt: Instant.nullish(),
});
export type CreateInquiryRequest = z.infer<typeof CreateInquiryRequest>;

export const Signal = z.object({
  code: z.string(),
  /** The class this signal speaks for. */
  class: InquiryClass,
  weight: z.number(),
  label: z.string(),
  /** The text that matched; null for signals about something missing. */
  evidence: z.string().nullable(),
});

const InquiryFields = {
  id: z.string(),
  channel: z.string(),
  subject: z.string().nullable(),
  senderName: z.string().nullable(),
  senderEmail: z.string().nullable(),
  company: z.string().nullable(),
  country: z.string().nullable(),
  receivedAt: z.string(),
  /** The class now: a person's correction when there is one, else the classifier's. */
  classification: InquiryClass,
  /** What the classifier said, kept when a person corrects it. */
  originalClassification: InquiryClass,
  corrected: z.boolean(),
  confidence: z.number(),
  status: z.enum(INQUIRY_STATUSES),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  /** Whole minutes from receivedAt to the first reply. */
  firstResponseMinutes: z.number().int().nullable(),
  customerId: z.string().nullable(),
  contactId: z.string().nullable(),
  dealId: z.string().nullable(),
  convertedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const InquiryListItem = z.object({
  ...InquiryFields,
  /** The first 200 characters of the body. */
  excerpt: z.string(),
});
export type InquiryListItem = z.infer<typeof InquiryListItem>;

export const Inquiry = z.object({ ...InquiryFields, body: z.string(), signals: z.array(Signal) });
export type Inquiry = z.infer<typeof Inquiry>;

export const Playbook = z.object({
  title: z.string(),
  traits: z.string(),
  steps: z.array(z.string()),
  source: z.string(),
  backgroundCheck: z.object({ title: z.string(), steps: z.array(z.string()) }),
});

export const InquiryDetail = Inquiry.extend({
  locale: z.enum(LOCALES),
  /** Seed 002's handling playbook (处理办法) for the inquiry's class. */
  playbook: Playbook,
  /** Customers the inquirer may already be (by company name or company email domain). */
  possibleDuplicates: z.array(DuplicateMatch),
});
export type InquiryDetail = z.infer<typeof InquiryDetail>;

export const InquiryListQuery = ListQuery.extend({
  class: InquiryClass.optional(),
  status: z.enum(INQUIRY_STATUSES).optional(),
  channel: z.string().trim().max(50).optional(),
  assigneeId: Id.optional(),
  /** true: only the shared inbox (no assignee). */
  unassigned: z.enum(['true', 'false']).optional(),
});
export type InquiryListQuery = z.infer<typeof InquiryListQuery>;

export const UpdateInquiryRequest = z.object({
  version: z.number().int(),
  /** Corrects the class; the classifier's answer is kept for measuring accuracy. */
  classification: InquiryClass.optional(),
  /** replied records the first response (once); converted is set only by /convert. */
  status: z.enum(['new', 'replied', 'archived']).optional(),
  assigneeId: Id.nullable().optional(),
});
export type UpdateInquiryRequest = z.infer<typeof UpdateInquiryRequest>;

export const ConvertInquiryRequest = z.object({
  /** Defaults to the inquiry's company, else the sender's name. */
  customerName: z.string().trim().min(1).max(200).optional(),
  /** Attach to this existing customer instead of creating one (the answer to a duplicate). */
  customerId: Id.optional(),
  /** Owner of the new customer: as in POST /customers; defaults to the inquiry's assignee. */
  ownerId: Id.nullish(),
  source: z.string().trim().max(100).nullish(),
  industry: optionalText(100),
  /** Save the customer even though a possible duplicate exists. */
  confirmDuplicate: z.boolean().optional(),
  /** Defaults to the sender's name, else the address before the @. */
  contactName: z.string().trim().min(1).max(100).optional(),
  contactTitle: optionalText(100),
  /** Also open a deal (商机) in this funnel. */
  deal: z
    .object({
      funnelId: Id,
      /** Defaults to the inquiry's subject, else "<customer> inquiry". */
      name: z.string().trim().min(1).max(200).optional(),
      amount: Yuan.optional(),
      expectedCloseDate: Day.nullish(),
      stageKey: z.string().trim().min(1).max(64).optional(),
    })
    .optional(),
});
export type ConvertInquiryRequest = z.infer<typeof ConvertInquiryRequest>;

export const ConvertInquiryResponse = z.object({
  inquiry: Inquiry,
  customer: Customer,
  contactId: z.string().nullable(),
  dealId: z.string().nullable(),
});

export const InquiryReportQuery = z.object({
  /** Received from this day (org time zone, inclusive). */
  from: Day.optional(),
  /** Received up to this day (inclusive). */
  to: Day.optional(),
  channel: z.string().trim().max(50).optional(),
  assigneeId: Id.optional(),
});
export type InquiryReportQuery = z.infer<typeof InquiryReportQuery>;

export const InquiryReport = z.object({
  total: z.number().int(),
  converted: z.number().int(),
  classes: z.array(
    z.object({
      class: InquiryClass,
      /** Inquiries of this class now (after corrections). */
      count: z.number().int(),
      /** Inquiries the classifier put in this class. */
      classified: z.number().int(),
      /** Of those, how many a person moved to another class. */
      corrected: z.number().int(),
      /** (classified − corrected) ÷ classified; null when none was classified so. */
      accuracy: z.number().nullable(),
      converted: z.number().int(),
    }),
  ),
  firstResponse: z.object({
    replied: z.number().int(),
    unanswered: z.number().int(),
    medianMinutes: z.number().nullable(),
  }),
});
export type InquiryReport = z.infer<typeof InquiryReport>;
