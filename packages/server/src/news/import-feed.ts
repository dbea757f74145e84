import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Storage } from '../storage/storage.js';
import { decodeFeedBytes } from './decode-feed.js';
import { FeedImportError } from './feed-error.js';
import { type FeedItemOptions, feedItems } from './feed-items.js';
import { parseFeedText } from './parse-feed.js';
import { type FeedBytes, type FeedLimits, fetchFeed, isFeedUrl, readFeedFile } from './read-feed-source.js';
import { type ImportCounts, upsertImportedItems } from './store.js';

export interface ImportOptions extends FeedItemOptions {
  limits?: FeedLimits | undefined;
  now?: (() => Date) | undefined;
}

export interface ImportResult extends ImportCounts {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  items: number;
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
  const text = decodeFeedBytes(source.bytes, source.contentType);
  const feed = parseFeedText(text, location);
  const identity = isFeedUrl(location) ? location : pathToFileURL(resolve(location)).href;
  const items = feedItems(feed, identity, options);
  const counts = await upsertImportedItems(storage, items, options.now);
  return { format: feed.format, items: items.length, ...counts };
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
