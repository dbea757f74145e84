/**
 * News: items made safe by the one sanitiser (items/), feed import (import/), storage with a stable
 * keyset order and outgoing feeds (publish/). Polling (poll/) is started by server.ts.
 */

export type { SkippedItem } from './import/entries-to-items.js';
export { FeedImportError } from './import/feed-error.js';
export { type ImportOptions, type ImportResult, importFeed, importFeedBytes } from './import/import-feed.js';
export { fetchFeed, MAX_FEED_BYTES, readFeedFile } from './import/read-feed-source.js';
export { MAX_HTML_DEPTH, MAX_ITEM_CHARS, NewsContentError } from './items/content-limits.js';
export type { NewsDraft, PreparedNewsItem } from './items/news-draft.js';
export { prepareNewsItem } from './items/prepare-item.js';
export { sanitizeBody } from './items/sanitize-body.js';
export { summaryFromBody, summaryFromText } from './items/summary.js';
export { decodeNewsCursor, encodeNewsCursor, type NewsPosition } from './publish/cursor.js';
export {
  getNewsItem,
  type ListNews,
  listNews,
  type NewsFilter,
  type StoredNewsPage,
} from './publish/read.js';
export {
  createNewsItem,
  deleteNewsItem,
  type ImportCounts,
  updateNewsItem,
  upsertImportedItems,
} from './publish/store.js';
