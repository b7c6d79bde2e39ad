import { z } from 'zod';

// The list shapes alone (zod only), so schema files the web app imports at run time stay free
// of server code such as the error handler.

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
