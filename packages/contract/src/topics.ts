import * as z from 'zod/mini';
import { Slug } from './common.js';

/** A topic a session can be requested on. Labels are complete in all four languages. */
export const Topic = z.object({
  id: Slug,
  label: z.object({ nl: z.string(), fr: z.string(), en: z.string(), de: z.string() }),
});
export type Topic = z.infer<typeof Topic>;
export const TopicList = z.object({ data: z.array(Topic) });
export type TopicList = z.infer<typeof TopicList>;
