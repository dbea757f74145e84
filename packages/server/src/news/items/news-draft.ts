import type { Language } from '@carezone/contract';

/**
 * A news item as a feed entry or a staff member gives it, before it is made safe: `bodyHtml` is
 * untrusted HTML, `summary` may hold markup, URLs may have any scheme. `prepareNewsItem` turns it
 * into a `PreparedNewsItem`, the only shape the store accepts.
 */
export interface NewsDraft {
  /** The feed's id for the item (already made unique across feeds); `null` for staff items. */
  sourceId: string | null;
  title: string;
  summary?: string | undefined;
  bodyHtml?: string | undefined;
  /** Plain text, used when there is no HTML body. */
  bodyText?: string | undefined;
  language?: string | undefined;
  publishedAt?: string | undefined;
  updatedAt?: string | undefined;
  author?: string | undefined;
  zones: readonly string[];
  topics?: readonly string[] | undefined;
  image?: string | undefined;
  sourceUrl?: string | undefined;
}

/** A news item made safe and normal: what is stored and served. */
export interface PreparedNewsItem {
  sourceId: string | null;
  title: string;
  summary: string;
  bodyHtml: string | null;
  language: Language | null;
  /** ISO-8601 UTC (`toISOString()`). */
  publishedAt: string | null;
  updatedAt: string | null;
  author: string | null;
  zones: string[];
  topics: string[];
  image: string | null;
  sourceUrl: string | null;
}
