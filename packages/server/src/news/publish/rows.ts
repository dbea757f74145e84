import type { Language, NewsItem } from '@carezone/contract';
import type { Insertable, Selectable } from 'kysely';
import type { NewsItemsTable } from '../../storage/database.js';
import type { PreparedNewsItem } from '../items/news-draft.js';

export type NewsRow = Selectable<NewsItemsTable>;

/** The columns a prepared item sets; `id`, `created_at` and the sort key are the store's. */
export function contentColumns(item: PreparedNewsItem) {
  return {
    source_id: item.sourceId,
    title: item.title,
    summary: item.summary,
    body_html: item.bodyHtml,
    language: item.language,
    published_at: item.publishedAt,
    updated_at: item.updatedAt,
    author: item.author,
    zones: JSON.stringify(item.zones),
    topics: JSON.stringify(item.topics),
    image: item.image,
    source_url: item.sourceUrl,
  } satisfies Partial<Insertable<NewsItemsTable>>;
}

/** Newest first by publication, then update; undated items last, in the order they were first seen. */
export function sortColumns(item: PreparedNewsItem, createdAt: string) {
  const date = item.publishedAt ?? item.updatedAt;
  return { dated: date === null ? 0 : 1, sort_at: date ?? createdAt };
}

export function toPrepared(row: NewsRow): PreparedNewsItem {
  return {
    sourceId: row.source_id,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    language: row.language as Language | null,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    author: row.author,
    zones: JSON.parse(row.zones) as string[],
    topics: JSON.parse(row.topics) as string[],
    image: row.image,
    sourceUrl: row.source_url,
  };
}

export function toNewsItem(row: NewsRow): NewsItem {
  const { sourceId: _sourceId, ...item } = toPrepared(row);
  return { id: row.id, ...item };
}
