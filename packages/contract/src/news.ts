import * as z from 'zod/mini';
import { IsoDateTime, Language, Slug } from './common.js';
import { LIMITS, pageOf, QueryLimit } from './queries.js';

/** A news item. Real feeds miss dates, authors and zones: those are `null` or empty, never invented. */
export const NewsItem = z.object({
  id: z.string(),
  title: z.string(),
  /** Plain text. */
  summary: z.string(),
  /** Sanitised HTML (allow-listed on the way in). */
  bodyHtml: z.nullable(z.string()),
  language: z.nullable(Language),
  publishedAt: z.nullable(IsoDateTime),
  updatedAt: z.nullable(IsoDateTime),
  author: z.nullable(z.string()),
  zones: z.array(Slug),
  topics: z.array(z.string()),
  image: z.nullable(z.string()),
  sourceUrl: z.nullable(z.string()),
});
export type NewsItem = z.infer<typeof NewsItem>;

export const NewsPage = pageOf(NewsItem);
export type NewsPage = z.infer<typeof NewsPage>;

export const NewsInput = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  summary: z.optional(z.string().check(z.maxLength(1000))),
  bodyHtml: z.optional(z.string().check(z.maxLength(200_000))),
  language: Language,
  publishedAt: z.optional(IsoDateTime),
  author: z.optional(z.string().check(z.maxLength(200))),
  zones: z.array(Slug).check(z.minLength(1)),
  topics: z.optional(z.array(z.string().check(z.maxLength(100)))),
  image: z.optional(z.url({ protocol: /^https$/ })),
  sourceUrl: z.optional(z.url({ protocol: /^https?$/ })),
});
export type NewsInput = z.infer<typeof NewsInput>;

/**
 * A change to a staff news item: every field may be left out (kept as it is); those given replace
 * the item's, and `null` clears an optional one (the summary is then made from the body again).
 */
export const NewsPatch = z.object({
  title: z.optional(NewsInput.shape.title),
  summary: z.optional(z.nullable(NewsInput.shape.summary.def.innerType)),
  bodyHtml: z.optional(z.nullable(NewsInput.shape.bodyHtml.def.innerType)),
  language: z.optional(NewsInput.shape.language),
  publishedAt: z.optional(z.nullable(NewsInput.shape.publishedAt.def.innerType)),
  author: z.optional(z.nullable(NewsInput.shape.author.def.innerType)),
  zones: z.optional(NewsInput.shape.zones),
  topics: z.optional(z.nullable(NewsInput.shape.topics.def.innerType)),
  image: z.optional(z.nullable(NewsInput.shape.image.def.innerType)),
  sourceUrl: z.optional(z.nullable(NewsInput.shape.sourceUrl.def.innerType)),
});
export type NewsPatch = z.infer<typeof NewsPatch>;

export const NewsQuery = z.object({
  zone: z.optional(Slug),
  layer: z.optional(Slug),
  lang: z.optional(Language),
  topic: z.optional(z.string().check(z.maxLength(100))),
  limit: QueryLimit(LIMITS.pageMax, LIMITS.pageDefault),
  cursor: z.optional(z.string().check(z.maxLength(500))),
});
export type NewsQuery = z.infer<typeof NewsQuery>;
