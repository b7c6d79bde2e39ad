import { z } from 'zod';
import { TOPIC_CATEGORIES } from './defaultTopics';

export const Topic = z.object({
  id: z.string(),
  category: z.enum(TOPIC_CATEGORIES),
  title: z.string(),
  /** Message template; {{contact}}, {{company}}, {{me}} are placeholders for the sender to fill. */
  template: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Topic = z.infer<typeof Topic>;

export const CreateTopicRequest = z.object({
  category: z.enum(TOPIC_CATEGORIES),
  title: z.string().trim().min(1, 'is required').max(100),
  template: z.string().trim().min(1, 'is required').max(5000),
  /** Position within the category; default last. */
  sort: z.number().int().min(0).max(100_000).optional(),
});
export type CreateTopicRequest = z.infer<typeof CreateTopicRequest>;

export const UpdateTopicRequest = z.object({
  version: z.number().int(),
  category: z.enum(TOPIC_CATEGORIES).optional(),
  title: z.string().trim().min(1, 'is required').max(100).optional(),
  template: z.string().trim().min(1, 'is required').max(5000).optional(),
  sort: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});
export type UpdateTopicRequest = z.infer<typeof UpdateTopicRequest>;

export const TopicListQuery = z.object({
  category: z.enum(TOPIC_CATEGORIES).optional(),
  /** Default true: the picker shows active topics; `all` for the settings page. */
  active: z.enum(['true', 'false', 'all']).default('true'),
});
export type TopicListQuery = z.infer<typeof TopicListQuery>;
