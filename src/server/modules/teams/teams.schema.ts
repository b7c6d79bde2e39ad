import { z } from 'zod';
import { Id } from '../users/users.schema';

export const Team = z.object({
  id: z.string(),
  name: z.string(),
  managerId: z.string().nullable(),
  memberCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Team = z.infer<typeof Team>;

export const CreateTeamRequest = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  managerId: Id.nullish(),
});
export type CreateTeamRequest = z.infer<typeof CreateTeamRequest>;

export const UpdateTeamRequest = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1, 'is required').max(100).optional(),
  managerId: Id.nullable().optional(),
});
export type UpdateTeamRequest = z.infer<typeof UpdateTeamRequest>;
