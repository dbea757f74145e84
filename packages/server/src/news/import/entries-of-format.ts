import type { AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import type { FeedEntry, ParsedFeed } from './parsed-feed.js';

type Rss = RssFeed.Feed<unknown>;
type Atom = AtomFeed.Feed<unknown>;
type Json = JsonFeed.Feed<unknown>;
type Rdf = RdfFeed.Feed<unknown>;

/** feedsmith leaves dates as the feed wrote them; a date string is all that is read here. */
const dateText = (value: unknown) => (typeof value === 'string' ? value : undefined);

const nonEmpty = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

function imageOfEnclosures(enclosures: readonly { url?: string; type?: string }[] | undefined) {
  return enclosures?.find((enclosure) => enclosure.type?.startsWith('image/'))?.url;
}

export function entriesOfRss(feed: Rss): ParsedFeed {
  return {
    format: 'rss',
    identity: nonEmpty(feed.link),
    language: feed.language,
    entries: (feed.items ?? []).map((item) => {
      const encoded = nonEmpty(item.content?.encoded);
      return {
        id: nonEmpty(item.guid?.value),
        link: nonEmpty(item.link),
        title: item.title,
        // With content:encoded the description is the teaser; without, it is the article.
        summary: encoded === undefined ? undefined : item.description,
        contentHtml: encoded ?? nonEmpty(item.description),
        published: dateText(item.pubDate) ?? dateText(item.dc?.dates?.[0]),
        updated: dateText(item.atom?.updated),
        author: nonEmpty(item.authors?.[0]?.name) ?? nonEmpty(item.dc?.creators?.[0]),
        categories: (item.categories ?? []).flatMap((category) => category.name ?? []),
        image: imageOfEnclosures(item.enclosures),
        suggestedZones: [],
      } satisfies FeedEntry;
    }),
  };
}

export function entriesOfAtom(feed: Atom): ParsedFeed {
  return {
    format: 'atom',
    identity: nonEmpty(feed.id),
    entries: (feed.entries ?? []).map((entry) => {
      const content = entry.content;
      const isText = content?.type === undefined || content.type === 'text';
      const alternate =
        entry.links?.find((link) => link.rel === undefined || link.rel === 'alternate') ?? entry.links?.[0];
      return {
        id: nonEmpty(entry.id),
        link: nonEmpty(alternate?.href),
        title: entry.title?.value,
        summary: entry.summary?.value,
        contentHtml: isText ? undefined : nonEmpty(content?.value),
        contentText: isText ? nonEmpty(content?.value) : undefined,
        published: dateText(entry.published),
        updated: dateText(entry.updated),
        author: nonEmpty(entry.authors?.[0]?.name),
        categories: (entry.categories ?? []).flatMap((category) => category.label ?? category.term ?? []),
        image: imageOfEnclosures(
          entry.links
            ?.filter((link) => link.rel === 'enclosure')
            .map((link) => ({ url: link.href, type: link.type })),
        ),
        suggestedZones: [],
      } satisfies FeedEntry;
    }),
  };
}

export function entriesOfRdf(feed: Rdf): ParsedFeed {
  return {
    format: 'rdf',
    identity: nonEmpty(feed.link),
    entries: (feed.items ?? []).map((item) => ({
      id: nonEmpty(item.rdf?.about) ?? nonEmpty(item.link),
      link: nonEmpty(item.link),
      title: item.title,
      contentHtml: nonEmpty(item.content?.encoded) ?? nonEmpty(item.description),
      published: dateText(item.dc?.dates?.[0]),
      author: nonEmpty(item.dc?.creators?.[0]),
      categories: item.dc?.subjects ?? [],
      suggestedZones: [],
    })),
  };
}

/** `_carezone.zones` of the raw item with this id: feedsmith keeps only the spec's fields. */
function extensionZones(raw: unknown, index: number): string[] {
  const items = (raw as { items?: unknown }).items;
  const extension = Array.isArray(items)
    ? (items[index] as { _carezone?: { zones?: unknown } } | undefined)?._carezone
    : undefined;
  const zones = extension?.zones;
  return Array.isArray(zones) ? zones.filter((zone): zone is string => typeof zone === 'string') : [];
}

export function entriesOfJson(feed: Json, raw: unknown): ParsedFeed {
  return {
    format: 'json',
    identity: nonEmpty(feed.feed_url) ?? nonEmpty(feed.home_page_url),
    language: feed.language,
    entries: (feed.items ?? []).map((item, index) => {
      const author = item.authors?.[0] ?? (item as { author?: { name?: string } }).author;
      return {
        id: nonEmpty(String(item.id ?? '')),
        link: nonEmpty(item.url) ?? nonEmpty(item.external_url),
        title: item.title,
        summary: item.summary,
        contentHtml: nonEmpty(item.content_html),
        contentText: nonEmpty(item.content_text),
        language: item.language,
        published: dateText(item.date_published),
        updated: dateText(item.date_modified),
        author: nonEmpty(author?.name),
        categories: item.tags ?? [],
        image: nonEmpty(item.image) ?? nonEmpty(item.banner_image),
        suggestedZones: extensionZones(raw, index),
      } satisfies FeedEntry;
    }),
  };
}
