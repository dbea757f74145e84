import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeFeedBytes } from './decode-feed.js';
import { type FeedItemOptions, type FeedItems, feedItems } from './entries-to-items.js';
import { parseFeedText } from './parse-feed.js';
import { type FeedBytes, isFeedUrl } from './read-feed-source.js';

export interface PreparedFeed extends FeedItems {
  format: 'rss' | 'atom' | 'json' | 'rdf';
}

/**
 * Everything an import does before it stores: decode, parse, map, sanitise. Pure and synchronous,
 * so it runs the same in the importing thread (the CLI) and in the feed worker (polling).
 * Failures are `FeedImportError`s.
 */
export function prepareFeed(source: FeedBytes, location: string, options: FeedItemOptions): PreparedFeed {
  const text = decodeFeedBytes(source.bytes, source.contentType);
  const feed = parseFeedText(text, location);
  const identity = isFeedUrl(location) ? location : pathToFileURL(resolve(location)).href;
  return { format: feed.format, ...feedItems(feed, identity, options) };
}

/** Runs `prepareFeed` somewhere: in this thread, or in a worker (feed-worker-client.ts). */
export type FeedPreparer = (
  source: FeedBytes,
  location: string,
  options: FeedItemOptions,
) => Promise<PreparedFeed>;

export const prepareFeedHere: FeedPreparer = async (source, location, options) =>
  prepareFeed(source, location, options);
