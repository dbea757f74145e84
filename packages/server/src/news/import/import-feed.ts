import type { Storage } from '../../storage/storage.js';
import { type ImportCounts, upsertImportedItems } from '../publish/store.js';
import type { FeedItemOptions, SkippedItem } from './entries-to-items.js';
import { FeedImportError } from './feed-error.js';
import { type FeedPreparer, prepareFeedHere } from './prepare-feed.js';
import { type FeedBytes, type FeedLimits, fetchFeed, isFeedUrl, readFeedFile } from './read-feed-source.js';

export interface ImportOptions extends FeedItemOptions {
  limits?: FeedLimits | undefined;
  now?: (() => Date) | undefined;
  /** Where the feed is parsed and sanitised. Default: in this thread. */
  prepare?: FeedPreparer | undefined;
}

export interface ImportResult extends ImportCounts {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  /** Items stored or left as staff decided; skipped ones not included. */
  items: number;
  /** Items over the content limits, left out (and, if stored before, left as they were). */
  skipped: SkippedItem[];
}

/**
 * Decodes, parses, maps and stores one feed's bytes. Everything that can fail does so before the
 * one transaction that stores the items, and that transaction stores all of them or none.
 */
export async function importFeedBytes(
  storage: Storage,
  source: FeedBytes,
  location: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const { prepare = prepareFeedHere, limits: _limits, now, ...itemOptions } = options;
  const { format, items, skipped } = await prepare(source, location, itemOptions);
  const counts = await upsertImportedItems(storage, items, now);
  return { format, items: items.length, skipped, ...counts };
}

/** Imports a feed file or URL (`carezone news import`). Failures are `FeedImportError`s. */
export async function importFeed(
  storage: Storage,
  location: string,
  options: ImportOptions,
): Promise<ImportResult> {
  let source: FeedBytes;
  if (isFeedUrl(location)) {
    const fetched = await fetchFeed(location, {}, options.limits);
    // Nothing conditional was sent, so a 304 here is a broken server.
    if (fetched.kind === 'not-modified') throw new FeedImportError(`${location} answered 304 to a plain GET`);
    source = fetched;
  } else {
    source = await readFeedFile(location, options.limits);
  }
  return importFeedBytes(storage, source, location, options);
}
