import type { NewsItem } from '@carezone/contract';
import type * as Feedsmith from 'feedsmith';
import { lazyDependency } from '../../lazy-dependency.js';

const feedsmith = lazyDependency<typeof Feedsmith>('feedsmith');

/** What every outgoing feed says about itself; URLs are absolute, from the server's public origin. */
export interface FeedMeta {
  title: string;
  description: string;
  /** This very feed's URL (self link, JSON Feed `feed_url`, Atom `id`). */
  selfUrl: string;
  /** A page of the news for people (the API list, or a page the network configures). */
  homeUrl: string;
  language?: string | undefined;
  /** Newest publication or update of the items; the epoch when there are none. */
  updated: string;
}

export const FEED_MEDIA_TYPES = {
  json: 'application/feed+json',
  atom: 'application/atom+xml',
  rss: 'application/rss+xml',
} as const;

export type FeedFormat = keyof typeof FEED_MEDIA_TYPES;

/** Readers need a date on every Atom entry; an undated item says the feed's own date. */
function dateOf(item: NewsItem, fallback: string): string {
  return item.updatedAt ?? item.publishedAt ?? fallback;
}

/** The item's page: its source, else its API URL, so every entry links somewhere absolute. */
function linkOf(item: NewsItem, itemUrl: (id: string) => string): string {
  return item.sourceUrl ?? itemUrl(item.id);
}

export function latestDate(items: readonly NewsItem[]): string {
  let latest = new Date(0).toISOString();
  for (const item of items) {
    const date = item.updatedAt ?? item.publishedAt;
    if (date !== null && date > latest) latest = date;
  }
  return latest;
}

export function jsonFeed(
  meta: FeedMeta,
  items: readonly NewsItem[],
  itemUrl: (id: string) => string,
): string {
  const feed = feedsmith().generateJsonFeed({
    title: meta.title,
    description: meta.description,
    home_page_url: meta.homeUrl,
    feed_url: meta.selfUrl,
    language: meta.language,
    items: items.map((item) => ({
      id: itemUrl(item.id),
      url: linkOf(item, itemUrl),
      title: item.title,
      summary: item.summary,
      // The stored body is already sanitised; a feed must carry some content, so the summary stands in.
      ...(item.bodyHtml === null ? { content_text: item.summary } : { content_html: item.bodyHtml }),
      ...(item.image && { image: item.image }),
      ...(item.publishedAt && { date_published: new Date(item.publishedAt) }),
      ...(item.updatedAt && { date_modified: new Date(item.updatedAt) }),
      ...(item.author && { authors: [{ name: item.author }] }),
      ...(item.language && { language: item.language }),
      tags: item.topics,
    })),
  });
  // JSON Feed requires `items`, also when there are none; the generator leaves an empty list out.
  return JSON.stringify({ ...(feed as object), items: (feed as { items?: unknown[] }).items ?? [] });
}

export function atomFeed(
  meta: FeedMeta,
  items: readonly NewsItem[],
  itemUrl: (id: string) => string,
): string {
  return feedsmith().generateAtomFeed({
    id: meta.selfUrl,
    title: { value: meta.title },
    subtitle: { value: meta.description },
    updated: new Date(meta.updated),
    // RFC 4287 §4.1.1: a feed names an author unless every entry does, and most items have none.
    authors: [{ name: meta.title }],
    links: [
      { href: meta.selfUrl, rel: 'self', type: FEED_MEDIA_TYPES.atom },
      { href: meta.homeUrl, rel: 'alternate' },
    ],
    entries: items.map((item) => ({
      id: itemUrl(item.id),
      title: { value: item.title },
      updated: new Date(dateOf(item, meta.updated)),
      ...(item.publishedAt && { published: new Date(item.publishedAt) }),
      links: [{ href: linkOf(item, itemUrl), rel: 'alternate' }],
      summary: { value: item.summary },
      ...(item.bodyHtml !== null && { content: { value: item.bodyHtml, type: 'html' } }),
      ...(item.author && { authors: [{ name: item.author }] }),
      categories: item.topics.map((term) => ({ term })),
    })),
  });
}

export function rssFeed(meta: FeedMeta, items: readonly NewsItem[], itemUrl: (id: string) => string): string {
  return feedsmith().generateRssFeed({
    title: meta.title,
    link: meta.homeUrl,
    description: meta.description,
    ...(meta.language && { language: meta.language }),
    atom: { links: [{ href: meta.selfUrl, rel: 'self', type: FEED_MEDIA_TYPES.rss }] },
    items: items.map((item) => ({
      title: item.title,
      link: linkOf(item, itemUrl),
      guid: { value: itemUrl(item.id), isPermaLink: false },
      description: item.bodyHtml ?? item.summary,
      ...(item.publishedAt && { pubDate: new Date(item.publishedAt) }),
      ...(item.author && { dc: { creators: [item.author] } }),
      categories: item.topics.map((name) => ({ name })),
    })),
  });
}
