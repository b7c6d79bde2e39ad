import { z } from 'zod';
import { isValidDay } from '../../../domain/format/dates';
import { CONTACT_ROLES } from '../../../domain/vocabulary';
import { ListQuery } from '../../http/listSchema';
import { Id } from '../users/users.schema';

const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const Day = z.string().refine((value) => isValidDay(value), 'must be a date YYYY-MM-DD');

const ContactFields = {
  title: optionalText(100),
  phone: optionalText(50),
  mobile: optionalText(50),
  email: z.string().trim().email('must be an email address').max(200).nullish().or(z.literal('')),
  wechat: optionalText(100),
  whatsapp: optionalText(50),
  /** Place in the decision chain (决策链). */
  role: z.enum(CONTACT_ROLES).nullish(),
  /** 1 (little say) to 5 (decides). */
  decisionWeight: z.number().int().min(1).max(5).nullish(),
  personalStyle: optionalText(500),
  birthday: Day.nullish(),
  interests: optionalText(1000),
  notes: optionalText(5000),
  /** One primary contact per customer: setting it moves the mark from the previous one. */
  isPrimary: z.boolean().optional(),
};

export const CreateContactRequest = z.object({
  customerId: Id,
  name: z.string().trim().min(1, 'is required').max(100),
  ...ContactFields,
});
export type CreateContactRequest = z.infer<typeof CreateContactRequest>;

export const UpdateContactRequest = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1, 'is required').max(100).optional(),
  ...ContactFields,
  archived: z.boolean().optional(),
});
export type UpdateContactRequest = z.infer<typeof UpdateContactRequest>;

export const Contact = z.object({
  id: z.string(),
  customerId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  whatsapp: z.string().nullable(),
  role: z.enum(CONTACT_ROLES).nullable(),
  decisionWeight: z.number().int().nullable(),
  personalStyle: z.string().nullable(),
  birthday: z.string().nullable(),
  interests: z.string().nullable(),
  notes: z.string().nullable(),
  isPrimary: z.boolean(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactListQuery = ListQuery.extend({
  /** Default false: archived contacts are left out. */
  archived: z.enum(['true', 'false', 'all']).default('false'),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

const ChainMember = Contact.pick({
  id: true,
  name: true,
  title: true,
  role: true,
  decisionWeight: true,
  personalStyle: true,
  isPrimary: true,
});

export const DecisionChain = z.object({
  customerId: z.string(),
  /** Every role in the chain's order (decision maker first), heaviest contact first. */
  groups: z.array(
    z.object({
      role: z.enum(CONTACT_ROLES),
      totalWeight: z.number().int(),
      contacts: z.array(ChainMember),
    }),
  ),
  /** Contacts whose role is not known yet. */
  unassigned: z.array(ChainMember),
  warnings: z.array(z.enum(['no_contacts', 'no_decision_maker'])),
});
export type DecisionChain = z.infer<typeof DecisionChain>;
