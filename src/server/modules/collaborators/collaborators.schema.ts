import { z } from 'zod';
import { ROLES } from '../../../domain/vocabulary';
import { ListQuery } from '../../http/listSchema';
import { Id } from '../users/users.schema';

export const COLLABORATOR_ACCESS = ['read', 'write'] as const;
export type CollaboratorAccess = (typeof COLLABORATOR_ACCESS)[number];

export const ShareRequest = z.object({
  /** read: sees the customer, its deals, contacts and timeline; write: may also change them. */
  access: z.enum(COLLABORATOR_ACCESS),
});
export type ShareRequest = z.infer<typeof ShareRequest>;

export const Collaborator = z.object({
  id: z.string(),
  customerId: z.string(),
  userId: z.string(),
  userName: z.string(),
  userRole: z.enum(ROLES),
  access: z.enum(COLLABORATOR_ACCESS),
  addedById: z.string(),
  addedByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Collaborator = z.infer<typeof Collaborator>;

export const CustomerCollaborators = z.object({
  items: z.array(Collaborator),
  /**
   * What the caller may do with this customer: `owner` (the owner, their manager or an admin:
   * may change it and share it), `write` or `read` (a collaborator).
   */
  myAccess: z.enum(['owner', 'write', 'read']),
});
export type CustomerCollaborators = z.infer<typeof CustomerCollaborators>;

/** One share on the managers' overview: whose customer, shared with whom, how. */
export const Share = Collaborator.extend({
  customerName: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export type Share = z.infer<typeof Share>;

export const ShareListQuery = ListQuery.extend({
  /** Shared with this user. */
  userId: Id.optional(),
  /** Customers of this owner. */
  ownerId: Id.optional(),
  access: z.enum(COLLABORATOR_ACCESS).optional(),
});
export type ShareListQuery = z.infer<typeof ShareListQuery>;

export const CollaboratorParams = z.object({ id: Id, userId: Id });
