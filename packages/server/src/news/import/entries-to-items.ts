import { createHash } from 'node:crypto';
import type { Language } from '@carezone/contract';
import { NewsContentError } from '../items/content-limits.js';
import type { NewsDraft, PreparedNewsItem } from '../items/news-draft.js';
import { truncateAtWord } from '../items/plain-text.js';
import { prepareNewsItem } from '../items/prepare-item.js';
import { FeedImportError } from './feed-error.js';
import type { FeedEntry, ParsedFeed } from './parsed-feed.js';

export interface FeedItemOptions {
  /** Zones every item of the feed belongs to (`--zone`, or the zone of a polled source). */
  zones: readonly string[];
  /** The items' language when neither item nor feed says (`--language`). */
  language?: Language | undefined;
  /**
   * The zones a feed's `_carezone.zones` may add; suggestions outside them are dropped. For an
   * operator's `news import`, every zone of the loaded packs; for a polled feed, only the zones it
   * is configured for, so a feed cannot publish into another zone's news.
   */
  knownZones: ReadonlySet<string>;
}

const ABSOLUTE_ID = /^[a-z][a-z\d+.-]*:/i;

/**
 * The item's id made unique across feeds. An absolute URI (a URL, `urn:`, `tag:`) is unique by
 * construction and kept as it is, so the same article in a site's RSS, Atom and JSON feed is one
 * item; a local id ("42") is prefixed with the feed's identity so two feeds cannot collide.
 */
function sourceIdOf(entry: FeedEntry, feedIdentity: string): string {
  const own = entry.id ?? entry.link;
  if (own !== undefined) return ABSOLUTE_ID.test(own) ? own : `${feedIdentity}#${own}`;
  const digest = createHash('sha256')
    .update(`${entry.title ?? ''}\n${entry.contentHtml ?? entry.contentText ?? ''}`)
    .digest('base64url');
  return `${feedIdentity}#sha256:${digest}`;
}

function zonesOf(entry: FeedEntry, options: FeedItemOptions): string[] {
  const suggested = entry.suggestedZones.filter((zone) => options.knownZones.has(zone));
  return [...new Set([...suggested, ...options.zones])];
}

function describeZoneless(titles: readonly string[]): string {
  const shown = titles
    .slice(0, 3)
    .map((title) => `"${truncateAtWord(title, 60)}"`)
    .join(', ');
  const more = titles.length > 3 ? ` and ${titles.length - 3} more` : '';
  return (
    `${titles.length} item(s) have no zone: ${shown}${more}. The feed suggests none of the loaded ` +
    'zones; give the zone(s) they belong to with --zone'
  );
}

/** An item of a feed that was left out, and why (one line for the operator, without its content). */
export interface SkippedItem {
  sourceId: string;
  reason: string;
}

export interface FeedItems {
  items: PreparedNewsItem[];
  skipped: SkippedItem[];
}

function describeSkip(error: NewsContentError): string {
  return error.field === undefined ? error.message : `${error.field}: ${error.message}`;
}

/**
 * The feed's items, made safe and normal, ready to store. An item over the limits of
 * items/content-limits.ts is skipped and reported: one crafted or broken article must not keep the
 * rest of its feed out. An item that would belong to no zone fails the whole feed rather than being
 * stored where no zone's list shows it.
 */
export function feedItems(feed: ParsedFeed, feedIdentity: string, options: FeedItemOptions): FeedItems {
  const identity = feed.identity ?? feedIdentity;
  const zoneless: string[] = [];
  const seen = new Set<string>();
  const items: PreparedNewsItem[] = [];
  const skipped: SkippedItem[] = [];
  for (const entry of feed.entries) {
    const sourceId = sourceIdOf(entry, identity);
    // A feed listing an item twice: the first wins, as a reader would show it.
    if (seen.has(sourceId)) continue;
    seen.add(sourceId);
    const item = prepareOrSkip(sourceId, skipped, {
      sourceId,
      title: entry.title ?? '',
      summary: entry.summary,
      bodyHtml: entry.contentHtml,
      bodyText: entry.contentText,
      language: entry.language ?? feed.language ?? options.language,
      publishedAt: entry.published,
      updatedAt: entry.updated,
      author: entry.author,
      zones: zonesOf(entry, options),
      topics: entry.categories,
      image: entry.image,
      sourceUrl: entry.link,
    });
    if (item === undefined) continue;
    // JSON Feed and RSS allow untitled items; a list needs something to show.
    if (item.title === '') item.title = truncateAtWord(item.summary, 100) || sourceId;
    if (item.zones.length === 0) zoneless.push(item.title);
    items.push(item);
  }
  if (zoneless.length > 0) throw new FeedImportError(describeZoneless(zoneless));
  return { items, skipped };
}

function prepareOrSkip(
  sourceId: string,
  skipped: SkippedItem[],
  draft: NewsDraft,
): PreparedNewsItem | undefined {
  try {
    return prepareNewsItem(draft);
  } catch (error) {
    if (!(error instanceof NewsContentError)) throw error;
    skipped.push({ sourceId, reason: describeSkip(error) });
    return undefined;
  }
}
