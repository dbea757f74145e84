import * as z from 'zod/mini';
import { Slug } from './common.js';

/**
 * The topic id a requester picks for a subject that is not listed; `otherTopic` then says what it
 * is. The server always accepts it, whatever a deployment lists, so a form can offer it everywhere.
 */
export const OTHER_TOPIC_ID = 'other';

/** A topic a session can be requested on. Labels are complete in all four languages. */
export const Topic = z.object({
  id: Slug,
  label: z.object({ nl: z.string(), fr: z.string(), en: z.string(), de: z.string() }),
});
export type Topic = z.infer<typeof Topic>;
export const TopicList = z.object({ data: z.array(Topic) });
export type TopicList = z.infer<typeof TopicList>;
