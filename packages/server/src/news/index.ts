/** News: feed import, the one sanitiser, storage with a stable keyset order, outgoing feeds. */
export { MAX_HTML_DEPTH, MAX_ITEM_CHARS, NewsContentError } from './content-limits.js';
export { decodeNewsCursor, encodeNewsCursor, type NewsPosition } from './cursor.js';
export { FeedImportError } from './feed-error.js';
export type { SkippedItem } from './feed-items.js';
export { type ImportOptions, type ImportResult, importFeed, importFeedBytes } from './import-feed.js';
export type { NewsDraft, PreparedNewsItem } from './news-draft.js';
export { prepareNewsItem } from './prepare.js';
export { getNewsItem, type ListNews, listNews, type NewsFilter, type StoredNewsPage } from './read.js';
export { fetchFeed, MAX_FEED_BYTES, readFeedFile } from './read-feed-source.js';
export { sanitizeBody } from './sanitize-body.js';
export {
  createNewsItem,
  deleteNewsItem,
  type ImportCounts,
  updateNewsItem,
  upsertImportedItems,
} from './store.js';
export { summaryFromBody, summaryFromText } from './summary.js';
