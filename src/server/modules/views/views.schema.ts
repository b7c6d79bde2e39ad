import { z } from 'zod';
import { CustomerFilters } from '../customers/customers.schema';

export const VIEW_ENTITIES = ['customers'] as const;

/**
 * A view keeps the list's query parameters as the list takes them (strings, comma lists),
 * so the page can put them straight back into its URL. Unknown parameters are refused.
 */
export const SavedViewFilters = z
  .record(z.string(), z.string().max(2000))
  .superRefine((value, ctx) => {
    const parsed = CustomerFilters.strict().safeParse(value);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const key of keys) {
        ctx.addIssue({
          code: 'custom',
          path: key ? [key] : issue.path,
          message:
            issue.code === 'unrecognized_keys' ? 'is not a customer list filter' : issue.message,
        });
      }
    }
  });

export const SavedView = z.object({
  id: z.string(),
  entity: z.enum(VIEW_ENTITIES),
  name: z.string(),
  filters: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof SavedView>;

export const CreateSavedViewRequest = z.object({
  entity: z.enum(VIEW_ENTITIES),
  name: z.string().trim().min(1, 'is required').max(100),
  filters: SavedViewFilters,
});
export type CreateSavedViewRequest = z.infer<typeof CreateSavedViewRequest>;

export const SavedViewListQuery = z.object({ entity: z.enum(VIEW_ENTITIES) });
