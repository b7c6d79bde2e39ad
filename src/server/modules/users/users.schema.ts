import { z } from 'zod';
import { LOCALES, ROLES } from '../../../domain/vocabulary';

export const Email = z.string().trim().toLowerCase().email('must be an email address').max(200);
export const Password = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters');
export const Id = z.string().uuid('must be an id');

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teamId: z.string().nullable(),
  locale: z.enum(LOCALES).nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const CreateUserRequest = z.object({
  email: Email,
  name: z.string().trim().min(1, 'is required').max(100),
  password: Password,
  role: z.enum(ROLES),
  teamId: Id.nullish(),
  locale: z.enum(LOCALES).nullish(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.object({
  version: z.number().int(),
  email: Email.optional(),
  name: z.string().trim().min(1, 'is required').max(100).optional(),
  role: z.enum(ROLES).optional(),
  teamId: Id.nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const SetPasswordRequest = z.object({
  password: Password,
  currentPassword: z.string().optional(),
});

export const UpdateMeRequest = z.object({
  locale: z.enum(LOCALES).optional(),
  name: z.string().trim().min(1, 'is required').max(100).optional(),
});

export const UserList = z.object({ items: z.array(User), nextCursor: z.string().nullable() });
